"""Light and dark themes: the Fusion style, a matching palette and ``resources/themes/<name>.qss``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ui import icons

THEMES = ("light", "dark")
DEFAULT_THEME = "light"
FONT_PIXELS = 13  # the text size of every widget the style sheets do not size otherwise

# Palette colours kept in step with the style sheets (widgets the QSS does not reach use them).
_PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        QPalette.ColorRole.Window: "#f4f6f9",
        QPalette.ColorRole.WindowText: "#1f2933",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f8fafc",
        QPalette.ColorRole.Text: "#1f2933",
        QPalette.ColorRole.PlaceholderText: "#8a94a3",
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: "#1f2933",
        QPalette.ColorRole.Highlight: "#1f6feb",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1f2933",
        QPalette.ColorRole.Mid: "#c4ccd6",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e8ecf1",
        QPalette.ColorRole.Dark: "#c4ccd6",
        QPalette.ColorRole.Shadow: "#8a94a3",
        QPalette.ColorRole.Link: "#1f6feb",
    },
    "dark": {
        QPalette.ColorRole.Window: "#1c2128",
        QPalette.ColorRole.WindowText: "#d7dde4",
        QPalette.ColorRole.Base: "#22272e",
        QPalette.ColorRole.AlternateBase: "#262c34",
        QPalette.ColorRole.Text: "#d7dde4",
        QPalette.ColorRole.PlaceholderText: "#6e7781",
        QPalette.ColorRole.Button: "#2d333b",
        QPalette.ColorRole.ButtonText: "#d7dde4",
        QPalette.ColorRole.Highlight: "#3b82f6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2d333b",
        QPalette.ColorRole.ToolTipText: "#d7dde4",
        QPalette.ColorRole.Mid: "#4a525c",
        QPalette.ColorRole.Light: "#3d444d",
        QPalette.ColorRole.Midlight: "#30363d",
        QPalette.ColorRole.Dark: "#3d444d",
        QPalette.ColorRole.Shadow: "#0d1117",
        QPalette.ColorRole.Link: "#8cb8ff",
    },
}
_ICON_COLORS = {"light": "#4a5565", "dark": "#aab4bf"}
_current = DEFAULT_THEME


def assets_dir(name: str) -> Path:
    """The folder of theme ``name``'s images (check marks, arrows) that its style sheet draws."""
    return Path(str(resources.files("resources").joinpath("themes", name)))


@cache
def style_sheet(name: str) -> str:
    """The QSS of theme ``name`` (``light`` or ``dark``), its images' folder filled in.

    A style sheet's ``url()`` is read from the working directory, so the sheet names its
    images as ``@assets@/…`` and the absolute folder goes in here."""
    text = resources.files("resources").joinpath("themes", f"{name}.qss").read_text(encoding="utf-8")
    return text.replace("@assets@", assets_dir(name).as_posix())


def normalize(name: str | None) -> str:
    return name if name in THEMES else DEFAULT_THEME


def apply_theme(app: QApplication, name: str) -> str:
    """Switch the whole application to theme ``name``; returns the theme applied."""
    global _current
    name = normalize(name)
    _current = name
    app.setStyle("Fusion")
    palette = QPalette()
    for role, color in _PALETTES[name].items():
        palette.setColor(role, QColor(color))
    disabled = QColor(_PALETTES[name][QPalette.ColorRole.PlaceholderText])
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    app.setPalette(palette)
    if app.font().pixelSize() != FONT_PIXELS:
        # Through the application font, not a `QWidget { font-size }` rule: such a rule is
        # matched and applied to each widget as it is polished, a third of building a tab.
        font = QFont(app.font())
        font.setPixelSize(FONT_PIXELS)
        app.setFont(font)
    icons.set_icon_color(_ICON_COLORS[name])
    app.setStyleSheet(style_sheet(name))
    return name


def current_theme() -> str:
    return _current
