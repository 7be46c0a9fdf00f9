"""Fraud reports over HTTP (DESIGN.md §3 "Fraud reports"): filing freezes the account in the same
transaction and opens the case; the state machine with its money and account effects; SLA
states at the edges; roles; idempotency and If-Match."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from backend.accounts.models import Account, Transaction
from backend.audit.models import AuditRecord
from backend.billing.engine import AccountNotOpen, Posting
from backend.billing.ledger import balance_from_transactions, post_charge
from backend.cases.models import Case, CaseEvent
from backend.clock import business_date_of
from backend.errors import Conflict
from backend.fraud.models import FraudReport, FraudReportTransaction
from tests.helpers.api import idempotency_headers, login, problem
from tests.helpers.seeded import SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401

ALL_ACTIONS = ("start_review", "confirm", "not_fraud", "close")
# How to reach each status from `new`.
PATH_TO = {
    "new": (),
    "investigating": ("start_review",),
    "confirmed": ("start_review", "confirm"),
    "not_fraud": ("start_review", "not_fraud"),
    "closed": ("start_review", "confirm", "close"),
}
ALLOWED = {
    ("new", "start_review"),
    ("investigating", "confirm"),
    ("investigating", "not_fraud"),
    ("confirmed", "close"),
    ("not_fraud", "close"),
}


@dataclass(frozen=True)
class Victim:
    """An active credit-line account and three of its purchases (ids and amounts)."""

    account_id: int
    customer_id: int
    purchases: tuple[tuple[int, int], ...]

    @property
    def purchase_ids(self) -> list[int]:
        return [transaction_id for transaction_id, _ in self.purchases]


def _victims(api: SeededApi, count: int) -> list[Victim]:
    found: list[Victim] = []
    with api.session() as session:
        accounts = session.scalars(
            select(Account)
            .where(Account.product == "credit_line", Account.status == "active")
            .order_by(Account.id)
        ).all()
        for account in accounts:
            purchases = session.execute(
                select(Transaction.id, Transaction.amount_fen)
                .where(Transaction.account_id == account.id, Transaction.type == "purchase")
                .order_by(Transaction.id)
                .limit(3)
            ).all()
            if len(purchases) == 3:
                found.append(Victim(account.id, account.customer_id, tuple((i, a) for i, a in purchases)))
            if len(found) == count:
                return found
    raise AssertionError("the seed has too few active credit lines with purchases")


@pytest.fixture
def victim(api: SeededApi) -> Victim:
    return _victims(api, 1)[0]


def report_body(victim: Victim, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "account_id": victim.account_id,
        "category": "unknown_transactions",
        "transaction_ids": victim.purchase_ids[:2],
        "description": "Customer did not make these two purchases; card never left her wallet.",
        "channel": "phone",
    }
    body.update(overrides)
    return body


def file_report(api: SeededApi, body: dict[str, Any], role: str = "agent", key: str | None = None) -> Any:
    return api.client.post(
        "/v1/fraud-reports", json=body, headers=idempotency_headers(api.headers[role], key)
    )


def filed(api: SeededApi, victim: Victim, **overrides: Any) -> dict[str, Any]:
    response = file_report(api, report_body(victim, **overrides))
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def act(
    api: SeededApi,
    report_id: int,
    action: str,
    etag: str | None,
    role: str = "dispute_handler",
    body: dict[str, Any] | None = None,
    key: str | None = None,
) -> Any:
    headers = idempotency_headers(api.headers[role], key)
    if etag is not None:
        headers["If-Match"] = etag
    return api.client.post(
        f"/v1/fraud-reports/{report_id}/actions/{action}", json=body or {}, headers=headers
    )


def read(api: SeededApi, report_id: int, role: str = "dispute_handler") -> Any:
    return api.client.get(f"/v1/fraud-reports/{report_id}", headers=api.headers[role])


def etag_of(api: SeededApi, report_id: int) -> str:
    response = read(api, report_id)
    assert response.status_code == 200, response.text
    return str(response.headers["etag"])


def advance(api: SeededApi, report_id: int, actions: tuple[str, ...]) -> dict[str, Any]:
    """Take the report through `actions` as a handler; the last response's body."""
    body: dict[str, Any] = read(api, report_id).json()
    for action in actions:
        response = act(api, report_id, action, etag_of(api, report_id))
        assert response.status_code == 200, response.text
        body = response.json()
    return body


