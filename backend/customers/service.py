"""Finding a customer without revealing anything, the masked profile, and reveal with a reason."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from pydantic_core import to_json
from sqlalchemy import and_, bindparam, func, or_, select, true, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, aliased

from backend.accounts.models import Account
from backend.accounts.service import account_brief, overview, unbilled_principal_of_account
from backend.audit.models import AuditRecord
from backend.audit.service import record_audit
from backend.billing.models import Bill
from backend.billing.schemas import BillOut
from backend.cases.models import Case, CaseType
from backend.common.context import RequestContext
from backend.common.masking import mask_bank_card, mask_national_id, mask_phone
from backend.common.pagination import Page, decode_cursor, encode_cursor, page_of
from backend.customers.models import Customer
from backend.customers.schemas import CustomerHit, CustomerProfile, RevealOut
from backend.errors import NotFound, TooManyRequests, ValidationFailed
from backend.history.service import alerts_of
from backend.installments.service import plans_of

SEARCH_MAX_LENGTH = 64
INCLUDES = ("accounts", "current_bills", "plans", "alerts")
REVEAL_ACTION = "customer.reveal"
REVEAL_WINDOW = timedelta(hours=1)
# The greatest code point: `name < prefix + TOP` bounds a prefix range on any binary collation.
TOP = "\U0010ffff"

_SEPARATORS = re.compile(r"[\s\-]")
_PHONE = re.compile(r"(?:\+?86)?(1\d{10})")
_ACCOUNT_NUMBER = re.compile(r"(?:HB|JB)\d{10,18}", re.IGNORECASE)
# The start of an account number as a caller reads it out ("HB1", "hb 0000 01"): a prefix, or the
# number with its zeros left out (HB1 is HB0000000001).
_ACCOUNT_NUMBER_START = re.compile(r"(?:HB|JB)\d{0,9}", re.IGNORECASE)
ACCOUNT_NUMBER_DIGITS = 10
_NATIONAL_ID = re.compile(r"\d{17}[\dX]", re.IGNORECASE)
_NATIONAL_ID_LAST4 = re.compile(r"\d{3}[\dX]", re.IGNORECASE)


class OpenCases(NamedTuple):
    """An account's open cases, and how many of them are fraud reports."""

    cases: int
    fraud_reports: int


NO_OPEN_CASES = OpenCases(0, 0)


@dataclass(frozen=True)
class SearchTerm:
    """What a search box entry was taken to be: `phone`, `account_number`, `national_id`,
    `national_id_last4`, `account_number_start` (the first letters and digits of one) or `name`
    (a prefix), and the normalized value to look for."""

    kind: str
    value: str


def classify_query(raw: str) -> SearchTerm:
    """Read a search entry the way an agent means it. 422 if it is empty or too long."""
    q = raw.strip()
    if not q:
        raise ValidationFailed(
            "Type a phone number, account number, name or ID last 4.",
            errors={"query.q": ["must not be empty"]},
        )
    if len(q) > SEARCH_MAX_LENGTH:
        raise ValidationFailed(
            f"Search for at most {SEARCH_MAX_LENGTH} characters.",
            errors={"query.q": [f"at most {SEARCH_MAX_LENGTH} characters"]},
        )
    compact = _SEPARATORS.sub("", q)
    if phone := _PHONE.fullmatch(compact):
        return SearchTerm("phone", phone.group(1))
    if _ACCOUNT_NUMBER.fullmatch(compact):
        return SearchTerm("account_number", compact.upper())
    if _ACCOUNT_NUMBER_START.fullmatch(compact):
        return SearchTerm("account_number_start", compact.upper())
    if _NATIONAL_ID.fullmatch(compact):
        return SearchTerm("national_id", compact.upper())
    if _NATIONAL_ID_LAST4.fullmatch(compact):
        return SearchTerm("national_id_last4", compact.upper())
    return SearchTerm("name", q)


def _hits(session: Session, customers: Sequence[Customer], today: date) -> list[CustomerHit]:
    accounts, cases = _accounts_of(session, [c.id for c in customers])
    return [
        CustomerHit(
            **_masked_fields(customer, accounts.get(customer.id, []), cases),
            accounts=[account_brief(a, today) for a in accounts.get(customer.id, [])],
        )
        for customer in customers
    ]


