"""The embedded backend: the servicing API in this process, on a free loopback port.

    with EmbeddedBackend(paths.database_path(), on_progress=print) as base_url:
        client = ApiClient(base_url)

`start()` migrates the SQLite file, prepares the demo (the deterministic demo data on an empty
database only, the demo users, end of day caught up to yesterday), then serves the API with
uvicorn on a daemon thread and returns once `/healthz` answers. `stop()` asks the server to
exit and joins the thread. The console still talks to it over HTTP only (DESIGN.md §2): this
module only starts it. It is the one module of `console/` that imports `backend`.

`start()` blocks for as long as the preparation takes (seconds on the first start, which seeds);
call it from a background thread and show `on_progress` messages meanwhile.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Final

import requests
import uvicorn
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["DEFAULT_DEMO_CUSTOMERS", "EmbeddedBackend", "EmbeddedBackendError"]

log = logging.getLogger(__name__)

DEFAULT_DEMO_CUSTOMERS: Final = 2000
START_TIMEOUT_SECONDS: Final = 60.0
STOP_TIMEOUT_SECONDS: Final = 15.0

Progress = Callable[[str], None]


class EmbeddedBackendError(RuntimeError):
    """The embedded backend could not start (or stop) in time."""


class EmbeddedBackend:
    """The servicing API on `database_path` (a SQLite file, created if missing).

    Args:
        demo_customers: how many customers the demo data has, when the database is new.
        host: the loopback address to listen on.
        port: 0 (default) for a free port; after the first start the same port is reused on a
            restart, so a client keeps its base URL across `stop()` and `start()`.
        on_progress: called (on the thread that runs `start()`) with a short message per step.
        seed_workers: processes for generating demo data (None: the backend decides; 1 avoids
            forking, e.g. in a process with many threads).
        log_level: uvicorn's log level (default `warning`: quiet).
    """

    def __init__(
        self,
        database_path: Path,
        *,
        demo_customers: int = DEFAULT_DEMO_CUSTOMERS,
        host: str = "127.0.0.1",
        port: int = 0,
        on_progress: Progress | None = None,
        seed_workers: int | None = None,
        log_level: str = "warning",
    ) -> None:
        self.database_path = Path(database_path)
        self.demo_customers = demo_customers
        self.host = host
        self.port = port
        self.on_progress = on_progress
        self.seed_workers = seed_workers
        self.log_level = log_level
        self.seeded_on_last_start = False
        self._lock = threading.Lock()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._engine: Engine | None = None

    # -- public ----------------------------------------------------------------------------

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.database_path}"

    @property
    def base_url(self) -> str:
        """`http://host:port` (the port is known once started)."""
        return f"http://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def thread(self) -> threading.Thread | None:
        """The server thread while running (for tests that check it is gone after `stop()`)."""
        return self._thread

    def start(self) -> str:
        """Prepare the database and serve it; returns the base URL once `/healthz` answers.

        Idempotent: a second call while running returns the same URL. Raises
        `EmbeddedBackendError` when the server does not come up."""
        with self._lock:
            if self.running:
                return self.base_url
            try:
                factory = self._prepare_database()
                self._serve(factory)
                self._progress("Ready.")
            except BaseException:
                self._stop_locked()
                raise
            return self.base_url

    def stop(self) -> None:
        """Ask the server to finish its requests and exit; join its thread; release the file."""
        with self._lock:
            self._stop_locked()

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- steps -----------------------------------------------------------------------------

    def _progress(self, message: str) -> None:
        log.info("embedded backend: %s", message)
        if self.on_progress is not None:
            self.on_progress(message)

    def _prepare_database(self) -> sessionmaker[Session]:
        from backend.cli import prepare_demo
        from backend.db import make_engine, make_sessionmaker
        from backend.migrate import upgrade

        self._progress("Preparing the database…")
        self.database_path.parent.mkdir(parents=True, exist_ok=True)
        upgrade(self.database_url)
        engine = make_engine(self.database_url)
        self._engine = engine
        factory = make_sessionmaker(engine)
        self.seeded_on_last_start = prepare_demo(
            factory, customers=self.demo_customers, workers=self.seed_workers, progress=self._progress
        )
        return factory

    def _serve(self, session_factory: sessionmaker[Session]) -> None:
        from backend.app import create_app
        from backend.settings import Settings

        self._progress("Starting the server…")
        settings = Settings(database_url=self.database_url, demo_mode=True)
        app = create_app(settings, session_factory=session_factory)
        sock = self._bind()
        config = uvicorn.Config(
            app,
            log_level=self.log_level,
            log_config=None,  # leave the application's logging alone
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=5,
            server_header=False,  # no "server: uvicorn": say nothing about the stack
        )
        server = uvicorn.Server(config)
        self._server = server
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="creditdesk-embedded-backend", daemon=True
        )
        self._thread = thread
        thread.start()
        self._wait_until_healthy(server, thread)

    def _bind(self) -> socket.socket:
        """A listening socket on the loopback, bound before the server starts (no port race)."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError:
            if self.port == 0:
                sock.close()
                raise
            log.warning("port %d is taken; the embedded backend moves to a free port", self.port)
            sock.bind((self.host, 0))
        sock.listen(128)
        self.port = sock.getsockname()[1]
        self._socket = sock
        return sock

    def _wait_until_healthy(self, server: uvicorn.Server, thread: threading.Thread) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        ready = threading.Event()
        while not server.started:
            if not thread.is_alive():
                raise EmbeddedBackendError("the embedded backend stopped while starting")
            if time.monotonic() > deadline:
                raise EmbeddedBackendError("the embedded backend did not start in time")
            ready.wait(0.02)  # uvicorn offers no event to wait on
        with requests.Session() as probe:
            response = probe.get(f"{self.base_url}/healthz", timeout=(3.05, 10))
        if response.status_code != 200:
            raise EmbeddedBackendError(f"/healthz answered {response.status_code}")

    def _stop_locked(self) -> None:
        server, thread, sock, engine = self._server, self._thread, self._socket, self._engine
        self._server = self._thread = self._socket = None
        self._engine = None
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(STOP_TIMEOUT_SECONDS)
            if thread.is_alive() and server is not None:
                server.force_exit = True
                thread.join(STOP_TIMEOUT_SECONDS)
                if thread.is_alive():
                    raise EmbeddedBackendError("the embedded backend did not stop")
        if sock is not None:
            sock.close()
        if engine is not None:
            engine.dispose()
