"""The embedded backend: the servicing API on a free loopback port, on a SQLite file.

    with EmbeddedBackend(paths.database_path(), on_progress=print) as base_url:
        client = ApiClient(base_url)

`EmbeddedBackend` serves in the process that starts it (tests and benchmarks use it so). The
console runs it in a child process of its own (`console.backend_process`, DESIGN.md §2), so the
server's work never holds the GUI's interpreter: `python -m console.embedded` is that child's
entry point (`serve_for_parent`), and the protocol it speaks with the console is described there.

`start()` migrates the SQLite file, prepares the demo (the deterministic demo data on an empty
database only, the demo users, end of day caught up to yesterday), then serves the API with
uvicorn on a daemon thread and returns once `/healthz` answers. `stop()` asks the server to
exit and joins the thread. The console still talks to it over HTTP only (DESIGN.md §2): this
module only starts it. It is the one module of `console/` that imports `backend`.

`start()` blocks for as long as the preparation takes (seconds on the first start, which seeds);
call it from a background thread and show `on_progress` messages meanwhile.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Final

import requests
import uvicorn
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from console.errors import EmbeddedBackendError

__all__ = ["DEFAULT_DEMO_CUSTOMERS", "EmbeddedBackend", "EmbeddedBackendError", "serve_for_parent"]

log = logging.getLogger(__name__)

DEFAULT_DEMO_CUSTOMERS: Final = 2000
START_TIMEOUT_SECONDS: Final = 60.0
STOP_TIMEOUT_SECONDS: Final = 15.0

Progress = Callable[[str], None]


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
        prepare: migrate and prepare the demo at each start (default); False when another
            process did it just before (`prepare_only`), so this one never loads the migrations
            and the seeding code.
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
        prepare: bool = True,
    ) -> None:
        self.database_path = Path(database_path)
        self.demo_customers = demo_customers
        self.host = host
        self.port = port
        self.on_progress = on_progress
        self.seed_workers = seed_workers
        self.log_level = log_level
        self.prepare = prepare
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
                factory = self._prepare_database() if self.prepare else self._open_database()
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

    def prepare_only(self) -> bool:
        """Migrate the file and prepare the demo data, without serving; True when it seeded."""
        with self._lock:
            try:
                self._prepare_database()
            finally:
                self._stop_locked()
            return self.seeded_on_last_start

    def _open_database(self) -> sessionmaker[Session]:
        from backend.db import make_engine, make_sessionmaker

        engine = make_engine(self.database_url)
        self._engine = engine
        return make_sessionmaker(engine)

    def _prepare_database(self) -> sessionmaker[Session]:
        from backend.cli import prepare_demo
        from backend.db import make_engine, make_sessionmaker
        from backend.migrate import upgrade

        self._progress("Preparing the database…")
        try:
            self.database_path.parent.mkdir(parents=True, exist_ok=True)
            upgrade(self.database_url)
        except (OSError, DBAPIError) as exc:
            raise EmbeddedBackendError(f"cannot open {self.database_path}: {exc}", "database") from exc
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
        try:
            sock = self._bind()
        except OSError as exc:
            raise EmbeddedBackendError(f"cannot listen on {self.host}: {exc}", "port") from exc
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
                raise EmbeddedBackendError("the embedded backend stopped while starting", "stopped")
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


# -- the child process the console starts ----------------------------------------------------
#
# `python -m console.embedded --database PATH --parent-pid PID [--demo-customers N]` serves the
# database as above and speaks with its parent (console.backend_process) through its standard
# streams, one line per message on stdout:
#
#     progress <sentence>       a step of the start (the login dialog shows it)
#     prepared                  with --prepare-only: the file is ready; the child exits 0
#     ready <base URL>          /healthz answers: the console may sign in
#     failed <reason> <text>    the start failed (`reason` as EmbeddedBackendError's); exit code 1
#
# stdin is the parent's lifeline: the child reads it until end of file, which comes when the
# parent closes it (stop) or ends in any way, SIGKILL included, since the kernel closes a dead
# process's files. A poll of the parent's pid each second backs it up. Then the child stops the
# server and exits; while still preparing (seeding, with worker processes) it kills its own
# process group, which the parent made it the leader of. Not PR_SET_PDEATHSIG: on Linux it fires
# when the *thread* that started the child ends, and the console starts it from a pool thread
# that Qt ends after 30 idle seconds. Logs go to stderr (the parent points it at a file).
#
# The console runs it twice: `--prepare-only` (migrations, seeding, end of day) and then
# `--prepared` to serve, so the serving process never loads the migrations and the seeding code
# and stays some 20 MB smaller for as long as the console runs.

PARENT_POLL_SECONDS: Final = 1.0


class _Lifeline:
    """Tells the child's main thread when the parent is gone (or SIGTERM came)."""

    def __init__(self, parent_pid: int) -> None:
        self.parent_pid = parent_pid
        self.gone = threading.Event()
        self.serving = False

    def watch(self) -> None:
        threading.Thread(target=self._read_stdin, name="parent-lifeline", daemon=True).start()
        threading.Thread(target=self._poll_parent, name="parent-poll", daemon=True).start()

    def parent_gone(self, why: str) -> None:
        log.info("embedded backend: %s; stopping", why)
        self.gone.set()
        if not self.serving:
            _end_process_group()

    def _read_stdin(self) -> None:
        stream = sys.stdin.buffer
        try:
            while stream.read(4096):
                pass
        except (OSError, ValueError):
            pass
        self.parent_gone("the console closed its pipe")

    def _poll_parent(self) -> None:
        while not self.gone.wait(PARENT_POLL_SECONDS):
            if os.getppid() != self.parent_pid:
                self.parent_gone(f"the console (pid {self.parent_pid}) has ended")


