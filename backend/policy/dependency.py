"""`PolicyDep`: the policy in force, read from the database once per request.

FastAPI resolves a dependency once per request, so every service a request calls sees the same
limits; the next request reads them again, so an approval in one backend process is in force in
every other from their next request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from backend.deps import SessionDep, SettingsDep
from backend.policy.service import current_policy
from backend.settings import Policy


def request_policy(session: SessionDep, settings: SettingsDep) -> Policy:
    return current_policy(session=session, seed=settings.policy)


PolicyDep = Annotated[Policy, Depends(request_policy)]
