"""Deterministic demo data, made by running the real billing engine over generated activity.

Each customer is simulated day by day for `months` months up to yesterday: purchases,
refunds, installment conversions, cash loans and repayments in a pattern (in full,
minimum, partial, none) picked by the customer's profile; the engine's end of day judges
due dates, accrues interest and penalties and cuts the statements. The result is stored
in bulk. So bills, balances and delinquency are consistent with the rules by construction.

The profiles are dealt so that the first customers cover every case an agent meets
(current, revolving, M1–M4+, installments, cash loans, frozen), and the rest follow a mix.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account, Transaction
from backend.billing import engine, rules
from backend.billing.book import Book, BookAccount, BookPeriod, BookPlan, bill_from_draft
from backend.billing.engine import Posting
from backend.billing.ledger import PREVIOUS_BALANCE_DESCRIPTION
from backend.billing.models import Bill, BillLine
from backend.clock import BUSINESS_TZ, BusinessClock
from backend.common.bulk import bulk_insert
from backend.customers.models import Customer
from backend.installments.models import InstallmentPeriod, InstallmentPlan
from backend.seed.people import person

MERCHANTS = (
    "云杉超市", "青柠外卖", "快马出行", "星河影城", "禾木生鲜", "蓝鲸数码", "小满咖啡", "山海书店",
    "橙子便利店", "北斗加油站", "知了教育", "暖阳药房", "乐途旅行", "白鹭服饰", "竹影家居", "木棉美妆",
)
BIG_MERCHANTS = ("蓝鲸数码", "竹影家居", "乐途旅行", "知了教育", "白鹭服饰")

# Delinquency targets: days past due wanted today, by profile.
DPD_RANGES = {"M1": (3, 30), "M2": (31, 60), "M3": (61, 90), "M4+": (91, 400)}
# The first customers, in order, so every case is there even in a small seed.
LEADING_PROFILES = (
    ("M1", True, True),  # overdue, with installments and a cash loan: the screenshot customer
    ("transactor", False, False),
    ("revolver", True, False),
    ("M2", False, True),
    ("M3", True, False),
    ("M4+", False, False),
    ("transactor", True, True),
    ("revolver", False, True),
    ("cured", True, False),
    ("frozen", False, False),
    ("dormant", False, False),
)
PROFILE_WEIGHTS = (
    ("transactor", 42), ("revolver", 30), ("cured", 7), ("dormant", 5),
    ("M1", 6), ("M2", 3), ("M3", 2), ("M4+", 3), ("frozen", 2),
)


@dataclass(frozen=True)
class Profile:
    kind: str
    installments: bool
    cash_loan: bool


def profile_for(index: int, rng: random.Random) -> Profile:
    if index < len(LEADING_PROFILES):
        return Profile(*LEADING_PROFILES[index])
    kinds, weights = zip(*PROFILE_WEIGHTS, strict=True)
    kind = rng.choices(kinds, weights)[0]
    return Profile(kind, rng.random() < 0.3, rng.random() < 0.25)


def _at(day: date, rng: random.Random, first_hour: int = 8, last_hour: int = 22) -> datetime:
    moment = time(rng.randint(first_hour, last_hour), rng.randrange(60), rng.randrange(60))
    return datetime.combine(day, moment, BUSINESS_TZ).astimezone(timezone.utc)


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 30), BUSINESS_TZ).astimezone(timezone.utc)


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(0), BUSINESS_TZ).astimezone(timezone.utc)


class AccountSimulation:
    """Runs one account through the engine, day by day, with a payer's habits."""

    def __init__(self, book: Book, rng: random.Random, payer: str, miss_from: date | None,
                 cure_due: date | None = None) -> None:
        self.book = book
        self.rng = rng
        self.payer = payer  # "transactor" pays in full, "revolver" the minimum or a part
        self.miss_from = miss_from  # from this due date on, nothing (or a token) is paid
        self.cure_due = cure_due  # this due date is missed, then caught up twelve days later
        self.payments: dict[date, list[Callable[[date], None]]] = {}

    # -- bookkeeping ---------------------------------------------------------------------
    def _record(self, posting: Posting, posted_at: datetime) -> None:
        posting.posted_at = posted_at
        self.book.postings.append(posting)
        self.book.cycle.append(posting)

    def charge(self, posting: Posting, posted_at: datetime) -> None:
        engine.post(self.book.account, posting)
        self._record(posting, posted_at)

    def repay(self, day: date, amount_fen: int) -> None:
        if amount_fen <= 0:
            return
        acct = self.book.account
        engine.apply_repayment(acct, self.book.latest_bill, self.book.plans, amount_fen, day)
        self._record(Posting("repayment", -amount_fen, day, "Repayment, thank you",
                             description_code="repayment"), _at(day, self.rng, 9, 21))

    # -- habits --------------------------------------------------------------------------
    def schedule_payment(self, bill_due: date) -> None:
        missing = self.miss_from is not None and bill_due >= self.miss_from
        if missing:
            if self.rng.random() < 0.35:  # a token payment, still under the minimum
                self.payments.setdefault(bill_due - timedelta(days=self.rng.randint(0, 5)), []).append(
                    lambda day: self._pay_fraction_of_minimum(day, 0.3))
            return
        if self.cure_due is not None and bill_due == self.cure_due:
            # Misses this due date, then catches up twelve days later.
            self.payments.setdefault(bill_due + timedelta(days=12), []).append(self._pay_in_full)
            return
        pay_day = bill_due - timedelta(days=self.rng.randint(0, 6))
        if self.payer == "transactor":
            self.payments.setdefault(pay_day, []).append(self._pay_in_full)
        elif self.payer == "revolver":
            self.payments.setdefault(pay_day, []).append(self._pay_revolving)

    def _pay_in_full(self, day: date) -> None:
        bill = self.book.latest_bill
        if bill is not None:
            self.repay(day, engine.bill_outstanding_fen(bill))

    def _pay_revolving(self, day: date) -> None:
        bill = self.book.latest_bill
        if bill is None:
            return
        owed_min = max(0, bill.minimum_payment_fen - bill.paid_fen)
        outstanding = engine.bill_outstanding_fen(bill)
        if self.rng.random() < 0.4:
            amount = owed_min
        else:
            amount = owed_min + int((outstanding - owed_min) * self.rng.random() * 0.8)
        self.repay(day, min(amount, outstanding))

    def _pay_fraction_of_minimum(self, day: date, fraction: float) -> None:
        bill = self.book.latest_bill
        if bill is not None:
            self.repay(day, int(max(0, bill.minimum_payment_fen - bill.paid_fen) * fraction))

    def _cycle(self) -> list[Posting]:
        return self.book.cycle

    # -- the day loop --------------------------------------------------------------------
    def run_day(self, day: date, activity: Callable[[date], None] | None) -> None:
        if activity is not None:
            activity(day)
        for pay in self.payments.pop(day, ()):
            pay(day)
        book = self.book
        result = engine.end_of_day(book.account, book.bills[-1] if book.bills else None, book.plans, day,
                                   self._cycle)
        for posting in result.postings:
            posting.posted_at = _end_of(day)
            self.book.postings.append(posting)
        if result.statement is not None:
            bill = bill_from_draft(result.statement)
            book.bills.append(bill)
            book.cycle = []
            self.schedule_payment(bill.due_date)


