"""The offline outbox (DESIGN.md §5): writes that could not reach the backend, kept until they land.

    outbox = Outbox(paths.outbox_path(), server_url=client.base_url, username="agent1")
    result = outbox.post(client, "/v1/disputes", body, label="Dispute on transaction 41")
    if isinstance(result, Queued): ...   # kept; tell the agent it will be sent
    else: result.body                    # the server's answer

INTERIM VERSION: the interface (`Outbox`, `Delivered`, `Queued`, `Outbox.post`) is fixed; the
storage, retry with back-off and draining are being completed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Integer, String, Text, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from console.api import ApiClient, new_idempotency_key
from console.errors import Offline

__all__ = ["Delivered", "Outbox", "OutboxEntry", "Queued", "send"]


class _Base(DeclarativeBase):
    pass


class OutboxEntry(_Base):
    """One write waiting for (or refused by) the backend."""

    __tablename__ = "outbox_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    server_url: Mapped[str] = mapped_column(String(500))
    username: Mapped[str] = mapped_column(String(100))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(500))
    body_json: Mapped[str] = mapped_column(Text)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    if_match: Mapped[str | None] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending | delivered | refused


@dataclass(frozen=True)
class Delivered:
    """The write landed; `body` is the server's JSON answer (None for an empty one)."""

    body: Any


@dataclass(frozen=True)
class Queued:
    """The backend could not be reached: the write is kept in the outbox and will be retried."""

    entry_id: int
    idempotency_key: str
    label: str


class Outbox:
    def __init__(self, path: Path | str, *, server_url: str, username: str) -> None:
        self.path = Path(path)
        self.server_url = server_url
        self.username = username
        self._engine = create_engine(f"sqlite:///{self.path}")
        _Base.metadata.create_all(self._engine)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    def close(self) -> None:
        self._engine.dispose()

    def post(
        self,
        client: ApiClient,
        path: str,
        body: Any,
        *,
        label: str,
        if_match: str | None = None,
        idempotency_key: str | None = None,
    ) -> Delivered | Queued:
        """POST `body` to `path` (keyed); when the backend cannot be reached, keep it and return
        `Queued`. Errors the backend answered with (4xx, 5xx) are raised as `ApiError`."""
        key = idempotency_key or new_idempotency_key()
        try:
            return Delivered(client.post_json(path, body, idempotency_key=key, if_match=if_match))
        except Offline:
            entry = self._keep(path, body, key=key, label=label, if_match=if_match)
            return Queued(entry_id=entry.id, idempotency_key=key, label=label)

    def pending_count(self) -> int:
        with self._sessions() as session:
            return int(
                session.scalar(
                    select(func.count()).select_from(OutboxEntry).where(
                        OutboxEntry.status == "pending",
                        OutboxEntry.server_url == self.server_url,
                        OutboxEntry.username == self.username,
                    )
                )
                or 0
            )

    def _keep(self, path: str, body: Any, *, key: str, label: str, if_match: str | None) -> OutboxEntry:
        entry = OutboxEntry(
            created_at=datetime.now(timezone.utc),
            server_url=self.server_url,
            username=self.username,
            method="POST",
            path=path,
            body_json=json.dumps(body, ensure_ascii=False),
            idempotency_key=key,
            if_match=if_match,
            label=label,
            status="pending",
        )
        with Session(self._engine, expire_on_commit=False) as session, session.begin():
            session.add(entry)
        return entry


def send(
    outbox: Outbox | None,
    client: ApiClient,
    path: str,
    body: Any,
    *,
    label: str,
    if_match: str | None = None,
    idempotency_key: str | None = None,
) -> Delivered | Queued:
    """POST through `outbox` when there is one (kept if the backend cannot be reached), else
    directly (an unreachable backend raises `Offline`). The one way the console submits work."""
    if outbox is not None:
        return outbox.post(client, path, body, label=label, if_match=if_match, idempotency_key=idempotency_key)
    return Delivered(client.post_json(path, body, idempotency_key=idempotency_key, if_match=if_match))