# The statements every search and every customer open run, built once: building a statement
# costs more than SQLite takes to run it. Each account comes with its open cases and open fraud
# reports (correlated counts on the cases' account index): the counts cost no statement of their own.
_OPEN_CASES = select(func.count()).where(Case.account_id == Account.id, Case.is_open == true())
_ACCOUNTS_OF = (
    select(
        Account,
        _OPEN_CASES.scalar_subquery(),
        _OPEN_CASES.where(Case.type == CaseType.FRAUD_REPORT.value).scalar_subquery(),
    )
    .where(Account.customer_id.in_(bindparam("customer_ids", expanding=True)))
    .order_by(Account.customer_id, Account.id)
)
_BY_ID = select(Customer).order_by(Customer.id).limit(bindparam("limit"))
_FIRST_PAGE = {
    "phone": _BY_ID.where(Customer.phone == bindparam("value")),
    "account_number": _BY_ID.where(
        Customer.id.in_(select(Account.customer_id).where(Account.account_number == bindparam("value")))
    ),
    "national_id_last4": _BY_ID.where(Customer.national_id_last4 == bindparam("value")),
}


def _accounts_of(
    session: Session, customer_ids: Sequence[int]
) -> tuple[dict[int, list[Account]], dict[int, OpenCases]]:
    """The customers' accounts by customer id, and the open cases of each account by account id."""
    by_customer: dict[int, list[Account]] = {}
    open_cases: dict[int, OpenCases] = {}
    if not customer_ids:
        return by_customer, open_cases
    for account, cases, fraud_reports in session.execute(_ACCOUNTS_OF, {"customer_ids": list(customer_ids)}):
        by_customer.setdefault(account.customer_id, []).append(account)
        open_cases[account.id] = OpenCases(cases, fraud_reports)
    return by_customer, open_cases


def _masked_fields(
    customer: Customer, accounts: Sequence[Account], open_cases: dict[int, OpenCases]
) -> dict[str, Any]:
    """The masked profile fields, with the open case count and the flags: those stored, then
    `frozen` (an account is frozen) and `open_fraud_report`."""
    counts = [open_cases.get(account.id, NO_OPEN_CASES) for account in accounts]
    flags = [str(flag) for flag in customer.flags or []]
    if any(account.status == "frozen" for account in accounts):
        flags.append("frozen")
    if any(count.fraud_reports for count in counts):
        flags.append("open_fraud_report")
    return {
        "id": customer.id,
        "name": customer.name,
        "phone_masked": mask_phone(customer.phone),
        "national_id_masked": mask_national_id(customer.national_id),
        "open_case_count": sum(count.cases for count in counts),
        "flags": list(dict.fromkeys(flags)),
    }


def search_customers(
    *, session: Session, q: str, limit: int, cursor: str | None, today: date
) -> Page[CustomerHit]:
    """Customers matching a full phone number, account number, national ID (full or last 4) or a
    name prefix. Names sort by (name, id), the rest by id; every form is served by an index."""
    term = classify_query(q)
    kind = f"customers.{term.kind}"
    key = (lambda c: (c.name, c.id)) if term.kind == "name" else (lambda c: (c.id,))
    if cursor is None and term.kind in _FIRST_PAGE:  # the usual case: one exact match
        first = session.scalars(_FIRST_PAGE[term.kind], {"value": term.value, "limit": limit + 1}).all()
        shown, next_cursor = page_of(first, limit=limit, kind=kind, key=key)
        return Page[CustomerHit](items=_hits(session, shown, today), next_cursor=next_cursor)
    query = select(Customer)
    if term.kind == "name":
        query = query.where(Customer.name >= term.value, Customer.name < term.value + TOP)
        if cursor is not None:
            name, customer_id = decode_cursor(cursor, kind, (str, int))
            query = query.where(tuple_(Customer.name, Customer.id) > (name, customer_id))
        query = query.order_by(Customer.name, Customer.id)
    else:
        if term.kind == "phone":
            query = query.where(Customer.phone == term.value)
        elif term.kind == "account_number":
            owner = select(Account.customer_id).where(Account.account_number == term.value)
            query = query.where(Customer.id.in_(owner.scalar_subquery()))
        elif term.kind == "account_number_start":
            query = query.where(Customer.id.in_(_account_number_start_owners(term).scalar_subquery()))
        elif term.kind == "national_id":
            query = query.where(
                Customer.national_id_last4 == term.value[-4:], Customer.national_id == term.value
            )
        else:
            query = query.where(Customer.national_id_last4 == term.value)
        if cursor is not None:
            (customer_id,) = decode_cursor(cursor, kind, (int,))
            query = query.where(Customer.id > customer_id)
        query = query.order_by(Customer.id)
    rows = session.scalars(query.limit(limit + 1)).all()
    shown, next_cursor = page_of(rows, limit=limit, kind=kind, key=key)
    return Page[CustomerHit](items=_hits(session, shown, today), next_cursor=next_cursor)


