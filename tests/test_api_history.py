"""`GET /v1/customers/{id}/history` and `GET /v1/customers/{id}/alerts` (docs/contact-history.md):
one contact history over notes, case steps, arrangements, reveals and money events, newest first,
filtered and keyset-paged; and the alert strip's summary. On the disputes book, clock in hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, Engine

from backend.accounts.models import Account
from tests.helpers.api import FixedClock, idempotency_headers, problem
from tests.helpers.db import joined_sessionmaker, rolled_back_connection
from tests.helpers.disputes import World, build_world, opening_time


@pytest.fixture(scope="module", name="module_world")
def module_world_fixture(db_engine: Engine) -> Iterator[tuple[Connection, World]]:
    with rolled_back_connection(db_engine) as connection:
        yield connection, build_world(joined_sessionmaker(connection), FixedClock(opening_time()))


@pytest.fixture(name="world")
def world_fixture(module_world: tuple[Connection, World]) -> Iterator[World]:
    connection, world = module_world
    world.clock.set(opening_time())
    savepoint = connection.begin_nested()
    try:
        yield world
    finally:
        if savepoint.is_active:
            savepoint.rollback()


def post(world: World, path: str, body: dict[str, Any], user: str = "agent1") -> dict[str, Any]:
    response = world.client.post(path, json=body, headers=idempotency_headers(world.headers[user]))
    assert response.status_code in (200, 201), response.text
    out: dict[str, Any] = response.json()
    return out


def history(world: World, **params: Any) -> Any:
    return world.client.get(f"/v1/customers/{world.customer_id}/history", params=params,
                            headers=world.headers["agent1"])


def a_story(world: World) -> dict[str, Any]:
    """A note, a dispute (opened, acknowledged, credited), a reveal and a promise, a minute apart."""
    minute = timedelta(minutes=1)
    note = post(world, f"/v1/accounts/{world.account_id}/notes", {"body": "Called about the parcel", "channel": "phone"})
    world.clock.advance(minute)
    dispute = world.filed(amount_fen=150_000)
    world.clock.advance(minute)
    world.done(dispute, "acknowledge", {"note": "Called the customer back"})
    world.clock.advance(minute)
    world.done(dispute, "grant_provisional_credit")
    world.clock.advance(minute)
    post(world, f"/v1/customers/{world.customer_id}/reveal", {"field": "phone", "reason": "call back the customer"})
    world.clock.advance(minute)
    promise = post(world, "/v1/arrangements", {
        "account_id": world.account_id, "type": "promise_to_pay", "amount_fen": 20_000,
        "promised_date": (world.clock.today() + timedelta(days=7)).isoformat(), "note": "pays on Friday"})
    return {"note": note, "dispute": dispute, "promise": promise}


def test_the_history_is_every_kind_newest_first(world: World) -> None:
    story = a_story(world)
    response = history(world)
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["next_cursor"] is None
    items = page["items"]
    assert [(i["kind"], i["action"]) for i in items] == [
        ("arrangement", "promise_to_pay"),
        ("reveal", "phone"),
        # the credit's money event and its case step share one moment: kind, then id, decide
        ("money", "provisional_credit_granted"),
        ("case", "grant_provisional_credit"),
        ("case", "acknowledge"),
        ("case", "opened"),
        ("note", "phone"),
    ]
    promise, reveal, money, credit_step, acknowledged, opened, note = items
    assert (promise["id"], promise["status"], promise["amount_fen"], promise["text"]) == (
        story["promise"]["id"], "active", 20_000, "pays on Friday")
    assert (reveal["actor_name"], reveal["text"], reveal["account_id"]) == ("Agent One", "call back the customer", None)
    assert (money["amount_fen"], money["case_id"], money["case_type"]) == (-150_000, story["dispute"]["case_id"],
                                                                           "dispute")
    assert (acknowledged["text"], acknowledged["case_id"]) == ("Called the customer back", story["dispute"]["case_id"])
    assert (opened["amount_fen"], opened["case_type"], credit_step["amount_fen"]) == (150_000, "dispute", None)
    assert (note["id"], note["text"], note["actor_name"]) == (story["note"]["id"], "Called about the parcel",
                                                              "Agent One")
    times = [i["at"] for i in items]
    assert times == sorted(times, reverse=True)


def test_the_history_filters_by_kind(world: World) -> None:
    a_story(world)
    kinds = [i["kind"] for i in history(world, kind="note,reveal").json()["items"]]
    assert kinds == ["reveal", "note"]
    assert [i["kind"] for i in history(world, kind="money").json()["items"]] == ["money"]
    for bad in ("notes", "note,", "", "note,audit"):
        assert problem(history(world, kind=bad))["status"] == 422


def test_the_history_pages_by_its_key_without_losing_a_row(world: World) -> None:
    a_story(world)
    everything = [(i["kind"], i["id"]) for i in history(world).json()["items"]]
    seen: list[tuple[str, int]] = []
    cursor = None
    pages = 0
    while True:
        page = history(world, limit=2, **({"cursor": cursor} if cursor else {})).json()
        seen += [(i["kind"], i["id"]) for i in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == everything and len(everything) == 7 and pages == 4  # 2 + 2 + 2 + 1
    notes = world.client.get(f"/v1/accounts/{world.account_id}/notes", params={"limit": 1},
                             headers=world.headers["agent1"])
    assert problem(history(world, cursor=notes.json()["next_cursor"] or "x"))["code"] == "invalid_cursor"


def test_an_unknown_customer_has_no_history(world: World) -> None:
    response = world.client.get("/v1/customers/999999999/history", headers=world.headers["agent1"])
    assert problem(response)["status"] == 404
    assert history(world).json() == {"items": [], "next_cursor": None}


def test_the_alerts_show_what_is_live_open_frozen_and_the_last_contact(world: World) -> None:
    url = f"/v1/customers/{world.customer_id}/alerts"
    empty = world.client.get(url, headers=world.headers["agent1"]).json()
    assert empty == {"customer_id": world.customer_id, "arrangements": [], "open_cases": [], "freezes": [],
                     "last_contact": None}
    story = a_story(world)
    with world.session() as session:
        account = session.get(Account, world.account_id)
        assert account is not None
        account.status = "frozen"
        session.commit()
    alerts = world.client.get(url, headers=world.headers["agent1"]).json()
    [promise] = alerts["arrangements"]
    assert (promise["id"], promise["type"], promise["status"], promise["amount_fen"]) == (
        story["promise"]["id"], "promise_to_pay", "active", 20_000)
    assert promise["promised_date"] == story["promise"]["terms"]["promised_date"]
    [case] = alerts["open_cases"]
    assert (case["type"], case["subject_id"], case["amount_fen"], case["status"]) == (
        "dispute", story["dispute"]["id"], 150_000, "investigating")
    frozen_numbers = {f["account_number"] for f in alerts["freezes"]}
    assert [f["fraud_report_ids"] for f in alerts["freezes"]] == [[]] and len(frozen_numbers) == 1
    profile = world.client.get(f"/v1/customers/{world.customer_id}", params={"include": "alerts"},
                               headers=world.headers["agent1"]).json()
    assert profile["alerts"] == alerts and profile["account_overviews"] is None
    assert alerts["last_contact"] == {"at": story["note"]["created_at"], "account_id": world.account_id,
                                      "channel": "phone", "author_name": "Agent One"}
