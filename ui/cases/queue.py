"""My cases and Queues (DESIGN.md §5 "Case views"): a table of cases with the SLA in words and
colour and a live countdown, filters, client-side sort (due soonest first), take-next for those
who work a queue, and "Assign to…" for supervisors.

- mode ``"mine"``: an agent sees the cases they opened or hold (the server limits them); a
  dispute handler or supervisor the cases assigned to them.
- mode ``"queues"``: the queues the role works (disputes and fraud; supervisors also approvals).

The server filters by queue, type, status, SLA state, assignee and open/closed; the text box
filters what came back. The list refreshes every 60 s while it is on screen and the countdown
ticks every 30 s without a request; both timers stop when the view is hidden or closed.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.cases import BulkAssignResult, Case, CaseDetail, CaseQuery, list_cases, take_next
from console.errors import ApiError
from console.models import User
from ui.cases.assign import AssignDialog
from ui.cases.models import COLUMN, CaseFilterProxy, CaseTableModel
from ui.casework.labels import (
    CASE_STATUS_TEXTS,
    CASE_TYPE_TEXTS,
    QUEUE_TEXTS,
    SLA_STATE_TEXTS,
    text_of,
)
from ui.changes import ChangeBus, RefreshOnChange
from ui.export import export_view, install_header_export
from ui.icons import icon
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.table_model import RECORD_ROLE
from ui.widgets.tables import fit_columns
from ui.widgets.while_shown import WhileShown

__all__ = ["CaseListView", "queues_served"]

PAGE_LIMIT = 200
MAX_CASES = 2000
REFRESH_MS = 60_000
TICK_MS = 30_000
SUMMARY_CHARS = 26  # what a case is ("Dispute (Not received): ¥…") before whose

# Which queues each role works (backend/cases/queues.SERVING_ROLES, seen from the role).
QUEUES_SERVED: dict[str, tuple[str, ...]] = {
    "dispute_handler": ("disputes", "fraud"),
    "supervisor": ("disputes", "fraud", "approvals"),
}
WORKERS = frozenset(QUEUES_SERVED)

ASSIGNEE_TEXTS = {
    "": QT_TRANSLATE_NOOP("CaseListView", "Anyone"),
    "me": QT_TRANSLATE_NOOP("CaseListView", "Me"),
    "none": QT_TRANSLATE_NOOP("CaseListView", "Unassigned"),
}


def queues_served(role: str) -> tuple[str, ...]:
    return QUEUES_SERVED.get(role, ())


def fetch_cases(client: ApiClient, query: CaseQuery, limit: int = MAX_CASES) -> tuple[list[Case], bool, float]:
    """Every case matching `query`, page by page (at most `limit`): (cases, more were left, when)."""
    cases: list[Case] = []
    cursor: str | None = None
    while True:
        page = list_cases(client, query, limit=PAGE_LIMIT, cursor=cursor)
        cases.extend(page.items)
        cursor = page.next_cursor
        if cursor is None or len(cases) >= limit:
            return cases[:limit], cursor is not None or len(cases) > limit, time.monotonic()


class CaseListView(QWidget):
    """A table of cases for `user` (see the module docstring for `mode`).

    Signals: ``case_requested(int)``: open this case (double-click, Enter, take-next);
    ``loaded()`` after each successful refresh; ``assigned(object)`` after "Assign to…" landed.
    """

    case_requested = Signal(int)
    loaded = Signal()
    assigned = Signal(object)

    def __init__(self, client: ApiClient, *, user: User, mode: str, changes: ChangeBus | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if mode not in ("mine", "queues"):
            raise ValueError(f"mode must be 'mine' or 'queues', not {mode!r}")
        self.setObjectName("CaseListView")
        self.client = client
        self.user = user
        self.mode = mode
        self.load_task: Task[Any] | None = None
        self.take_task: Task[CaseDetail] | None = None
        self.assign_dialog: AssignDialog | None = None
        self.truncated = False
        self._loader = LatestOnly()
        self._closed = False
        self._served = queues_served(user.role)
        self._loaded_once = False

        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)

        top = QHBoxLayout()
        heading = QLabel(self.tr("My cases") if mode == "mine" else self.tr("Queues"))
        heading.setObjectName("pageHeading")
        top.addWidget(heading)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "secondary")
        top.addWidget(self.count_label, 1)
        self.busy = BusyIndicator(self)
        top.addWidget(self.busy)
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Load the cases again (F5); the list also refreshes every minute"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        self.take_next_button = QPushButton(icon("queue"), self.tr("Take next"))
        self.take_next_button.setToolTip(
            self.tr("Assign yourself the unassigned case due first in the chosen queue (or any queue you work)")
        )
        self.take_next_button.clicked.connect(self.take_next)
        self.take_next_button.setVisible(user.role in WORKERS)
        top.addWidget(self.take_next_button)
        self.assign_button = QPushButton(icon("customer"), self.tr("Assign to…"))
        self.assign_button.setToolTip(self.tr("Assign the selected cases to one person"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.assign_button.setVisible(user.role == "supervisor")
        self.assign_button.setEnabled(False)
        top.addWidget(self.assign_button)
        self.export_button = QPushButton(icon("export"), self.tr("Export CSV…"))
        self.export_button.clicked.connect(lambda: self.export_csv())
        top.addWidget(self.export_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.queue_filter = self._combo(filters, self.tr("Queue"), [("", self.tr("All queues"))] + [
            (queue, text_of(QUEUE_TEXTS, queue)) for queue in self._served
        ])
        self.queue_filter.setVisible(len(self._served) > 1)
        self.type_filter = self._combo(filters, self.tr("Type"), [("", self.tr("All types"))] + [
            (code, text_of(CASE_TYPE_TEXTS, code)) for code in CASE_TYPE_TEXTS
        ])
        self.status_filter = self._combo(filters, self.tr("Status"), [("", self.tr("Any status"))] + [
            (code, text_of(CASE_STATUS_TEXTS, code)) for code in CASE_STATUS_TEXTS
        ])
        self.sla_filter = self._combo(filters, self.tr("SLA"), [("", self.tr("Any SLA state"))] + [
            (code, text_of(SLA_STATE_TEXTS, code)) for code in SLA_STATE_TEXTS
        ])
        self.assignee_filter = self._combo(filters, self.tr("Assignee"), [
            (code, self.tr(text)) for code, text in ASSIGNEE_TEXTS.items()
        ])
        # In "My cases" a handler or supervisor sees what they hold: the assignee is fixed.
        self.assignee_filter.setVisible(not (mode == "mine" and user.role in WORKERS))
        self.open_filter = self._combo(filters, self.tr("Open or closed"), [
            ("open", self.tr("Open")), ("closed", self.tr("Closed")), ("", self.tr("Open and closed")),
        ])
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Filter: summary, case, customer or account number"))
        self.search.setAccessibleName(self.tr("Filter the cases shown"))
        self.search.addAction(icon("filter"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._text_changed)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)

        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)

        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setProperty("exportName", "cases" if mode == "mine" else "queues")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN["due_in"], Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if user.role == "supervisor"
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The summary takes what the other columns leave (down to its minimum): no sideways scrolling;
        # on a narrow screen the others give up width down to their titles (fit_columns).
        header.setSectionResizeMode(COLUMN["summary"], QHeaderView.ResizeMode.Stretch)
        # Narrow (1280 px): "Due in" and the summary say what "Opened", "Due at", "Type" and the
        # SLA words do ("Due in" is coloured by the SLA state); they go before the summary is
        # squeezed below SUMMARY_CHARS or another column is cut, and Priority last (a high
        # priority case's number is in the warning colour, its tooltip says the priority).
        fit_columns(self.table, {COLUMN[key]: chars for key, chars in (
            ("id", 5), ("type", 12), ("customer", 20), ("amount", 10), ("status", 19),
            ("sla", 10), ("due_in", 16), ("due_at", 15), ("assignee", 13), ("priority", 6), ("opened", 15),
        )}, drop=(COLUMN["opened"], COLUMN["due_at"], COLUMN["type"], COLUMN["sla"],
                                 COLUMN["priority"]),
            stretch_chars=SUMMARY_CHARS, drop_before_cutting=True)
        self.table.activated.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        install_header_export(self.table, done=self._exported, failed=self.banner.show_failure)
        layout.addWidget(self.table, 1)

        self.empty_label = QLabel()
        self.empty_label.setProperty("role", "secondary")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setVisible(False)
        layout.addWidget(self.empty_label)

        self.refreshing = WhileShown(self, on_show=self.refresh)
        self.refresh_timer = self.refreshing.timer("refresh_timer", REFRESH_MS, self.refresh)
        self.tick_timer = self.refreshing.timer("tick_timer", TICK_MS, self.tick)
        # A write on a case elsewhere (a case page, the approvals inbox, the outbox) refreshes the
        # list on screen; a hidden one refreshes when shown anyway.
        self.refresh_on_change = (
            RefreshOnChange(self, changes, shows=lambda change: bool(change.case_ids), refresh=self.refresh,
                            refresh_on_show=False)
            if changes is not None else None
        )
        self.proxy.modelReset.connect(self._update_counts)
        self.proxy.rowsInserted.connect(self._update_counts)
        self.proxy.rowsRemoved.connect(self._update_counts)
        self.proxy.layoutChanged.connect(self._update_counts)
        self._update_counts()

    def _combo(self, row: QHBoxLayout, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for code, text in items:
            combo.addItem(text, code)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        row.addWidget(combo)
        return combo

    # -- what to ask for --------------------------------------------------------------------

    def query(self) -> CaseQuery:
        """The server-side filters as the controls have them."""
        queue = str(self.queue_filter.currentData() or "")
        if not queue and self.mode == "queues":
            queue = ",".join(self._served)
        assignee = str(self.assignee_filter.currentData() or "") or None
        if self.mode == "mine" and self.user.role in WORKERS:
            assignee = "me"
        state = str(self.open_filter.currentData() or "")
        return CaseQuery(
            type=str(self.type_filter.currentData() or "") or None,
            status=str(self.status_filter.currentData() or "") or None,
            queue=queue or None,
            assignee=assignee,
            sla_state=str(self.sla_filter.currentData() or "") or None,
            open=None if not state else state == "open",
        )

    def filters(self) -> dict[str, str]:
        """The filters as chosen (codes, and the text typed), to put back after a language switch."""
        chosen = {name: str(combo.currentData() or "") for name, combo in self._filter_combos().items()}
        chosen["text"] = self.search.text()
        return chosen

    def restore_filters(self, chosen: dict[str, str]) -> None:
        """Choose again what `filters` returned (a code no longer offered is left as it is)."""
        for name, combo in self._filter_combos().items():
            index = combo.findData(chosen.get(name, combo.currentData()))
            if index >= 0:
                combo.setCurrentIndex(index)
        self.search.setText(chosen.get("text", ""))

    def _filter_combos(self) -> dict[str, QComboBox]:
        return {"queue": self.queue_filter, "type": self.type_filter, "status": self.status_filter,
                "sla": self.sla_filter, "assignee": self.assignee_filter, "open": self.open_filter}

    def set_filter(self, combo: QComboBox, code: str) -> None:
        """Choose `code` in one of the filter combos (tests, and the main window's shortcuts)."""
        index = combo.findData(code)
        if index < 0:
            raise ValueError(f"{code!r} is not a choice of {combo.accessibleName()}")
        combo.setCurrentIndex(index)

    def show_matching(self, *, sla_state: str = "", assignee: str = "") -> Task[Any] | None:
        """Show every open case, or only those in `sla_state` / of `assignee` (``none``:
        unassigned): the list a dashboard tile counts, with the other filters cleared and one
        load (not one per filter changed)."""
        choices = (
            (self.queue_filter, ""), (self.type_filter, ""), (self.status_filter, ""),
            (self.sla_filter, sla_state), (self.assignee_filter, assignee), (self.open_filter, "open"),
        )
        for combo, code in choices:
            index = combo.findData(code)
            if index < 0:
                raise ValueError(f"{code!r} is not a choice of {combo.accessibleName()}")
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.search.clear()
        return self.refresh()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> Task[Any] | None:
        """Load the cases again (the latest request wins); keeps the selection where it can."""
        if self._closed:
            return None
        client, query = self.client, self.query()
        task: Task[Any] = Task(lambda: fetch_cases(client, query), parent=self, label="load cases")
        task.on_success(self._show).on_failure(lambda exc: self.banner.show_failure(exc, retry=self.reload))
        task.with_busy(self.busy)
        self.load_task = task
        return self._loader.run(task)

    def reload(self) -> None:
        """`refresh`, for a Retry button."""
        self.refresh()

    def _take_again(self) -> None:
        self.take_next()

    def _show(self, result: tuple[list[Case], bool, float]) -> None:
        cases, truncated, fetched_at = result
        selected = set(self.selected_case_ids())
        self.truncated = truncated
        if self.banner.property("kind") != "info":  # a failure is over; a notice stays to be read
            self.banner.clear()
        self.model.set_cases(cases, fetched_at)
        self._loaded_once = True
        if selected:
            selection = self.table.selectionModel()
            for row in range(self.proxy.rowCount()):
                case = self.proxy.index(row, 0).data(RECORD_ROLE)
                if isinstance(case, Case) and case.id in selected:
                    selection.select(
                        self.proxy.index(row, 0),
                        selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                    )
        self._update_counts()
        self.loaded.emit()

    def tick(self) -> None:
        """The countdown moves on (every 30 s while shown); no request."""
        self.model.tick()

    def _text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_counts()

    def _update_counts(self) -> None:
        shown = [self.proxy.index(row, 0).data(RECORD_ROLE) for row in range(self.proxy.rowCount())]
        cases = [case for case in shown if isinstance(case, Case)]
        at_risk = sum(1 for case in cases if case.sla_state == "at_risk")
        breached = sum(1 for case in cases if case.sla_state == "breached")
        text = (self.tr("1 case") if len(cases) == 1 else self.tr("%1 cases").replace("%1", str(len(cases))))
        text += self.tr(" · %1 at risk").replace("%1", str(at_risk))
        text += self.tr(" · %1 breached").replace("%1", str(breached))
        if self.truncated:
            text += self.tr(" · the first %1 only: narrow the filters").replace("%1", str(MAX_CASES))
        self.count_label.setText(text)
        empty = self._loaded_once and not cases
        self.empty_label.setVisible(empty)
        if empty:
            self.empty_label.setText(
                self.tr("No case matches these filters.")
                if self.model.rowCount()
                else self.tr("No cases here. New disputes, fraud reports and approvals appear as they are filed.")
            )

    def close_view(self) -> None:
        """Stop the timers and drop any answer still on its way (the window is closing)."""
        self._closed = True
        self.refreshing.stop()
        self._loader.discard()
        if self.assign_dialog is not None:
            self.assign_dialog.reject()

    # -- rows ------------------------------------------------------------------------------

    def selected_cases(self) -> list[Case]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        cases = [self.proxy.index(row, 0).data(RECORD_ROLE) for row in rows]
        return [case for case in cases if isinstance(case, Case)]

    def selected_case_ids(self) -> list[int]:
        return [case.id for case in self.selected_cases()]

    def shown_cases(self) -> list[Case]:
        """The cases in the order the table shows them."""
        cases = [self.proxy.index(row, 0).data(RECORD_ROLE) for row in range(self.proxy.rowCount())]
        return [case for case in cases if isinstance(case, Case)]

    def _selection_changed(self) -> None:
        cases = self.selected_cases()
        self.assign_button.setEnabled(bool(cases) and all(case.is_open for case in cases))

    def _activated(self, index: QModelIndex) -> None:
        case = index.data(RECORD_ROLE)
        if isinstance(case, Case):
            self.case_requested.emit(case.id)

    def _row_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        case = index.data(RECORD_ROLE)
        if not isinstance(case, Case):
            return
        menu = QMenu(self)
        open_action = menu.addAction(icon("cases"), self.tr("Open case %1").replace("%1", str(case.id)))
        open_action.triggered.connect(lambda: self.case_requested.emit(case.id))
        if self.user.role == "supervisor" and case.is_open:
            assign = menu.addAction(icon("customer"), self.tr("Assign to…"))
            assign.triggered.connect(lambda: self.assign_cases([case]))
        menu.addSeparator()
        export = menu.addAction(icon("export"), self.tr("Export CSV…"))
        export.triggered.connect(lambda: self.export_csv())
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- take next --------------------------------------------------------------------------

    def take_next(self) -> Task[CaseDetail] | None:
        """Assign yourself the case due first in the chosen queue (any you work when none is chosen)."""
        if self.user.role not in WORKERS or (self.take_task is not None and self.take_task.is_running):
            return None
        queue = str(self.queue_filter.currentData() or "") or None
        client = self.client
        self.take_next_button.setEnabled(False)
        task: Task[CaseDetail] = Task(lambda: take_next(client, queue), parent=self, label="take next case")
        task.on_success(self._taken).on_failure(lambda exc: self._take_failed(exc, queue)).with_busy(self.busy)
        self.take_task = task
        return task.run()

    def _taken(self, case: CaseDetail) -> None:
        self.take_next_button.setEnabled(True)
        self.banner.clear()
        self.refresh()
        self.case_requested.emit(case.id)

    def _take_failed(self, exc: BaseException, queue: str | None) -> None:
        self.take_next_button.setEnabled(True)
        if isinstance(exc, ApiError) and exc.code == "queue_empty":
            where = text_of(QUEUE_TEXTS, queue) if queue else self.tr("your queues")
            self.banner.show_message(
                self.tr("Nothing to take: no unassigned case is waiting in %1.").replace("%1", where), kind="info"
            )
            return
        self.banner.show_failure(exc, retry=self._take_again)

    # -- assign (supervisors) ---------------------------------------------------------------

    def assign_selected(self) -> AssignDialog | None:
        return self.assign_cases(self.selected_cases())

    def assign_cases(self, cases: list[Case]) -> AssignDialog | None:
        """Open "Assign to…" for `cases` (supervisors); the table refreshes once it landed."""
        open_cases = [case for case in cases if case.is_open]
        if self.user.role != "supervisor" or not open_cases:
            return None
        current = {case.assignee_id for case in open_cases}
        dialog = AssignDialog(
            self.client,
            [case.id for case in open_cases],
            sorted({case.queue for case in open_cases}),
            current_assignee_id=current.pop() if len(current) == 1 else None,
            parent=self,
        )
        dialog.assigned.connect(self._assigned)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.assign_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: AssignDialog) -> None:
        if self.assign_dialog is dialog:
            self.assign_dialog = None
        dialog.deleteLater()

    def _assigned(self, result: BulkAssignResult) -> None:
        changed = len(result.changed_ids)
        self.banner.show_message(
            self.tr("%1 case(s) reassigned.").replace("%1", str(changed)), kind="info"
        )
        self.refresh()
        self.assigned.emit(result)

    # -- export ----------------------------------------------------------------------------

    def export_csv(self, path: str | None = None) -> Task[int] | None:
        """Export the rows shown (as sorted and filtered) to CSV; asks where unless `path` is given."""
        return export_view(self.table, parent=self, path=path, done=self._exported, failed=self.banner.show_failure)

    def _exported(self, path: str, rows: int) -> None:
        self.banner.show_message(
            self.tr("%1 rows exported to %2").replace("%1", str(rows)).replace("%2", path), kind="info"
        )
