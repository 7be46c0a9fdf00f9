"""Cases and queues (DESIGN.md §3 "Cases and queues", §4 `/v1/cases…`): typed views and calls.

    page = list_cases(client, CaseQuery(queue="disputes", open=True))
    case, etag = get_case(client, page.items[0].id)
    assign_case(client, case.id, me.id, etag=etag)

A case points at its subject (a dispute, fraud report or arrangement: `Subject`, typed by
`console.disputes`, `console.fraud` and `console.arrangements`); `get_subject(client, case)` reads
it and `act_on_subject(...)` posts one of its actions with its ETag, through the outbox. Every
function runs on a pool thread (it blocks on HTTP).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from console.api import ApiClient, ParamValue
from console.arrangements import Arrangement, act_on_arrangement, get_arrangement
from console.disputes import Dispute, act_on_dispute, get_dispute
from console.fraud import FraudReport, act_on_fraud_report, get_fraud_report
from console.models import JsonObject, Page, _optional_int, _optional_str, parse_datetime
from console.outbox import Outbox, Queued

__all__ = [
    "AgeingBucket",
    "Assignee",
    "BulkAssignResult",
    "Case",
    "CaseDetail",
    "CaseEvent",
    "CaseQuery",
    "CaseStats",
    "QueueStats",
    "FieldChange",
    "Subject",
    "act_on_subject",
    "assign_case",
    "bulk_assign",
    "case_stats",
    "get_case",
    "get_subject",
    "list_assignees",
    "list_cases",
    "take_next",
]

CASE_TYPES = ("dispute", "fraud_report", "arrangement")
QUEUES = ("disputes", "fraud", "approvals")
SLA_STATES = ("on_track", "at_risk", "breached", "paused")
PRIORITIES = ("high", "normal", "low")


def _optional_datetime(value: Any) -> datetime | None:
    return None if value is None else parse_datetime(value)


@dataclass(frozen=True)
class Case:
    """A case as a queue shows it. `seconds_to_due` was computed by the server when it answered
    (negative when breached; None when paused, closed or without a deadline)."""

    id: int
    type: str
    subject_id: int
    subject_url: str
    account_id: int
    customer_id: int
    customer_name: str
    account_number: str
    status: str
    is_open: bool
    queue: str
    priority: str
    assignee_id: int | None
    assignee_name: str | None
    summary: str
    amount_fen: int
    opened_by: int | None
    opened_at: datetime
    due_at: datetime | None
    paused_since: datetime | None
    closed_at: datetime | None
    sla_state: str
    seconds_to_due: int | None
    version: int
    # The summary as a code and its parameters (docs/api-wording.md); None: the text alone.
    summary_code: str | None = None
    summary_params: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: JsonObject) -> Case:
        return cls(**_case_fields(data))

    @property
    def etag(self) -> str:
        """The ETag the server gives this version of the case (for `If-Match`)."""
        return f'"case-{self.id}-v{self.version}"'


def _case_fields(data: JsonObject) -> dict[str, Any]:
    return {
        "id": int(data["id"]),
        "type": str(data["type"]),
        "subject_id": int(data["subject_id"]),
        "subject_url": str(data["subject_url"]),
        "account_id": int(data["account_id"]),
        "customer_id": int(data["customer_id"]),
        "customer_name": str(data.get("customer_name") or ""),
        "account_number": str(data.get("account_number") or ""),
        "status": str(data["status"]),
        "is_open": bool(data["is_open"]),
        "queue": str(data["queue"]),
        "priority": str(data["priority"]),
        "assignee_id": _optional_int(data.get("assignee_id")),
        "assignee_name": _optional_str(data.get("assignee_name")),
        "summary": str(data.get("summary", "")),
        "amount_fen": int(data.get("amount_fen", 0)),
        "opened_by": _optional_int(data.get("opened_by")),
        "opened_at": parse_datetime(data["opened_at"]),
        "due_at": _optional_datetime(data.get("due_at")),
        "paused_since": _optional_datetime(data.get("paused_since")),
        "closed_at": _optional_datetime(data.get("closed_at")),
        "sla_state": str(data["sla_state"]),
        "seconds_to_due": _optional_int(data.get("seconds_to_due")),
        "version": int(data["version"]),
        "summary_code": _optional_str(data.get("summary_code")),
        "summary_params": dict(data["summary_params"]) if isinstance(data.get("summary_params"), dict) else {},
    }


@dataclass(frozen=True)
class FieldChange:
    """One case field a timeline entry changed: its value before and after (None: not set)."""

    name: str
    before: Any
    after: Any


@dataclass(frozen=True)
class CaseEvent:
    """One timeline entry: who did what, when, with the fields before → after."""

    id: int
    at: datetime
    actor_id: int | None
    actor_name: str
    actor_role: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str | None

    @classmethod
    def from_json(cls, data: JsonObject) -> CaseEvent:
        return cls(
            id=int(data["id"]),
            at=parse_datetime(data["at"]),
            actor_id=_optional_int(data.get("actor_id")),
            actor_name=str(data.get("actor_name", "")),
            actor_role=str(data.get("actor_role", "")),
            action=str(data["action"]),
            before=dict(data["before"]) if data.get("before") is not None else None,
            after=dict(data["after"]) if data.get("after") is not None else None,
            note=_optional_str(data.get("note")),
        )

    def changed_fields(self, names: Sequence[str], *, set_only: bool = False) -> tuple[FieldChange, ...]:
        """The fields of `names` (in that order) this entry recorded, before → after; with
        `set_only`, only those it recorded a value after for (what an opening entry set)."""
        before = self.before or {}
        after = self.after or {}
        return tuple(
            FieldChange(name, before.get(name), after.get(name))
            for name in names
            if name in after or (name in before and not set_only)
        )


@dataclass(frozen=True)
class CaseDetail(Case):
    """A case with its timeline (oldest first) and what the caller may do to the case itself
    (`take`, `release`, `assign`); the subject's actions are on the subject."""

    timeline: tuple[CaseEvent, ...] = ()
    allowed_actions: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: JsonObject) -> CaseDetail:
        return cls(
            **_case_fields(data),
            timeline=tuple(CaseEvent.from_json(event) for event in data.get("timeline", ())),
            allowed_actions=tuple(str(action) for action in data.get("allowed_actions", ())),
        )


