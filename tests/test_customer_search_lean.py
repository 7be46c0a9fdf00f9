"""The lean search (Core rows of one statement straight to JSON) answers exactly what the
model-built search answers, page by page, for every kind of search term."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import event, select

from backend.accounts.models import Account
from backend.customers import service
from backend.customers.models import Customer
from tests.helpers.seeded import TODAY, SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401


def both_ways(api: SeededApi, q: str, limit: int) -> list[tuple[object, object]]:
    """(lean page, model page) for every page of `q`, following each path's own cursor."""
    pages = []
    lean_cursor: str | None = None
    model_cursor: str | None = None
    with api.session() as session:
        while True:
            lean = json.loads(
                service.search_json(
                    connection=session.connection(), q=q, limit=limit, cursor=lean_cursor, today=TODAY
                )
            )
            model = service.search_customers(
                session=session, q=q, limit=limit, cursor=model_cursor, today=TODAY
            ).model_dump(mode="json")
            pages.append((lean, model))
            lean_cursor, model_cursor = lean["next_cursor"], model["next_cursor"]
            if lean_cursor is None or model_cursor is None:
                return pages


def test_every_kind_of_search_answers_the_same_both_ways(api: SeededApi) -> None:
    with api.session() as session:
        customer = session.scalars(select(Customer).order_by(Customer.id).limit(1)).one()
        account_number = session.scalars(select(Account.account_number).order_by(Account.id).limit(1)).one()
    queries = [
        customer.phone,
        account_number,
        customer.national_id,
        customer.national_id_last4,
        customer.name[:1],
        customer.name,
        "nobody-by-this-name",
    ]
    for q in queries:
        for limit in (1, 3, 20):
            pages = both_ways(api, q, limit)
            for lean, model in pages:
                assert lean == model, (q, limit)
    assert len(both_ways(api, customer.name[:1], 1)) > 1  # the name search does run over pages


def test_a_search_page_is_one_statement(api: SeededApi) -> None:
    statements: list[str] = []
    with api.session() as session:
        connection = session.connection()
        event.listen(connection, "before_cursor_execute", lambda *args: statements.append(args[2]))
        first = json.loads(service.search_json(connection=connection, q="1", limit=2, cursor=None, today=TODAY))
        service.search_json(connection=connection, q="1", limit=2, cursor=first["next_cursor"], today=TODAY)
    assert len([s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]) == 2


@pytest.mark.parametrize("q", ["HB0000000001", "13800000000"])
def test_the_route_serves_the_lean_json(api: SeededApi, q: str) -> None:
    response = api.client.get("/v1/customers", params={"q": q}, headers=api.agent)
    assert response.status_code == 200
    with api.session() as session:
        expected = service.search_customers(session=session, q=q, limit=20, cursor=None, today=TODAY)
    assert response.json() == expected.model_dump(mode="json")
