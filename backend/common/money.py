"""Money as people read it, for case summaries and messages: `123456` fen → `¥1,234.56`."""

from __future__ import annotations


def fen_text(fen: int) -> str:
    """`¥1,234.56` for 123456 fen, `-¥0.01` for -1 (exact: integer arithmetic, no floats)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}.{cents:02d}"