class CreditLineActivity:
    """Purchases, refunds and installment conversions on a credit line."""

    def __init__(self, sim: AccountSimulation, profile: Profile, spend_until: date) -> None:
        self.sim = sim
        self.rng = sim.rng
        self.installments = profile.installments
        self.spend_until = spend_until
        self.daily_p = 0.03 if profile.kind == "dormant" else self.rng.uniform(0.12, 0.4)
        self.refundable: list[Posting] = []

    def __call__(self, day: date) -> None:
        rng = self.rng
        sim = self.sim
        acct = sim.book.account
        if rng.random() > self.daily_p or day >= self.spend_until or acct.status != "active":
            return
        big = rng.random() < 0.08
        amount = rng.randint(60_000, 800_000) if big else int(rng.lognormvariate(8.6, 0.9))
        amount = max(500, min(amount, 1_500_000))
        if sim.book.used_fen + amount > acct.credit_limit_fen:
            return
        merchant = rng.choice(BIG_MERCHANTS if big else MERCHANTS)
        purchase = Posting("purchase", amount, day, f"{merchant} 消费", merchant=merchant,
                           description_code="purchase", description_params={"merchant": merchant})
        sim.charge(purchase, _at(day, rng))
        if big and self.installments and rng.random() < 0.6:
            self.convert(purchase, day)
        elif rng.random() < 0.04:
            refund_amount = amount if rng.random() < 0.6 else amount // 2
            refund = Posting("refund", -refund_amount, day, f"{merchant} 退款", merchant=merchant,
                             description_code="refund", description_params={"merchant": merchant})
            sim.charge(refund, _at(day, rng, 22, 23))

    def convert(self, purchase: Posting, day: date) -> None:
        sim = self.sim
        terms = self.rng.choice(sorted(rules.INSTALLMENT_FEE_BP))
        first_due = rules.due_date_for(rules.first_of_next_month(day), sim.book.account.due_day)
        schedule = rules.installment_schedule(purchase.amount_fen, terms, first_due)
        plan = BookPlan(
            kind="transaction_installment",
            principal_fen=purchase.amount_fen,
            fee_fen=sum(p.fee_fen for p in schedule),
            terms=terms,
            periods=[BookPeriod(p.period, p.due_date, p.principal_fen, p.fee_fen) for p in schedule],
            created_on=day,
            description=f"{purchase.merchant} {terms}期",
            source=purchase,
        )
        sim.book.plans.append(plan)
        conversion = Posting("installment_conversion", -purchase.amount_fen, day,
                             f"转分期 {terms}期", merchant=purchase.merchant, plan=plan,
                             description_code="installment_conversion",
                             description_params={"plan_kind": plan.kind, "terms": terms,
                                                 "merchant": purchase.merchant})
        sim.charge(conversion, _at(day, self.rng, 23, 23))


