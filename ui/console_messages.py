"""The fixed sentences of ``console`` (errors, session), marked here so Qt Linguist extracts them.

``console`` is Qt-free and speaks English; ``ui.failures.failure_message`` looks each sentence
up in the context ``ConsoleMessages``. A sentence that carries the server's own words (a detail)
has no entry and is replaced by a sentence for its kind of failure outside English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONSOLE_MESSAGES = (
    QT_TRANSLATE_NOOP("ConsoleMessages", "The username or password is wrong. Check them and try again."),
    QT_TRANSLATE_NOOP("ConsoleMessages", "Your session has ended. Sign in again to continue where you were."),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages", "The same request is still being processed. Wait a moment and try again."
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages",
        "Someone else changed this record meanwhile. Reload it to see what changed, then try again.",
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages", "The record's version was not sent with the change. Reload it and try again."
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages", "The server is not available right now. Wait a moment and try again."
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages", "The server hit an unexpected problem. Try again; if it persists, report it."
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages",
        "The server's answer could not be read. Check the server address, then try again.",
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages",
        "The server did not answer in time. Check the network connection and try again.",
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages",
        "The server's address could not be found. Check the server address and the network.",
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages",
        "Cannot reach the server. Check the network connection or whether the server is running, "
        "then try again.",
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages",
        "This computer has no usable password store, so your sign-in cannot be remembered; "
        "you will be asked for your password at each start.",
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages",
        "The demo server found no free network port on this computer. Close some programs and try again.",
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages",
        "The demo data file could not be opened. Check that the data folder is writable and the disk is not full, then try again.",
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages",
        "The demo server stopped while starting. Try again; its log file in the data folder says why.",
    ),
    QT_TRANSLATE_NOOP(
        "ConsoleMessages",
        "The demo server on this computer could not start. Try again; its log file in the data folder says why.",
    ),
)
