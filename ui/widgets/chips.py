"""Status chips: short coloured labels for an account's status, a delinquency bucket, a bill …

The colour comes from the style sheet through two dynamic properties: ``chip="true"`` and
``tone`` (``neutral``, ``good``, ``info``, ``warning``, ``danger``, ``muted``). The tone tables
below are the one place that decides which status is which colour; the texts are translated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.widgets.restyle import restyle

TONES = ("neutral", "good", "info", "warning", "danger", "muted")

ACCOUNT_STATUS_TONES = {"active": "good", "frozen": "info", "closed": "muted", "charged_off": "danger"}
BUCKET_TONES = {"current": "good", "M1": "warning", "M2": "danger", "M3": "danger", "M4+": "danger"}
BILL_STATUS_TONES = {"open": "info", "paid": "good", "partially_paid": "warning", "overdue": "danger",
                     "carried_over": "muted"}
PLAN_STATUS_TONES = {
    "active": "info",
    "paid_off": "good",
    "completed": "good",
    "paid": "good",
    "cancelled": "muted",
    "broken": "danger",
    "overdue": "danger",
    "pending": "neutral",
    "billed": "info",
    "partially_paid": "warning",
    "not_due": "muted",
    "waived": "muted",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Chips", text)


def _lookup(texts: dict[str, str], code: str) -> str:
    text = texts.get(code)
    return _t(text) if text is not None else code.replace("_", " ").capitalize()


ACCOUNT_STATUS_TEXTS: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("Chips", "Active"),
    "frozen": QT_TRANSLATE_NOOP("Chips", "Frozen"),
    "closed": QT_TRANSLATE_NOOP("Chips", "Closed"),
    "charged_off": QT_TRANSLATE_NOOP("Chips", "Charged off"),
}


def account_status_text(status: str) -> str:
    """The account status in words (``frozen`` → "Frozen")."""
    return _lookup(ACCOUNT_STATUS_TEXTS, status)


BUCKET_TEXTS: dict[str, str] = {
    "current": QT_TRANSLATE_NOOP("Chips", "Current"),
    "M1": QT_TRANSLATE_NOOP("Chips", "M1 overdue"),
    "M2": QT_TRANSLATE_NOOP("Chips", "M2 overdue"),
    "M3": QT_TRANSLATE_NOOP("Chips", "M3 overdue"),
    "M4+": QT_TRANSLATE_NOOP("Chips", "M4+ overdue"),
}


def bucket_text(bucket: str) -> str:
    """The delinquency bucket (``current`` → "Current"; M1…M4+ stay as they are, with a hint)."""
    text = BUCKET_TEXTS.get(bucket)
    return _t(text) if text is not None else bucket


BILL_STATUS_TEXTS: dict[str, str] = {
    "open": QT_TRANSLATE_NOOP("Chips", "Open"),
    "paid": QT_TRANSLATE_NOOP("Chips", "Paid"),
    "partially_paid": QT_TRANSLATE_NOOP("Chips", "Partially paid"),
    "overdue": QT_TRANSLATE_NOOP("Chips", "Overdue"),
    # Missed, its rest went on a later bill, and the account is no longer overdue.
    "carried_over": QT_TRANSLATE_NOOP("Chips", "Carried over"),
}


def bill_status_text(status: str) -> str:
    return _lookup(BILL_STATUS_TEXTS, status)


PLAN_STATUS_TEXTS: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("Chips", "Active"),
    "paid_off": QT_TRANSLATE_NOOP("Chips", "Paid off"),
    "completed": QT_TRANSLATE_NOOP("Chips", "Completed"),
    "paid": QT_TRANSLATE_NOOP("Chips", "Paid"),
    "cancelled": QT_TRANSLATE_NOOP("Chips", "Cancelled"),
    "broken": QT_TRANSLATE_NOOP("Chips", "Broken"),
    "overdue": QT_TRANSLATE_NOOP("Chips", "Overdue"),
    "pending": QT_TRANSLATE_NOOP("Chips", "Pending"),
    "billed": QT_TRANSLATE_NOOP("Chips", "Billed"),
    "partially_paid": QT_TRANSLATE_NOOP("Chips", "Partially paid"),
    "not_due": QT_TRANSLATE_NOOP("Chips", "Not due"),
    "waived": QT_TRANSLATE_NOOP("Chips", "Waived"),
}


def plan_status_text(status: str) -> str:
    return _lookup(PLAN_STATUS_TEXTS, status)


PRODUCT_TEXTS: dict[str, str] = {
    "credit_line": QT_TRANSLATE_NOOP("Chips", "Credit line"),
    "cash_loan": QT_TRANSLATE_NOOP("Chips", "Cash loan"),
}


def product_text(product: str) -> str:
    """``credit_line`` → "Credit line", ``cash_loan`` → "Cash loan"."""
    return _lookup(PRODUCT_TEXTS, product)


class Chip(QLabel):
    """A small rounded label whose colour says how things stand.

    ``Chip(text, tone)`` or, for the usual cases, ``Chip.account_status("frozen")``,
    ``Chip.bucket("M1")``, ``Chip.bill_status("overdue")``, ``Chip.plan_status("active")``.
    ``set_chip(text, tone)`` changes it later.
    """

    def __init__(self, text: str = "", tone: str = "neutral", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("chip", True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._tone = ""
        self.set_tone(tone)

    @property
    def tone(self) -> str:
        return self._tone

    def set_chip(self, text: str, tone: str) -> None:
        self.setText(text)
        self.set_tone(tone)

    def set_tone(self, tone: str) -> None:
        tone = tone if tone in TONES else "neutral"
        if tone == self._tone:
            return
        self._tone = tone
        self.setProperty("tone", tone)
        restyle(self)

    @classmethod
    def account_status(cls, status: str, parent: QWidget | None = None) -> Chip:
        return cls(account_status_text(status), ACCOUNT_STATUS_TONES.get(status, "neutral"), parent)

    @classmethod
    def bucket(cls, bucket: str, parent: QWidget | None = None) -> Chip:
        return cls(bucket_text(bucket), BUCKET_TONES.get(bucket, "neutral"), parent)

    @classmethod
    def bill_status(cls, status: str, parent: QWidget | None = None) -> Chip:
        return cls(bill_status_text(status), BILL_STATUS_TONES.get(status, "neutral"), parent)

    @classmethod
    def plan_status(cls, status: str, parent: QWidget | None = None) -> Chip:
        return cls(plan_status_text(status), PLAN_STATUS_TONES.get(status, "neutral"), parent)
