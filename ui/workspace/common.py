"""Pieces the workspace tabs share: the account picker and the table view set-up."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from console.models import AccountOverview, CustomerProfile
from ui.widgets.chips import product_text
from ui.workspace.header import sorted_accounts
from ui.workspace.models import SORT_ROLE


def account_title(account: AccountOverview) -> str:
    return f"{product_text(account.product)} · {account.account_number}"


class AccountPicker(QComboBox):
    """The customer's accounts, the credit line first; `account_changed(id)` on a new choice."""

    account_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setAccessibleName(self.tr("Account"))
        self.currentIndexChanged.connect(self._changed)
        self._filling = False

    def set_accounts(self, profile: CustomerProfile) -> None:
        """Fill from the profile, keeping the chosen account if it is still there (no signal)."""
        current = self.account_id()
        self._filling = True
        try:
            self.clear()
            for account in sorted_accounts(profile):
                self.addItem(account_title(account), account.id)
            index = self.findData(current) if current is not None else -1
            self.setCurrentIndex(index if index >= 0 else (0 if self.count() else -1))
        finally:
            self._filling = False
        self.setVisible(self.count() > 0)

    def account_id(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def select_account(self, account_id: int) -> None:
        index = self.findData(account_id)
        if index >= 0:
            self.setCurrentIndex(index)

    def _changed(self, _index: int) -> None:
        account_id = self.account_id()
        if not self._filling and account_id is not None:
            self.account_changed.emit(account_id)


def make_table(model: QAbstractItemModel, *, sortable: bool = True, parent: QWidget | None = None,
               stretch_column: int | None = None) -> QTableView:
    """A read-only, row-selecting table on `model`; sortable through a proxy on `SORT_ROLE`.

    Row heights are fixed (no per-row measuring), so a table of 100,000 rows scrolls freely.
    """
    view = QTableView(parent)
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSortRole(SORT_ROLE)
        proxy.setSourceModel(model)
        view.setModel(proxy)
        # No sort column until the user clicks a header: rows stay in the API's order.
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
    else:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_column is None)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view


def source_row(view: QTableView, row: int) -> int:
    """The model row behind the view's row `row` (through the sorting proxy, if any)."""
    model = view.model()
    if isinstance(model, QSortFilterProxyModel):
        return model.mapToSource(model.index(row, 0)).row()
    return row


def view_row(view: QTableView, source: int) -> int:
    model = view.model()
    if isinstance(model, QSortFilterProxyModel):
        source_model = model.sourceModel()
        return model.mapFromSource(source_model.index(source, 0)).row()
    return source


def fit_columns(view: QTableView, widths: dict[int, int]) -> None:
    """Column widths in characters of the view's font (not measured over the rows)."""
    char = view.fontMetrics().horizontalAdvance("0")
    for column, chars in widths.items():
        view.setColumnWidth(column, chars * char + 16)
