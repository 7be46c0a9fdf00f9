"""Qt runs headless in the tests: QT_QPA_PLATFORM=offscreen, set by conftest."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_a_widget_shows_offscreen(qtbot: QtBot) -> None:
    label = QLabel("CreditDesk 信用服务台")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    assert QGuiApplication.platformName() == "offscreen"
    assert label.isVisible()
    assert label.sizeHint().width() > 0
