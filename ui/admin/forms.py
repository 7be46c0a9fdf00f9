"""What the admin views share: a table set up the house way, and a dialog that sends one change
on a pool thread and stays open with the sentence when the server refuses it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.admin.labels import admin_failure_text
from ui.tasks import Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.tables import fit_columns, make_table


def record_table(model: QAbstractItemModel, name: str, parent: QWidget | None = None,
                 widths: dict[int, int] | None = None) -> QTableView:
    """A read-only table of whole rows, one selected at a time, the last column stretched: the
    console's table (`ui.widgets.tables.make_table`) in the model's order, its columns `widths`
    wide in characters (`fit_columns`; Qt's 100 px cut "Supervisor One" and "Dispute handler")."""
    table = make_table(model, sortable=False, parent=parent)
    table.setObjectName(name)
    if widths:
        fit_columns(table, widths)
    return table


class ChangeDialog(QDialog):
    """A form whose OK sends one change. Subclasses add rows to `form` and implement `operation`:
    it returns the call to run on a pool thread, or None after showing why the input is not
    ready (`show_problem`). Signals: ``done(result)`` when the server accepted; then it closes."""

    done = Signal(object)

    def __init__(self, title: str, intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.task: Task[Any] | None = None
        layout = QVBoxLayout(self)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)
        if intro:
            intro_label = QLabel(intro, self)
            intro_label.setWordWrap(True)
            layout.addWidget(intro_label)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.form)
        self.busy = BusyIndicator(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        bottom = QVBoxLayout()
        bottom.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignRight)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def operation(self) -> Callable[[], Any] | None:
        raise NotImplementedError

    def show_problem(self, text: str) -> None:
        self.banner.show_message(text, kind="warning")

    def submit(self) -> None:
        if self.task is not None and self.task.is_running():
            return
        op = self.operation()
        if op is None:
            return
        self.banner.clear()
        self.buttons.setEnabled(False)
        task: Task[Any] = Task(op, parent=self, label=self.objectName() or "admin change")
        task.on_success(self._accepted).on_failure(self._refused).with_busy(self.busy)
        self.task = task
        task.run()

    def _accepted(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.done.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.banner.show_message(admin_failure_text(exc), kind="error")