# -- the hot read, lean: Core rows straight to JSON -------------------------------------------
# An agent searches on every call. The lean path builds one statement per page (the page of
# customers as a subquery, joined to their accounts with the open-case counts), reads plain
# rows on a Connection (no ORM identity map) and makes the JSON from them directly (no pydantic
# models, no re-validation). It answers exactly what `search_customers` answers.

def _account_number_start_owners(term: SearchTerm) -> Any:
    """The owners of accounts whose number starts with the term, or is the term with its zeros
    typed out (HB1 is HB0000000001): a prefix range on the account-number index."""
    letters, digits = term.value[:2], term.value[2:]
    matches = [and_(Account.account_number >= term.value, Account.account_number < term.value + TOP)]
    if digits:
        matches.append(Account.account_number == letters + digits.zfill(ACCOUNT_NUMBER_DIGITS))
    return select(Account.customer_id).where(or_(*matches))


_CUSTOMER_COLUMNS = (Customer.id, Customer.name, Customer.phone, Customer.national_id, Customer.flags)


def _customer_page(term: SearchTerm, cursor: str | None, kind: str, value: Any = None) -> Any:
    """The page's customers (limit + 1 rows: `bindparam("limit")`), in the search's order;
    `value` (default: the term's) may be a bind parameter."""
    query = select(*_CUSTOMER_COLUMNS)
    value = term.value if value is None else value
    if term.kind == "name":
        query = query.where(Customer.name >= term.value, Customer.name < term.value + TOP)
        if cursor is not None:
            name, customer_id = decode_cursor(cursor, kind, (str, int))
            query = query.where(tuple_(Customer.name, Customer.id) > (name, customer_id))
        return query.order_by(Customer.name, Customer.id).limit(bindparam("limit"))
    if term.kind == "phone":
        query = query.where(Customer.phone == value)
    elif term.kind == "account_number":
        owner = select(Account.customer_id).where(Account.account_number == value)
        query = query.where(Customer.id.in_(owner.scalar_subquery()))
    elif term.kind == "account_number_start":
        query = query.where(Customer.id.in_(_account_number_start_owners(term).scalar_subquery()))
    elif term.kind == "national_id":
        query = query.where(Customer.national_id_last4 == term.value[-4:], Customer.national_id == term.value)
    else:
        query = query.where(Customer.national_id_last4 == value)
    if cursor is not None:
        (customer_id,) = decode_cursor(cursor, kind, (int,))
        query = query.where(Customer.id > customer_id)
    return query.order_by(Customer.id).limit(bindparam("limit"))


def _with_accounts(page: Any, by_name: bool) -> Any:
    """One statement: the customers of `page`, each with its accounts and their open cases."""
    customers = page.subquery("page")
    open_cases = select(func.count()).where(Case.account_id == Account.id, Case.is_open == true())
    fraud = open_cases.where(Case.type == CaseType.FRAUD_REPORT.value)
    order = [customers.c.name, customers.c.id] if by_name else [customers.c.id]
    return (
        select(
            *customers.c,
            Account.id.label("account_id"),
            Account.account_number,
            Account.product,
            Account.status,
            Account.overdue_since,
            open_cases.scalar_subquery().label("open_cases"),
            fraud.scalar_subquery().label("open_fraud_reports"),
        )
        .select_from(customers.outerjoin(Account, Account.customer_id == customers.c.id))
        .order_by(*order, Account.id)
    )


