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

Every action goes through `console.outbox.send` with the subject's ETag (case assignment with
the case's ETag). A 412 reloads the case and the subject and says what changed, by whom and
when; the action was not applied.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
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
from console.cases import CaseDetail, CaseEvent, Subject, assign_case, get_case, get_subject
from console.errors import PreconditionFailed
from console.formatting import format_date, format_datetime, format_fen, to_business_time
from console.models import User, parse_datetime
from console.outbox import Delivered, Outbox, Queued, send
from ui import wording
from ui.cases.actions import ActionDialog, ActionSubject, action_dialog, needs_form
from ui.casework.labels import (
    ACTION_TEXTS,
    ARRANGEMENT_TYPE_TEXTS,
    CASE_STATUS_TEXTS,
    CASE_STATUS_TONES,
    CASE_TYPE_TEXTS,
    CHANNEL_TEXTS,
    DISPUTE_CATEGORY_TEXTS,
    DISPUTE_REASON_TEXTS,
    FRAUD_CATEGORY_TEXTS,
    OUTCOME_TEXTS,
    PRIORITY_TEXTS,
    QUEUE_TEXTS,
    SLA_STATE_TEXTS,
    SLA_TONES,
    countdown_text,
    text_of,
)
from ui.icons import icon
from ui.roles import role_text
from ui.tasks import Task
from ui.widgets import BusyIndicator, Chip, ErrorBanner
from ui.widgets.chips import account_status_text
from ui.widgets.flow_layout import flow_host
from ui.workspace.common import fit_columns, make_table
from ui.workspace.header import Figure
from ui.workspace.models import Column, RecordTableModel

__all__ = ["CasePage", "describe_changes", "timeline_change_text"]

CONTEXT = "CasePage"
TICK_MS = 30_000  # the SLA countdown moves on every 30 s between reloads


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# -- words ----------------------------------------------------------------------------------

