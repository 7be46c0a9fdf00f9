"""Repayment arrangements (DESIGN.md §3 "Repayment arrangements", §4): typed quotes and calls.

    terms = hardship_plan_terms(months=24)
    quote = get_quote(client, account_id, terms)          # changes nothing
    if quote.needs_approval: ...                          # quote.approval_reasons say which limit
    result = propose(outbox, client, proposal_body(account_id, terms, note="…"), label="…")
    if isinstance(result, Queued): ...                    # kept in the outbox, sent later
    else: result.status                                   # "active" or "pending_approval"

Terms are plain JSON objects, one shape per `type` (backend/arrangements/schemas.py); the
builders below make them. Money is int fen. Every call blocks on HTTP: run it on a pool thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from console.api import ApiClient
from console.models import (
    JsonObject,
    Page,
    _optional_date,
    _optional_int,
    _optional_str,
    parse_date,
    parse_datetime,
)
from console.outbox import Delivered, Outbox, Queued, send

__all__ = [
    "MAX_AMOUNT_FEN",
    "ARRANGEMENT_TYPES",
    "ApprovalReason",
    "Arrangement",
    "ArrangementTerms",
    "QuoteEffects",
    "act_on_arrangement",
    "propose_arrangement",
    "ArrangementSummary",
    "BILL_INSTALLMENT_TERMS",
    "FEE_WAIVER_COMPONENTS",
    "PayoffQuote",
    "Quote",
    "QuoteCost",
    "QuotePeriod",
    "act",
    "bill_installment_terms",
    "cancel",
    "conflicts_for",
    "due_date_extension_terms",
    "fee_waiver_terms",
    "get_arrangement",
    "get_payoff_quote",
    "get_quote",
    "hardship_plan_terms",
    "list_account_arrangements",
    "message_shape",
    "plan_payoff_terms",
    "promise_to_pay_terms",
    "proposal_body",
    "propose",
]

ARRANGEMENT_TYPES = (
    "bill_installment", "due_date_extension", "hardship_plan", "fee_waiver", "promise_to_pay", "plan_payoff",
)
BILL_INSTALLMENT_TERMS = (3, 6, 9, 12)
FEE_WAIVER_COMPONENTS = ("penalty_interest", "interest", "fees")
ARRANGEMENTS_PATH = "/v1/arrangements"
# The largest amount the API takes in any arrangement's terms (backend/arrangements/schemas.py).
MAX_AMOUNT_FEN = 100_000_000_000


# -- terms ------------------------------------------------------------------------------------


def bill_installment_terms(terms: int, bill_id: int | None = None) -> dict[str, Any]:
    """Convert the latest bill's unpaid balance into `terms` (3, 6, 9 or 12) monthly installments."""
    body: dict[str, Any] = {"type": "bill_installment", "terms": int(terms)}
    if bill_id is not None:
        body["bill_id"] = int(bill_id)
    return body


def due_date_extension_terms(days: int) -> dict[str, Any]:
    """Move the current bill's due date by `days`."""
    return {"type": "due_date_extension", "days": int(days)}


def hardship_plan_terms(months: int, penalty_waiver_fen: int = 0) -> dict[str, Any]:
    """Restructure the overdue balance into `months` payments, waiving `penalty_waiver_fen` of penalty interest."""
    return {"type": "hardship_plan", "months": int(months), "penalty_waiver_fen": int(penalty_waiver_fen)}


def fee_waiver_terms(amount_fen: int, component: str, reason: str) -> dict[str, Any]:
    """Waive `amount_fen` of `component` (penalty_interest, interest or fees), for `reason`."""
    return {"type": "fee_waiver", "amount_fen": int(amount_fen), "component": component, "reason": reason}


def promise_to_pay_terms(amount_fen: int, promised_date: date) -> dict[str, Any]:
    """Record that the customer promises to pay `amount_fen` by `promised_date`."""
    return {"type": "promise_to_pay", "amount_fen": int(amount_fen), "promised_date": promised_date.isoformat()}


def plan_payoff_terms(plan_id: int) -> dict[str, Any]:
    """Pay installment plan (or cash loan) `plan_id` off early: its principal not yet billed becomes
    due at once, the fees of those periods are waived."""
    return {"type": "plan_payoff", "plan_id": int(plan_id)}


def proposal_body(account_id: int, terms: Mapping[str, Any], note: str | None = None) -> dict[str, Any]:
    """The body of `POST /v1/arrangements`: the terms on the account, with the agent's note."""
    body: dict[str, Any] = {**terms, "account_id": int(account_id)}
    note = (note or "").strip()
    if note:
        body["note"] = note
    return body