def account_status(api: SeededApi, account_id: int) -> str:
    with api.session() as session:
        return str(session.scalar(select(Account.status).where(Account.id == account_id)))


def case_for(api: SeededApi, report_id: int) -> Case:
    with api.session() as session:
        return session.scalars(
            select(Case).where(Case.type == "fraud_report", Case.subject_id == report_id)
        ).one()


def audit_actions(api: SeededApi, entity_type: str, entity_id: int) -> list[AuditRecord]:
    with api.session() as session:
        return list(
            session.scalars(
                select(AuditRecord)
                .where(AuditRecord.entity_type == entity_type, AuditRecord.entity_id == str(entity_id))
                .order_by(AuditRecord.id)
            )
        )


def report_count(api: SeededApi) -> int:
    with api.session() as session:
        return int(session.scalar(select(func.count()).select_from(FraudReport)) or 0)


# --- filing -------------------------------------------------------------------------------------


def test_filing_freezes_the_account_links_the_transactions_and_opens_the_case(
    api: SeededApi, victim: Victim
) -> None:
    response = file_report(api, report_body(victim, police_report_number=" 京公网2026-118 "))

    assert response.status_code == 201, response.text
    report = response.json()
    assert response.headers["etag"] == f'"fraud_report-{report["id"]}-v1"'
    assert report["status"] == "new" and report["outcome"] is None
    assert report["version"] == 1
    assert report["holds_freeze"] is True and report["freeze_requested"] is True
    assert report["account_status"] == "frozen"
    assert report["police_report_number"] == "京公网2026-118"
    assert [t["transaction_id"] for t in report["transactions"]] == victim.purchase_ids[:2]
    assert [t["amount_fen"] for t in report["transactions"]] == [a for _, a in victim.purchases[:2]]
    assert all(
        t["type"] == "purchase" and t["write_off_transaction_id"] is None for t in report["transactions"]
    )
    assert report["reported_fen"] == sum(a for _, a in victim.purchases[:2])
    assert report["allowed_actions"] == []  # the agent who filed it may not act on it
    now = api.clock.now()
    assert report["first_review_due_at"].replace("Z", "+00:00") == (now + timedelta(hours=4)).isoformat()
    assert report["decision_due_at"].replace("Z", "+00:00") == (now + timedelta(days=7)).isoformat()
    assert account_status(api, victim.account_id) == "frozen"

    case = case_for(api, report["id"])
    assert report["case_id"] == case.id
    assert (case.queue, case.priority, case.status, case.is_open) == ("fraud", "high", "new", True)
    assert case.due_at == now + timedelta(hours=4)
    assert case.amount_fen == report["reported_fen"]
    assert case.account_id == victim.account_id


def test_filing_is_audited_and_the_freeze_as_an_account_change(api: SeededApi, victim: Victim) -> None:
    key = str(uuid.uuid4())
    report = file_report(api, report_body(victim), key=key).json()

    (filing,) = audit_actions(api, "fraud_report", report["id"])
    assert filing.action == "fraud_report.file"
    assert filing.idempotency_key == key
    assert filing.after is not None
    assert filing.after["transaction_ids"] == victim.purchase_ids[:2]
    assert filing.after["holds_freeze"] is True
    (freeze,) = [r for r in audit_actions(api, "account", victim.account_id) if r.action == "account.freeze"]
    assert freeze.before == {"status": "active"}
    assert freeze.after == {"status": "frozen", "fraud_report_id": report["id"]}
    assert freeze.customer_id == victim.customer_id
    assert [r.action for r in audit_actions(api, "case", report["case_id"])] == ["case.open"]


def test_a_handler_reading_it_may_start_the_review(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)

    response = read(api, report["id"])

    assert response.status_code == 200
    assert response.headers["etag"] == f'"fraud_report-{report["id"]}-v1"'
    assert response.json()["allowed_actions"] == ["start_review"]
    assert read(api, report["id"], "agent").json()["allowed_actions"] == []
    assert read(api, report["id"], "supervisor").json()["allowed_actions"] == ["start_review"]


