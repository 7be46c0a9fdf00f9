"""The console's log file: a rotating file in the data directory (`console.paths.log_dir()`).

The embedded backend runs in the console's process, so its records land in the same file.
Warnings also go to stderr (set up by the caller); the file keeps INFO and above, five files of
1 MB at most.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Final

__all__ = ["LOG_FILE_NAME", "configure_file_logging"]

LOG_FILE_NAME: Final = "console.log"
MAX_BYTES: Final = 1_000_000
BACKUPS: Final = 4
_FORMAT: Final = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"


class _ConsoleFileHandler(RotatingFileHandler):
    """Ours, so a second call replaces it instead of writing every record twice."""


def configure_file_logging(directory: Path, *, level: int = logging.INFO) -> Path:
    """Send records of `level` and above to `directory/console.log` (rotating); returns its path."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _ConsoleFileHandler)]:
        root.removeHandler(handler)
        handler.close()
    path = directory / LOG_FILE_NAME
    handler = _ConsoleFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    # The root's own level lets INFO through to the file; other handlers keep their levels.
    for other in root.handlers:
        if other is not handler and other.level == logging.NOTSET:
            other.setLevel(root.level if root.level != logging.NOTSET else logging.WARNING)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path
