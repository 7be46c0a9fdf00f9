"""Pieces the workspace tabs share: the account picker (the table set-up is `ui.widgets.tables`)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from console.models import AccountOverview, CustomerProfile
from ui.widgets.chips import product_text
from ui.workspace.header import sorted_accounts


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


