"""Languages and themes: the Chinese translations are complete and load; both themes apply."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from importlib import resources

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui import i18n, theme
from ui.icons import icon
from ui.widgets import Chip


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.install_language(i18n.CHINESE)
    try:
        yield
    finally:
        i18n.install_language(i18n.ENGLISH)


def test_every_string_of_the_ui_has_a_chinese_translation() -> None:
    ts = resources.files("resources").joinpath("translations", "creditdesk_zh_CN.ts").read_text(encoding="utf-8")
    unfinished = [
        message.findtext("source")
        for message in ET.fromstring(ts).iter("message")
        if (message.find("translation") is None or message.find("translation").get("type") == "unfinished")
    ]
    assert unfinished == []


def test_the_compiled_chinese_translations_load(chinese: None) -> None:
    assert i18n.current_language() == i18n.CHINESE
    assert QCoreApplication.translate("MainWindow", "Search") == "搜索"
    assert QCoreApplication.translate("AccountCard", "Minimum payment") == "最低还款额"
    assert QCoreApplication.translate("ConsoleMessages", "The username or password is wrong. Check them and try again.") == (
        "用户名或密码错误，请检查后重试。"
    )


def test_english_is_the_source_language() -> None:
    i18n.install_language(i18n.ENGLISH)
    assert QCoreApplication.translate("MainWindow", "Search") == "Search"


def test_language_names_are_normalised() -> None:
    assert i18n.normalize("zh-CN") == i18n.CHINESE
    assert i18n.normalize("zh_TW.UTF-8") == i18n.CHINESE
    assert i18n.normalize("en_GB") == i18n.ENGLISH
    assert i18n.normalize("fr") is None


@pytest.mark.parametrize("name", theme.THEMES)
def test_each_theme_applies_and_colours_the_chips(qtbot: QtBot, name: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        assert theme.apply_theme(app, name) == name
        assert "QLabel[chip=\"true\"][tone=\"danger\"]" in app.styleSheet()
        chip = Chip.bucket("M2")
        qtbot.addWidget(chip)
        chip.show()
        assert chip.tone == "danger"
        assert not icon("search").isNull()
    finally:
        theme.apply_theme(app, theme.DEFAULT_THEME)
        app.setStyleSheet("")
