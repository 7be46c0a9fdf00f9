"""The casework walk of issue 3 (bench/casework_walk.py) over real HTTP, in `make test`:
a dispute over ¥2,000 approved by a second supervisor, a fraud report that freezes the account,
and a 24-month hardship plan that waits for approval.

It runs on an embedded backend of its own (a temporary SQLite file): the walk freezes an account
and resolves disputes, which the UI tests' shared backend must not see."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.casework_walk import walk
from console.embedded import EmbeddedBackend


@pytest.fixture(name="walk_backend", scope="module")
def walk_backend_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory: Path = tmp_path_factory.mktemp("walk")
    with EmbeddedBackend(directory / "walk.sqlite3", demo_customers=100) as base_url:
        yield base_url


def test_the_casework_walk_behaves_as_designed(walk_backend: str) -> None:
    steps: list[str] = []
    created = walk(walk_backend, say=steps.append)
    assert created["dispute"]["status"] == "new"  # as filed; the walk checked each later state
    assert created["arrangement"]["status"] == "pending_approval"
    assert any("super1 may not approve their own proposal: 403 four_eyes" in step for step in steps), steps
    assert any("account status frozen" in step for step in steps), steps
