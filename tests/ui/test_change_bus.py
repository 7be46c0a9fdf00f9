"""The change bus (ui/changes.py): a delivered write refreshes the other open views of the same
account, a hidden one when it is shown again, and a write delivered later from the outbox too.

Writes go to customer 39 (notes only: no other test reads this customer).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.outbox import Outbox, Queued
from ui.changes import ChangeBus
from ui.workspace import CustomerWorkspace
from ui.workspace.header import primary_account
from ui.workspace.notes import NotesTab

CUSTOMER = 39
WAIT_MS = 20_000

OpenWorkspace = Callable[[], CustomerWorkspace]


@pytest.fixture
def bus(api_client: ApiClient, qtbot: QtBot) -> Iterator[ChangeBus]:
    changes = ChangeBus(api_client)
    yield changes
    changes.close()
    changes.deleteLater()


@pytest.fixture
def open_workspace(qtbot: QtBot, api_client: ApiClient, bus: ChangeBus) -> Iterator[OpenWorkspace]:
    opened: list[CustomerWorkspace] = []

    def open_() -> CustomerWorkspace:
        workspace = CustomerWorkspace(api_client, CUSTOMER, role="agent", changes=bus)
        qtbot.addWidget(workspace)
        workspace.resize(1280, 800)
        with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
            workspace.show()
        opened.append(workspace)
        return workspace

    yield open_
    for workspace in opened:
        workspace.close_workspace()


def account_id(workspace: CustomerWorkspace) -> int:
    assert workspace.profile is not None
    account = primary_account(workspace.profile)
    assert account is not None
    return account.id


def show_notes(qtbot: QtBot, workspace: CustomerWorkspace) -> NotesTab:
    tab = workspace.notes_tab
    with qtbot.waitSignal(tab.notes_loaded, timeout=WAIT_MS):
        workspace.show_tab("notes")
    return tab


def note_bodies(tab: NotesTab) -> list[str]:
    return [note.body for note in tab.model.records()]


def refreshes(workspace: CustomerWorkspace) -> int:
    assert workspace.refresh_on_change is not None
    return workspace.refresh_on_change.refreshes


def test_a_note_written_in_one_view_refreshes_another_open_view_of_the_account(
    qtbot: QtBot, open_workspace: OpenWorkspace
) -> None:
    writer, reader = open_workspace(), open_workspace()
    writer_notes, reader_notes = show_notes(qtbot, writer), show_notes(qtbot, reader)
    text = f"change bus {uuid.uuid4()}"
    assert text not in note_bodies(reader_notes)

    writer_notes.editor.setPlainText(text)
    # The reader was told by nobody but the bus: its notes show the new one without F5.
    with qtbot.waitSignal(reader.loaded, timeout=WAIT_MS), \
            qtbot.waitSignal(reader_notes.notes_loaded, timeout=WAIT_MS):
        writer_notes.submit()
    qtbot.waitUntil(lambda: writer_notes.write_task is not None and not writer_notes.write_task.is_running,
                    timeout=WAIT_MS)
    assert text in note_bodies(reader_notes)
    assert refreshes(reader) == 1
    # The writer shows its own note itself: the bus leaves it alone.
    assert refreshes(writer) == 0


def test_a_hidden_view_refreshes_when_it_is_shown_again(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    hidden = open_workspace()
    notes = show_notes(qtbot, hidden)
    hidden.hide()
    text = f"change bus hidden {uuid.uuid4()}"
    api_client.add_note(account_id(hidden), text)  # another view's write (on this thread: at once)

    assert hidden.refresh_on_change is not None
    assert hidden.refresh_on_change.stale and refreshes(hidden) == 0  # nothing loads while hidden
    assert text not in note_bodies(notes)
    with qtbot.waitSignal(hidden.loaded, timeout=WAIT_MS), qtbot.waitSignal(notes.notes_loaded, timeout=WAIT_MS):
        hidden.show()
    assert refreshes(hidden) == 1 and not hidden.refresh_on_change.stale
    assert text in note_bodies(notes)


def test_a_write_delivered_later_from_the_outbox_refreshes_the_views_that_show_it(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient, tmp_path: Path
) -> None:
    workspace = open_workspace()
    notes = show_notes(qtbot, workspace)
    outbox = Outbox(tmp_path / "outbox.sqlite3", server_url="embedded:change-bus", username="agent1")
    away = ApiClient("http://127.0.0.1:9", token="not-used", retries=0, backoff=0.0, timeout=(0.5, 0.5))
    text = f"change bus outbox {uuid.uuid4()}"
    try:
        kept = outbox.post(away, f"/v1/accounts/{account_id(workspace)}/notes", {"body": text, "channel": "phone"},
                           label="a note kept while the server was away")
        assert isinstance(kept, Queued)
        assert refreshes(workspace) == 0  # kept, not delivered: nothing changed yet
        with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS), \
                qtbot.waitSignal(notes.notes_loaded, timeout=WAIT_MS):
            result = outbox.drain(api_client, everything=True)
        assert [record.label for record in result.delivered] == ["a note kept while the server was away"]
        assert refreshes(workspace) == 1
        assert text in note_bodies(notes)
    finally:
        away.close()
        outbox.close()
