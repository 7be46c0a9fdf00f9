"""Assigning cases (supervisors): the people who can hold them, and the "Assign to…" dialog.

The dialog lists the users who work
every queue of the chosen cases (`GET /v1/cases/assignees`) with the open cases each holds,
takes an optional note and assigns all the cases at once (`bulk_assign`, all or nothing). A
refusal keeps the dialog open with the sentence; nothing the supervisor chose is lost. The note's
limit is counted under it before Assign is pressed; a note over it is never cut (it was cut at 500
characters without a word): Assign waits until it is shortened.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.cases import Assignee, BulkAssignResult, bulk_assign, list_assignees
from console.rules import ASSIGN_NOTE_MAX_LENGTH as NOTE_MAX
from ui.roles import role_text
from ui.tasks import Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.length_counter import LengthCounter

__all__ = ["AssignDialog"]



class AssignDialog(QDialog):
    """Assign `case_ids` (of `queues`) to one person, or to nobody, with an optional note.

    Signals: ``assigned(BulkAssignResult)`` once the assignment landed (then the dialog accepts).
    """

    assigned = Signal(object)

    def __init__(
        self,
        client: ApiClient,
        case_ids: Sequence[int],
        queues: Sequence[str],
        *,
        current_assignee_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AssignDialog")
        self.client = client
        self.case_ids = [int(case_id) for case_id in case_ids]
        self.queues = list(dict.fromkeys(queues))
        self._current = current_assignee_id
        self.load_task: Task[list[Assignee]] | None = None
        self.assign_task: Task[BulkAssignResult] | None = None
        count = len(self.case_ids)
        self.setWindowTitle(
            self.tr("Assign case %1").replace("%1", str(self.case_ids[0]))
            if count == 1
            else self.tr("Assign %1 cases").replace("%1", str(count))
        )
        self.setMinimumWidth(420)

        layout = QVBoxLayout(self)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)
        intro = QLabel(
            self.tr("Who should work this case?") if count == 1 else self.tr("Who should work these %1 cases?").replace(
                "%1", str(count)
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("People who can hold the cases"))
        self.people.itemDoubleClicked.connect(lambda _item: self.submit())
        self.people.currentItemChanged.connect(lambda *_: self._update_ok())
        layout.addWidget(self.people, 1)
        note_label = QLabel(self.tr("Note (optional, shown in the case timeline)"))
        layout.addWidget(note_label)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Why this person, for example: knows the merchant"))
        self.note.setFixedHeight(64)
        note_label.setBuddy(self.note)
        layout.addWidget(self.note)
        self.note_counter = LengthCounter(self.note, NOTE_MAX, self)
        self.note_counter.within_limit_changed.connect(lambda _within: self._update_ok())
        layout.addWidget(self.note_counter)
        self.busy = BusyIndicator(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Assign"))
        ok.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        footer = QVBoxLayout()
        footer.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(footer)
        layout.addWidget(self.buttons)
        self.load()

    # -- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        client, queues = self.client, self.queues
        self.banner.clear()
        self.load_task = (
            Task(lambda: list_assignees(client, queues), parent=self, label="load assignees")
            .on_success(self._show_people)
            .on_failure(lambda exc: self.banner.show_failure(exc, retry=self.load))
            .with_busy(self.busy)
            .run()
        )

    def _show_people(self, people: list[Assignee]) -> None:
        self.people.clear()
        nobody = QListWidgetItem(self.tr("Nobody (back to the queue)"))
        nobody.setData(Qt.ItemDataRole.UserRole, None)
        self.people.addItem(nobody)
        for person in people:
            text = self.tr("%1 · %2 · %3 open").replace("%1", person.display_name).replace(
                "%2", role_text(person.role)
            ).replace("%3", str(person.open_cases))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setToolTip(person.username)
            self.people.addItem(item)
            if person.id == self._current:
                item.setText(text + self.tr(" (now)"))
        if len(people) and self.people.currentRow() < 0:
            self.people.setCurrentRow(1)
        self._update_ok()

    def assignee_ids(self) -> list[int | None]:
        """The choices offered, in order (None: nobody)."""
        return [self.people.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.people.count())]

    def choose(self, assignee_id: int | None) -> bool:
        for row in range(self.people.count()):
            if self.people.item(row).data(Qt.ItemDataRole.UserRole) == assignee_id:
                self.people.setCurrentRow(row)
                return True
        return False

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        running = self.assign_task is not None and self.assign_task.is_running
        ok.setEnabled(self.people.currentItem() is not None and not running and self.note_counter.is_within_limit())

    # -- assigning -------------------------------------------------------------------------

    def submit(self) -> None:
        item = self.people.currentItem()
        if item is None or (self.assign_task is not None and self.assign_task.is_running):
            return
        if not self.note_counter.is_within_limit():
            return  # the counter under the note says by how much to shorten it
        raw = item.data(Qt.ItemDataRole.UserRole)
        assignee_id = int(raw) if raw is not None else None
        note = self.note.toPlainText().strip() or None
        client, case_ids = self.client, self.case_ids
        self.assign_task = Task(
            lambda: bulk_assign(client, case_ids, assignee_id, note=note), parent=self, label="assign cases"
        )
        self.assign_task.on_success(self._assigned).on_failure(self._refused).with_busy(self.busy).run()
        self._update_ok()

    def _assigned(self, result: BulkAssignResult) -> None:
        self.assigned.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.banner.show_failure(exc)
        self._update_ok()
