"""CREDITDESK_DATA_DIR is honoured by every command (the backend's default database, the console's
files) and the console writes a rotating log file there."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from backend.settings import default_database_url
from console import paths
from console.logs import BACKUPS, MAX_BYTES, configure_file_logging


def test_the_backends_default_database_is_in_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CREDITDESK_DATA_DIR", str(tmp_path / "desk"))
    assert default_database_url() == f"sqlite:///{tmp_path / 'desk' / 'creditdesk.sqlite3'}"
    assert default_database_url() == f"sqlite:///{paths.database_path()}"  # the console's own file


@pytest.fixture
def restored_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.usefixtures("restored_logging")
def test_console_and_embedded_backend_records_go_to_a_rotating_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CREDITDESK_DATA_DIR", str(tmp_path))
    path = configure_file_logging(paths.log_dir())
    configure_file_logging(paths.log_dir())  # again: still one file handler, no doubled lines
    assert path == tmp_path / "logs" / "console.log"

    logging.getLogger("ui.app").info("login dialog shown")
    logging.getLogger("backend.disputes").warning("dispute 7 refused")
    logging.getLogger("ui.app").debug("not kept")
    for handler in logging.getLogger().handlers:
        handler.flush()

    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["login dialog shown", "dispute 7 refused"]
    assert " INFO " in lines[0] and " backend.disputes" in lines[1]
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(path))
    assert (handler.maxBytes, handler.backupCount) == (MAX_BYTES, BACKUPS)  # type: ignore[attr-defined]
