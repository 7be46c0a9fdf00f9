"""Typed, immutable views of the servicing API's JSON.

Every class is a frozen dataclass with a `from_json(data)` classmethod. Field names are the
API's (backend/*/schemas.py); fields the API adds later are ignored. Money is int fen, dates
are `datetime.date`, timestamps are aware `datetime` (UTC as the API sends them; format them
for people with `console.formatting`). Lists are tuples, so the objects are hashable-ish and
safe to share between threads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from console.history import CustomerAlerts

__all__ = [
    "AccountBrief",
    "AccountOverview",
    "BillDetail",
    "BillLine",
    "BillSummary",
    "CustomerHit",
    "CustomerProfile",
    "InstallmentPlan",
    "JsonObject",
    "LoginResult",
    "Note",
    "Page",
    "SchedulePeriod",
    "Transaction",
    "TransactionClaim",
    "User",
    "parse_date",
    "parse_datetime",
]

JsonObject = Mapping[str, Any]
T = TypeVar("T")


def parse_date(value: Any) -> date:
    """`YYYY-MM-DD` → date."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    return date.fromisoformat(str(value))


def parse_datetime(value: Any) -> datetime:
    """An ISO 8601 timestamp → aware datetime (a naive one is taken as UTC, as the API means it)."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _optional_date(value: Any) -> date | None:
    return None if value is None else parse_date(value)


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _params(value: Any) -> dict[str, Any]:
    """A sentence's parameters (docs/api-wording.md): {} when absent or not an object."""
    return dict(value) if isinstance(value, Mapping) else {}


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list; pass `next_cursor` back as `cursor` for the next one (None: last page)."""

    items: tuple[T, ...]
    next_cursor: str | None

    @classmethod
    def from_json(cls, data: JsonObject, parse_item: Callable[[JsonObject], T]) -> Page[T]:
        return cls(
            items=tuple(parse_item(item) for item in data.get("items", ())),
            next_cursor=_optional_str(data.get("next_cursor")),
        )

    @property
    def has_more(self) -> bool:
        return self.next_cursor is not None

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class User:
    """A signed-in user. `role`: agent, dispute_handler, supervisor or admin."""

    id: int
    username: str
    display_name: str
    role: str
    # True until the user replaces a password an admin set (`console.admin.change_own_password`).
    must_change_password: bool = False

    @classmethod
    def from_json(cls, data: JsonObject) -> User:
        return cls(
            id=int(data["id"]),
            username=str(data["username"]),
            display_name=str(data["display_name"]),
            role=str(data["role"]),
            must_change_password=bool(data.get("must_change_password", False)),
        )


@dataclass(frozen=True)
class LoginResult:
    """The answer to a login: a bearer token valid until `expires_at` (one shift), and who it is."""

    access_token: str
    token_type: str
    expires_at: datetime
    user: User

    @classmethod
    def from_json(cls, data: JsonObject) -> LoginResult:
        return cls(
            access_token=str(data["access_token"]),
            token_type=str(data.get("token_type", "bearer")),
            expires_at=parse_datetime(data["expires_at"]),
            user=User.from_json(data["user"]),
        )


@dataclass(frozen=True)
class AccountBrief:
    """An account as a search result or profile lists it.
    `product`: credit_line | cash_loan; `status`: active | frozen | closed | charged_off;
    `delinquency_bucket`: current | M1 | M2 | M3 | M4+."""

    id: int
    account_number: str
    product: str
    status: str
    delinquency_bucket: str

    @classmethod
    def from_json(cls, data: JsonObject) -> AccountBrief:
        return cls(
            id=int(data["id"]),
            account_number=str(data["account_number"]),
            product=str(data["product"]),
            status=str(data["status"]),
            delinquency_bucket=str(data["delinquency_bucket"]),
        )


@dataclass(frozen=True)
class BillSummary:
    """A bill (statement) without its lines. Money in fen.
    `status`: open | paid | partially_paid | overdue | carried_over (missed, its rest on a later
    bill, and the account no longer overdue)."""

    id: int
    account_id: int
    statement_date: date
    due_date: date
    total_fen: int
    minimum_payment_fen: int
    paid_fen: int
    outstanding_fen: int
    status: str
    previous_balance_fen: int

    @classmethod
    def from_json(cls, data: JsonObject) -> BillSummary:
        return cls(**_bill_fields(data))


def _bill_fields(data: JsonObject) -> dict[str, Any]:
    return {
        "id": int(data["id"]),
        "account_id": int(data["account_id"]),
        "statement_date": parse_date(data["statement_date"]),
        "due_date": parse_date(data["due_date"]),
        "total_fen": int(data["total_fen"]),
        "minimum_payment_fen": int(data["minimum_payment_fen"]),
        "paid_fen": int(data["paid_fen"]),
        "outstanding_fen": int(data["outstanding_fen"]),
        "status": str(data["status"]),
        "previous_balance_fen": int(data.get("previous_balance_fen", 0)),
    }


@dataclass(frozen=True)
class BillLine:
    """One line of a bill. `transaction_id` is None for the previous-balance line."""

    line_no: int
    transaction_id: int | None
    posted_at: datetime
    type: str
    description: str
    amount_fen: int
    # The description as a code and its parameters (docs/api-wording.md); None: the text alone.
    description_code: str | None = None
    description_params: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: JsonObject) -> BillLine:
        return cls(
            line_no=int(data["line_no"]),
            transaction_id=_optional_int(data.get("transaction_id")),
            posted_at=parse_datetime(data["posted_at"]),
            type=str(data["type"]),
            description=str(data.get("description", "")),
            amount_fen=int(data["amount_fen"]),
            description_code=_optional_str(data.get("description_code")),
            description_params=_params(data.get("description_params")),
        )


@dataclass(frozen=True)
class BillDetail(BillSummary):
    """A bill with its lines in order; Σ lines.amount_fen = total_fen."""

    lines: tuple[BillLine, ...] = ()

    @classmethod
    def from_json(cls, data: JsonObject) -> BillDetail:
        return cls(
            **_bill_fields(data),
            lines=tuple(BillLine.from_json(line) for line in data.get("lines", ())),
        )

    @property
    def summary(self) -> BillSummary:
        return BillSummary(**{name: getattr(self, name) for name in _BILL_SUMMARY_FIELDS})


_BILL_SUMMARY_FIELDS = tuple(BillSummary.__dataclass_fields__)


@dataclass(frozen=True)
class AccountOverview:
    """What an agent sees first about an account. Money in fen.

    `used_fen` ≥ 0; `available_fen` = limit − used, never below 0; `current_bill` is None before
    the first statement; `daily_rate_ppm` only for cash loans (parts per million per day)."""

    id: int
    customer_id: int
    account_number: str
    product: str
    status: str
    opened_on: date
    credit_limit_fen: int
    used_fen: int
    available_fen: int
    balance_fen: int
    past_due_fen: int
    days_past_due: int
    delinquency_bucket: str
    next_due_date: date | None
    next_due_fen: int
    current_bill: BillSummary | None
    daily_rate_ppm: int | None
    due_day: int

    @classmethod
    def from_json(cls, data: JsonObject) -> AccountOverview:
        bill = data.get("current_bill")
        return cls(
            id=int(data["id"]),
            customer_id=int(data["customer_id"]),
            account_number=str(data["account_number"]),
            product=str(data["product"]),
            status=str(data["status"]),
            opened_on=parse_date(data["opened_on"]),
            credit_limit_fen=int(data["credit_limit_fen"]),
            used_fen=int(data["used_fen"]),
            available_fen=int(data["available_fen"]),
            balance_fen=int(data["balance_fen"]),
            past_due_fen=int(data["past_due_fen"]),
            days_past_due=int(data["days_past_due"]),
            delinquency_bucket=str(data["delinquency_bucket"]),
            next_due_date=_optional_date(data.get("next_due_date")),
            next_due_fen=int(data["next_due_fen"]),
            current_bill=None if bill is None else BillSummary.from_json(bill),
            daily_rate_ppm=_optional_int(data.get("daily_rate_ppm")),
            due_day=int(data["due_day"]),
        )

    @property
    def brief(self) -> AccountBrief:
        return AccountBrief(
            id=self.id,
            account_number=self.account_number,
            product=self.product,
            status=self.status,
            delinquency_bucket=self.delinquency_bucket,
        )


@dataclass(frozen=True)
class Transaction:
    """A posted transaction. `amount_fen` is signed: what the customer owes more is positive,
    credits (repayments, refunds, waivers) negative. `business_date` is the Asia/Shanghai day."""

    id: int
    account_id: int
    type: str
    amount_fen: int
    posted_at: datetime
    business_date: date
    merchant: str | None
    description: str
    plan_id: int | None
    description_code: str | None = None  # docs/api-wording.md; None: the text alone
    description_params: dict[str, Any] = field(default_factory=dict)
    claims: tuple[TransactionClaim, ...] = ()  # what disputes and fraud reports hold or gave back

    @property
    def is_disputed(self) -> bool:
        """Whether a dispute or a fraud report holds or gave back money of the transaction."""
        return bool(self.claims)

    @classmethod
    def from_json(cls, data: JsonObject) -> Transaction:
        posted_at = parse_datetime(data["posted_at"])
        business_date = data.get("business_date")
        return cls(
            id=int(data["id"]),
            account_id=int(data["account_id"]),
            type=str(data["type"]),
            amount_fen=int(data["amount_fen"]),
            posted_at=posted_at,
            business_date=parse_date(business_date) if business_date is not None else posted_at.date(),
            merchant=_optional_str(data.get("merchant")),
            description=str(data.get("description", "")),
            plan_id=_optional_int(data.get("plan_id")),
            description_code=_optional_str(data.get("description_code")),
            description_params=_params(data.get("description_params")),
            claims=tuple(TransactionClaim.from_json(c) for c in data.get("claims") or () if isinstance(c, Mapping)),
        )


@dataclass(frozen=True)
class TransactionClaim:
    """Money of a transaction a dispute or fraud report holds or gave back (docs/rules.md,
    "Claims on a transaction"). `kind`: disputed | provisionally_credited | refunded |
    written_off | reported_as_fraud; `source_type`: dispute | fraud_report."""

    kind: str
    amount_fen: int
    source_type: str
    source_id: int

    @classmethod
    def from_json(cls, data: JsonObject) -> TransactionClaim:
        return cls(kind=str(data.get("kind", "")), amount_fen=int(data.get("amount_fen", 0)),
                   source_type=str(data.get("source_type", "")), source_id=int(data.get("source_id", 0)))


@dataclass(frozen=True)
class SchedulePeriod:
    """One period of an installment plan. `status`: scheduled | billed | partially_paid | paid | waived."""

    period: int
    due_date: date
    principal_fen: int
    fee_fen: int
    total_fen: int
    paid_fen: int
    status: str

    @classmethod
    def from_json(cls, data: JsonObject) -> SchedulePeriod:
        return cls(
            period=int(data["period"]),
            due_date=parse_date(data["due_date"]),
            principal_fen=int(data["principal_fen"]),
            fee_fen=int(data["fee_fen"]),
            total_fen=int(data["total_fen"]),
            paid_fen=int(data["paid_fen"]),
            status=str(data["status"]),
        )


@dataclass(frozen=True)
class InstallmentPlan:
    """An installment plan with its schedule (Σ principal = principal_fen, Σ fee = fee_fen).
    `kind`: bill_installment | transaction_installment | cash_loan | hardship_plan;
    `status`: active | completed | paid_off | broken."""

    id: int
    account_id: int
    kind: str
    principal_fen: int
    fee_fen: int
    terms: int
    status: str
    description: str
    created_at: datetime
    daily_rate_ppm: int | None
    remaining_principal_fen: int
    schedule: tuple[SchedulePeriod, ...]

    @classmethod
    def from_json(cls, data: JsonObject) -> InstallmentPlan:
        return cls(
            id=int(data["id"]),
            account_id=int(data["account_id"]),
            kind=str(data["kind"]),
            principal_fen=int(data["principal_fen"]),
            fee_fen=int(data["fee_fen"]),
            terms=int(data["terms"]),
            status=str(data["status"]),
            description=str(data.get("description", "")),
            created_at=parse_datetime(data["created_at"]),
            daily_rate_ppm=_optional_int(data.get("daily_rate_ppm")),
            remaining_principal_fen=int(data["remaining_principal_fen"]),
            schedule=tuple(SchedulePeriod.from_json(period) for period in data.get("schedule", ())),
        )


@dataclass(frozen=True)
class CustomerHit:
    """A search result: enough to tell callers apart, with personal data masked."""

    id: int
    name: str
    phone_masked: str
    national_id_masked: str
    accounts: tuple[AccountBrief, ...]
    open_case_count: int
    flags: tuple[str, ...]

    @classmethod
    def from_json(cls, data: JsonObject) -> CustomerHit:
        return cls(**_hit_fields(data))


def _hit_fields(data: JsonObject) -> dict[str, Any]:
    return {
        "id": int(data["id"]),
        "name": str(data["name"]),
        "phone_masked": str(data["phone_masked"]),
        "national_id_masked": str(data["national_id_masked"]),
        "accounts": tuple(AccountBrief.from_json(account) for account in data.get("accounts", ())),
        "open_case_count": int(data.get("open_case_count", 0)),
        "flags": tuple(str(flag) for flag in data.get("flags", ())),
    }


@dataclass(frozen=True)
class CustomerProfile(CustomerHit):
    """The masked profile. `account_overviews`, `current_bills`, `plans` and `alerts` (a
    `console.history.CustomerAlerts`) are None unless asked for with `include=`."""

    bank_card_masked: str | None = None
    city: str | None = None
    created_at: datetime | None = None
    account_overviews: tuple[AccountOverview, ...] | None = None
    current_bills: tuple[BillSummary, ...] | None = None
    plans: tuple[InstallmentPlan, ...] | None = None
    alerts: CustomerAlerts | None = None

    @classmethod
    def from_json(cls, data: JsonObject) -> CustomerProfile:
        from console.history import CustomerAlerts  # it builds on this module

        alerts = data.get("alerts")
        overviews = data.get("account_overviews")
        bills = data.get("current_bills")
        plans = data.get("plans")
        created_at = data.get("created_at")
        return cls(
            **_hit_fields(data),
            bank_card_masked=_optional_str(data.get("bank_card_masked")),
            city=_optional_str(data.get("city")),
            created_at=None if created_at is None else parse_datetime(created_at),
            account_overviews=None
            if overviews is None
            else tuple(AccountOverview.from_json(item) for item in overviews),
            current_bills=None if bills is None else tuple(BillSummary.from_json(item) for item in bills),
            plans=None if plans is None else tuple(InstallmentPlan.from_json(item) for item in plans),
            alerts=None if alerts is None else CustomerAlerts.from_json(alerts),
        )

    def overview_of(self, account_id: int) -> AccountOverview | None:
        """The included overview of one account (None if not included or not this customer's)."""
        return next((o for o in self.account_overviews or () if o.id == account_id), None)

    def plans_of(self, account_id: int) -> tuple[InstallmentPlan, ...]:
        """The included plans of one account."""
        return tuple(plan for plan in self.plans or () if plan.account_id == account_id)

    def current_bill_of(self, account_id: int) -> BillSummary | None:
        """The included latest bill of one account."""
        return next((b for b in self.current_bills or () if b.account_id == account_id), None)


@dataclass(frozen=True)
class Note:
    """A contact note. `channel`: phone | chat | email | branch."""

    id: int
    account_id: int
    customer_id: int
    author_id: int
    author_name: str
    channel: str
    body: str
    created_at: datetime

    @classmethod
    def from_json(cls, data: JsonObject) -> Note:
        return cls(
            id=int(data["id"]),
            account_id=int(data["account_id"]),
            customer_id=int(data["customer_id"]),
            author_id=int(data["author_id"]),
            author_name=str(data["author_name"]),
            channel=str(data["channel"]),
            body=str(data["body"]),
            created_at=parse_datetime(data["created_at"]),
        )
