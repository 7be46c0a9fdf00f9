"""Every route of the app × every role (DESIGN.md §1 and §3 Roles): allowed (the handler ran: not
401, not 403, not a 5xx) or 403, as the table below says; anonymous callers get 401 everywhere but
the public routes. A route missing from the table fails the test, so a new route must be added.

Requests are valid-looking: real ids from the seeded data (a dispute, a fraud report, an
arrangement awaiting approval, all filed by agent1, and the dispute's case), bodies that pass
validation, an Idempotency-Key on every POST and the current ETag as If-Match. Each test's writes
are rolled back, so every call meets the same state.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, select

from backend.accounts.models import Account, Transaction
from backend.arrangements.models import Arrangement
from backend.auth.service import create_user
from backend.billing.models import Bill
from backend.cases.models import Case
from backend.common.concurrency import etag_for
from backend.disputes.models import Dispute
from backend.fraud.models import FraudReport
from backend.installments.models import InstallmentPlan
from tests.helpers.api import login
from tests.helpers.cases import user_named
from tests.helpers.seeded import TODAY, SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401

AGENT, HANDLER, SUPERVISOR, ADMIN = "agent", "dispute_handler", "supervisor", "admin"
ROLES = (AGENT, HANDLER, SUPERVISOR, ADMIN)
SERVICING = frozenset({AGENT, HANDLER, SUPERVISOR})
WORKERS = frozenset({HANDLER, SUPERVISOR})
SUPERVISORS = frozenset({SUPERVISOR})
ADMINS = frozenset({ADMIN})
EVERYONE = frozenset(ROLES)
PUBLIC = "public"  # no token needed


@dataclass(frozen=True)
class Call:
    """One request to a route: its method and path template, the roles allowed, and how to fill it."""

    method: str
    path: str
    allowed: frozenset[str] | str
    path_values: dict[str, str] = field(default_factory=dict)
    body: str | None = None  # a key of World.bodies
    params: dict[str, str] | None = None
    etag: str | None = None  # "case" | "dispute" | "fraud_report" | "arrangement": send If-Match

    @property
    def id(self) -> str:
        extra = ",".join(f"{k}={v}" for k, v in self.path_values.items())
        return f"{self.method} {self.path}" + (f" [{extra}]" if extra else "")


def dispute_action(action: str, allowed: frozenset[str], body: str | None = "empty") -> Call:
    return Call("POST", f"/v1/disputes/{{dispute_id}}/actions/{action}", allowed, body=body, etag="dispute")


# DESIGN.md §3 Roles, route by route.
MATRIX: tuple[Call, ...] = (
    Call("GET", "/healthz", PUBLIC),
    Call("POST", "/v1/auth/token", PUBLIC, body="login"),
    Call("POST", "/v1/auth/logout", EVERYONE),
    Call("GET", "/v1/me", EVERYONE),
    # search and read customers, accounts, bills, plans, transactions; notes; reveal
    Call("GET", "/v1/customers", SERVICING, params={"q": "王"}),
    Call("GET", "/v1/customers/{customer_id}", SERVICING, params={"include": "accounts,current_bills,plans"}),
    Call("POST", "/v1/customers/{customer_id}/reveal", SERVICING, body="reveal"),
    Call("GET", "/v1/customers/{customer_id}/history", SERVICING, params={"kind": "note,case"}),
    Call("GET", "/v1/customers/{customer_id}/alerts", SERVICING),
    Call("GET", "/v1/accounts/{account_id}", SERVICING),
    Call("GET", "/v1/accounts/{account_id}/transactions", SERVICING),
    Call("GET", "/v1/accounts/{account_id}/bills", SERVICING),
    Call("GET", "/v1/accounts/{account_id}/bills/{bill_id}", SERVICING),
    Call("GET", "/v1/accounts/{account_id}/installment-plans", SERVICING),
    Call("GET", "/v1/installment-plans/{plan_id}", SERVICING),
    Call("GET", "/v1/installment-plans/{plan_id}/payoff-quote", SERVICING),
    Call("GET", "/v1/accounts/{account_id}/notes", SERVICING),
    Call("POST", "/v1/accounts/{account_id}/notes", SERVICING, body="note"),
    # file a dispute or a fraud report, propose an arrangement; read them
    Call("POST", "/v1/disputes", SERVICING, body="dispute"),
    Call("GET", "/v1/disputes/{dispute_id}", SERVICING),
    Call("GET", "/v1/accounts/{account_id}/disputes", SERVICING),
    Call("POST", "/v1/fraud-reports", SERVICING, body="fraud_report"),
    Call("GET", "/v1/fraud-reports/{report_id}", SERVICING),
    Call("GET", "/v1/accounts/{account_id}/fraud-reports", SERVICING),
    Call("POST", "/v1/accounts/{account_id}/arrangement-quotes", SERVICING, body="quote"),
    Call("POST", "/v1/arrangements", SERVICING, body="arrangement"),
    Call("GET", "/v1/arrangements/{arrangement_id}", SERVICING),
    Call("GET", "/v1/accounts/{account_id}/arrangements", SERVICING),
    # the training sandbox (demo mode): what the customer does, as anyone serving customers
    Call("POST", "/v1/demo/accounts/{account_id}/purchases", SERVICING, body="sandbox_purchase"),
    Call("POST", "/v1/demo/accounts/{account_id}/repayments", SERVICING, body="sandbox_repayment"),
    # act on disputes and fraud reports: handlers and supervisors; approve outcomes: supervisors
    dispute_action("acknowledge", WORKERS),
    dispute_action("request_customer_info", WORKERS),
    dispute_action("customer_responded", WORKERS),
    dispute_action("send_to_merchant", WORKERS),
    dispute_action("merchant_responded", WORKERS),
    dispute_action("grant_provisional_credit", WORKERS),
    dispute_action("reverse_provisional_credit", WORKERS),
    dispute_action("extend", WORKERS, body="extend"),
    dispute_action("propose_outcome", WORKERS, body="propose_outcome"),
    dispute_action("approve_outcome", SUPERVISORS),
    dispute_action("reject_outcome", SUPERVISORS, body="reject_outcome"),
    dispute_action("withdraw", WORKERS),
    *(
        Call(
            "POST",
            "/v1/fraud-reports/{report_id}/actions/{action}",
            WORKERS,
            path_values={"action": action},
            body="empty",
            etag="fraud_report",
        )
        for action in ("start_review", "confirm", "not_fraud", "close")
    ),
    # approve or reject arrangements: supervisors; cancel one waiting: its proposer (agent1) or a supervisor
    *(
        Call(
            "POST",
            "/v1/arrangements/{arrangement_id}/actions/{action}",
            allowed,
            path_values={"action": action},
            body="comment",
            etag="arrangement",
        )
        for action, allowed in (
            ("approve", SUPERVISORS),
            ("reject", SUPERVISORS),
            ("cancel", frozenset({AGENT, SUPERVISOR})),
        )
    ),
    # cases: own / queues served / all; assign; take-next (handlers, supervisors); bulk (supervisors)
    Call("GET", "/v1/cases", SERVICING),
    Call("GET", "/v1/cases/stats", WORKERS),
    Call("GET", "/v1/cases/assignees", SUPERVISORS, params={"queue": "disputes"}),
    Call("GET", "/v1/cases/{case_id}", SERVICING),
    Call("POST", "/v1/cases/{case_id}/assign", WORKERS, body="assign_self", etag="case"),
    Call("POST", "/v1/cases/take-next", WORKERS, body="empty"),
    Call("POST", "/v1/cases/bulk-assign", SUPERVISORS, body="bulk_assign"),
    # the audit trail: supervisors and admins; verifying the chain: admins
    Call("GET", "/v1/audit", frozenset({SUPERVISOR, ADMIN})),
    Call("POST", "/v1/audit/verify", ADMINS),
    # users (admins) and one's own password (anyone signed in)
    Call("GET", "/v1/users", ADMINS),
    Call("POST", "/v1/users", ADMINS, body="new_user"),
    Call("POST", "/v1/users/{user_id}/actions/disable", ADMINS, body="empty"),
    Call("POST", "/v1/users/{user_id}/actions/enable", ADMINS, body="empty"),
    Call("POST", "/v1/users/{user_id}/actions/change_role", ADMINS, body="change_role"),
    Call("POST", "/v1/users/{user_id}/actions/reset_password", ADMINS, body="reset_password"),
    Call("POST", "/v1/me/password", EVERYONE, body="own_password"),
    # policy limits with four eyes: admins (the waiting change was proposed by admin2, not admin1)
    Call("GET", "/v1/policy", ADMINS),
    Call("GET", "/v1/policy/changes", ADMINS),
    Call("POST", "/v1/policy/changes", ADMINS, body="policy_change"),
    Call("POST", "/v1/policy/changes/{change_id}/actions/approve", ADMINS, body="decision"),
    Call("POST", "/v1/policy/changes/{change_id}/actions/reject", ADMINS, body="decision"),
)


@dataclass
class World:
    """The ids a request fills its path with, and the bodies it sends."""

    ids: dict[str, int]
    bodies: dict[str, dict[str, Any]]


def _first(session: Any, query: Any) -> Any:
    return session.scalars(query.limit(1)).one()


@pytest.fixture(scope="module")
def world(seeded: tuple[Connection, SeededApi]) -> World:
    """A dispute, a fraud report and an arrangement awaiting approval, filed by agent1 through
    the API, kept for the whole module (each test's own writes are rolled back)."""
    _connection, api = seeded
    agent = api.headers[AGENT]
    with api.session() as session:
        plan = _first(session, select(InstallmentPlan).order_by(InstallmentPlan.id))
        bill = _first(session, select(Bill).where(Bill.account_id == plan.account_id).order_by(Bill.id))
        account = session.get(Account, plan.account_id)
        assert account is not None
        active_lines = select(Account.id).where(Account.status == "active", Account.product == "credit_line")
        purchases = list(
            session.scalars(
                select(Transaction)
                .where(Transaction.type == "purchase", Transaction.account_id.in_(active_lines))
                .order_by(Transaction.account_id, Transaction.id)
            )
        )
        overdue = _first(
            session,
            select(Account)
            .where(Account.status == "active", Account.product == "credit_line", Account.past_due_fen > 0)
            .order_by(Account.id),
        )
        handler_id = user_named(session, "handler1").id
        other_user_id = user_named(session, "agent2").id
        # A second admin, who proposes the policy change admin1 then approves or rejects.
        create_user(session=session, username="admin2", display_name="Admin Two", role="admin",
                    password="admin two's password")
        session.commit()
    disputed, to_dispute = (
        purchases[0],
        next(p for p in purchases if p.account_id == purchases[0].account_id and p.id != purchases[0].id),
    )
    reported_account = next(
        p.account_id for p in purchases if p.account_id not in (disputed.account_id, overdue.id)
    )
    fraud_account = next(
        p.account_id
        for p in purchases
        if p.account_id not in (disputed.account_id, overdue.id, reported_account)
    )

    def post(path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = api.client.post(path, json=body, headers={**agent, "Idempotency-Key": str(uuid.uuid4())})
        assert response.status_code in (200, 201), response.text
        result: dict[str, Any] = response.json()
        return result

    dispute = post(
        "/v1/disputes",
        {
            "transaction_id": disputed.id,
            "category": "consumer_dispute",
            "reason": "not_received",
            "disputed_amount_fen": disputed.amount_fen,
            "description": "Never arrived.",
        },
    )
    report = post(
        "/v1/fraud-reports",
        {"account_id": reported_account, "category": "lost_device", "description": "Phone stolen."},
    )
    arrangement = post(
        "/v1/arrangements",
        {"type": "hardship_plan", "account_id": overdue.id, "months": 24, "note": "Lost job."},
    )
    assert arrangement["status"] == "pending_approval"
    change = api.client.post(
        "/v1/policy/changes",
        json={"name": "promise_max_days", "value": 21, "reason": "Customers are paid monthly."},
        headers={**login(api.client, "admin2", "admin two's password"), "Idempotency-Key": str(uuid.uuid4())},
    )
    assert change.status_code == 201, change.text
    ids = {
        "customer_id": account.customer_id,
        "account_id": account.id,
        "bill_id": bill.id,
        "plan_id": plan.id,
        "dispute_id": dispute["id"],
        "report_id": report["id"],
        "arrangement_id": arrangement["id"],
        "case_id": dispute["case_id"],
        "user_id": other_user_id,
        "change_id": change.json()["id"],
    }
    bodies: dict[str, dict[str, Any]] = {
        "empty": {},
        "sandbox_purchase": {"amount_fen": 100, "merchant": "Training shop"},
        "sandbox_repayment": {"amount_fen": 100},
        "login": {"username": "agent2", "password": "demo"},
        "reveal": {"field": "phone", "reason": "identity check"},
        "note": {"body": "Called back."},
        "dispute": {
            "transaction_id": to_dispute.id,
            "category": "processing_error",
            "reason": "duplicate",
            "disputed_amount_fen": to_dispute.amount_fen,
            "description": "Charged twice.",
        },
        "fraud_report": {
            "account_id": fraud_account,
            "category": "lost_device",
            "description": "Lost wallet.",
        },
        "quote": {
            "type": "promise_to_pay",
            "amount_fen": 100,
            "promised_date": str(TODAY + timedelta(days=3)),
        },
        "arrangement": {
            "type": "promise_to_pay",
            "account_id": account.id,
            "amount_fen": 100,
            "promised_date": str(TODAY + timedelta(days=3)),
        },
        "extend": {"days": 5, "reason": "Waiting for the merchant."},
        "propose_outcome": {"outcome": "lost", "note": "Signed for."},
        "reject_outcome": {"comment": "Not enough evidence."},
        "comment": {"comment": "Checked with the customer."},
        "assign_self": {"assignee_id": handler_id},
        "bulk_assign": {"case_ids": [dispute["case_id"]], "assignee_id": handler_id},
        "new_user": {"username": "matrix.user", "display_name": "Matrix User", "role": "agent",
                     "password": "a long enough password"},
        "change_role": {"role": "supervisor"},
        "reset_password": {"password": "a temporary password"},
        "own_password": {"current_password": "demo", "new_password": "my own long password"},
        "policy_change": {"name": "fee_waiver_window_days", "value": 60, "reason": "Matrix check."},
        "decision": {"comment": "Checked."},
    }
    return World(ids=ids, bodies=bodies)


ETAG_MODELS = {"case": Case, "dispute": Dispute, "fraud_report": FraudReport, "arrangement": Arrangement}
ETAG_IDS = {
    "case": "case_id",
    "dispute": "dispute_id",
    "fraud_report": "report_id",
    "arrangement": "arrangement_id",
}


def send(api: SeededApi, world: World, call: Call, headers: dict[str, str]) -> Any:
    headers = dict(headers)
    if call.method == "POST":
        headers["Idempotency-Key"] = str(uuid.uuid4())
    if call.etag is not None:
        entity_id = world.ids[ETAG_IDS[call.etag]]
        with api.session() as session:
            version = session.scalar(
                select(ETAG_MODELS[call.etag].version).where(ETAG_MODELS[call.etag].id == entity_id)
            )
        assert version is not None
        headers["If-Match"] = etag_for(call.etag, entity_id, version)
    path = call.path.format(**world.ids, **call.path_values)
    body = world.bodies[call.body] if call.body is not None else None
    return api.client.request(call.method, path, json=body, params=call.params, headers=headers)


def test_the_matrix_covers_every_route(api: SeededApi) -> None:
    """Every operation of the app is in the table, and the table names no route the app lacks."""
    paths = api.client.app.openapi()["paths"]  # type: ignore[attr-defined]
    routes = {(method.upper(), path) for path, operations in paths.items() for method in operations}

    assert routes == {(call.method, call.path) for call in MATRIX}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("call", MATRIX, ids=lambda c: c.id)
def test_each_role_is_allowed_or_refused_as_the_matrix_says(
    api: SeededApi, world: World, call: Call, role: str
) -> None:
    response = send(api, world, call, api.headers[role])

    assert response.status_code < 500, response.text
    if call.allowed == PUBLIC or role in call.allowed:
        assert response.status_code not in (401, 403), f"{role} should be allowed: {response.text}"
    else:
        assert response.status_code == 403, f"{role} should get 403: {response.status_code} {response.text}"
        assert response.json()["code"] == "forbidden"


@pytest.mark.parametrize("call", MATRIX, ids=lambda c: c.id)
def test_anonymous_callers_get_401(api: SeededApi, world: World, call: Call) -> None:
    response = send(api, world, call, {})

    if call.allowed == PUBLIC:
        assert response.status_code not in (401, 403), response.text
    else:
        assert response.status_code == 401, response.text
        assert response.json()["code"] == "unauthorized"
