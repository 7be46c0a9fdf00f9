"""The unified case queue: visibility per role, filters, the cursor, one case with its timeline,
assignment, take-next, bulk-assign, the stats, and the SLA state computed in SQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import func, select

from backend.accounts.models import Account
from backend.audit.models import AuditRecord
from backend.cases.models import Case, CaseEvent, CaseType
from backend.cases.queues import AGEING_BUCKETS, age_bucket_sql, sla_state_sql
from backend.cases.service import case_sla_state, change_case
from backend.clock import BUSINESS_TZ
from backend.common.concurrency import etag_for
from backend.customers.models import Customer
from tests.helpers.api import idempotency_headers, login, problem
from tests.helpers.cases import context_for, make_case, user_named
from tests.helpers.seeded import NOON, TODAY, SeededApi, seeded_api_fixture, seeded_fixture, walk_pages  # noqa: F401

NOW = datetime.combine(TODAY, NOON, BUSINESS_TZ).astimezone(timezone.utc)
H = timedelta(hours=1)
D = timedelta(days=1)
ROLES = ("agent", "dispute_handler", "supervisor")


def accounts(api: SeededApi) -> list[Account]:
    """The first account of each of the first three customers."""
    with api.session() as session:
        first = (
            select(func.min(Account.id)).group_by(Account.customer_id).order_by(func.min(Account.id)).limit(3)
        )
        return list(
            session.scalars(
                select(Account).where(Account.id.in_(first.scalar_subquery())).order_by(Account.id)
            )
        )


def user_id(api: SeededApi, username: str) -> int:
    with api.session() as session:
        return user_named(session, username).id


def new_case(api: SeededApi, **kwargs: Any) -> int:
    """Open a case (see tests.helpers.cases.make_case) and keep it for the rest of the test."""
    with api.session() as session:
        kwargs.setdefault("account", session.get(Account, accounts(api)[0].id))
        kwargs.setdefault("opened_at", NOW - H)
        kwargs.setdefault("due_at", NOW + D)
        case = make_case(session, **kwargs)
        session.commit()
        return case.id


@pytest.fixture
def load(api: SeededApi) -> dict[str, int]:
    """Six cases across types, owners, SLA states and accounts."""
    acc = accounts(api)
    return {
        "d_agent1": new_case(api, account=acc[0], opened_at=NOW - 2 * H, due_at=NOW + 22 * H),
        "f_agent2": new_case(
            api,
            by="agent2",
            case_type=CaseType.FRAUD_REPORT,
            account=acc[1],
            opened_at=NOW - 3.5 * H,
            due_at=NOW + 0.5 * H,
        ),
        "a_agent1": new_case(
            api, case_type=CaseType.ARRANGEMENT, account=acc[0], opened_at=NOW - D, due_at=NOW - H
        ),
        "a_agent2": new_case(
            api,
            by="agent2",
            case_type=CaseType.ARRANGEMENT,
            account=acc[1],
            opened_at=NOW - 2 * D,
            due_at=NOW + 2 * D,
        ),
        "d_assigned": new_case(
            api,
            by="agent2",
            assignee="handler1",
            account=acc[2],
            opened_at=NOW - 5 * D,
            due_at=NOW + 10 * D,
            paused_since=NOW - D,
        ),
        "d_closed": new_case(api, account=acc[2], opened_at=NOW - 40 * D, due_at=NOW - 20 * D, closed=True),
    }


@contextmanager
def clock_at(api: SeededApi, moment: datetime) -> Iterator[None]:
    """The business clock at `moment`, with the supervisor signed in again (a token lasts a shift)."""
    signed_in = api.headers["supervisor"]
    api.clock.set(moment)
    api.headers["supervisor"] = login(api.client, "super1")
    try:
        yield
    finally:
        api.headers["supervisor"] = signed_in
        api.clock.set(NOW)


def listed(api: SeededApi, role: str, **params: Any) -> list[int]:
    response = api.client.get("/v1/cases", params={"limit": 200, **params}, headers=api.headers[role])
    assert response.status_code == 200, response.text
    assert response.json()["next_cursor"] is None
    return [item["id"] for item in response.json()["items"]]


def names(load: dict[str, int], ids: list[int]) -> list[str]:
    by_id = {v: k for k, v in load.items()}
    return [by_id[i] for i in ids if i in by_id]


def get_case(api: SeededApi, case_id: int, role: str = "supervisor") -> Any:
    return api.client.get(f"/v1/cases/{case_id}", headers=api.headers[role])


def assign(
    api: SeededApi, case_id: int, assignee_id: int | None, role: str = "supervisor", etag: str | None = None
) -> Any:
    if etag is None:
        with api.session() as session:
            case = session.get(Case, case_id)
            assert case is not None
            etag = etag_for("case", case_id, case.version)
    headers = {**idempotency_headers(api.headers[role]), "If-Match": etag}
    return api.client.post(f"/v1/cases/{case_id}/assign", json={"assignee_id": assignee_id}, headers=headers)


def case_row(api: SeededApi, case_id: int) -> Case:
    with api.session() as session:
        case = session.get(Case, case_id)
        assert case is not None
        return case


# --- visibility -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("agent1", {"d_agent1", "a_agent1", "d_closed"}),
        ("agent2", {"f_agent2", "a_agent2", "d_assigned"}),
        ("handler1", {"d_agent1", "f_agent2", "d_assigned", "d_closed"}),
        ("super1", {"d_agent1", "f_agent2", "a_agent1", "a_agent2", "d_assigned", "d_closed"}),
    ],
)
def test_each_role_sees_its_cases(
    api: SeededApi, load: dict[str, int], username: str, expected: set[str]
) -> None:
    headers = login(api.client, username)
    response = api.client.get("/v1/cases", params={"limit": 200}, headers=headers)

    assert response.status_code == 200
    assert set(names(load, [item["id"] for item in response.json()["items"]])) == expected
    for name in set(load) - expected:
        assert api.client.get(f"/v1/cases/{load[name]}", headers=headers).status_code == 404


def test_a_handler_sees_an_approval_they_are_assigned(api: SeededApi, load: dict[str, int]) -> None:
    with api.session() as session:
        case = session.get(Case, load["a_agent2"])
        assert case is not None
        case.assignee_id = user_named(session, "handler1").id  # (not a valid assignment; visibility only)
        session.commit()

    assert "a_agent2" in names(load, listed(api, "dispute_handler"))


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/v1/cases", None),
        ("GET", "/v1/cases/stats", None),
        ("GET", "/v1/cases/{id}", None),
        ("POST", "/v1/cases/{id}/assign", {"assignee_id": None}),
        ("POST", "/v1/cases/take-next", {}),
        ("POST", "/v1/cases/bulk-assign", {"case_ids": [1], "assignee_id": None}),
    ],
)
def test_admins_get_403_on_every_case_endpoint(
    api: SeededApi, load: dict[str, int], method: str, path: str, body: Any
) -> None:
    headers = {**idempotency_headers(api.headers["admin"]), "If-Match": '"case-1-v1"'}
    response = api.client.request(method, path.format(id=load["d_agent1"]), json=body, headers=headers)

    assert response.status_code == 403
    assert problem(response)["code"] == "forbidden"


def test_without_a_token_it_is_401(api: SeededApi) -> None:
    assert api.client.get("/v1/cases").status_code == 401
    assert api.client.get("/v1/cases/stats").status_code == 401


# --- the list -------------------------------------------------------------------------------


def test_the_list_is_by_deadline_with_no_deadline_last(api: SeededApi, load: dict[str, int]) -> None:
    assert names(load, listed(api, "supervisor")) == [
        "a_agent1",
        "f_agent2",
        "d_agent1",
        "a_agent2",
        "d_assigned",
        "d_closed",
    ]


def test_a_case_as_the_queue_shows_it(api: SeededApi, load: dict[str, int]) -> None:
    items = api.client.get("/v1/cases", params={"limit": 200}, headers=api.headers["supervisor"]).json()[
        "items"
    ]
    by_name = {name: item for name, item in zip(names(load, [i["id"] for i in items]), items, strict=True)}
    acc = accounts(api)

    breached = by_name["a_agent1"]
    assert breached["type"] == "arrangement"
    assert breached["queue"] == "approvals"
    assert breached["status"] == "pending_approval"
    assert breached["subject_url"] == f"/v1/arrangements/{breached['subject_id']}"
    assert (breached["account_id"], breached["customer_id"]) == (acc[0].id, acc[0].customer_id)
    assert breached["sla_state"] == "breached"
    assert breached["seconds_to_due"] == -3600
    assert breached["is_open"] is True
    assert breached["version"] == 1
    assert breached["opened_by"] == user_id(api, "agent1")
    assert by_name["f_agent2"]["subject_url"].startswith("/v1/fraud-reports/")
    assert by_name["f_agent2"]["sla_state"] == "at_risk"
    assert by_name["f_agent2"]["seconds_to_due"] == 1800
    assert by_name["d_agent1"]["subject_url"].startswith("/v1/disputes/")
    assert by_name["d_agent1"]["sla_state"] == "on_track"
    paused = by_name["d_assigned"]
    assert paused["sla_state"] == "paused"
    assert paused["seconds_to_due"] is None
    assert (paused["assignee_id"], paused["assignee_name"]) == (user_id(api, "handler1"), "Handler One")
    assert by_name["d_agent1"]["assignee_name"] is None
    closed = by_name["d_closed"]
    assert (closed["is_open"], closed["due_at"], closed["seconds_to_due"]) == (False, None, None)
    assert closed["closed_at"] is not None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "arrangement"}, {"a_agent1", "a_agent2"}),
        ({"type": "dispute, fraud_report"}, {"d_agent1", "f_agent2", "d_assigned", "d_closed"}),
        ({"status": "pending_approval"}, {"a_agent1", "a_agent2"}),
        (
            {"status": "new,pending_approval"},
            {"d_agent1", "f_agent2", "a_agent1", "a_agent2", "d_assigned", "d_closed"},
        ),
        ({"status": "resolved"}, set()),
        ({"queue": "fraud"}, {"f_agent2"}),
        ({"queue": "disputes,approvals"}, {"d_agent1", "a_agent1", "a_agent2", "d_assigned", "d_closed"}),
        ({"assignee": "none"}, {"d_agent1", "f_agent2", "a_agent1", "a_agent2", "d_closed"}),
        ({"sla_state": "breached"}, {"a_agent1"}),
        ({"sla_state": "at_risk"}, {"f_agent2"}),
        ({"sla_state": "paused"}, {"d_assigned"}),
        ({"sla_state": "on_track"}, {"d_agent1", "a_agent2", "d_closed"}),
        ({"sla_state": "breached,at_risk"}, {"a_agent1", "f_agent2"}),
        (
            {"sla_state": "on_track,at_risk,breached,paused"},
            {"d_agent1", "f_agent2", "a_agent1", "a_agent2", "d_assigned", "d_closed"},
        ),
        ({"open": "true"}, {"d_agent1", "f_agent2", "a_agent1", "a_agent2", "d_assigned"}),
        ({"open": "false"}, {"d_closed"}),
        ({"open": "true", "sla_state": "on_track"}, {"d_agent1", "a_agent2"}),
        ({"type": "dispute", "sla_state": "paused", "open": "true"}, {"d_assigned"}),
    ],
)
def test_filters(api: SeededApi, load: dict[str, int], params: dict[str, str], expected: set[str]) -> None:
    assert set(names(load, listed(api, "supervisor", **params))) == expected


def test_filter_by_assignee(api: SeededApi, load: dict[str, int]) -> None:
    handler = user_id(api, "handler1")

    assert names(load, listed(api, "supervisor", assignee=str(handler))) == ["d_assigned"]
    assert names(load, listed(api, "dispute_handler", assignee="me")) == ["d_assigned"]
    assert names(load, listed(api, "supervisor", assignee="me")) == []


def test_filter_by_account_and_customer(api: SeededApi, load: dict[str, int]) -> None:
    acc = accounts(api)

    assert set(names(load, listed(api, "supervisor", account_id=acc[2].id))) == {"d_assigned", "d_closed"}
    assert set(names(load, listed(api, "supervisor", customer_id=acc[0].customer_id))) == {
        "d_agent1",
        "a_agent1",
    }
    assert listed(api, "supervisor", account_id=987_654_321) == []


@pytest.mark.parametrize(
    "params",
    [
        {"type": "loan"},
        {"type": "dispute,"},
        {"queue": "collections"},
        {"sla_state": "late"},
        {"assignee": "someone"},
        {"assignee": "0"},
        {"status": "New"},
        {"status": "x" * 401},
        {"account_id": "0"},
        {"account_id": str(2**63)},
        {"open": "maybe"},
        {"limit": "0"},
        {"limit": "201"},
        {"cursor": "not-a-cursor"},
    ],
)
def test_bad_filters_are_422(api: SeededApi, params: dict[str, str]) -> None:
    response = api.client.get("/v1/cases", params=params, headers=api.headers["supervisor"])

    assert response.status_code == 422, response.text
    assert problem(response)["code"] in ("validation_failed", "invalid_cursor")


def test_a_cursor_from_another_list_is_422(api: SeededApi) -> None:
    from backend.common.pagination import encode_cursor

    for cursor in (
        encode_cursor("notes", [NOW, 1]),
        encode_cursor("cases", ["yesterday", 1]),
        encode_cursor("cases", ["2026-11-22T00:00:00", 1]),
    ):
        response = api.client.get("/v1/cases", params={"cursor": cursor}, headers=api.headers["supervisor"])
        assert response.status_code == 422
        assert problem(response)["code"] == "invalid_cursor"


def test_the_cursor_walks_every_case_once_in_order(api: SeededApi, load: dict[str, int]) -> None:
    """Ties on the deadline and cases without one page by id; agent1 sees the cases they opened."""
    tie = NOW + 5 * H
    extra = [
        new_case(api, due_at=tie),
        new_case(api, due_at=tie),
        new_case(api, due_at=None),
        new_case(api, due_at=None),
        new_case(api, due_at=tie - timedelta(microseconds=1)),
        new_case(api, due_at=tie + timedelta(microseconds=1)),
    ]
    everything = listed(api, "agent")

    for limit in (1, 2, 3, 7):
        walked = [item["id"] for item in walk_pages(api, "/v1/cases", limit=limit)]
        assert walked == everything
    assert len(everything) == 3 + len(extra)
    assert everything[-3:] == sorted([extra[2], extra[3], load["d_closed"]])
    assert (
        everything.index(extra[4])
        < everything.index(extra[0])
        < everything.index(extra[1])
        < everything.index(extra[5])
    )


def test_a_cursor_survives_filters(api: SeededApi, load: dict[str, int]) -> None:
    first = api.client.get(
        "/v1/cases", params={"limit": 1, "open": "true"}, headers=api.headers["supervisor"]
    ).json()
    second = api.client.get(
        "/v1/cases",
        params={"limit": 10, "open": "true", "cursor": first["next_cursor"]},
        headers=api.headers["supervisor"],
    ).json()

    assert names(load, [first["items"][0]["id"]] + [i["id"] for i in second["items"]]) == [
        "a_agent1",
        "f_agent2",
        "d_agent1",
        "a_agent2",
        "d_assigned",
    ]


# --- the SLA state in SQL ---------------------------------------------------------------------


def test_the_sql_sla_state_is_the_python_one_at_every_edge(api: SeededApi) -> None:
    start = NOW - timedelta(seconds=200) + timedelta(microseconds=250_000)
    odd_start = NOW - timedelta(seconds=200) + timedelta(microseconds=900_000)
    shapes: list[dict[str, Any]] = [
        {"opened_at": start, "due_at": start + timedelta(seconds=100)},
        {"opened_at": start, "due_at": start + timedelta(seconds=101)},
        {"opened_at": odd_start, "due_at": odd_start + timedelta(seconds=100)},
        {"opened_at": start, "due_at": start},  # no time allowed
        {"opened_at": start, "due_at": start - timedelta(seconds=3)},
        {
            "opened_at": start,
            "due_at": start + timedelta(seconds=100),
            "paused_since": start + timedelta(seconds=10),
        },
        {"opened_at": start, "due_at": None},
        {"opened_at": start, "due_at": start + timedelta(seconds=100), "closed": True},
        {"opened_at": start - 15 * D, "due_at": start + 15 * D},
    ]
    ids = [new_case(api, **shape) for shape in shapes]
    moments = [start + timedelta(seconds=s) for s in (0, 79, 80, 81, 99, 100, 101)]
    moments += [m + timedelta(microseconds=d) for m in list(moments) for d in (-1, 1)]
    moments += [odd_start + timedelta(seconds=80, microseconds=200_000), start + 3 * D, start + 9 * D]

    with api.session() as session:
        cases = {c.id: c for c in session.scalars(select(Case).where(Case.id.in_(ids)))}
        for now in moments:
            in_sql = dict(
                session.execute(select(Case.id, sla_state_sql(now)).where(Case.id.in_(ids))).tuples().all()
            )
            in_python = {case_id: case_sla_state(case, now).value for case_id, case in cases.items()}
            assert in_sql == in_python, now


def test_the_at_risk_filter_at_exactly_80_percent(api: SeededApi) -> None:
    """A 10-hour window: at risk from 8 hours in, on the business clock."""
    case_id = new_case(api, opened_at=NOW - 8 * H, due_at=NOW + 2 * H)

    assert case_id in listed(api, "supervisor", sla_state="at_risk")
    api.clock.set(NOW - timedelta(microseconds=1))
    assert case_id in listed(api, "supervisor", sla_state="on_track")
    assert case_id not in listed(api, "supervisor", sla_state="at_risk")
    api.clock.set(NOW + 2 * H)
    assert case_id in listed(api, "supervisor", sla_state="at_risk")
    api.clock.set(NOW + 2 * H + timedelta(microseconds=1))
    assert case_id in listed(api, "supervisor", sla_state="breached")
    assert get_case(api, case_id).json()["seconds_to_due"] == -1


def test_a_pause_and_resume_through_change_case(api: SeededApi) -> None:
    """Paused: no countdown. Resumed three days later: the deadline and the window move by three
    days, so the state is what it was when the clock stopped."""
    case_id = new_case(api, opened_at=NOW - 10 * D, due_at=NOW + 5 * D)  # 10 of 15 days: on track
    with api.session() as session:
        case = session.get(Case, case_id)
        assert case is not None
        change_case(
            session=session,
            case=case,
            ctx=context_for(session, "handler1", NOW),
            action="request_customer_info",
            pause=True,
        )
        session.commit()
    assert get_case(api, case_id).json()["sla_state"] == "paused"
    assert case_id in listed(api, "supervisor", sla_state="paused")

    later = NOW + 3 * D
    with api.session() as session:
        case = session.get(Case, case_id)
        assert case is not None
        change_case(
            session=session,
            case=case,
            ctx=context_for(session, "handler1", later),
            action="customer_responded",
            pause=False,
        )
        session.commit()

    with clock_at(api, later):
        response = get_case(api, case_id)
        assert response.status_code == 200, response.text
        detail = response.json()
        assert datetime.fromisoformat(detail["due_at"]) == NOW + 8 * D
        assert detail["sla_state"] == "on_track"
        assert detail["seconds_to_due"] == int((5 * D).total_seconds())
        assert [e["action"] for e in detail["timeline"]] == [
            "opened",
            "request_customer_info",
            "customer_responded",
        ]
        assert case_id in listed(api, "supervisor", sla_state="on_track")
    with clock_at(api, later + 2 * D - timedelta(microseconds=1)):
        assert case_id in listed(api, "supervisor", sla_state="on_track")
    with clock_at(api, later + 2 * D):  # 12 of 15 working days: at risk
        assert case_id in listed(api, "supervisor", sla_state="at_risk")


# --- one case ---------------------------------------------------------------------------------


def test_a_case_with_its_timeline_and_etag(api: SeededApi, load: dict[str, int]) -> None:
    response = get_case(api, load["d_agent1"], "agent")

    assert response.status_code == 200
    assert response.headers["etag"] == etag_for("case", load["d_agent1"], 1)
    body = response.json()
    assert body["version"] == 1
    [opened] = body["timeline"]
    assert opened["action"] == "opened"
    assert (opened["actor_name"], opened["actor_role"]) == ("Agent One", "agent")
    assert opened["after"]["status"] == "new"
    assert opened["before"] is None
    assert datetime.fromisoformat(opened["at"]) == NOW - 2 * H
    assert body["allowed_actions"] == []


@pytest.mark.parametrize(
    ("case_name", "role", "expected"),
    [
        ("d_agent1", "dispute_handler", ["take"]),
        ("d_agent1", "supervisor", ["take", "assign"]),
        ("d_assigned", "dispute_handler", ["release"]),
        ("d_assigned", "supervisor", ["assign"]),
        ("a_agent1", "supervisor", ["take", "assign"]),
        ("a_agent1", "agent", []),
        ("d_closed", "supervisor", []),
        ("d_closed", "dispute_handler", []),
    ],
)
def test_allowed_actions(
    api: SeededApi, load: dict[str, int], case_name: str, role: str, expected: list[str]
) -> None:
    assert get_case(api, load[case_name], role).json()["allowed_actions"] == expected


@pytest.mark.parametrize(("case_id", "status"), [("0", 422), (str(2**63), 422), ("-1", 404), ("abc", 404)])
def test_a_bad_case_id_is_refused(api: SeededApi, case_id: str, status: int) -> None:
    assert api.client.get(f"/v1/cases/{case_id}", headers=api.headers["supervisor"]).status_code == status


def test_the_literal_case_paths_are_not_ids(api: SeededApi) -> None:
    for path in ("/v1/cases/take-next", "/v1/cases/bulk-assign"):
        response = api.client.get(path, headers=api.headers["supervisor"])
        assert response.status_code == 405
        assert response.headers["allow"] == "POST"


def test_an_unknown_case_is_404(api: SeededApi) -> None:
    response = api.client.get("/v1/cases/987654321", headers=api.headers["supervisor"])

    assert response.status_code == 404
    assert problem(response)["code"] == "not_found"


# --- assign -----------------------------------------------------------------------------------


def test_a_supervisor_assigns_a_handler(api: SeededApi, load: dict[str, int]) -> None:
    handler = user_id(api, "handler1")
    key = str(uuid.uuid4())
    headers = {
        **idempotency_headers(api.headers["supervisor"], key),
        "If-Match": etag_for("case", load["d_agent1"], 1),
    }

    response = api.client.post(
        f"/v1/cases/{load['d_agent1']}/assign",
        json={"assignee_id": handler, "note": "Yours"},
        headers=headers,
    )

    assert response.status_code == 200, response.text
    assert response.headers["etag"] == etag_for("case", load["d_agent1"], 2)
    body = response.json()
    assert (body["assignee_id"], body["assignee_name"], body["version"]) == (handler, "Handler One", 2)
    event = body["timeline"][-1]
    assert event["action"] == "assigned"
    assert (event["before"], event["after"], event["note"]) == (
        {"assignee_id": None},
        {"assignee_id": handler},
        "Yours",
    )
    assert (event["actor_name"], event["actor_role"]) == ("Supervisor One", "supervisor")
    with api.session() as session:
        record = session.scalars(
            select(AuditRecord).where(
                AuditRecord.action == "case.assigned", AuditRecord.entity_id == str(load["d_agent1"])
            )
        ).one()
    assert (record.before, record.after, record.idempotency_key) == (
        {"assignee_id": None},
        {"assignee_id": handler},
        key,
    )
    assert record.customer_id == accounts(api)[0].customer_id

    replay = api.client.post(
        f"/v1/cases/{load['d_agent1']}/assign",
        json={"assignee_id": handler, "note": "Yours"},
        headers=headers,
    )
    assert replay.status_code == 200
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.headers["etag"] == etag_for("case", load["d_agent1"], 2)
    assert case_row(api, load["d_agent1"]).version == 2


def test_a_supervisor_reassigns_and_unassigns(api: SeededApi, load: dict[str, int]) -> None:
    super2 = user_id(api, "super2")
    moved = assign(api, load["d_assigned"], super2)
    assert moved.status_code == 200
    assert moved.json()["timeline"][-1]["before"] == {"assignee_id": user_id(api, "handler1")}

    cleared = assign(api, load["d_assigned"], None)
    assert cleared.status_code == 200
    assert cleared.json()["assignee_id"] is None
    assert cleared.json()["timeline"][-1]["action"] == "unassigned"
    assert cleared.json()["version"] == 3


@pytest.mark.parametrize("username", ["agent1", "admin1"])
def test_only_users_who_work_the_queue_can_be_assigned(
    api: SeededApi, load: dict[str, int], username: str
) -> None:
    response = assign(api, load["d_agent1"], user_id(api, username))

    assert response.status_code == 422
    assert problem(response)["code"] == "invalid_assignee"
    assert case_row(api, load["d_agent1"]).version == 1


def test_approvals_go_to_supervisors_only(api: SeededApi, load: dict[str, int]) -> None:
    refused = assign(api, load["a_agent1"], user_id(api, "handler1"))
    assert refused.status_code == 422
    assert problem(refused)["code"] == "invalid_assignee"

    assert assign(api, load["a_agent1"], user_id(api, "super2")).status_code == 200


def test_an_unknown_or_inactive_assignee_is_422(api: SeededApi, load: dict[str, int]) -> None:
    assert problem(assign(api, load["d_agent1"], 987_654))["code"] == "invalid_assignee"
    with api.session() as session:
        user_named(session, "super2").active = False
        session.commit()
    assert problem(assign(api, load["d_agent1"], user_id(api, "super2")))["code"] == "invalid_assignee"


def test_a_handler_takes_and_releases_for_themselves_only(api: SeededApi, load: dict[str, int]) -> None:
    handler, super1 = user_id(api, "handler1"), user_id(api, "super1")

    forbidden = assign(api, load["d_agent1"], super1, role="dispute_handler")
    assert forbidden.status_code == 403
    taken = assign(api, load["d_agent1"], handler, role="dispute_handler")
    assert taken.status_code == 200
    assert taken.json()["allowed_actions"] == ["release"]
    released = assign(api, load["d_agent1"], None, role="dispute_handler")
    assert released.status_code == 200
    assert released.json()["assignee_id"] is None


def test_a_handler_may_not_take_or_release_someone_elses_case(api: SeededApi, load: dict[str, int]) -> None:
    assert assign(api, load["f_agent2"], user_id(api, "super1")).status_code == 200

    assert assign(api, load["f_agent2"], user_id(api, "handler1"), role="dispute_handler").status_code == 403
    assert assign(api, load["f_agent2"], None, role="dispute_handler").status_code == 403
    # An approval case is not the handler's to see at all.
    assert assign(api, load["a_agent1"], user_id(api, "handler1"), role="dispute_handler").status_code == 404


def test_agents_may_not_assign(api: SeededApi, load: dict[str, int]) -> None:
    response = assign(api, load["d_agent1"], user_id(api, "handler1"), role="agent")

    assert response.status_code == 403
    assert case_row(api, load["d_agent1"]).assignee_id is None


def test_assign_needs_if_match_and_a_current_one(api: SeededApi, load: dict[str, int]) -> None:
    case_id = load["d_agent1"]
    headers = idempotency_headers(api.headers["supervisor"])
    missing = api.client.post(f"/v1/cases/{case_id}/assign", json={"assignee_id": None}, headers=headers)
    assert missing.status_code == 428
    assert problem(missing)["code"] == "precondition_required"

    assert assign(api, case_id, user_id(api, "handler1")).status_code == 200
    stale = assign(api, case_id, user_id(api, "super1"), etag=etag_for("case", case_id, 1))
    assert stale.status_code == 412
    assert problem(stale)["current_etag"] == stale.headers["etag"] == etag_for("case", case_id, 2)
    assert case_row(api, case_id).assignee_id == user_id(api, "handler1")


def test_assign_needs_an_idempotency_key(api: SeededApi, load: dict[str, int]) -> None:
    headers = {**api.headers["supervisor"], "If-Match": etag_for("case", load["d_agent1"], 1)}

    response = api.client.post(
        f"/v1/cases/{load['d_agent1']}/assign", json={"assignee_id": None}, headers=headers
    )

    assert response.status_code == 400
    assert problem(response)["code"] == "idempotency_key_missing"


def test_a_closed_case_cannot_be_assigned(api: SeededApi, load: dict[str, int]) -> None:
    response = assign(api, load["d_closed"], user_id(api, "handler1"))

    assert response.status_code == 409
    assert problem(response)["code"] == "case_closed"
    assert case_row(api, load["d_closed"]).version == 1  # the version claim was rolled back


def test_assigning_the_same_assignee_again_is_409(api: SeededApi, load: dict[str, int]) -> None:
    again = assign(api, load["d_assigned"], user_id(api, "handler1"))
    assert again.status_code == 409
    assert problem(again)["code"] == "already_assigned"
    assert problem(assign(api, load["d_agent1"], None))["code"] == "already_assigned"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"assignee_id": 0},
        {"assignee_id": "x"},
        {"assignee_id": 2**63},
        {"assignee_id": None, "note": "x" * 501},
        [],
    ],
)
def test_a_bad_assign_body_is_422(api: SeededApi, load: dict[str, int], body: Any) -> None:
    headers = {
        **idempotency_headers(api.headers["supervisor"]),
        "If-Match": etag_for("case", load["d_agent1"], 1),
    }

    response = api.client.post(f"/v1/cases/{load['d_agent1']}/assign", json=body, headers=headers)

    assert response.status_code == 422


# --- take next --------------------------------------------------------------------------------


def take_next(api: SeededApi, role: str, body: dict[str, Any] | None = None) -> Any:
    return api.client.post(
        "/v1/cases/take-next", json=body or {}, headers=idempotency_headers(api.headers[role])
    )


def test_take_next_takes_the_open_unassigned_case_due_first(api: SeededApi, load: dict[str, int]) -> None:
    handler = user_id(api, "handler1")

    first = take_next(api, "dispute_handler")
    assert first.status_code == 200, first.text
    assert first.json()["id"] == load["f_agent2"]  # due in 30 minutes; a_agent1 is an approval
    assert first.json()["assignee_id"] == handler
    assert first.json()["version"] == 2
    assert first.headers["etag"] == etag_for("case", load["f_agent2"], 2)
    assert first.json()["timeline"][-1]["action"] == "taken"
    second = take_next(api, "dispute_handler")
    assert second.json()["id"] == load["d_agent1"]
    empty = take_next(api, "dispute_handler")  # d_assigned is assigned, d_closed closed
    assert empty.status_code == 404
    assert problem(empty)["code"] == "queue_empty"


def test_a_supervisor_takes_from_every_queue_or_one(api: SeededApi, load: dict[str, int]) -> None:
    assert take_next(api, "supervisor", {"queue": "disputes"}).json()["id"] == load["d_agent1"]
    assert take_next(api, "supervisor").json()["id"] == load["a_agent1"]  # breached: due first
    assert take_next(api, "supervisor", {"queue": "approvals"}).json()["id"] == load["a_agent2"]
    assert take_next(api, "supervisor", {"queue": "approvals"}).status_code == 404


def test_take_next_ties_and_no_deadline(api: SeededApi) -> None:
    tie = NOW + 3 * H
    first_id = new_case(api, due_at=tie)
    no_deadline = new_case(api, due_at=None)
    second_id = new_case(api, due_at=tie)
    assert first_id < second_id

    order = [take_next(api, "supervisor", {"queue": "disputes"}).json()["id"] for _ in range(3)]

    assert order == [first_id, second_id, no_deadline]


def test_handlers_do_not_take_approvals(api: SeededApi, load: dict[str, int]) -> None:
    response = take_next(api, "dispute_handler", {"queue": "approvals"})

    assert response.status_code == 403
    assert case_row(api, load["a_agent1"]).assignee_id is None


def test_agents_may_not_take_next(api: SeededApi, load: dict[str, int]) -> None:
    assert take_next(api, "agent").status_code == 403


@pytest.mark.parametrize("body", [{"queue": "collections"}, {"queue": 1}, []])
def test_a_bad_take_next_body_is_422(api: SeededApi, body: Any) -> None:
    response = api.client.post(
        "/v1/cases/take-next", json=body, headers=idempotency_headers(api.headers["supervisor"])
    )

    assert response.status_code == 422


# --- bulk assign ------------------------------------------------------------------------------


def bulk(api: SeededApi, body: Any, role: str = "supervisor") -> Any:
    return api.client.post("/v1/cases/bulk-assign", json=body, headers=idempotency_headers(api.headers[role]))


def test_bulk_assign_reassigns_every_case_once(api: SeededApi, load: dict[str, int]) -> None:
    handler = user_id(api, "handler1")
    ids = [load["f_agent2"], load["d_assigned"], load["d_agent1"]]

    response = bulk(api, {"case_ids": ids, "assignee_id": handler, "note": "Monday split"})

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["changed_ids"] == [load["f_agent2"], load["d_agent1"]]
    assert body["unchanged_ids"] == [load["d_assigned"]]
    assert [item["id"] for item in body["items"]] == ids
    assert {item["assignee_id"] for item in body["items"]} == {handler}
    assert {item["assignee_name"] for item in body["items"]} == {"Handler One"}
    assert [item["version"] for item in body["items"]] == [2, 1, 2]
    with api.session() as session:
        events = session.scalars(
            select(CaseEvent).where(CaseEvent.case_id.in_(ids), CaseEvent.action == "assigned")
        ).all()
    assert sorted(e.case_id for e in events) == sorted([load["f_agent2"], load["d_agent1"]])
    assert {e.note for e in events} == {"Monday split"}


def test_bulk_unassign(api: SeededApi, load: dict[str, int]) -> None:
    body = bulk(api, {"case_ids": [load["d_assigned"], load["d_agent1"]], "assignee_id": None}).json()

    assert (body["changed_ids"], body["unchanged_ids"]) == ([load["d_assigned"]], [load["d_agent1"]])
    assert case_row(api, load["d_assigned"]).assignee_id is None


@pytest.mark.parametrize(
    ("extra", "assignee", "status", "code"),
    [
        ("d_closed", "handler1", 409, "case_closed"),
        (None, "agent1", 422, "invalid_assignee"),
        ("a_agent1", "handler1", 422, "invalid_assignee"),  # a handler does not work approvals
        ("missing", "handler1", 404, "not_found"),
    ],
)
def test_bulk_assign_is_all_or_nothing(
    api: SeededApi, load: dict[str, int], extra: str | None, assignee: str, status: int, code: str
) -> None:
    ids = [load["d_agent1"], load["f_agent2"]]
    if extra is not None:
        ids.append(load[extra] if extra in load else 987_654_321)

    response = bulk(api, {"case_ids": ids, "assignee_id": user_id(api, assignee)})

    assert response.status_code == status, response.text
    assert problem(response)["code"] == code
    for case_id in ids[:2]:
        assert (case_row(api, case_id).assignee_id, case_row(api, case_id).version) == (None, 1)


@pytest.mark.parametrize(
    "body",
    [
        {"case_ids": [], "assignee_id": None},
        {"case_ids": list(range(1, 202)), "assignee_id": None},
        {"case_ids": [1, 1], "assignee_id": None},
        {"case_ids": [0], "assignee_id": None},
        {"case_ids": [1]},
        {"assignee_id": None},
    ],
)
def test_a_bad_bulk_body_is_422(api: SeededApi, body: Any) -> None:
    response = bulk(api, body)

    assert response.status_code == 422, response.text


def test_200_cases_at_once(api: SeededApi) -> None:
    with api.session() as session:
        account = session.get(Account, accounts(api)[0].id)
        assert account is not None
        ids = [make_case(session, account=account, opened_at=NOW - H, due_at=NOW + D).id for _ in range(200)]
        session.commit()

    response = bulk(api, {"case_ids": ids, "assignee_id": user_id(api, "super2")})

    assert response.status_code == 200
    assert len(response.json()["changed_ids"]) == 200


@pytest.mark.parametrize("role", ["agent", "dispute_handler"])
def test_only_supervisors_bulk_assign(api: SeededApi, load: dict[str, int], role: str) -> None:
    response = bulk(api, {"case_ids": [load["d_agent1"]], "assignee_id": user_id(api, "handler1")}, role=role)

    assert response.status_code == 403
    assert case_row(api, load["d_agent1"]).assignee_id is None


# --- stats ------------------------------------------------------------------------------------


def stats(api: SeededApi, role: str = "supervisor") -> dict[str, Any]:
    response = api.client.get("/v1/cases/stats", headers=api.headers[role])
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_stats_count_the_open_cases(api: SeededApi, load: dict[str, int]) -> None:
    body = stats(api)

    assert body["open_total"] == 5
    assert body["by_queue"] == {"disputes": 2, "fraud": 1, "approvals": 2}
    assert body["by_type"] == {"dispute": 2, "fraud_report": 1, "arrangement": 2}
    assert body["by_status"] == {"new": 3, "pending_approval": 2}
    assert body["by_sla_state"] == {"on_track": 2, "at_risk": 1, "breached": 1, "paused": 1}
    assert body["pending_approvals"] == 2
    assert {b["bucket"]: b["count"] for b in body["ageing"]} == {
        "0-1d": 2,  # 2 h and 3.5 h
        "1-3d": 2,  # exactly 1 day, 2 days
        "3-7d": 1,
        "7-15d": 0,
        "15-30d": 0,
        "30d+": 0,  # the 40-day-old case is closed
    }
    queues = {q["queue"]: q for q in body["queues"]}
    assert queues["approvals"] == {
        "queue": "approvals",
        "open": 2,
        "unassigned": 2,
        "on_track": 1,
        "at_risk": 0,
        "breached": 1,
        "paused": 0,
    }
    assert queues["disputes"] == {
        "queue": "disputes",
        "open": 2,
        "unassigned": 1,
        "on_track": 1,
        "at_risk": 0,
        "breached": 0,
        "paused": 1,
    }
    assert queues["fraud"]["at_risk"] == 1


def test_stats_match_a_direct_count(api: SeededApi, load: dict[str, int]) -> None:
    for i in range(12):
        new_case(
            api, opened_at=NOW - i * 2.7 * D, due_at=NOW + (i - 4) * D, by="agent2" if i % 2 else "agent1"
        )
    body = stats(api)
    items = api.client.get(
        "/v1/cases", params={"limit": 200, "open": "true"}, headers=api.headers["supervisor"]
    ).json()["items"]

    with api.session() as session:
        assert (
            body["open_total"]
            == session.scalar(select(func.count()).where(Case.is_open.is_(True)))
            == len(items)
        )
        ages_in_sql = session.execute(
            select(age_bucket_sql(NOW), func.count()).where(Case.is_open.is_(True)).group_by(Case.id)
        ).all()
    assert sum(count for _bucket, count in ages_in_sql) == len(items)
    for state in ("on_track", "at_risk", "breached", "paused"):
        assert body["by_sla_state"][state] == sum(1 for i in items if i["sla_state"] == state)
    for queue in ("disputes", "fraud", "approvals"):
        assert body["by_queue"][queue] == sum(1 for i in items if i["queue"] == queue)
    ages = [NOW - datetime.fromisoformat(i["opened_at"]) for i in items]
    for bucket in body["ageing"]:
        low = timedelta(days=bucket["min_days"])
        high = timedelta(days=bucket["max_days"]) if bucket["max_days"] is not None else timedelta.max
        assert bucket["count"] == sum(1 for age in ages if low <= age < high), bucket


def test_stats_are_scoped_to_what_the_user_sees(api: SeededApi, load: dict[str, int]) -> None:
    body = stats(api, "dispute_handler")

    assert body["open_total"] == 3
    assert body["by_queue"] == {"disputes": 2, "fraud": 1, "approvals": 0}
    assert body["pending_approvals"] == 0


def test_agents_may_not_read_stats(api: SeededApi) -> None:
    assert api.client.get("/v1/cases/stats", headers=api.headers["agent"]).status_code == 403


@pytest.mark.parametrize(
    ("age", "bucket"),
    [
        (timedelta(0), "0-1d"),
        (D - timedelta(microseconds=1), "0-1d"),
        (D, "1-3d"),
        (3 * D, "3-7d"),
        (7 * D - timedelta(microseconds=1), "3-7d"),
        (15 * D, "15-30d"),
        (30 * D - timedelta(microseconds=1), "15-30d"),
        (30 * D, "30d+"),
        (400 * D, "30d+"),
    ],
)
def test_ageing_bucket_edges(api: SeededApi, age: timedelta, bucket: str) -> None:
    new_case(api, opened_at=NOW - age, due_at=NOW + D)

    counts = {b["bucket"]: b["count"] for b in stats(api)["ageing"]}

    assert counts == {label: int(label == bucket) for label, _low, _high in AGEING_BUCKETS}


# --- customers: open cases and flags ------------------------------------------------------------


def test_customers_show_their_open_cases_and_flags(api: SeededApi) -> None:
    customer_id = accounts(api)[0].customer_id
    with api.session() as session:
        customer = session.get(Customer, customer_id)
        assert customer is not None
        phone = customer.phone
    before = api.client.get("/v1/customers", params={"q": phone}, headers=api.agent).json()["items"][0]
    assert before["open_case_count"] == 0
    assert "open_fraud_report" not in before["flags"]

    new_case(api)
    new_case(api, case_type=CaseType.ARRANGEMENT)
    new_case(api, closed=True)
    new_case(api, case_type=CaseType.FRAUD_REPORT)

    hit = api.client.get("/v1/customers", params={"q": phone}, headers=api.agent).json()["items"][0]
    profile = api.client.get(f"/v1/customers/{customer_id}", headers=api.agent).json()
    assert hit["open_case_count"] == profile["open_case_count"] == 3
    assert "open_fraud_report" in hit["flags"] and "open_fraud_report" in profile["flags"]


def test_a_frozen_account_flags_its_customer(api: SeededApi) -> None:
    with api.session() as session:
        frozen = session.scalars(select(Account).where(Account.status == "frozen").limit(1)).one()

    profile = api.client.get(f"/v1/customers/{frozen.customer_id}", headers=api.agent).json()

    assert "frozen" in profile["flags"]
    assert len(profile["flags"]) == len(set(profile["flags"]))
