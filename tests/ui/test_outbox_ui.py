"""The outbox in the console: a note written while the server is down is kept, counted in the status
bar, and sent once when the server is back, also after a console restart; refusals are shown.

Writes go to customers 38 and 40 (this file's customers in the shared live backend).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.outbox import Delivered, Outbox, Queued, send
from tests.helpers.live import LiveBackend
from tests.helpers.shots import review_shot
from ui.outbox import OutboxDialog, OutboxStatus
from ui.tasks import Task
from ui.widgets import ErrorBanner
from ui.workspace.notes import NotesTab

SERVER = "embedded:/tmp/test-outbox-ui"


def unique_text(what: str) -> str:
    return f"outbox ui {what} {uuid.uuid4()}"


def notes_with(client: ApiClient, account_id: int, text: str) -> int:
    return sum(1 for note in client.list_notes(account_id, limit=200).items if note.body == text)


def unreachable_client() -> ApiClient:
    client = ApiClient("http://127.0.0.1:9", retries=0, backoff=0.0, timeout=(0.5, 0.5))
    client.token = "not-used"
    return client


def shoot(widget: QMainWindow | OutboxDialog, name: str) -> None:
    review_shot(widget, name)


class Window(QMainWindow):
    """A main window as the console's: a banner and a status bar with the outbox count."""

    def __init__(self, outbox: Outbox, client: ApiClient) -> None:
        super().__init__()
        self.banner = ErrorBanner(self)
        self.outbox_status = OutboxStatus(outbox, client, parent=self)
        self.statusBar().addPermanentWidget(self.outbox_status)
        self.resize(1280, 800)


@pytest.fixture
def outbox_file(tmp_path: Path) -> Path:
    return tmp_path / "outbox.sqlite3"


@pytest.fixture
def outbox(outbox_file: Path) -> Iterator[Outbox]:
    box = Outbox(outbox_file, server_url=SERVER, username="agent1")
    yield box
    box.close()


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[Window]]:
    """Windows to close at the end (which stops their drainers), waiting for a round under way."""
    made: list[Window] = []
    yield made
    for window in made:
        status = window.outbox_status
        window.close()
        assert not status.drainer.running and not status.drainer.timer.isActive()
        qtbot.waitUntil(lambda s=status: not s.drainer.busy, timeout=20_000)


def open_window(qtbot: QtBot, windows: list[Window], outbox: Outbox, client: ApiClient) -> Window:
    window = Window(outbox, client)
    qtbot.addWidget(window)
    windows.append(window)
    window.show()
    return window


def test_a_note_written_while_the_server_is_down_waits_in_the_outbox_and_lands_once(
    qtbot: QtBot, live_backend: LiveBackend, api_client: ApiClient, outbox: Outbox, windows: list[Window]
) -> None:
    profile = api_client.get_customer(38)
    account_id = profile.accounts[0].id
    window = open_window(qtbot, windows, outbox, api_client)
    status = window.outbox_status
    tab = NotesTab(api_client, window)
    window.setCentralWidget(tab)
    tab.set_profile(profile)
    tab.set_outbox(outbox)
    status.drainer.delivered.connect(tab.outbox_delivered)  # as the main window wires every workspace
    with qtbot.waitSignal(tab.notes_loaded, timeout=10_000):
        tab.activate()
    text = unique_text("note")
    qtbot.waitUntil(lambda: not status.drainer.busy, timeout=10_000)
    assert not status.isVisible()  # empty: nothing to say

    with live_backend.stopped():
        tab.editor.setPlainText(text)
        with qtbot.waitSignal(tab.note_queued, timeout=20_000) as queued:
            tab.submit()
        assert isinstance(queued.args[0], Queued)
        assert tab.editor.toPlainText() == ""  # the box is free for the next note
        assert "outbox" in tab.banner.text() and "nothing is lost" in tab.banner.text()
        qtbot.waitUntil(lambda: status.text() == "Outbox: 1 waiting", timeout=20_000)
        assert status.isVisible() and status.tone == "warning"
        shoot(window, "outbox-waiting")
        assert not live_backend.running

    # The outbox's list says what the write was: whose note, on which account, how it begins.
    label = outbox.entries()[0].label
    assert label == f"Contact note for {profile.name} on {tab.account_picker.currentText()}: “{text[:39]}…”"

    # The server is back: the drainer sends it within a few ticks, and the count goes away; the
    # Notes tab shows the delivered note and drops its "kept in the outbox" banner, without F5.
    with qtbot.waitSignal(tab.notes_loaded, timeout=40_000), \
            qtbot.waitSignal(status.drainer.delivered, timeout=40_000) as delivered:
        pass
    assert [record.label for record in delivered.args[0]] == [outbox.entries(include_delivered=True)[0].label]
    assert text in [note.body for note in tab.model.records()]
    assert not tab.banner.isVisible()
    qtbot.waitUntil(lambda: not status.isVisible(), timeout=10_000)
    assert "Sent from the outbox" in window.statusBar().currentMessage()
    assert notes_with(api_client, account_id, text) == 1


