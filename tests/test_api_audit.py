"""`GET /v1/audit`: who may read the trail, newest first with a cursor, every filter; reading is
not audited; a tampered case record is reported by `python -m backend verify-audit`."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

import backend.models_registry  # noqa: F401
from backend.accounts.models import Account
from backend.audit.models import AuditRecord
from backend.audit.service import record_audit
from backend.cli import main
from backend.clock import BUSINESS_TZ
from backend.common.concurrency import etag_for
from backend.db import Base, make_engine, make_sessionmaker, transaction
from tests.helpers.api import FixedClock, idempotency_headers, login, make_client, problem
from tests.helpers.cases import insert_customer_with_account, make_case, user_named
from tests.helpers.seeded import NOON, TODAY, SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401

NOW = datetime.combine(TODAY, NOON, BUSINESS_TZ).astimezone(timezone.utc)
YESTERDAY = TODAY - timedelta(days=1)


def audit(api: SeededApi, role: str = "supervisor", **params: Any) -> Any:
    return api.client.get("/v1/audit", params=params, headers=api.headers[role])


def walk(api: SeededApi, role: str = "supervisor", **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        response = audit(api, role, **params, **({"cursor": cursor} if cursor else {}))
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= int(params.get("limit", 50))
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination does not end")


@pytest.fixture
def trail(api: SeededApi) -> list[int]:
    """Records of a `widget` entity at known times and actors; ids in the order written."""
    local = [
        (YESTERDAY, time(0, 0)),  # the first instant of yesterday in Shanghai
        (YESTERDAY, time(23, 59, 59, 999999)),
        (TODAY, time(0, 0)),
        (TODAY, time(9, 0)),
        (TODAY, time(9, 0)),  # a tie on time: ordered by id
        (TODAY, time(9, 30)),
    ]
    ids = []
    with api.session() as session:
        super1, agent1 = user_named(session, "super1"), user_named(session, "agent1")
        for i, (day, at) in enumerate(local):
            actor = super1 if i % 2 else agent1
            record = record_audit(
                session=session,
                action="widget.turn" if i < 4 else "widget.polish",
                entity_type="widget",
                entity_id=str(i % 3),
                before={"turns": i},
                after={"turns": i + 1},
                actor_id=actor.id,
                actor_role=actor.role,
                at=datetime.combine(day, at, BUSINESS_TZ),
                customer_id=42 if i < 2 else None,
            )
            ids.append(record.id)
        session.commit()
    return ids


@pytest.mark.parametrize("role", ["supervisor", "admin"])
def test_supervisors_and_admins_read_the_trail(api: SeededApi, trail: list[int], role: str) -> None:
    response = audit(api, role, entity_type="widget")

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [
        trail[5],
        trail[4],
        trail[3],
        trail[2],
        trail[1],
        trail[0],
    ]


@pytest.mark.parametrize("role", ["agent", "dispute_handler"])
def test_agents_and_handlers_may_not(api: SeededApi, role: str) -> None:
    response = audit(api, role)

    assert response.status_code == 403
    assert problem(response)["code"] == "forbidden"


def test_without_a_token_it_is_401(api: SeededApi) -> None:
    assert api.client.get("/v1/audit").status_code == 401


def test_a_record_as_the_trail_shows_it(api: SeededApi, trail: list[int]) -> None:
    item = next(i for i in audit(api, entity_type="widget").json()["items"] if i["id"] == trail[1])

    assert item["action"] == "widget.turn"
    assert (item["entity_type"], item["entity_id"]) == ("widget", "1")
    assert (item["actor_name"], item["actor_role"]) == ("Supervisor One", "supervisor")
    assert (item["before"], item["after"]) == ({"turns": 1}, {"turns": 2})
    assert item["customer_id"] == 42
    assert datetime.fromisoformat(item["at"]) == datetime.combine(
        YESTERDAY, time(23, 59, 59, 999999), BUSINESS_TZ
    )
    assert len(item["hash"]) == len(item["prev_hash"]) == 64


def test_the_cursor_walks_the_whole_trail_newest_first(api: SeededApi, trail: list[int]) -> None:
    with api.session() as session:
        expected = list(
            session.scalars(select(AuditRecord.id).order_by(AuditRecord.at.desc(), AuditRecord.id.desc()))
        )

    for limit in (1, 2, 5):
        assert [item["id"] for item in walk(api, limit=limit)] == expected
    assert [item["id"] for item in walk(api, "admin", limit=4, entity_type="widget")] == trail[::-1]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"entity_id": "1"}, [4, 1]),
        ({"entity_id": "9"}, []),
        ({"action": "widget.polish"}, [5, 4]),
        ({"action": "widget.*"}, [5, 4, 3, 2, 1, 0]),
        ({"action": "widget"}, []),
        ({"customer_id": 42}, [1, 0]),
        ({"from": str(TODAY)}, [5, 4, 3, 2]),
        ({"to": str(YESTERDAY)}, [1, 0]),
        ({"from": str(YESTERDAY), "to": str(YESTERDAY)}, [1, 0]),
        ({"to": str(YESTERDAY - timedelta(days=1))}, []),
        ({"actor": "super1"}, [5, 3, 1]),
        ({"actor": "nobody"}, []),
        # The ends of the calendar: 0001-01-01 in Shanghai is still year 0 in UTC, 9999-12-31 has
        # no next day. Neither excludes anything (found by schemathesis as a 500).
        ({"from": "0001-01-01"}, [5, 4, 3, 2, 1, 0]),
        ({"to": "9999-12-31"}, [5, 4, 3, 2, 1, 0]),
        ({"from": "0001-01-01", "to": "0001-01-01"}, []),
    ],
)
def test_filters(api: SeededApi, trail: list[int], params: dict[str, Any], expected: list[int]) -> None:
    response = audit(api, entity_type="widget", limit=200, **params)

    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == [trail[i] for i in expected]


def test_filter_by_actor_id(api: SeededApi, trail: list[int]) -> None:
    with api.session() as session:
        agent1 = user_named(session, "agent1").id

    ids = [item["id"] for item in audit(api, entity_type="widget", actor=str(agent1)).json()["items"]]

    assert ids == [trail[4], trail[2], trail[0]]


@pytest.mark.parametrize(
    "params",
    [
        {"from": str(TODAY), "to": str(YESTERDAY)},
        {"from": "2026-13-01"},
        {"from": "0"},
        {"action": "case.*.*"},
        {"action": "Case"},
        {"entity_type": "x" * 65},
        {"actor": "a b"},
        {"customer_id": "0"},
        {"limit": "201"},
        {"cursor": "bm9wZQ"},
    ],
)
def test_bad_filters_are_422(api: SeededApi, params: dict[str, str]) -> None:
    response = audit(api, **params)

    assert response.status_code == 422, response.text


def test_reading_the_trail_is_not_audited(api: SeededApi, trail: list[int]) -> None:
    with api.session() as session:
        before = session.scalar(select(func.count()).select_from(AuditRecord))

    walk(api, limit=3)
    audit(api, "admin", entity_type="widget")

    with api.session() as session:
        assert session.scalar(select(func.count()).select_from(AuditRecord)) == before


def test_an_assignment_is_in_the_trail(api: SeededApi) -> None:
    with api.session() as session:
        account = session.scalars(select(Account).order_by(Account.id).limit(1)).one()
        case = make_case(
            session, account=account, opened_at=NOW - timedelta(hours=1), due_at=NOW + timedelta(days=1)
        )
        handler = user_named(session, "handler1").id
        session.commit()
    headers = {**idempotency_headers(api.headers["supervisor"]), "If-Match": etag_for("case", case.id, 1)}
    assert (
        api.client.post(
            f"/v1/cases/{case.id}/assign", json={"assignee_id": handler}, headers=headers
        ).status_code
        == 200
    )

    items = audit(api, entity_type="case", entity_id=str(case.id)).json()["items"]

    assert [item["action"] for item in items] == ["case.assigned", "case.open"]
    assert (items[0]["before"], items[0]["after"]) == ({"assignee_id": None}, {"assignee_id": handler})
    assert items[0]["actor_name"] == "Supervisor One"
    assert items[0]["idempotency_key"] == headers["Idempotency-Key"]
    assert items[0]["customer_id"] == account.customer_id


def test_verify_audit_reports_a_tampered_case_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Case records written through the API, then one edited in the database: verify-audit names it."""
    url = f"sqlite:///{tmp_path / 'audit.sqlite3'}"
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    try:
        factory = make_sessionmaker(engine)
        clock = FixedClock.on(TODAY)
        client = make_client(factory, clock=clock)
        with transaction(factory) as session:
            account = insert_customer_with_account(session)
            case = make_case(
                session,
                account=account,
                opened_at=clock.now() - timedelta(hours=1),
                due_at=clock.now() + timedelta(days=1),
            )
            super2 = user_named(session, "super2").id
        headers = login(client, "super1")
        for version, assignee in ((1, super2), (2, None)):
            response = client.post(
                f"/v1/cases/{case.id}/assign",
                json={"assignee_id": assignee},
                headers={**idempotency_headers(headers), "If-Match": etag_for("case", case.id, version)},
            )
            assert response.status_code == 200, response.text
        assert main(["verify-audit", "--database-url", url]) == 0
        capsys.readouterr()
        with transaction(factory) as session:
            target = session.scalars(
                select(AuditRecord.id).where(AuditRecord.action == "case.assigned")
            ).one()
            session.execute(
                update(AuditRecord).where(AuditRecord.id == target).values(after={"assignee_id": 1})
            )

        assert main(["verify-audit", "--database-url", url]) == 1
        assert f"record {target}" in capsys.readouterr().out
    finally:
        engine.dispose()


def test_admins_read_who_did_what_but_not_the_customers_data(api: SeededApi) -> None:
    account_id = 1
    note = api.client.post(f"/v1/accounts/{account_id}/notes", json={"body": "Customer lost her job in May."},
                           headers=idempotency_headers(api.agent))
    assert note.status_code == 201, note.text

    def record(role: str) -> dict[str, Any]:
        items = audit(api, role, action="note.create").json()["items"]
        return next(item for item in items if item["entity_id"] == str(note.json()["id"]))

    supervisor, admin = record("supervisor"), record("admin")
    assert "Customer lost her job in May." in str(supervisor["after"])
    assert "lost her job" not in str(admin)
    assert (admin["actor_role"], admin["action"], admin["entity_id"]) == ("agent", "note.create", str(note.json()["id"]))
    assert set(admin["after"]) == set(supervisor["after"])  # which fields, not their values
    assert admin["hash"] == supervisor["hash"]
