"""console.session (login in the keyring) and console.paths (the data directory)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail, null
from keyring.errors import PasswordSetError

from console import paths, session
from tests.helpers.keyring_memory import MemoryKeyring

SERVER = "https://creditdesk.example.com/"


def test_remember_recall_forget(memory_keyring: MemoryKeyring) -> None:
    assert session.keyring_usable()
    assert session.recall(SERVER) is None
    assert session.remember(SERVER, "agent1", "tok-1")
    remembered = session.recall("HTTPS://CreditDesk.example.com")  # the same server
    assert remembered == ("agent1", "tok-1")
    username, token = remembered
    assert (username, token) == ("agent1", "tok-1")
    assert list(memory_keyring.passwords) == [("CreditDesk", "https://creditdesk.example.com")]
    assert "tok-1" in memory_keyring.passwords[("CreditDesk", "https://creditdesk.example.com")]
    session.remember(SERVER, "agent2", "tok-2")  # a new login replaces the old one
    assert session.recall(SERVER) == ("agent2", "tok-2")
    assert session.recall("https://other.example.com") is None
    session.forget(SERVER)
    assert session.recall(SERVER) is None
    session.forget(SERVER)  # forgetting twice is fine


def test_an_expired_login_is_not_recalled_and_is_forgotten(memory_keyring: MemoryKeyring) -> None:
    now = datetime(2024, 6, 15, 10, 0, tzinfo=timezone.utc)
    session.remember(SERVER, "agent1", "tok", expires_at=now + timedelta(hours=8))
    assert session.recall(SERVER, now=now) == ("agent1", "tok")
    assert session.recall(SERVER, now=now + timedelta(hours=8)) is None
    assert memory_keyring.passwords == {}


def test_an_unreadable_entry_is_forgotten(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[("CreditDesk", "https://creditdesk.example.com")] = "{not json"
    assert session.recall(SERVER) is None
    assert memory_keyring.passwords == {}


def test_the_embedded_backend_is_keyed_by_its_file_not_its_port(tmp_path: Path) -> None:
    key = session.embedded_server_key(tmp_path / "creditdesk.sqlite3")
    assert key.startswith("embedded:")
    session.remember(key, "agent1", "tok")
    assert session.recall(session.embedded_server_key(tmp_path / "." / "creditdesk.sqlite3")) == ("agent1", "tok")


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring], ids=["fail", "null"])
def test_without_a_keyring_nothing_is_remembered(backend: type) -> None:
    keyring.set_keyring(backend())  # the autouse fixture restores the memory keyring after
    assert not session.keyring_usable()
    assert session.remember(SERVER, "agent1", "tok") is False
    assert session.recall(SERVER) is None
    session.forget(SERVER)
    assert session.NOT_REMEMBERED_MESSAGE.endswith(".")


def test_an_empty_chainer_is_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    keyring.set_keyring(chainer.ChainerBackend())
    assert not session.keyring_usable()


class RefusingKeyring(MemoryKeyring):
    """A keyring that is there but locked (the user dismissed the unlock prompt)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("the keyring is locked")


def test_a_keyring_that_refuses_means_not_remembered() -> None:
    keyring.set_keyring(RefusingKeyring())
    assert session.remember(SERVER, "agent1", "tok") is False
    assert session.recall(SERVER) is None


def test_data_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    assert paths.data_dir() == tmp_path / "data"
    assert (tmp_path / "data").is_dir()
    assert paths.database_path() == tmp_path / "data" / "creditdesk.sqlite3"
    assert paths.outbox_path().parent == tmp_path / "data"
    assert paths.log_dir().is_dir()


def test_data_dir_defaults_to_the_platform_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    assert paths.data_dir(create=False) == Path(platformdirs.user_data_dir("CreditDesk", appauthor=False))
