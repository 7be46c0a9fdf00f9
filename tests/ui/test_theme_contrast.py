"""Both themes draw check boxes, radio buttons, combo arrows and spin arrows that a person can see
(issue 14 item 12: in the dark theme they were nearly invisible, the combo had no arrow and the
spin box's arrows were a stray line).

The contrast is computed from the colours the style sheet and its images name (WCAG 2 relative
luminance; 3:1 is the bar for parts of a control), not from pixels; one rendering check per
control then makes sure the sheet's images are really drawn."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QRadioButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from ui import theme

MIN_CONTRAST = 3.0  # WCAG 2.1, 1.4.11: the parts of a control needed to see its state


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of `#rrggbb`."""
    value = QColor(colour)
    assert value.isValid(), colour

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(value.red()) + 0.7152 * channel(value.green()) + 0.0722 * channel(value.blue())


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_by_hand() -> None:
    # Black on white is 21:1, a colour on itself 1:1, and #767676 on white the textbook 4.54:1.
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#3b82f6", "#3b82f6") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def rules(sheet: str) -> list[tuple[list[str], dict[str, str]]]:
    """(selectors, properties) of every rule of a style sheet, in order."""
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)
    found: list[tuple[list[str], dict[str, str]]] = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        props: dict[str, str] = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                props[name.strip()] = value.strip()
        found.append(([s.strip() for s in selectors.split(",")], props))
    return found


def prop(sheet: str, selector: str, name: str) -> str:
    """The value the last rule naming exactly `selector` gives `name` (as the sheet cascades)."""
    values = [props[name] for selectors, props in rules(sheet) if selector in selectors and name in props]
    assert values, f"no rule for {selector} sets {name}"
    return values[-1]


def colour_of(value: str) -> str:
    match = re.search(r"#[0-9a-fA-F]{6}", value)
    assert match, value
    return match.group(0)


def image_of(value: str) -> Path:
    match = re.fullmatch(r"url\((.+)\)", value)
    assert match, value
    return Path(match.group(1))


def ink_of(image: Path) -> str:
    """The one colour an indicator image strokes or fills with."""
    colours = set(re.findall(r'(?:stroke|fill)="(#[0-9a-fA-F]{6})"', image.read_text(encoding="utf-8")))
    assert len(colours) == 1, (image, colours)
    return colours.pop()


@pytest.mark.parametrize("name", theme.THEMES)
def test_indicators_and_arrows_stand_out_from_what_they_sit_on(name: str) -> None:
    sheet = theme.style_sheet(name)
    window = prop(sheet, "QMainWindow", "background")
    field = prop(sheet, "QLineEdit", "background")
    for indicator in ("QCheckBox::indicator", "QRadioButton::indicator", "QAbstractItemView::indicator"):
        edge = colour_of(prop(sheet, indicator, "border"))
        inside = colour_of(prop(sheet, indicator, "background"))
        for ground in (inside, window, field):  # in a dialog, on a card or in a list
            assert contrast(edge, ground) >= MIN_CONTRAST, (name, indicator, edge, ground)
    for checked in ("QCheckBox::indicator:checked", "QRadioButton::indicator:checked"):
        fill = colour_of(prop(sheet, checked, "background"))
        for ground in (window, field):
            assert contrast(fill, ground) >= MIN_CONTRAST, (name, checked, fill, ground)
        mark = ink_of(image_of(prop(sheet, checked, "image")))
        assert contrast(mark, fill) >= MIN_CONTRAST, (name, checked, mark, fill)
    spin_button = colour_of(prop(sheet, "QSpinBox::up-button", "background"))
    for arrow, grounds in (
        ("QComboBox::down-arrow", (field,)),
        ("QSpinBox::up-arrow", (spin_button,)),
        ("QSpinBox::down-arrow", (spin_button,)),
    ):
        ink = ink_of(image_of(prop(sheet, arrow, "image")))
        for ground in grounds:
            assert contrast(ink, ground) >= MIN_CONTRAST, (name, arrow, ink, ground)


@pytest.mark.parametrize("name", theme.THEMES)
def test_every_image_the_sheet_names_is_there_and_draws(name: str) -> None:
    sheet = theme.style_sheet(name)
    assert "@assets@" not in sheet
    images = {Path(p) for p in re.findall(r"url\(([^)]+)\)", sheet)}
    assert len(images) >= 7  # check, partial, radio dot, two arrows and their disabled forms
    for image in images:
        assert image.is_absolute() and image.is_file(), image
        assert QSvgRenderer(str(image)).isValid(), image


@pytest.fixture
def themed(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    font, palette = QFont(qapp.font()), QPalette(qapp.palette())
    theme.apply_theme(qapp, request.param)
    yield request.param
    qapp.setStyleSheet("")
    qapp.setFont(font)
    qapp.setPalette(palette)


def ink_pixels(widget: QWidget, ink: str, ground: str, *, right: int | None = None) -> int:
    """How many pixels of `widget` (its rightmost `right` px, or all) are nearer `ink` than
    `ground`: what is drawn in the ink, antialiased edges included."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    inked, bare = QColor(ink), QColor(ground)

    def distance(a: QColor, b: QColor) -> int:
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())

    start = 0 if right is None else image.width() - right
    count = 0
    for x in range(max(0, start), image.width()):
        for y in range(image.height()):
            pixel = QColor(image.pixel(x, y))
            if distance(pixel, inked) < distance(pixel, bare):
                count += 1
    return count


@pytest.mark.parametrize("themed", theme.THEMES, indirect=True)
def test_the_controls_draw_the_sheets_marks(qtbot: QtBot, themed: str) -> None:
    sheet = theme.style_sheet(themed)
    host = QWidget()
    qtbot.addWidget(host)
    combo = QComboBox(host)
    combo.addItems(["Investigating", "Resolved"])
    combo.resize(180, 32)
    spin = QSpinBox(host)
    spin.setRange(1, 60)
    spin.setValue(12)
    spin.resize(120, 32)
    spin.move(0, 40)
    check = QCheckBox(host)  # no text: every pixel nearer the fill than the ground is the box
    check.setChecked(True)
    check.move(0, 80)
    radio = QRadioButton(host)
    radio.setChecked(True)
    radio.move(0, 110)
    host.resize(240, 140)
    host.show()
    qtbot.waitExposed(host)

    field = prop(sheet, "QLineEdit", "background")
    arrow = ink_of(image_of(prop(sheet, "QComboBox::down-arrow", "image")))
    assert ink_pixels(combo, arrow, field, right=24) >= 8, "the combo box draws no arrow"
    spin_ground = colour_of(prop(sheet, "QSpinBox::up-button", "background"))
    spin_arrow = ink_of(image_of(prop(sheet, "QSpinBox::up-arrow", "image")))
    assert ink_pixels(spin, spin_arrow, spin_ground, right=22) >= 16, "the spin box draws no arrows"
    window = prop(sheet, "QMainWindow", "background")
    fill = colour_of(prop(sheet, "QCheckBox::indicator:checked", "background"))
    assert ink_pixels(check, fill, window) >= 100, "the ticked check box shows no fill"
    assert ink_pixels(radio, fill, window) >= 60, "the chosen radio button shows no fill"
