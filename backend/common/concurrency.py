"""Optimistic concurrency for cases, disputes, fraud reports and arrangements: version + ETag.

Reads send `ETag: "<kind>-<id>-v<version>"`; every action must send it back as `If-Match`.
Missing → 428; stale or foreign → 412 with the current ETag. The check is one conditional
UPDATE that also bumps the version (`claim_version`): it is the first write of the action, so
of many concurrent actions on one row exactly one matches and the rest get 412, on SQLite
(whose writers queue on the database lock) and PostgreSQL (where the row lock makes the losers
re-read the new version) alike.

    def act(..., if_match: IfMatchHeader):
        version = claim_version(session=session, model=Dispute, kind="dispute",
                                entity_id=dispute_id, if_match=if_match)
        dispute = session.get(Dispute, dispute_id, populate_existing=True)  # read after the claim
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Header
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backend.errors import NotFound, PreconditionFailed, PreconditionRequired

IfMatchHeader = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description="The `ETag` of the version you read. Required; a stale one gets 412.",
    ),
]

# Versions are 32-bit INTEGER columns: a larger number in an If-Match names no version there can
# be (stale: 412), and must not reach the database (PostgreSQL refuses it: 500).
VERSION_MAX = 2**31 - 1

_ETAG = re.compile(r'^(?:W/)?"(?P<kind>[a-z_]+)-(?P<id>\d+)-v(?P<version>\d+)"$')


def etag_for(kind: str, entity_id: int, version: int) -> str:
    """The strong ETag of one version of an entity, e.g. `"dispute-12-v3"`."""
    return f'"{kind}-{entity_id}-v{version}"'


def expected_version(if_match: str | None, *, kind: str, entity_id: int) -> int | None:
    """The version an `If-Match` names for this entity; None when it names another entity or
    is malformed (both are stale for our purposes). Raises 428 when it is missing."""
    if if_match is None or not if_match.strip():
        raise PreconditionRequired(
            "Send the ETag you read as If-Match, so a change made meanwhile is not overwritten."
        )
    match = _ETAG.match(if_match.strip())
    if match is None or match["kind"] != kind or int(match["id"]) != entity_id:
        return None
    version = int(match["version"])
    return version if version <= VERSION_MAX else None


def claim_version(*, session: Session, model: Any, kind: str, entity_id: int, if_match: str | None) -> int:
    """Check `If-Match` against the row's version and bump it, atomically; returns the new version.

    Raises 428 (missing), 404 (no such row) or 412 (stale, with the current ETag). Call it before
    reading the row for the action, and read the row after it with `populate_existing=True`.
    """
    expected = expected_version(if_match, kind=kind, entity_id=entity_id)
    if expected is not None:
        result = session.execute(
            update(model)
            .where(model.id == entity_id, model.version == expected)
            .values(version=model.version + 1)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            return expected + 1
    current = session.execute(select(model.version).where(model.id == entity_id)).scalar_one_or_none()
    if current is None:
        raise NotFound(f"There is no {kind.replace('_', ' ')} {entity_id}.")
    raise PreconditionFailed(
        f"This {kind.replace('_', ' ')} has changed since you read it (now version {current}). "
        "Reload it, check what changed, and try again.",
        current_etag=etag_for(kind, entity_id, current),
    )
