"""console.embedded: the backend in this process, started, stopped and restarted on one file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import requests

from console.api import ApiClient
from console.embedded import EmbeddedBackend
from console.errors import Offline
from tests.helpers.live import LiveBackend


def embedded_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "creditdesk-embedded-backend"]


def test_start_serve_stop_restart_without_reseeding(tmp_path: Path) -> None:
    messages: list[str] = []
    backend = EmbeddedBackend(tmp_path / "embedded.sqlite3", demo_customers=5, seed_workers=1,
                              on_progress=messages.append)
    before = set(embedded_threads())
    url = backend.start()
    try:
        assert url.startswith("http://127.0.0.1:") and backend.running
        assert backend.seeded_on_last_start
        assert any("demo data" in message for message in messages) and messages[-1] == "Ready."
        assert backend.start() == url  # already running: the same server
        assert requests.get(f"{url}/healthz", timeout=5).json() == {"status": "ok"}
        client = ApiClient(url, backoff=0.0)
        client.login("agent1", "demo")
        hits = client.search_customers("HB0000000001")
        assert [hit.id for hit in hits.items] == [1]
        customer_ids = {p.id for p in _all_customers(client)}
        thread = backend.thread
    finally:
        backend.stop()
    assert thread is not None and not thread.is_alive()
    assert set(embedded_threads()) == before
    with pytest.raises(Offline):
        ApiClient(url, retries=0).healthz()

    messages.clear()
    assert backend.start() == url  # the same port again, so clients keep their URL
    try:
        assert not backend.seeded_on_last_start
        assert not any("demo data" in message for message in messages)
        assert client.me().username == "agent1"  # the token lives in the database
        assert {p.id for p in _all_customers(client)} == customer_ids
    finally:
        backend.stop()
        client.close()
    backend.stop()  # stopping twice is harmless


def _all_customers(client: ApiClient) -> list[object]:
    # Account numbers are HB/JB + 10 digits: the 5 customers have accounts 1..10 between them.
    found: dict[int, object] = {}
    for account_id in range(1, 11):
        for prefix in ("HB", "JB"):
            for hit in client.search_customers(f"{prefix}{account_id:010d}").items:
                found[hit.id] = hit
    return list(found.values())


def test_context_manager(tmp_path: Path) -> None:
    before = set(embedded_threads())
    with EmbeddedBackend(tmp_path / "cm.sqlite3", demo_customers=2, seed_workers=1) as url:
        assert ApiClient(url).healthz()
        assert len(embedded_threads()) == len(before) + 1
    assert set(embedded_threads()) == before


def test_the_live_fixture_stops_and_comes_back_on_the_same_url(live_backend: LiveBackend) -> None:
    client = live_backend.client("agent1")
    with live_backend.stopped():
        assert not live_backend.running
        with pytest.raises(Offline):
            client.get_account(1)
    assert live_backend.running
    assert client.get_account(1).id == 1
    client.close()
