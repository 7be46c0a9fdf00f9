"""How personal data is shown until someone reveals it with a reason (DESIGN.md §3, Personal data)."""

from __future__ import annotations


def _mask(value: str, keep_start: int, keep_end: int) -> str:
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    hidden = len(value) - keep_start - keep_end
    return value[:keep_start] + "*" * hidden + value[len(value) - keep_end :]


def mask_phone(phone: str) -> str:
    """`13812345678` → `138****5678`."""
    return _mask(phone, 3, 4)


def mask_national_id(national_id: str) -> str:
    """`110101199001011234` → `1101**********1234`."""
    return _mask(national_id, 4, 4)


def mask_bank_card(card: str | None) -> str | None:
    """`6222021234567891234` → `****1234`: only the last four digits, never the length."""
    if card is None:
        return None
    if len(card) <= 4:
        return "****"
    return "****" + card[-4:]
