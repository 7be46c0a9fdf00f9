"""`review_shot(widget, name)`: a PNG of what a test saw, for people to review; only when the
environment variable CREDITDESK_SHOTS names a directory (tests never write outside tmp otherwise)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget


def review_shot(widget: QWidget, name: str) -> None:
    directory = os.environ.get("CREDITDESK_SHOTS", "").strip()
    if not directory:
        return
    Path(directory).mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(Path(directory) / f"{name}.png"))
