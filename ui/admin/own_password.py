"""Choosing one's own password after an admin set it (docs/admin.md "Users"): asked right after
sign-in while the server says `must_change_password`; until then the server serves nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from console.admin import change_own_password, password_problem
from console.api import ApiClient
from console.models import User
from ui.admin.forms import ChangeDialog
from ui.admin.labels import password_rule_text

__all__ = ["OwnPasswordDialog"]


class OwnPasswordDialog(ChangeDialog):
    """``done(User)`` once the new password is set."""

    def __init__(self, client: ApiClient, user: User, *, current_password: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Choose your password"), self.tr(
            "An admin set your password. Choose one of your own to continue: at least 12 characters, "
            "not your username."), parent)
        self.setObjectName("OwnPasswordDialog")
        self._client, self._user = client, user
        self.current = QLineEdit(current_password, self)
        self.new = QLineEdit(self)
        self.again = QLineEdit(self)
        for edit in (self.current, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(1024)
        self.form.addRow(self.tr("Current password"), self.current)
        self.form.addRow(self.tr("New password"), self.new)
        self.form.addRow(self.tr("Again"), self.again)
        if current_password:
            self.new.setFocus()

    def operation(self) -> Callable[[], Any] | None:
        current, new = self.current.text(), self.new.text()
        problem = password_problem(new, self._user.username)
        if problem is None and new != self.again.text():
            problem = "mismatch"
        if problem is not None:
            self.show_problem(password_rule_text(problem))
            return None
        if new == current:
            self.show_problem(self.tr("Choose a password different from the one the admin set."))
            return None
        client = self._client
        return lambda: change_own_password(client, current, new)