# -- typed answers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class QuotePeriod:
    """One period of a quoted schedule; total = principal + fee (fen)."""

    period: int
    due_date: date
    principal_fen: int
    fee_fen: int
    total_fen: int

    @classmethod
    def from_json(cls, data: JsonObject) -> QuotePeriod:
        return cls(
            period=int(data["period"]),
            due_date=parse_date(data["due_date"]),
            principal_fen=int(data["principal_fen"]),
            fee_fen=int(data["fee_fen"]),
            total_fen=int(data["total_fen"]),
        )


@dataclass(frozen=True)
class QuoteCost:
    """What the arrangement moves, in fen: `principal_fen` converted, restructured, waived or
    promised; `fee_fen` the installment fee; `waived_fen` penalty interest, interest or fees
    waived; `total_fen` what the schedule adds up to (principal + fee)."""

    principal_fen: int
    fee_fen: int
    waived_fen: int
    total_fen: int

    @classmethod
    def from_json(cls, data: JsonObject) -> QuoteCost:
        return cls(
            principal_fen=int(data.get("principal_fen", 0)),
            fee_fen=int(data.get("fee_fen", 0)),
            waived_fen=int(data.get("waived_fen", 0)),
            total_fen=int(data.get("total_fen", 0)),
        )


@dataclass(frozen=True)
class ApprovalReason:
    """Why a supervisor must approve: the limit of an agent's authority that is exceeded.
    `code`: hardship_months, hardship_penalty_waiver, extension_days, fee_waiver_amount, …;
    `message`: the server's English sentence (see `message_shape` to translate it)."""

    code: str
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)  # docs/api-wording.md

    @classmethod
    def from_json(cls, data: JsonObject) -> ApprovalReason:
        params = data.get("params")
        return cls(code=str(data.get("code", "")), message=str(data.get("message", "")),
                   params=dict(params) if isinstance(params, Mapping) else {})


@dataclass(frozen=True)
class ArrangementTerms:
    """The terms of an arrangement, typed: the fields of its `type` are set, the others None.
    bill_installment: `terms` (months), `bill_id`; due_date_extension: `days`; hardship_plan:
    `months`, `penalty_waiver_fen`; fee_waiver: `amount_fen`, `component`, `reason`;
    promise_to_pay: `amount_fen`, `promised_date`; `plan_id` for a plan's payoff."""

    type: str
    terms: int | None = None
    bill_id: int | None = None
    days: int | None = None
    months: int | None = None
    penalty_waiver_fen: int | None = None
    amount_fen: int | None = None
    component: str | None = None
    reason: str | None = None
    promised_date: date | None = None
    plan_id: int | None = None

    @classmethod
    def from_json(cls, data: JsonObject) -> ArrangementTerms:
        return cls(
            type=str(data.get("type", "")),
            terms=_optional_int(data.get("terms")),
            bill_id=_optional_int(data.get("bill_id")),
            days=_optional_int(data.get("days")),
            months=_optional_int(data.get("months")),
            penalty_waiver_fen=_optional_int(data.get("penalty_waiver_fen")),
            amount_fen=_optional_int(data.get("amount_fen")),
            component=_optional_str(data.get("component")),
            reason=_optional_str(data.get("reason")),
            promised_date=_optional_date(data.get("promised_date")),
            plan_id=_optional_int(data.get("plan_id")),
        )


@dataclass(frozen=True)
class QuoteEffects:
    """What the arrangement changes on the account, as far as the console shows it: a moved due
    date (`current_due_date` → `new_due_date`), the first payment of a new schedule, the money
    converted or restructured (fen)."""

    current_due_date: date | None = None
    new_due_date: date | None = None
    first_due_date: date | None = None
    converted_fen: int | None = None
    restructured_fen: int | None = None
    # fee_waiver: what was waived on the account in the policy's window before this one.
    waived_in_window_fen: int | None = None
    promised_date: date | None = None
    # plan_payoff: everything that ends the plan, and when it is due.
    payoff_fen: int | None = None
    due_date: date | None = None

    @classmethod
    def from_json(cls, data: JsonObject) -> QuoteEffects:
        return cls(
            current_due_date=_optional_date(data.get("current_due_date")),
            new_due_date=_optional_date(data.get("new_due_date")),
            first_due_date=_optional_date(data.get("first_due_date")),
            converted_fen=_optional_int(data.get("converted_fen")),
            restructured_fen=_optional_int(data.get("restructured_fen")),
            waived_in_window_fen=_optional_int(data.get("waived_in_window_fen")),
            promised_date=_optional_date(data.get("promised_date")),
            payoff_fen=_optional_int(data.get("payoff_fen")),
            due_date=_optional_date(data.get("due_date")),
        )


