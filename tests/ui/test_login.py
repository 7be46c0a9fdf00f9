"""The login dialog against a real backend: sign in, wrong password, offline, remember me, demo."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import null
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.qtbot import QtBot

from console.session import recall
from tests.helpers.keyring_memory import MemoryKeyring
from tests.helpers.live import LOCKABLE_USER, LiveBackend
from ui.demo import DemoBackend
from ui.login import LoginDialog, SignedIn


def make_dialog(qtbot: QtBot, settings: QSettings, url: str, *, use_keyring: bool = False) -> LoginDialog:
    dialog = LoginDialog(settings, demo=None, server_url=url, use_keyring=use_keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait_for_keyring_check(qtbot: QtBot, dialog: LoginDialog) -> None:
    qtbot.waitUntil(lambda: dialog._keyring_usable is not None, timeout=5000)


def test_signs_in_with_the_right_password(qtbot: QtBot, qt_settings: QSettings, live_backend: LiveBackend) -> None:
    dialog = make_dialog(qtbot, qt_settings, live_backend.base_url)
    assert dialog.url_radio.isChecked()
    dialog.username_edit.setText("agent1")
    dialog.password_edit.setText("demo")
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signal:
        dialog.sign_in_button.click()
    outcome = signal.args[0]
    assert isinstance(outcome, SignedIn)
    assert outcome.user.username == "agent1" and outcome.user.role == "agent"
    assert outcome.client.signed_in
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert qt_settings.value("login/username") == "agent1"
    outcome.client.close()


def test_a_wrong_password_is_said_in_a_sentence(
    qtbot: QtBot, qt_settings: QSettings, live_backend: LiveBackend
) -> None:
    dialog = make_dialog(qtbot, qt_settings, live_backend.base_url)
    dialog.username_edit.setText(LOCKABLE_USER)
    dialog.password_edit.setText("not the password")
    dialog.sign_in()
    assert dialog.sign_in_task is not None
    with qtbot.waitSignal(dialog.sign_in_task.finished, timeout=10_000):
        pass
    assert dialog.error_text() == "The username or password is wrong. Check them and try again."
    assert dialog.isVisible() and dialog.outcome is None
    assert dialog.sign_in_button.isEnabled()


def test_an_unreachable_server_is_said_in_a_sentence(qtbot: QtBot, qt_settings: QSettings) -> None:
    dialog = make_dialog(qtbot, qt_settings, "http://127.0.0.1:9")
    dialog.username_edit.setText("agent1")
    dialog.password_edit.setText("demo")
    dialog.sign_in()
    assert dialog.sign_in_task is not None
    with qtbot.waitSignal(dialog.sign_in_task.finished, timeout=20_000):
        pass
    assert dialog.error_text().startswith("Cannot reach the server.")
    assert "Traceback" not in dialog.error_text()


def test_missing_fields_are_asked_for_without_a_call(qtbot: QtBot, qt_settings: QSettings) -> None:
    dialog = make_dialog(qtbot, qt_settings, "not a url")
    dialog.sign_in()
    assert dialog.error_text() == "Enter the server address, starting with http:// or https://."
    dialog.url_edit.setText("http://127.0.0.1:9")
    dialog.sign_in()
    assert dialog.error_text() == "Enter your username."
    assert dialog.sign_in_task is None


def test_remember_me_resumes_the_session_next_time(
    qtbot: QtBot, qt_settings: QSettings, live_backend: LiveBackend, memory_keyring: MemoryKeyring
) -> None:
    dialog = make_dialog(qtbot, qt_settings, live_backend.base_url, use_keyring=True)
    wait_for_keyring_check(qtbot, dialog)
    dialog.username_edit.setText("agent1")
    dialog.password_edit.setText("demo")
    dialog.remember_check.setChecked(True)
    assert not dialog.keyring_hint.isVisible()
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signal:
        dialog.sign_in()
    first: SignedIn = signal.args[0]
    assert first.remembered
    remembered = recall(live_backend.base_url)
    assert remembered is not None and remembered.username == "agent1"

    again = LoginDialog(qt_settings, demo=None, server_url=live_backend.base_url, use_keyring=True)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.signedIn, timeout=10_000) as resumed:
        again.show()
    assert resumed.args[0].user.username == "agent1"
    assert resumed.args[0].client.token == first.client.token
    first.client.close()
    resumed.args[0].client.close()


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_without_a_keyring_remember_me_says_it_will_not_remember(
    qtbot: QtBot, qt_settings: QSettings, no_keyring: None
) -> None:
    dialog = make_dialog(qtbot, qt_settings, "http://127.0.0.1:9", use_keyring=True)
    wait_for_keyring_check(qtbot, dialog)
    assert not dialog.keyring_hint.isVisible()
    dialog.remember_check.setChecked(True)
    assert dialog.keyring_hint.isVisible()
    assert "will not be remembered" in dialog.keyring_hint.text()


def test_demo_mode_offers_the_demo_users_while_the_backend_prepares(
    qtbot: QtBot, qt_settings: QSettings, live_backend: LiveBackend
) -> None:
    # A second embedded server on the live database: already seeded, so it starts quickly.
    threads_before = set(threading.enumerate())
    demo = DemoBackend(live_backend.database_path, demo_customers=40)
    dialog = LoginDialog(qt_settings, demo=demo, use_keyring=False)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        assert dialog.demo_radio.isChecked()
        assert dialog.demo_users.count() == 6
        assert dialog.status_label.text() == "Preparing demo data…" or demo.is_ready
        item = dialog.demo_users.item(3)
        dialog.demo_users.itemClicked.emit(item)
        assert dialog.username_edit.text() == "super1"
        assert dialog.password_edit.text() == "demo"
        # Asked before the backend is ready, the sign-in waits for it.
        with qtbot.waitSignal(dialog.signedIn, timeout=60_000) as signal:
            dialog.sign_in()
        outcome: SignedIn = signal.args[0]
        assert outcome.demo and outcome.user.role == "supervisor"
        assert outcome.server_url == demo.base_url
        # The server runs in a child process of its own, not on this interpreter's threads.
        assert demo.pid is not None and demo.pid != os.getpid()
        assert not [t for t in set(threading.enumerate()) - threads_before if t.name == "creditdesk-embedded-backend"]
        outcome.client.close()
    finally:
        demo.stop()


def test_a_demo_backend_that_cannot_start_is_a_sentence_in_the_dialog(
    qtbot: QtBot, qt_settings: QSettings, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("a file where the data folder should be")
    demo = DemoBackend(not_a_folder / "creditdesk.sqlite3", demo_customers=5)
    dialog = LoginDialog(qt_settings, demo=demo, use_keyring=False)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        qtbot.waitUntil(lambda: demo.error is not None, timeout=60_000)
        assert dialog.error_label.isVisible()
        assert dialog.error_label.text() == (
            "The demo data could not be prepared: The demo data file could not be opened. Check that "
            "the data folder is writable and the disk is not full, then try again."
        )
        assert "Traceback" not in dialog.error_label.text()
    finally:
        demo.stop()


def test_sign_in_stays_the_default_and_the_side_keeps_its_shape_with_a_server_address(
    qtbot: QtBot, qt_settings: QSettings
) -> None:
    """Issue 14 item 12: with a server address the side panel's title and subtitle drifted
    apart (the demo list that held them together was hidden), and Sign in lost its default look
    and Enter once it had had the focus (it was made default before it was in the dialog)."""
    dialog = make_dialog(qtbot, qt_settings, "https://creditdesk.example.com")
    assert dialog.url_radio.isChecked() and not dialog.demo_users.isVisible()
    assert dialog.server_hint.isVisible()
    dialog.sign_in_button.setFocus()
    dialog.password_edit.setFocus()
    qtbot.waitUntil(dialog.password_edit.hasFocus, timeout=2_000)
    assert dialog.sign_in_button.isDefault()
    side = dialog.findChild(QFrame, "LoginSide")
    assert side is not None
    title = side.findChild(QLabel, "appTitle")
    assert title is not None
    subtitle = next(label for label in side.findChildren(QLabel) if label.text() == "Customer service console")
    # Title, subtitle and hint stay together at the top (they were 200 px apart).
    assert subtitle.y() - (title.y() + title.height()) < 20
    assert dialog.server_hint.y() < side.height() // 2