@pytest.mark.parametrize("role", ["dispute_handler", "supervisor"])
def test_handlers_and_supervisors_may_file_too(api: SeededApi, victim: Victim, role: str) -> None:
    assert file_report(api, report_body(victim), role=role).status_code == 201


def test_not_freezing_takes_a_reason(api: SeededApi, victim: Victim) -> None:
    reason = "Customer is abroad and needs the card; monitoring instead."
    report = filed(api, victim, freeze_account=False, no_freeze_reason=f"  {reason} ")

    assert report["holds_freeze"] is False and report["freeze_requested"] is False
    assert report["no_freeze_reason"] == reason
    assert report["account_status"] == "active"
    assert account_status(api, victim.account_id) == "active"
    assert not [r for r in audit_actions(api, "account", victim.account_id) if r.action == "account.freeze"]


@pytest.mark.parametrize("reason", [None, "", "   ", "\t\n", "x" * 501, "nul \x00"])
def test_not_freezing_without_a_usable_reason_is_422(
    api: SeededApi, victim: Victim, reason: str | None
) -> None:
    body = report_body(victim, freeze_account=False)
    if reason is not None:
        body["no_freeze_reason"] = reason

    response = file_report(api, body)

    assert response.status_code == 422, response.text
    assert problem(response)["code"] == "validation_failed"
    assert report_count(api) == 0
    assert account_status(api, victim.account_id) == "active"


def test_a_one_character_reason_is_enough_and_500_characters_the_most(api: SeededApi) -> None:
    first, second = _victims(api, 2)
    assert filed(api, first, freeze_account=False, no_freeze_reason="x")["no_freeze_reason"] == "x"
    assert (
        len(filed(api, second, freeze_account=False, no_freeze_reason="y" * 500)["no_freeze_reason"]) == 500
    )


def test_a_reason_while_freezing_is_422(api: SeededApi, victim: Victim) -> None:
    response = file_report(api, report_body(victim, no_freeze_reason="why not"))

    assert response.status_code == 422
    assert account_status(api, victim.account_id) == "active"


def test_a_transaction_of_another_account_is_422_and_nothing_is_frozen(api: SeededApi) -> None:
    victim, other = _victims(api, 2)
    body = report_body(victim, transaction_ids=[victim.purchase_ids[0], other.purchase_ids[0]])

    response = file_report(api, body)

    assert response.status_code == 422
    assert problem(response)["errors"] == {
        "body.transaction_ids": [f"not a transaction of this account: {other.purchase_ids[0]}"]
    }
    assert account_status(api, victim.account_id) == "active"
    assert report_count(api) == 0


def test_a_transaction_that_does_not_exist_is_422(api: SeededApi, victim: Victim) -> None:
    response = file_report(api, report_body(victim, transaction_ids=[2**63 - 1]))

    assert response.status_code == 422
    assert account_status(api, victim.account_id) == "active"


