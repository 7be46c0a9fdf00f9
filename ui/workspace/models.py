"""Table models of the customer workspace, on the console's table kit (`ui.widgets.table_model`).

`TransactionsModel` pages through the API's cursor (`ui.widgets.paged_model`): one page at a
time, on a background task, so an account with 100,000 transactions opens as fast as one with ten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
)
from PySide6.QtGui import QBrush

from ui.widgets import chips
from ui.widgets.paged_model import CursorPagedModel
from ui.widgets.table_model import (
    Column,
    RecordTableModel,
    overdue_colour,
)
from ui.widgets.tones import tone_colour
from ui.wording import claim_marker, claim_tooltip, transaction_description
from ui.workspace import labels


class BillsModel(RecordTableModel[Any]):
    """An account's bills, newest first, as the API lists them."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Statement date"), lambda b: b.statement_date, "date"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Due date"), lambda b: b.due_date, "date"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Total"), lambda b: b.total_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Minimum"), lambda b: b.minimum_payment_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Paid"), lambda b: b.paid_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Outstanding"), lambda b: b.outstanding_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Status"), lambda b: b.status, words=chips.bill_status_text),
    )

    def foreground(self, record: Any, column: Column[Any]) -> QBrush | None:
        if column.header == "Status" and record.status == "overdue":
            return QBrush(overdue_colour())
        return super().foreground(record, column)


class BillLinesModel(RecordTableModel[Any]):
    """The lines of one bill, in line order; they sum to the bill's total."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Posted"), lambda line: line.posted_at, "datetime"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Type"), lambda line: line.type, words=labels.labeller(labels.TRANSACTION_TYPES)),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Description"), transaction_description),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Amount"), lambda line: line.amount_fen, "money"),
    )

    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self._records)


# -- installments ----------------------------------------------------------------------------


class PlansModel(RecordTableModel[Any]):
    """Installment plans of all the customer's accounts (a cash loan is a plan too)."""

    def __init__(self, account_numbers: dict[int, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._account_numbers = dict(account_numbers or {})
        numbers = self._account_numbers
        self.COLUMNS = (
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Account"), lambda p: numbers.get(p.account_id, str(p.account_id))),
            # The account's number in the kind's tooltip too: the Account column is hidden when
            # the kind tells the account (one account of each product).
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Kind"), lambda p: p.kind, words=labels.labeller(labels.PLAN_KINDS),
                   tooltip=lambda p: numbers.get(p.account_id, str(p.account_id))),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Description"), lambda p: p.description),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Principal"), lambda p: p.principal_fen, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Fee / interest"), lambda p: p.fee_fen, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Terms"), lambda p: p.terms, "int"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Principal left"), lambda p: p.remaining_principal_fen, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Status"), lambda p: p.status, words=labels.labeller(labels.PLAN_STATUSES)),
            # The day the plan began (its hour says nothing on a call, and it cost the others room).
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Created"), lambda p: p.created_at, "date"),
        )

    def set_account_numbers(self, account_numbers: dict[int, str]) -> None:
        self._account_numbers.clear()
        self._account_numbers.update(account_numbers)
        self._display.clear()
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, 0))


class ScheduleModel(RecordTableModel[Any]):
    """The periods of one plan."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Period"), lambda p: p.period, "int"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Due date"), lambda p: p.due_date, "date"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Principal"), lambda p: p.principal_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Fee / interest"), lambda p: p.fee_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Total"), lambda p: p.total_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Paid"), lambda p: p.paid_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Status"), lambda p: p.status, words=labels.labeller(labels.PERIOD_STATUSES)),
    )


# -- notes -----------------------------------------------------------------------------------


class NotesModel(RecordTableModel[Any]):
    """Contact notes, newest first."""

    def __init__(self, account_numbers: dict[int, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._account_numbers = dict(account_numbers or {})
        numbers = self._account_numbers
        self.COLUMNS = (
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Written"), lambda n: n.created_at, "datetime"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "By"), lambda n: n.author_name),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Channel"), lambda n: n.channel, words=labels.labeller(labels.CHANNELS)),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Account"), lambda n: numbers.get(n.account_id, str(n.account_id))),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Note"), lambda n: n.body, tooltip=lambda n: n.body),
        )

    def set_account_numbers(self, account_numbers: dict[int, str]) -> None:
        self._account_numbers.clear()
        self._account_numbers.update(account_numbers)
        self._display.clear()

    def set_records(self, records: Sequence[Any]) -> None:
        super().set_records(sorted(records, key=lambda n: (n.created_at, n.id), reverse=True))

    def add_note(self, note: Any) -> None:
        """Put a note just written at the top (it is the newest), unless it is already shown."""
        if any(existing.id == note.id for existing in self._records):
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._records.insert(0, note)
        self.endInsertRows()


# -- transactions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TransactionQuery:
    """What the Transactions tab asks the server for; changing it re-queries from the first page."""

    account_id: int
    types: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None


# (query, cursor, limit) -> a console.models.Page of transactions; runs on a pool thread.
FetchPage = Callable[[TransactionQuery, str | None, int], Any]


class TransactionsModel(CursorPagedModel[Any, TransactionQuery]):
    """Transactions, newest first, fetched a page at a time from the API's cursor
    (`ui.widgets.paged_model.CursorPagedModel`)."""

    TASK_LABEL = "transactions page"

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Posted"), lambda t: t.posted_at, "datetime"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Type"), lambda t: t.type, words=labels.labeller(labels.TRANSACTION_TYPES)),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Merchant"), lambda t: t.merchant),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Description"), transaction_description),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Amount"), lambda t: t.amount_fen, "money"),
        # Disputes and fraud reports on the transaction (the server's claims): a mark and, on
        # hover, each claim with its amount and case.
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Dispute / fraud"), claim_marker,
               tooltip=lambda t: claim_tooltip(t) or None),
    )
    CLAIM_COLUMN = 5

    def foreground(self, record: Any, column: Column[Any]) -> QBrush | None:
        """A transaction disputes or fraud reports touch is marked in the warning colour."""
        if column is self.COLUMNS[self.CLAIM_COLUMN] and getattr(record, "claims", ()):
            return QBrush(tone_colour("warning"))
        return super().foreground(record, column)
