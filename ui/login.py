"""Signing in: the login dialog at start, and the re-login dialog when a session ends.

The login dialog appears at once; in demo mode the embedded backend starts meanwhile on a pool
thread and the dialog says how far it got ("Preparing demo data…"). A sign-in asked for before
the backend is ready waits for it. Every call (login, keyring) runs as a ``ui.tasks.Task``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console import session
from console.api import ApiClient
from console.errors import Unauthorized
from console.models import LoginResult, User
from ui.demo import DEMO_PASSWORD, DEMO_USERS, DemoBackend
from ui.failures import failure_message
from ui.icons import icon
from ui.roles import role_text
from ui.tasks import Task
from ui.widgets import BusyIndicator

SETTINGS_SERVER_MODE = "login/server_mode"  # "demo" or "url"
SETTINGS_SERVER_URL = "login/server_url"
SETTINGS_USERNAME = "login/username"
SETTINGS_REMEMBER = "login/remember"


@dataclass(frozen=True)
class SignedIn:
    """The outcome of a login: a signed-in client and where it is connected."""

    client: ApiClient
    user: User
    server_url: str
    demo: bool
    remembered: bool


def progress_text(message: str) -> str:
    """The embedded backend's progress message (English, from ``console``) in the UI's language."""
    match = re.search(r"(\d+) of (\d+) customers", message)
    if match:
        return QCoreApplication.translate("LoginDialog", "Preparing demo data… %1 of %2 customers").replace(
            "%1", match.group(1)
        ).replace("%2", match.group(2))
    steps = {
        "Preparing the database…": QCoreApplication.translate("LoginDialog", "Preparing the database…"),
        "Catching up end of day…": QCoreApplication.translate("LoginDialog", "Catching up end of day…"),
        "Starting the server…": QCoreApplication.translate("LoginDialog", "Starting the server…"),
        "Ready.": QCoreApplication.translate("LoginDialog", "Ready."),
    }
    if message in steps:
        return steps[message]
    if message.startswith("Preparing demo data"):
        return QCoreApplication.translate(
            "LoginDialog", "Preparing demo data… The first start takes a little while."
        )
    return message


def _sign_in(
    server_url: str, username: str, password: str, remember_under: str | None
) -> tuple[ApiClient, LoginResult, bool]:
    """On the pool: log in, and store the token in the keyring if asked (False if it could not)."""
    client = ApiClient(server_url)
    try:
        result = client.login(username, password)
    except BaseException:
        client.close()
        raise
    remembered = False
    if remember_under is not None:
        remembered = session.remember(
            remember_under, result.user.username, result.access_token, expires_at=result.expires_at
        )
    return client, result, remembered


def _resume(server_url: str, remember_under: str) -> tuple[ApiClient, User] | None:
    """On the pool: a remembered token that still works, or None (a dead one is forgotten)."""
    remembered = session.recall(remember_under)
    if remembered is None:
        return None
    client = ApiClient(server_url, token=remembered.token)
    try:
        user = client.me()
    except Unauthorized:
        session.forget(remember_under)
        client.close()
        return None
    except BaseException:
        client.close()
        raise
    return client, user


class LoginDialog(QDialog):
    """Server (the demo on this computer, or a URL), username, password and "remember me".

    ``demo`` is the embedded backend to offer (None: no demo option). ``server_url`` preselects a
    server. ``use_keyring=False`` neither reads nor writes remembered logins (screenshots, tests
    that want a clean slate). On success ``signedIn(SignedIn)`` is emitted and the dialog accepts;
    ``outcome`` holds the same value.
    """

    signedIn = Signal(object)

    def __init__(
        self,
        settings: QSettings,
        *,
        demo: DemoBackend | None,
        server_url: str | None = None,
        use_keyring: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("LoginDialog")
        self.setWindowTitle(self.tr("Sign in to CreditDesk"))
        self.setWindowIcon(QIcon(icon("customer")))
        self._settings = settings
        self._demo = demo
        self._use_keyring = use_keyring
        self._keyring_usable: bool | None = None
        self._pending_sign_in = False
        self._resume_tried: set[str] = set()
        self.outcome: SignedIn | None = None
        self.password_dialog: QDialog | None = None  # "choose your password", after an admin set it
        self.sign_in_task: Task[Any] | None = None

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_side())
        outer.addWidget(self._build_form(server_url), 1)
        # The default once it is in the dialog: made default before, the dialog never knew it as
        # its default, so it lost the look (and Enter) once it had had the focus and lost it.
        self.sign_in_button.setDefault(True)

        if demo is not None:
            demo.progress.connect(self._on_demo_progress)
            demo.ready.connect(self._on_demo_ready)
            demo.failed.connect(self._on_demo_failed)
        self._update_mode()
        if use_keyring:
            Task(session.keyring_usable, parent=self, label="check the keyring").on_success(
                self._on_keyring_checked
            ).on_failure(lambda exc: self._on_keyring_checked(False)).run()
        self.resize(760, 460)

    # -- building ---------------------------------------------------------------------------

    def _build_side(self) -> QWidget:
        side = QFrame()
        side.setObjectName("LoginSide")
        side.setFixedWidth(260)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(20, 24, 16, 16)
        title = QLabel(self.tr("CreditDesk"))
        title.setObjectName("appTitle")
        layout.addWidget(title)
        subtitle = QLabel(self.tr("Customer service console"))
        subtitle.setProperty("role", "secondary")
        layout.addWidget(subtitle)
        layout.addSpacing(18)
        self.demo_users_label = QLabel(self.tr("Demo users (password “demo”)"))
        self.demo_users_label.setProperty("role", "caption")
        layout.addWidget(self.demo_users_label)
        self.demo_users = QListWidget()
        self.demo_users.setObjectName("DemoUsers")
        self.demo_users.setAccessibleName(self.tr("Demo users"))
        for username, role in DEMO_USERS:
            item = QListWidgetItem(icon("customer"), f"{username}  ·  {role_text(role)}")
            item.setData(Qt.ItemDataRole.UserRole, username)
            item.setToolTip(self.tr("Click to fill in; double-click to sign in"))
            self.demo_users.addItem(item)
        self.demo_users.itemClicked.connect(self._fill_demo_user)
        self.demo_users.itemActivated.connect(self._sign_in_as_demo_user)
        layout.addWidget(self.demo_users, 1)
        # With a server address there are no demo users: a word on whose account to use, and
        # the space below it (without it the title and subtitle drifted apart).
        self.server_hint = QLabel(self.tr("Sign in with the username and password your administrator gave you."))
        self.server_hint.setWordWrap(True)
        self.server_hint.setProperty("role", "caption")
        self.server_hint.setVisible(False)
        layout.addWidget(self.server_hint)
        layout.addStretch(0)
        return side

    def _build_form(self, server_url: str | None) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(28, 24, 28, 20)
        heading = QLabel(self.tr("Sign in"))
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        layout.addSpacing(8)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)

        server_box = QVBoxLayout()
        server_box.setSpacing(6)
        self.demo_radio = QRadioButton(self.tr("Demo data on this computer"))
        self.url_radio = QRadioButton(self.tr("Server address:"))
        self._server_group = QButtonGroup(self)
        self._server_group.addButton(self.demo_radio)
        self._server_group.addButton(self.url_radio)
        server_box.addWidget(self.demo_radio)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_radio)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://creditdesk.example.com")
        self.url_edit.setAccessibleName(self.tr("Server address"))
        url_row.addWidget(self.url_edit, 1)
        server_box.addLayout(url_row)
        form.addRow(self.tr("Server"), server_box)

        self.username_edit = QLineEdit()
        self.username_edit.setAccessibleName(self.tr("Username"))
        form.addRow(self.tr("Username"), self.username_edit)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("Password"), self.password_edit)
        self.remember_check = QCheckBox(self.tr("Remember me on this computer"))
        form.addRow("", self.remember_check)
        layout.addLayout(form)

        self.keyring_hint = QLabel(
            self.tr(
                "This computer has no usable password store, so your sign-in will not be "
                "remembered; you will be asked for your password at each start."
            )
        )
        self.keyring_hint.setWordWrap(True)
        self.keyring_hint.setProperty("role", "caption")
        self.keyring_hint.setVisible(False)
        layout.addWidget(self.keyring_hint)

        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

        status_row = QHBoxLayout()
        self.busy = BusyIndicator(self)
        status_row.addWidget(self.busy)
        self.status_label = QLabel()
        self.status_label.setProperty("role", "secondary")
        self.status_label.setWordWrap(True)
        status_row.addWidget(self.status_label, 1)
        layout.addLayout(status_row)

        buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setAutoDefault(True)  # the default once in the dialog (__init__)
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.quit_button.setText(self.tr("Quit"))
        self.sign_in_button.clicked.connect(self.sign_in)
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

        # Choices of the last time, then what the command line asked for.
        mode = str(self._settings.value(SETTINGS_SERVER_MODE, "demo"))
        url = str(self._settings.value(SETTINGS_SERVER_URL, "") or "")
        if server_url:
            mode, url = "url", server_url
        if self._demo is None:
            mode = "url"
            self.demo_radio.setEnabled(False)
            self.demo_radio.setToolTip(self.tr("Not available with a server given on the command line"))
        self.url_edit.setText(url)
        (self.demo_radio if mode == "demo" else self.url_radio).setChecked(True)
        self.username_edit.setText(str(self._settings.value(SETTINGS_USERNAME, "") or ""))
        self.remember_check.setChecked(self._settings.value(SETTINGS_REMEMBER, False, type=bool))
        self.remember_check.setEnabled(self._use_keyring)
        self.demo_radio.toggled.connect(self._update_mode)
        self.remember_check.toggled.connect(self._update_keyring_hint)
        for edit in (self.username_edit, self.password_edit, self.url_edit):
            edit.textEdited.connect(self._clear_error)
        return panel

    # -- state --------------------------------------------------------------------------------

    @property
    def demo_mode(self) -> bool:
        return self._demo is not None and self.demo_radio.isChecked()

    def error_text(self) -> str:
        """The sentence shown for the last failure (empty when none)."""
        return self.error_label.text() if self.error_label.isVisible() else ""

    def _update_mode(self) -> None:
        demo = self.demo_mode
        self.url_edit.setEnabled(not demo)
        self.demo_users.setVisible(demo)
        self.demo_users_label.setVisible(demo)
        self.server_hint.setVisible(not demo)
        if demo and self._demo is not None:
            if self._demo.is_ready:
                self._show_status("")
            elif self._demo.error is not None:
                self._on_demo_failed(self._demo.error)
            else:
                self._show_status(self.tr("Preparing demo data…"), busy=True)
                self._demo.start()
        else:
            self._show_status("")
        self._focus_first_empty()
        self._try_resume()

    def _focus_first_empty(self) -> None:
        if not self.demo_mode and not self.url_edit.text().strip():
            self.url_edit.setFocus()
        elif not self.username_edit.text():
            self.username_edit.setFocus()
        else:
            self.password_edit.setFocus()

    def _show_status(self, text: str, *, busy: bool = False) -> None:
        self.status_label.setText(text)
        if busy and not self.busy.is_busy():
            self.busy.start()
        elif not busy:
            self.busy.reset()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def _clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.setVisible(False)

    def _on_keyring_checked(self, usable: bool) -> None:
        self._keyring_usable = bool(usable)
        self._update_keyring_hint()
        self._try_resume()

    def _update_keyring_hint(self) -> None:
        # Told once, where it matters: when "remember me" is ticked on a computer without a keyring.
        self.keyring_hint.setVisible(self.remember_check.isChecked() and self._keyring_usable is False)

    # -- demo backend -----------------------------------------------------------------------

    def _on_demo_progress(self, message: str) -> None:
        if self.demo_mode and not (self._demo and self._demo.is_ready):
            self._show_status(progress_text(message), busy=True)

    def _on_demo_ready(self, base_url: str) -> None:
        if not self.demo_mode:
            return
        self._show_status(self.tr("Demo data is ready."))
        self._try_resume()
        if self._pending_sign_in:
            self._pending_sign_in = False
            self.sign_in()

    def _on_demo_failed(self, exc: BaseException) -> None:
        self._pending_sign_in = False
        if self.demo_mode:
            self._show_status("")
            self._show_error(
                self.tr("The demo data could not be prepared: %1").replace("%1", failure_message(exc))
            )

    def _fill_demo_user(self, item: QListWidgetItem) -> None:
        self.username_edit.setText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.password_edit.setText(DEMO_PASSWORD)
        self._clear_error()
        self.sign_in_button.setFocus()

    def _sign_in_as_demo_user(self, item: QListWidgetItem) -> None:
        self._fill_demo_user(item)
        self.sign_in()

    # -- signing in ---------------------------------------------------------------------------

    def _server(self) -> tuple[str | None, str]:
        """(base URL or None while the demo starts, the key remembered logins are kept under)."""
        if self.demo_mode and self._demo is not None:
            return self._demo.base_url, self._demo.server_key
        url = self.url_edit.text().strip().rstrip("/")
        return url, url

    def _try_resume(self) -> None:
        """Use a remembered session once per server, when the keyring and the server are ready."""
        if not self._use_keyring or not self._keyring_usable or self.sign_in_task is not None:
            return
        url, key = self._server()
        if not url or key in self._resume_tried or (not self.demo_mode and not _looks_like_url(url)):
            return
        self._resume_tried.add(key)
        self._show_status(self.tr("Resuming your session…"), busy=True)
        task: Task[tuple[ApiClient, User] | None] = Task(
            lambda: _resume(url, key), parent=self, label="resume a remembered session"
        )
        task.on_success(lambda found: self._resumed(found, url)).on_failure(
            lambda exc: self._show_status("")
        ).run()

    def _resumed(self, found: tuple[ApiClient, User] | None, url: str) -> None:
        self._show_status("")
        if found is None or self.outcome is not None or self.sign_in_task is not None:
            if found is not None:
                found[0].close()
            return
        client, user = found
        client.user = user
        self._succeed(SignedIn(client=client, user=user, server_url=url, demo=self.demo_mode, remembered=True))

    def sign_in(self) -> None:
        """Check the form and sign in in the background (waits for the demo backend if needed)."""
        if self.sign_in_task is not None and self.sign_in_task.is_running:
            return
        self._clear_error()
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not self.demo_mode:
            url = self.url_edit.text().strip()
            if not _looks_like_url(url):
                self._show_error(self.tr("Enter the server address, starting with http:// or https://."))
                self.url_edit.setFocus()
                return
        if not username:
            self._show_error(self.tr("Enter your username."))
            self.username_edit.setFocus()
            return
        if not password:
            self._show_error(self.tr("Enter your password."))
            self.password_edit.setFocus()
            return
        url, key = self._server()
        if url is None:
            if self._demo is not None and self._demo.error is not None:
                self._demo.start()  # try again
            self._pending_sign_in = True
            self._show_status(self.tr("Signing in as soon as the demo data is ready…"), busy=True)
            return
        remember_under = key if (self._use_keyring and self.remember_check.isChecked()) else None
        if self._use_keyring and not self.remember_check.isChecked():
            Task(lambda: session.forget(key), parent=self, label="forget the remembered session").run()
        self._set_working(True)
        self._show_status(self.tr("Signing in…"), busy=True)
        server_url = url
        task: Task[tuple[ApiClient, LoginResult, bool]] = Task(
            lambda: _sign_in(server_url, username, password, remember_under),
            parent=self,
            label="sign in",
            reauthenticate=False,
        )
        self.sign_in_task = task
        task.on_success(lambda outcome: self._signed_in(outcome, server_url, password)).on_failure(self._failed).run()

    def _signed_in(self, outcome: tuple[ApiClient, LoginResult, bool], server_url: str, password: str = "") -> None:
        client, result, remembered = outcome
        self._set_working(False)
        self._show_status("")
        self._succeed(
            SignedIn(client=client, user=result.user, server_url=server_url, demo=self.demo_mode, remembered=remembered),
            password=password,
        )

    def _failed(self, exc: BaseException) -> None:
        self.sign_in_task = None
        self._set_working(False)
        self._show_status("")
        self._show_error(failure_message(exc))
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _set_working(self, working: bool) -> None:
        for widget in (self.sign_in_button, self.username_edit, self.password_edit, self.demo_users):
            widget.setEnabled(not working)

    def _succeed(self, outcome: SignedIn, *, password: str = "") -> None:
        if outcome.user.must_change_password:
            self._choose_own_password(outcome, password)
            return
        self.outcome = outcome
        self._settings.setValue(SETTINGS_SERVER_MODE, "demo" if outcome.demo else "url")
        if not outcome.demo:
            self._settings.setValue(SETTINGS_SERVER_URL, outcome.server_url)
        self._settings.setValue(SETTINGS_USERNAME, outcome.user.username)
        self._settings.setValue(SETTINGS_REMEMBER, self.remember_check.isChecked())
        self.signedIn.emit(outcome)
        self.accept()


    def _choose_own_password(self, outcome: SignedIn, password: str) -> None:
        """An admin set the password: the user chooses their own before the console opens."""
        from ui.admin.own_password import OwnPasswordDialog

        dialog = OwnPasswordDialog(outcome.client, outcome.user, current_password=password, parent=self)
        self.password_dialog = dialog
        dialog.done.connect(lambda user: self._succeed(replace(outcome, user=user)))
        dialog.rejected.connect(lambda: self._own_password_refused(outcome))
        dialog.open()

    def _own_password_refused(self, outcome: SignedIn) -> None:
        client = outcome.client
        Task(client.logout, parent=self, label="log out").run()
        self._show_error(self.tr("Choose a password of your own to sign in."))


def _looks_like_url(text: str) -> bool:
    return bool(re.match(r"^https?://[^\s/]+", text.strip()))


class ReloginDialog(QDialog):
    """"Your session has ended": the same user types the password again; the screen stays.

    Accepted once ``client`` is signed in again (its token replaced); rejected when the user
    chooses to log out instead.
    """

    def __init__(self, client: ApiClient, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReloginDialog")
        self.setWindowTitle(self.tr("Sign in again"))
        self._client = client
        self.username = username
        self.task: Task[LoginResult] | None = None
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Your session has ended"))
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        text = QLabel(
            self.tr("Enter the password of %1 to continue where you were. Nothing on screen is lost.").replace(
                "%1", username
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        user_label = QLabel(username)
        form.addRow(self.tr("Username"), user_label)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        row = QHBoxLayout()
        self.busy = BusyIndicator(self)
        row.addWidget(self.busy)
        row.addStretch(1)
        self.log_out_button = QPushButton(self.tr("Log out"))
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)  # in the dialog: its default (Enter) for good
        self.sign_in_button.setDefault(True)
        row.addWidget(self.log_out_button)
        row.addWidget(self.sign_in_button)
        layout.addLayout(row)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.log_out_button.clicked.connect(self.reject)
        self.password_edit.setFocus()
        self.setMinimumWidth(420)

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() else ""

    def sign_in(self) -> None:
        password = self.password_edit.text()
        if not password:
            self._show_error(self.tr("Enter your password."))
            return
        if self.task is not None and self.task.is_running:
            return
        client, username = self._client, self.username
        self.error_label.setVisible(False)
        self.sign_in_button.setEnabled(False)
        self.task = Task(
            lambda: client.login(username, password), parent=self, label="sign in again", reauthenticate=False
        )
        self.task.with_busy(self.busy).on_success(lambda result: self.accept()).on_failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.sign_in_button.setEnabled(True)
        self._show_error(failure_message(exc))
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)
