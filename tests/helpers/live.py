"""A real backend for console and UI tests: the embedded launcher on a temporary SQLite file.

It serves in the test process (`console.embedded.EmbeddedBackend`), which starts and restarts
in a fraction of the time of a child process; `python main.py` runs the same server in a child
process of its own (`console.backend_process`, tested in tests/test_console_backend_process.py).

Fixtures (registered in tests/conftest.py through `pytest_plugins`):

- `live_backend` (session): a `LiveBackend` serving a small deterministic demo set
  (`LIVE_CUSTOMERS` customers; customer 1 is M1 overdue with installments and a cash loan,
  customers 1–11 cover the interesting cases) with the demo users (password `demo`).
  `live_backend.base_url` stays the same across `stop()` / `start()` (`restart()`), so a test
  can take the backend away, try a write, and bring it back. A test that stops it must start
  it again (or use `live_backend.stopped()` as a context manager).
- `api_client` (function): an `ApiClient` on it, signed in as `agent1`.
- `api_client_as` (function): a factory `api_client_as("super1")` for other demo users.

Tests share this backend's database: write only what your test can tell apart (new notes on
an account, not assertions on counts of everything), and never fail 5 logins of a demo user
(that locks it for 15 minutes for every later test); use `LOCKABLE_USER` for wrong passwords.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from console.api import ApiClient
from console.embedded import EmbeddedBackend

LIVE_CUSTOMERS = 40
DEMO_PASSWORD = "demo"
LOCKABLE_USER = "agent2"


class LiveBackend:
    """The embedded backend as tests use it: a fixed base URL, stop and start at will."""

    def __init__(self, database_path: Path, customers: int = LIVE_CUSTOMERS) -> None:
        self.database_path = database_path
        self.embedded = EmbeddedBackend(database_path, demo_customers=customers, seed_workers=1)
        self.base_url = self.embedded.start()

    @property
    def running(self) -> bool:
        return self.embedded.running

    def start(self) -> str:
        """Start again on the same file and port (no reseeding); returns the base URL."""
        url = self.embedded.start()
        assert url == self.base_url, f"the backend moved from {self.base_url} to {url}"
        return url

    def stop(self) -> None:
        self.embedded.stop()

    def restart(self) -> str:
        self.stop()
        return self.start()

    @contextmanager
    def stopped(self) -> Iterator[None]:
        """The backend is down inside the block and up again after it."""
        self.stop()
        try:
            yield
        finally:
            self.start()

    def client(self, username: str | None = "agent1", password: str = DEMO_PASSWORD) -> ApiClient:
        """A new client on this backend, signed in as `username` (None: not signed in).
        No back-off between retries: tests should not wait."""
        client = ApiClient(self.base_url, backoff=0.0)
        if username is not None:
            client.login(username, password)
        return client


@pytest.fixture(scope="session")
def live_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveBackend]:
    backend = LiveBackend(tmp_path_factory.mktemp("live") / "creditdesk-live.sqlite3")
    try:
        yield backend
    finally:
        backend.stop()


@pytest.fixture
def api_client_as(live_backend: LiveBackend) -> Iterator[Callable[[str], ApiClient]]:
    clients: list[ApiClient] = []

    def make(username: str) -> ApiClient:
        if not live_backend.running:
            live_backend.start()  # a previous test left it stopped
        client = live_backend.client(username)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def api_client(api_client_as: Callable[[str], ApiClient]) -> ApiClient:
    """An `ApiClient` signed in as `agent1` on the live backend."""
    return api_client_as("agent1")


def ensure_an_open_dispute(client: ApiClient, customer_id: int) -> None:
    """Give the customer an open case if they have none: a dispute filed by `client` on the
    first purchase of their credit line that can still be disputed."""
    from console.api import new_idempotency_key
    from console.cases import CaseQuery, list_cases
    from console.errors import Conflict

    if list_cases(client, CaseQuery(customer_id=customer_id)).items:
        return
    account = next(a for a in client.get_customer(customer_id).accounts if a.product == "credit_line")
    for transaction in client.list_transactions(account.id, limit=100).items:
        if transaction.type != "purchase":
            continue
        try:
            client.post_json("/v1/disputes", {
                "transaction_id": transaction.id, "category": "consumer_dispute", "reason": "not_received",
                "disputed_amount_fen": transaction.amount_fen, "description": "Never arrived.",
                "channel": "phone"}, idempotency_key=new_idempotency_key())
            return
        except Conflict:
            continue
    raise AssertionError(f"customer {customer_id} has no purchase left to dispute")
