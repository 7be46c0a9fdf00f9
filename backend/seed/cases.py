"""The demo caseload: disputes in every state, fraud reports, arrangements awaiting approval,
some assigned, some at risk or breached, made by calling the domains' own services as the demo
users would, on a clock set back in time, so the money events, cases, timelines and audit
records are the real thing.

Deterministic: the same demo data and business date give the same caseload. Runs once: a
database that already has cases is left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account, Transaction
from backend.arrangements import rules as arrangement_rules
from backend.arrangements import service as arrangements
from backend.arrangements.schemas import (
    FeeWaiverProposal,
    HardshipPlanProposal,
)
from backend.auth.models import User
from backend.auth.service import DEMO_USERS
from backend.billing.queries import latest_bills
from backend.cases import queues
from backend.cases.models import Case, CaseType
from backend.clock import BUSINESS_TZ, BusinessClock, business_date_of, start_of_business_day
from backend.common.casework import etag_of
from backend.common.context import RequestContext
from backend.db import transaction
from backend.disputes import service as disputes
from backend.disputes.rules import DisputeAction
from backend.disputes.schemas import (
    DisputeIn,
    ExtendBody,
    NoteBody,
    ProposeOutcomeBody,
    ProvisionalCreditBody,
)
from backend.errors import Problem
from backend.fraud import service as fraud
from backend.fraud.schemas import FraudActionIn, FraudReportIn
from backend.seed.demo import rewind_sequences
from backend.settings import Policy

H = timedelta(hours=1)
D = timedelta(days=1)
# Candidate purchases to dispute or report: enough for the caseload and a few refusals.
CANDIDATES = 400


@dataclass(frozen=True)
class _StandingClock(BusinessClock):
    """A business clock that stands at one instant."""

    instant: datetime = field(default_factory=lambda: datetime(2024, 1, 1, tzinfo=timezone.utc))

    def now(self) -> datetime:
        return self.instant

    def today(self) -> date:
        return business_date_of(self.instant)


@dataclass(frozen=True)
class Today:
    """A step's time as a fraction of today so far: money moves only in days end of day has not
    closed yet, so the ledger and the bills stay consistent."""

    fraction: float


Step = timedelta | Today


@dataclass
class _Seeder:
    session: Session
    now: datetime
    policy: Policy
    users: dict[str, User]
    purchases: list[Transaction]
    used_accounts: set[int] = field(default_factory=set)
    # The last business day each candidate account was charged penalty on (see `dispute`):
    # today for one past due or accruing penalty in the open cycle.
    penalised_on: dict[int, date] = field(default_factory=dict)

    def when(self, filed: datetime, after: Step) -> datetime:
        if isinstance(after, Today):
            start = start_of_business_day(business_date_of(self.now))
            return start + (self.now - start) * after.fraction
        return filed + after

    def ctx(self, username: str, at: datetime) -> RequestContext:
        return RequestContext(
            user=self.users[username], request_id=None, idempotency_key=None, clock=_StandingClock(instant=at)
        )

    def next_purchase(
        self, *, min_fen: int = 1, max_fen: int | None = None, no_penalty_from: date | None = None
    ) -> Transaction | None:
        """The first purchase in the amount range on an account not used yet (and, with
        `no_penalty_from`, charged no penalty on or after that day)."""
        for purchase in self.purchases:
            if purchase.account_id in self.used_accounts or purchase.amount_fen < min_fen:
                continue
            penalised_on = self.penalised_on.get(purchase.account_id)
            if no_penalty_from is not None and penalised_on is not None and penalised_on >= no_penalty_from:
                continue
            if max_fen is not None and purchase.amount_fen > max_fen:
                continue
            self.used_accounts.add(purchase.account_id)
            return purchase
        return None

    def attempt(self, work: Callable[[], Any]) -> Any:
        """Run `work` in a savepoint; a refusal (a Problem) undoes it and gives None."""
        try:
            with self.session.begin_nested():
                return work()
        except Problem:
            return None

    # --- disputes ---------------------------------------------------------------------------

    def dispute(
        self,
        age: timedelta,
        steps: list[tuple[str, Step, DisputeAction, Any]],
        *,
        by: str = "agent1",
        min_fen: int = 2_000,
        max_fen: int | None = 150_000,
        category: str = "consumer_dispute",
        reason: str = "not_received",
    ) -> int | None:
        """File a dispute `age` ago, then take each step (who, how long after filing, action, body).

        The book was generated before the caseload, so a dispute filed before today is filed
        after the end-of-day runs of the days it was open. On an account never past due on those
        days they computed what they would have computed with the dispute open (the bill that
        holds the money leaves it out of its minimum from the filing on, a lower minimum makes
        nobody overdue, and interest does not depend on disputes); on one past due on any of
        them they judged the due date on the minimum with the disputed money in it and charged
        penalty on that money, even if it was paid up since. Past due on a day means penalty
        accrued that day (posted at the next cut, on the cycle's last day), so a dispute older
        than today goes on an account charged no penalty from its filing date on: none posted
        on or after that date, none accruing in the open cycle, nothing past due."""
        filed = self.now - age
        filed_on = business_date_of(filed)
        purchase = self.next_purchase(
            min_fen=min_fen, max_fen=max_fen,
            no_penalty_from=filed_on if filed_on < business_date_of(self.now) else None,
        )
        if purchase is None:
            return None

        def work() -> int:
            body = DisputeIn(
                transaction_id=purchase.id,
                category=category,  # type: ignore[arg-type]
                reason=reason,  # type: ignore[arg-type]
                disputed_amount_fen=purchase.amount_fen,
                description=f"客户称{purchase.merchant or '商户'}的这笔消费有问题，请核实。",
                channel="phone",
            )
            dispute = disputes.file_dispute(
                session=self.session, body=body, ctx=self.ctx(by, filed), policy=self.policy
            )
            for username, after, action, action_body in steps:
                disputes.act_on_dispute(
                    session=self.session,
                    dispute_id=dispute.id,
                    action=action,
                    body=action_body,
                    if_match=etag_of(disputes.ETAG_KIND, dispute),
                    ctx=self.ctx(username, self.when(filed, after)),
                    policy=self.policy,
                )
            return dispute.id

        case_id: int | None = self.attempt(lambda: _case_id(self.session, CaseType.DISPUTE, work()))
        return case_id

    # --- fraud reports ----------------------------------------------------------------------

    def fraud_report(
        self, age: timedelta, steps: list[tuple[str, Step, str]], *, category: str, by: str = "agent2"
    ) -> int | None:
        purchase = self.next_purchase(min_fen=1_000)
        if purchase is None:
            return None
        filed = self.now - age

        def work() -> int:
            body = FraudReportIn(
                account_id=purchase.account_id,
                category=category,  # type: ignore[arg-type]
                transaction_ids=[purchase.id],
                description="客户称手机丢失后出现不认识的消费。",
                channel="phone",
                police_report_number=None,
                freeze_account=True,
                no_freeze_reason=None,
            )
            report = fraud.file_report(
                session=self.session, body=body, ctx=self.ctx(by, filed), policy=self.policy
            )
            for username, after, action in steps:
                fraud.act_on_report(
                    session=self.session,
                    report_id=report.id,
                    action=action,
                    body=FraudActionIn(note=None),
                    if_match=etag_of(fraud.ETAG_KIND, report),
                    ctx=self.ctx(username, self.when(filed, after)),
                )
            return report.id

        case_id: int | None = self.attempt(lambda: _case_id(self.session, CaseType.FRAUD_REPORT, work()))
        return case_id

    # --- arrangements -----------------------------------------------------------------------

    def arrangement(
        self,
        age: timedelta,
        proposals: Callable[[Account], list[Any]],
        accounts: list[Account],
        *,
        by: str = "agent1",
    ) -> int | None:
        """Propose the first of `proposals` that waits for approval, on the first account it fits."""
        for account in accounts:
            if account.id in self.used_accounts:
                continue
            for proposal in proposals(account):

                def work(proposal: Any = proposal) -> int | None:
                    arrangement = arrangements.propose(
                        session=self.session,
                        body=proposal,
                        ctx=self.ctx(by, self.now - age),
                        policy=self.policy,
                    )
                    if arrangement.status != arrangement_rules.Status.PENDING_APPROVAL:
                        raise _NotPending()
                    return _case_id(self.session, CaseType.ARRANGEMENT, arrangement.id)

                case_id: int | None = self.attempt(work)
                if case_id is not None:
                    self.used_accounts.add(account.id)
                    return case_id
        return None

    def assign(self, case_id: int | None, assignee: str, after: timedelta = H) -> None:
        if case_id is None:
            return
        case = self.session.get(Case, case_id, populate_existing=True)
        assert case is not None
        if not case.is_open:
            return
        at = min(self.now, case.opened_at + after)
        supervisor = "super1" if assignee != "super1" else "super2"
        self.attempt(
            lambda: queues.assign_case(
                session=self.session,
                ctx=self.ctx(supervisor, at),
                case_id=case_id,
                if_match=etag_of(queues.CASE_ETAG_KIND, case),
                assignee_id=self.users[assignee].id,
            )
        )


class _NotPending(Problem):
    """An arrangement went live at once: not what the approvals queue needs; undone."""


def _case_id(session: Session, case_type: CaseType, subject_id: int) -> int:
    return session.scalars(
        select(Case.id).where(Case.type == case_type.value, Case.subject_id == subject_id)
    ).one()


def _purchases(
    session: Session, before: datetime, min_fen: int = 1, limit: int = CANDIDATES
) -> list[Transaction]:
    """Purchases of the 45 days before `before` on active credit lines, in a fixed order: by
    account, the largest first."""
    return list(
        session.scalars(
            select(Transaction)
            .join(Account, Account.id == Transaction.account_id)
            .where(
                Transaction.type == "purchase",
                Transaction.amount_fen >= min_fen,
                Transaction.posted_at < before,
                Transaction.posted_at >= before - 45 * D,
                Account.status == "active",
                Account.product == "credit_line",
            )
            .order_by(Transaction.account_id, Transaction.amount_fen.desc(), Transaction.id)
            .limit(limit)
        )
    )


def _penalised_on(session: Session, account_ids: set[int], since: date, today: date) -> dict[int, date]:
    """The last business day from `since` on each account was charged penalty: today when it is
    past due or accrues penalty in the open cycle, else the last penalty posting's date."""
    ids = sorted(account_ids)
    last: dict[int, date] = {
        account_id: day for account_id, day in session.execute(
            select(Transaction.account_id, func.max(Transaction.business_date))
            .where(Transaction.account_id.in_(ids), Transaction.business_date >= since,
                   Transaction.type == "penalty_interest")
            .group_by(Transaction.account_id)
        ).tuples()
    }
    last.update((account_id, today) for account_id in session.scalars(
        select(Account.id).where(Account.id.in_(ids),
                                 (Account.past_due_fen > 0) | (Account.accrued_penalty_ufen > 0))
    ))
    return last


def _overdue_accounts(session: Session) -> list[Account]:
    return list(
        session.scalars(
            select(Account)
            .where(Account.status == "active", Account.past_due_fen > 0, Account.product == "credit_line")
            .order_by(Account.id)
            .limit(20)
        )
    )


def seed_caseload(
    session_factory: sessionmaker[Session],
    *,
    today: date | None = None,
    at: datetime | None = None,
    policy: Policy | None = None,
) -> int:
    """Create the demo caseload as of `at` (default 10:00 on `today`, the business date), unless
    the database already has cases. Needs the demo data and the demo users. Returns the number
    of cases made (0 when there were cases already)."""
    policy = policy or Policy()
    day = today or BusinessClock.from_env().today()
    now = at or datetime.combine(day, time(10, 0), BUSINESS_TZ).astimezone(timezone.utc)
    with transaction(session_factory) as session:
        if session.scalar(select(func.count()).select_from(Case)):
            return 0
        users = {
            user.username: user
            for user in session.scalars(
                select(User).where(User.username.in_([name for name, _, _ in DEMO_USERS]))
            )
        }
        if len(users) < len(DEMO_USERS):
            return 0
        # A run killed while this transaction was open drew ids it never stored: the caseload
        # takes the same ids as a run never stopped (docs/reliability.md, "seed").
        rewind_sequences(session)
        # Filed up to 20 days ago, so each purchase predates its dispute; a few large ones first,
        # for the outcome that needs a supervisor.
        before = now - 20 * D
        large = _purchases(session, before, min_fen=policy.dispute_outcome_approval_over_fen + 1, limit=5)
        purchases = large + _purchases(session, before)
        seeder = _Seeder(
            session=session,
            now=now,
            policy=policy,
            users=users,
            purchases=purchases,
            penalised_on=_penalised_on(session, {p.account_id for p in purchases}, business_date_of(before), day),
        )
        _make_caseload(seeder)
        return int(session.scalar(select(func.count()).select_from(Case)) or 0)


def _make_caseload(s: _Seeder) -> None:
    A = DisputeAction  # noqa: N806
    note = NoteBody(note=None)
    # Disputes, from just filed to resolved.
    s.dispute(2 * H, [])  # new, on track
    s.assign(s.dispute(21 * H, [], reason="not_as_described"), "handler1")  # new, near its acknowledgement
    s.dispute(
        4 * D + 2 * H, [], by="agent2", category="processing_error", reason="duplicate"
    )  # not acknowledged
    s.assign(s.dispute(3 * D, [("handler1", 3 * H, A.ACKNOWLEDGE, note)]), "handler1")
    s.dispute(
        13 * D,
        [("handler1", 5 * H, A.ACKNOWLEDGE, note)],
        category="processing_error",
        reason="amount_differs",
    )
    s.assign(
        s.dispute(17 * D, [("handler1", 20 * H, A.ACKNOWLEDGE, note)], by="agent2"),  # past its decision
        "handler1",
    )
    s.assign(
        s.dispute(
            6 * D,
            [
                ("handler1", 4 * H, A.ACKNOWLEDGE, note),
                ("handler1", 1 * D, A.REQUEST_CUSTOMER_INFO, NoteBody(note="请客户提供收货记录截图。")),
            ],
        ),
        "handler1",
    )
    s.dispute(
        9 * D,
        [
            ("handler1", 2 * H, A.ACKNOWLEDGE, note),
            ("handler1", 2 * D, A.SEND_TO_MERCHANT, NoteBody(note="已向商户发起调单。")),
        ],
        category="authorization",
        reason="cancelled_recurring",
    )  # waiting on the merchant
    s.assign(
        s.dispute(
            7 * D,
            [
                ("handler1", 2 * H, A.ACKNOWLEDGE, note),
                (
                    "handler1",
                    Today(0.4),
                    A.GRANT_PROVISIONAL_CREDIT,
                    ProvisionalCreditBody(amount_fen=None, note="先行入账，等待调查结论。"),
                ),
            ],
            by="agent2",
            category="fraud",
            reason="unauthorized",
        ),
        "handler1",
    )  # provisional credit granted
    s.assign(
        s.dispute(
            20 * D,
            [
                ("handler1", 3 * H, A.ACKNOWLEDGE, note),
                ("handler1", 12 * D, A.EXTEND, ExtendBody(days=15, reason="商户回复需要更多时间。")),
            ],
            by="agent2",
        ),
        "super1",
    )
    s.dispute(
        8 * D,
        [
            ("handler1", 2 * H, A.ACKNOWLEDGE, note),
            (
                "handler1",
                5 * D,
                A.PROPOSE_OUTCOME,
                ProposeOutcomeBody(outcome="won", amount_fen=None, note="商户确认未发货，全额退款。"),
            ),
        ],
        min_fen=s.policy.dispute_outcome_approval_over_fen + 1,
        max_fen=None,
    )  # waits for a supervisor (four eyes)
    s.dispute(
        12 * D,
        [
            ("handler1", 2 * H, A.ACKNOWLEDGE, note),
            (
                "handler1",
                Today(0.5),
                A.PROPOSE_OUTCOME,
                ProposeOutcomeBody(outcome="won", amount_fen=None, note="重复扣款属实。"),
            ),
        ],
        category="processing_error",
        reason="duplicate",
    )  # resolved: won
    s.dispute(
        14 * D,
        [
            ("handler1", 2 * H, A.ACKNOWLEDGE, note),
            (
                "handler1",
                9 * D,
                A.PROPOSE_OUTCOME,
                ProposeOutcomeBody(outcome="lost", amount_fen=None, note="商户提供了签收凭证。"),
            ),
        ],
    )  # resolved: lost
    s.dispute(5 * D, [("handler1", 1 * D, A.WITHDRAW, NoteBody(note="客户已与商户协商解决。"))])  # withdrawn

    # Fraud reports: the first review is due in hours.
    s.fraud_report(1 * H, [], category="lost_device")
    s.fraud_report(3 * H + 30 * timedelta(minutes=1), [], category="unknown_transactions")  # at risk
    s.fraud_report(9 * H, [], category="account_takeover", by="agent1")  # first review missed
    s.assign(s.fraud_report(2 * D, [("handler1", 2 * H, "start_review")], category="scam"), "handler1")
    s.fraud_report(
        6 * D, [("handler1", 1 * H, "start_review")], category="identity_theft"
    )  # decision at risk
    s.fraud_report(
        4 * D,
        [("handler1", 1 * H, "start_review"), ("super1", Today(0.6), "confirm")],
        category="unknown_transactions",
    )
    s.fraud_report(
        10 * D,
        [("handler1", 1 * H, "start_review"), ("handler1", 2 * D, "not_fraud"), ("handler1", 3 * D, "close")],
        category="lost_device",
    )  # closed

    # Arrangements beyond an agent's authority, waiting in the approvals queue: hardship plans
    # longer than 12 months, and penalty waivers over ¥50 sized to what the bill owes.
    overdue = _overdue_accounts(s.session)
    s.arrangement(3 * H, lambda a: [_hardship(a, 24, "客户失业，收入中断。")], overdue)
    s.arrangement(4 * D, lambda a: [_hardship(a, 18, "家人住院。")], overdue, by="agent2")  # past its day
    bills = latest_bills(session=s.session, account_ids=[a.id for a in overdue])
    waivable = [
        a
        for a in overdue
        if a.id in bills and bills[a.id].open_interest_fen > s.policy.fee_waiver_agent_limit_fen
    ]
    s.assign(
        s.arrangement(
            5 * H,
            lambda a: [
                FeeWaiverProposal(
                    type="fee_waiver",
                    account_id=a.id,
                    amount_fen=min(bills[a.id].open_interest_fen, 30_000),
                    component="penalty_interest",
                    reason="系统故障导致还款失败。",
                )
            ],
            waivable,
            by="super2",
        ),
        "super1",
    )
    s.arrangement(2 * H, lambda a: [_hardship(a, 36, "经营困难，申请长期分期。")], overdue, by="agent2")


def _hardship(account: Account, months: int, note: str) -> HardshipPlanProposal:
    return HardshipPlanProposal(type="hardship_plan", account_id=account.id, months=months, note=note)
