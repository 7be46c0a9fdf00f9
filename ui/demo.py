"""Starts the embedded demo backend (a child process) off the GUI thread and reports how far it got."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from console.session import embedded_server_key
from ui.tasks import Task

if TYPE_CHECKING:
    from console.backend_process import BackendProcess

log = logging.getLogger(__name__)

# The demo users (README, DESIGN.md §4), password "demo", in the order the login dialog lists them.
DEMO_USERS: tuple[tuple[str, str], ...] = (
    ("agent1", "agent"),
    ("agent2", "agent"),
    ("handler1", "dispute_handler"),
    ("super1", "supervisor"),
    ("super2", "supervisor"),
    ("admin1", "admin"),
)
DEMO_PASSWORD = "demo"


class DemoBackend(QObject):
    """The embedded backend on ``database_path``, in a child process started from a pool thread.

    The server runs in that child (``console.backend_process``), so its work never holds this
    interpreter; the pool thread only waits for the child to say it is ready. The child's log is
    ``logs/backend.log`` beside the database (the data directory).

    Signals (GUI thread): ``progress(str)`` with the backend's step messages, ``ready(str)``
    with the base URL, ``failed(object)`` with the exception. ``base_url`` is None until ready.
    """

    progress = Signal(str)
    ready = Signal(str)
    failed = Signal(object)

    def __init__(self, database_path: Path, *, demo_customers: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database_path = database_path
        self.demo_customers = demo_customers
        self.embedded: BackendProcess | None = None
        self.base_url: str | None = None
        self.error: BaseException | None = None
        self.task: Task[str] | None = None

    @property
    def server_key(self) -> str:
        """The name remembered logins of this backend are kept under (its port changes)."""
        return embedded_server_key(self.database_path)

    def start(self) -> Task[str]:
        """Start the backend in the background (once); the returned task ends when it is up."""
        if self.task is None or (not self.task.is_running and self.base_url is None):
            self.error = None
            self.task = Task(self._start_embedded, parent=self, label="start the embedded backend")
            self.task.on_success(self._started).on_failure(self._failed).run()
        return self.task

    def _start_embedded(self) -> str:  # on the pool thread
        from console.backend_process import BackendProcess

        if self.embedded is None:
            # progress is emitted from this thread; Qt queues it to the receivers' GUI thread.
            self.embedded = BackendProcess(
                self.database_path,
                demo_customers=self.demo_customers,
                on_progress=self.progress.emit,
                log_path=self.database_path.parent / "logs" / "backend.log",
            )
        return self.embedded.start()

    @property
    def pid(self) -> int | None:
        """The server process's id while it runs."""
        return self.embedded.pid if self.embedded is not None else None

    def stop(self) -> None:
        """Stop the server (blocking: waits for the child to end; at shutdown only)."""
        if self.embedded is not None:
            self.embedded.stop()
        self.base_url = None

    @property
    def is_ready(self) -> bool:
        return self.base_url is not None

    def _started(self, base_url: str) -> None:
        self.base_url = base_url
        self.ready.emit(base_url)

    def _failed(self, exc: BaseException) -> None:
        log.error("the embedded backend did not start", exc_info=(type(exc), exc, exc.__traceback__))
        self.error = exc
        self.failed.emit(exc)
