"""The Audit trail view (DESIGN.md §5; docs/admin.md "The audit trail"): filters (who, what,
entity, dates), the records newest first with their changes, paging through the whole trail as
the table scrolls, a record's fields before → after, CSV export of everything the filters select,
and, for admins, *Verify chain* (the server's `verify-audit` check, naming the first broken link).

With `customer_id` it is the customer workspace's Audit tab: what happened on this customer's
accounts, without the entity filters and the verification.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.audit import AuditQuery, AuditRecord, ChainCheck, list_audit, verify_audit_chain
from console.formatting import format_datetime
from ui.admin.forms import record_table
from ui.audit.models import AuditChangesModel, AuditRecordsModel
from ui.audit.words import action_words, entity_words
from ui.export import export_view
from ui.icons import icon
from ui.tasks import Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.while_shown import WhileShown
from ui.workspace.header import set_role

__all__ = ["AuditTrailView"]

ANY_DATE = QDate(2000, 1, 1)  # the date edits' "any date"
ACTION_PREFIXES = ("user.*", "policy.*", "case.*", "dispute.*", "fraud_report.*", "arrangement.*",
                   "account.*", "note.*", "customer.*")
ENTITY_TYPES = ("user", "policy_change", "case", "dispute", "fraud_report", "arrangement", "account",
                "customer", "contact_note", "bill")


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(ANY_DATE)
    edit.setSpecialValueText(QCoreApplication.translate("AuditTrailView", "any date"))
    edit.setDate(ANY_DATE)
    return edit


def _date_of(edit: QDateEdit) -> date | None:
    chosen = edit.date()
    return None if chosen == ANY_DATE else date(chosen.year(), chosen.month(), chosen.day())


class AuditTrailView(QWidget):
    """Signals: ``records_loaded(int)`` after each page (rows added); ``chain_checked(ChainCheck)``."""

    records_loaded = Signal(int)
    chain_checked = Signal(object)
    exported = Signal(str, int)

    def __init__(self, client: ApiClient, *, can_verify: bool = False, customer_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AuditTrailView" if customer_id is None else "CustomerAuditTab")
        self._client = client
        self._customer_id = customer_id
        self.verify_task: Task[ChainCheck] | None = None
        self.export_task: Task[int] | None = None
        self._export_path: str | None = None
        self.chain_result = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12) if customer_id is None else layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        if customer_id is None:
            title = QLabel(self.tr("Audit trail"), self)
            title.setObjectName("pageHeading")
            bar.addWidget(title)
        self.count_label = QLabel(self)
        set_role(self.count_label, "secondary")
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        self.busy = BusyIndicator(self)
        bar.addWidget(self.busy)
        self.verify_button = QPushButton(icon("lock"), self.tr("Verify chain"), self)
        self.verify_button.setToolTip(self.tr("Check every record's hash and link, as verify-audit does"))
        self.verify_button.clicked.connect(self.verify_chain)
        self.verify_button.setVisible(can_verify and customer_id is None)
        bar.addWidget(self.verify_button)
        self.export_button = QPushButton(icon("export"), self.tr("Export CSV…"), self)
        self.export_button.setToolTip(self.tr("Every record the filters select, not only those on screen"))
        self.export_button.clicked.connect(lambda: self.export_csv())
        bar.addWidget(self.export_button)
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.apply_filters)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)

        filters = QHBoxLayout()
        self.actor_edit = QLineEdit(self)
        self.actor_edit.setPlaceholderText(self.tr("Who"))
        self.actor_edit.setToolTip(self.tr("Who: username or id"))
        self.actor_edit.setMaxLength(64)
        self.action_combo = QComboBox(self)
        self.action_combo.setEditable(True)
        self.action_combo.addItem("")
        self.action_combo.addItems(list(ACTION_PREFIXES))
        self.action_combo.lineEdit().setPlaceholderText(self.tr("What"))
        self.action_combo.setToolTip(self.tr("What: action or prefix.*"))
        self.entity_type_combo = QComboBox(self)
        self.entity_type_combo.setEditable(True)
        self.entity_type_combo.addItem("")
        self.entity_type_combo.addItems(list(ENTITY_TYPES))
        self.entity_type_combo.lineEdit().setPlaceholderText(self.tr("Entity type"))
        self.entity_id_edit = QLineEdit(self)
        self.entity_id_edit.setPlaceholderText(self.tr("Id"))
        self.entity_id_edit.setToolTip(self.tr("Entity id"))
        self.entity_id_edit.setMaxLength(64)
        self.entity_id_edit.setMaximumWidth(80)
        self.from_edit = _date_edit(self)
        self.to_edit = _date_edit(self)
        self.apply_button = QPushButton(icon("filter"), self.tr("Apply"), self)
        self.apply_button.clicked.connect(self.apply_filters)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.clear_filters)
        for widget in (self.actor_edit, self.action_combo):
            filters.addWidget(widget, 2)
        if customer_id is None:
            filters.addWidget(self.entity_type_combo, 2)
            filters.addWidget(self.entity_id_edit, 1)
        else:
            self.entity_type_combo.hide()
            self.entity_id_edit.hide()
        from_label = QLabel(self.tr("From"), self)
        to_label = QLabel(self.tr("to"), self)
        for widget in (from_label, self.from_edit, to_label, self.to_edit, self.apply_button, self.clear_button):
            filters.addWidget(widget)
        layout.addLayout(filters)
        for edit in (self.actor_edit, self.entity_id_edit):
            edit.returnPressed.connect(self.apply_filters)

        self.model = AuditRecordsModel(lambda query, cursor, limit: list_audit(client, query, limit=limit,
                                                                                cursor=cursor), parent=self)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(lambda exc: self.banner.show_failure(exc, retry=self.model.retry))
        self.model.loading_changed.connect(lambda busy: self.busy.start() if busy else self.busy.stop())
        self.model.all_loaded.connect(self._write_export)
        # Columns in characters, Before → after taking the rest: sized to their longest text they
        # pushed it past the right edge (the table scrolled sideways).
        self.table = record_table(self.model, "AuditTable", self, widths={0: 17, 1: 14, 2: 15, 3: 23, 4: 15})
        self.table.setProperty("exportName", "audit-trail")
        self.table.selectionModel().selectionChanged.connect(self._record_selected)
        self.changes_model = AuditChangesModel(self)
        self.changes_table = record_table(self.changes_model, "AuditChangesTable", self, widths={0: 22, 1: 30})
        self.detail_label = QLabel(self.tr("Select a record to see its fields before → after."), self)
        self.detail_label.setWordWrap(True)
        set_role(self.detail_label, "secondary")

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addWidget(self.detail_label)
        detail_layout.addWidget(self.changes_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([480, 180])
        layout.addWidget(splitter, 1)

        # Read when the view shows (not when the window is built), and again each time it comes
        # back on screen, so it never shows a trail older than what the user just did.
        self.showing = WhileShown(self, on_show=self._shown)

    def _shown(self) -> None:
        self.apply_filters()

    def close_view(self) -> None:
        self.showing.stop()
        self.model.stop()

    # -- filters -------------------------------------------------------------------------------

    def query(self) -> AuditQuery:
        action = self.action_combo.currentText().strip()
        entity_type = self.entity_type_combo.currentText().strip()
        return AuditQuery(
            actor=self.actor_edit.text().strip() or None,
            action=action or None,
            entity_type=entity_type or None,
            entity_id=self.entity_id_edit.text().strip() or None,
            customer_id=self._customer_id,
            date_from=_date_of(self.from_edit),
            date_to=_date_of(self.to_edit),
        )

    def apply_filters(self) -> None:
        self.banner.clear()
        self.changes_model.show_record(None)
        self.detail_label.setText(self.tr("Select a record to see its fields before → after."))
        self.model.set_query(self.query())

    def clear_filters(self) -> None:
        self.actor_edit.clear()
        self.action_combo.setCurrentIndex(0)
        self.action_combo.setEditText("")
        self.entity_type_combo.setCurrentIndex(0)
        self.entity_type_combo.setEditText("")
        self.entity_id_edit.clear()
        self.from_edit.setDate(ANY_DATE)
        self.to_edit.setDate(ANY_DATE)
        self.apply_filters()

    def _page_loaded(self, added: int) -> None:
        rows = self.model.rowCount()
        if self.model.has_more:
            self.count_label.setText(self.tr("%n record(s) shown; more as you scroll", "", rows))
        else:
            self.count_label.setText(self.tr("%n record(s)", "", rows))
        self.records_loaded.emit(added)

    # -- detail --------------------------------------------------------------------------------

    def selected_record(self) -> AuditRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _record_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        record = self.selected_record()
        self.changes_model.show_record(record)
        if record is None:
            self.detail_label.setText(self.tr("Select a record to see its fields before → after."))
            return
        who = record.actor_name or self.tr("the system")
        self.detail_label.setText(
            self.tr("Record %1: %2 by %3 on %4 at %5 (%6)").replace("%1", str(record.id)).replace(
                "%2", action_words(record.action)).replace("%3", who).replace(
                "%4", entity_words(record.entity_type, record.entity_id)).replace(
                "%5", format_datetime(record.at, seconds=True)).replace("%6", record.action))

    # -- export --------------------------------------------------------------------------------

    def export_csv(self, path: str | None = None) -> None:
        """Read every remaining page of the filtered trail, then write it all as CSV."""
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export CSV"), f"audit-trail-{date.today().isoformat()}.csv",
                self.tr("CSV files (*.csv)"))
            if not chosen:
                return
            path = chosen if chosen.lower().endswith(".csv") else chosen + ".csv"
        self._export_path = path
        self.export_button.setEnabled(False)
        self.model.load_all()

    def _write_export(self) -> None:
        path, self._export_path = self._export_path, None
        if path is None:
            return
        self.export_task = export_view(self.table, parent=self, path=path, done=self._exported,
                                       failed=self._export_failed)

    def _exported(self, path: str, rows: int) -> None:
        self.export_button.setEnabled(True)
        self.banner.show_message(self.tr("%1 records exported to %2").replace("%1", str(rows)).replace("%2", path),
                                 kind="info")
        self.exported.emit(path, rows)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.banner.show_failure(exc)

    # -- verification --------------------------------------------------------------------------

    def verify_chain(self) -> Task[ChainCheck]:
        client = self._client
        self.verify_button.setEnabled(False)
        task: Task[ChainCheck] = Task(lambda: verify_audit_chain(client), parent=self, label="verify audit chain")
        task.on_success(self._chain_checked).on_failure(self._verify_failed).with_busy(self.busy)
        self.verify_task = task
        return task.run()

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.banner.show_failure(exc, retry=self.verify_chain)

    def _chain_checked(self, check: ChainCheck) -> None:
        self.verify_button.setEnabled(True)
        when = format_datetime(check.checked_at, seconds=True)
        if check.ok:
            text = self.tr("The chain holds: all %1 records verify (checked %2).").replace(
                "%1", str(check.record_count)).replace("%2", when)
        else:
            text = self.tr("The chain is broken at record %1: its hash or its link to the record before does not "
                           "hold. Records from there on cannot be trusted (checked %2).").replace(
                "%1", str(check.first_broken_id)).replace("%2", when)
        self.chain_result = text
        self.banner.show_message(text, kind="info" if check.ok else "error")
        self.chain_checked.emit(check)

