"""The supervisor's views: the approvals inbox and the casework dashboard."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ui.casework.labels import SLA_TONES
from ui.widgets.tones import is_dark

__all__ = ["chart_colour", "sla_chart_colour"]

# The chips' tones as fills for chart bars and the dashboard's big numbers, one pair per theme:
# more saturated than the chips' text colours (ui.widgets.tones), which suit table text.
_TONE_COLOURS: dict[str, tuple[str, str]] = {
    "good": ("#2f9e44", "#57c46b"),
    "warning": ("#e8a317", "#f0b93a"),
    "danger": ("#d1382b", "#ff6b5e"),
    "muted": ("#8a94a3", "#7d8793"),
    "info": ("#1c5fc9", "#6ea8ff"),
    "neutral": ("#5f6b7a", "#aab4bf"),
}


def chart_colour(tone: str) -> QColor:
    """A chip tone (`good`, `warning`, `danger`, `muted`, `info`, `neutral`) as a solid colour."""
    light, dark = _TONE_COLOURS.get(tone, _TONE_COLOURS["neutral"])
    return QColor(dark if is_dark() else light)


def sla_chart_colour(sla_state: str) -> QColor:
    """The SLA state's bar colour: on track green, at risk amber, breached red, paused grey."""
    return chart_colour(SLA_TONES.get(sla_state, "neutral"))
