"""The Users view (admins; docs/admin.md "Users"): every user with role and state; add one, change
a role, disable or enable, reset a password. The server keeps the rules (12-character passwords,
the last enabled admin stays); this view checks the password rule before sending, and says the
server's refusals in words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.admin import (
    ROLES,
    ManagedUser,
    NewUser,
    change_role,
    create_user,
    list_users,
    password_problem,
    reset_password,
    set_user_enabled,
)
from console.api import ApiClient
from console.models import User
from ui.admin.forms import ChangeDialog, record_table
from ui.admin.labels import admin_failure_text, password_rule_text, user_state
from ui.icons import icon
from ui.roles import role_text
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.table_model import Column, RecordTableModel
from ui.workspace.header import set_role

__all__ = ["NewUserDialog", "ResetPasswordDialog", "RoleDialog", "UsersModel", "UsersView"]


def _locked(user: ManagedUser) -> bool:
    return user.locked_until is not None and user.locked_until > datetime.now(UTC)


class UsersModel(RecordTableModel[ManagedUser]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Username"), lambda u: u.username),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Name"), lambda u: u.display_name),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Role"), lambda u: u.role, words=role_text),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "State"),
               lambda u: user_state(u.active, _locked(u), u.must_change_password)),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Created"), lambda u: u.created_at, "datetime"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)


def _password_fields(dialog: ChangeDialog, label: str) -> tuple[QLineEdit, QLineEdit]:
    password = QLineEdit(dialog)
    password.setEchoMode(QLineEdit.EchoMode.Password)
    password.setObjectName("password")
    again = QLineEdit(dialog)
    again.setEchoMode(QLineEdit.EchoMode.Password)
    again.setObjectName("passwordAgain")
    dialog.form.addRow(label, password)
    dialog.form.addRow(dialog.tr("Again"), again)
    rule = QLabel(dialog.tr("At least 12 characters, not the username. The user chooses their own at the next sign-in."))
    rule.setWordWrap(True)
    set_role(rule, "secondary")
    dialog.form.addRow("", rule)
    return password, again


def _check_passwords(dialog: ChangeDialog, password: str, again: str, username: str) -> bool:
    problem = password_problem(password, username)
    if problem is None and password != again:
        problem = "mismatch"
    if problem is not None:
        dialog.show_problem(password_rule_text(problem))
        return False
    return True


class NewUserDialog(ChangeDialog):
    def __init__(self, client: ApiClient, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New user"), parent=parent)
        self.setObjectName("NewUserDialog")
        self._client = client
        self.username = QLineEdit(self)
        self.username.setMaxLength(64)
        self.username.setPlaceholderText(self.tr("letters, digits, '.', '_' or '-'"))
        self.display_name = QLineEdit(self)
        self.display_name.setMaxLength(128)
        self.role = QComboBox(self)
        for role in ROLES:
            self.role.addItem(role_text(role), role)
        self.form.addRow(self.tr("Username"), self.username)
        self.form.addRow(self.tr("Name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.password, self.password_again = _password_fields(self, self.tr("First password"))

    def operation(self) -> Callable[[], Any] | None:
        username, name = self.username.text().strip(), self.display_name.text().strip()
        if not username or not name:
            self.show_problem(self.tr("Give the username and the name."))
            return None
        if not _check_passwords(self, self.password.text(), self.password_again.text(), username):
            return None
        user = NewUser(username, name, str(self.role.currentData()), self.password.text())
        client = self._client
        return lambda: create_user(client, user)


class RoleDialog(ChangeDialog):
    def __init__(self, client: ApiClient, user: ManagedUser, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change role"), self.tr("The new role applies to %1's next request.").replace(
            "%1", user.display_name), parent)
        self.setObjectName("RoleDialog")
        self._client, self._user = client, user
        self.role = QComboBox(self)
        for role in ROLES:
            self.role.addItem(role_text(role), role)
        self.role.setCurrentIndex(ROLES.index(user.role) if user.role in ROLES else 0)
        self.form.addRow(self.tr("Role"), self.role)

    def operation(self) -> Callable[[], Any] | None:
        role = str(self.role.currentData())
        if role == self._user.role:
            self.show_problem(self.tr("Choose a different role."))
            return None
        client, user_id = self._client, self._user.id
        return lambda: change_role(client, user_id, role)


class ResetPasswordDialog(ChangeDialog):
    def __init__(self, client: ApiClient, user: ManagedUser, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reset password"), self.tr(
            "%1's sessions end now; they sign in with this password and must then choose their own."
        ).replace("%1", user.display_name), parent)
        self.setObjectName("ResetPasswordDialog")
        self._client, self._user = client, user
        self.password, self.password_again = _password_fields(self, self.tr("Temporary password"))

    def operation(self) -> Callable[[], Any] | None:
        if not _check_passwords(self, self.password.text(), self.password_again.text(), self._user.username):
            return None
        client, user_id, password = self._client, self._user.id, self.password.text()
        return lambda: reset_password(client, user_id, password)


class UsersView(QWidget):
    """The users, by username, with the admin's actions on the one selected.

    Signals: ``users_loaded()`` after each (re)load; ``changed(ManagedUser)`` after a change landed.
    """

    users_loaded = Signal()
    changed = Signal(object)

    def __init__(self, client: ApiClient, *, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UsersView")
        self._client = client
        self._me = user
        self._load = LatestOnly()
        self.dialog: ChangeDialog | None = None
        self.toggle_task: Task[ManagedUser] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Users"), self)
        title.setObjectName("pageHeading")
        bar.addWidget(title)
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

        actions = QHBoxLayout()
        self.new_button = QPushButton(icon("add"), self.tr("New user…"), self)
        self.new_button.clicked.connect(self.new_user)
        self.role_button = QPushButton(self.tr("Change role…"), self)
        self.role_button.clicked.connect(self.change_role)
        self.toggle_button = QPushButton(self.tr("Disable"), self)
        self.toggle_button.clicked.connect(self.toggle_enabled)
        self.reset_button = QPushButton(icon("lock"), self.tr("Reset password…"), self)
        self.reset_button.clicked.connect(self.reset_password)
        for button in (self.new_button, self.role_button, self.toggle_button, self.reset_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.model = UsersModel(self)
        self.table = record_table(self.model, "UsersTable", self, widths={0: 14, 1: 20, 2: 18, 3: 24})
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self._selection_changed(QItemSelection(), QItemSelection())
        self.refresh()

    def close_view(self) -> None:
        self._load.discard()

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        client = self._client
        task: Task[list[ManagedUser]] = Task(lambda: list_users(client), parent=self, label="users")
        task.on_success(self._users_arrived).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.refresh)).with_busy(self.busy)
        self._load.run(task)

    def _users_arrived(self, users: list[ManagedUser]) -> None:
        selected = self.selected_user()
        self.model.set_records(users)
        self.count_label.setText(self.tr("%n user(s)", "", len(users)))
        if selected is not None:
            self.select_user(selected.username)
        self._selection_changed(QItemSelection(), QItemSelection())
        self.users_loaded.emit()

    # -- selection -----------------------------------------------------------------------------

    def selected_user(self) -> ManagedUser | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.record(rows[0].row()) if rows else None

    def select_user(self, username: str) -> bool:
        for row, user in enumerate(self.model.records()):
            if user.username == username:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        user = self.selected_user()
        for button in (self.role_button, self.toggle_button, self.reset_button):
            button.setEnabled(user is not None)
        self.toggle_button.setText(self.tr("Enable") if user is not None and not user.active else self.tr("Disable"))

    # -- actions -------------------------------------------------------------------------------

    def _open(self, dialog: ChangeDialog) -> ChangeDialog:
        self.dialog = dialog
        dialog.done.connect(self._changed)
        dialog.open()
        return dialog

    def new_user(self) -> ChangeDialog:
        return self._open(NewUserDialog(self._client, self))

    def change_role(self) -> ChangeDialog | None:
        user = self.selected_user()
        return self._open(RoleDialog(self._client, user, self)) if user is not None else None

    def reset_password(self) -> ChangeDialog | None:
        user = self.selected_user()
        return self._open(ResetPasswordDialog(self._client, user, self)) if user is not None else None

    def toggle_enabled(self, *, confirm: bool = True) -> None:
        user = self.selected_user()
        if user is None:
            return
        enable = not user.active
        if not enable and confirm:
            answer = QMessageBox.question(
                self, self.tr("Disable user"),
                self.tr("Disable %1? Their sessions end at once and they cannot sign in until enabled.").replace(
                    "%1", user.display_name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        client, user_id = self._client, user.id
        task: Task[ManagedUser] = Task(lambda: set_user_enabled(client, user_id, enable), parent=self,
                                       label="enable user" if enable else "disable user")
        task.on_success(self._changed).on_failure(
            lambda exc: self.banner.show_message(admin_failure_text(exc), kind="error")).with_busy(self.busy)
        self.toggle_task = task
        task.run()

    def _changed(self, user: ManagedUser) -> None:
        self.banner.show_message(self.tr("Saved: %1 is now %2, %3.").replace("%1", user.display_name).replace(
            "%2", role_text(user.role)).replace("%3", user_state(user.active, _locked(user), user.must_change_password)),
            kind="info")
        self.changed.emit(user)
        self.refresh()
        self.select_user(user.username)
