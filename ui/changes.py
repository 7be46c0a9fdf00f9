"""The change bus: a delivered write says what it changed, and the open views that show it refresh.

    bus = ChangeBus(client, parent=main_window)      # one per signed-in client
    RefreshOnChange(workspace, bus, shows=workspace.shows_change, refresh=workspace.reload)

`console.api.ApiClient` tells its change listeners about every keyed write the server accepted
(`console.changes.Change`: the accounts, customers and cases it touched), on the thread that made
it: a pool thread, or the outbox's drainer delivering a write kept while the server was away.
`ChangeBus` carries each change to the GUI thread and emits `changed(Change)` there.

`RefreshOnChange` is what a view keeps: when a change it shows arrives, the view refreshes at once
if it is on screen, else it is marked stale and refreshes when it is next shown. A view's own
writes (made by a task of the view or of a dialog inside it: `ui.tasks.Task` marks each write with
its parent, `console.changes.writing_for`) are left to the view, which shows their answer itself.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from console.api import ApiClient
from console.changes import Change

__all__ = ["ChangeBus", "RefreshOnChange", "made_inside"]


class ChangeBus(QObject):
    """Announces, on the GUI thread, what each delivered write of `client` changed."""

    changed = Signal(object)  # console.changes.Change
    _heard_elsewhere = Signal(object)  # emitted on the writing thread; queued to the GUI thread

    def __init__(self, client: ApiClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._heard_elsewhere.connect(self._deliver)
        client.add_change_listener(self._heard)
        self.destroyed.connect(lambda _obj=None, c=client, h=self._heard: c.remove_change_listener(h))

    def close(self) -> None:
        """Stop listening to the client (the window is closing)."""
        self._client.remove_change_listener(self._heard)

    def announce(self, change: Change) -> None:
        """Tell every listening view about `change` (on the GUI thread)."""
        self.changed.emit(change)

    def _heard(self, change: Change) -> None:
        # Any thread: hop to the thread the bus lives in (the GUI thread) through a queued signal.
        if shiboken6.isValid(self):
            self._heard_elsewhere.emit(change)

    @Slot(object)
    def _deliver(self, change: object) -> None:
        if isinstance(change, Change):
            self.changed.emit(change)


def made_inside(view: QObject, origin: object) -> bool:
    """True when `origin` (who made a write) is `view` or something inside it (a tab, a dialog)."""
    if not isinstance(origin, QObject) or not shiboken6.isValid(origin):
        return False
    current: QObject | None = origin
    while current is not None:
        if current is view:
            return True
        current = current.parent()
    return False


class RefreshOnChange(QObject):
    """Refreshes `view` after a delivered write it `shows`: now when it is on screen, else when it
    is next shown (`refresh_on_show=False` for a view that refreshes on every show anyway).

    `refreshes` counts the refreshes it made (for tests)."""

    def __init__(
        self,
        view: QWidget,
        bus: ChangeBus,
        *,
        shows: Callable[[Change], bool],
        refresh: Callable[[], object],
        refresh_on_show: bool = True,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._shows = shows
        self._refresh = refresh
        self._refresh_on_show = refresh_on_show
        self.stale = False
        self.refreshes = 0
        bus.changed.connect(self._changed)
        view.installEventFilter(self)

    @Slot(object)
    def _changed(self, change: object) -> None:
        if not isinstance(change, Change) or made_inside(self._view, change.origin):
            return
        if not self._shows(change):
            return
        if self._view.isVisible():
            self.stale = False
            self._run()
        elif self._refresh_on_show:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._view and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._run()
        return False

    def _run(self) -> None:
        self.refreshes += 1
        self._refresh()
