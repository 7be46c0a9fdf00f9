"""Background work for the console: the one way a widget calls the network or the disk.

The shape is Anki's ``QueryOp``::

    Task(lambda: client.get_customer(customer_id), parent=self)
        .on_success(self._show_customer)
        .on_failure(self._banner.show_failure)   # optional
        .with_busy(self._busy)                    # optional
        .run()

- ``op`` runs on a pool thread. It must not touch any widget or other GUI object: it may
  only call plain Python (the ``console`` package) and return a value.
- ``on_success(result)`` and ``on_failure(exc)`` run afterwards on the GUI thread; the result
  travels back through a queued signal.
- A failure without an ``on_failure`` callback goes to the one unhandled-failure handler
  (:func:`set_unhandled_failure_handler`, installed by the main window), which shows known
  failures of the world (``console.errors.ApiError``) as a sentence and bugs as "Something went
  wrong" with a copyable report.
- ``console.errors.Unauthorized`` (the session expired or was revoked) goes first to the
  re-authentication handler (:func:`set_reauthentication_handler`), which asks for the password
  again and calls :meth:`Task.rerun`; the task's own callbacks then see only the re-run's outcome.
- A task whose ``parent`` has been deleted, or which was :meth:`Task.discard`-ed, drops its
  result silently: a late answer never reaches a dead widget or overwrites a newer one.
  :class:`LatestOnly` discards the previous task of a kind when a new one starts (search as
  you type).
- Writes made by ``op`` are marked with the task's ``parent`` (``console.changes.writing_for``),
  so the change bus (``ui.changes``) can tell a view's own writes from others'.
- Tests wait with ``qtbot.waitSignal(task.finished)``; :func:`active_tasks` lists tasks still
  running or with a result not yet delivered, so a fixture can fail a test that leaves one behind.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from console.changes import writing_for
from console.errors import Unauthorized

log = logging.getLogger(__name__)

T = TypeVar("T")

SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]


class BusyTarget(Protocol):
    """Anything that can show a busy state while tasks run (see ``ui.widgets.busy.BusyIndicator``).

    ``start()`` and ``stop()`` are counted: it stays busy until every ``start`` has its ``stop``.
    """

    def start(self) -> None: ...

    def stop(self) -> None: ...


UnhandledFailureHandler = Callable[[BaseException, "Task[Any]"], None]
ReauthenticationHandler = Callable[["Task[Any]", Unauthorized], None]


def _log_unhandled(exc: BaseException, task: Task[Any]) -> None:
    log.error("Unhandled failure in task %r", task.label, exc_info=(type(exc), exc, exc.__traceback__))


_unhandled_failure_handler: UnhandledFailureHandler = _log_unhandled
_reauthentication_handler: ReauthenticationHandler | None = None
_active: dict[int, Task[Any]] = {}
_keys = itertools.count(1)
_pool: QThreadPool | None = None
_pool_lock = threading.Lock()


def set_unhandled_failure_handler(handler: UnhandledFailureHandler | None) -> None:
    """Install the one place that shows failures no caller handled; ``None`` restores logging only.

    The handler runs on the GUI thread with the exception and the task that raised it.
    """
    global _unhandled_failure_handler
    _unhandled_failure_handler = handler if handler is not None else _log_unhandled


def unhandled_failure_handler() -> UnhandledFailureHandler:
    """The handler currently installed (for tests that swap it and restore it)."""
    return _unhandled_failure_handler


def set_reauthentication_handler(handler: ReauthenticationHandler | None) -> None:
    """Install what happens when a task fails with ``Unauthorized``; ``None`` turns it off.

    The handler runs on the GUI thread. It should ask the user to log in again and then call
    ``task.rerun()``, or, if the user gives up, ``task.fail_with(exc)`` to deliver the failure.
    """
    global _reauthentication_handler
    _reauthentication_handler = handler


def reauthentication_handler() -> ReauthenticationHandler | None:
    """The re-authentication handler currently installed, if any."""
    return _reauthentication_handler


def active_tasks() -> list[Task[Any]]:
    """Tasks started and not yet finished (running, or with a result waiting for the GUI thread)."""
    return list(_active.values())


def task_pool() -> QThreadPool:
    """The thread pool every task runs on (not the global one, so tests can wait on it alone)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = QThreadPool()
            # Network calls wait, they don't compute: a few more threads than cores is right.
            _pool.setMaxThreadCount(max(4, QThreadPool.globalInstance().maxThreadCount()))
            _pool.setExpiryTimeout(30_000)
        return _pool


