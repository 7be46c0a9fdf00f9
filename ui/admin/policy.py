"""The Policy view (admins; docs/admin.md "Policy limits"): the limits in force, the changes
waiting for a second admin (approve or reject; one's own only by another admin), and the history
(who, when, why, from when). A change is proposed in a dialog: the limit, its new value, a reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.admin import (
    PolicyChange,
    PolicyLimit,
    PolicyOverview,
    approve_policy_change,
    get_policy,
    list_policy_changes,
    propose_policy_change,
    reject_policy_change,
)
from console.api import ApiClient
from console.models import Page, User
from ui.admin.forms import ChangeDialog, record_table
from ui.admin.labels import admin_failure_text, change_status, limit_name, limit_value
from ui.icons import icon
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.table_model import Column, RecordTableModel
from ui.workspace.header import set_role

__all__ = ["PolicyView", "ProposeChangeDialog"]

REASON_MAX = 500


class LimitsModel(RecordTableModel[PolicyLimit]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Limit"), lambda limit: limit_name(limit.name)),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Value"), lambda limit: limit_value(limit.value, limit.unit)),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "In force since"), lambda limit: limit.effective_from, "datetime"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)


def _unit_of(units: dict[str, str], change: PolicyChange) -> str:
    return units.get(change.name, "")


def reason_text(change: PolicyChange) -> str:
    """Why: the proposer's words; a first value's in the UI's language."""
    if change.status == "seeded":
        return QCoreApplication.translate("AdminPolicy", "The first value, from the configuration.")
    return change.reason


class ChangesModel(RecordTableModel[PolicyChange]):
    """Changes of limits; values shown with the limit's unit (from the limits in force)."""

    def __init__(self, *, pending: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.units: dict[str, str] = {}

        def before(change: PolicyChange) -> str:
            return limit_value(change.old_value, _unit_of(self.units, change))

        def after(change: PolicyChange) -> str:
            return limit_value(change.new_value, _unit_of(self.units, change))

        if pending:
            self.COLUMNS = (
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Limit"), lambda c: limit_name(c.name)),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Now"), before),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Proposed"), after),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Proposed by"), lambda c: c.proposed_by_name),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "On"), lambda c: c.proposed_at, "datetime"),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Why"), lambda c: c.reason),
            )
        else:
            self.COLUMNS = (
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Limit"), lambda c: limit_name(c.name)),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Before"), before),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "After"), after),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Status"), lambda c: change_status(c.status)),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Proposed by"), lambda c: c.proposed_by_name),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Decided by"), lambda c: c.decided_by_name),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "In force from"), lambda c: c.effective_from, "datetime"),
                Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Why"), reason_text),
            )


