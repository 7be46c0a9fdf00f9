"""Customer search, the masked profile with `include=`, and the edges of their inputs."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, func, select

from backend.accounts.models import Account
from backend.billing.models import Bill
from backend.customers.models import Customer
from backend.installments.models import InstallmentPlan
from tests.helpers.api import problem
from tests.helpers.seeded import SeededApi, seeded_api_fixture, seeded_fixture, walk_pages  # noqa: F401


def customers(api: SeededApi) -> list[Customer]:
    with api.session() as session:
        return list(session.scalars(select(Customer).order_by(Customer.id)))


def search(api: SeededApi, q: str, **params: Any) -> Any:
    response = api.client.get("/v1/customers", params={"q": q, **params}, headers=api.agent)
    assert response.status_code == 200, response.text
    return response.json()


def walk(api: SeededApi, q: str, limit: int) -> list[dict[str, Any]]:
    """Every hit of a search, page by page."""
    return walk_pages(api, "/v1/customers", q=q, limit=limit)


# -- search -------------------------------------------------------------------------------


def test_a_full_phone_number_finds_the_customer(api: SeededApi) -> None:
    customer = customers(api)[0]

    hits = search(api, customer.phone)["items"]

    assert [hit["id"] for hit in hits] == [customer.id]
    assert hits[0]["name"] == customer.name


@pytest.mark.parametrize("shape", ["{} {} {}", "+86{}{}{}", "{}-{}-{}"])
def test_a_phone_number_is_found_as_agents_type_it(api: SeededApi, shape: str) -> None:
    customer = customers(api)[3]
    phone = customer.phone

    hits = search(api, shape.format(phone[:3], phone[3:7], phone[7:]))["items"]

    assert [hit["id"] for hit in hits] == [customer.id]


def test_an_account_number_finds_its_owner_whatever_the_case(api: SeededApi) -> None:
    with api.session() as session:
        account = session.scalars(select(Account).where(Account.product == "cash_loan").limit(1)).one()

    upper = search(api, account.account_number)["items"]
    lower = search(api, account.account_number.lower())["items"]

    assert [hit["id"] for hit in upper] == [hit["id"] for hit in lower] == [account.customer_id]
    assert account.id in [a["id"] for a in upper[0]["accounts"]]


def test_the_start_of_an_account_number_finds_its_owner(api: SeededApi) -> None:
    """"HB1" found nothing: it is account HB0000000001 with its zeros left out, and "HB000000001"
    is the start of HB0000000010 to HB0000000019 as well."""
    with api.session() as session:
        owners = {a.account_number: a.customer_id for a in session.scalars(select(Account))}
    first = owners["HB0000000001"]

    assert [hit["id"] for hit in search(api, "HB1")["items"]] == [first]
    assert [hit["id"] for hit in search(api, "hb 1")["items"]] == [first]
    expected = sorted({owner for number, owner in owners.items()
                       if number.startswith("HB000000001") or number == "HB0000000001"})
    assert [hit["id"] for hit in search(api, "HB000000001")["items"]] == expected
    assert len(expected) > 1


def test_national_id_last4_finds_every_customer_with_it(api: SeededApi) -> None:
    customer = customers(api)[5]
    expected = sorted(c.id for c in customers(api) if c.national_id[-4:] == customer.national_id[-4:])

    hits = search(api, customer.national_id[-4:].lower())["items"]

    assert [hit["id"] for hit in hits] == expected
    assert customer.id in expected


def test_a_full_national_id_finds_the_customer(api: SeededApi) -> None:
    customer = customers(api)[6]

    hits = search(api, customer.national_id)["items"]

    assert [hit["id"] for hit in hits] == [customer.id]


def test_a_name_prefix_finds_the_names_that_start_with_it_in_name_order(api: SeededApi) -> None:
    everyone = customers(api)
    surname = everyone[0].name[0]
    expected = sorted(((c.name, c.id) for c in everyone if c.name.startswith(surname)))

    hits = search(api, surname, limit=200)["items"]

    assert [(hit["name"], hit["id"]) for hit in hits] == expected
    full = search(api, everyone[0].name)["items"]
    assert everyone[0].id in [hit["id"] for hit in full]


def test_a_search_that_matches_nothing_is_an_empty_page(api: SeededApi) -> None:
    assert search(api, "13000000000") == {"items": [], "next_cursor": None}
    assert search(api, "HB9999999999") == {"items": [], "next_cursor": None}
    assert search(api, "不存在的人") == {"items": [], "next_cursor": None}


def test_hits_are_masked_and_never_hold_the_full_values(api: SeededApi) -> None:
    customer = customers(api)[0]

    response = api.client.get("/v1/customers", params={"q": customer.phone}, headers=api.agent)

    hit = response.json()["items"][0]
    assert hit["phone_masked"] == customer.phone[:3] + "****" + customer.phone[-4:]
    assert hit["national_id_masked"] == customer.national_id[:4] + "*" * 10 + customer.national_id[-4:]
    assert customer.national_id not in response.text
    assert customer.bank_card is not None and customer.bank_card not in response.text
    # The query echoes nowhere either: the phone appears only as the masked form.
    assert response.text.count(customer.phone) == 0
    assert hit["open_case_count"] == 0
    assert isinstance(hit["flags"], list)


def test_hits_carry_accounts_with_their_bucket(api: SeededApi) -> None:
    with api.session() as session:
        account = session.scalars(select(Account).where(Account.overdue_since.is_not(None)).limit(1)).one()

    hit = search(api, account.account_number)["items"][0]

    brief = next(a for a in hit["accounts"] if a["id"] == account.id)
    assert brief == {
        "id": account.id,
        "account_number": account.account_number,
        "product": account.product,
        "status": account.status,
        "delinquency_bucket": brief["delinquency_bucket"],
    }
    assert brief["delinquency_bucket"] in {"M1", "M2", "M3", "M4+"}


# -- pagination ------------------------------------------------------------------------------


def test_walking_every_page_of_a_name_search_has_no_gaps_and_no_duplicates(api: SeededApi) -> None:
    everyone = customers(api)
    counts: dict[str, int] = {}
    for c in everyone:
        counts[c.name[0]] = counts.get(c.name[0], 0) + 1
    surname = max(counts, key=lambda s: counts[s])
    expected = sorted((c.name, c.id) for c in everyone if c.name.startswith(surname))
    assert len(expected) >= 2

    items = walk(api, surname, limit=1)

    assert [(hit["name"], hit["id"]) for hit in items] == expected


def test_walking_every_page_of_a_last4_search(api: SeededApi) -> None:
    everyone = customers(api)
    by_last4: dict[str, list[int]] = {}
    for c in everyone:
        by_last4.setdefault(c.national_id_last4, []).append(c.id)
    last4, ids = max(by_last4.items(), key=lambda kv: len(kv[1]))

    items = walk(api, last4, limit=1)

    assert [hit["id"] for hit in items] == sorted(ids)


def test_a_full_page_of_exactly_limit_rows_has_no_next_cursor(api: SeededApi) -> None:
    customer = customers(api)[0]

    page = search(api, customer.phone, limit=1)

    assert len(page["items"]) == 1
    assert page["next_cursor"] is None


def forge(document: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(document).encode()).rstrip(b"=").decode()


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "%%%",
        "eyJr",  # truncated JSON
        forge([1, 2]),
        forge({"k": "customers.name", "v": ["王"]}),
        forge({"k": "customers.name", "v": [1, "x"]}),
        forge({"k": "customers.phone", "v": [1]}),  # a cursor of another search kind
        forge({"k": "customers.name", "v": ["王", 2**64]}),
        forge({"k": "customers.name", "v": ["王", True]}),
        forge({"k": "customers.name", "v": ["王\x00", 1]}),
        "x" * 600,
    ],
)
def test_a_tampered_cursor_is_422_invalid_cursor(api: SeededApi, cursor: str) -> None:
    surname = customers(api)[0].name[0]

    response = api.client.get("/v1/customers", params={"q": surname, "cursor": cursor}, headers=api.agent)

    assert response.status_code == 422
    assert problem(response)["code"] in {"invalid_cursor", "validation_failed"}
    if len(cursor) <= 512:
        assert problem(response)["code"] == "invalid_cursor"


# -- bad search input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "\t\n"},
        {"q": "王" * 65},
        {"q": "王", "limit": 0},
        {"q": "王", "limit": 201},
        {"q": "王", "limit": -1},
        {"q": "王", "limit": "many"},
        {"q": "王", "limit": 2**70},
        {"q": "王\x00"},
    ],
)
def test_bad_search_input_is_422(api: SeededApi, params: dict[str, Any]) -> None:
    response = api.client.get("/v1/customers", params=params, headers=api.agent)

    assert response.status_code == 422, response.text
    assert problem(response)["code"] == "validation_failed"


def test_limit_200_is_allowed(api: SeededApi) -> None:
    page = search(api, customers(api)[0].name[0], limit=200)

    assert page["next_cursor"] is None


# -- profile ---------------------------------------------------------------------------------


def test_the_profile_is_masked_with_flags_and_accounts(api: SeededApi) -> None:
    customer = customers(api)[0]

    response = api.client.get(f"/v1/customers/{customer.id}", headers=api.agent)

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == customer.id
    assert body["name"] == customer.name
    assert body["phone_masked"] == customer.phone[:3] + "****" + customer.phone[-4:]
    assert body["national_id_masked"] == customer.national_id[:4] + "**********" + customer.national_id[-4:]
    assert customer.bank_card is not None
    assert body["bank_card_masked"] == "****" + customer.bank_card[-4:]
    assert body["flags"] == customer.flags
    for secret in (customer.phone, customer.national_id, customer.bank_card):
        assert secret not in response.text
    with api.session() as session:
        account_ids = list(session.scalars(select(Account.id).where(Account.customer_id == customer.id)))
    assert [a["id"] for a in body["accounts"]] == sorted(account_ids)
    assert body["account_overviews"] is None
    assert body["current_bills"] is None
    assert body["plans"] is None


def test_the_frozen_customer_shows_the_flag_and_the_status(api: SeededApi) -> None:
    with api.session() as session:
        account = session.scalars(select(Account).where(Account.status == "frozen").limit(1)).one()

    body = api.client.get(f"/v1/customers/{account.customer_id}", headers=api.agent).json()

    assert "fraud_hold" in body["flags"]
    assert next(a for a in body["accounts"] if a["id"] == account.id)["status"] == "frozen"


def customer_with_plans_and_two_accounts(api: SeededApi) -> int:
    with api.session() as session:
        query = (
            select(Account.customer_id)
            .join(InstallmentPlan, InstallmentPlan.account_id == Account.id)
            .group_by(Account.customer_id)
            .having(func.count(func.distinct(Account.id)) >= 2)
            .order_by(Account.customer_id)
            .limit(1)
        )
        customer_id = session.scalar(query)
    assert customer_id is not None
    return customer_id


def test_include_gives_overviews_current_bills_and_plans_in_one_call(api: SeededApi) -> None:
    customer_id = customer_with_plans_and_two_accounts(api)

    response = api.client.get(
        f"/v1/customers/{customer_id}", params={"include": "accounts,current_bills,plans"}, headers=api.agent
    )

    assert response.status_code == 200
    body = response.json()
    account_ids = [a["id"] for a in body["accounts"]]
    assert [o["id"] for o in body["account_overviews"]] == account_ids
    for overview in body["account_overviews"]:
        single = api.client.get(f"/v1/accounts/{overview['id']}", headers=api.agent).json()
        assert overview == single
    with api.session() as session:
        latest = {
            account_id: session.scalars(
                select(Bill)
                .where(Bill.account_id == account_id)
                .order_by(Bill.statement_date.desc())
                .limit(1)
            ).first()
            for account_id in account_ids
        }
        plan_ids = set(
            session.scalars(select(InstallmentPlan.id).where(InstallmentPlan.account_id.in_(account_ids)))
        )
    assert {b["id"] for b in body["current_bills"]} == {b.id for b in latest.values() if b is not None}
    assert {p["id"] for p in body["plans"]} == plan_ids
    assert all(p["schedule"] for p in body["plans"])


def test_include_is_a_comma_list_and_parts_come_alone(api: SeededApi) -> None:
    customer_id = customer_with_plans_and_two_accounts(api)

    body = api.client.get(
        f"/v1/customers/{customer_id}", params={"include": " plans "}, headers=api.agent
    ).json()

    assert body["plans"] and body["account_overviews"] is None and body["current_bills"] is None


@contextmanager
def counting_statements(api: SeededApi) -> Iterator[list[str]]:
    statements: list[str] = []
    bind = api.session_factory.kw["bind"]

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            statements.append(statement)

    event.listen(bind, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(bind, "before_cursor_execute", count)


def test_opening_a_customer_takes_a_fixed_handful_of_queries(api: SeededApi) -> None:
    customer_id = customer_with_plans_and_two_accounts(api)

    with counting_statements(api) as statements:
        response = api.client.get(
            f"/v1/customers/{customer_id}",
            params={"include": "accounts,current_bills,plans"},
            headers=api.agent,
        )

    assert response.status_code == 200
    # token and user (auth), customer, accounts, latest bills, unbilled installments, plans, periods
    assert len(statements) <= 8, statements


@pytest.mark.parametrize("include", ["everything", "accounts,bogus", "ACCOUNTS", "accounts,", ""])
def test_an_unknown_include_is_422(api: SeededApi, include: str) -> None:
    customer_id = customers(api)[0].id

    response = api.client.get(f"/v1/customers/{customer_id}", params={"include": include}, headers=api.agent)

    assert response.status_code == 422
    assert "query.include" in problem(response)["errors"]


@pytest.mark.parametrize("customer_id", ["999999", str(2**63 - 1)])
def test_an_unknown_customer_is_404(api: SeededApi, customer_id: str) -> None:
    response = api.client.get(f"/v1/customers/{customer_id}", headers=api.agent)

    assert response.status_code == 404
    assert problem(response)["code"] == "not_found"


@pytest.mark.parametrize("customer_id", ["0", "-1", str(2**63), str(10**30), "abc", "1.5"])
def test_a_customer_id_that_cannot_exist_is_422(api: SeededApi, customer_id: str) -> None:
    response = api.client.get(f"/v1/customers/{customer_id}", headers=api.agent)

    assert response.status_code == 422
    assert problem(response)["code"] == "validation_failed"