@dataclass(frozen=True)
class Quote:
    """A quote: the schedule (empty for an extension, a waiver or a promise), its cost, the
    effects on the account (e.g. `new_due_date`, `first_due_date`, `restructured_fen`) and
    whether it is beyond an agent's authority (`needs_approval`, with the reasons)."""

    type: str
    account_id: int
    terms: dict[str, Any]
    schedule: tuple[QuotePeriod, ...]
    cost: QuoteCost
    needs_approval: bool
    approval_reasons: tuple[ApprovalReason, ...]
    effects: dict[str, Any]

    @classmethod
    def from_json(cls, data: JsonObject) -> Quote:
        return cls(**_quote_fields(data))

    @property
    def typed_terms(self) -> ArrangementTerms:
        """`terms`, typed."""
        return ArrangementTerms.from_json({"type": self.type, **self.terms})

    @property
    def typed_effects(self) -> QuoteEffects:
        """`effects`, typed."""
        return QuoteEffects.from_json(self.effects)


def _quote_fields(data: JsonObject) -> dict[str, Any]:
    return {
        "type": str(data["type"]),
        "account_id": int(data["account_id"]),
        "terms": dict(data.get("terms") or {}),
        "schedule": tuple(QuotePeriod.from_json(p) for p in data.get("schedule", ())),
        "cost": QuoteCost.from_json(data.get("cost") or {}),
        "needs_approval": bool(data.get("needs_approval", False)),
        "approval_reasons": tuple(ApprovalReason.from_json(r) for r in data.get("approval_reasons", ())),
        "effects": dict(data.get("effects") or {}),
    }


def _optional_datetime(value: Any) -> datetime | None:
    return None if value is None else parse_datetime(value)


@dataclass(frozen=True)
class Arrangement(Quote):
    """A proposed arrangement. `status`: pending_approval, active, rejected, cancelled, kept,
    broken or completed; `case_id` is its approvals case while it waits (None otherwise);
    `allowed_actions` what the caller may do now (approve, reject, cancel)."""

    id: int = 0
    customer_id: int = 0
    status: str = ""
    note: str | None = None
    proposed_by: int = 0
    proposed_by_name: str = ""
    proposed_at: datetime | None = None
    decided_by: int | None = None
    decided_by_name: str | None = None
    decided_at: datetime | None = None
    decision_comment: str | None = None
    activated_at: datetime | None = None
    plan_id: int | None = None
    bill_id: int | None = None
    case_id: int | None = None
    version: int = 0
    allowed_actions: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: JsonObject) -> Arrangement:
        return cls(
            **_quote_fields(data),
            id=int(data["id"]),
            customer_id=int(data["customer_id"]),
            status=str(data["status"]),
            note=_optional_str(data.get("note")),
            proposed_by=int(data["proposed_by"]),
            proposed_by_name=str(data.get("proposed_by_name", "")),
            proposed_at=_optional_datetime(data.get("proposed_at")),
            decided_by=_optional_int(data.get("decided_by")),
            decided_by_name=_optional_str(data.get("decided_by_name")),
            decided_at=_optional_datetime(data.get("decided_at")),
            decision_comment=_optional_str(data.get("decision_comment")),
            activated_at=_optional_datetime(data.get("activated_at")),
            plan_id=_optional_int(data.get("plan_id")),
            bill_id=_optional_int(data.get("bill_id")),
            case_id=_optional_int(data.get("case_id")),
            version=int(data.get("version", 0)),
            allowed_actions=tuple(str(a) for a in data.get("allowed_actions", ())),
        )

    @property
    def etag(self) -> str:
        """The ETag the server gives this version (for `If-Match`)."""
        return f'"arrangement-{self.id}-v{self.version}"'

    @property
    def url(self) -> str:
        return f"{ARRANGEMENTS_PATH}/{int(self.id)}"


