"""Counting the calls an app makes to the thread pool (docs/load.md: each is another wait for
the interpreter under load)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import anyio.to_thread
import pytest


@contextmanager
def counting_thread_hops(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Each call the app makes to the thread pool meanwhile (FastAPI and Starlette go through
    `anyio.to_thread.run_sync` for handlers and dependencies alike)."""
    hops: list[str] = []
    run_sync = anyio.to_thread.run_sync

    async def counted(func: Any, *args: Any, **kwargs: Any) -> Any:
        hops.append(getattr(func, "__qualname__", repr(func)))
        return await run_sync(func, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    yield hops
