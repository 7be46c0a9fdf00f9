"""The audit trail (DESIGN.md §3 "Audit", docs/admin.md): typed records, filtered pages, and the
chain's verification.

    page = list_audit(client, AuditQuery(actor="agent1", action="note.*"))
    check = verify_audit_chain(client)   # admins

Every function blocks on HTTP: call it from a pool thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from console.api import ApiClient, ParamValue
from console.models import JsonObject, Page, _optional_int, _optional_str, parse_datetime

__all__ = ["AuditQuery", "AuditRecord", "ChainCheck", "list_audit", "verify_audit_chain"]


@dataclass(frozen=True)
class AuditRecord:
    """One record: who (`actor_name`, `actor_role`; None for the system), what (`action`), on
    what (`entity_type`, `entity_id`), and the fields that changed (`before` → `after`)."""

    id: int
    at: datetime
    actor_id: int | None
    actor_name: str | None
    actor_role: str
    action: str
    entity_type: str
    entity_id: str
    customer_id: int | None
    before: Any
    after: Any
    request_id: str | None

    @classmethod
    def from_json(cls, data: JsonObject) -> AuditRecord:
        return cls(
            id=int(data["id"]),
            at=parse_datetime(data["at"]),
            actor_id=_optional_int(data.get("actor_id")),
            actor_name=_optional_str(data.get("actor_name")),
            actor_role=str(data.get("actor_role", "")),
            action=str(data["action"]),
            entity_type=str(data["entity_type"]),
            entity_id=str(data["entity_id"]),
            customer_id=_optional_int(data.get("customer_id")),
            before=data.get("before"),
            after=data.get("after"),
            request_id=_optional_str(data.get("request_id")),
        )

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) for each field either side names, in the order they appear;
        a side that does not name a field gives None."""
        before = self.before if isinstance(self.before, dict) else {}
        after = self.after if isinstance(self.after, dict) else {}
        names = list(dict.fromkeys([*before, *after]))
        return [(name, before.get(name), after.get(name)) for name in names]


@dataclass(frozen=True)
class AuditQuery:
    """Filters of the trail; None (or empty) means any. `action` may end in `.*` for a prefix;
    `actor` is a username or a user id; the dates are business dates, inclusive."""

    actor: str | None = None
    action: str | None = None
    entity_type: str | None = None
    entity_id: str | None = None
    customer_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None

    def params(self) -> dict[str, ParamValue]:
        return {
            "actor": self.actor or None,
            "action": self.action or None,
            "entity_type": self.entity_type or None,
            "entity_id": self.entity_id or None,
            "customer_id": self.customer_id,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
        }


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    record_count: int
    first_broken_id: int | None
    checked_at: datetime

    @classmethod
    def from_json(cls, data: JsonObject) -> ChainCheck:
        return cls(
            ok=bool(data["ok"]),
            record_count=int(data["record_count"]),
            first_broken_id=_optional_int(data.get("first_broken_id")),
            checked_at=parse_datetime(data["checked_at"]),
        )


def list_audit(
    client: ApiClient, query: AuditQuery = AuditQuery(), *, limit: int = 100, cursor: str | None = None
) -> Page[AuditRecord]:
    """One page of the trail, newest first."""
    params = {**query.params(), "limit": limit, "cursor": cursor}
    return Page.from_json(client.get_json("/v1/audit", params=params), AuditRecord.from_json)


def verify_audit_chain(client: ApiClient) -> ChainCheck:
    """Walk the whole chain on the server (as `verify-audit` does). Admins."""
    return ChainCheck.from_json(client.post_json("/v1/audit/verify", keyed=False))
