"""The case page (DESIGN.md §5): one case, its subject, its timeline and exactly the actions allowed.

    page = CasePage(client, case_id, user=me, outbox=outbox)
    page.customer_requested.connect(open_customer)   # "Open customer"
    page.changed.connect(queue.reload)                # an action landed
    ...
    page.close_page()                                 # before the tab goes: stops the clock

What it shows:
- a header with the case type, number and summary, status and SLA chips (the countdown ticks
  every 30 s from the server's `seconds_to_due`), queue, priority, assignee, opened, due;
- the subject's details per type (dispute, fraud report, arrangement) in the business's words;
- the timeline, newest first: the step the agent has to act on is the latest one, and a long
  history scrolls away from the present rather than hiding it at the bottom;
- one button per action the server allows (the subject's `allowed_actions` and the case's own),
  nothing else; where four eyes keep a supervisor from deciding their own proposal, a sentence
  says so instead of a button that would be refused.

The page's words (timeline, what changed) are `ui.cases.case_words`; what each subject shows is
`ui.casework.panels` (shared with the approvals inbox); the action forms are `ui.cases.actions`.

Every action goes through `console.outbox.send` with the subject's ETag (case assignment with
the case's ETag). A 412 reloads the case and the subject and says what changed, by whom and
when; the action was not applied.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.arrangements import Arrangement
from console.cases import CaseDetail, CaseEvent, Subject, act_on_subject, assign_case, get_case, get_subject
from console.disputes import Dispute
from console.errors import PreconditionFailed
from console.formatting import format_datetime, format_fen
from console.models import User
from console.outbox import Delivered, Outbox, Queued
from ui.cases.actions import ActionDialog, ActionSubject, action_dialog, needs_form
from ui.cases.case_words import (
    actor_text,
    describe_changes,
    event_text,
    newest_first,
    people_of,
    timeline_change_text,
)
from ui.casework.labels import (
    ACTION_TEXTS,
    CASE_STATUS_TEXTS,
    CASE_STATUS_TONES,
    CASE_TYPE_TEXTS,
    PRIORITY_TEXTS,
    QUEUE_TEXTS,
    SLA_STATE_TEXTS,
    SLA_TONES,
    countdown_text,
    text_of,
)
from ui.casework.panels import PanelContext, subject_boxes, subject_subtitle
from ui.casework.panels.common import PageTableModel
from ui.changes import ChangeBus, RefreshOnChange
from ui.icons import icon
from ui.tasks import Task
from ui.widgets import BusyIndicator, Chip, ErrorBanner
from ui.widgets.flow_layout import flow_host
from ui.widgets.pane_fit import fit_bottom_pane
from ui.widgets.table_model import Column
from ui.widgets.tables import fit_columns, make_table
from ui.workspace.header import Figure

__all__ = ["CasePage"]

TICK_MS = 30_000  # the SLA countdown moves on every 30 s between reloads


# What happened, as the timeline says it (past tense); an action not listed falls back to the
# button's words, then to the code made readable.

# The case fields a timeline entry shows before → after.


@dataclass(frozen=True)
class TimelineRow:
    event: CaseEvent
    change: str


TIMELINE_COLUMNS: tuple[Column[TimelineRow], ...] = (
    Column(QT_TRANSLATE_NOOP("CasePage", "When"), lambda r: r.event.at, kind="datetime"),
    Column(QT_TRANSLATE_NOOP("CasePage", "Who"), lambda r: actor_text(r.event)),
    Column(QT_TRANSLATE_NOOP("CasePage", "What"), lambda r: event_text(r.event.action)),
    Column(QT_TRANSLATE_NOOP("CasePage", "Change"), lambda r: r.change, tooltip=lambda r: r.change or None),
    Column(QT_TRANSLATE_NOOP("CasePage", "Note"), lambda r: (r.event.note or "").replace("\n", " "),
           tooltip=lambda r: r.event.note),
)


def _running(task: Task[Any] | None) -> bool:
    return task is not None and task.is_running and not task.is_discarded


# -- the page -----------------------------------------------------------------------------------


class CasePage(QWidget):
    """A case shown as a main-window tab (see the module's docstring)."""

    title_changed = Signal(str)
    customer_requested = Signal(int)
    changed = Signal()
    # The case and its subject are shown as the server last answered (after each load).
    loaded = Signal()

    def __init__(
        self,
        client: ApiClient,
        case_id: int,
        *,
        user: User,
        outbox: Outbox | None = None,
        changes: ChangeBus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casePage")
        self.client = client
        self.case_id = int(case_id)
        self.user = user
        self.outbox = outbox
        self.case: CaseDetail | None = None
        self.case_etag: str | None = None
        self.subject: Subject | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        self.action_dialog: ActionDialog | None = None
        self.details: dict[str, QLabel] = {}
        self.detail_tables: dict[str, QTableView] = {}
        self.case_task: Task[tuple[CaseDetail, str]] | None = None
        self.subject_task: Task[Subject] | None = None
        self.action_task: Task[Any] | None = None
        self.stale_task: Task[tuple[CaseDetail, str, Subject]] | None = None
        self._loaded_at = 0.0  # monotonic time of the case's answer, for the countdown
        self._closed = False
        self._title = QCoreApplication.translate("CasePage", "Case %1").replace("%1", str(self.case_id))

        self.tick = QTimer(self)
        self.tick.setObjectName("slaTick")
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self._show_sla)

        self._build()
        # Another view's write on this case (or one delivered from the outbox) reloads the page.
        self.refresh_on_change = (
            RefreshOnChange(self, changes, shows=lambda change: self.case_id in change.case_ids, refresh=self.reload)
            if changes is not None else None
        )
        self.reload()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)

        self.header = QFrame()
        self.header.setObjectName("caseHeader")
        self.header.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self.header)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(8)
        self.title_label = QLabel(self._title)
        self.title_label.setObjectName("pageHeading")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.title_label)
        self.status_chip = Chip()
        self.status_chip.setVisible(False)
        top.addWidget(self.status_chip)
        self.sla_chip = Chip()
        self.sla_chip.setVisible(False)
        top.addWidget(self.sla_chip)
        top.addStretch(1)
        self.busy = BusyIndicator(self)
        top.addWidget(self.busy)
        self.refresh_button = QToolButton()
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.setToolTip(QCoreApplication.translate("CasePage", "Reload the case (F5)"))
        self.refresh_button.setAccessibleName(QCoreApplication.translate("CasePage", "Reload"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.reload)
        top.addWidget(self.refresh_button)
        self.customer_button = QPushButton(icon("customer"), QCoreApplication.translate("CasePage", "Open customer"))
        self.customer_button.setEnabled(False)
        self.customer_button.clicked.connect(self._open_customer)
        top.addWidget(self.customer_button)
        outer.addLayout(top)
        self.summary_label = QLabel()
        self.summary_label.setProperty("role", "secondary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.summary_label)
        figures = QGridLayout()
        figures.setHorizontalSpacing(28)
        figures.setVerticalSpacing(2)
        self.figures: dict[str, Figure] = {}
        for column, (key, caption) in enumerate((
            ("queue", QCoreApplication.translate("CasePage", "Queue")),
            ("priority", QCoreApplication.translate("CasePage", "Priority")),
            ("assignee", QCoreApplication.translate("CasePage", "Assigned to")),
            ("amount", QCoreApplication.translate("CasePage", "At stake")),
            ("opened", QCoreApplication.translate("CasePage", "Opened")),
            ("due", QCoreApplication.translate("CasePage", "Due")),
            ("customer", QCoreApplication.translate("CasePage", "Customer · account")),
        )):
            figure = Figure(caption)
            self.figures[key] = figure
            figures.addWidget(figure, 0, column)
        figures.setColumnStretch(len(self.figures), 1)
        outer.addLayout(figures)
        layout.addWidget(self.header)

        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)
        # What happened to the user's own action (changed meanwhile, kept in the outbox): kept
        # apart from load failures, so a reload that works does not wipe the explanation.
        self.notice = ErrorBanner(self)
        self.notice.setObjectName("ErrorBanner")
        layout.addWidget(self.notice)

        self.action_bar = QWidget()
        bar = QHBoxLayout(self.action_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        # The subject's actions: they wrap to a second row on a narrow screen rather than be cut.
        self._action_host, self._action_row = flow_host(spacing=6)
        bar.addWidget(self._action_host, 3)
        self.action_note = QLabel()
        self.action_note.setObjectName("hint")
        self.action_note.setWordWrap(True)
        self.action_note.setVisible(False)
        bar.addWidget(self.action_note, 1)
        self._case_action_row = QHBoxLayout()  # take, release, assign: at the other end
        self._case_action_row.setSpacing(6)
        bar.addLayout(self._case_action_row)
        self.action_bar.setVisible(False)
        layout.addWidget(self.action_bar)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.details_area = QScrollArea()
        self.details_area.setWidgetResizable(True)
        self.details_area.setFrameShape(QFrame.Shape.NoFrame)
        self.details_holder = QWidget()
        self.details_area.setWidget(self.details_holder)
        self.details_grid = QGridLayout(self.details_holder)
        self.details_grid.setContentsMargins(0, 0, 0, 0)
        self.details_grid.setSpacing(8)
        self.splitter.addWidget(self.details_area)

        timeline_box = QGroupBox(QCoreApplication.translate("CasePage", "Timeline (newest first)"))
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(6, 6, 6, 6)
        self.timeline_model = PageTableModel(TIMELINE_COLUMNS, self)
        # The note (the customer's words, a reason) has its room; the changes take the rest (their
        # tooltip holds them whole): stretching the note after 52 characters of changes cut it
        # to "客户称…" at 1280.
        self.timeline_view = make_table(self.timeline_model, sortable=False, stretch_column=3)
        fit_columns(self.timeline_view, {0: 17, 1: 26, 2: 24, 4: 26})
        timeline_layout.addWidget(self.timeline_view)
        self.splitter.addWidget(timeline_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([440, 240])
        # The timeline as tall as its events need: the details (money events, a schedule) first.
        self.timeline_fit = fit_bottom_pane(self.splitter, self.timeline_view)
        layout.addWidget(self.splitter, 1)

    # -- public -----------------------------------------------------------------------------

    @property
    def title(self) -> str:
        return self._title

    def reload(self) -> None:
        """Load the case and its subject again (in parallel once the subject's address is known;
        the first time, the case says where its subject is)."""
        if self._closed:
            return
        self.banner.clear()
        self._load_case()
        if self.case is not None:
            self._load_subject(self.case)

    def close_page(self) -> None:
        """Stop the page's work: the countdown, and any answer still on its way is dropped."""
        self._closed = True
        self.tick.stop()
        for task in (self.case_task, self.subject_task, self.stale_task):
            if task is not None and task.is_running:
                task.discard()
        if self.action_dialog is not None:
            self.action_dialog.reject()

    def timeline_texts(self) -> list[list[str]]:
        """The timeline as shown, row by row (for tests and reading aloud)."""
        model = self.timeline_model
        return [[model.cell_text(row, column) for column in range(model.columnCount())]
                for row in range(model.rowCount())]

    # -- loading ----------------------------------------------------------------------------

    def _load_case(self) -> None:
        if self.case_task is not None and self.case_task.is_running:
            self.case_task.discard()
        client, case_id = self.client, self.case_id
        self.case_task = Task(lambda: get_case(client, case_id), parent=self, label="case")
        self.case_task.on_success(self._case_loaded).on_failure(self._load_failed).with_busy(self.busy).run()

    def _load_subject(self, case: CaseDetail) -> None:
        if self.subject_task is not None and self.subject_task.is_running:
            self.subject_task.discard()
        client = self.client
        self.subject_task = Task(lambda: get_subject(client, case), parent=self, label="case subject")
        self.subject_task.on_success(self._subject_loaded).on_failure(self._load_failed).with_busy(self.busy).run()

    def _load_failed(self, exc: BaseException) -> None:
        self.banner.show_failure(exc, retry=self.reload)

    def _case_loaded(self, result: tuple[CaseDetail, str]) -> None:
        first = self.case is None
        self._show_case(*result)
        if first and (self.subject_task is None or not self.subject_task.is_running):
            self._load_subject(result[0])
        elif self.subject is not None and not _running(self.subject_task):
            self.loaded.emit()

    def _subject_loaded(self, subject: Subject) -> None:
        self.subject = subject
        self._show_subject()
        self._show_actions()
        if self.case is not None and not _running(self.case_task):
            self.loaded.emit()

    # -- showing ----------------------------------------------------------------------------

    def _show_case(self, case: CaseDetail, etag: str) -> None:
        self.case = case
        self.case_etag = etag
        self._loaded_at = time.monotonic()
        type_words = text_of(CASE_TYPE_TEXTS, case.type)
        self._title = QCoreApplication.translate("CasePage", "%1 · case %2").replace("%1", type_words).replace("%2", str(case.id))
        self.title_label.setText(self._title)
        self.title_changed.emit(self._title)
        if self.subject is None:
            self.summary_label.clear()  # the server's summary carries codes; the subject's words follow
        self.status_chip.set_chip(text_of(CASE_STATUS_TEXTS, case.status), CASE_STATUS_TONES.get(case.status, "neutral"))
        self.status_chip.setVisible(True)
        self.figures["queue"].value.setText(text_of(QUEUE_TEXTS, case.queue))
        self.figures["priority"].value.setText(text_of(PRIORITY_TEXTS, case.priority))
        self.figures["assignee"].value.setText(case.assignee_name or QCoreApplication.translate("CasePage", "Nobody"))
        self.figures["amount"].value.setText(format_fen(case.amount_fen))
        self.figures["opened"].value.setText(format_datetime(case.opened_at))
        if case.is_open:
            due = format_datetime(case.due_at) if case.due_at is not None else "—"
        else:
            due = QCoreApplication.translate("CasePage", "Closed %1").replace("%1", format_datetime(case.closed_at)) if case.closed_at else QCoreApplication.translate("CasePage", "Closed")
        self.figures["due"].value.setText(due)
        self.figures["customer"].value.setText(
            QCoreApplication.translate("CasePage", "%1 · %2").replace("%1", case.customer_name or str(case.customer_id)).replace("%2", case.account_number or str(case.account_id))
        )
        self.customer_button.setEnabled(True)
        self._show_sla()
        if case.is_open and case.seconds_to_due is not None and not self._closed:
            self.tick.start()
        else:
            self.tick.stop()
        names = people_of(case)
        rows = [TimelineRow(event, timeline_change_text(event, names)) for event in newest_first(case.timeline)]
        self.timeline_model.set_records(rows)
        if self.subject is not None:
            self._show_subject()  # the proposer's name comes from the timeline
            self._show_actions()

    def _seconds_left(self) -> int | None:
        case = self.case
        if case is None or case.seconds_to_due is None:
            return None
        return case.seconds_to_due - int(time.monotonic() - self._loaded_at)

    def _show_sla(self) -> None:
        case = self.case
        if case is None or not case.is_open:
            self.sla_chip.setVisible(False)
            return
        seconds = self._seconds_left()
        state = case.sla_state
        if seconds is not None and seconds < 0 and state != "paused":
            state = "breached"  # the deadline passed while the page was open
        words = text_of(SLA_STATE_TEXTS, state)
        countdown = countdown_text(seconds, state)
        text = words if state == "paused" or not countdown else f"{words} · {countdown}"
        self.sla_chip.set_chip(text, SLA_TONES.get(state, "neutral"))
        due = format_datetime(case.due_at) if case.due_at else ""
        self.sla_chip.setToolTip(QCoreApplication.translate("CasePage", "Next deadline: %1").replace("%1", due) if due else "")
        self.sla_chip.setVisible(True)

    def _clear_details(self) -> None:
        while self.details_grid.count():
            item = self.details_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.details.clear()
        self.detail_tables.clear()

    def _show_subject(self) -> None:
        subject, case = self.subject, self.case
        if subject is None or case is None:
            return
        self._clear_details()
        self.summary_label.setText(subject_subtitle(subject))
        boxes = subject_boxes(subject, PanelContext(self.details, self.detail_tables, self._person))
        # Two boxes side by side; a table (money events, transactions) takes a row. A box marked
        # "beside" (an arrangement's schedule) goes under the right-hand box, the left one beside
        # both: below the terms it was under the fold at 1280×800.
        row = column = 0
        placed: list[tuple[QGroupBox, int, int]] = []
        for box in boxes:
            if box.property("beside") is True and len(placed) >= 2 and placed[-1][2] == 1 and placed[-2][2] == 0:
                left, left_row, _ = placed[-2]
                right_row = placed[-1][1]
                self.details_grid.removeWidget(left)
                self.details_grid.addWidget(left, left_row, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
                # The table beside takes what it asks for; the terms keep a line for each value.
                self.details_grid.setColumnMinimumWidth(0, 48 * self.fontMetrics().horizontalAdvance("0"))
                self.details_grid.addWidget(box, right_row + 1, 1)
                placed.append((box, right_row + 1, 1))
                row, column = right_row + 2, 0
                continue
            if box.property("wide") is True:
                if column:
                    row, column = row + 1, 0
                self.details_grid.addWidget(box, row, 0, 1, 2)
                placed.append((box, row, 0))
                row += 1
            else:
                self.details_grid.addWidget(box, row, column, Qt.AlignmentFlag.AlignTop)
                placed.append((box, row, column))
                row, column = (row, 1) if column == 0 else (row + 1, 0)
        self.details_grid.setRowStretch(row + 1, 1)


    def _person(self, user_id: int | None, *, action: str | None = None) -> str:
        """A user's name: from the timeline entry of `action` if given, else any entry or the assignee."""
        case = self.case
        if user_id is None:
            return "—"
        if case is not None:
            if action is not None:
                for event in reversed(case.timeline):
                    if event.action == action and event.actor_id == int(user_id):
                        return event.actor_name
            name = people_of(case).get(int(user_id))
            if name:
                return name
        if int(user_id) == self.user.id:
            return self.user.display_name
        return QCoreApplication.translate("CasePage", "user %1").replace("%1", str(user_id))


    # -- actions ----------------------------------------------------------------------------

    def allowed_actions(self) -> list[tuple[str, str]]:
        """(kind, action) for every button: the subject's actions, then the case's own."""
        actions: list[tuple[str, str]] = []
        if self.case is None or self.subject is None:
            return actions
        actions += [(self.case.type, action) for action in self.subject.allowed_actions]
        actions += [("case", action) for action in self.case.allowed_actions]
        return actions

    def _show_actions(self) -> None:
        for row in (self._action_row, self._case_action_row):
            while row.count():
                item = row.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
        self.action_buttons.clear()
        actions = self.allowed_actions()
        for kind, action in actions:
            button = QPushButton(text_of(ACTION_TEXTS, action))
            button.setObjectName(f"action_{action}")
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            if kind != "case" and action in ("approve", "approve_outcome", "propose_outcome", "acknowledge",
                                               "start_review", "confirm"):
                button.setProperty("primary", True)
            button.clicked.connect(lambda _checked=False, k=kind, a=action: self.start_action(k, a))
            (self._case_action_row if kind == "case" else self._action_row).addWidget(button)
            self.action_buttons[action] = button
        note = self._four_eyes_note() or self._waiting_note()
        self.action_note.setText(note)
        self.action_note.setVisible(bool(note))
        self._action_row.invalidate()
        self.action_bar.setVisible(bool(actions) or bool(note))

    def _four_eyes_note(self) -> str:
        """Why a supervisor sees no Approve on their own proposal (the server leaves it out)."""
        subject, case = self.subject, self.case
        if subject is None or case is None or subject.status != "pending_approval" or self.user.role != "supervisor":
            return ""
        if isinstance(subject, Dispute):
            if subject.proposal is not None and subject.proposal.proposed_by == self.user.id:
                return QCoreApplication.translate("CasePage", "You proposed this outcome, so another supervisor must approve or reject it (four eyes).")
        elif isinstance(subject, Arrangement) and subject.proposed_by == self.user.id:
            return QCoreApplication.translate("CasePage", "You proposed this arrangement, so another supervisor must approve or reject it (four eyes).")
        return ""

    def _waiting_note(self) -> str:
        subject = self.subject
        if subject is None or subject.status != "pending_approval" or self.user.role == "supervisor":
            return ""
        return QCoreApplication.translate("CasePage", "Waiting for a supervisor's approval.")

    def start_action(self, kind: str, action: str) -> None:
        """Run `action` (a button's): at once when it needs no input, else through its form."""
        case, subject = self.case, self.subject
        if case is None or subject is None or (self.action_task is not None and self.action_task.is_running):
            return
        submit = self._submitter(kind, action, case, subject)
        if not needs_form(kind, action):
            body: dict[str, Any] = {}
            self.action_task = Task(lambda: submit(body), parent=self, label=f"case action {action}")
            self.action_task.on_success(self._action_landed).on_failure(self._action_failed).with_busy(self.busy)
            self.action_task.finished.connect(self._update_action_buttons)
            self.action_task.run()
            self._update_action_buttons()
            return
        target = ActionSubject(
            subject_type=kind, subject=subject if kind != "case" else None, user=self.user, queue=case.queue,
            assignee_id=case.assignee_id,
        )
        dialog = action_dialog(target, action, submit, client=self.client, parent=self)
        dialog.done_with.connect(self._action_landed)
        dialog.stale.connect(self._action_failed)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.action_dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: ActionDialog) -> None:
        if self.action_dialog is dialog:
            self.action_dialog = None
        dialog.deleteLater()

    def _update_action_buttons(self) -> None:
        running = self.action_task is not None and self.action_task.is_running
        for button in self.action_buttons.values():
            button.setEnabled(not running)

    def _submitter(
        self, kind: str, action: str, case: CaseDetail, subject: Subject
    ) -> Callable[[dict[str, Any]], Any]:
        """The call an action makes (on a pool thread): subject actions through the outbox with
        the subject's ETag, case assignment with the case's ETag."""
        client, outbox, user_id = self.client, self.outbox, self.user.id
        case_etag = self.case_etag or case.etag
        if kind == "case":
            def assign(body: dict[str, Any]) -> Any:
                if action == "take":
                    assignee: int | None = user_id
                elif action == "release":
                    assignee = None
                else:
                    assignee = int(body["assignee_id"])
                note = body["note"] if "note" in body else None
                return Delivered(assign_case(client, case.id, assignee, etag=case_etag, note=note))

            return assign
        label = QCoreApplication.translate("CasePage", "%1 — %2 (case %3)").replace("%1", text_of(ACTION_TEXTS, action)).replace(
            "%2", text_of(CASE_TYPE_TEXTS, kind)
        ).replace("%3", str(case.id))

        def act(body: dict[str, Any]) -> Any:
            return act_on_subject(outbox, client, subject, action, body, label=label)

        return act

    def _action_landed(self, result: object) -> None:
        if isinstance(result, Queued):
            self.notice.show_message(
                QCoreApplication.translate("CasePage", "No connection to the server: “%1” is kept in the outbox and will be sent when the "
                   "server is reachable. Nothing is lost.").replace("%1", result.label),
                kind="info",
            )
            return
        self.notice.clear()
        self.changed.emit()
        self.reload()

    def _action_failed(self, exc: object) -> None:
        if isinstance(exc, PreconditionFailed):
            self._reload_after_conflict()
            return
        if isinstance(exc, BaseException):
            self.notice.show_failure(exc)
            # The refusal may be because the case moved on: show what it is now.
            self.reload()

    def _reload_after_conflict(self) -> None:
        """412: fetch the case and the subject as they are now, show them, and say what changed."""
        old_case, old_subject = self.case, self.subject
        if old_case is None:
            self.reload()
            return
        client, case_id = self.client, self.case_id

        def fetch() -> tuple[CaseDetail, str, Subject]:
            case, etag = get_case(client, case_id)
            return case, etag, get_subject(client, case)

        def show(result: tuple[CaseDetail, str, Subject]) -> None:
            case, etag, subject = result
            message = describe_changes(old_case, old_subject, case, subject)
            self.subject = subject
            self._show_case(case, etag)
            self._show_subject()
            self._show_actions()
            self.notice.show_message(message, kind="warning")
            self.loaded.emit()

        self.stale_task = Task(fetch, parent=self, label="case after conflict")
        self.stale_task.on_success(show).on_failure(self._load_failed).with_busy(self.busy).run()

    def _open_customer(self) -> None:
        if self.case is not None:
            self.customer_requested.emit(self.case.customer_id)