def test_when_the_case_cannot_be_opened_the_freeze_is_rolled_back(
    api: SeededApi, victim: Victim, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The freeze, the report and the case are one transaction: a failure after the freeze was
    written (here: opening the case) leaves the account active and no trace of the report."""
    import backend.fraud.service

    seen: list[str] = []

    def failing_open_case(**kwargs: Any) -> Case:
        with api.session() as session:  # the freeze is written by now, in the request's transaction
            seen.append(str(session.scalar(select(Account.status).where(Account.id == victim.account_id))))
        raise Conflict("case store unavailable")

    monkeypatch.setattr(backend.fraud.service, "open_case", failing_open_case)

    response = file_report(api, report_body(victim))

    assert response.status_code == 409
    assert seen == ["frozen"]
    assert account_status(api, victim.account_id) == "active"
    assert report_count(api) == 0
    assert not [r for r in audit_actions(api, "account", victim.account_id) if r.action == "account.freeze"]


@pytest.mark.parametrize("category", ["lost_device", "account_takeover"])
def test_a_lost_device_or_takeover_may_name_no_transactions(
    api: SeededApi, victim: Victim, category: str
) -> None:
    report = filed(api, victim, category=category, transaction_ids=[])

    assert report["transactions"] == [] and report["reported_fen"] == 0
    assert report["account_status"] == "frozen"


@pytest.mark.parametrize("category", ["identity_theft", "scam", "unknown_transactions"])
def test_other_categories_must_name_transactions(api: SeededApi, victim: Victim, category: str) -> None:
    response = file_report(api, report_body(victim, category=category, transaction_ids=[]))

    assert response.status_code == 422
    assert "body.transaction_ids" in problem(response)["errors"]


def test_a_transaction_named_twice_is_422(api: SeededApi, victim: Victim) -> None:
    first = victim.purchase_ids[0]
    response = file_report(api, report_body(victim, transaction_ids=[first, first]))

    assert response.status_code == 422
    assert problem(response)["errors"] == {"body.transaction_ids": [f"listed more than once: {first}"]}


def test_only_purchases_and_disbursements_can_be_reported(api: SeededApi) -> None:
    with api.session() as session:
        repayment = session.scalars(
            select(Transaction).where(Transaction.type == "repayment").order_by(Transaction.id).limit(1)
        ).one()
        account = session.get(Account, repayment.account_id)
        assert account is not None and account.status == "active"
    body = {
        "account_id": repayment.account_id,
        "category": "unknown_transactions",
        "transaction_ids": [repayment.id],
        "description": "x",
    }

    response = file_report(api, body)

    assert response.status_code == 422
    assert problem(response)["errors"] == {"body.transaction_ids": [f"{repayment.id} is a repayment"]}


def test_at_most_100_transactions(api: SeededApi, victim: Victim) -> None:
    response = file_report(api, report_body(victim, transaction_ids=list(range(1, 102))))

    assert response.status_code == 422
    assert "body.transaction_ids" in problem(response)["errors"]


@pytest.mark.parametrize(
    "override",
    [
        {"category": "phishing"},
        {"description": ""},
        {"description": "   "},
        {"description": "x" * 4001},
        {"channel": "fax"},
        {"account_id": 0},
        {"transaction_ids": [0]},
        {"police_report_number": "x" * 65},
        {"freeze_account": "maybe"},
    ],
)
def test_bad_bodies_are_422(api: SeededApi, victim: Victim, override: dict[str, Any]) -> None:
    response = file_report(api, report_body(victim, **override))

    assert response.status_code == 422, response.text
    assert problem(response)["code"] == "validation_failed"
    assert account_status(api, victim.account_id) == "active"


def test_an_unknown_account_is_404(api: SeededApi, victim: Victim) -> None:
    response = file_report(api, report_body(victim, account_id=2**63 - 1, transaction_ids=[]))

    assert response.status_code == 404
    assert problem(response)["code"] == "not_found"


def test_a_transaction_in_a_live_report_cannot_be_reported_again(api: SeededApi, victim: Victim) -> None:
    first = filed(api, victim)

    response = file_report(api, report_body(victim, transaction_ids=victim.purchase_ids[1:]))

    assert response.status_code == 409
    assert problem(response)["code"] == "transaction_already_reported"
    assert problem(response)["transaction_ids"] == [victim.purchase_ids[1]]
    assert problem(response)["params"] == {"transaction_ids": [victim.purchase_ids[1]]}
    # once the first report found it was not fraud, the transaction may be reported again
    advance(api, first["id"], ("start_review", "not_fraud", "close"))
    assert file_report(api, report_body(victim, transaction_ids=victim.purchase_ids[1:])).status_code == 201


def test_a_written_off_transaction_cannot_be_reported_again(api: SeededApi, victim: Victim) -> None:
    first = filed(api, victim)
    advance(api, first["id"], ("start_review", "confirm", "close"))

    response = file_report(api, report_body(victim, transaction_ids=victim.purchase_ids[:1]))

    assert response.status_code == 409
    assert problem(response)["code"] == "transaction_already_reported"


# --- the engine refuses purchases on a frozen account ----------------------------------------------


def _purchase(api: SeededApi, account_id: int) -> None:
    now = api.clock.now()
    with api.session() as session:
        account = session.get(Account, account_id)
        assert account is not None
        post_charge(session, account, Posting("purchase", 1_000, business_date_of(now), "Test", "Shop"), now)


def test_a_frozen_account_refuses_purchases_in_the_engine(api: SeededApi, victim: Victim) -> None:
    _purchase(api, victim.account_id)  # active: allowed
    filed(api, victim)

    with pytest.raises(AccountNotOpen):
        _purchase(api, victim.account_id)


# --- transitions ------------------------------------------------------------------------------------


def test_start_review_moves_the_case_to_the_decision_deadline(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)
    filed_at = api.clock.now()
    api.clock.advance(timedelta(hours=1))

    response = act(
        api, report["id"], "start_review", etag_of(api, report["id"]), body={"note": "Calling the customer"}
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert response.headers["etag"] == f'"fraud_report-{report["id"]}-v2"'
    assert (body["status"], body["version"]) == ("investigating", 2)
    assert body["reviewed_at"].replace("Z", "+00:00") == api.clock.now().isoformat()
    assert body["allowed_actions"] == ["confirm", "not_fraud"]
    assert body["due_at"].replace("Z", "+00:00") == (filed_at + timedelta(days=7)).isoformat()
    case = case_for(api, report["id"])
    assert (case.status, case.due_at, case.version) == ("investigating", filed_at + timedelta(days=7), 2)
    with api.session() as session:
        event = session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id.desc())
        ).first()
    assert event is not None
    assert (event.action, event.note, event.actor_role) == (
        "start_review",
        "Calling the customer",
        "dispute_handler",
    )
    assert event.before is not None and event.before["status"] == "new"
    (start,) = [
        r for r in audit_actions(api, "fraud_report", report["id"]) if r.action == "fraud_report.start_review"
    ]
    assert start.before == {"status": "new", "reviewed_at": None, "reviewed_by": None}
    assert start.after is not None and start.after["status"] == "investigating"
    assert start.after["note"] == "Calling the customer"


def test_confirm_writes_off_exactly_the_reported_transactions(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)
    advance(api, report["id"], ("start_review",))
    with api.session() as session:
        account = session.get(Account, victim.account_id)
        assert account is not None
        balance_before = account.balance_fen

    response = act(api, report["id"], "confirm", etag_of(api, report["id"]), role="supervisor")

    assert response.status_code == 200, response.text
    body = response.json()
    reported = dict(victim.purchases[:2])
    assert (body["status"], body["outcome"]) == ("confirmed", "confirmed")
    assert body["written_off_fen"] == sum(reported.values()) == body["reported_fen"]
    assert body["account_status"] == "frozen"  # until the report is closed
    assert body["holds_freeze"] is True
    assert body["due_at"] is None and body["allowed_actions"] == ["close"]
    write_off_ids = [t["write_off_transaction_id"] for t in body["transactions"]]
    with api.session() as session:
        credits = session.scalars(
            select(Transaction).where(Transaction.id.in_(write_off_ids)).order_by(Transaction.id)
        ).all()
        account = session.get(Account, victim.account_id)
        assert account is not None
        assert account.balance_fen == balance_from_transactions(session, victim.account_id)
        links = session.scalars(
            select(FraudReportTransaction).where(FraudReportTransaction.fraud_report_id == report["id"])
        ).all()
    assert len(credits) == 2
    assert all(c.type == "write_off" for c in credits)
    by_original = {link.transaction_id: link.write_off_transaction_id for link in links}
    assert {
        original: -next(c.amount_fen for c in credits if c.id == credit)
        for original, credit in by_original.items()
    } == reported
    assert account.balance_fen == balance_before - sum(reported.values())
    (write_off,) = [
        r for r in audit_actions(api, "account", victim.account_id) if r.action == "account.write_off"
    ]
    assert write_off.before == {"balance_fen": balance_before}
    assert write_off.after is not None and write_off.after["balance_fen"] == account.balance_fen
    assert case_for(api, report["id"]).status == "confirmed"


def test_closing_a_confirmed_report_unfreezes_and_closes_the_case(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)
    advance(api, report["id"], ("start_review", "confirm"))

    body = advance(api, report["id"], ("close",))

    assert (body["status"], body["outcome"]) == ("closed", "confirmed")
    assert body["holds_freeze"] is False and body["account_status"] == "active"
    assert body["allowed_actions"] == []
    case = case_for(api, report["id"])
    assert (case.status, case.is_open, case.closed_at) == ("closed", False, api.clock.now())
    (unfreeze,) = [
        r for r in audit_actions(api, "account", victim.account_id) if r.action == "account.unfreeze"
    ]
    assert unfreeze.before == {"status": "frozen"}
    assert unfreeze.after == {"status": "active", "fraud_report_id": report["id"]}


def test_not_fraud_unfreezes_and_writes_nothing_off(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)
    advance(api, report["id"], ("start_review",))

    body = advance(api, report["id"], ("not_fraud",))

    assert (body["status"], body["outcome"]) == ("not_fraud", "not_fraud")
    assert body["account_status"] == "active" and body["holds_freeze"] is False
    assert body["written_off_fen"] == 0
    assert all(t["write_off_transaction_id"] is None for t in body["transactions"])
    assert body["allowed_actions"] == ["close"]
    assert case_for(api, report["id"]).status == "not_fraud"
    closed = advance(api, report["id"], ("close",))
    assert (closed["status"], closed["outcome"], closed["account_status"]) == (
        "closed",
        "not_fraud",
        "active",
    )
    assert case_for(api, report["id"]).is_open is False


def test_two_open_reports_not_fraud_on_one_keeps_the_account_frozen(api: SeededApi, victim: Victim) -> None:
    first = filed(api, victim, transaction_ids=victim.purchase_ids[:1])
    second = filed(api, victim, transaction_ids=victim.purchase_ids[1:2], category="scam")
    assert second["holds_freeze"] is True  # shares the freeze the first one made

    advance(api, first["id"], ("start_review", "not_fraud"))
    assert account_status(api, victim.account_id) == "frozen"

    advance(api, second["id"], ("start_review", "not_fraud"))
    assert account_status(api, victim.account_id) == "active"


def test_a_confirmed_report_keeps_the_account_frozen_past_another_reports_not_fraud(
    api: SeededApi, victim: Victim
) -> None:
    first = filed(api, victim, transaction_ids=victim.purchase_ids[:1])
    second = filed(api, victim, transaction_ids=victim.purchase_ids[1:2])
    advance(api, first["id"], ("start_review", "confirm"))

    advance(api, second["id"], ("start_review", "not_fraud", "close"))
    assert account_status(api, victim.account_id) == "frozen"

    advance(api, first["id"], ("close",))
    assert account_status(api, victim.account_id) == "active"


def test_a_report_that_froze_nothing_unfreezes_nothing(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim, freeze_account=False, no_freeze_reason="Customer travelling")
    other = filed(api, victim, transaction_ids=victim.purchase_ids[2:])
    assert account_status(api, victim.account_id) == "frozen"

    advance(api, report["id"], ("start_review", "not_fraud", "close"))

    assert account_status(api, victim.account_id) == "frozen"
    assert read(api, other["id"]).json()["holds_freeze"] is True


def test_an_account_frozen_for_another_reason_stays_frozen(api: SeededApi) -> None:
    with api.session() as session:
        account = session.scalars(
            select(Account).where(Account.status == "frozen").order_by(Account.id)
        ).first()
        assert account is not None
        account_id = account.id
    body = {"account_id": account_id, "category": "lost_device", "description": "Phone stolen"}
    report = file_report(api, body).json()
    assert report["holds_freeze"] is False and report["account_status"] == "frozen"

    advance(api, report["id"], ("start_review", "not_fraud"))

    assert account_status(api, account_id) == "frozen"


@pytest.mark.parametrize(
    ("status", "action"),
    [(s, a) for s in PATH_TO for a in ALL_ACTIONS if (s, a) not in ALLOWED],
)
def test_refused_transitions_are_409_and_change_nothing(
    api: SeededApi, victim: Victim, status: str, action: str
) -> None:
    report = filed(api, victim)
    before = advance(api, report["id"], PATH_TO[status])
    etag = etag_of(api, report["id"])

    response = act(api, report["id"], action, etag)

    assert response.status_code == 409, response.text
    body = problem(response)
    assert body["code"] == "invalid_transition"
    assert body["current_status"] == status
    assert body["allowed_actions"] == [a for a in ALL_ACTIONS if (status, a) in ALLOWED]
    assert body["params"] == {"subject": "fraud_report", "status": status, "action": action,
                              "allowed_actions": body["allowed_actions"]}
    after = read(api, report["id"])
    assert after.headers["etag"] == etag  # the version claim was rolled back
    assert after.json() == before | {"allowed_actions": after.json()["allowed_actions"]}


@pytest.mark.parametrize(("status", "action"), sorted(ALLOWED))
def test_allowed_transitions(api: SeededApi, victim: Victim, status: str, action: str) -> None:
    report = filed(api, victim)
    advance(api, report["id"], PATH_TO[status])

    response = act(api, report["id"], action, etag_of(api, report["id"]))

    assert response.status_code == 200, response.text
    assert (
        response.json()["status"]
        == {
            "start_review": "investigating",
            "confirm": "confirmed",
            "not_fraud": "not_fraud",
            "close": "closed",
        }[action]
    )


def test_an_unknown_action_is_422(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)

    response = act(api, report["id"], "reopen", etag_of(api, report["id"]))

    assert response.status_code == 422


# --- roles ------------------------------------------------------------------------------------------


def test_agents_may_not_act(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)

    response = act(api, report["id"], "start_review", etag_of(api, report["id"]), role="agent")

    assert response.status_code == 403
    assert problem(response)["code"] == "forbidden"
    assert read(api, report["id"]).json()["status"] == "new"


def test_admins_may_not_file_read_act_or_list(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)

    responses = [
        file_report(api, report_body(victim), role="admin"),
        read(api, report["id"], role="admin"),
        act(api, report["id"], "start_review", etag_of(api, report["id"]), role="admin"),
        api.client.get(f"/v1/accounts/{victim.account_id}/fraud-reports", headers=api.headers["admin"]),
    ]

    assert [r.status_code for r in responses] == [403, 403, 403, 403]
    assert report_count(api) == 1


def test_without_a_token_it_is_401(api: SeededApi, victim: Victim) -> None:
    assert api.client.post("/v1/fraud-reports", json=report_body(victim)).status_code == 401
    assert api.client.get("/v1/fraud-reports/1").status_code == 401


# --- idempotency and If-Match -------------------------------------------------------------------------


def test_filing_twice_with_one_key_files_once(api: SeededApi, victim: Victim) -> None:
    key = str(uuid.uuid4())

    first = file_report(api, report_body(victim), key=key)
    second = file_report(api, report_body(victim), key=key)

    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["idempotent-replayed"] == "true"
    assert second.headers["etag"] == first.headers["etag"]
    assert report_count(api) == 1


def test_filing_without_a_key_is_400(api: SeededApi, victim: Victim) -> None:
    response = api.client.post("/v1/fraud-reports", json=report_body(victim), headers=api.agent)

    assert response.status_code == 400
    assert problem(response)["code"] == "idempotency_key_missing"
    assert account_status(api, victim.account_id) == "active"


def test_an_action_replayed_with_its_key_happens_once(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)
    advance(api, report["id"], ("start_review",))
    etag, key = etag_of(api, report["id"]), str(uuid.uuid4())

    first = act(api, report["id"], "confirm", etag, key=key)
    second = act(api, report["id"], "confirm", etag, key=key)

    assert first.status_code == second.status_code == 200
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()
    with api.session() as session:
        write_offs = session.scalar(
            select(func.count()).where(
                Transaction.account_id == victim.account_id, Transaction.type == "write_off"
            )
        )
    assert write_offs == 2


def test_a_stale_if_match_is_412_with_the_current_etag(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)
    stale = etag_of(api, report["id"])
    assert act(api, report["id"], "start_review", stale).status_code == 200

    response = act(api, report["id"], "not_fraud", stale)

    assert response.status_code == 412
    body = problem(response)
    assert body["code"] == "precondition_failed"
    assert body["current_etag"] == response.headers["etag"] == f'"fraud_report-{report["id"]}-v2"'
    assert read(api, report["id"]).json()["status"] == "investigating"
    assert account_status(api, victim.account_id) == "frozen"


@pytest.mark.parametrize("etag", ['"case-1-v1"', '"fraud_report-999999-v1"', "*", "garbage"])
def test_an_if_match_of_something_else_is_412(api: SeededApi, victim: Victim, etag: str) -> None:
    report = filed(api, victim)

    assert act(api, report["id"], "start_review", etag).status_code == 412


def test_a_missing_if_match_is_428(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)

    response = act(api, report["id"], "start_review", None)

    assert response.status_code == 428
    assert problem(response)["code"] == "precondition_required"
    assert read(api, report["id"]).json()["status"] == "new"


def test_an_action_on_a_report_that_does_not_exist_is_404(api: SeededApi) -> None:
    response = act(api, 2**63 - 1, "start_review", f'"fraud_report-{2**63 - 1}-v1"')

    assert response.status_code == 404
    assert read(api, 2**63 - 1).status_code == 404
    assert read(api, 0).status_code == 422


# --- SLA at the edges ------------------------------------------------------------------------------


def sla_state(api: SeededApi, report_id: int) -> str:
    """The report's SLA state now; signs in afresh, as a token lasts one 8-hour shift."""
    headers = login(api.client, "handler1")
    response = api.client.get(f"/v1/fraud-reports/{report_id}", headers=headers)
    assert response.status_code == 200, response.text
    return str(response.json()["sla_state"])


def test_first_review_sla_4_hours(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)
    filed_at = api.clock.now()

    def at(delta: timedelta) -> str:
        api.clock.set(filed_at + delta)
        return sla_state(api, report["id"])

    assert at(timedelta(0)) == "on_track"
    assert at(timedelta(hours=3, minutes=11, seconds=59)) == "on_track"  # just under 80% of 4 h
    assert at(timedelta(hours=3, minutes=12)) == "at_risk"  # 80%
    assert at(timedelta(hours=4)) == "at_risk"  # at the deadline: not yet late
    assert at(timedelta(hours=4, seconds=1)) == "breached"


def test_decision_sla_7_days(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)
    filed_at = api.clock.now()
    api.clock.set(filed_at + timedelta(hours=1))
    advance(api, report["id"], ("start_review",))

    def at(delta: timedelta) -> str:
        api.clock.set(filed_at + delta)
        return sla_state(api, report["id"])

    assert at(timedelta(hours=5)) == "on_track"  # past the first-review deadline: it was met
    assert at(timedelta(days=5, hours=14, minutes=23, seconds=59)) == "on_track"
    assert at(timedelta(days=5, hours=14, minutes=24)) == "at_risk"  # 80% of 7 days
    assert at(timedelta(days=7)) == "at_risk"
    assert at(timedelta(days=7, seconds=1)) == "breached"


def test_a_decided_report_is_no_longer_on_the_clock(api: SeededApi, victim: Victim) -> None:
    report = filed(api, victim)
    filed_at = api.clock.now()
    advance(api, report["id"], ("start_review", "confirm"))

    api.clock.set(filed_at + timedelta(days=30))

    assert sla_state(api, report["id"]) == "on_track"
    assert case_for(api, report["id"]).due_at is None


# --- the account's list ---------------------------------------------------------------------------------


def test_an_accounts_reports_newest_first_in_pages(api: SeededApi, victim: Victim) -> None:
    first = filed(api, victim, transaction_ids=victim.purchase_ids[:1])
    api.clock.advance(timedelta(minutes=5))
    second = filed(api, victim, transaction_ids=victim.purchase_ids[1:2])
    path = f"/v1/accounts/{victim.account_id}/fraud-reports"

    page = api.client.get(path, params={"limit": 1}, headers=api.agent).json()
    rest = api.client.get(path, params={"limit": 1, "cursor": page["next_cursor"]}, headers=api.agent).json()

    assert [r["id"] for r in page["items"]] == [second["id"]]
    assert [r["id"] for r in rest["items"]] == [first["id"]]
    assert rest["next_cursor"] is None
    assert page["items"][0]["case_id"] == second["case_id"]
    assert page["items"][0]["reported_fen"] == victim.purchases[1][1]
    assert api.client.get("/v1/accounts/999999999/fraud-reports", headers=api.agent).status_code == 404
