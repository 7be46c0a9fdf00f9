"""A customer's contact history and alert summary (docs/contact-history.md): typed calls.

    alerts = customer_alerts(client, customer_id)      # the workspace's alert strip, one call
    page = customer_history(client, customer_id, kinds=("note", "case"))
    more = customer_history(client, customer_id, kinds=("note", "case"), cursor=page.next_cursor)

Money in int fen; times aware. Every call blocks on HTTP: run it on a pool thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from console.api import ApiClient
from console.models import JsonObject, Page, _optional_date, _optional_int, _optional_str, parse_datetime

__all__ = [
    "HISTORY_KINDS",
    "AlertArrangement",
    "AlertCase",
    "AlertFreeze",
    "CustomerAlerts",
    "HistoryEntry",
    "LastContact",
    "customer_alerts",
    "customer_history",
]

# note: contact notes; case: case steps; arrangement: proposals; reveal: unmasked fields; money:
# dispute money events.
HISTORY_KINDS = ("note", "case", "arrangement", "reveal", "money")


@dataclass(frozen=True)
class HistoryEntry:
    """One thing that happened with the customer. `action` in the kind's words: the note's
    channel, the case step (opened, assigned, approved, …), the arrangement's type, the revealed
    field, the money event (provisional_credit_granted, …). `text`: the note, the step's note,
    the arrangement's note or the reveal's reason. `amount_fen` signed, credits negative."""

    kind: str
    id: int
    at: datetime
    account_id: int | None
    actor_name: str
    action: str
    text: str | None
    status: str | None
    amount_fen: int | None
    case_id: int | None
    case_type: str | None
    arrangement_id: int | None

    @classmethod
    def from_json(cls, data: JsonObject) -> HistoryEntry:
        return cls(
            kind=str(data["kind"]),
            id=int(data["id"]),
            at=parse_datetime(data["at"]),
            account_id=_optional_int(data.get("account_id")),
            actor_name=str(data["actor_name"]),
            action=str(data["action"]),
            text=_optional_str(data.get("text")),
            status=_optional_str(data.get("status")),
            amount_fen=_optional_int(data.get("amount_fen")),
            case_id=_optional_int(data.get("case_id")),
            case_type=_optional_str(data.get("case_type")),
            arrangement_id=_optional_int(data.get("arrangement_id")),
        )


@dataclass(frozen=True)
class AlertArrangement:
    """An arrangement in force (`active`) or waiting (`pending_approval`)."""

    id: int
    account_id: int
    type: str
    status: str
    amount_fen: int
    promised_date: date | None
    months: int | None
    proposed_at: datetime
    proposed_by_name: str

    @classmethod
    def from_json(cls, data: JsonObject) -> AlertArrangement:
        return cls(
            id=int(data["id"]),
            account_id=int(data["account_id"]),
            type=str(data["type"]),
            status=str(data["status"]),
            amount_fen=int(data["amount_fen"]),
            promised_date=_optional_date(data.get("promised_date")),
            months=_optional_int(data.get("months")),
            proposed_at=parse_datetime(data["proposed_at"]),
            proposed_by_name=str(data["proposed_by_name"]),
        )


@dataclass(frozen=True)
class AlertCase:
    """An open dispute or fraud report (`type`), with the money at stake."""

    case_id: int
    type: str
    subject_id: int
    account_id: int
    status: str
    amount_fen: int
    opened_at: datetime

    @classmethod
    def from_json(cls, data: JsonObject) -> AlertCase:
        return cls(
            case_id=int(data["case_id"]),
            type=str(data["type"]),
            subject_id=int(data["subject_id"]),
            account_id=int(data["account_id"]),
            status=str(data["status"]),
            amount_fen=int(data["amount_fen"]),
            opened_at=parse_datetime(data["opened_at"]),
        )


@dataclass(frozen=True)
class AlertFreeze:
    """A frozen account and the open fraud reports holding it so (empty: no report on file)."""

    account_id: int
    account_number: str
    fraud_report_ids: tuple[int, ...]

    @classmethod
    def from_json(cls, data: JsonObject) -> AlertFreeze:
        return cls(
            account_id=int(data["account_id"]),
            account_number=str(data["account_number"]),
            fraud_report_ids=tuple(int(i) for i in data.get("fraud_report_ids", ())),
        )


@dataclass(frozen=True)
class LastContact:
    at: datetime
    account_id: int
    channel: str
    author_name: str

    @classmethod
    def from_json(cls, data: JsonObject) -> LastContact:
        return cls(
            at=parse_datetime(data["at"]),
            account_id=int(data["account_id"]),
            channel=str(data["channel"]),
            author_name=str(data["author_name"]),
        )


@dataclass(frozen=True)
class CustomerAlerts:
    """What an agent must see on opening the customer, over every account."""

    customer_id: int
    arrangements: tuple[AlertArrangement, ...]
    open_cases: tuple[AlertCase, ...]
    freezes: tuple[AlertFreeze, ...]
    last_contact: LastContact | None

    @classmethod
    def from_json(cls, data: JsonObject) -> CustomerAlerts:
        last = data.get("last_contact")
        return cls(
            customer_id=int(data["customer_id"]),
            arrangements=tuple(AlertArrangement.from_json(a) for a in data.get("arrangements", ())),
            open_cases=tuple(AlertCase.from_json(c) for c in data.get("open_cases", ())),
            freezes=tuple(AlertFreeze.from_json(f) for f in data.get("freezes", ())),
            last_contact=LastContact.from_json(last) if last else None,
        )

    def arrangements_of(self, account_id: int) -> tuple[AlertArrangement, ...]:
        return tuple(a for a in self.arrangements if a.account_id == account_id)

    @property
    def is_empty(self) -> bool:
        return not (self.arrangements or self.open_cases or self.freezes or self.last_contact)


def customer_alerts(client: ApiClient, customer_id: int) -> CustomerAlerts:
    """`GET /v1/customers/{id}/alerts`: live and waiting arrangements, open disputes and fraud
    reports, frozen accounts and why, the last contact."""
    return CustomerAlerts.from_json(client.get_json(f"/v1/customers/{int(customer_id)}/alerts"))


def customer_history(
    client: ApiClient,
    customer_id: int,
    *,
    kinds: Iterable[str] = (),
    limit: int = 50,
    cursor: str | None = None,
) -> Page[HistoryEntry]:
    """`GET /v1/customers/{id}/history`: newest first; `kinds` (of HISTORY_KINDS) filters, none = all."""
    kind = ",".join(kinds) or None
    data = client.get_json(
        f"/v1/customers/{int(customer_id)}/history", params={"kind": kind, "limit": limit, "cursor": cursor}
    )
    return Page.from_json(data, HistoryEntry.from_json)