def _end_process_group() -> None:
    """Exit at once, with the seeding workers if this process leads their group."""
    if hasattr(os, "killpg") and os.getpgrp() == os.getpid():
        os.killpg(os.getpgrp(), signal.SIGKILL)
    os._exit(1)


def _say(kind: str, text: str) -> None:
    try:
        sys.stdout.write(f"{kind} {text}\n")
        sys.stdout.flush()
    except (OSError, ValueError):
        pass  # the parent is gone; the lifeline ends this process


def serve_for_parent(argv: Sequence[str] | None = None) -> int:
    """The child's main: serve until the parent is gone; 0 after a clean stop, 1 on a failed start."""
    parser = argparse.ArgumentParser(prog="python -m console.embedded", description=serve_for_parent.__doc__)
    parser.add_argument("--database", type=Path, required=True, help="the SQLite file")
    parser.add_argument("--parent-pid", type=int, required=True, help="exit when this process ends")
    parser.add_argument("--demo-customers", type=int, default=DEFAULT_DEMO_CUSTOMERS)
    parser.add_argument("--seed-workers", type=int, default=None)
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--prepare-only", action="store_true", help="migrate and prepare the demo, then exit")
    when.add_argument("--prepared", action="store_true", help="serve without migrating (done just before)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    lifeline = _Lifeline(args.parent_pid)
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in a terminal is the console's to handle
    signal.signal(signal.SIGTERM, lambda signum, frame: lifeline.parent_gone("asked to stop (SIGTERM)"))
    lifeline.watch()
    if os.getppid() != args.parent_pid:
        lifeline.parent_gone("the console ended before the backend started")
    backend = EmbeddedBackend(
        args.database,
        demo_customers=args.demo_customers,
        seed_workers=args.seed_workers,
        on_progress=lambda message: _say("progress", message),
        prepare=not args.prepared,
    )
    try:
        if args.prepare_only:
            backend.prepare_only()
            _say("prepared", str(args.database))
            return 0
        url = backend.start()
    except EmbeddedBackendError as exc:
        log.exception("embedded backend: the start failed")
        _say("failed", f"{exc.reason} {exc}")
        return 1
    except Exception as exc:
        log.exception("embedded backend: the start failed")
        _say("failed", f"failed {type(exc).__name__}: {exc}")
        return 1
    lifeline.serving = True
    if not lifeline.gone.is_set():
        log.info("embedded backend: serving %s on %s (pid %d)", args.database, url, os.getpid())
        _say("ready", url)
        lifeline.gone.wait()
    backend.stop()
    log.info("embedded backend: stopped")
    return 0


def _exit(code: int) -> None:
    """Exit without finalizing the interpreter: the lifeline thread may still be reading stdin,
    and a daemon thread holding stdin's lock makes the interpreter's shutdown abort."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


if __name__ == "__main__":
    _exit(serve_for_parent())
