"""Drive the billing engine on an in-memory account, day by day, as the tests need it."""

from __future__ import annotations

from datetime import date, timedelta

from backend.billing import engine, rules
from backend.billing.book import Book, BookAccount, BookPeriod, BookPlan, bill_from_draft
from backend.billing.engine import Posting


class Ledger:
    """One account, its bills and plans, with the engine run on each day that passes."""

    def __init__(self, start: date, *, due_day: int = 10, limit_fen: int = 5_000_000,
                 product: str = "credit_line") -> None:
        self.book = Book(BookAccount(product, due_day, limit_fen))
        self.day = start  # the business day now open

    @property
    def account(self) -> BookAccount:
        return self.book.account

    @property
    def bill(self):  # type: ignore[no-untyped-def]
        return self.book.latest_bill

    def charge(self, type_: str, amount_fen: int, description: str = "") -> Posting:
        posting = Posting(type_, amount_fen, self.day, description or type_)
        engine.post(self.account, posting)
        self.book.postings.append(posting)
        self.book.cycle.append(posting)
        return posting

    def purchase(self, amount_fen: int) -> Posting:
        return self.charge("purchase", amount_fen)

    def repay(self, amount_fen: int) -> None:
        engine.apply_repayment(self.account, self.bill, self.book.plans, amount_fen, self.day)
        posting = Posting("repayment", -amount_fen, self.day, "repayment")
        self.book.postings.append(posting)
        self.book.cycle.append(posting)

    def convert(self, purchase: Posting, terms: int) -> BookPlan:
        first_due = rules.due_date_for(rules.first_of_next_month(self.day), self.account.due_day)
        schedule = rules.installment_schedule(purchase.amount_fen, terms, first_due)
        plan = BookPlan("transaction_installment", purchase.amount_fen, sum(p.fee_fen for p in schedule),
                        terms, [BookPeriod(p.period, p.due_date, p.principal_fen, p.fee_fen) for p in schedule],
                        self.day)
        self.book.plans.append(plan)
        self.charge("installment_conversion", -purchase.amount_fen)
        return plan

    def close_day(self) -> None:
        """End of day for the open day, then open the next one."""
        result = engine.end_of_day(self.account, self.bill, self.book.plans, self.day, lambda: self.book.cycle)
        self.book.postings.extend(result.postings)
        if result.statement is not None:
            self.book.bills.append(bill_from_draft(result.statement))
            self.book.cycle = []
        self.day += timedelta(days=1)

    def run_until(self, day: date) -> None:
        """Close days until `day` is the open business day."""
        while self.day < day:
            self.close_day()

    def used_fen(self) -> int:
        return self.book.used_fen
