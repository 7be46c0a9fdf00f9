"""The banner that says what went wrong, at the top of the place it went wrong in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ui.failures import BugReportDialog, failure_message, failure_report, is_known_failure, log_bug
from ui.icons import icon
from ui.widgets.restyle import restyle

BANNER_ICONS = {"error": "warning", "bug": "warning", "warning": "warning", "info": "info"}


class ErrorBanner(QFrame):
    """A strip with the problem's text, a Retry button and a dismiss button; hidden when empty.

    Use it as a task's failure callback: ``Task(...).on_failure(banner.show_failure)``, or with a
    retry: ``task.on_failure(lambda exc: banner.show_failure(exc, retry=self.reload))``.
    Known failures show their sentence; bugs show "Something went wrong" and a "Details…"
    button with a copyable report. ``kind`` is ``"error"``, ``"warning"`` or ``"info"`` and is
    exposed as the ``kind`` property for the style sheet.

    Signals: ``retryRequested()`` when Retry is pressed (after the retry callback, if any);
    ``dismissed()`` when the user closes it.
    """

    retryRequested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorBanner")
        self.setProperty("kind", "error")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._retry: Callable[[], None] | None = None
        self._report = ""
        # Every tab has a banner and few ever show one: its text and buttons are made the first
        # time it shows something (six widgets less to build and style per tab until then).
        self._parts: _BannerParts | None = None
        self.setVisible(False)

    def _built(self) -> _BannerParts:
        if self._parts is None:
            self._parts = _BannerParts(self)
        return self._parts

    @property
    def message_label(self) -> QLabel:
        return self._built().message_label

    @property
    def details_button(self) -> QPushButton:
        return self._built().details_button

    @property
    def retry_button(self) -> QPushButton:
        return self._built().retry_button

    @property
    def dismiss_button(self) -> QToolButton:
        return self._built().dismiss_button

    def show_message(self, text: str, *, retry: Callable[[], None] | None = None, kind: str = "error") -> None:
        """Show ``text``; a Retry button appears when ``retry`` is given."""
        self._retry = retry
        self._report = ""
        self.message_label.setText(text)
        self.retry_button.setVisible(retry is not None)
        self.details_button.setVisible(False)
        self._set_kind(kind)
        self.setVisible(True)

    def show_failure(self, exc: BaseException, retry: Callable[[], None] | None = None) -> None:
        """Show a task's failure: its sentence, or "Something went wrong" with a report for a bug."""
        log_bug(exc, context=self._context())
        self.show_message(failure_message(exc), retry=retry, kind="error" if is_known_failure(exc) else "bug")
        if not is_known_failure(exc):
            self._report = failure_report(exc, context=self._context())
            self.details_button.setVisible(True)

    def text(self) -> str:
        """The sentence shown (empty when hidden)."""
        return self._parts.message_label.text() if self._parts is not None and self.isVisible() else ""

    def report(self) -> str:
        """The copyable bug report, empty for known failures."""
        return self._report

    def dismiss(self) -> None:
        """Hide the banner and forget its retry."""
        was_visible = self.isVisible()
        self.clear()
        if was_visible:
            self.dismissed.emit()

    def clear(self) -> None:
        """Hide without emitting ``dismissed`` (e.g. when a reload succeeded)."""
        self._retry = None
        self._report = ""
        if self._parts is not None:
            self._parts.message_label.clear()
        self.setVisible(False)

    def _on_retry(self) -> None:
        retry = self._retry
        self.clear()
        if retry is not None:
            retry()
        self.retryRequested.emit()

    def _show_details(self) -> None:
        BugReportDialog(self._report, self).exec()

    def _set_kind(self, kind: str) -> None:
        self.setProperty("kind", kind)
        parts = self._built()
        # A warning triangle only where something is wrong: "saved", "exported" get the info mark.
        name = BANNER_ICONS.get(kind, "warning")
        if parts.icon_name != name:
            parts.icon_name = name
            parts.icon.setPixmap(icon(name).pixmap(18, 18))
        restyle(self)

    @property
    def icon_name(self) -> str:
        """The icon shown beside the text (``warning`` or ``info``), for tests."""
        return self._built().icon_name

    def _context(self) -> str:
        parent = self.parentWidget()
        return type(parent).__name__ if parent is not None else "banner"


class _BannerParts:
    """The banner's icon, text and buttons, made on first use."""

    def __init__(self, banner: ErrorBanner) -> None:
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.setSpacing(8)
        self.icon = QLabel(banner)
        self.icon_name = "warning"
        self.icon.setPixmap(icon(self.icon_name).pixmap(18, 18))
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self.message_label = QLabel(banner)
        self.message_label.setObjectName("bannerText")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label, 1)
        self.details_button = QPushButton(banner.tr("Details…"), banner)
        self.details_button.clicked.connect(banner._show_details)
        layout.addWidget(self.details_button)
        self.retry_button = QPushButton(banner.tr("Retry"), banner)
        self.retry_button.setIcon(icon("refresh"))
        self.retry_button.clicked.connect(banner._on_retry)
        layout.addWidget(self.retry_button)
        self.dismiss_button = QToolButton(banner)
        self.dismiss_button.setIcon(icon("close"))
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setToolTip(banner.tr("Dismiss"))
        self.dismiss_button.setAccessibleName(banner.tr("Dismiss"))
        self.dismiss_button.clicked.connect(banner.dismiss)
        layout.addWidget(self.dismiss_button)