@dataclass(frozen=True)
class PayoffQuote:
    """What paying a plan off early means today (`GET /v1/installment-plans/{id}/payoff-quote`),
    in fen: `principal_fen` of the periods not yet billed becomes due at once on `due_date` (on the
    latest bill now when `on_current_bill`, else on the next statement), their `fee_waived_fen` is
    waived, and `billed_unpaid_fen` is what the billed periods still owe on their bill;
    `payoff_fen` is all the customer pays to end the plan."""

    plan_id: int
    account_id: int
    kind: str
    principal_fen: int
    fee_waived_fen: int
    billed_unpaid_fen: int
    payoff_fen: int
    due_date: date
    on_current_bill: bool
    periods_billed_now: int

    @classmethod
    def from_json(cls, data: JsonObject) -> PayoffQuote:
        return cls(
            plan_id=int(data["plan_id"]),
            account_id=int(data["account_id"]),
            kind=str(data["kind"]),
            principal_fen=int(data["principal_fen"]),
            fee_waived_fen=int(data["fee_waived_fen"]),
            billed_unpaid_fen=int(data["billed_unpaid_fen"]),
            payoff_fen=int(data["payoff_fen"]),
            due_date=parse_date(data["due_date"]),
            on_current_bill=bool(data["on_current_bill"]),
            periods_billed_now=int(data["periods_billed_now"]),
        )


# -- calls ------------------------------------------------------------------------------------


def get_quote(client: ApiClient, account_id: int, terms: Mapping[str, Any]) -> Quote:
    """Quote `terms` on the account as it is now (`POST /v1/accounts/{id}/arrangement-quotes`).
    Changes nothing, so it carries no Idempotency-Key. A refusal raises `Conflict` (the
    account's state) or `ValidationFailed` (the terms, with the field at fault)."""
    data = client.post_json(f"/v1/accounts/{int(account_id)}/arrangement-quotes", dict(terms), keyed=False)
    return Quote.from_json(data)


def get_payoff_quote(client: ApiClient, plan_id: int) -> PayoffQuote:
    """The early payoff of plan `plan_id` as of today; changes nothing. A plan that has ended or
    whose payoff is already set up raises `Conflict` with the server's sentence."""
    return PayoffQuote.from_json(client.get_json(f"/v1/installment-plans/{int(plan_id)}/payoff-quote"))


def propose(
    outbox: Outbox | None,
    client: ApiClient,
    body: Mapping[str, Any],
    *,
    label: str,
    idempotency_key: str | None = None,
) -> Delivered | Queued:
    """Propose the arrangement through the outbox (`POST /v1/arrangements`): `Delivered` with the
    arrangement's JSON (active at once, or pending_approval with a case), or `Queued` when the
    backend could not be reached. Reuse `idempotency_key` for a retry of the same body."""
    return send(outbox, client, ARRANGEMENTS_PATH, dict(body), label=label, idempotency_key=idempotency_key)


def propose_arrangement(
    outbox: Outbox | None,
    client: ApiClient,
    body: Mapping[str, Any],
    *,
    label: str,
    idempotency_key: str | None = None,
) -> Arrangement | Queued:
    """`propose`, typed: the arrangement as the server answered (active at once, or
    pending_approval with its case), or `Queued`."""
    result = propose(outbox, client, body, label=label, idempotency_key=idempotency_key)
    return result if isinstance(result, Queued) else Arrangement.from_json(result.body)


def act_on_arrangement(
    outbox: Outbox | None,
    client: ApiClient,
    arrangement: Arrangement,
    action: str,
    body: Mapping[str, Any] | None = None,
    *,
    label: str,
    idempotency_key: str | None = None,
) -> Arrangement | Queued:
    """approve, reject (body `{comment}`) or cancel through the outbox, with the arrangement's
    ETag (412 when stale): the arrangement as it is now, or `Queued`."""
    result = send(outbox, client, f"{arrangement.url}/actions/{action}", dict(body or {}), label=label,
                  if_match=arrangement.etag, idempotency_key=idempotency_key)
    if isinstance(result, Queued):
        return result
    if result.body:
        return Arrangement.from_json(result.body)
    return get_arrangement(client, arrangement.id)[0]


def get_arrangement(client: ApiClient, arrangement_id: int) -> tuple[Arrangement, str]:
    """The arrangement and its ETag (for `act`)."""
    data, etag = client.get_json_etag(f"{ARRANGEMENTS_PATH}/{int(arrangement_id)}")
    arrangement = Arrangement.from_json(data)
    return arrangement, etag or arrangement.etag


def act(
    client: ApiClient,
    arrangement_id: int,
    action: str,
    *,
    etag: str,
    comment: str | None = None,
    idempotency_key: str | None = None,
) -> Arrangement:
    """approve, reject (with a `comment`) or cancel, guarded by `etag` (412 when stale)."""
    body: dict[str, Any] = {}
    if comment:
        body["comment"] = comment
    data = client.post_json(
        f"{ARRANGEMENTS_PATH}/{int(arrangement_id)}/actions/{action}",
        body,
        if_match=etag,
        idempotency_key=idempotency_key,
    )
    return Arrangement.from_json(data)


