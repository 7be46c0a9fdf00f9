"""An account with 100,000 transactions opens with one page and pages in as it scrolls.

How long the GUI thread works at a stretch meanwhile is measured by `bench/transactions_scroll.py`
(a benchmark prints numbers; a test on a shared machine must not depend on them).

The account lives in a backend of its own (a temporary SQLite file, so the shared live backend
of the other tests is not changed): one demo customer, plus a customer whose credit line carries
100,000 transactions, stored with the backend's own bulk loader (`backend.common.bulk`, what the
demo generator uses). Going through the billing engine a posting at a time would take minutes
and test nothing more here: the Transactions tab reads the list, whatever made it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from bench.transactions_scroll import BIG, PAGE, add_big_account
from console.api import ApiClient
from tests.helpers.live import LiveBackend
from ui.workspace import CustomerWorkspace


@pytest.fixture(scope="module")
def big_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveBackend, int]]:
    backend = LiveBackend(tmp_path_factory.mktemp("big") / "creditdesk-big.sqlite3", customers=1)
    try:
        backend.stop()
        customer_id = add_big_account(backend.database_path, BIG)
        backend.start()
        yield backend, customer_id
    finally:
        backend.stop()


@pytest.mark.slow
def test_a_hundred_thousand_transactions_open_and_scroll(
    qtbot: QtBot, big_backend: tuple[LiveBackend, int]
) -> None:
    backend, customer_id = big_backend
    client: ApiClient = backend.client("agent1")
    try:
        workspace = CustomerWorkspace(client, customer_id, role="agent")
        qtbot.addWidget(workspace)
        workspace.resize(1280, 800)
        with qtbot.waitSignal(workspace.loaded, timeout=10_000):
            workspace.show()
        tab = workspace.transactions_tab
        model = tab.model
        with qtbot.waitSignal(tab.first_page_loaded, timeout=10_000):
            workspace.show_tab("transactions")
        qtbot.waitUntil(lambda: not model.is_loading, timeout=10_000)
        assert model.rowCount() == PAGE and model.has_more  # one page, not 100,000 rows

        # Scroll down through 20 pages: each reaches the end, one page is fetched, rows appended.
        for page in range(2, 22):
            tab.view.scrollToBottom()
            qtbot.waitUntil(lambda page=page: model.rowCount() == page * PAGE and not model.is_loading,
                            timeout=10_000)
        assert model.rowCount() == 21 * PAGE
        ids = [t.id for t in model.records()]
        assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)  # newest first, no repeats
        assert model.canFetchMore(QModelIndex())
        workspace.close_workspace()
    finally:
        client.close()
