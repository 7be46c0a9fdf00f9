"""The approvals inbox (DESIGN.md §3 "four eyes", §5): what waits for a supervisor, one item at a
time, with what the decision is about and Approve / Reject beside it.

An item is a case in `pending_approval`: an arrangement beyond an agent's authority, or a dispute
outcome over the four-eyes limit. The decision is one of the subject's actions (approve, reject,
approve_outcome, reject_outcome: `console.cases.act_on_subject`), sent with the subject's ETag
through the outbox. Nobody decides their own proposal: the buttons give way to a sentence.

The items and their loading are `ui.supervisor.inbox_items`, their words
`ui.supervisor.approval_words`, what each subject shows `ui.casework.panels`; here are the table
and the page.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.arrangements import Arrangement
from console.cases import Subject, act_on_subject
from console.disputes import Dispute
from console.errors import ApiError, Conflict, Forbidden, PreconditionFailed, ValidationFailed
from console.formatting import format_datetime
from console.models import User
from console.outbox import Outbox, Queued
from ui.casework.labels import (
    CASE_STATUS_TEXTS,
    CASE_TYPE_TEXTS,
    SLA_STATE_TEXTS,
    SLA_TONES,
    countdown_text,
    text_of,
)
from ui.casework.panels import arrangement_rows, dispute_rows, reasons_html, schedule_html
from ui.changes import ChangeBus, RefreshOnChange
from ui.failures import failure_message
from ui.icons import icon
from ui.supervisor.approval_words import describe_changes, what_text, what_tooltip
from ui.supervisor.inbox_items import InboxItem, load_inbox, reload_item
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, Chip, ErrorBanner
from ui.widgets.flow_layout import flow_host
from ui.widgets.table_model import Column, RecordTableModel
from ui.widgets.tables import fit_columns, make_table, source_row, view_row
from ui.widgets.tones import tone_colour
from ui.widgets.while_shown import WhileShown
from ui.workspace.alerts import alert_items
from ui.workspace.header import set_role

REFRESH_MS = 60_000  # the inbox refreshes itself every minute while it is on screen
LIST_PX = 700  # the inbox's columns readable ("Dispute · Won (full refund)"), tests/ui/test_layout_1280.py
DETAILS_SHARE = 0.45  # of a wide window, for the item's details
WHAT_CHARS = 22  # "Dispute · Won (full refund)", "Hardship plan · 18 months"

# Which subject action decides an item, by case type.
APPROVE_ACTION = {"arrangement": "approve", "dispute": "approve_outcome"}
REJECT_ACTION = {"arrangement": "reject", "dispute": "reject_outcome"}


# -- the table -------------------------------------------------------------------------------


class InboxModel(RecordTableModel[InboxItem]):
    """The items waiting, one row each; the SLA column is coloured by the SLA state."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Type"), lambda i: i.case.type, words=lambda code: text_of(CASE_TYPE_TEXTS, code)),
        # The name only (the account is in its tooltip and the item's details): at 1280 px the
        # account number left "What" a few characters ("Hardship…").
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Customer"), lambda i: i.customer_name,
               tooltip=lambda i: f"{i.customer_name} · {i.account_number}"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "What"), what_text, tooltip=what_tooltip),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Amount"), lambda i: i.amount_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Proposed by"), lambda i: i.proposer_name),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Waiting since"), lambda i: i.proposed_at, "datetime"),
        Column(
            QT_TRANSLATE_NOOP("WorkspaceModels", "SLA"),
            lambda i: i.case.seconds_to_due if i.case.seconds_to_due is not None else 10**12,
            words=None,
            tooltip=lambda i: text_of(SLA_STATE_TEXTS, i.case.sla_state),
        ),
    )
    SLA_COLUMN = 6

    def data(self, index: QModelIndex | Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.column() == self.SLA_COLUMN:
            item = self.record(index.row())
            return countdown_text(item.case.seconds_to_due, item.case.sla_state)
        return super().data(index, role)

    def foreground(self, record: InboxItem, column: Column[Any]) -> QBrush | None:
        if column.header == "SLA":
            return QBrush(tone_colour(SLA_TONES.get(record.case.sla_state, "neutral")))
        return super().foreground(record, column)

    def row_of_case(self, case_id: int) -> int | None:
        return next((row for row, item in enumerate(self._records) if item.case.id == case_id), None)

    def remove_case(self, case_id: int) -> None:
        row = self.row_of_case(case_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._records[row]
        self._display.clear()
        self.endRemoveRows()

    def replace_item(self, item: InboxItem) -> None:
        row = self.row_of_case(item.case.id)
        if row is None:
            return
        self._records[row] = item
        self._display.clear()
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


# -- the view --------------------------------------------------------------------------------


class ApprovalsView(QWidget):
    """The inbox on the left, the selected item and the decision on the right.

    Signals: `case_requested(case_id)` ("Open case"); `inbox_loaded()` after each (re)load;
    `decided(case_id, action)` when a decision landed or was kept in the outbox.
    """

    case_requested = Signal(int)
    inbox_loaded = Signal()
    decided = Signal(int, str)
    item_reloaded = Signal(int)

    def __init__(
        self,
        client: ApiClient,
        *,
        user: User,
        outbox: Outbox | None = None,
        changes: ChangeBus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._user = user
        self._outbox = outbox
        self._inbox_task = LatestOnly()
        self._action_task = LatestOnly()
        self._reload_task = LatestOnly()
        self.shown_item: InboxItem | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        bar = QHBoxLayout()
        self.title_label = QLabel(self.tr("Approvals"), self)
        self.title_label.setObjectName("pageHeading")
        bar.addWidget(self.title_label)
        self.count_label = QLabel(self)
        set_role(self.count_label, "secondary")
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        self.busy = BusyIndicator(self)
        bar.addWidget(self.busy)
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)

        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = InboxModel(self)
        self.table = make_table(self.model, parent=splitter, stretch_column=2)
        self.table.setAccessibleName(self.tr("Waiting for approval"))
        # On a narrow screen "Waiting since" goes first (the SLA says how urgent; the details say
        # when), then the type (what it is says it too), before any column is cut.
        fit_columns(self.table, {0: 8, 1: 8, 3: 10, 4: 13, 5: 13, 6: 14}, drop=(5, 0),
                    stretch_chars=WHAT_CHARS, drop_before_cutting=True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._open_case())
        splitter.addWidget(self.table)

        # The details scroll; the decision and "Open case" stay under them, always in sight (at
        # 1280×800 a hardship plan's schedule pushed Approve below the fold).
        pane = QWidget(splitter)
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(pane)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details = QWidget(scroll)
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(12, 0, 0, 0)
        # The title over the whole pane, the SLA chip under it: beside the chip the title wrapped
        # to three lines in the pane's 340 px ("Hardship / plan · 18 / months").
        self.detail_title = QLabel(self.details)
        self.detail_title.setObjectName("dialogHeading")
        self.detail_title.setWordWrap(True)
        details_layout.addWidget(self.detail_title)
        heading_row = QHBoxLayout()
        self.sla_chip = Chip(parent=self.details)
        heading_row.addWidget(self.sla_chip)
        heading_row.addStretch(1)
        details_layout.addLayout(heading_row)
        self.detail_text = QLabel(self.details)
        self.detail_text.setTextFormat(Qt.TextFormat.RichText)
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        details_layout.addWidget(self.detail_text)

        self.decision_box = QGroupBox(self.tr("Decision"), pane)
        self.decision_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        decision_layout = QVBoxLayout(self.decision_box)
        self.four_eyes_label = QLabel(self.decision_box)
        self.four_eyes_label.setWordWrap(True)
        set_role(self.four_eyes_label, "secondary")
        decision_layout.addWidget(self.four_eyes_label)
        self.comment_edit = QPlainTextEdit(self.decision_box)
        self.comment_edit.setPlaceholderText(self.tr("Comment (required to reject; goes on the case timeline)"))
        self.comment_edit.setAccessibleName(self.tr("Comment"))
        self.comment_edit.setFixedHeight(self.comment_edit.fontMetrics().height() * 4 + 16)
        self.comment_edit.textChanged.connect(lambda: self.comment_error.setVisible(False))
        # Above the comment: the decision sits at the bottom of the pane and grows upwards, so
        # the sentence appearing never moves the buttons from under the pointer.
        self.comment_error = QLabel(self.decision_box)
        self.comment_error.setWordWrap(True)
        set_role(self.comment_error, "error")
        self.comment_error.setVisible(False)
        decision_layout.addWidget(self.comment_error)
        decision_layout.addWidget(self.comment_edit)
        # They wrap to a second row in a narrow pane rather than be cut ("Approve outcome").
        button_row, buttons = flow_host(self.decision_box)
        self.approve_button = QPushButton(icon("check"), self.tr("Approve"), self.decision_box)
        self.approve_button.clicked.connect(self.approve)
        buttons.addWidget(self.approve_button)
        self.reject_button = QPushButton(icon("close"), self.tr("Reject"), self.decision_box)
        self.reject_button.clicked.connect(self.reject)
        buttons.addWidget(self.reject_button)
        # The busy sign beside the row, not in it: it keeps its room while idle and wrapped to a
        # second, empty row.
        self.action_busy = BusyIndicator(self.decision_box)
        button_line = QHBoxLayout()
        button_line.addWidget(button_row, 1)
        button_line.addWidget(self.action_busy, 0, Qt.AlignmentFlag.AlignTop)
        decision_layout.addLayout(button_line)
        details_layout.addStretch(1)
        scroll.setWidget(self.details)
        pane_layout.addWidget(scroll, 1)

        below = QVBoxLayout()
        below.setContentsMargins(12, 0, 0, 0)
        below.addWidget(self.decision_box)
        open_row = QHBoxLayout()
        self.open_case_button = QPushButton(icon("cases"), self.tr("Open case"), pane)
        self.open_case_button.clicked.connect(self._open_case)
        open_row.addWidget(self.open_case_button)
        open_row.addStretch(1)
        below.addLayout(open_row)
        pane_layout.addLayout(below)
        splitter.addWidget(pane)
        # The list keeps LIST_PX (its columns readable at 1280 px); the details take the rest, at
        # least what a decision needs (its buttons wrap rather than being cut) and at most
        # DETAILS_SHARE of a wide window. Once the person drags the handle, their split stands.
        splitter.setCollapsible(1, False)
        splitter.setSizes([900, 340])
        self.splitter = splitter
        self._split_dragged = False
        splitter.splitterMoved.connect(self._split_moved)
        splitter.installEventFilter(self)
        layout.addWidget(splitter, 1)

        self.refreshing = WhileShown(self, on_show=self.refresh)
        self.refresh_timer = self.refreshing.timer("approvalsRefresh", REFRESH_MS, self.refresh)
        # Another view's write on a case refreshes the inbox on screen (it refreshes on show anyway).
        self.refresh_on_change = (
            RefreshOnChange(self, changes, shows=lambda change: bool(change.case_ids), refresh=self.refresh,
                            refresh_on_show=False)
            if changes is not None else None
        )
        self._show_item(None)

    # -- the split ---------------------------------------------------------------------------

    def _split_moved(self, _pos: int, _index: int) -> None:
        self._split_dragged = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.splitter and event.type() == QEvent.Type.Resize and not self._split_dragged:
            self.fit_split()
        return False

    def fit_split(self) -> None:
        """The list LIST_PX wide (or what the details leave), the details the rest (see __init__)."""
        total = self.splitter.width() - self.splitter.handleWidth()
        details = self.splitter.widget(1)
        least = details.minimumSizeHint().width() if details is not None else 0
        wanted = max(least, min(total - LIST_PX, int(total * DETAILS_SHARE)))
        self.splitter.setSizes([max(0, total - wanted), wanted])

    # -- life --------------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop refreshing and drop what is still on its way (the view is closing)."""
        self.refreshing.stop()
        self._inbox_task.discard()
        self._reload_task.discard()

    def close_view(self) -> None:
        self.stop()

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the inbox again; the selected item stays selected if it still waits."""
        client = self._client
        task: Task[list[InboxItem]] = Task(lambda: load_inbox(client), parent=self, label="approvals inbox")
        task.on_success(self._inbox_arrived).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.refresh)
        ).with_busy(self.busy)
        self._inbox_task.run(task)

    def _inbox_arrived(self, items: list[InboxItem]) -> None:
        if self.banner.isVisible() and self.banner.property("kind") == "error":
            self.banner.clear()
        selected = self.shown_item.case.id if self.shown_item is not None else None
        self.model.set_records(items)
        self.count_label.setText(self.tr("%n waiting", "", len(items)))
        row = self.model.row_of_case(selected) if selected is not None else None
        if row is None and items:
            row = 0
        if row is not None:
            self.table.selectRow(view_row(self.table, row))
            self._show_item(self.model.record(row), keep_comment=self.model.record(row).case.id == selected)
        else:
            self._show_item(None)
        self.inbox_loaded.emit()

    def items(self) -> list[InboxItem]:
        return self.model.records()

    def select_case(self, case_id: int) -> bool:
        """Select the item of case `case_id`; False if it is not in the inbox."""
        row = self.model.row_of_case(case_id)
        if row is None:
            return False
        self.table.selectRow(view_row(self.table, row))
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.model.record(source_row(self.table, rows[0].row()))
        if self.shown_item is None or item.case.id != self.shown_item.case.id:
            self._show_item(item)

    # -- the details -------------------------------------------------------------------------

    def _show_item(self, item: InboxItem | None, *, keep_comment: bool = False) -> None:
        self.shown_item = item
        if not keep_comment:
            self.comment_edit.clear()
        self.comment_error.setVisible(False)
        if item is None:
            self.detail_title.setText(self.tr("Nothing waits for your approval."))
            self.detail_text.setText(
                html.escape(self.tr("Arrangements beyond an agent's authority and dispute outcomes over the "
                                    "four-eyes limit appear here."))
            )
            self.sla_chip.setVisible(False)
            self.decision_box.setVisible(False)
            self.open_case_button.setVisible(False)
            return
        case = item.case
        self.detail_title.setText(what_text(item))
        self.sla_chip.set_chip(
            f"{text_of(SLA_STATE_TEXTS, case.sla_state)} · {countdown_text(case.seconds_to_due, case.sla_state)}".rstrip(" ·"),
            SLA_TONES.get(case.sla_state, "neutral"),
        )
        self.sla_chip.setVisible(True)
        self.detail_text.setText(self.details_html(item))
        self.open_case_button.setVisible(True)
        self.decision_box.setVisible(True)
        self._set_decision_state(item)

    def _set_decision_state(self, item: InboxItem) -> None:
        approve, reject = APPROVE_ACTION.get(item.case.type, ""), REJECT_ACTION.get(item.case.type, "")
        allowed = item.subject.allowed_actions
        if item.proposed_by(self._user):
            sentence = self.tr("You proposed this; another supervisor must approve it.")
            may_decide = False
        elif approve not in allowed and reject not in allowed:
            sentence = self.tr("Your role may not decide this; a supervisor who did not propose it must.")
            may_decide = False
        else:
            sentence = ""
            may_decide = True
        self.four_eyes_label.setText(sentence)
        self.four_eyes_label.setVisible(bool(sentence))
        self.comment_edit.setVisible(may_decide)
        self.approve_button.setVisible(may_decide and approve in allowed)
        self.reject_button.setVisible(may_decide and reject in allowed)
        if item.case.type == "dispute":
            self.approve_button.setText(self.tr("Approve outcome"))
            self.reject_button.setText(self.tr("Reject outcome"))
        else:
            self.approve_button.setText(self.tr("Approve"))
            self.reject_button.setText(self.tr("Reject"))
        self._set_deciding(self._action_task.current is not None and self._action_task.current.is_running)

    def _set_deciding(self, deciding: bool) -> None:
        self.approve_button.setEnabled(not deciding)
        self.reject_button.setEnabled(not deciding)
        self.comment_edit.setReadOnly(deciding)

    def details_html(self, item: InboxItem) -> str:
        """What the decision is about, as escaped rich text."""
        rows: list[tuple[str, str]] = [
            (self.tr("Customer"), f"{item.customer_name} · {item.account_number}"),
            (self.tr("Proposed by"), self._proposer_text(item)),
        ]
        sections: list[str] = []
        sections.append(self._also_live_html(item))
        subject = item.subject
        if isinstance(subject, Arrangement):
            rows.extend(arrangement_rows(subject))
            sections.append(schedule_html(subject))
            sections.append(reasons_html(subject))
        elif isinstance(subject, Dispute):
            rows.extend(dispute_rows(subject))
        table = "".join(
            f"<tr><td style='padding:2px 12px 2px 0; white-space:nowrap'><b>{html.escape(label)}</b></td>"
            f"<td style='padding:2px 0'>{html.escape(value)}</td></tr>"
            for label, value in rows
            if value
        )
        return f"<table cellspacing='0'>{table}</table>" + "".join(s for s in sections if s)

    def _proposer_text(self, item: InboxItem) -> str:
        name = item.proposer_name or self.tr("user %1").replace("%1", str(item.proposer_id or "?"))
        if item.proposed_by(self._user):
            name = self.tr("%1 (you)").replace("%1", name)
        return self.tr("%1 on %2").replace("%1", name).replace("%2", format_datetime(item.proposed_at))


    def also_live(self, item: InboxItem) -> list[str]:
        """What else is live or open on the item's account: arrangements, disputes, fraud reports, a freeze."""
        if item.alerts is None:
            return []
        subject_arrangement = item.case.subject_id if item.case.type == "arrangement" else None
        return [alert.text for alert in alert_items(item.alerts, account_id=item.case.account_id,
                                                    except_arrangement=subject_arrangement,
                                                    except_case=item.case.id, with_last_contact=False)]

    def _also_live_html(self, item: InboxItem) -> str:
        if item.alerts is None:
            return ""
        also = self.also_live(item)
        colour = tone_colour("warning").name() if also else tone_colour("muted").name()
        if not also:
            nothing = html.escape(self.tr("Nothing else is live or open on this account."))
            return f"<p style='color:{colour}'>{nothing}</p>"
        heading = html.escape(self.tr("Also on this account:"))
        lines = "".join(f"<li>{html.escape(text)}</li>" for text in also)
        return (f"<p style='margin-bottom:0'><b style='color:{colour}'>{heading}</b></p>"
                f"<ul style='margin-top:2px'>{lines}</ul>")


    # -- deciding ----------------------------------------------------------------------------

    def approve(self) -> None:
        item = self.shown_item
        if item is None:
            return
        self._decide(item, APPROVE_ACTION.get(item.case.type, "approve"))

    def reject(self) -> None:
        item = self.shown_item
        if item is None:
            return
        if not self.comment_edit.toPlainText().strip():
            self.comment_error.setText(self.tr("Say why you reject it: a comment is required."))
            self.comment_error.setVisible(True)
            self.comment_edit.setFocus()
            return
        self._decide(item, REJECT_ACTION.get(item.case.type, "reject"))

    def _decide(self, item: InboxItem, action: str) -> None:
        comment = self.comment_edit.toPlainText().strip()
        body: dict[str, Any] = {}
        if comment:
            # A dispute's approval takes a timeline note; every other decision a comment.
            body["note" if action == "approve_outcome" else "comment"] = comment
        label = self._outbox_label(item, action)
        client, outbox, subject = self._client, self._outbox, item.subject
        task: Task[Subject | Queued] = Task(
            lambda: act_on_subject(outbox, client, subject, action, body, label=label),
            parent=self,
            label=f"approvals {action}",
        )
        task.on_success(lambda result: self._decision_landed(item, action, result)).on_failure(
            lambda exc: self._decision_failed(item, exc)
        ).with_busy(self.action_busy)
        self.banner.clear()
        self._set_deciding(True)
        self._action_task.run(task)

    def _outbox_label(self, item: InboxItem, action: str) -> str:
        what = what_text(item)
        words = {
            "approve": self.tr("Approve %1 for %2"),
            "approve_outcome": self.tr("Approve %1 for %2"),
            "reject": self.tr("Reject %1 for %2"),
            "reject_outcome": self.tr("Reject %1 for %2"),
        }[action]
        return words.replace("%1", what).replace("%2", item.customer_name)

    def _decision_landed(self, item: InboxItem, action: str, result: Subject | Queued) -> None:
        self._set_deciding(False)
        what = what_text(item)
        if isinstance(result, Queued):
            text = self.tr(
                "The server cannot be reached: your decision on %1 for %2 is kept in the outbox and "
                "will be sent when the server is reachable."
            )
            self.banner.show_message(text.replace("%1", what).replace("%2", item.customer_name), kind="warning")
        else:
            status = result.status
            approved = action in ("approve", "approve_outcome")
            text = self.tr("Approved: %1 for %2.") if approved else self.tr("Rejected: %1 for %2.")
            text = text.replace("%1", what).replace("%2", item.customer_name)
            if status:
                text += " " + self.tr("Now: %1.").replace("%1", text_of(CASE_STATUS_TEXTS, status))
            self.banner.show_message(text, kind="info")
        self.model.remove_case(item.case.id)
        self.count_label.setText(self.tr("%n waiting", "", self.model.rowCount()))
        if self.shown_item is not None and self.shown_item.case.id == item.case.id:
            self.shown_item = None
            if self.model.rowCount():
                self.table.selectRow(0)
                first = self.model.record(source_row(self.table, 0))
                self._show_item(first)
            else:
                self._show_item(None)
        self.decided.emit(item.case.id, action)

    def _decision_failed(self, item: InboxItem, exc: BaseException) -> None:
        self._set_deciding(False)
        if isinstance(exc, Forbidden) and exc.code == "four_eyes":
            self.banner.show_message(self.tr("You proposed this; another supervisor must approve it."), kind="warning")
            self._reload(item, None)
            return
        if isinstance(exc, ValidationFailed) and any("comment" in field or "note" in field
                                                     for field, _message in exc.field_errors):
            self.comment_error.setText(failure_message(exc))
            self.comment_error.setVisible(True)
            return
        if isinstance(exc, PreconditionFailed):
            self._reload(item, self.tr("This changed while you were looking at it"))
            return
        if isinstance(exc, Conflict):
            self.banner.show_message(failure_message(exc), kind="error")
            self._reload(item, None)
            return
        if isinstance(exc, ApiError):
            self.banner.show_message(failure_message(exc), kind="error")
            return
        self.banner.show_failure(exc, retry=lambda: self._decide_again(item))

    def _decide_again(self, item: InboxItem) -> None:
        self._show_item(item, keep_comment=True)

    def _reload(self, item: InboxItem, changed_prefix: str | None) -> None:
        """Read the item again after a refusal; say what changed when `changed_prefix` is given."""
        client = self._client
        task: Task[InboxItem] = Task(lambda: reload_item(client, item), parent=self, label="approvals reload")
        task.on_success(lambda fresh: self._item_reloaded(item, fresh, changed_prefix)).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.refresh)
        ).with_busy(self.action_busy)
        self._reload_task.run(task)

    def _item_reloaded(self, old: InboxItem, fresh: InboxItem, changed_prefix: str | None) -> None:
        still_waiting = fresh.subject.status == "pending_approval" and fresh.case.is_open
        if changed_prefix is not None:
            changes = describe_changes(old, fresh)
            text = changed_prefix + ": " + changes + " "
            text += (
                self.tr("Check it and decide again.") if still_waiting else self.tr("It no longer waits for approval.")
            )
            self.banner.show_message(text, kind="warning")
        if still_waiting:
            self.model.replace_item(fresh)
            if self.shown_item is not None and self.shown_item.case.id == fresh.case.id:
                self._show_item(fresh, keep_comment=True)
        else:
            self.model.remove_case(fresh.case.id)
            self.count_label.setText(self.tr("%n waiting", "", self.model.rowCount()))
            if self.shown_item is not None and self.shown_item.case.id == fresh.case.id:
                self._show_item(self.model.record(0) if self.model.rowCount() else None)
        self.item_reloaded.emit(fresh.case.id)

    def _open_case(self) -> None:
        if self.shown_item is not None:
            self.case_requested.emit(self.shown_item.case.id)


__all__ = ["ApprovalsView", "InboxModel"]
