"""Real servers on scratch databases, for the load tests (tests/test_load.py).

- `scratch_database(db_url, tmp_path, name)`: a database of the test's own, migrated: a
  SQLite file beside the test, or on PostgreSQL a database named after the test database
  (`<test db>_<name>`), created fresh and dropped after. The app under test commits for real
  there, with its own pool, which the rolled-back `session_factory` fixture cannot give.
- `server_thread(settings)`: `create_app(settings)` under uvicorn on a thread, on a free port.
- `serve_process(database_url)`: `python -m backend serve` as a child process, on a free port.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests
import uvicorn
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from backend.app import create_app
from backend.auth.service import create_user
from backend.db import make_engine, make_sessionmaker, transaction
from backend.migrate import upgrade
from backend.settings import Settings
from tests.helpers.cases import insert_customer_with_account

PASSWORD = "load-test-password"
ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def scratch_database(db_url: str, tmp_path: Path, name: str) -> Iterator[str]:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        scratch = f"sqlite:///{tmp_path / (name + '.sqlite3')}"
        upgrade(scratch)
        yield scratch
        return
    database = f"{url.database}_{name}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    scratch = url.set(database=database).render_as_string(hide_password=False)
    try:
        upgrade(scratch)
        yield scratch
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def add_users_and_an_account(database_url: str, users: dict[str, str]) -> int:
    """`users` (username → role) with password `PASSWORD`, and customer 1 with account 1
    (account number HB0000000001); returns the account id."""
    engine = make_engine(database_url)
    try:
        factory = make_sessionmaker(engine)
        with transaction(factory) as session:
            for username, role in users.items():
                create_user(
                    session=session, username=username, display_name=username, role=role, password=PASSWORD
                )
            return insert_customer_with_account(session).id
    finally:
        engine.dispose()


def sign_in(base_url: str, username: str) -> dict[str, str]:
    response = requests.post(
        f"{base_url}/v1/auth/token", json={"username": username, "password": PASSWORD}, timeout=30
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_healthy(
    base_url: str, process: subprocess.Popen[str] | None = None, seconds: float = 60
) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}: {process.communicate()[0]}")
        try:
            if requests.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"{base_url} did not answer within {seconds} s")


@contextmanager
def server_thread(settings: Settings) -> Iterator[tuple[str, object]]:
    """The app for `settings` served on a thread; yields (base URL, the app)."""
    app = create_app(settings)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            app, host="127.0.0.1", port=port, log_level="warning", lifespan="off", access_log=False
        )
    )
    thread = threading.Thread(target=server.run, name="load-test-server", daemon=True)
    thread.start()
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base_url)
        yield base_url, app
    finally:
        server.should_exit = True
        thread.join(10)
        app.state.session_factory.kw["bind"].dispose()


@contextmanager
def serve_process(database_url: str, *args: str) -> Iterator[str]:
    """`python -m backend serve --database-url … <args>` on a free port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CREDITDESK_DEMO", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "backend",
            "serve",
            "--database-url",
            database_url,
            "--port",
            str(port),
            "--log-level",
            "warning",
            *args,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base_url, process)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