def _miss_from(kind: str, rng: random.Random, due_day: int, opened: date, today: date) -> date | None:
    """The first due date a delinquent customer misses, chosen so today's dpd hits the bucket."""
    if kind not in DPD_RANGES:
        return None
    lo, hi = DPD_RANGES[kind]
    candidates: list[date] = []
    month = rules.add_months(opened.replace(day=1), 1, 1)
    while month <= today:
        due = rules.due_date_for(month, due_day)
        if lo <= (today - due).days <= hi:
            candidates.append(due)
        month = rules.add_months(month, 1, 1)
    if not candidates:  # history too short for this bucket: miss the first due date there is
        first_due = rules.due_date_for(rules.add_months(opened.replace(day=1), 1, 1), due_day)
        return first_due if first_due < today else None
    return rng.choice(candidates)


@dataclass
class CustomerHistory:
    index: int
    fields: dict[str, Any]
    flags: list[str]
    opened: date
    accounts: list[Book]


def simulate_customer(index: int, seed: int, start: date, today: date) -> CustomerHistory:
    rng = random.Random(f"creditdesk:{seed}:{index}")
    fields = person(rng, index, seed)
    profile = profile_for(index, rng)
    opened = start + timedelta(days=rng.randrange(0, 20))
    kind = profile.kind
    payer = kind if kind in ("transactor", "revolver") else rng.choice(("transactor", "revolver"))
    flags: list[str] = []

    due_day = rng.choice(rules.CREDIT_LINE_DUE_DAYS)
    limit = rng.choice((500_00, 2_000_00, 5_000_00, 8_000_00, 12_000_00, 20_000_00, 30_000_00, 50_000_00))
    line = BookAccount("credit_line", due_day, limit)
    miss_from = _miss_from(kind, rng, due_day, opened, today)
    cure_due = None
    if kind == "cured":
        due_dates = [rules.due_date_for(rules.add_months(opened.replace(day=1), m, 1), due_day)
                     for m in range(1, 13)]
        past = [d for d in due_dates if d + timedelta(days=14) < today]
        cure_due = rng.choice(past) if past else None
    line_book = Book(line)
    line_sim = AccountSimulation(line_book, rng, payer, miss_from, cure_due)
    spend_until = miss_from + timedelta(days=25) if miss_from else today
    activity = CreditLineActivity(line_sim, profile, spend_until)
    accounts: list[tuple[Book, AccountSimulation, Callable[[date], None] | None, date]] = [
        (line_book, line_sim, activity, opened)
    ]

    if profile.cash_loan:
        loan_day = opened + timedelta(days=rng.randrange(0, max(1, (today - opened).days - 40)))
        loan_day = min(loan_day, today - timedelta(days=1))
        principal = rng.choice((5_000_00, 10_000_00, 20_000_00, 30_000_00, 50_000_00))
        terms = rng.choice(rules.CASH_LOAN_TERMS)
        rate = rng.choice((150, 200, 250, 300, 350, 400, 500, 600))
        loan = BookAccount("cash_loan", rules.CASH_LOAN_DUE_DAY, principal, daily_rate_ppm=rate)
        loan_book = Book(loan)
        loan_miss = miss_from if miss_from is not None and miss_from > loan_day else None
        loan_sim = AccountSimulation(loan_book, rng, "transactor", loan_miss)

        def disburse(day: date, loan_day: date = loan_day) -> None:
            if day != loan_day:
                return
            first_due = rules.due_date_for(rules.first_of_next_month(day), rules.CASH_LOAN_DUE_DAY)
            schedule = rules.cash_loan_schedule(principal, terms, rate, first_due)
            plan = BookPlan("cash_loan", principal, sum(p.fee_fen for p in schedule), terms,
                            [BookPeriod(p.period, p.due_date, p.principal_fen, p.fee_fen) for p in schedule],
                            day, f"借呗 {terms}个月", daily_rate_ppm=rate)
            loan_book.plans.append(plan)
            loan_sim.charge(Posting("loan_disbursement", principal, day, "借呗放款",
                                    description_code="loan_disbursement"), _at(day, rng))
            loan_sim.charge(Posting("installment_conversion", -principal, day, f"借呗 {terms}期", plan=plan,
                                    description_code="installment_conversion",
                                    description_params={"plan_kind": "cash_loan", "terms": terms}),
                            _at(day, rng, 23, 23))

        accounts.append((loan_book, loan_sim, disburse, loan_day))

    for _book, sim, act, first_day in accounts:
        day = first_day
        while day < today:
            sim.run_day(day, act)
            day += timedelta(days=1)

    if kind == "frozen":
        line.status = "frozen"
        flags.append("fraud_hold")
    if kind in ("M3", "M4+") and rng.random() < 0.5:
        flags.append("collections_contacted")
    if rng.random() < 0.03:
        flags.append("vulnerable_customer")
    return CustomerHistory(index, fields, flags, opened, [book for book, _sim, _act, _d in accounts])


