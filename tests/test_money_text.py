"""Money in backend messages and case summaries (backend/common/money.py)."""

from __future__ import annotations

import pytest

from backend.common.money import fen_text


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (123_456, "¥1,234.56"),
        (5, "¥0.05"),
        (0, "¥0.00"),
        (-1, "-¥0.01"),  # the sign outside: floor division alone would print ¥-1.99
        (-20_000, "-¥200.00"),
        (200_000, "¥2,000.00"),
    ],
)
def test_fen_text(fen: int, text: str) -> None:
    assert fen_text(fen) == text