def test_writes_kept_before_a_restart_are_sent_by_the_next_console(
    qtbot: QtBot, outbox_file: Path, api_client: ApiClient, windows: list[Window]
) -> None:
    account_id = api_client.get_customer(38, include=("accounts",)).accounts[0].id
    text = unique_text("restart")
    before = Outbox(outbox_file, server_url=SERVER, username="agent1")
    result = before.post(unreachable_client(), f"/v1/accounts/{account_id}/notes", {"body": text, "channel": "chat"},
                         label="Contact note before the restart")
    assert isinstance(result, Queued)
    before.close()  # the console quits with the write still waiting

    after = Outbox(outbox_file, server_url=SERVER, username="agent1")
    try:
        window = open_window(qtbot, windows, after, api_client)
        status = window.outbox_status
        with qtbot.waitSignal(status.drainer.delivered, timeout=40_000) as delivered:
            pass
        assert [r.idempotency_key for r in delivered.args[0]] == [result.idempotency_key]
        qtbot.waitUntil(lambda: not status.isVisible(), timeout=10_000)
        window.close()
        qtbot.waitUntil(lambda: not status.drainer.busy, timeout=20_000)
    finally:
        after.close()
    assert notes_with(api_client, account_id, text) == 1


def test_a_refused_write_is_announced_once_and_can_be_discarded(
    qtbot: QtBot, api_client: ApiClient, outbox: Outbox, windows: list[Window]
) -> None:
    account_id = api_client.get_customer(38, include=("accounts",)).accounts[0].id
    outbox.post(unreachable_client(), f"/v1/accounts/{account_id}/notes", {"body": "x" * 4001, "channel": "phone"},
                label="Very long contact note")
    window = open_window(qtbot, windows, outbox, api_client)
    status = window.outbox_status
    with qtbot.waitSignal(status.drainer.refused, timeout=40_000):
        pass
    qtbot.waitUntil(lambda: status.text() == "Outbox: 1 refused", timeout=10_000)
    assert status.tone == "danger"
    notice = window.banner.text()
    assert "Very long contact note" in notice and "not valid" in notice
    assert "Very long contact note" in window.statusBar().currentMessage()

    dialog = status.open_dialog()
    qtbot.waitUntil(lambda: len(dialog.records) == 1, timeout=10_000)
    assert dialog.table.item(0, 0).text() == "Very long contact note"
    assert dialog.table.item(0, 2).text() == "Refused"
    assert "not valid" in dialog.table.item(0, 5).text()
    assert dialog.send_again_button.isEnabled() and dialog.discard_button.isEnabled()
    assert not dialog.try_now_button.isEnabled()  # nothing waits
    shoot(dialog, "outbox-dialog-refused")

    # Sending it again unchanged is refused again, and said again.
    with qtbot.waitSignal(status.drainer.refused, timeout=20_000):
        dialog.send_again()
    qtbot.waitUntil(lambda: [r.status for r in dialog.records] == ["refused"] and dialog.records[0].attempts == 3,
                    timeout=10_000)
    # Discarding it (after the confirmation) empties the outbox.
    dialog.discard(confirmed=True)
    qtbot.waitUntil(lambda: not status.isVisible(), timeout=20_000)
    qtbot.waitUntil(lambda: dialog.records == [], timeout=10_000)
    assert dialog.empty_label.isVisibleTo(dialog)
    assert outbox.entries() == []
    dialog.close()


def test_a_burst_while_the_backend_goes_down_lands_exactly_once(
    qtbot: QtBot, live_backend: LiveBackend, api_client: ApiClient, outbox: Outbox, windows: list[Window]
) -> None:
    account_id = api_client.get_customer(40, include=("accounts",)).accounts[0].id
    window = open_window(qtbot, windows, outbox, api_client)
    status = window.outbox_status
    writer = live_backend.client("agent1")
    texts = [unique_text(f"burst {n}") for n in range(10)]
    told: dict[str, Delivered | Queued] = {}
    tasks: list[Task[Delivered | Queued]] = []

    def write(text: str) -> Task[Delivered | Queued]:
        task: Task[Delivered | Queued] = Task(
            lambda: send(outbox, writer, f"/v1/accounts/{account_id}/notes", {"body": text, "channel": "phone"},
                         label=text),
            parent=window,
        )
        task.on_success(lambda result, t=text: told.__setitem__(t, result))
        tasks.append(task)
        return task.run()

    try:
        for text in texts[:5]:
            write(text)
        live_backend.stop()  # going down while the first five are on their way
        for text in texts[5:]:
            write(text)
        qtbot.waitUntil(lambda: all(not task.is_running for task in tasks), timeout=60_000)
        assert set(told) == set(texts)  # every write was either sent or kept: none failed
        assert any(isinstance(result, Queued) for result in told.values())
        qtbot.waitUntil(lambda: status.isVisible() and "waiting" in status.text(), timeout=20_000)
    finally:
        if not live_backend.running:
            live_backend.start()
    status.drainer.kick(everything=True)
    qtbot.waitUntil(lambda: not status.isVisible(), timeout=60_000)
    writer.close()
    bodies = [note.body for note in api_client.list_notes(account_id, limit=200).items]
    assert {text: bodies.count(text) for text in texts} == {text: 1 for text in texts}
