"""The Cases tab: the customer's disputes, fraud reports and arrangements awaiting approval,
open ones first, each with its SLA state in colour and the time left.

The backend decides what a user sees (DESIGN.md §3 roles): an agent sees the cases they opened
or are assigned; handlers also the queues they serve; supervisors all. The tab says so when the
list may be partial. Double-click or Enter opens the case (`case_requested(id)`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.api import ApiClient
from console.cases import Case, CaseQuery, list_cases
from console.models import CustomerProfile, Page
from ui.casework.labels import (
    CASE_STATUS_TEXTS,
    CASE_TYPE_TEXTS,
    SLA_STATE_TEXTS,
    SLA_TONES,
    countdown_text,
    text_of,
)
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.table_model import RECORD_ROLE, Column, ModelIndex, RecordTableModel
from ui.widgets.tables import fit_columns, make_table, source_row
from ui.widgets.tones import tone_colour
from ui.wording import case_summary

CASES_PER_CUSTOMER = 200  # the API's page maximum: a customer's whole case history
TICK_MS = 60_000  # the countdown is in minutes
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)

def open_first(cases: Sequence[Case]) -> list[Case]:
    """Open cases first, the nearest deadline first (none last); then closed ones, newest first."""
    far = datetime.max.replace(tzinfo=timezone.utc)
    open_cases = sorted((c for c in cases if c.is_open), key=lambda c: (c.due_at or far, c.id))
    closed = sorted((c for c in cases if not c.is_open), key=lambda c: (c.opened_at, c.id), reverse=True)
    return open_cases + closed


class CasesModel(RecordTableModel[Case]):
    """A customer's cases. The countdown counts down from the server's `seconds_to_due` as time
    passes (`tick()`), without asking the server again."""

    SLA_COLUMN = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._answered_at = time.monotonic()
        self.COLUMNS = (
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Type"), lambda c: c.type, words=self._type_text),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Summary"), case_summary, tooltip=case_summary),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Amount"), lambda c: c.amount_fen or None, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Status"), lambda c: c.status, words=self._status_text),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "SLA"), self._seconds_left, words=None,
                   tooltip=self._sla_tooltip),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Due"), lambda c: c.due_at if c.is_open else None, "datetime"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Assignee"), self._assignee),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Opened"), lambda c: c.opened_at, "datetime"),
        )

    @staticmethod
    def _type_text(code: str) -> str:
        return text_of(CASE_TYPE_TEXTS, code)

    @staticmethod
    def _status_text(code: str) -> str:
        return text_of(CASE_STATUS_TEXTS, code)

    @staticmethod
    def _assignee(case: Case) -> str:
        if case.assignee_name:
            return case.assignee_name
        return QCoreApplication.translate("CasesTab", "Unassigned") if case.is_open else ""

    def set_cases(self, cases: Sequence[Case]) -> None:
        self._answered_at = time.monotonic()
        self.set_records(open_first(cases))

    def seconds_left(self, case: Case) -> int | None:
        """What is left until the deadline now (negative: overdue), counted from the answer."""
        if case.seconds_to_due is None or case.sla_state == "paused":
            return case.seconds_to_due
        return case.seconds_to_due - int(time.monotonic() - self._answered_at)

    def _seconds_left(self, case: Case) -> int:
        # The sort key of the SLA column: time left; closed and paused cases sort last.
        left = self.seconds_left(case) if case.is_open else None
        return left if left is not None else 10**12

    def sla_text(self, case: Case) -> str:
        """"At risk · 2 h 15 min" for an open case; empty for a closed one."""
        if not case.is_open:
            return ""
        state = text_of(SLA_STATE_TEXTS, case.sla_state)
        countdown = countdown_text(self.seconds_left(case), case.sla_state)
        if not countdown or case.sla_state == "paused":
            return state
        return f"{state} · {countdown}"

    def _sla_tooltip(self, case: Case) -> str | None:
        if not case.is_open:
            return None
        if case.sla_state == "paused":
            return QCoreApplication.translate("CasesTab", "The clock is paused while the case waits for the customer.")
        return QCoreApplication.translate(
            "CasesTab", "From 80% of the time used a case is at risk; past its deadline it is breached."
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _DISPLAY and index.isValid() and index.column() == self.SLA_COLUMN \
                and 0 <= index.row() < self.rowCount():
            return self.sla_text(self.record(index.row()))
        return super().data(index, role)

    def foreground(self, record: Case, column: Column[Any]) -> QBrush | None:
        if column is self.COLUMNS[self.SLA_COLUMN] and record.is_open:
            return QBrush(tone_colour(SLA_TONES.get(record.sla_state, "neutral")))
        if not record.is_open:
            return QBrush(tone_colour("muted"))
        return super().foreground(record, column)

    def tick(self) -> None:
        """Time passed: the countdowns changed (only that column is repainted)."""
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, self.SLA_COLUMN), self.index(self.rowCount() - 1, self.SLA_COLUMN)
            )


class CasesTab(QWidget):
    """The customer's cases; loads on first show and again after each filing (`reload`)."""

    cases_loaded = Signal()
    case_requested = Signal(int)

    def __init__(self, client: ApiClient, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._role = role
        self._customer_id: int | None = None
        self._open_case_count = 0  # the header's count, for the empty tab's sentence
        self._stale = True
        self._loader = LatestOnly()
        self.load_task: Task[Page[Case]] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)
        heading = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setProperty("role", "caption")
        heading.addWidget(self.count_label, 1)
        self.busy = BusyIndicator(self)
        heading.addWidget(self.busy)
        layout.addLayout(heading)

        self.model = CasesModel(parent=self)
        self.view = make_table(self.model, stretch_column=1, parent=self)
        self.view.setObjectName("customerCases")
        self.view.setAccessibleName(self.tr("Cases"))
        self.view.setToolTip(self.tr("Double-click or press Enter to open the case."))
        # Dates and times whole ("2026-12-08 00:00"); "On track · 2 d 21 h" needs no more than 19.
        fit_columns(self.view, {0: 12, 2: 12, 3: 17, 4: 19, 5: 17, 6: 12, 7: 17})
        self.view.activated.connect(self._activated)
        layout.addWidget(self.view, 1)

        self.scope_label = QLabel(self)
        self.scope_label.setProperty("role", "caption")
        self.scope_label.setWordWrap(True)
        if role == "agent":
            self.scope_label.setText(
                self.tr("You see the cases you opened or are assigned to; the header counts all the customer's open cases.")
            )
        elif role == "dispute_handler":
            self.scope_label.setText(
                self.tr("You see your own cases and those in the queues you serve; the header counts all open cases.")
            )
        self.scope_label.setVisible(bool(self.scope_label.text()))
        layout.addWidget(self.scope_label)

        self.timer = QTimer(self)
        self.timer.setObjectName("casesCountdown")
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.model.tick)

    # -- the workspace calls these ---------------------------------------------------------

    def set_profile(self, profile: CustomerProfile) -> None:
        self._customer_id = profile.id
        self._open_case_count = profile.open_case_count
        self._stale = True

    def activate(self) -> None:
        if self._stale:
            self.reload()
        elif self.model.rowCount():
            self.timer.start()

    def stop(self) -> None:
        self._loader.discard()
        self.timer.stop()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.timer.stop()  # nobody watches the countdown
        super().hideEvent(event)

    def mark_stale(self) -> None:
        """Something was filed: reload now if on screen, else on the next show."""
        self._stale = True
        if self.isVisible():
            self.reload()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return
        self._stale = False
        client = self._client
        task: Task[Page[Case]] = Task(
            lambda: list_cases(client, CaseQuery(customer_id=customer_id), limit=CASES_PER_CUSTOMER),
            parent=self,
            label="customer cases",
        )
        task.on_success(self._cases_arrived).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.reload)
        ).with_busy(self.busy)
        self.load_task = task
        if self.model.rowCount() == 0:
            self.count_label.setText(self.tr("Loading cases…"))
        self._loader.run(task)

    def _cases_arrived(self, page: Page[Case]) -> None:
        self.banner.clear()
        self.model.set_cases(page.items)
        open_count = sum(1 for c in page.items if c.is_open)
        total = len(page.items)
        if total == 0 and self.scope_label.text() and self._open_case_count:
            # An agent sees only their cases: "no cases" under a header counting open ones misled.
            self.count_label.setText(self.tr(
                "None of your cases; the customer has %n open case(s) you do not see here.", "",
                self._open_case_count))
        elif total == 0:
            self.count_label.setText(self.tr("No cases for this customer."))
        else:
            self.count_label.setText(
                self.tr("%1 open, %2 in all; open ones first, nearest deadline first.")
                .replace("%1", str(open_count)).replace("%2", str(total))
            )
        if total and self.isVisible():
            self.timer.start()
        else:
            self.timer.stop()
        self.cases_loaded.emit()

    def case_ids(self) -> list[int]:
        return [case.id for case in self.model.records()]

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        case = self.model.data(self.model.index(source_row(self.view, index.row()), 0), RECORD_ROLE)
        if isinstance(case, Case):
            self.case_requested.emit(case.id)
