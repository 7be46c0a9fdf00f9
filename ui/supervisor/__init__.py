"""The supervisor's views: the approvals inbox and the casework dashboard."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication

from ui.casework.labels import SLA_TONES

__all__ = ["sla_colour", "tone_colour"]

# The chips' tones as solid colours (bars, table text), one pair per theme: readable on the
# light window (#f4f6f9) and on the dark one (#1c2128).
_TONE_COLOURS: dict[str, tuple[str, str]] = {
    "good": ("#2f9e44", "#57c46b"),
    "warning": ("#e8a317", "#f0b93a"),
    "danger": ("#d1382b", "#ff6b5e"),
    "muted": ("#8a94a3", "#7d8793"),
    "info": ("#1c5fc9", "#6ea8ff"),
    "neutral": ("#5f6b7a", "#aab4bf"),
}


def _dark() -> bool:
    return QGuiApplication.palette().window().color().lightness() < 128


def tone_colour(tone: str) -> QColor:
    """A chip tone (`good`, `warning`, `danger`, `muted`, `info`, `neutral`) as a solid colour."""
    light, dark = _TONE_COLOURS.get(tone, _TONE_COLOURS["neutral"])
    return QColor(dark if _dark() else light)


def sla_colour(sla_state: str) -> QColor:
    """The SLA state's colour: on track green, at risk amber, breached red, paused grey."""
    return tone_colour(SLA_TONES.get(sla_state, "neutral"))