@dataclass(frozen=True)
class CaseQuery:
    """Filters of `GET /v1/cases`; None leaves a filter out. `assignee`: `me`, `none` or a user id."""

    type: str | None = None
    status: str | None = None
    queue: str | None = None
    assignee: str | None = None
    sla_state: str | None = None
    account_id: int | None = None
    customer_id: int | None = None
    open: bool | None = None

    def params(self) -> dict[str, ParamValue]:
        return {
            "type": self.type,
            "status": self.status,
            "queue": self.queue,
            "assignee": self.assignee,
            "sla_state": self.sla_state,
            "account_id": self.account_id,
            "customer_id": self.customer_id,
            "open": None if self.open is None else ("true" if self.open else "false"),
        }


@dataclass(frozen=True)
class BulkAssignResult:
    assignee_id: int | None
    changed_ids: tuple[int, ...]
    unchanged_ids: tuple[int, ...]
    items: tuple[Case, ...]

    @classmethod
    def from_json(cls, data: JsonObject) -> BulkAssignResult:
        return cls(
            assignee_id=_optional_int(data.get("assignee_id")),
            changed_ids=tuple(int(i) for i in data.get("changed_ids", ())),
            unchanged_ids=tuple(int(i) for i in data.get("unchanged_ids", ())),
            items=tuple(Case.from_json(item) for item in data.get("items", ())),
        )


@dataclass(frozen=True)
class AgeingBucket:
    bucket: str
    min_days: int
    max_days: int | None
    count: int


@dataclass(frozen=True)
class QueueStats:
    queue: str
    open: int
    unassigned: int
    on_track: int
    at_risk: int
    breached: int
    paused: int


@dataclass(frozen=True)
class CaseStats:
    """Open cases the caller can see, counted (`GET /v1/cases/stats`)."""

    as_of: datetime
    open_total: int
    by_queue: dict[str, int]
    by_type: dict[str, int]
    by_status: dict[str, int]
    by_sla_state: dict[str, int]
    ageing: tuple[AgeingBucket, ...]
    pending_approvals: int
    queues: tuple[QueueStats, ...] = field(default=())

    @classmethod
    def from_json(cls, data: JsonObject) -> CaseStats:
        return cls(
            as_of=parse_datetime(data["as_of"]),
            open_total=int(data["open_total"]),
            by_queue={str(k): int(v) for k, v in data.get("by_queue", {}).items()},
            by_type={str(k): int(v) for k, v in data.get("by_type", {}).items()},
            by_status={str(k): int(v) for k, v in data.get("by_status", {}).items()},
            by_sla_state={str(k): int(v) for k, v in data.get("by_sla_state", {}).items()},
            ageing=tuple(
                AgeingBucket(
                    bucket=str(item["bucket"]),
                    min_days=int(item["min_days"]),
                    max_days=_optional_int(item.get("max_days")),
                    count=int(item["count"]),
                )
                for item in data.get("ageing", ())
            ),
            pending_approvals=int(data.get("pending_approvals", 0)),
            queues=tuple(
                QueueStats(
                    queue=str(item["queue"]),
                    open=int(item["open"]),
                    unassigned=int(item["unassigned"]),
                    on_track=int(item["on_track"]),
                    at_risk=int(item["at_risk"]),
                    breached=int(item["breached"]),
                    paused=int(item["paused"]),
                )
                for item in data.get("queues", ())
            ),
        )


