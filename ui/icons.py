"""Icons from ``resources/icons/*.svg``, drawn in the current theme's icon colour.

The SVGs stroke with ``currentColor``; :func:`icon` puts the theme's colour in its place
(``set_icon_color``, called by the theme switch) and renders crisp pixmaps at common sizes.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

_color = "#4a5565"


def set_icon_color(color: str) -> None:
    """The colour (``#rrggbb``) icons are drawn in from now on."""
    global _color
    _color = color


def icon_color() -> str:
    return _color


@cache
def _svg_text(name: str) -> str:
    return resources.files("resources").joinpath("icons", f"{name}.svg").read_text(encoding="utf-8")


class _SvgIconEngine(QIconEngine):
    """Renders the SVG at the size asked for, once per size: no pixmaps made that nobody shows."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderer = QSvgRenderer(QByteArray(svg))
        self._cache: dict[tuple[int, int, int], QPixmap] = {}

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.45)
        self._renderer.render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), int(mode.value))
        cached = self._cache.get(key)
        if cached is None:
            cached = QPixmap(size)
            cached.fill(Qt.GlobalColor.transparent)
            painter = QPainter(cached)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
            painter.end()
            self._cache[key] = cached
        return cached

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:  # noqa: N802
        pixmap = self.pixmap(QSize(round(size.width() * scale), round(size.height() * scale)), mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._svg)


@cache
def _icon(name: str, color: str) -> QIcon:
    svg = _svg_text(name).replace("currentColor", color)
    return QIcon(_SvgIconEngine(svg.encode("utf-8")))


def icon(name: str, color: str | None = None) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` in ``color`` (default: the theme's icon colour)."""
    return _icon(name, color or _color)


def svg_text(name: str) -> str:
    """The raw SVG (for tests and for the window icon)."""
    return _svg_text(name)