class ProposeChangeDialog(ChangeDialog):
    """One limit, its new value and why; it applies once another admin approves it."""

    def __init__(self, client: ApiClient, limits: list[PolicyLimit], *, name: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Propose a change"), self.tr(
            "The new value applies when another admin approves it."), parent)
        self.setObjectName("ProposeChangeDialog")
        self._client = client
        self._limits = {limit.name: limit for limit in limits}
        self.limit = QComboBox(self)
        for limit in limits:
            self.limit.addItem(limit_name(limit.name), limit.name)
        self.current = QLabel(self)
        self.value = QSpinBox(self)
        self.value.setMaximumWidth(200)
        self.unit = QLabel(self)
        set_role(self.unit, "secondary")
        value_row = QHBoxLayout()
        value_row.addWidget(self.value)
        value_row.addWidget(self.unit, 1)
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("Why, for the history (at least 5 characters)"))
        self.reason.setFixedHeight(80)
        self.form.addRow(self.tr("Limit"), self.limit)
        self.form.addRow(self.tr("Now"), self.current)
        self.form.addRow(self.tr("New value"), value_row)
        self.form.addRow(self.tr("Why"), self.reason)
        self.limit.currentIndexChanged.connect(self._limit_chosen)
        if name is not None and name in self._limits:
            self.limit.setCurrentIndex(list(self._limits).index(name))
        self._limit_chosen()

    def chosen(self) -> PolicyLimit | None:
        return self._limits.get(str(self.limit.currentData()))

    def _limit_chosen(self) -> None:
        limit = self.chosen()
        if limit is None:
            return
        money = limit.unit == "fen"
        # Money is typed in yuan (whole yuan); the API takes fen.
        self.value.setRange(limit.minimum // 100 if money else limit.minimum,
                            min(limit.maximum // 100 if money else limit.maximum, 2**31 - 1))
        self.value.setValue(limit.value // 100 if money else limit.value)
        self.current.setText(limit_value(limit.value, limit.unit))
        self.unit.setText(self.tr("yuan") if money else limit_value(2, limit.unit).removeprefix("2").strip())

    def new_value(self) -> int:
        limit = self.chosen()
        return self.value.value() * 100 if limit is not None and limit.unit == "fen" else self.value.value()

    def operation(self) -> Callable[[], Any] | None:
        limit = self.chosen()
        reason = self.reason.toPlainText().strip()
        if limit is None:
            return None
        if self.new_value() == limit.value:
            self.show_problem(self.tr("The limit already has this value."))
            return None
        if len(reason) < 5:
            self.show_problem(self.tr("Say why, in a few words, for the history."))
            return None
        client, name, value, why = self._client, limit.name, self.new_value(), reason[:REASON_MAX]
        return lambda: propose_policy_change(client, name, value, why)


class PolicyView(QWidget):
    """The limits in force, pending changes and the history. Signals: ``policy_loaded()`` after a
    (re)load, ``changed(PolicyChange)`` after a proposal or decision landed."""

    policy_loaded = Signal()
    changed = Signal(object)

    def __init__(self, client: ApiClient, *, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PolicyView")
        self._client = client
        self._me = user
        self._load = LatestOnly()
        self.dialog: ProposeChangeDialog | None = None
        self.decision_task: Task[PolicyChange] | None = None
        self.overview: PolicyOverview | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Policy"), self)
        title.setObjectName("pageHeading")
        bar.addWidget(title)
        hint = QLabel(self.tr("Four eyes: a change applies when a second admin approves it."), self)
        set_role(hint, "secondary")
        bar.addWidget(hint)
        bar.addStretch(1)
        self.busy = BusyIndicator(self)
        bar.addWidget(self.busy)
        self.propose_button = QPushButton(icon("add"), self.tr("Propose a change…"), self)
        self.propose_button.clicked.connect(lambda: self.propose())
        bar.addWidget(self.propose_button)
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)

        self.limits_model = LimitsModel(self)
        self.limits_table = record_table(self.limits_model, "LimitsTable", self)
        self.limits_table.doubleClicked.connect(lambda index: self.propose(self.limits_model.record(index.row()).name))
        self.pending_model = ChangesModel(pending=True, parent=self)
        self.pending_table = record_table(self.pending_model, "PendingChangesTable", self)
        self.pending_table.selectionModel().selectionChanged.connect(self._pending_selected)
        self.history_model = ChangesModel(pending=False, parent=self)
        self.history_table = record_table(self.history_model, "PolicyHistoryTable", self)

        self.pending_label = QLabel(self.tr("Waiting for a second admin"), self)
        self.pending_label.setObjectName("sectionHeading")
        self.approve_button = QPushButton(icon("check"), self.tr("Approve"), self)
        self.approve_button.clicked.connect(lambda: self.decide(approve=True))
        self.reject_button = QPushButton(icon("close"), self.tr("Reject…"), self)
        self.reject_button.clicked.connect(lambda: self.decide(approve=False))
        pending_bar = QHBoxLayout()
        pending_bar.addWidget(self.pending_label)
        pending_bar.addStretch(1)
        pending_bar.addWidget(self.approve_button)
        pending_bar.addWidget(self.reject_button)

        # What waits for a decision on top; the limits and their history in tabs below it.
        pending_box = QWidget(self)
        pending_layout = QVBoxLayout(pending_box)
        pending_layout.setContentsMargins(0, 0, 0, 0)
        pending_layout.addLayout(pending_bar)
        pending_layout.addWidget(self.pending_table, 1)
        self.sections = QTabWidget(self)
        self.sections.setDocumentMode(True)
        self.sections.addTab(self.limits_table, self.tr("Limits in force"))
        self.sections.addTab(self.history_table, self.tr("History"))
        self.limits_table.setToolTip(self.tr("Double-click a limit to propose a change"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(pending_box)
        splitter.addWidget(self.sections)
        splitter.setSizes([170, 520])
        layout.addWidget(splitter, 1)
        self._pending_selected(QItemSelection(), QItemSelection())
        self.refresh()

    def close_view(self) -> None:
        self._load.discard()

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        client = self._client

        def load() -> tuple[PolicyOverview, Page[PolicyChange]]:
            return get_policy(client), list_policy_changes(client, limit=200)

        task: Task[tuple[PolicyOverview, Page[PolicyChange]]] = Task(load, parent=self, label="policy")
        task.on_success(self._arrived).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.refresh)).with_busy(self.busy)
        self._load.run(task)

    def _arrived(self, loaded: tuple[PolicyOverview, Page[PolicyChange]]) -> None:
        overview, history = loaded
        self.overview = overview
        units = {limit.name: limit.unit for limit in overview.limits}
        self.pending_model.units = units
        self.history_model.units = units
        self.limits_model.set_records(list(overview.limits))
        self.pending_model.set_records(list(overview.pending))
        self.history_model.set_records([c for c in history.items if c.status != "pending"])
        self.pending_label.setText(self.tr("Waiting for a second admin: %n change(s)", "", len(overview.pending)))
        for table in (self.limits_table, self.pending_table, self.history_table):
            table.resizeColumnsToContents()
        self._pending_selected(QItemSelection(), QItemSelection())
        self.policy_loaded.emit()

    # -- proposing and deciding ----------------------------------------------------------------

    def propose(self, name: str | None = None) -> ProposeChangeDialog | None:
        if self.overview is None:
            return None
        dialog = ProposeChangeDialog(self._client, list(self.overview.limits), name=name, parent=self)
        dialog.done.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def selected_change(self) -> PolicyChange | None:
        rows = self.pending_table.selectionModel().selectedRows()
        return self.pending_model.record(rows[0].row()) if rows else None

    def _pending_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        change = self.selected_change()
        own = change is not None and change.proposed_by == self._me.id
        self.approve_button.setEnabled(change is not None and not own)
        self.approve_button.setToolTip(
            self.tr("You proposed this change; another admin must approve it.") if own else "")
        self.reject_button.setEnabled(change is not None)
        self.reject_button.setText(self.tr("Withdraw…") if own else self.tr("Reject…"))

    def decide(self, *, approve: bool, comment: str | None = None) -> Task[PolicyChange] | None:
        """Approve or reject the selected change; a rejection asks why (unless `comment` is given)."""
        change = self.selected_change()
        if change is None:
            return None
        if not approve and comment is None:
            text, ok = QInputDialog.getText(self, self.tr("Reject the change"), self.tr("Why (optional):"))
            if not ok:
                return None
            comment = text.strip() or None
        client, change_id = self._client, change.id
        call = approve_policy_change if approve else reject_policy_change
        task: Task[PolicyChange] = Task(lambda: call(client, change_id, comment), parent=self,
                                        label="policy decision")
        task.on_success(self._changed).on_failure(
            lambda exc: self.banner.show_message(admin_failure_text(exc), kind="error")).with_busy(self.busy)
        self.decision_task = task
        task.run()
        return task

    def _changed(self, change: PolicyChange) -> None:
        texts = {
            "pending": self.tr("Proposed: %1 → %2. It applies when another admin approves it."),
            "approved": self.tr("Approved: %1 is now %2."),
            "rejected": self.tr("Rejected: %1 stays as it was."),
        }
        unit = self.pending_model.units.get(change.name, "")
        text = texts.get(change.status, "%1").replace("%1", limit_name(change.name)).replace(
            "%2", limit_value(change.new_value, unit))
        self.banner.show_message(text, kind="info")
        self.changed.emit(change)
        self.refresh()