# -- storing ------------------------------------------------------------------------------

class IdAllocator:
    """Hands out primary keys in bulk so rows can reference each other before insert."""

    def __init__(self, session: Session) -> None:
        self.next: dict[Any, int] = {}
        for model in (Customer, Account, Transaction, Bill, BillLine, InstallmentPlan, InstallmentPeriod):
            current = session.execute(select(func.max(model.id))).scalar() or 0
            self.next[model] = current + 1

    def take(self, model: Any) -> int:
        value = self.next[model]
        self.next[model] = value + 1
        return value


def _account_number(product: str, account_id: int) -> str:
    return f"{'HB' if product == 'credit_line' else 'JB'}{account_id:010d}"


def rows_for(history: CustomerHistory, ids: IdAllocator, today: date) -> dict[Any, list[dict[str, Any]]]:
    rows: dict[Any, list[dict[str, Any]]] = {m: [] for m in ids.next}
    customer_id = ids.take(Customer)
    rows[Customer].append({"id": customer_id, **history.fields, "flags": history.flags,
                           "created_at": _start_of(history.opened)})
    for book in history.accounts:
        acct = book.account
        account_id = ids.take(Account)
        rows[Account].append({
            "id": account_id, "customer_id": customer_id,
            "account_number": _account_number(acct.product, account_id),
            "product": acct.product, "status": acct.status, "credit_limit_fen": acct.credit_limit_fen,
            "due_day": acct.due_day, "daily_rate_ppm": acct.daily_rate_ppm, "opened_on": history.opened,
            "balance_fen": acct.balance_fen, "credit_balance_fen": acct.credit_balance_fen,
            "past_due_fen": acct.past_due_fen, "overdue_since": acct.overdue_since,
            "accrued_interest_ufen": acct.accrued_interest_ufen,
            "accrued_penalty_ufen": acct.accrued_penalty_ufen, "disputed_fen": acct.disputed_fen,
            "penalty_suspended": acct.penalty_suspended, "eod_through": today - timedelta(days=1),
        })
        plan_ids: dict[int, int] = {}
        for plan in book.plans:
            plan_id = ids.take(InstallmentPlan)
            plan_ids[id(plan)] = plan_id
            plan.id = plan_id
        txn_ids: dict[int, int] = {}
        for posting in book.postings:
            txn_id = ids.take(Transaction)
            txn_ids[id(posting)] = txn_id
            rows[Transaction].append({
                "id": txn_id, "account_id": account_id, "customer_id": customer_id, "type": posting.type,
                "amount_fen": posting.amount_fen, "posted_at": posting.posted_at,
                "business_date": posting.business_date, "merchant": posting.merchant,
                "description": posting.description,
                "description_code": posting.description_code,
                "description_params": posting.wording_params(),
                "plan_id": plan_ids.get(id(posting.plan)) if posting.plan is not None else None,
            })
        for plan in book.plans:
            rows[InstallmentPlan].append({
                "id": plan.id, "account_id": account_id, "customer_id": customer_id, "kind": plan.kind,
                "principal_fen": plan.principal_fen, "fee_fen": plan.fee_fen, "terms": plan.terms,
                "status": plan.status, "daily_rate_ppm": plan.daily_rate_ppm,
                "source_transaction_id": txn_ids.get(id(plan.source)) if plan.source is not None else None,
                "description": plan.description, "created_at": _start_of(plan.created_on),
            })
            for period in plan.periods:
                rows[InstallmentPeriod].append({
                    "id": ids.take(InstallmentPeriod), "plan_id": plan.id, "account_id": account_id,
                    "customer_id": customer_id, "period": period.period, "due_date": period.due_date,
                    "principal_fen": period.principal_fen, "fee_fen": period.fee_fen,
                    "paid_fen": period.paid_fen, "status": period.status,
                })
        for bill in book.bills:
            bill_id = ids.take(Bill)
            rows[Bill].append({
                "id": bill_id, "account_id": account_id, "customer_id": customer_id,
                "statement_date": bill.statement_date, "due_date": bill.due_date,
                "cycle_start": bill.cycle_start, "previous_balance_fen": bill.previous_balance_fen,
                "carried_fen": bill.carried_fen, "total_fen": bill.total_fen,
                "minimum_payment_fen": bill.minimum_payment_fen, "paid_fen": bill.paid_fen,
                "status": bill.status, "due_evaluated": bill.due_evaluated,
                "open_interest_fen": bill.open_interest_fen, "open_fees_fen": bill.open_fees_fen,
                "open_installments_fen": bill.open_installments_fen,
                "open_principal_fen": bill.open_principal_fen,
                "minimum_fixed_fen": bill.minimum_fixed_fen, "minimum_base_fen": bill.minimum_base_fen,
                "disputed_fen": bill.disputed_fen,
                "carried_interest_fen": bill.carried_interest_fen, "carried_fees_fen": bill.carried_fees_fen,
                "carried_installments_fen": bill.carried_installments_fen,
                "carried_principal_fen": bill.carried_principal_fen,
            })
            for line_no, (item, amount) in enumerate(bill.lines, start=1):
                line: dict[str, Any]
                if item is None:
                    line = {"transaction_id": None, "type": "previous_balance",
                            "description": PREVIOUS_BALANCE_DESCRIPTION, "description_code": "previous_balance",
                            "description_params": None,
                            "posted_at": _start_of(bill.cycle_start or bill.statement_date)}
                else:
                    line = {"transaction_id": txn_ids[id(item)], "type": item.type,
                            "description": item.description, "description_code": item.description_code,
                            "description_params": item.wording_params(), "posted_at": item.posted_at}
                rows[BillLine].append({"id": ids.take(BillLine), "bill_id": bill_id,
                                       "customer_id": customer_id, "line_no": line_no,
                                       "amount_fen": amount, **line})
    return rows


