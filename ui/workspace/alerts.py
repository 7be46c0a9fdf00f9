"""The alert strip under the customer header (docs/contact-history.md): what is live or open on
the customer's accounts, in one row of coloured chips an agent reads before saying anything.

Frozen accounts and fraud reports first (red), then disputes and arrangements waiting for a
supervisor (amber), arrangements in force (green), and the last contact (grey). The same words
serve the approvals inbox ("also on this account") and the arrangement wizard's warning, so
they live here once: `alert_items`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from console.formatting import format_date, format_datetime, format_fen
from console.history import AlertArrangement, AlertCase, AlertFreeze, CustomerAlerts, LastContact
from ui.casework.labels import (
    ARRANGEMENT_TYPE_TEXTS,
    CASE_STATUS_TEXTS,
    CASE_TYPE_TEXTS,
    text_of,
)
from ui.widgets import Chip

CONTEXT = "AlertStrip"
# How a contact happened (a note's channel), worded apart from the "Phone" of a phone number.
CONTACT_CHANNEL_TEXTS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("AlertStrip", "By phone"),
    "chat": QT_TRANSLATE_NOOP("AlertStrip", "By chat"),
    "email": QT_TRANSLATE_NOOP("AlertStrip", "By email"),
    "branch": QT_TRANSLATE_NOOP("AlertStrip", "At a branch"),
}


def channel_text(channel: str) -> str:
    if channel in CONTACT_CHANNEL_TEXTS:
        return QCoreApplication.translate(CONTEXT, CONTACT_CHANNEL_TEXTS[channel])
    return channel


@dataclass(frozen=True)
class AlertItem:
    """One alert: its words, its tone (a `ui.widgets.tones` name) and a longer tooltip."""

    text: str
    tone: str
    detail: str
    account_id: int | None = None


def arrangement_text(arrangement: AlertArrangement) -> str:
    """"Promise to pay ¥100.00 by 2024-06-12 · Live"; "Hardship plan ¥4,000.00, 24 months · Waiting for approval"."""
    words = f"{text_of(ARRANGEMENT_TYPE_TEXTS, arrangement.type)} {format_fen(arrangement.amount_fen)}"
    if arrangement.promised_date is not None:
        words += " " + QCoreApplication.translate("AlertStrip", "by %1").replace("%1", format_date(arrangement.promised_date))
    elif arrangement.months is not None:
        words += ", " + QCoreApplication.translate("AlertStrip", "%1 months").replace("%1", str(arrangement.months))
    return f"{words} · {text_of(CASE_STATUS_TEXTS, arrangement.status)}"


def arrangement_detail(arrangement: AlertArrangement) -> str:
    return (QCoreApplication.translate("AlertStrip", "Arrangement %1, proposed by %2 on %3.")
            .replace("%1", str(arrangement.id)).replace("%2", arrangement.proposed_by_name)
            .replace("%3", format_datetime(arrangement.proposed_at)))


def case_text(case: AlertCase) -> str:
    """"Dispute ¥1,500.00 · Investigating"."""
    return f"{text_of(CASE_TYPE_TEXTS, case.type)} {format_fen(case.amount_fen)} · {text_of(CASE_STATUS_TEXTS, case.status)}"


def freeze_text(freeze: AlertFreeze) -> str:
    if freeze.fraud_report_ids:
        return QCoreApplication.translate("AlertStrip", "Frozen: fraud report %1").replace("%1", ", ".join(str(i) for i in freeze.fraud_report_ids))
    return QCoreApplication.translate("AlertStrip", "Frozen: no fraud report on file")


def last_contact_text(contact: LastContact) -> str:
    return (QCoreApplication.translate("AlertStrip", "Last contact %1 · %2").replace("%1", format_datetime(contact.at))
            .replace("%2", channel_text(contact.channel)))


def alert_items(
    alerts: CustomerAlerts,
    *,
    account_id: int | None = None,
    except_arrangement: int | None = None,
    except_case: int | None = None,
    with_last_contact: bool = True,
) -> list[AlertItem]:
    """The alerts in the order an agent must read them; only `account_id`'s when given, without
    the arrangement or case being looked at."""

    def here(of: int) -> bool:
        return account_id is None or of == account_id

    items = [AlertItem(freeze_text(f), "danger", QCoreApplication.translate("AlertStrip", "Account %1 is frozen.").replace("%1", f.account_number),
                       f.account_id) for f in alerts.freezes if here(f.account_id)]
    cases = [c for c in alerts.open_cases if here(c.account_id) and c.case_id != except_case]
    for case in sorted(cases, key=lambda c: c.type != "fraud_report"):
        tone = "danger" if case.type == "fraud_report" else "warning"
        items.append(AlertItem(case_text(case), tone, QCoreApplication.translate("AlertStrip", "Case %1, opened %2.").replace("%1", str(case.case_id))
                               .replace("%2", format_datetime(case.opened_at)), case.account_id))
    arrangements = [a for a in alerts.arrangements if here(a.account_id) and a.id != except_arrangement]
    for arrangement in sorted(arrangements, key=lambda a: a.status != "pending_approval"):
        tone = "warning" if arrangement.status == "pending_approval" else "good"
        items.append(AlertItem(arrangement_text(arrangement), tone, arrangement_detail(arrangement),
                               arrangement.account_id))
    if with_last_contact and alerts.last_contact is not None and here(alerts.last_contact.account_id):
        items.append(AlertItem(last_contact_text(alerts.last_contact), "muted",
                               QCoreApplication.translate("AlertStrip", "The newest contact note, by %1.").replace(
                                   "%1", alerts.last_contact.author_name), alerts.last_contact.account_id))
    return items


class AlertStrip(QFrame):
    """One row of chips under the header; hidden until the first answer. The chips that do not
    fit the width fold into a last "+N more" chip whose tooltip lists them, so the strip never
    widens the window nor cuts a chip in half."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertStrip")
        self.setAccessibleName(self.tr("On the account now"))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.caption = QLabel(self.tr("On the account now:"), self)
        self.caption.setProperty("role", "caption")
        self._layout.addWidget(self.caption)
        self.chips: list[Chip] = []
        self.items: list[AlertItem] = []
        self.more_chip = Chip("", "neutral", self)
        self.more_chip.setTextFormat(Qt.TextFormat.PlainText)
        self._layout.addWidget(self.more_chip)
        self._layout.addStretch(1)
        self.setVisible(False)

    def show_alerts(self, alerts: CustomerAlerts) -> None:
        self.show_items(alert_items(alerts))

    def show_items(self, items: Sequence[AlertItem]) -> None:
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        self.items = list(items)
        for item in self.items:
            self._add_chip(item.text, item.tone, item.detail)
        if not self.items:
            self._add_chip(self.tr("Nothing live or open; no contact on file"), "muted", "")
        self.setVisible(True)
        self._fit()

    def texts(self) -> list[str]:
        """What the chips on screen say, in order ("+N more" last when some are folded)."""
        shown = [chip.text() for chip in self.chips if not chip.isHidden()]
        return shown + ([self.more_chip.text()] if not self.more_chip.isHidden() else [])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Show the chips that fit the width, in order; fold the rest into "+N more"."""
        spacing = self._layout.spacing()
        room = self.width() - self.caption.sizeHint().width() - spacing
        widths = [chip.sizeHint().width() + spacing for chip in self.chips]
        shown = len(self.chips)
        if sum(widths) > room:
            more_width = self._more_text_width(len(self.chips)) + spacing
            used, shown = 0, 0
            for width in widths:
                if used + width + more_width > room:
                    break
                used += width
                shown += 1
        for index, chip in enumerate(self.chips):
            chip.setVisible(index < shown)
        folded = self.items[shown:] if self.items else []
        self.more_chip.setText(self.tr("+%1 more").replace("%1", str(len(folded))))
        self.more_chip.setToolTip("\n".join(item.text for item in folded))
        self.more_chip.setVisible(bool(folded))

    def _more_text_width(self, count: int) -> int:
        self.more_chip.setText(self.tr("+%1 more").replace("%1", str(count)))
        return self.more_chip.sizeHint().width()

    def _add_chip(self, text: str, tone: str, tooltip: str) -> None:
        chip = Chip(text, tone, self)
        chip.setTextFormat(Qt.TextFormat.PlainText)
        chip.setToolTip(tooltip)
        chip.setAccessibleName(text)
        self._layout.insertWidget(self._layout.indexOf(self.more_chip), chip)
        self.chips.append(chip)
