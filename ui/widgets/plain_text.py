"""Text people typed, shown as text: Qt renders a tooltip that looks like HTML as HTML, so a note
such as "<b>call back</b>" would lose its tags and "<img src=…>" would load an image."""

from __future__ import annotations

import html


def plain_tooltip(text: str | None) -> str | None:
    """``text`` as a tooltip that shows exactly what was typed (wrapped, line breaks kept);
    None or "" stays None (no tooltip)."""
    if not text:
        return None
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"
