"""The embedded backend in a child process of its own (DESIGN.md §2), as `python main.py` runs it.

    backend = BackendProcess(paths.database_path(), on_progress=print, log_path=paths.log_dir() / "backend.log")
    base_url = backend.start()   # blocks until /healthz answers: call it off the GUI thread
    ...
    backend.stop()

The child is `python -m console.embedded` (its side of the protocol is described there), run
twice: first to prepare the SQLite file (migrations; the demo data on the first start; end of
day), then to serve it: it binds a free loopback port and says `ready <base URL>` on its stdout.
The server so never carries the migrations and the seeding code in its memory. Its stdin is the console's lifeline: closing it (here
in `stop()`, or by the kernel when the console is killed) ends the child. The server's threads
and its interpreter lock are the child's, so nothing the server does can stall the console's GUI
thread. This module starts no server itself and imports none of the backend: the console stays
as light as a client.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Final

from console.errors import EmbeddedBackendError

__all__ = ["BackendProcess", "EmbeddedBackendError"]

log = logging.getLogger(__name__)

DEFAULT_DEMO_CUSTOMERS: Final = 2000
STOP_TIMEOUT_SECONDS: Final = 10.0
REASONS: Final = frozenset({"port", "database", "stopped", "failed"})

Progress = Callable[[str], None]


class BackendProcess:
    """The servicing API on `database_path` (a SQLite file, created if missing), in a child process.

    Args:
        demo_customers: how many customers the demo data has, when the database is new.
        on_progress: called (on the thread that runs `start()`) with the child's step messages.
        log_path: where the child's log goes (its stderr; rewritten at each start); None: nowhere.
        seed_workers: processes for generating demo data (None: the backend decides).
        python: the interpreter to run the child with (default: this one).
    """

    def __init__(
        self,
        database_path: Path,
        *,
        demo_customers: int = DEFAULT_DEMO_CUSTOMERS,
        on_progress: Progress | None = None,
        log_path: Path | None = None,
        seed_workers: int | None = None,
        python: str | None = None,
    ) -> None:
        self.database_path = Path(database_path)
        self.demo_customers = demo_customers
        self.on_progress = on_progress
        self.log_path = log_path
        self.seed_workers = seed_workers
        self.python = python or sys.executable
        self.base_url: str | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._stopping = False

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs (or until `stop()` reaped it)."""
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def command(self, stage: str) -> list[str]:
        """The child's command line for `stage`: `prepare` (then exit) or `serve`."""
        command = [
            self.python, "-m", "console.embedded",
            "--database", str(self.database_path),
            "--parent-pid", str(os.getpid()),
            "--demo-customers", str(self.demo_customers),
            "--prepare-only" if stage == "prepare" else "--prepared",
        ]  # fmt: skip
        if self.seed_workers is not None:
            command += ["--seed-workers", str(self.seed_workers)]
        return command

    def start(self) -> str:
        """Start the child and wait until it serves; returns its base URL.

        Blocks for as long as the preparation takes (seconds; longer on the first start, which
        seeds): call it from a background thread. A second call while it runs returns the same
        URL. Raises `EmbeddedBackendError` (with a `reason`) when the child does not come up."""
        with self._lock:
            if self.running and self.base_url is not None:
                return self.base_url
            self._stopping = False
            process = self._spawn("prepare")
        self._wait_for(process, "prepared")
        with self._lock:
            if self._stopping:
                raise EmbeddedBackendError("the embedded backend was stopped while starting", "stopped")
            process = self._spawn("serve")
        return self._wait_for(process, "ready")

    def stop(self) -> None:
        """Close the child's lifeline and wait for it to end (kill it if it does not in time)."""
        with self._lock:
            process, self._process = self._process, None
            self._stopping = True
            self.base_url = None
        if process is None:
            return
        try:
            if process.stdin is not None:
                process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            log.warning("the embedded backend (pid %d) did not stop in time; killing it", process.pid)
            _kill(process)
            process.wait(STOP_TIMEOUT_SECONDS)
        if process.stdout is not None:
            process.stdout.close()

    # -- steps -----------------------------------------------------------------------------

    def _spawn(self, stage: str) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        # The child imports `console` and `backend` from where this console runs, installed or not.
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        env["PYTHONUNBUFFERED"] = "1"
        stderr: IO[bytes] | int = subprocess.DEVNULL
        if self.log_path is not None:
            try:
                self.log_path.parent.mkdir(parents=True, exist_ok=True)
                # One log per start: the preparing child starts it, the serving one adds to it.
                stderr = open(self.log_path, "wb" if stage == "prepare" else "ab")  # noqa: SIM115
            except OSError as exc:  # no log is no reason not to serve
                log.warning("the embedded backend's log cannot be written to %s: %s", self.log_path, exc)
        try:
            process = subprocess.Popen(
                self.command(stage),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=env,
                # Its own process group: a terminal's Ctrl-C is the console's to handle, and the
                # child can end its seeding workers with it.
                start_new_session=os.name == "posix",
            )
        except OSError as exc:
            raise EmbeddedBackendError(f"cannot start {self.python}: {exc}", "failed") from exc
        finally:
            if not isinstance(stderr, int):
                stderr.close()
        log.info("embedded backend: %s in pid %d on %s", stage, process.pid, self.database_path)
        self._process = process
        return process

    def _wait_for(self, process: subprocess.Popen[bytes], goal: str) -> str:
        """Relay the child's progress until it says `goal` (`prepared` or `ready`); its text."""
        assert process.stdout is not None
        for raw in iter(process.stdout.readline, b""):
            kind, _, text = raw.decode("utf-8", "replace").rstrip("\r\n").partition(" ")
            if kind == "progress":
                if self.on_progress is not None:
                    self.on_progress(text)
            elif kind == "prepared" == goal:
                if process.wait() == 0:
                    process.stdout.close()
                    if process.stdin is not None:
                        process.stdin.close()
                    return text
                break
            elif kind == "ready" == goal:
                with self._lock:
                    if self._process is process:
                        self.base_url = text
                threading.Thread(
                    target=self._watch, args=(process,), name="embedded-backend-watch", daemon=True
                ).start()
                return text
            elif kind == "failed":
                reason, _, detail = text.partition(" ")
                process.wait()
                raise EmbeddedBackendError(
                    f"the embedded backend could not start: {detail}",
                    reason if reason in REASONS else "failed",
                    log_path=self._log_name(),
                )
        code = process.wait()
        with self._lock:
            stopping = self._stopping
        raise EmbeddedBackendError(
            f"the embedded backend {'was stopped' if stopping else 'ended'} while starting (exit code {code})",
            "stopped",
            log_path=self._log_name(),
        )

    def _watch(self, process: subprocess.Popen[bytes]) -> None:
        """Until the child's stdout closes: it says nothing after `ready`; its end is logged."""
        assert process.stdout is not None
        try:
            while process.stdout.readline():
                pass
        except (OSError, ValueError):
            return  # closed by stop()
        code = process.wait()
        with self._lock:
            unexpected = self._process is process and not self._stopping
            if unexpected:
                self.base_url = None
        if unexpected:
            log.error("the embedded backend (pid %d) ended with exit code %s; see %s", process.pid, code, self._log_name())

    def _log_name(self) -> str | None:
        return str(self.log_path) if self.log_path is not None else None


def _kill(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the child and its process group (seeding workers), or just the child elsewhere."""
    if os.name == "posix":
        try:
            os.killpg(process.pid, signal.SIGKILL)
            return
        except OSError:
            pass
    process.kill()
