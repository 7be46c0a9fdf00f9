"""console.formatting: money in integer fen at its edges, dates in the business time zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.formatting import (
    format_date,
    format_datetime,
    format_fen,
    format_ppm,
    mask_phone_query,
    parse_yuan,
)


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "¥0.00"),
        (1, "¥0.01"),
        (-1, "-¥0.01"),
        (10, "¥0.10"),
        (99, "¥0.99"),
        (100, "¥1.00"),
        (-1230, "-¥12.30"),
        (123456, "¥1,234.56"),
        (100000000, "¥1,000,000.00"),
        (-100000001, "-¥1,000,000.01"),
        (2**63 - 1, "¥92,233,720,368,547,758.07"),
        (-(2**63), "-¥92,233,720,368,547,758.08"),
    ],
)
def test_format_fen(fen: int, text: str) -> None:
    assert format_fen(fen) == text


def test_format_fen_options() -> None:
    assert format_fen(123456, grouping=False) == "¥1234.56"
    assert format_fen(5, plus=True) == "+¥0.05"
    assert format_fen(0, plus=True) == "¥0.00"
    assert format_fen(-5, plus=True) == "-¥0.05"
    assert format_fen(100, symbol="") == "1.00"


@pytest.mark.parametrize("bad", [1.5, 1.0, "100", True, None])
def test_format_fen_refuses_anything_but_int(bad: object) -> None:
    with pytest.raises(TypeError):
        format_fen(bad)  # type: ignore[arg-type]


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_parse_yuan_reads_back_what_format_fen_writes(fen: int) -> None:
    assert parse_yuan(format_fen(fen)) == fen
    assert parse_yuan(format_fen(fen, grouping=False, symbol="")) == fen


@pytest.mark.parametrize(
    ("text", "fen"),
    [("0", 0), ("12", 1200), ("12.3", 1230), (".5", 50), ("1,234.56", 123456), ("￥7", 700),
     ("−0.01", -1), (" 3.05 ", 305), ("+2", 200), ("12.", 1200)],
)
def test_parse_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "1.234", "1,23", "¥", "1e3", "--1", "1.2.3", "."])
def test_parse_yuan_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_yuan(text)


def test_format_ppm() -> None:
    assert format_ppm(300) == "0.03% per day"
    assert format_ppm(500, per="") == "0.05%"
    assert format_ppm(10_000) == "1.00% per day"
    assert format_ppm(1234) == "0.1234% per day"
    assert format_ppm(None) == ""


def test_dates_and_times_in_the_business_time_zone() -> None:
    assert format_date(date(2024, 6, 5)) == "2024-06-05"
    assert format_date(None) == ""
    late_utc = datetime(2024, 6, 15, 17, 30, tzinfo=timezone.utc)  # already the 16th in Shanghai
    assert format_datetime(late_utc) == "2024-06-16 01:30"
    assert format_datetime(late_utc, seconds=True) == "2024-06-16 01:30:00"
    assert format_date(late_utc) == "2024-06-16"
    elsewhere = datetime(2024, 6, 15, 10, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert format_datetime(elsewhere) == "2024-06-15 23:00"
    assert format_datetime(None) == ""


def test_naive_timestamps_are_refused() -> None:
    with pytest.raises(ValueError):
        format_datetime(datetime(2024, 6, 15, 10, 0))


@pytest.mark.parametrize(("typed", "masked"), [
    ("13812345678", "138****5678"),          # a full mobile number
    ("+86 138-1234-5678", "138****5678"),    # as callers say it: country code, spaces, dashes
    ("8613812345678", "138****5678"),
    ("1381234567", None),                    # one digit short: not a phone number, nothing to mask
    ("138123456789", None),                  # one too many
    ("23812345678", None),                   # mainland mobiles begin with 1
    ("5678", None),                          # read as an ID's last 4
    ("HB0000000001", None),
])
def test_a_full_phone_number_typed_into_search_is_masked_as_lists_show_it(typed: str, masked: str | None) -> None:
    assert mask_phone_query(typed) == masked