@dataclass(frozen=True)
class Assignee:
    """A user who may hold cases, and how many open cases they hold now."""

    id: int
    username: str
    display_name: str
    role: str
    open_cases: int

    @classmethod
    def from_json(cls, data: JsonObject) -> Assignee:
        return cls(
            id=int(data["id"]),
            username=str(data["username"]),
            display_name=str(data.get("display_name") or data["username"]),
            role=str(data["role"]),
            open_cases=int(data.get("open_cases", 0)),
        )


# The thing a case is about, as its own endpoint returns it (typed per case type).
Subject = Dispute | FraudReport | Arrangement


# -- calls ----------------------------------------------------------------------------------


def list_cases(
    client: ApiClient, query: CaseQuery = CaseQuery(), *, limit: int = 100, cursor: str | None = None
) -> Page[Case]:
    """One page of the cases the caller can see, matching `query` (the server's order)."""
    params = {**query.params(), "limit": limit, "cursor": cursor}
    return Page.from_json(client.get_json("/v1/cases", params=params), Case.from_json)


def get_case(client: ApiClient, case_id: int) -> tuple[CaseDetail, str]:
    """The case with its timeline, and its ETag (for `assign_case`)."""
    data, etag = client.get_json_etag(f"/v1/cases/{int(case_id)}")
    detail = CaseDetail.from_json(data)
    return detail, etag or detail.etag


def assign_case(
    client: ApiClient,
    case_id: int,
    assignee_id: int | None,
    *,
    etag: str,
    note: str | None = None,
    idempotency_key: str | None = None,
) -> CaseDetail:
    """Assign the case (None: unassign). A stale `etag` raises `PreconditionFailed` (412)."""
    body: dict[str, Any] = {"assignee_id": assignee_id}
    if note:
        body["note"] = note
    data = client.post_json(
        f"/v1/cases/{int(case_id)}/assign", body, if_match=etag, idempotency_key=idempotency_key
    )
    return CaseDetail.from_json(data)


def take_next(client: ApiClient, queue: str | None = None, *, idempotency_key: str | None = None) -> CaseDetail:
    """Assign yourself the oldest-due unassigned case of `queue` (or of any queue you serve).
    An empty queue raises `Conflict` with code `queue_empty`."""
    data = client.post_json("/v1/cases/take-next", {"queue": queue}, idempotency_key=idempotency_key)
    return CaseDetail.from_json(data)


def bulk_assign(
    client: ApiClient,
    case_ids: Sequence[int],
    assignee_id: int | None,
    *,
    note: str | None = None,
    idempotency_key: str | None = None,
) -> BulkAssignResult:
    """Assign every case to one user, all or nothing (supervisors)."""
    body: dict[str, Any] = {"case_ids": [int(i) for i in case_ids], "assignee_id": assignee_id}
    if note:
        body["note"] = note
    return BulkAssignResult.from_json(
        client.post_json("/v1/cases/bulk-assign", body, idempotency_key=idempotency_key)
    )


def list_assignees(client: ApiClient, queues: Sequence[str] = ()) -> list[Assignee]:
    """Who can hold cases of every one of `queues` (default: any queue); supervisors only."""
    params: dict[str, ParamValue] = {"queue": ",".join(dict.fromkeys(queues)) or None}
    data = client.get_json("/v1/cases/assignees", params=params)
    return [Assignee.from_json(item) for item in data.get("items", ())]


def case_stats(client: ApiClient) -> CaseStats:
    return CaseStats.from_json(client.get_json("/v1/cases/stats"))


def get_subject(client: ApiClient, case: Case) -> Subject:
    """The dispute, fraud report or arrangement behind `case`, as it is now."""
    if case.type == "dispute":
        return get_dispute(client, case.subject_id)
    if case.type == "fraud_report":
        return get_fraud_report(client, case.subject_id)
    return get_arrangement(client, case.subject_id)[0]


def act_on_subject(
    outbox: Outbox | None,
    client: ApiClient,
    subject: Subject,
    action: str,
    body: Mapping[str, Any] | None = None,
    *,
    label: str,
    idempotency_key: str | None = None,
) -> Subject | Queued:
    """Post one of the subject's `allowed_actions` with its ETag, through the outbox: the subject as
    it is now, or `Queued`. A stale ETag raises `PreconditionFailed` (412): read the case and the
    subject again and show what changed."""
    if isinstance(subject, Dispute):
        return act_on_dispute(outbox, client, subject, action, body, label=label, idempotency_key=idempotency_key)
    if isinstance(subject, FraudReport):
        return act_on_fraud_report(outbox, client, subject, action, body, label=label,
                                   idempotency_key=idempotency_key)
    return act_on_arrangement(outbox, client, subject, action, body, label=label, idempotency_key=idempotency_key)
