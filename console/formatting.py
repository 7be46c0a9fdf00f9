"""Money and dates as an agent reads them. Integer arithmetic only: money never
passes through a float.

- `format_fen(123456)` → `¥1,234.56`; negatives with an ASCII minus, `-¥12.30` (it survives
  copy, paste and CSV, which U+2212 does not).
- `parse_yuan("1,234.56")` → `123456` fen, for amounts typed by a person.
- Dates as ISO `YYYY-MM-DD`, timestamps in Asia/Shanghai (the business time zone) as
  `YYYY-MM-DD HH:MM`: unambiguous in English and Chinese alike.

The words for the API's enumerations (statuses, buckets, transaction types) live with the
screens that translate them: `ui/widgets/chips.py` and `ui/workspace/labels.py`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

__all__ = [
    "BUSINESS_TZ",
    "format_date",
    "format_datetime",
    "format_fen",
    "format_ppm",
    "mask_phone_query",
    "parse_yuan",
    "to_business_time",
]

BUSINESS_TZ: Final = ZoneInfo("Asia/Shanghai")
CURRENCY_SYMBOL: Final = "¥"
MINUS: Final = "-"


def format_fen(fen: int, *, symbol: str = CURRENCY_SYMBOL, grouping: bool = True, plus: bool = False) -> str:
    """Fen as yuan: `¥1,234.56`, `-¥12.30`, `¥0.00`. `plus=True` marks positives with `+`
    (for signed amounts such as transactions). `grouping=False` drops the thousands commas."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"money is int fen, got {type(fen).__name__}")
    sign = MINUS if fen < 0 else ("+" if plus and fen > 0 else "")
    yuan, cents = divmod(abs(fen), 100)
    whole = f"{yuan:,}" if grouping else str(yuan)
    return f"{sign}{symbol}{whole}.{cents:02d}"


_YUAN_TEXT = re.compile(r"^(?P<sign>[-+−]?)\s*[¥￥]?\s*(?P<whole>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<frac>\d{0,2}))?$")


def parse_yuan(text: str) -> int:
    """An amount typed in yuan (`1,234.5`, `¥12`, `-3.05`, `.5`) → int fen.
    Raises ValueError for anything else, including more than two decimals."""
    match = _YUAN_TEXT.match(text.strip())
    if match is None or (match["whole"] is None and not match["frac"]):
        raise ValueError(f"not an amount in yuan: {text!r}")
    whole = int((match["whole"] or "0").replace(",", ""))
    cents = int((match["frac"] or "").ljust(2, "0"))
    fen = whole * 100 + cents
    return -fen if match["sign"] in ("-", "−") else fen


def format_ppm(ppm: int | None, *, per: str = "day") -> str:
    """A rate in parts per million as a percentage: 500 → `0.05% per day`; None → ``."""
    if ppm is None:
        return ""
    sign = MINUS if ppm < 0 else ""
    whole, rest = divmod(abs(ppm), 10_000)  # 1% = 10,000 ppm
    decimals = f"{rest:04d}".rstrip("0")
    if len(decimals) < 2:
        decimals = decimals.ljust(2, "0")
    text = f"{sign}{whole}.{decimals}%"
    return f"{text} per {per}" if per else text


def format_date(day: date | None) -> str:
    """`2024-06-15`; None → `` (an empty cell)."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = to_business_time(day).date()
    return day.isoformat()


def to_business_time(moment: datetime) -> datetime:
    """An aware timestamp in Asia/Shanghai. Naive timestamps are refused: they are bugs."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("naive datetime: timestamps must carry a time zone")
    return moment.astimezone(BUSINESS_TZ)


def format_datetime(moment: datetime | None, *, seconds: bool = False) -> str:
    """`2024-06-15 14:03` in Asia/Shanghai (with `:SS` if `seconds`); None → ``."""
    if moment is None:
        return ""
    local = to_business_time(moment)
    return local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


# A full mainland mobile number as the search reads one (backend/customers/service.py):
# 11 digits from 1, optionally after +86 or 86, spaces and dashes ignored.
_SEARCH_SEPARATORS: Final = re.compile(r"[\s\-]")
_FULL_PHONE: Final = re.compile(r"(?:\+?86)?(1\d{10})")


def mask_phone_query(text: str) -> str | None:
    """A search entry that is a full phone number, masked as lists show it (`138****5678`);
    None for any other entry. Once the search has run the number stays on screen only so."""
    match = _FULL_PHONE.fullmatch(_SEARCH_SEPARATORS.sub("", text.strip()))
    if match is None:
        return None
    phone = match.group(1)
    return f"{phone[:3]}****{phone[-4:]}"
