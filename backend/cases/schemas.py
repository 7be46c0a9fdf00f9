"""Request and response bodies of the case endpoints: the unified queue, one case with its
timeline, assignment, take-next, bulk-assign and the queue stats."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from backend.common.pagination import INT64_MAX
from backend.common.wording import Params, code_field, params_field

CaseTypeName = Literal["dispute", "fraud_report", "arrangement"]
QueueName = Literal["disputes", "fraud", "approvals"]
PriorityName = Literal["high", "normal", "low"]
SlaStateName = Literal["on_track", "at_risk", "breached", "paused"]
CaseAction = Literal["assign", "take", "release"]
UserId = Annotated[int, Field(strict=True, ge=1, le=INT64_MAX)]

BULK_ASSIGN_MAX = 200


class CaseOut(BaseModel):
    """A case as the queue shows it. `sla_state` and `seconds_to_due` are computed from the
    business clock when the response is made."""

    id: int
    type: CaseTypeName
    subject_id: int
    subject_url: str = Field(
        description="Where the dispute, fraud report or arrangement is read and acted on",
        examples=["/v1/disputes/12"],
    )
    account_id: int
    customer_id: int
    customer_name: str = Field(description="The customer's name, as search shows it")
    account_number: str = Field(description="The account's number, as the customer knows it", examples=["HB0000000001"])
    status: str = Field(description="Mirrors the subject's status", examples=["investigating"])
    is_open: bool
    queue: QueueName
    priority: PriorityName
    assignee_id: int | None
    assignee_name: str | None
    summary: str
    summary_code: str | None = code_field("The summary")
    summary_params: Params | None = params_field("summary")
    amount_fen: int = Field(description="Money at stake, fen")
    opened_by: int | None
    opened_at: datetime
    due_at: datetime | None = Field(description="The next SLA milestone; null once closed")
    paused_since: datetime | None
    closed_at: datetime | None
    sla_state: SlaStateName
    seconds_to_due: int | None = Field(
        description="Whole seconds until `due_at`, negative when breached; null when paused, "
        "closed or without a deadline"
    )
    version: int


class CaseEventOut(BaseModel):
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


class CaseDetail(CaseOut):
    timeline: list[CaseEventOut] = Field(description="Oldest first")
    allowed_actions: list[CaseAction] = Field(
        description="What the caller may do to the case itself (`POST /v1/cases/{id}/assign`): "
        "`take` (assign to yourself), `release` (unassign yourself), `assign` (anyone; supervisors). "
        "The subject's own actions are listed on the subject."
    )


class AssignIn(BaseModel):
    assignee_id: UserId | None = Field(
        description="The user to assign (a dispute handler or supervisor for disputes and fraud, a "
        "supervisor for approvals); null to unassign"
    )
    note: Annotated[str, Field(max_length=500, pattern=r"^[^\x00]*$")] | None = None


class TakeNextIn(BaseModel):
    queue: QueueName | None = Field(
        default=None, description="Take from this queue only; by default from every queue you serve"
    )


class BulkAssignIn(BaseModel):
    case_ids: Annotated[list[UserId], Field(min_length=1, max_length=BULK_ASSIGN_MAX)] = Field(
        description=f"1–{BULK_ASSIGN_MAX} case ids, each at most once"
    )
    assignee_id: UserId | None = Field(description="The user to assign; null to unassign them all")
    note: Annotated[str, Field(max_length=500, pattern=r"^[^\x00]*$")] | None = None


class BulkAssignOut(BaseModel):
    """All or nothing: either every case now has the assignee, or nothing changed (an error)."""

    assignee_id: int | None
    changed_ids: list[int] = Field(
        description="Cases that were reassigned; each got a new version and a timeline entry"
    )
    unchanged_ids: list[int] = Field(description="Cases that already had this assignee; left as they were")
    items: list[CaseOut] = Field(description="Every case asked for, in the order asked, as it is now")


class AssigneeOut(BaseModel):
    """A user who may hold cases of the queues asked for, with the open cases they hold now."""

    id: int
    username: str
    display_name: str
    role: Literal["dispute_handler", "supervisor"]
    open_cases: int = Field(description="Open cases assigned to this user now, in any queue")


class AssigneeList(BaseModel):
    queues: list[QueueName] = Field(description="The queues every listed user works")
    items: list[AssigneeOut] = Field(description="Active users who work those queues, by name")


class AgeingBucket(BaseModel):
    bucket: str = Field(examples=["1-3d"])
    min_days: int = Field(description="Age since opened at least this many days")
    max_days: int | None = Field(description="… and less than this many; null for the last bucket")
    count: int


class QueueStats(BaseModel):
    queue: QueueName
    open: int
    unassigned: int
    on_track: int
    at_risk: int
    breached: int
    paused: int


class CaseStats(BaseModel):
    """Open cases the caller can see, counted. Closed cases are not counted."""

    as_of: datetime
    open_total: int
    by_queue: dict[str, int]
    by_type: dict[str, int]
    by_status: dict[str, int]
    by_sla_state: dict[str, int]
    ageing: list[AgeingBucket]
    pending_approvals: int = Field(description="Open cases awaiting a supervisor's approval (any type)")
    queues: list[QueueStats]
