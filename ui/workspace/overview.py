"""The Overview tab: each account (credit line first) with its figures and its current bill."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.formatting import format_date, format_fen, format_ppm
from console.models import AccountOverview, BillSummary, CustomerProfile
from ui.widgets import Chip, MoneyLabel
from ui.widgets.chips import product_text
from ui.workspace.header import set_role, sorted_accounts


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "caption")
    return label


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FigureGrid(QGridLayout):
    """Captions on the left, values right-aligned in a column of their own, so the amounts'
    decimal points line up and the eye runs down them."""

    VALUE_WIDTH = 130

    def __init__(self, heading: str | None = None) -> None:
        super().__init__()
        self.setHorizontalSpacing(16)
        self.setVerticalSpacing(4)
        self.setColumnMinimumWidth(1, self.VALUE_WIDTH)
        self.setColumnStretch(2, 1)
        if heading:
            title = QLabel(heading)
            font = QFont(title.font())
            font.setWeight(QFont.Weight.DemiBold)
            title.setFont(font)
            self.addWidget(title, 0, 0, 1, 2)

    def addRow(self, caption: QLabel, value: QWidget) -> None:  # noqa: N802 — QFormLayout's name
        row = self.rowCount()
        self.addWidget(caption, row, 0)
        self.addWidget(value, row, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _form(heading: str | None = None) -> FigureGrid:
    return FigureGrid(heading)


def is_paid_off(account: AccountOverview, profile: CustomerProfile) -> bool:
    """A cash loan that owes nothing and has no plan left to bill: paid off (its last bill, of
    some month past, is no longer its current one)."""
    if account.product != "cash_loan" or account.balance_fen > 0 or account.past_due_fen > 0:
        return False
    return not any(plan.status == "active" for plan in profile.plans_of(account.id))


class AccountCard(QGroupBox):
    """One account: status and bucket, limit / used / available, what is due; its current bill.

    The values are exposed by name in `figures` (the shown text) for tests and screen readers.
    """

    def __init__(self, account: AccountOverview, profile: CustomerProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account_id = account.id
        self.figures: dict[str, QLabel] = {}
        self.bill_heading = ""  # "Current bill", or "Last bill" for a paid-off loan
        self.setTitle(f"{product_text(account.product)} · {account.account_number}")
        layout = QVBoxLayout(self)

        chips = QHBoxLayout()
        chips.setSpacing(6)
        chips.addWidget(Chip.account_status(account.status))
        chips.addWidget(Chip.bucket(account.delinquency_bucket))
        if account.daily_rate_ppm is not None:
            rate = _caption(self.tr("Daily rate %1").replace("%1", format_ppm(account.daily_rate_ppm, per="")))
            chips.addWidget(rate)
        chips.addStretch(1)
        chips.addWidget(_caption(self.tr("Opened %1").replace("%1", format_date(account.opened_on))))
        layout.addLayout(chips)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        account_form = _form(self.tr("Account"))
        loan = account.product == "cash_loan"
        self._money(account_form, "credit_limit", self.tr("Loan limit") if loan else self.tr("Credit limit"),
                    account.credit_limit_fen)
        self._money(account_form, "used", self.tr("Used"), account.used_fen)
        self._money(account_form, "available", self.tr("Available"), account.available_fen)
        self._money(account_form, "balance", self.tr("Balance"), account.balance_fen)
        self._money(account_form, "past_due", self.tr("Past due"), account.past_due_fen,
                    emphasis="danger" if account.past_due_fen > 0 else "")
        dpd = self._text(account_form, "days_past_due", self.tr("Days past due"), str(account.days_past_due))
        if account.days_past_due > 0:
            set_role(dpd, "error")
        self._text(account_form, "next_due_date", self.tr("Next due date"),
                   format_date(account.next_due_date) if account.next_due_date else "—")
        self._money(account_form, "next_due", self.tr("Next due amount"), account.next_due_fen,
                    emphasis="due" if account.next_due_fen > 0 else "")
        columns.addLayout(account_form, 1)

        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        columns.addWidget(separator)

        bill = account.current_bill or profile.current_bill_of(account.id)
        if bill is None:
            bill_box = _form(self.tr("Current bill"))
            self.bill_heading = self.tr("Current bill")
            bill_box.addWidget(QLabel(self.tr("No bill yet: the first statement is cut on the 1st.")), 1, 0, 1, 3)
        elif is_paid_off(account, profile):
            # Nothing owed and nothing left to bill: the latest bill is history, not "current".
            bill_box = self._bill_form(bill, self.tr("Last bill"))
            paid_off = QLabel(self.tr("The loan is paid off: nothing more is billed."))
            paid_off.setWordWrap(True)
            self.figures["paid_off"] = paid_off
            bill_box.addWidget(paid_off, bill_box.rowCount(), 0, 1, 3)
        else:
            bill_box = self._bill_form(bill)
        bill_box.setRowStretch(bill_box.rowCount(), 1)
        account_form.setRowStretch(account_form.rowCount(), 1)
        columns.addLayout(bill_box, 1)
        layout.addLayout(columns)

        plans = [p for p in profile.plans_of(account.id) if p.status == "active"]
        if plans and not loan:
            left = sum(p.remaining_principal_fen for p in plans)
            summary = _caption(
                self.tr("Active installment plans: %1 · principal still to bill or pay: %2")
                .replace("%1", str(len(plans))).replace("%2", format_fen(left))
            )
            layout.addWidget(summary)

    def _bill_form(self, bill: BillSummary, heading: str | None = None) -> FigureGrid:
        form = _form(heading or self.tr("Current bill"))
        self.bill_heading = heading or self.tr("Current bill")
        self._text(form, "bill_statement_date", self.tr("Statement date"), format_date(bill.statement_date))
        self._text(form, "bill_due_date", self.tr("Due date"), format_date(bill.due_date))
        self._money(form, "bill_total", self.tr("Total"), bill.total_fen)
        self._money(form, "bill_minimum", self.tr("Minimum payment"), bill.minimum_payment_fen)
        self._money(form, "bill_paid", self.tr("Paid"), bill.paid_fen)
        self._money(form, "bill_outstanding", self.tr("Outstanding"), bill.outstanding_fen,
                    emphasis="danger" if bill.status == "overdue" and bill.outstanding_fen > 0 else "")
        chip = Chip.bill_status(bill.status)
        self.figures["bill_status"] = chip
        form.addRow(_caption(self.tr("Status")), chip)
        return form

    def _money(self, form: FigureGrid, name: str, caption: str, fen: int, *, emphasis: str = "") -> MoneyLabel:
        label = MoneyLabel(fen, emphasis=emphasis)
        self.figures[name] = label
        form.addRow(_caption(caption), label)
        return label

    def _text(self, form: FigureGrid, name: str, caption: str, text: str) -> QLabel:
        label = _value(text)
        self.figures[name] = label
        form.addRow(_caption(caption), label)
        return label


class OverviewTab(QScrollArea):
    """All the customer's accounts, the credit line first: what an agent needs on every call."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._layout.setSpacing(10)
        self._layout.addStretch(1)
        self.setWidget(self._body)
        self.cards: list[AccountCard] = []
        self._empty: AccountCardPlaceholder | None = None

    def show_profile(self, profile: CustomerProfile) -> None:
        """Show the customer's accounts at once (see `fill_steps` for the same, turn by turn)."""
        for step in self.fill_steps(profile):
            step()

    def fill_steps(self, profile: CustomerProfile) -> list[Callable[[], None]]:
        """The steps that show the customer's accounts: clear, then one step per account card,
        so that a caller can run each in its own event-loop turn (`ui.turns.TurnByTurn`)."""
        accounts = sorted_accounts(profile)
        steps: list[Callable[[], None]] = [lambda: self._clear(has_accounts=bool(accounts))]
        steps += [lambda a=account: self._add_card(a, profile) for account in accounts]  # type: ignore[misc]
        return steps

    def _clear(self, *, has_accounts: bool) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        if self._empty is not None:
            self._empty.setParent(None)
            self._empty.deleteLater()
            self._empty = None
        if not has_accounts:
            self._empty = AccountCardPlaceholder(self.tr("This customer has no accounts."))
            self._layout.insertWidget(0, self._empty)

    def _add_card(self, account: AccountOverview, profile: CustomerProfile) -> None:
        card = AccountCard(account, profile)
        self._layout.insertWidget(len(self.cards), card)
        self.cards.append(card)

    def card_for(self, account_id: int) -> AccountCard | None:
        return next((card for card in self.cards if card.account_id == account_id), None)


class AccountCardPlaceholder(QLabel):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setProperty("role", "secondary")
