"""The pure pieces under the read API: masking and cursors."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.common.masking import mask_bank_card, mask_national_id, mask_phone
from backend.common.pagination import INT64_MAX, InvalidCursor, decode_cursor, encode_cursor
from backend.customers.service import classify_query
from backend.errors import ValidationFailed


def test_masks_keep_only_what_the_design_shows() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_national_id("110101199001011234") == "1101**********1234"
    assert mask_national_id("11010119900101123X") == "1101**********123X"
    assert mask_bank_card("6222021234567891234") == "****1234"
    assert mask_bank_card(None) is None


@pytest.mark.parametrize("value", ["", "1", "1234567", "12345678"])
def test_values_too_short_to_mask_partly_are_masked_whole(value: str) -> None:
    assert set(mask_phone(value[:7])) <= {"*"}
    assert set(mask_national_id(value)) <= {"*"}


@given(
    st.datetimes(timezones=st.just(timezone(timedelta(hours=8)))),
    st.integers(min_value=-INT64_MAX - 1, max_value=INT64_MAX),
    st.dates(),
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40),
)
def test_a_cursor_gives_back_its_key(moment: datetime, number: int, day: date, text: str) -> None:
    cursor = encode_cursor("k", (moment, number, day, text))

    assert decode_cursor(cursor, "k", (datetime, int, date, str)) == (moment, number, day, text)


@pytest.mark.parametrize(
    ("cursor", "shape"),
    [
        (encode_cursor("other", [1]), (int,)),
        (encode_cursor("k", [1, 2]), (int,)),
        (encode_cursor("k", ["1"]), (int,)),
        (encode_cursor("k", ["2026-11-22T10:00:00"]), (datetime,)),
        (encode_cursor("k", ["2026-02-30"]), (date,)),
        ("", (int,)),
        ("====", (int,)),
        ("ñ", (int,)),
    ],
)
def test_cursors_this_api_did_not_hand_out_are_refused(cursor: str, shape: tuple[type, ...]) -> None:
    with pytest.raises(InvalidCursor):
        decode_cursor(cursor, "k", shape)


@pytest.mark.parametrize(
    ("q", "kind", "value"),
    [
        ("13812345678", "phone", "13812345678"),
        (" 138 1234 5678 ", "phone", "13812345678"),
        ("+8613812345678", "phone", "13812345678"),
        ("hb0000000012", "account_number", "HB0000000012"),
        ("JB0000000013", "account_number", "JB0000000013"),
        ("hb1", "account_number_start", "HB1"),
        ("HB 0000 01", "account_number_start", "HB000001"),
        ("HB", "account_number_start", "HB"),
        ("HB000000001", "account_number_start", "HB000000001"),  # nine digits: one short of a number
        ("HB00000000012", "account_number", "HB00000000012"),
        ("11010119900101123x", "national_id", "11010119900101123X"),
        ("123x", "national_id_last4", "123X"),
        ("4321", "national_id_last4", "4321"),
        ("王", "name", "王"),
        ("1381234567", "name", "1381234567"),
    ],
)
def test_a_search_entry_is_read_as_the_agent_means_it(q: str, kind: str, value: str) -> None:
    term = classify_query(q)

    assert (term.kind, term.value) == (kind, value)


@pytest.mark.parametrize("q", ["", "  ", "x" * 65])
def test_a_search_entry_that_is_blank_or_too_long_is_refused(q: str) -> None:
    with pytest.raises(ValidationFailed):
        classify_query(q)
