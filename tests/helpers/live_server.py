"""A real HTTP server (uvicorn on a loopback port) on a database whose commits are real, on
SQLite or PostgreSQL, for the race tests of docs/reliability.md.

    with committed_database(db_url, tmp_path) as factory:
        ...build a book with factory...
        with live_server(factory, clock) as server:
            token = server.login("agent1")
            results = run_together(20, lambda i: server.post(...))

On SQLite the database is a fresh file in the test's directory; on PostgreSQL it is the test
database (request the `db_engine` fixture first so the schema exists), emptied afterwards
(every other test rolls back, so it was empty before).
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
import uvicorn
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from backend.app import create_app
from backend.auth.service import ensure_demo_users
from backend.clock import BusinessClock
from backend.db import Base, make_engine, make_sessionmaker, transaction
from backend.settings import Settings

T = TypeVar("T")


def empty_all_tables(factory: sessionmaker[Session]) -> None:
    with transaction(factory) as session:
        if session.get_bind().dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
            session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(Base.metadata.sorted_tables):
                session.execute(table.delete())


@contextmanager
def committed_database(db_url: str, directory: Any) -> Iterator[sessionmaker[Session]]:
    """Sessions on a database whose commits are real (see the module's docstring)."""
    import backend.models_registry  # noqa: F401

    if make_url(db_url).get_backend_name() == "sqlite":
        engine = make_engine(f"sqlite:///{directory}/live-{uuid.uuid4().hex[:8]}.sqlite3")
        Base.metadata.create_all(engine)
    else:
        engine = make_engine(db_url)
    factory = make_sessionmaker(engine)
    try:
        yield factory
    finally:
        if engine.dialect.name == "postgresql":
            empty_all_tables(factory)
        engine.dispose()


@dataclass
class LiveServer:
    base_url: str
    tokens: dict[str, str] = field(default_factory=dict)

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=120.0)

    def login(self, username: str, password: str = "demo") -> dict[str, str]:
        if username not in self.tokens:
            with self.client() as client:
                response = client.post("/v1/auth/token", json={"username": username, "password": password})
            assert response.status_code == 200, response.text
            self.tokens[username] = response.json()["access_token"]
        return {"Authorization": f"Bearer {self.tokens[username]}"}

    def write_headers(self, username: str, **extra: str) -> dict[str, str]:
        return {**self.login(username), "Idempotency-Key": str(uuid.uuid4()), **extra}


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(256)
    return sock


@contextmanager
def live_server(factory: sessionmaker[Session], clock: BusinessClock, *,
                settings: Settings | None = None) -> Iterator[LiveServer]:
    """The app on `factory` behind uvicorn on a free loopback port, demo users created."""
    with transaction(factory) as session:
        ensure_demo_users(session=session, now=clock.now())
    app = create_app(settings or Settings(database_url="sqlite://", demo_mode=True), clock=clock,
                     session_factory=factory)
    sock = _free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, access_log=False, lifespan="off", server_header=False,
                                           log_level="warning", timeout_graceful_shutdown=5))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the live server did not start"
        time.sleep(0.02)
    try:
        yield LiveServer(base_url=f"http://127.0.0.1:{port}")
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def run_together(count: int, send: Callable[[int], T]) -> list[T]:
    """Call `send(i)` from `count` threads released at once by a barrier."""
    barrier = threading.Barrier(count)

    def one(index: int) -> T:
        barrier.wait()
        return send(index)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))
