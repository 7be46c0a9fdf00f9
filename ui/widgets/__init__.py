"""Small reusable widgets: the error banner, the busy indicator, status chips and money labels."""

from ui.widgets.banner import ErrorBanner
from ui.widgets.busy import BusyIndicator
from ui.widgets.chips import Chip
from ui.widgets.money import MoneyLabel

__all__ = ["BusyIndicator", "Chip", "ErrorBanner", "MoneyLabel"]