# The usual first pages, built once (building a statement costs more than running it).
_LEAN_FIRST_PAGE = {
    kind: _with_accounts(_customer_page(SearchTerm(kind, ""), None, "", bindparam("value")), False)
    for kind in ("phone", "account_number", "national_id_last4")
}


def search_json(*, connection: Connection, q: str, limit: int, cursor: str | None, today: date) -> bytes:
    """`search_customers` as JSON bytes, from plain rows of one statement."""
    from backend.billing import rules

    term = classify_query(q)
    kind = f"customers.{term.kind}"
    if cursor is None and term.kind in _LEAN_FIRST_PAGE:
        statement = _LEAN_FIRST_PAGE[term.kind]
        params: dict[str, Any] = {"value": term.value, "limit": limit + 1}
    else:
        statement = _with_accounts(_customer_page(term, cursor, kind), term.kind == "name")
        params = {"limit": limit + 1}
    hits: list[dict[str, Any]] = []
    for row in connection.execute(statement, params):
        if not hits or hits[-1]["id"] != row.id:
            hits.append(
                {
                    "id": row.id,
                    "name": row.name,
                    "phone_masked": mask_phone(row.phone),
                    "national_id_masked": mask_national_id(row.national_id),
                    "accounts": [],
                    "open_case_count": 0,
                    "flags": [str(flag) for flag in row.flags or []],
                    "_name": row.name,
                    "_frozen": False,
                    "_fraud": False,
                }
            )
        if row.account_id is None:
            continue
        hit = hits[-1]
        hit["accounts"].append(
            {
                "id": row.account_id,
                "account_number": row.account_number,
                "product": row.product,
                "status": row.status,
                "delinquency_bucket": rules.delinquency_bucket(rules.days_past_due(row.overdue_since, today)),
            }
        )
        hit["open_case_count"] += row.open_cases
        hit["_frozen"] = hit["_frozen"] or row.status == "frozen"
        hit["_fraud"] = hit["_fraud"] or bool(row.open_fraud_reports)
    next_cursor = None
    if len(hits) > limit:
        hits = hits[:limit]
        last = hits[-1]
        next_cursor = encode_cursor(kind, (last["_name"], last["id"]) if term.kind == "name" else (last["id"],))
    for hit in hits:
        del hit["_name"]
        flags = hit["flags"]
        if hit.pop("_frozen"):
            flags.append("frozen")
        if hit.pop("_fraud"):
            flags.append("open_fraud_report")
        hit["flags"] = list(dict.fromkeys(flags))
    return json.dumps({"items": hits, "next_cursor": next_cursor}, ensure_ascii=False, separators=(",", ":")).encode()


def parse_includes(raw: str | None) -> set[str]:
    """`accounts,plans` → {"accounts", "plans"}; 422 for anything else."""
    if raw is None:
        return set()
    parts = {part.strip() for part in raw.split(",") if part.strip()}
    unknown = sorted(parts - set(INCLUDES))
    if unknown:
        raise ValidationFailed(
            f"Cannot include: {', '.join(unknown)}.",
            errors={"query.include": [f"each must be one of: {', '.join(INCLUDES)}"]},
        )
    return parts