# What happened, as the timeline says it (past tense); an action not listed falls back to the
# button's words, then to the code made readable.
EVENT_TEXTS: dict[str, str] = {
    "opened": QT_TRANSLATE_NOOP("CasePage", "Opened"),
    "assigned": QT_TRANSLATE_NOOP("CasePage", "Assigned"),
    "unassigned": QT_TRANSLATE_NOOP("CasePage", "Unassigned"),
    "taken": QT_TRANSLATE_NOOP("CasePage", "Taken"),
    "approved": QT_TRANSLATE_NOOP("CasePage", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("CasePage", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("CasePage", "Cancelled"),
    "acknowledge": QT_TRANSLATE_NOOP("CasePage", "Acknowledged"),
    "request_customer_info": QT_TRANSLATE_NOOP("CasePage", "Asked the customer for information"),
    "customer_responded": QT_TRANSLATE_NOOP("CasePage", "Customer responded"),
    "send_to_merchant": QT_TRANSLATE_NOOP("CasePage", "Sent to the merchant"),
    "merchant_responded": QT_TRANSLATE_NOOP("CasePage", "Merchant responded"),
    "grant_provisional_credit": QT_TRANSLATE_NOOP("CasePage", "Provisional credit granted"),
    "reverse_provisional_credit": QT_TRANSLATE_NOOP("CasePage", "Provisional credit reversed"),
    "extend": QT_TRANSLATE_NOOP("CasePage", "Deadline extended"),
    "propose_outcome": QT_TRANSLATE_NOOP("CasePage", "Outcome decided"),
    "approve_outcome": QT_TRANSLATE_NOOP("CasePage", "Outcome approved"),
    "reject_outcome": QT_TRANSLATE_NOOP("CasePage", "Outcome rejected"),
    "withdraw": QT_TRANSLATE_NOOP("CasePage", "Withdrawn by the customer"),
    "start_review": QT_TRANSLATE_NOOP("CasePage", "Review started"),
    "confirm": QT_TRANSLATE_NOOP("CasePage", "Fraud confirmed"),
    "not_fraud": QT_TRANSLATE_NOOP("CasePage", "Found not fraud"),
    "close": QT_TRANSLATE_NOOP("CasePage", "Closed"),
}

# The case fields a timeline entry shows before → after.
FIELD_TEXTS: dict[str, str] = {
    "status": QT_TRANSLATE_NOOP("CasePage", "status"),
    "queue": QT_TRANSLATE_NOOP("CasePage", "queue"),
    "priority": QT_TRANSLATE_NOOP("CasePage", "priority"),
    "assignee_id": QT_TRANSLATE_NOOP("CasePage", "assigned to"),
    "due_at": QT_TRANSLATE_NOOP("CasePage", "due"),
    "paused_since": QT_TRANSLATE_NOOP("CasePage", "paused since"),
    "closed_at": QT_TRANSLATE_NOOP("CasePage", "closed"),
    "amount_fen": QT_TRANSLATE_NOOP("CasePage", "amount"),
}
FIELD_ORDER = tuple(FIELD_TEXTS)

MONEY_EVENT_TEXTS: dict[str, str] = {
    "provisional_credit_granted": QT_TRANSLATE_NOOP("CasePage", "Provisional credit granted"),
    "provisional_credit_reversed": QT_TRANSLATE_NOOP("CasePage", "Provisional credit reversed"),
    "refund_credited": QT_TRANSLATE_NOOP("CasePage", "Refund credited"),
    "written_off": QT_TRANSLATE_NOOP("CasePage", "Written off"),
}

FEE_COMPONENT_TEXTS: dict[str, str] = {
    "penalty_interest": QT_TRANSLATE_NOOP("CasePage", "penalty interest"),
    "interest": QT_TRANSLATE_NOOP("CasePage", "interest"),
    "fees": QT_TRANSLATE_NOOP("CasePage", "fees"),
}


def _page_text(table: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    text = table.get(code)
    return _t(text) if text is not None else code.replace("_", " ")


def event_text(action: str) -> str:
    """What a timeline entry did, in words."""
    if action in EVENT_TEXTS:
        return _t(EVENT_TEXTS[action])
    return text_of(ACTION_TEXTS, action)


def actor_text(event: CaseEvent) -> str:
    """"Li Na · Dispute handler"; the end-of-day run is "System"."""
    if event.actor_role == "system" or event.actor_id is None:
        return QCoreApplication.translate("CasePage", "System")
    return f"{event.actor_name} · {role_text(event.actor_role)}"


def _when(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    try:
        return parse_datetime(str(value))
    except ValueError:
        return None


def field_value_text(name: str, value: Any, names: dict[int, str]) -> str:
    """A case field's value in words: statuses and queues by name, money in yuan, times local."""
    if value is None or value == "":
        return "—"
    if name == "status":
        return text_of(CASE_STATUS_TEXTS, str(value))
    if name == "queue":
        return text_of(QUEUE_TEXTS, str(value))
    if name == "priority":
        return text_of(PRIORITY_TEXTS, str(value))
    if name == "assignee_id":
        return names.get(int(value)) or QCoreApplication.translate("CasePage", "user %1").replace("%1", str(value))
    if name == "amount_fen":
        return format_fen(int(value))
    moment = _when(value)
    return format_datetime(moment) if moment is not None else str(value)


def timeline_change_text(event: CaseEvent, names: dict[int, str]) -> str:
    """"status: Investigating → Waiting for customer; due: … → …" (what an entry changed).
    A case's opening entry says where it started (status and queue), not every field."""
    before = event.before or {}
    after = event.after or {}
    if event.action == "opened":
        fields = [name for name in ("status", "queue") if name in after]
        return "; ".join(
            f"{_t(FIELD_TEXTS[name])}: {field_value_text(name, after[name], names)}" for name in fields
        )
    parts: list[str] = []
    for name in FIELD_ORDER:
        if name not in before and name not in after:
            continue
        old = field_value_text(name, before.get(name), names)
        new = field_value_text(name, after.get(name), names)
        parts.append(f"{_t(FIELD_TEXTS[name])}: {old} → {new}")
    return "; ".join(parts)


def people_of(case: CaseDetail) -> dict[int, str]:
    """The names this page knows by user id: whoever acted on the case, and its assignee."""
    names = {event.actor_id: event.actor_name for event in case.timeline if event.actor_id is not None}
    if case.assignee_id is not None and case.assignee_name:
        names[case.assignee_id] = case.assignee_name
    return names


# -- what changed (412) ------------------------------------------------------------------------


def _subject_amounts(case_type: str, data: dict[str, Any]) -> list[tuple[str, int | None]]:
    if case_type == "dispute":
        return [
            (QCoreApplication.translate("CasePage", "disputed amount"), data.get("disputed_amount_fen")),
            (QCoreApplication.translate("CasePage", "provisional credit"), data.get("provisional_credit_fen")),
            (QCoreApplication.translate("CasePage", "awarded"), data.get("awarded_fen")),
        ]
    if case_type == "fraud_report":
        return [(QCoreApplication.translate("CasePage", "reported"), data.get("reported_fen")), (QCoreApplication.translate("CasePage", "written off"), data.get("written_off_fen"))]
    cost = data.get("cost") or {}
    return [(QCoreApplication.translate("CasePage", "total"), cost.get("total_fen")), (QCoreApplication.translate("CasePage", "waived"), cost.get("waived_fen"))]


def _proposal_words(data: dict[str, Any]) -> str:
    proposal = data.get("proposal")
    if not proposal:
        return "—"
    return f"{text_of(OUTCOME_TEXTS, proposal.get('outcome'))} {format_fen(int(proposal.get('amount_fen', 0)))}"


def describe_changes(
    old_case: CaseDetail, old_subject: Subject | None, new_case: CaseDetail, new_subject: Subject | None
) -> str:
    """The sentence a 412 shows: what is different now (status, assignee, due, amounts, proposal,
    version) and who made the newest changes when, e.g. "This case changed while you had it open:
    status Investigating → Waiting for customer (Handler One, 14:02). Your action was not applied.
    Check and try again." """
    names = {**people_of(old_case), **people_of(new_case)}
    changes: list[str] = []
    old_status = old_subject.status if old_subject is not None and old_subject.status else old_case.status
    new_status = new_subject.status if new_subject is not None and new_subject.status else new_case.status
    if old_status != new_status:
        changes.append(
            QCoreApplication.translate("CasePage", "status %1 → %2")
            .replace("%1", text_of(CASE_STATUS_TEXTS, old_status))
            .replace("%2", text_of(CASE_STATUS_TEXTS, new_status))
        )
    if old_case.assignee_id != new_case.assignee_id:
        changes.append(
            QCoreApplication.translate("CasePage", "assigned to %1 → %2")
            .replace("%1", field_value_text("assignee_id", old_case.assignee_id, names))
            .replace("%2", field_value_text("assignee_id", new_case.assignee_id, names))
        )
    if old_case.due_at != new_case.due_at:
        changes.append(
            QCoreApplication.translate("CasePage", "due %1 → %2")
            .replace("%1", format_datetime(old_case.due_at) or "—")
            .replace("%2", format_datetime(new_case.due_at) or "—")
        )
    if old_subject is not None and new_subject is not None:
        old_amounts = _subject_amounts(new_case.type, old_subject.data)
        new_amounts = _subject_amounts(new_case.type, new_subject.data)
        for (label, old), (_label, new) in zip(old_amounts, new_amounts, strict=True):
            if old != new:
                changes.append(
                    f"{label} {format_fen(int(old)) if old is not None else '—'} → "
                    f"{format_fen(int(new)) if new is not None else '—'}"
                )
        if new_case.type == "dispute" and old_subject.data.get("proposal") != new_subject.data.get("proposal"):
            changes.append(
                QCoreApplication.translate("CasePage", "proposed outcome %1 → %2")
                .replace("%1", _proposal_words(old_subject.data))
                .replace("%2", _proposal_words(new_subject.data))
            )
    old_version = old_subject.data.get("version") if old_subject is not None else None
    new_version = new_subject.data.get("version") if new_subject is not None else None
    if not changes:
        if old_version != new_version and old_version is not None and new_version is not None:
            changes.append(QCoreApplication.translate("CasePage", "it was updated (version %1 → %2)").replace("%1", str(old_version)).replace("%2", str(new_version)))
        elif old_case.version != new_case.version:
            changes.append(
                QCoreApplication.translate("CasePage", "it was updated (version %1 → %2)")
                .replace("%1", str(old_case.version))
                .replace("%2", str(new_case.version))
            )
    seen = max((event.id for event in old_case.timeline), default=0)
    newer = [event for event in new_case.timeline if event.id > seen]
    by_whom = ""
    if newer:
        people: list[str] = []
        for event in newer:
            person = QCoreApplication.translate("CasePage", "System") if event.actor_id is None else event.actor_name
            if person not in people:
                people.append(person)
        latest = max(newer, key=lambda event: (event.at, event.id))
        by_whom = QCoreApplication.translate("CasePage", " (%1, %2)").replace("%1", ", ".join(people)).replace(
            "%2", to_business_time(latest.at).strftime("%H:%M")
        )
    what = "; ".join(changes) if changes else QCoreApplication.translate("CasePage", "someone else changed it")
    return (
        QCoreApplication.translate("CasePage", "This case changed while you had it open: %1%2. Your action was not applied. Check and try again.")
        .replace("%1", what)
        .replace("%2", by_whom)
    )


# -- tables -------------------------------------------------------------------------------------


class PageTableModel(RecordTableModel[Any]):
    """A small read-only table of the page; headers translated in the page's context."""

    def __init__(self, columns: Sequence[Column[Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.COLUMNS = tuple(columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and value is not None:
            return _t(self.COLUMNS[section].header)
        return value

    def cell_text(self, row: int, column: int) -> str:
        return str(self.data(self.index(row, column)) or "")


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


def _money_event_columns() -> tuple[Column[dict[str, Any]], ...]:
    return (
        Column(QT_TRANSLATE_NOOP("CasePage", "When"), lambda e: _when(e.get("at")), kind="datetime"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Event"), lambda e: _page_text(MONEY_EVENT_TEXTS, e.get("kind"))),
        Column(QT_TRANSLATE_NOOP("CasePage", "Amount"), lambda e: e.get("amount_fen"), kind="money"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Transaction"), lambda e: e.get("transaction_id"), kind="int"),
    )


def _fraud_transaction_columns() -> tuple[Column[dict[str, Any]], ...]:
    return (
        Column(QT_TRANSLATE_NOOP("CasePage", "Posted"), lambda t: _when(t.get("posted_at")), kind="datetime"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Merchant"), lambda t: t.get("merchant") or t.get("description")),
        Column(QT_TRANSLATE_NOOP("CasePage", "Amount"), lambda t: t.get("amount_fen"), kind="money"),
        Column(
            QT_TRANSLATE_NOOP("CasePage", "Written off"),
            lambda t: QCoreApplication.translate("CasePage", "Yes") if t.get("write_off_transaction_id") else QCoreApplication.translate("CasePage", "No"),
        ),
    )


def _schedule_columns() -> tuple[Column[dict[str, Any]], ...]:
    def day(value: Any) -> Any:
        return date.fromisoformat(str(value)) if value else None

    return (
        Column(QT_TRANSLATE_NOOP("CasePage", "Period"), lambda p: p.get("period"), kind="int"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Due date"), lambda p: day(p.get("due_date")), kind="date"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Principal"), lambda p: p.get("principal_fen"), kind="money"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Fee"), lambda p: p.get("fee_fen"), kind="money"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Total"), lambda p: p.get("total_fen"), kind="money"),
    )


_KIND_WIDTHS = {"datetime": 17, "date": 11, "money": 14, "int": 8, "text": 26}


def _small_table(columns: Sequence[Column[Any]], records: Sequence[Any], *, max_rows: int = 8) -> QTableView:
    model = PageTableModel(columns)
    model.set_records(records)
    view = make_table(model, sortable=False)
    model.setParent(view)
    view.horizontalHeader().setStretchLastSection(False)
    fit_columns(view, {i: _KIND_WIDTHS.get(column.kind, 20) for i, column in enumerate(columns)})
    rows = min(max(len(records), 1), max_rows)
    view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * rows + view.horizontalHeader().sizeHint().height() + 4)
    view.setMaximumHeight(view.minimumHeight() if len(records) <= max_rows else 16_777_215)
    return view


def _running(task: Task[Any] | None) -> bool:
    return task is not None and task.is_running and not task.is_discarded


# -- the page -----------------------------------------------------------------------------------


def _value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DetailsBox(QGroupBox):
    """A titled group of caption → value rows; the values are kept by key (`values`) for tests."""

    def __init__(self, title: str, values: dict[str, QLabel], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._values = values
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(4)

    def row(self, key: str, caption: str, text: str) -> QLabel:
        label = _value_label(text if text else "—")
        caption_label = QLabel(caption)
        caption_label.setProperty("role", "caption")
        self.form.addRow(caption_label, label)
        self._values[key] = label
        return label

    def widget_row(self, widget: QWidget) -> None:
        self.form.addRow(widget)


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
        self.timeline_view = make_table(self.timeline_model, sortable=False, stretch_column=4)
        fit_columns(self.timeline_view, {0: 16, 1: 28, 2: 26, 3: 52})
        timeline_layout.addWidget(self.timeline_view)
        self.splitter.addWidget(timeline_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([440, 240])
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
            self._load_subject(self.case.subject_url)

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

    def _load_subject(self, url: str) -> None:
        if self.subject_task is not None and self.subject_task.is_running:
            self.subject_task.discard()
        client = self.client
        self.subject_task = Task(lambda: get_subject(client, url), parent=self, label="case subject")
        self.subject_task.on_success(self._subject_loaded).on_failure(self._load_failed).with_busy(self.busy).run()

    def _load_failed(self, exc: BaseException) -> None:
        self.banner.show_failure(exc, retry=self.reload)

    def _case_loaded(self, result: tuple[CaseDetail, str]) -> None:
        first = self.case is None
        self._show_case(*result)
        if first and (self.subject_task is None or not self.subject_task.is_running):
            self._load_subject(result[0].subject_url)
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
        rows = [TimelineRow(event, timeline_change_text(event, names)) for event in reversed(case.timeline)]
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
        data = subject.data
        self.summary_label.setText(self._subtitle(case, data))
        if case.type == "dispute":
            boxes = self._dispute_boxes(data)
        elif case.type == "fraud_report":
            boxes = self._fraud_boxes(data)
        else:
            boxes = self._arrangement_boxes(data)
        # Two boxes side by side; a table (money events, transactions, schedule) takes a row.
        row = column = 0
        for box in boxes:
            if box.property("wide") is True:
                if column:
                    row, column = row + 1, 0
                self.details_grid.addWidget(box, row, 0, 1, 2)
                row += 1
            else:
                self.details_grid.addWidget(box, row, column, Qt.AlignmentFlag.AlignTop)
                row, column = (row, 1) if column == 0 else (row + 1, 0)
        self.details_grid.setRowStretch(row + 1, 1)

    def _subtitle(self, case: CaseDetail, data: dict[str, Any]) -> str:
        """One line under the title: what the case is about, in words."""
        if case.type == "dispute":
            transaction = data.get("transaction") or {}
            merchant = wording.merchant_or_description(transaction)
            amount = QCoreApplication.translate("CasePage", "%1 disputed of %2").replace("%1", format_fen(int(data.get("disputed_amount_fen", 0)))).replace(
                "%2", format_fen(int(transaction.get("amount_fen", 0)))
            )
            parts = [text_of(DISPUTE_REASON_TEXTS, data.get("reason")), merchant, amount]
        elif case.type == "fraud_report":
            count = len(data.get("transactions") or ())
            parts = [
                text_of(FRAUD_CATEGORY_TEXTS, data.get("category")),
                QCoreApplication.translate("CasePage", "%1 transaction(s), %2 reported").replace("%1", str(count)).replace(
                    "%2", format_fen(int(data.get("reported_fen", 0)))
                ),
            ]
        else:
            kind = str(data.get("type", ""))
            parts = [
                text_of(ARRANGEMENT_TYPE_TEXTS, kind),
                self._terms_text(kind, dict(data.get("terms") or {}), dict(data.get("effects") or {})),
            ]
        return " · ".join(part for part in parts if part)

    def _person(self, user_id: Any, *, action: str | None = None) -> str:
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

    def _dispute_boxes(self, data: dict[str, Any]) -> list[QGroupBox]:
        boxes: list[QGroupBox] = []
        dispute = DetailsBox(QCoreApplication.translate("CasePage", "Dispute %1").replace("%1", str(data.get("id", ""))), self.details)
        transaction = data.get("transaction") or {}
        posted = _when(transaction.get("posted_at"))
        merchant = wording.merchant_or_description(transaction)
        dispute.row(
            "transaction",
            QCoreApplication.translate("CasePage", "Transaction"),
            " · ".join(part for part in (
                format_date(posted) if posted else "",
                str(merchant),
                format_fen(int(transaction["amount_fen"])) if "amount_fen" in transaction else "",
            ) if part),
        )
        dispute.row(
            "category",
            QCoreApplication.translate("CasePage", "Category and reason"),
            f"{text_of(DISPUTE_CATEGORY_TEXTS, data.get('category'))} · {text_of(DISPUTE_REASON_TEXTS, data.get('reason'))}",
        )
        dispute.row("channel", QCoreApplication.translate("CasePage", "Raised by"), text_of(CHANNEL_TEXTS, data.get("channel")))
        dispute.row("disputed", QCoreApplication.translate("CasePage", "Disputed amount"), format_fen(int(data.get("disputed_amount_fen", 0))))
        dispute.row(
            "provisional_credit", QCoreApplication.translate("CasePage", "Provisional credit outstanding"), format_fen(int(data.get("provisional_credit_fen", 0)))
        )
        if data.get("outcome"):
            dispute.row(
                "outcome",
                QCoreApplication.translate("CasePage", "Outcome"),
                f"{text_of(OUTCOME_TEXTS, data.get('outcome'))} · {format_fen(int(data.get('awarded_fen') or 0))}",
            )
            if data.get("resolved_by") is not None:
                dispute.row(
                    "resolved",
                    QCoreApplication.translate("CasePage", "Resolved"),
                    QCoreApplication.translate("CasePage", "%1 by %2").replace("%1", format_datetime(_when(data.get("resolved_at"))))
                    .replace("%2", self._person(data.get("resolved_by"))),
                )
            if data.get("resolution_note"):
                dispute.row("resolution_note", QCoreApplication.translate("CasePage", "Resolution note"), str(data["resolution_note"]))
        dispute.row("description", QCoreApplication.translate("CasePage", "What the customer says"), str(data.get("description", "")))
        boxes.append(dispute)

        sla = data.get("sla") or {}
        deadlines = DetailsBox(QCoreApplication.translate("CasePage", "Deadlines"), self.details)
        acknowledged = _when(sla.get("acknowledged_at"))
        ack_due = format_datetime(_when(sla.get("acknowledge_due_at")))
        deadlines.row(
            "acknowledge_by",
            QCoreApplication.translate("CasePage", "Acknowledge by"),
            QCoreApplication.translate("CasePage", "%1 (acknowledged %2)").replace("%1", ack_due).replace("%2", format_datetime(acknowledged))
            if acknowledged else ack_due,
        )
        deadlines.row(
            "decide_by",
            QCoreApplication.translate("CasePage", "Decide by"),
            QCoreApplication.translate("CasePage", "%1 (%2 days from filing)").replace("%1", format_datetime(_when(sla.get("decide_due_at"))))
            .replace("%2", str(sla.get("decide_days", ""))),
        )
        extended = int(sla.get("extended_days", 0) or 0)
        deadlines.row(
            "extended",
            QCoreApplication.translate("CasePage", "Extended"),
            QCoreApplication.translate("CasePage", "Yes: %1 days, %2 time(s)").replace("%1", str(extended)).replace("%2", str(sla.get("extension_count", 0)))
            if extended else QCoreApplication.translate("CasePage", "No"),
        )
        if sla.get("paused"):
            deadlines.row(
                "paused",
                QCoreApplication.translate("CasePage", "Clock"),
                QCoreApplication.translate("CasePage", "Paused since %1 (waiting for the customer)").replace("%1", format_datetime(_when(sla.get("paused_since")))),
            )
        proposal = data.get("proposal")
        if proposal:
            deadlines.row(
                "proposal",
                QCoreApplication.translate("CasePage", "Proposed outcome"),
                QCoreApplication.translate("CasePage", "%1, %2 — by %3 on %4").replace("%1", text_of(OUTCOME_TEXTS, proposal.get("outcome")))
                .replace("%2", format_fen(int(proposal.get("amount_fen", 0))))
                .replace("%3", self._person(proposal.get("proposed_by"), action="propose_outcome"))
                .replace("%4", format_datetime(_when(proposal.get("proposed_at")))),
            )
            if proposal.get("note"):
                deadlines.row("proposal_note", QCoreApplication.translate("CasePage", "Proposal's reasons"), str(proposal["note"]))
        deadlines.setTitle(QCoreApplication.translate("CasePage", "Deadlines and decision"))
        boxes.append(deadlines)

        events = list(data.get("money_events") or ())
        if events:
            money = QGroupBox(QCoreApplication.translate("CasePage", "Money events"))
            money.setProperty("wide", True)
            money_layout = QVBoxLayout(money)
            view = _small_table(_money_event_columns(), events)
            self.detail_tables["money_events"] = view
            money_layout.addWidget(view)
            boxes.append(money)
        return boxes

    def _fraud_boxes(self, data: dict[str, Any]) -> list[QGroupBox]:
        report = DetailsBox(QCoreApplication.translate("CasePage", "Fraud report %1").replace("%1", str(data.get("id", ""))), self.details)
        report.row("category", QCoreApplication.translate("CasePage", "Category"), text_of(FRAUD_CATEGORY_TEXTS, data.get("category")))
        if data.get("holds_freeze"):
            freeze = QCoreApplication.translate("CasePage", "Account frozen by this report")
        elif data.get("freeze_requested"):
            freeze = QCoreApplication.translate("CasePage", "Frozen while the report was open; now %1").replace(
                "%1", account_status_text(str(data.get("account_status", ""))).lower()
            )
        else:
            freeze = QCoreApplication.translate("CasePage", "Not frozen: %1").replace("%1", str(data.get("no_freeze_reason") or "—"))
        report.row("freeze", QCoreApplication.translate("CasePage", "Freeze"), freeze)
        report.row("account_status", QCoreApplication.translate("CasePage", "Account"), account_status_text(str(data.get("account_status", ""))))
        report.row("police_report", QCoreApplication.translate("CasePage", "Police report no."), str(data.get("police_report_number") or "—"))
        report.row("channel", QCoreApplication.translate("CasePage", "Raised by"), text_of(CHANNEL_TEXTS, data.get("channel")))
        report.row("reported", QCoreApplication.translate("CasePage", "Reported"), format_fen(int(data.get("reported_fen", 0))))
        report.row("written_off", QCoreApplication.translate("CasePage", "Written off"), format_fen(int(data.get("written_off_fen", 0))))
        report.row("description", QCoreApplication.translate("CasePage", "What the customer says"), str(data.get("description", "")))
        deadlines = DetailsBox(QCoreApplication.translate("CasePage", "Deadlines and decision"), self.details)
        deadlines.row("filed", QCoreApplication.translate("CasePage", "Filed"), QCoreApplication.translate("CasePage", "%1 by %2").replace("%1", format_datetime(_when(data.get("filed_at"))))
                      .replace("%2", self._person(data.get("filed_by"), action="opened")))
        reviewed = _when(data.get("reviewed_at"))
        review_due = format_datetime(_when(data.get("first_review_due_at")))
        deadlines.row("first_review", QCoreApplication.translate("CasePage", "First review by"),
                      QCoreApplication.translate("CasePage", "%1 (reviewed %2)").replace("%1", review_due).replace("%2", format_datetime(reviewed))
                      if reviewed else review_due)
        deadlines.row("decision_due", QCoreApplication.translate("CasePage", "Decide by"), format_datetime(_when(data.get("decision_due_at"))))
        if data.get("decided_at"):
            deadlines.row(
                "decided",
                QCoreApplication.translate("CasePage", "Decided"),
                QCoreApplication.translate("CasePage", "%1: %2 by %3").replace("%1", format_datetime(_when(data.get("decided_at"))))
                .replace("%2", text_of(CASE_STATUS_TEXTS, data.get("outcome")))
                .replace("%3", self._person(data.get("decided_by"))),
            )
        boxes: list[QGroupBox] = [report, deadlines]
        transactions = list(data.get("transactions") or ())
        linked = QGroupBox(QCoreApplication.translate("CasePage", "Linked transactions (%1)").replace("%1", str(len(transactions))))
        linked.setProperty("wide", True)
        linked_layout = QVBoxLayout(linked)
        if transactions:
            view = _small_table(_fraud_transaction_columns(), transactions)
            self.detail_tables["transactions"] = view
            linked_layout.addWidget(view)
        else:
            none = QLabel(QCoreApplication.translate("CasePage", "No transactions were reported."))
            none.setProperty("role", "secondary")
            linked_layout.addWidget(none)
        boxes.append(linked)
        return boxes

    def _terms_text(self, kind: str, terms: dict[str, Any], effects: dict[str, Any]) -> str:
        if kind == "bill_installment":
            return QCoreApplication.translate("CasePage", "%1 monthly installments").replace("%1", str(terms.get("terms", "")))
        if kind == "due_date_extension":
            text = QCoreApplication.translate("CasePage", "Due date moved by %1 days").replace("%1", str(terms.get("days", "")))
            if effects.get("new_due_date"):
                text += QCoreApplication.translate("CasePage", " (%1 → %2)").replace("%1", str(effects.get("current_due_date", ""))).replace(
                    "%2", str(effects["new_due_date"])
                )
            return text
        if kind == "hardship_plan":
            text = QCoreApplication.translate("CasePage", "%1 monthly payments, no fee").replace("%1", str(terms.get("months", "")))
            waiver = int(terms.get("penalty_waiver_fen", 0) or 0)
            if waiver:
                text += QCoreApplication.translate("CasePage", "; penalty interest waived: %1").replace("%1", format_fen(waiver))
            return text
        if kind == "fee_waiver":
            return QCoreApplication.translate("CasePage", "%1 of %2 waived: %3").replace("%1", format_fen(int(terms.get("amount_fen", 0)))).replace(
                "%2", _page_text(FEE_COMPONENT_TEXTS, terms.get("component"))
            ).replace("%3", str(terms.get("reason", "")))
        if kind == "promise_to_pay":
            return QCoreApplication.translate("CasePage", "%1 promised by %2").replace("%1", format_fen(int(terms.get("amount_fen", 0)))).replace(
                "%2", str(terms.get("promised_date", ""))
            )
        return ", ".join(f"{key}: {value}" for key, value in terms.items() if key != "type")

    def _arrangement_boxes(self, data: dict[str, Any]) -> list[QGroupBox]:
        kind = str(data.get("type", ""))
        arrangement = DetailsBox(
            QCoreApplication.translate("CasePage", "%1 (arrangement %2)").replace("%1", text_of(ARRANGEMENT_TYPE_TEXTS, kind)).replace(
                "%2", str(data.get("id", ""))
            ),
            self.details,
        )
        arrangement.row("type", QCoreApplication.translate("CasePage", "Type"), text_of(ARRANGEMENT_TYPE_TEXTS, kind))
        arrangement.row("terms", QCoreApplication.translate("CasePage", "Terms"), self._terms_text(kind, dict(data.get("terms") or {}),
                                                             dict(data.get("effects") or {})))
        cost = data.get("cost") or {}
        arrangement.row("principal", QCoreApplication.translate("CasePage", "Principal"), format_fen(int(cost.get("principal_fen", 0))))
        arrangement.row("fee", QCoreApplication.translate("CasePage", "Fee"), format_fen(int(cost.get("fee_fen", 0))))
        arrangement.row("waived", QCoreApplication.translate("CasePage", "Waived"), format_fen(int(cost.get("waived_fen", 0))))
        arrangement.row("total", QCoreApplication.translate("CasePage", "Schedule total"), format_fen(int(cost.get("total_fen", 0))))
        arrangement.row(
            "proposed",
            QCoreApplication.translate("CasePage", "Proposed"),
            QCoreApplication.translate("CasePage", "%1 by %2").replace("%1", format_datetime(_when(data.get("proposed_at")))).replace(
                "%2", str(data.get("proposed_by_name") or self._person(data.get("proposed_by")))
            ),
        )
        if data.get("note"):
            arrangement.row("note", QCoreApplication.translate("CasePage", "Proposer's note"), str(data["note"]))
        approval = DetailsBox(QCoreApplication.translate("CasePage", "Approval"), self.details)
        reasons = [wording.approval_reason(reason) for reason in data.get("approval_reasons") or ()]
        if data.get("needs_approval"):
            approval.row(
                "approval_reasons",
                QCoreApplication.translate("CasePage", "Needs a supervisor because"),
                "\n".join(f"• {reason}" for reason in reasons) if reasons else QCoreApplication.translate("CasePage", "It is over an agent's limit."),
            )
        else:
            approval.row("approval_reasons", QCoreApplication.translate("CasePage", "Needs a supervisor because"), QCoreApplication.translate("CasePage", "It does not: within an agent's limits."))
        if data.get("decided_at"):
            approval.row(
                "decided",
                QCoreApplication.translate("CasePage", "Decided"),
                QCoreApplication.translate("CasePage", "%1: %2 by %3").replace("%1", format_datetime(_when(data.get("decided_at"))))
                .replace("%2", text_of(CASE_STATUS_TEXTS, data.get("status")))
                .replace("%3", str(data.get("decided_by_name") or "—")),
            )
            if data.get("decision_comment"):
                approval.row("decision_comment", QCoreApplication.translate("CasePage", "Comment"), str(data["decision_comment"]))
        if data.get("activated_at"):
            approval.row("activated", QCoreApplication.translate("CasePage", "Live since"), format_datetime(_when(data.get("activated_at"))))
        boxes: list[QGroupBox] = [arrangement, approval]
        schedule = list(data.get("schedule") or ())
        if schedule:
            box = QGroupBox(QCoreApplication.translate("CasePage", "Schedule (%1 payments)").replace("%1", str(len(schedule))))
            box.setProperty("wide", True)
            box_layout = QVBoxLayout(box)
            view = _small_table(_schedule_columns(), schedule, max_rows=12)
            self.detail_tables["schedule"] = view
            box_layout.addWidget(view)
            boxes.append(box)
        return boxes

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
        if case.type == "dispute":
            proposal = subject.data.get("proposal") or {}
            if proposal.get("proposed_by") == self.user.id:
                return QCoreApplication.translate("CasePage", "You proposed this outcome, so another supervisor must approve or reject it (four eyes).")
        elif case.type == "arrangement" and subject.data.get("proposed_by") == self.user.id:
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
        data = subject.data if kind != "case" else {"id": case.id, "status": case.status}
        target = ActionSubject(
            subject_type=kind, data=data, user=self.user, queue=case.queue, assignee_id=case.assignee_id
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
                return Delivered(assign_case(client, case.id, assignee, etag=case_etag, note=body.get("note")))

            return assign
        path = f"{subject.url}/actions/{action}"
        label = QCoreApplication.translate("CasePage", "%1 — %2 (case %3)").replace("%1", text_of(ACTION_TEXTS, action)).replace(
            "%2", text_of(CASE_TYPE_TEXTS, kind)
        ).replace("%3", str(case.id))
        etag = subject.etag

        def act(body: dict[str, Any]) -> Any:
            return send(outbox, client, path, body, label=label, if_match=etag)

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
        client, case_id, url = self.client, self.case_id, old_case.subject_url

        def fetch() -> tuple[CaseDetail, str, Subject]:
            case, etag = get_case(client, case_id)
            return case, etag, get_subject(client, url)

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