class _Relay(QObject):
    """Carries outcomes from pool threads to the GUI thread.

    One relay for the whole process, made on the GUI thread and never deleted: a worker never
    holds the last reference to a QObject (deleting one off its thread is a crash waiting to
    happen), and a task whose parent widget was deleted meanwhile is simply found gone.
    """

    delivered = Signal(int, int, object, object)  # task key, generation, result, exception

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, int, object, object)
    def _deliver(self, key: int, generation: int, result: object, error: object) -> None:
        task = _active.get(key)
        if task is None:
            return
        task._arrived(generation, result, error if isinstance(error, BaseException) else None)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = _Relay()
    return _relay


class _Runnable(QRunnable):
    def __init__(self, op: Callable[[], Any], relay: _Relay, key: int, generation: int, origin: object) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op = op
        self._relay = relay
        self._key = key
        self._generation = generation
        self._origin = origin  # never touched here: only handed on with the writes (ui.changes)

    def run(self) -> None:
        try:
            with writing_for(self._origin):
                result = self._op()
        except BaseException as exc:  # noqa: BLE001 — every failure goes back to the GUI thread
            self._relay.delivered.emit(self._key, self._generation, None, exc)
        else:
            self._relay.delivered.emit(self._key, self._generation, result, None)


class Task(QObject, Generic[T]):
    """One call to make off the GUI thread, with what to do on the GUI thread when it ends.

    ``finished`` is emitted on the GUI thread once the outcome was handled (or dropped because
    the task was discarded); it is not emitted if the parent was deleted first.
    """

    finished = Signal()

    def __init__(
        self,
        op: Callable[[], T],
        *,
        parent: QObject,
        label: str = "",
        reauthenticate: bool = True,
    ) -> None:
        """``op`` is the work (no widgets in it); ``parent`` owns the task: when it is deleted,
        the result is dropped. ``label`` names the task in logs and failure reports.
        ``reauthenticate=False`` lets ``Unauthorized`` reach the callbacks directly (the login
        itself uses it: a wrong password is not an expired session)."""
        super().__init__(parent)
        self._op = op
        self.label = label or getattr(op, "__qualname__", "task")
        self._reauthenticate = reauthenticate
        self._success: SuccessCallback | None = None
        self._failure: FailureCallback | None = None
        self._busy: list[BusyTarget] = []
        self._busy_started = False
        self._generation = 0
        self._key = next(_keys)
        self._discarded = False
        self._running = False
        self.succeeded: bool | None = None
        self.result: T | None = None
        self.error: BaseException | None = None

    # -- building --------------------------------------------------------------------------

    def on_success(self, callback: Callable[[T], None]) -> Task[T]:
        """Call ``callback(result)`` on the GUI thread when ``op`` returns."""
        self._success = callback
        return self

    def on_failure(self, callback: FailureCallback) -> Task[T]:
        """Call ``callback(exc)`` on the GUI thread when ``op`` raises (instead of the global handler)."""
        self._failure = callback
        return self

    def with_busy(self, indicator: BusyTarget) -> Task[T]:
        """Show ``indicator`` busy from ``run()`` until the outcome is handled."""
        self._busy.append(indicator)
        return self

    # -- running ---------------------------------------------------------------------------

    def run(self) -> Task[T]:
        """Start ``op`` on the pool; returns the task (to keep, to discard or to wait on)."""
        if self._running:
            raise RuntimeError(f"task {self.label!r} is already running")
        self._discarded = False
        self._running = True
        self._generation += 1
        self.succeeded = None
        self.result = None
        self.error = None
        self._start_busy()
        _active[self._key] = self
        # The writes the op makes are marked as the parent's, so the change bus can leave that
        # view to show its own write (ui.changes).
        task_pool().start(_Runnable(self._op, _the_relay(), self._key, self._generation, self.parent()))
        return self

    def rerun(self) -> Task[T]:
        """Run ``op`` again with the same callbacks (after a re-login, or from a Retry button)."""
        self._running = False
        return self.run()

    def discard(self) -> None:
        """Drop this task's outcome when it arrives: no callback runs. ``finished`` still comes."""
        self._discarded = True

    def fail_with(self, exc: BaseException) -> None:
        """Deliver ``exc`` as this task's failure now, on the GUI thread (re-login was cancelled)."""
        self._running = True
        self._handle_failure(exc, reauthenticate=False)
        self._finish()

    @property
    def is_running(self) -> bool:
        """True from ``run()`` until the outcome was handled."""
        return self._running

    @property
    def is_discarded(self) -> bool:
        return self._discarded

    # -- delivery (GUI thread) -------------------------------------------------------------

    def _arrived(self, generation: int, result: object, error: BaseException | None) -> None:
        if not shiboken6.isValid(self):
            # The parent widget (and this task with it) was deleted while op ran.
            _active.pop(self._key, None)
            return
        if generation != self._generation:
            return  # an outcome from before a rerun()
        if self._discarded:
            self._finish()
            return
        if error is None:
            self.succeeded = True
            self.result = result  # type: ignore[assignment]
            if self._success is not None:
                try:
                    self._success(result)
                except Exception as exc:  # a bug in the callback: shown like any other bug
                    _unhandled_failure_handler(exc, self)
            self._finish()
            return
        if self._handle_failure(error, reauthenticate=self._reauthenticate):
            return  # re-authentication takes it from here; rerun() or fail_with() follows
        self._finish()

    def _handle_failure(self, exc: BaseException, *, reauthenticate: bool) -> bool:
        """Route ``exc``; True when it went to re-authentication and the task stays open."""
        if (
            reauthenticate
            and isinstance(exc, Unauthorized)
            and exc.session_expired
            and _reauthentication_handler is not None
        ):
            self._running = False
            _reauthentication_handler(self, exc)
            return True
        self.succeeded = False
        self.error = exc
        if not isinstance(exc, Exception):
            log.error("Task %r stopped by %r", self.label, exc)
        handler = self._failure
        if handler is None:
            _unhandled_failure_handler(exc, self)
            return False
        try:
            handler(exc)
        except Exception as callback_exc:
            _unhandled_failure_handler(callback_exc, self)
        return False

    def _finish(self) -> None:
        self._running = False
        self._stop_busy()
        _active.pop(self._key, None)
        self.finished.emit()

    def _start_busy(self) -> None:
        if self._busy_started:
            return
        self._busy_started = True
        for indicator in self._busy:
            if _alive(indicator):
                indicator.start()

    def _stop_busy(self) -> None:
        if not self._busy_started:
            return
        self._busy_started = False
        for indicator in self._busy:
            if _alive(indicator):
                indicator.stop()


def _alive(obj: object) -> bool:
    return not isinstance(obj, QObject) or shiboken6.isValid(obj)


class LatestOnly:
    """Keeps only the newest task of one kind: starting a task discards the one before.

    For search as you type: the results of an abandoned query never replace newer ones.
    """

    def __init__(self) -> None:
        self._current: Task[Any] | None = None

    def run(self, task: Task[T]) -> Task[T]:
        """Discard the previous task (if still running) and run ``task``."""
        self.discard()
        self._current = task
        return task.run()

    def discard(self) -> None:
        """Drop the outcome of the current task, if any."""
        current = self._current
        if current is not None and shiboken6.isValid(current) and current.is_running:
            current.discard()
        self._current = None

    @property
    def current(self) -> Task[Any] | None:
        return self._current


def wait_for_pool(msecs: int = 30_000) -> bool:
    """Block until every pool thread is idle (tests and shutdown only; never from a widget)."""
    return task_pool().waitForDone(msecs)
