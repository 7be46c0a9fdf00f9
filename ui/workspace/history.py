"""The History tab: one contact history of the customer over every account (docs/contact-history.md):
notes, case steps, arrangements, reveals and dispute money events, newest first, filtered by kind,
a page at a time ("Show more" reads the next page from the server's cursor)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.api import ApiClient
from console.history import HistoryEntry, customer_history
from console.models import CustomerProfile, Page
from ui.casework.labels import (
    ACTION_TEXTS,
    ARRANGEMENT_TYPE_TEXTS,
    CASE_STATUS_TEXTS,
    CASE_TYPE_TEXTS,
    text_of,
)
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.table_model import Column, RecordTableModel
from ui.widgets.tables import fit_columns, make_table
from ui.widgets.tones import tone_colour
from ui.workspace.alerts import channel_text

CONTEXT = "ContactHistory"
HISTORY_PAGE = 100

KIND_TEXTS: dict[str, str] = {
    "note": QT_TRANSLATE_NOOP("ContactHistory", "Note"),
    "case": QT_TRANSLATE_NOOP("ContactHistory", "Case"),
    "arrangement": QT_TRANSLATE_NOOP("ContactHistory", "Arrangement"),
    "reveal": QT_TRANSLATE_NOOP("ContactHistory", "Reveal"),
    "money": QT_TRANSLATE_NOOP("ContactHistory", "Money"),
}
# The filter's choices: its words and the kinds it asks for (none: all).
FILTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("ContactHistory", "Everything"), ()),
    (QT_TRANSLATE_NOOP("ContactHistory", "Notes"), ("note",)),
    (QT_TRANSLATE_NOOP("ContactHistory", "Cases and their steps"), ("case",)),
    (QT_TRANSLATE_NOOP("ContactHistory", "Arrangements"), ("arrangement",)),
    (QT_TRANSLATE_NOOP("ContactHistory", "Reveals"), ("reveal",)),
    (QT_TRANSLATE_NOOP("ContactHistory", "Money events"), ("money",)),
)
# A case step in the past tense; an action not listed falls back to the button's words.
STEP_TEXTS: dict[str, str] = {
    "acknowledge": QT_TRANSLATE_NOOP("ContactHistory", "Acknowledged"),
    "request_customer_info": QT_TRANSLATE_NOOP("ContactHistory", "Asked the customer for information"),
    "customer_responded": QT_TRANSLATE_NOOP("ContactHistory", "Customer responded"),
    "send_to_merchant": QT_TRANSLATE_NOOP("ContactHistory", "Sent to the merchant"),
    "merchant_responded": QT_TRANSLATE_NOOP("ContactHistory", "Merchant responded"),
    "grant_provisional_credit": QT_TRANSLATE_NOOP("ContactHistory", "Provisional credit granted"),
    "reverse_provisional_credit": QT_TRANSLATE_NOOP("ContactHistory", "Provisional credit reversed"),
    "extend": QT_TRANSLATE_NOOP("ContactHistory", "Deadline extended"),
    "propose_outcome": QT_TRANSLATE_NOOP("ContactHistory", "Outcome decided"),
    "approve_outcome": QT_TRANSLATE_NOOP("ContactHistory", "Outcome approved"),
    "reject_outcome": QT_TRANSLATE_NOOP("ContactHistory", "Outcome rejected"),
    "withdraw": QT_TRANSLATE_NOOP("ContactHistory", "Withdrawn by the customer"),
    "start_review": QT_TRANSLATE_NOOP("ContactHistory", "Review started"),
    "confirm": QT_TRANSLATE_NOOP("ContactHistory", "Fraud confirmed"),
    "not_fraud": QT_TRANSLATE_NOOP("ContactHistory", "Found not fraud"),
    "close": QT_TRANSLATE_NOOP("ContactHistory", "Closed"),
    "opened": QT_TRANSLATE_NOOP("ContactHistory", "Opened"),  # after "Fraud report case 16 ·": once is enough
    "assigned": QT_TRANSLATE_NOOP("ContactHistory", "Assigned"),
    "unassigned": QT_TRANSLATE_NOOP("ContactHistory", "Unassigned"),
    "taken": QT_TRANSLATE_NOOP("ContactHistory", "Taken"),
    "approved": QT_TRANSLATE_NOOP("ContactHistory", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("ContactHistory", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("ContactHistory", "Cancelled"),
}
REVEAL_FIELD_TEXTS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("ContactHistory", "Revealed the phone number"),
    "national_id": QT_TRANSLATE_NOOP("ContactHistory", "Revealed the national ID"),
    "bank_card": QT_TRANSLATE_NOOP("ContactHistory", "Revealed the bank card"),
}
MONEY_TEXTS: dict[str, str] = {
    "provisional_credit_granted": QT_TRANSLATE_NOOP("ContactHistory", "Provisional credit granted"),
    "provisional_credit_reversed": QT_TRANSLATE_NOOP("ContactHistory", "Provisional credit reversed"),
    "refund_credited": QT_TRANSLATE_NOOP("ContactHistory", "Refund credited"),
    "written_off": QT_TRANSLATE_NOOP("ContactHistory", "Written off"),
}
KIND_TONES = {"note": "info", "case": "neutral", "arrangement": "good", "reveal": "warning", "money": "good"}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _words(table: dict[str, str], code: str) -> str:
    return _t(table[code]) if code in table else code.replace("_", " ")


def what_text(entry: HistoryEntry) -> str:
    """The entry in a few words: "Dispute case 12 · Acknowledged", "Promise to pay · Live", "Phone"."""
    if entry.kind == "note":  # the Kind column says it is a note: here, the channel
        return channel_text(entry.action)
    if entry.kind == "case":
        step = _t(STEP_TEXTS[entry.action]) if entry.action in STEP_TEXTS else text_of(ACTION_TEXTS, entry.action)
        case = QCoreApplication.translate("ContactHistory", "%1 case %2").replace("%1", text_of(CASE_TYPE_TEXTS, entry.case_type or "")).replace(
            "%2", str(entry.case_id))
        return f"{case} · {step}"
    if entry.kind == "arrangement":
        return f"{text_of(ARRANGEMENT_TYPE_TEXTS, entry.action)} · {text_of(CASE_STATUS_TEXTS, entry.status or '')}"
    if entry.kind == "reveal":
        return _words(REVEAL_FIELD_TEXTS, entry.action)
    return _words(MONEY_TEXTS, entry.action)


class HistoryModel(RecordTableModel[HistoryEntry]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.account_numbers: dict[int, str] = {}
        self.COLUMNS = (
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "When"), lambda e: e.at, "datetime"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Kind"), lambda e: e.kind, words=lambda k: _words(KIND_TEXTS, k)),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "What"), what_text, tooltip=what_text),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Details"), lambda e: e.text or "",
                   tooltip=lambda e: e.text or None),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Amount"), lambda e: e.amount_fen, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Who"), lambda e: e.actor_name),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Account"),
                   lambda e: self.account_numbers.get(e.account_id, "") if e.account_id else ""),
        )

    def foreground(self, record: HistoryEntry, column: Column[Any]) -> QBrush | None:
        if column is self.COLUMNS[1]:
            return QBrush(tone_colour(KIND_TONES.get(record.kind, "neutral")))
        return super().foreground(record, column)

    def append_records(self, records: list[HistoryEntry]) -> None:
        self.set_records([*self.records(), *records])


class HistoryTab(QWidget):
    """The customer's contact history; loads on first show, again after a filing."""

    history_loaded = Signal()

    def __init__(self, client: ApiClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._customer_id: int | None = None
        self._stale = True
        self._loader = LatestOnly()
        self.next_cursor: str | None = None
        self.load_task: Task[Page[HistoryEntry]] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)
        heading = QHBoxLayout()
        heading.addWidget(QLabel(self.tr("Show:"), self))
        self.filter = QComboBox(self)
        self.filter.setObjectName("historyFilter")
        self.filter.setAccessibleName(self.tr("Show"))
        for words, kinds in FILTERS:
            self.filter.addItem(_t(words), kinds)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        heading.addWidget(self.filter)
        self.count_label = QLabel(self)
        self.count_label.setProperty("role", "caption")
        heading.addWidget(self.count_label, 1)
        self.busy = BusyIndicator(self)
        heading.addWidget(self.busy)
        layout.addLayout(heading)

        self.model = HistoryModel(parent=self)
        self.view = make_table(self.model, stretch_column=3, parent=self)
        self.view.setObjectName("contactHistory")
        self.view.setAccessibleName(self.tr("Contact history"))
        fit_columns(self.view, {0: 16, 1: 13, 2: 26, 4: 11, 5: 12, 6: 14})
        layout.addWidget(self.view, 1)
        more_row = QHBoxLayout()
        more_row.addStretch(1)
        self.more_button = QPushButton(self.tr("Show more"), self)
        self.more_button.setObjectName("historyMore")
        self.more_button.clicked.connect(self.load_more)
        self.more_button.setVisible(False)
        more_row.addWidget(self.more_button)
        layout.addLayout(more_row)

    # -- the workspace calls these ---------------------------------------------------------

    def set_profile(self, profile: CustomerProfile) -> None:
        self._customer_id = profile.id
        self.model.account_numbers = {a.id: a.account_number for a in profile.accounts}
        self._stale = True

    def activate(self) -> None:
        if self._stale:
            self.reload()

    def stop(self) -> None:
        self._loader.discard()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def kinds(self) -> tuple[str, ...]:
        data = self.filter.currentData()
        return tuple(data) if data else ()

    def select_filter(self, kinds: tuple[str, ...]) -> None:
        index = next((i for i, (_w, k) in enumerate(FILTERS) if k == kinds), 0)
        self.filter.setCurrentIndex(index)

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self._load(None)

    def load_more(self) -> None:
        if self.next_cursor is not None:
            self._load(self.next_cursor)

    def _load(self, cursor: str | None) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return
        self._stale = False
        client, kinds = self._client, self.kinds()
        task: Task[Page[HistoryEntry]] = Task(
            lambda: customer_history(client, customer_id, kinds=kinds, limit=HISTORY_PAGE, cursor=cursor),
            parent=self, label="contact history")
        task.on_success(lambda page: self._arrived(page, more=cursor is not None)).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.reload)).with_busy(self.busy)
        self.load_task = task
        self.more_button.setEnabled(False)
        if self.model.rowCount() == 0:
            self.count_label.setText(self.tr("Loading the history…"))
        self._loader.run(task)

    def _arrived(self, page: Page[HistoryEntry], *, more: bool) -> None:
        self.banner.clear()
        if more:
            self.model.append_records(list(page.items))
        else:
            self.model.set_records(page.items)
        self.next_cursor = page.next_cursor
        self.more_button.setVisible(page.next_cursor is not None)
        self.more_button.setEnabled(True)
        shown = self.model.rowCount()
        if shown == 0:
            self.count_label.setText(self.tr("Nothing in the history yet."))
        elif page.next_cursor is not None:
            self.count_label.setText(self.tr("The newest %1; newest first.").replace("%1", str(shown)))
        else:
            self.count_label.setText(self.tr("%1 entries; newest first.").replace("%1", str(shown)))
        self.history_loaded.emit()

    def records(self) -> list[HistoryEntry]:
        return self.model.records()