@dataclass(frozen=True)
class ArrangementSummary:
    """An arrangement as the account's list shows it. `status` as `Arrangement.status`;
    `amount_fen` the money at stake (converted, restructured, waived or promised)."""

    id: int
    account_id: int
    type: str
    status: str
    amount_fen: int
    needs_approval: bool
    proposed_by_name: str
    proposed_at: datetime
    resolved_on: date | None
    version: int

    @classmethod
    def from_json(cls, data: JsonObject) -> ArrangementSummary:
        return cls(
            id=int(data["id"]),
            account_id=int(data["account_id"]),
            type=str(data["type"]),
            status=str(data["status"]),
            amount_fen=int(data["amount_fen"]),
            needs_approval=bool(data["needs_approval"]),
            proposed_by_name=str(data["proposed_by_name"]),
            proposed_at=parse_datetime(data["proposed_at"]),
            resolved_on=_optional_date(data.get("resolved_on")),
            version=int(data["version"]),
        )

    @property
    def is_live_or_waiting(self) -> bool:
        return self.status in LIVE_OR_WAITING

    @property
    def etag(self) -> str:
        return f'"arrangement-{self.id}-v{self.version}"'


def list_account_arrangements(
    client: ApiClient, account_id: int, *, limit: int = 50, cursor: str | None = None
) -> Page[ArrangementSummary]:
    """The account's arrangements, newest first (`GET /v1/accounts/{id}/arrangements`)."""
    data = client.get_json(f"/v1/accounts/{int(account_id)}/arrangements", params={"limit": limit, "cursor": cursor})
    return Page.from_json(data, ArrangementSummary.from_json)


# -- conflicts (docs/contact-history.md "Conflicts"; the server refuses the same) -------------

LIVE_OR_WAITING = ("active", "pending_approval")
# Types that cannot stand beside each other on one account, live or waiting.
CONFLICTING_TYPES: dict[str, frozenset[str]] = {
    "promise_to_pay": frozenset({"hardship_plan"}),
    "hardship_plan": frozenset({"promise_to_pay"}),
}
# Types of which one at a time may be in force (a second one waiting is refused for every type).
ONE_AT_A_TIME = frozenset({"hardship_plan", "promise_to_pay"})


def conflicts_for(arrangement_type: str, existing: Iterable[ArrangementSummary]) -> list[ArrangementSummary]:
    """The account's arrangements that a new one of `arrangement_type` would clash with: one of a
    conflicting type live or waiting, one of the same type waiting, or one of the same type in
    force when only one at a time may be."""
    clashes = []
    for other in existing:
        if not other.is_live_or_waiting:
            continue
        if other.type in CONFLICTING_TYPES.get(arrangement_type, frozenset()):
            clashes.append(other)
        elif other.type == arrangement_type and (
            other.status == "pending_approval" or arrangement_type in ONE_AT_A_TIME
        ):
            clashes.append(other)
    return clashes


def cancel(
    outbox: Outbox | None,
    client: ApiClient,
    arrangement_id: int,
    *,
    etag: str,
    label: str,
    comment: str | None = None,
    idempotency_key: str | None = None,
) -> Delivered | Queued:
    """Cancel the arrangement through the outbox (`…/actions/cancel`, guarded by `etag`): one
    waiting (its proposer or a supervisor) or a promise or hardship plan in force (a supervisor)."""
    body: dict[str, Any] = {"comment": comment} if comment else {}
    return send(outbox, client, f"{ARRANGEMENTS_PATH}/{int(arrangement_id)}/actions/cancel", body, label=label,
                if_match=etag, idempotency_key=idempotency_key)


# -- the server's sentences -------------------------------------------------------------------

# The variable parts of the server's sentences: ISO dates, amounts in yuan, whole numbers.
_TOKEN = re.compile(r"\d{4}-\d{2}-\d{2}|-?¥[\d,]+\.\d{2}|\d+")


def message_shape(message: str) -> tuple[str, tuple[str, ...]]:
    """Split one of the server's sentences into its shape (the variable parts as `%1`, `%2`, …)
    and those parts, so the UI can look the shape up as a translatable text and fill it in:
    `"24 months is over the 12 months an agent may grant alone."` →
    `("%1 months is over the %2 months an agent may grant alone.", ("24", "12"))`."""
    tokens: list[str] = []

    def placeholder(match: re.Match[str]) -> str:
        tokens.append(match.group(0))
        return f"%{len(tokens)}"

    return _TOKEN.sub(placeholder, message), tuple(tokens)
