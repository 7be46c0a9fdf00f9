"""The chips' tones as colours, for places a style sheet cannot reach (table cells, charts).

The values are the themes' chip colours (resources/themes/*.qss, `QLabel[chip="true"][tone=…]`),
so a coloured cell reads like the chip beside it: `tone_colours(tone)` is (text, background) on
the current theme, `tone_colour(tone)` the text colour alone.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication

__all__ = ["is_dark", "tone_colour", "tone_colours"]

# (light theme: text, background), (dark theme: text, background)
_TONES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "good": (("#1a7f37", "#e3f4e8"), ("#6fdd8b", "#16361f")),
    "info": (("#1c5fc9", "#e6f0ff"), ("#8cb8ff", "#172c4d")),
    "warning": (("#8a5a00", "#fff4d6"), ("#f2c14e", "#3a2d0c")),
    "danger": (("#b42318", "#fdecea"), ("#ff9b91", "#3d1d1d")),
    "muted": (("#5f6b7a", "#eef0f3"), ("#8d96a0", "#2d333b")),
    "neutral": (("#1f2933", "#eef0f3"), ("#d0d7de", "#2d333b")),
}


def is_dark() -> bool:
    """True when the application's palette is the dark theme's."""
    return QGuiApplication.palette().window().color().lightness() < 128


def tone_colours(tone: str) -> tuple[QColor, QColor]:
    """(text, background) of a chip tone on the current theme; an unknown tone is neutral."""
    light, dark = _TONES.get(tone, _TONES["neutral"])
    text, background = dark if is_dark() else light
    return QColor(text), QColor(background)


def tone_colour(tone: str) -> QColor:
    """The text colour of a chip tone on the current theme."""
    return tone_colours(tone)[0]