INSERT_ORDER = (Customer, Account, InstallmentPlan, InstallmentPeriod, Transaction, Bill, BillLine)


def simulate_batch(args: tuple[int, int, int, date, date]) -> list[CustomerHistory]:
    """Customers first_index … first_index + count − 1 (a unit of work for a process pool)."""
    first_index, count, seed, start, today = args
    return [simulate_customer(index, seed, start, today) for index in range(first_index, first_index + count)]


def _batches(first_index: int, customers: int, batch_size: int, seed: int, start: date, today: date
             ) -> list[tuple[int, int, int, date, date]]:
    return [
        (first_index + offset, min(batch_size, customers - offset), seed, start, today)
        for offset in range(0, customers, batch_size)
    ]


def seed_demo(
    session_factory: sessionmaker[Session],
    *,
    customers: int,
    seed: int = 1,
    months: int = 12,
    today: date | None = None,
    batch_size: int = 500,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Make the book hold `customers` customers with `months` months of history up to yesterday.

    Deterministic for a given seed and business date (each customer has its own random
    stream, so the number of worker processes does not change the data). Simulation runs in
    `workers` processes (default: the CPU count, for large seeds) while this process stores
    the batches in order, each batch (with the PostgreSQL id sequences moved past it) in one
    transaction. Resumable: customers already stored are not made again, so a run stopped at
    any point and run again with the same arguments finishes the same book as one that was
    never stopped. Returns the number of customers written by this run.
    """
    today = today or BusinessClock.from_env().today()
    start = rules.add_months(today.replace(day=1), -months, 1)
    with session_factory() as session:
        first_index = session.execute(select(func.count(Customer.id))).scalar() or 0
    batches = _batches(first_index, max(0, customers - first_index), batch_size, seed, start, today)
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if customers * max(months, 1) >= 6000 else 1
    written = 0
    with contextlib.ExitStack() as stack:
        if workers > 1:
            pool = stack.enter_context(
                ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(_start_method()),
                                    initializer=_die_with_parent, initargs=(os.getpid(),))
            )
            results: Iterator[list[CustomerHistory]] = pool.map(simulate_batch, batches)
        else:
            results = map(simulate_batch, batches)
        for batch_histories in results:
            _store(session_factory, batch_histories, today)
            written += len(batch_histories)
            if progress is not None:
                progress(written)
    with session_factory() as session:
        _advance_sequences(session)
        session.commit()
    return written


def _die_with_parent(parent_pid: int) -> None:
    """A worker's initializer: end when the seeding process ends, however it ends (killed too),
    instead of simulating the batches nobody will store. Linux: the kernel signals it
    (PR_SET_PDEATHSIG); elsewhere a watchdog thread notices the parent has gone."""
    import signal

    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        if libc.prctl(pr_set_pdeathsig, signal.SIGKILL) == 0 and os.getppid() == parent_pid:
            return

    def watch() -> None:
        import time as _time

        while os.getppid() == parent_pid:
            _time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _start_method() -> str:
    """"fork" (fast: the workers share the parent's imports) from a single-threaded process, as in
    `python -m backend seed`; "spawn" when other threads run (the console seeds its embedded
    backend from a pool thread beside Qt's threads), where forking could copy a held lock."""
    return "fork" if threading.active_count() == 1 else "spawn"


def _store(session_factory: sessionmaker[Session], batch_histories: list[CustomerHistory], today: date) -> None:
    with session_factory() as session:
        ids = IdAllocator(session)
        batch: dict[Any, list[dict[str, Any]]] = {m: [] for m in INSERT_ORDER}
        for history in batch_histories:
            for model, rows in rows_for(history, ids, today).items():
                batch[model].extend(rows)
        for model in INSERT_ORDER:
            bulk_insert(session, model.__table__, batch[model])  # type: ignore[arg-type]
        _advance_sequences(session)  # in the batch's transaction: right whenever the run stops
        session.commit()


def _advance_sequences(session: Session) -> None:
    """Ids were given explicitly; on PostgreSQL move each table's sequence past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for model in INSERT_ORDER:
        table = model.__table__.name  # type: ignore[attr-defined]
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        ))


# A column's id sequence, for a row of information_schema.columns. Schema-qualified: PostgreSQL
# may evaluate it before the schema filter, on every schema's columns (information_schema's own
# too), and an unqualified name outside the search path is "relation does not exist".
SERIAL_SEQUENCE_OF_COLUMN = (
    "pg_get_serial_sequence(quote_ident(table_schema) || '.' || quote_ident(table_name), column_name)"
)


def rewind_sequences(session: Session) -> None:
    """On PostgreSQL, set every table's id sequence to follow the largest id stored.

    A transaction killed before its commit leaves nothing behind but the ids it drew (a rollback
    does not give sequence values back), so a step run again after the kill would number its rows
    after the lost ones and the book would differ from a run never stopped. A step that numbers
    its rows through the sequences calls this first, in its own transaction, with nothing else
    writing (the seed runs before the server serves)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    columns = session.execute(text(
        "SELECT table_name, column_name FROM information_schema.columns "
        f"WHERE table_schema = current_schema() AND {SERIAL_SEQUENCE_OF_COLUMN} IS NOT NULL "
        "ORDER BY table_name, column_name"
    )).all()
    for table, column in columns:
        session.execute(text(
            f'SELECT setval(pg_get_serial_sequence(:table, :column), '
            f'COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)'
        ), {"table": f'"{table}"', "column": column})