def get_customer(*, session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(f"There is no customer {customer_id}.")
    return customer


# The customer open's first statement, built once: the customer, each account with its open case
# counts, its principal not yet billed and its latest bill (an outer join: a customer without
# accounts, an account before its first bill, still come back).
_LATEST_BILL = aliased(Bill)
_PROFILE = (
    select(
        Customer,
        Account,
        _OPEN_CASES.scalar_subquery().label("open_cases"),
        _OPEN_CASES.where(Case.type == CaseType.FRAUD_REPORT.value).scalar_subquery().label("open_fraud_reports"),
        unbilled_principal_of_account().label("unbilled_fen"),
        Bill,
    )
    .outerjoin(Account, Account.customer_id == Customer.id)
    .outerjoin(Bill, (Bill.account_id == Account.id) & (Bill.statement_date == (
        select(func.max(_LATEST_BILL.statement_date)).where(_LATEST_BILL.account_id == Account.id).scalar_subquery()
    )))
    .where(Customer.id == bindparam("customer_id"))
    .order_by(Account.id)
)


def customer_profile(*, session: Session, customer_id: int, includes: set[str], today: date) -> bytes:
    """The masked profile with its accounts and, as asked, their overviews, latest bills, plans and
    alerts: `CustomerProfile` as JSON bytes (the plans, most of its rows, as plain rows: see
    `plans_of`).

    One statement for the customer, the accounts and their latest bills; two for `plans`, at
    most three for `alerts`: at most six whatever the number of accounts (docs/load.md)."""
    rows = session.execute(_PROFILE, {"customer_id": customer_id}).all()
    if not rows:
        raise NotFound(f"There is no customer {customer_id}.")
    customer = rows[0].Customer
    with_accounts = [row for row in rows if row.Account is not None]
    accounts = [row.Account for row in with_accounts]
    ids = [account.id for account in accounts]
    open_cases = {row.Account.id: OpenCases(row.open_cases, row.open_fraud_reports) for row in with_accounts}
    bills = {row.Account.id: row.Bill for row in with_accounts if row.Bill is not None}
    profile = CustomerProfile(
        **_masked_fields(customer, accounts, open_cases),
        accounts=[account_brief(a, today) for a in accounts],
        bank_card_masked=mask_bank_card(customer.bank_card),
        city=customer.city,
        created_at=customer.created_at,
    )
    if "accounts" in includes:
        profile.account_overviews = [
            overview(row.Account, bill=row.Bill, unbilled_fen=int(row.unbilled_fen or 0), today=today)
            for row in with_accounts
        ]
    if "current_bills" in includes:
        profile.current_bills = [BillOut.model_validate(bills[i]) for i in ids if i in bills]
    if "alerts" in includes:
        profile.alerts = alerts_of(session=session, customer_id=customer.id, accounts=accounts)
    document = profile.model_dump(mode="json", by_alias=True)
    if "plans" in includes:
        document["plans"] = plans_of(session.connection(), account_ids=ids)
    return to_json(document)


def reveal_field(
    *, session: Session, customer_id: int, field: str, reason: str, ctx: RequestContext, per_hour: int
) -> RevealOut:
    """The unmasked value of `field`, audited as `customer.reveal` (the field and the reason,
    never the value). At most `per_hour` reveals per user in any hour: 429 `reveal_limit`."""
    customer = get_customer(session=session, customer_id=customer_id)
    now = ctx.clock.now()
    # Audit first, then count: the append locks the audit chain until commit, so two reveals at
    # once are counted one after the other and cannot both slip under the limit.
    record_audit(
        session=session,
        ctx=ctx,
        action=REVEAL_ACTION,
        entity_type="customer",
        entity_id=customer.id,
        after={"field": field, "reason": reason},
        customer_id=customer.id,
    )
    in_window = (
        AuditRecord.actor_id == ctx.actor_id,
        AuditRecord.action == REVEAL_ACTION,
        AuditRecord.at > now - REVEAL_WINDOW,
    )
    count = int(session.scalar(select(func.count()).select_from(AuditRecord).where(*in_window)) or 0)
    if count > per_hour:
        # The reveals that must age out before one more fits; the request's own record is newest.
        oldest_to_expire = session.scalar(
            select(AuditRecord.at)
            .where(*in_window)
            .order_by(AuditRecord.at)
            .offset(count - per_hour - 1)
            .limit(1)
        )
        wait = (oldest_to_expire + REVEAL_WINDOW - now).total_seconds() if oldest_to_expire else 3600
        raise TooManyRequests(
            f"You have revealed {per_hour} values in the last hour, the most allowed. Try again later.",
            code="reveal_limit",
            title="Reveal limit reached",
            retry_after_seconds=max(1, math.ceil(wait)),
        )
    value = {"phone": customer.phone, "national_id": customer.national_id, "bank_card": customer.bank_card}[
        field
    ]
    return RevealOut(field=field, value=value)  # type: ignore[arg-type]
