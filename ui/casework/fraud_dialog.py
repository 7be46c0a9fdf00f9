"""Filing a fraud report (DESIGN.md §3 "Fraud reports"): the category, the transactions the
customer did not make, and the freeze, which is on unless the agent says why not.

Filing freezes the account in the same database transaction as the report (the backend's rule);
the dialog says so next to the tick box, and unticking it asks for the reason the audit keeps.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from console.api import ApiClient
from console.formatting import format_fen
from console.fraud import FraudReportDraft, file_fraud_report
from console.models import CustomerProfile, Transaction
from console.outbox import Outbox
from console.rules import FRAUD_CATEGORIES_WITHOUT_TRANSACTIONS as CATEGORIES_WITHOUT_TRANSACTIONS
from console.rules import FRAUD_CATEGORY_ORDER as CATEGORY_ORDER
from console.rules import FRAUD_DESCRIPTION_MAX_LENGTH as DESCRIPTION_MAX_LENGTH
from console.rules import FRAUD_MAX_TRANSACTIONS as MAX_TRANSACTIONS
from console.rules import FRAUD_NO_FREEZE_REASON_MAX_LENGTH as REASON_MAX_LENGTH
from console.rules import FRAUD_POLICE_REPORT_MAX_LENGTH as POLICE_REPORT_MAX_LENGTH
from ui.casework.dispute_dialog import FilingDialog, error_label, transaction_text
from ui.casework.labels import FRAUD_CATEGORY_TEXTS, text_of
from ui.failures import failure_message
from ui.tasks import LatestOnly, Task
from ui.workspace.common import AccountPicker
from ui.workspace.transactions import REPORTABLE_TYPES, is_reportable

# The categories and the limits are the console's one copy of the rules (console/rules.py).
RECENT_DEBITS = 200

TRANSACTION_ROLE = Qt.ItemDataRole.UserRole + 1

NEEDS_TRANSACTIONS = QT_TRANSLATE_NOOP(
    "FraudDialog", "Tick the transactions the customer did not make: this kind of report must name at least one."
)


class FraudDialog(FilingDialog[FraudReportDraft]):
    """Report fraud on one account: category, transactions to link (checkable, the ones picked in
    the Transactions tab already ticked), the freeze, police report number, description, channel."""

    def __init__(
        self,
        client: ApiClient,
        profile: CustomerProfile,
        *,
        account_id: int | None = None,
        preselected: Sequence[Transaction] = (),
        outbox: Outbox | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(client, outbox=outbox, parent=parent)
        self.setObjectName("fraudDialog")
        self.setWindowTitle(self.tr("Report fraud"))
        self.set_submit_text(self.tr("File fraud report"))
        self._preselected = [t for t in preselected if is_reportable(t)]
        self._loader = LatestOnly()
        self.load_task: Task[list[Transaction]] | None = None
        self.setMinimumWidth(640)

        self.account_picker = AccountPicker(self.fields)
        self.account_picker.set_accounts(profile)
        if account_id is not None:
            self.account_picker.select_account(account_id)
        self.account_picker.account_changed.connect(lambda _id: self._account_changed())
        if self.account_picker.count() > 1:
            self.form.addRow(self.tr("Account:"), self.account_picker)
        else:
            self.account_picker.setVisible(False)

        self.category_box = QComboBox(self.fields)
        self.category_box.setObjectName("categoryBox")
        for category in CATEGORY_ORDER:
            self.category_box.addItem(text_of(FRAUD_CATEGORY_TEXTS, category), category)
        self.form.addRow(self.tr("Category:"), self.category_box)

        self.transactions_list = QListWidget(self.fields)
        self.transactions_list.setObjectName("transactionsList")
        self.transactions_list.setMinimumHeight(150)
        self.transactions_list.setAccessibleName(self.tr("Transactions the customer did not make"))
        self.transactions_list.itemChanged.connect(lambda _item: self._update_count())
        self.form.addRow(self.tr("Not made by the customer:"), self.transactions_list)
        self.count_label = QLabel(self.fields)
        self.count_label.setProperty("role", "caption")
        self.form.addRow("", self.count_label)
        self.transactions_error = error_label(self.fields)
        self.add_field_error("transaction_ids", self.transactions_error)
        self.form.addRow("", self.transactions_error)

        self.freeze_box = QCheckBox(self.tr("Freeze the account now"), self.fields)
        self.freeze_box.setObjectName("freezeBox")
        self.freeze_box.setChecked(True)
        self.freeze_box.setToolTip(
            self.tr("No new spending or loans while the report is open; the freeze is lifted if it is not fraud.")
        )
        self.freeze_box.toggled.connect(self._freeze_toggled)
        self.form.addRow("", self.freeze_box)
        self.no_freeze_label = QLabel(self.tr("Why not freeze:"), self.fields)
        self.no_freeze_edit = QLineEdit(self.fields)
        self.no_freeze_edit.setObjectName("noFreezeReason")
        self.no_freeze_edit.setMaxLength(REASON_MAX_LENGTH)
        self.no_freeze_edit.setPlaceholderText(
            self.tr("Required: why the account stays open (kept in the audit trail)")
        )
        self.form.addRow(self.no_freeze_label, self.no_freeze_edit)
        self.no_freeze_error = error_label(self.fields)
        self.add_field_error("no_freeze_reason", self.no_freeze_error)
        self.form.addRow("", self.no_freeze_error)

        self.police_edit = QLineEdit(self.fields)
        self.police_edit.setObjectName("policeReportNumber")
        self.police_edit.setMaxLength(POLICE_REPORT_MAX_LENGTH)
        self.police_edit.setPlaceholderText(self.tr("Optional"))
        self.form.addRow(self.tr("Police report number:"), self.police_edit)
        self.police_error = error_label(self.fields)
        self.add_field_error("police_report_number", self.police_error)
        self.form.addRow("", self.police_error)

        self.add_description_and_channel(
            self.tr("What the customer says: what happened, when they noticed, what they still have (phone, card)."),
            min_height=80, limit=DESCRIPTION_MAX_LENGTH,
        )

        self._freeze_toggled(True)
        self.load_transactions()

    # -- transactions ----------------------------------------------------------------------

    def load_transactions(self) -> None:
        """List the account's recent purchases and disbursements to tick."""
        account_id = self.account_picker.account_id()
        self.transactions_list.clear()
        if account_id is None:
            self.show_field_error("transaction_ids", self.tr("The customer has no account to report."))
            self.submit_button.setEnabled(False)
            return
        client = self._client
        types = tuple(sorted(REPORTABLE_TYPES))
        task: Task[list[Transaction]] = Task(
            lambda: [t for t in client.list_transactions(account_id, types=types, limit=RECENT_DEBITS).items
                     if is_reportable(t)],
            parent=self,
            label="reportable transactions",
        )
        task.on_success(self._transactions_arrived).on_failure(
            lambda exc: self.show_field_error("transaction_ids", failure_message(exc))
        ).with_busy(self.busy)
        self.load_task = task
        self.count_label.setText(self.tr("Loading the account's purchases…"))
        self._loader.run(task)

    def _account_changed(self) -> None:
        self._preselected = []  # they were the other account's
        self.load_transactions()

    def _transactions_arrived(self, transactions: list[Transaction]) -> None:
        account_id = self.account_picker.account_id()
        chosen = {t.id for t in self._preselected}
        # A transaction picked in the Transactions tab may be older than the recent ones: keep it.
        listed = list(transactions)
        known = {t.id for t in listed}
        listed.extend(t for t in self._preselected if t.id not in known and t.account_id == account_id)
        self.transactions_list.blockSignals(True)
        self.transactions_list.clear()
        first_chosen: QListWidgetItem | None = None
        for transaction in listed:
            item = QListWidgetItem(transaction_text(transaction), self.transactions_list)
            item.setData(TRANSACTION_ROLE, transaction)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = transaction.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            if checked and first_chosen is None:
                first_chosen = item
        self.transactions_list.blockSignals(False)
        if first_chosen is not None:
            self.transactions_list.scrollToItem(first_chosen)
        self._update_count()

    def listed_transaction_ids(self) -> list[int]:
        return [self._item_transaction(i).id for i in range(self.transactions_list.count())]

    def checked_transaction_ids(self) -> list[int]:
        items = (self.transactions_list.item(i) for i in range(self.transactions_list.count()))
        return [self._item_transaction_of(item).id for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def set_checked(self, transaction_ids: Sequence[int]) -> None:
        wanted = set(transaction_ids)
        for row in range(self.transactions_list.count()):
            item = self.transactions_list.item(row)
            checked = self._item_transaction_of(item).id in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _item_transaction(self, row: int) -> Transaction:
        return self._item_transaction_of(self.transactions_list.item(row))

    @staticmethod
    def _item_transaction_of(item: QListWidgetItem) -> Transaction:
        transaction = item.data(TRANSACTION_ROLE)
        assert isinstance(transaction, Transaction)
        return transaction

    def _update_count(self) -> None:
        count = self.transactions_list.count()
        if count == 0:
            self.count_label.setText(self.tr("No purchases or loan disbursements on this account."))
            return
        checked = self.checked_transaction_ids()
        total = sum(self._item_transaction(row).amount_fen for row in range(count)
                    if self.transactions_list.item(row).checkState() == Qt.CheckState.Checked)
        self.count_label.setText(
            self.tr("%1 of %2 ticked, %3 in all.").replace("%1", str(len(checked))).replace("%2", str(count))
            .replace("%3", format_fen(total))
        )

    # -- the form --------------------------------------------------------------------------

    def _freeze_toggled(self, on: bool) -> None:
        self.no_freeze_label.setVisible(not on)
        self.no_freeze_edit.setVisible(not on)
        if on:
            self.no_freeze_error.setVisible(False)
        else:
            self.no_freeze_edit.setFocus()

    def set_category(self, category: str) -> None:
        self.category_box.setCurrentIndex(self.category_box.findData(category))

    def build_draft(self) -> FraudReportDraft | None:
        account_id = self.account_picker.account_id()
        category = str(self.category_box.currentData())
        ids = self.checked_transaction_ids()
        ok = account_id is not None
        if not ids and category not in CATEGORIES_WITHOUT_TRANSACTIONS:
            self.show_field_error("transaction_ids", self.tr(NEEDS_TRANSACTIONS))
            ok = False
        elif len(ids) > MAX_TRANSACTIONS:
            self.show_field_error(
                "transaction_ids", self.tr("At most %1 transactions in one report.").replace("%1", str(MAX_TRANSACTIONS))
            )
            ok = False
        freeze = self.freeze_box.isChecked()
        reason = self.no_freeze_edit.text().strip()
        if not freeze and not reason:
            self.show_field_error(
                "no_freeze_reason", self.tr("Say why the account stays open, or tick the freeze again.")
            )
            self.no_freeze_edit.setFocus()
            ok = False
        description = self.description_edit.toPlainText().strip()
        if not description:
            self.show_field_error("description", self.tr("Write what the customer says happened."))
            ok = False
        elif len(description) > DESCRIPTION_MAX_LENGTH:
            self.show_field_error(
                "description",
                self.tr("At most %1 characters (now %2).").replace("%1", str(DESCRIPTION_MAX_LENGTH))
                .replace("%2", str(len(description))),
            )
            ok = False
        if not ok or account_id is None:
            return None
        return FraudReportDraft(
            account_id=account_id,
            category=category,
            transaction_ids=tuple(ids),
            description=description,
            channel=str(self.channel_box.currentData()),
            freeze_account=freeze,
            no_freeze_reason=None if freeze else reason,
            police_report_number=self.police_edit.text().strip() or None,
        )

    def label_text(self, draft: FraudReportDraft) -> str:
        return self.tr("Fraud report on account %1 (%n transaction(s))", "", len(draft.transaction_ids)).replace(
            "%1", self.account_picker.currentText()
        )

    def file(self, client: ApiClient, outbox: Outbox | None, draft: FraudReportDraft, *, label: str,
             key: str) -> object:
        return file_fraud_report(outbox, client, draft, label=label, idempotency_key=key)

    def done(self, result: int) -> None:
        self._loader.discard()
        super().done(result)
