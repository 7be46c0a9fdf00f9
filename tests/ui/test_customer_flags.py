"""The customer's flags in the header are words in the user's language (they were the server's
names: "frozen", "open fraud report" in English on a Chinese console), and "frozen" is not shown
twice beside the Frozen status chip."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui import i18n
from ui.workspace.header import FLAG_TEXTS, flag_text


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    i18n.install_language(i18n.CHINESE)
    try:
        yield
    finally:
        i18n.install_language(i18n.ENGLISH)


def test_every_known_flag_has_words_and_an_unknown_one_reads_as_the_server_names_it(qtbot: QtBot) -> None:
    assert flag_text("open_fraud_report") == "Open fraud report"
    assert flag_text("vulnerable_customer") == "Vulnerable customer"
    assert flag_text("some_new_flag") == "some new flag"


@pytest.mark.usefixtures("chinese")
def test_in_chinese_every_known_flag_is_chinese() -> None:
    worded = {flag: flag_text(flag) for flag in FLAG_TEXTS}
    assert worded["open_fraud_report"] == "欺诈举报处理中"
    assert worded["frozen"] == "已冻结"
    assert all(not any("a" <= ch.lower() <= "z" for ch in text) for text in worded.values()), worded
