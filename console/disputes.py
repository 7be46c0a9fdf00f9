"""Disputes (DESIGN.md §3 "Disputes", §4 `/v1/disputes…`): typed views and calls.

    result = file_dispute(outbox, client, DisputeDraft(transaction_id, "consumer_dispute",
                                                       "not_received", 12_000, "…"), label="…")
    if isinstance(result, Queued): ...                    # kept in the outbox, sent later
    dispute = get_dispute(client, result.id)
    dispute = act_on_dispute(outbox, client, dispute, "acknowledge", label="…")

The shape every casework domain shares (`console.fraud`, `console.arrangements`): a frozen
dataclass read from the API's JSON with `etag`, `status`, `allowed_actions`, `case_id` and
`account_id`; `get_…(client, id)`; `file_…`/`propose…(outbox, client, draft, label=…)` and
`act_on_…(outbox, client, subject, action, body, label=…)`, which go through the outbox and return
the subject as the server answered, or `Queued`. Money is int fen; times aware. Every call blocks
on HTTP: run it on a pool thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.api import ApiClient
from console.models import JsonObject, Transaction, _optional_int, _optional_str, parse_datetime
from console.outbox import Outbox, Queued, send

__all__ = [
    "DISPUTES_PATH",
    "Dispute",
    "DisputeDraft",
    "DisputeMoneyEvent",
    "DisputeProposal",
    "DisputeSla",
    "act_on_dispute",
    "file_dispute",
    "get_dispute",
]

DISPUTES_PATH = "/v1/disputes"


def _optional_datetime(value: Any) -> datetime | None:
    return None if value is None else parse_datetime(value)


@dataclass(frozen=True)
class DisputeDraft:
    """A dispute as the agent files it: `disputed_amount_fen` at most the transaction's amount;
    `description` what the customer says; `channel` phone, chat, email or branch."""

    transaction_id: int
    category: str
    reason: str
    disputed_amount_fen: int
    description: str
    channel: str = "phone"

    def body(self) -> dict[str, Any]:
        return {
            "transaction_id": int(self.transaction_id),
            "category": self.category,
            "reason": self.reason,
            "disputed_amount_fen": int(self.disputed_amount_fen),
            "description": self.description,
            "channel": self.channel,
        }


@dataclass(frozen=True)
class DisputeProposal:
    """An outcome proposed and waiting for a supervisor (over the four-eyes limit)."""

    outcome: str
    amount_fen: int
    note: str | None
    proposed_by: int
    proposed_at: datetime

    @classmethod
    def from_json(cls, data: JsonObject) -> DisputeProposal:
        return cls(
            outcome=str(data["outcome"]),
            amount_fen=int(data.get("amount_fen") or 0),
            note=_optional_str(data.get("note")),
            proposed_by=int(data["proposed_by"]),
            proposed_at=parse_datetime(data["proposed_at"]),
        )


@dataclass(frozen=True)
class DisputeMoneyEvent:
    """Money posted for the dispute: `kind` provisional_credit_granted, provisional_credit_reversed,
    refund_credited or written_off; `amount_fen` as posted (credits negative)."""

    id: int
    kind: str
    amount_fen: int
    transaction_id: int
    at: datetime
    actor_id: int | None

    @classmethod
    def from_json(cls, data: JsonObject) -> DisputeMoneyEvent:
        return cls(
            id=int(data["id"]),
            kind=str(data["kind"]),
            amount_fen=int(data["amount_fen"]),
            transaction_id=int(data["transaction_id"]),
            at=parse_datetime(data["at"]),
            actor_id=_optional_int(data.get("actor_id")),
        )


@dataclass(frozen=True)
class DisputeSla:
    """The dispute's deadlines: acknowledge, then decide within `decide_days` of filing
    (extensions included); the clock pauses while the dispute waits for the customer."""

    acknowledge_due_at: datetime
    acknowledged_at: datetime | None
    decide_due_at: datetime
    decide_days: int
    extended_days: int
    extension_count: int
    paused: bool
    paused_since: datetime | None
    state: str

    @classmethod
    def from_json(cls, data: JsonObject) -> DisputeSla:
        return cls(
            acknowledge_due_at=parse_datetime(data["acknowledge_due_at"]),
            acknowledged_at=_optional_datetime(data.get("acknowledged_at")),
            decide_due_at=parse_datetime(data["decide_due_at"]),
            decide_days=int(data["decide_days"]),
            extended_days=int(data.get("extended_days") or 0),
            extension_count=int(data.get("extension_count") or 0),
            paused=bool(data.get("paused", False)),
            paused_since=_optional_datetime(data.get("paused_since")),
            state=str(data.get("state", "")),
        )


@dataclass(frozen=True)
class Dispute:
    """A dispute with its transaction, money events, SLA and what the caller may do now.
    `status`: new, investigating, pending_customer, pending_merchant, pending_approval or
    resolved; `outcome` won, partially_won, lost or withdrawn once resolved."""

    id: int
    case_id: int
    account_id: int
    customer_id: int
    transaction_id: int
    transaction: Transaction
    category: str
    reason: str
    channel: str
    description: str
    disputed_amount_fen: int
    status: str
    outcome: str | None
    awarded_fen: int | None
    provisional_credit_fen: int
    proposal: DisputeProposal | None
    resolution_note: str | None
    money_events: tuple[DisputeMoneyEvent, ...]
    sla: DisputeSla
    opened_by: int
    opened_at: datetime
    resolved_at: datetime | None
    resolved_by: int | None
    version: int
    allowed_actions: tuple[str, ...]

    @classmethod
    def from_json(cls, data: JsonObject) -> Dispute:
        proposal = data.get("proposal")
        return cls(
            id=int(data["id"]),
            case_id=int(data["case_id"]),
            account_id=int(data["account_id"]),
            customer_id=int(data["customer_id"]),
            transaction_id=int(data["transaction_id"]),
            transaction=Transaction.from_json(data["transaction"]),
            category=str(data["category"]),
            reason=str(data["reason"]),
            channel=str(data.get("channel", "phone")),
            description=str(data.get("description", "")),
            disputed_amount_fen=int(data["disputed_amount_fen"]),
            status=str(data["status"]),
            outcome=_optional_str(data.get("outcome")),
            awarded_fen=_optional_int(data.get("awarded_fen")),
            provisional_credit_fen=int(data.get("provisional_credit_fen") or 0),
            proposal=DisputeProposal.from_json(proposal) if isinstance(proposal, Mapping) else None,
            resolution_note=_optional_str(data.get("resolution_note")),
            money_events=tuple(DisputeMoneyEvent.from_json(e) for e in data.get("money_events", ())),
            sla=DisputeSla.from_json(data["sla"]),
            opened_by=int(data["opened_by"]),
            opened_at=parse_datetime(data["opened_at"]),
            resolved_at=_optional_datetime(data.get("resolved_at")),
            resolved_by=_optional_int(data.get("resolved_by")),
            version=int(data["version"]),
            allowed_actions=tuple(str(a) for a in data.get("allowed_actions", ())),
        )

    @property
    def etag(self) -> str:
        """The ETag the server gives this version (for `If-Match`)."""
        return f'"dispute-{self.id}-v{self.version}"'

    @property
    def url(self) -> str:
        return f"{DISPUTES_PATH}/{int(self.id)}"


# -- calls ------------------------------------------------------------------------------------


def get_dispute(client: ApiClient, dispute_id: int) -> Dispute:
    """The dispute as it is now (`GET /v1/disputes/{id}`)."""
    return Dispute.from_json(client.get_json(f"{DISPUTES_PATH}/{int(dispute_id)}"))


def file_dispute(
    outbox: Outbox | None,
    client: ApiClient,
    draft: DisputeDraft,
    *,
    label: str,
    idempotency_key: str | None = None,
) -> Dispute | Queued:
    """File the dispute through the outbox: the dispute with its case, or `Queued` when the backend
    could not be reached. Reuse `idempotency_key` for a retry of the same draft."""
    result = send(outbox, client, DISPUTES_PATH, draft.body(), label=label, idempotency_key=idempotency_key)
    return result if isinstance(result, Queued) else Dispute.from_json(result.body)


def act_on_dispute(
    outbox: Outbox | None,
    client: ApiClient,
    dispute: Dispute,
    action: str,
    body: Mapping[str, Any] | None = None,
    *,
    label: str,
    idempotency_key: str | None = None,
) -> Dispute | Queued:
    """Post `action` (`acknowledge`, `extend` with `{days, reason}`, `propose_outcome` with
    `{outcome, amount_fen, note}`, …) with the dispute's ETag, through the outbox; the dispute as it
    is now, or `Queued`. A stale ETag raises `PreconditionFailed` (412)."""
    result = send(outbox, client, f"{dispute.url}/actions/{action}", dict(body or {}), label=label,
                  if_match=dispute.etag, idempotency_key=idempotency_key)
    if isinstance(result, Queued):
        return result
    return Dispute.from_json(result.body) if result.body else get_dispute(client, dispute.id)
