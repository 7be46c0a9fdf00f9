"""How a failure is told to the person at the desk.

Two kinds (STYLE.md, after qutebrowser): known failures of the world — ``console.errors.ApiError``
and its kinds (offline, forbidden, not found, rate limited, …) — are a sentence that says what
happened and what to do next; anything else is a bug: it is logged with its traceback and shown
as "Something went wrong" with a report the user can copy. Never a raw traceback in a dialog.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from datetime import UTC, datetime

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.errors import (
    ApiError,
    BadRequest,
    Conflict,
    EmbeddedBackendError,
    Forbidden,
    NotFound,
    Offline,
    RateLimited,
    Unauthorized,
    ValidationFailed,
)
from ui import i18n

log = logging.getLogger(__name__)


def is_known_failure(exc: BaseException) -> bool:
    """True for failures of the world (server unreachable, server answers, the demo server did not
    start), False for bugs."""
    return isinstance(exc, (ApiError, Offline, EmbeddedBackendError))


def failure_message(exc: BaseException) -> str:
    """One sentence for the user, in the UI's language.

    Known failures: the failure's own ``user_message`` (translated when it is one of
    ``ui.console_messages``; outside English, a sentence for its kind when it carries the server's
    English words). Bugs: "Something went wrong", never the exception's text.
    """
    if not is_known_failure(exc):
        return QCoreApplication.translate(
            "Failures", "Something went wrong. It is not your fault; you can copy a report for support."
        )
    from ui.wording import problem_sentence  # a refusal's code and parameters, worded (docs/api-wording.md)

    worded = problem_sentence(exc) if isinstance(exc, ApiError) else None
    if worded:
        return worded
    message = str(getattr(exc, "user_message", "") or "").strip()
    if message:
        translated = QCoreApplication.translate("ConsoleMessages", message)
        if translated != message or i18n.current_language() == i18n.ENGLISH:
            return translated
    return _sentence_for_kind(exc)


def _sentence_for_kind(exc: BaseException) -> str:
    code = getattr(exc, "code", "")
    if isinstance(exc, Unauthorized):
        if code == "account_locked":
            return QCoreApplication.translate(
            "Failures", "This user is locked after too many failed sign-ins. Try again later or ask an administrator.")
        if code == "demo_user_disabled":
            return QCoreApplication.translate(
            "Failures", "Demo users can sign in only to a demo server. Ask an administrator for an account.")
        return QCoreApplication.translate(
            "Failures", "Signing in failed. Check the username and password and try again.")
    if isinstance(exc, Forbidden):
        return QCoreApplication.translate(
            "Failures", "Your role does not allow this; ask a supervisor if it is needed.")
    if isinstance(exc, NotFound):
        return QCoreApplication.translate(
            "Failures", "It was not found. It may have been removed; refresh and try again.")
    if isinstance(exc, Conflict):
        return QCoreApplication.translate(
            "Failures", "This clashes with the current state. Refresh to see it, then try again.")
    if isinstance(exc, ValidationFailed):
        return QCoreApplication.translate(
            "Failures", "Some fields are not valid. Correct them and try again.")
    if isinstance(exc, RateLimited):
        return QCoreApplication.translate(
            "Failures", "Too many requests for now. Wait a while and try again.")
    if isinstance(exc, BadRequest):
        return QCoreApplication.translate(
            "Failures", "The server could not accept the request. Try again; if it happens again, report it.")
    return QCoreApplication.translate(
            "Failures", "The server could not do this. Try again in a moment.")


def failure_report(exc: BaseException, *, context: str = "") -> str:
    """A plain-text report of a bug for support: what, where, versions and the traceback."""
    lines = [
        "CreditDesk error report",
        f"time: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"context: {context or '-'}",
        f"python: {sys.version.split()[0]}  pyside6: {pyside_version}  platform: {platform.platform()}",
        f"error: {type(exc).__module__}.{type(exc).__qualname__}: {exc}",
    ]
    request_id = getattr(exc, "request_id", None)
    if request_id:
        lines.append(f"request id: {request_id}")
    lines.append("")
    lines.extend(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return "\n".join(line.rstrip("\n") for line in lines)


def log_bug(exc: BaseException, *, context: str = "") -> None:
    """Log a bug with its traceback (known failures are logged at info, without one)."""
    if is_known_failure(exc):
        log.info("%s: %s", context or "request", exc)
    else:
        log.error("Bug in %s", context or "the console", exc_info=(type(exc), exc, exc.__traceback__))


class BugReportDialog(QDialog):
    """"Something went wrong", with the report in a read-only box and a Copy button."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BugReportDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.report = report
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Something went wrong"))
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        explanation = QLabel(
            self.tr(
                "CreditDesk hit a problem it did not expect. What you were doing may not have "
                "been saved. Copy this report and send it to support."
            )
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.report_view = QPlainTextEdit(report)
        self.report_view.setReadOnly(True)
        self.report_view.setMinimumSize(520, 180)
        layout.addWidget(self.report_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Copied"))
