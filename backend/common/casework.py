"""The casework kernel: what every workflow with states, versions and a second pair of eyes
shares (disputes, fraud reports, cases, policy changes; arrangements join when their service
takes these names).

- `InvalidTransition` (409 `invalid_transition`): the action is not allowed in the subject's
  current state; the detail names the state and what is allowed now, and `transition_params`
  says the same for a client to word (docs/api-wording.md "Refusals").
- `FourEyes` (403 `four_eyes`) and `ensure_four_eyes`: nobody approves or rejects what they
  proposed themselves; `params` name the subject.
- `etag_of(kind, subject)`: the ETag of the version of a case-like row a client read (the
  format and the `If-Match` check live in `backend.common.concurrency`).

A domain raises these instead of defining its own, so a client sees one code per failure,
whatever the workflow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from backend.common.concurrency import etag_for
from backend.errors import Conflict, Forbidden


class InvalidTransition(Conflict):
    """409: the action is not allowed in the subject's current state."""

    code = "invalid_transition"
    title = "Not allowed in the current state"


class FourEyes(Forbidden):
    """403: the person deciding a proposal is the one who made it."""

    code = "four_eyes"
    title = "The approver must not be the proposer"


def transition_params(subject: str, status: str, action: str, allowed: Sequence[str]) -> dict[str, Any]:
    """The `params` of an `invalid_transition` refusal: the subject (`dispute`, `fraud_report`,
    `arrangement`), its status, the action refused and the actions allowed now."""
    return {"subject": subject, "status": status, "action": action, "allowed_actions": list(allowed)}


def ensure_four_eyes(*, proposed_by: int | None, deciding_user_id: int, detail: str, subject: str) -> None:
    """Raise `FourEyes` with `detail` (and `params` naming `subject`: `dispute_outcome`,
    `arrangement`) when the deciding user made the proposal."""
    if proposed_by is not None and proposed_by == deciding_user_id:
        raise FourEyes(detail, params={"subject": subject})


class Versioned(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def version(self) -> int: ...


def etag_of(kind: str, subject: Versioned) -> str:
    """The strong ETag of the version of `subject` just read, e.g. `"dispute-12-v3"`."""
    return etag_for(kind, subject.id, subject.version)
