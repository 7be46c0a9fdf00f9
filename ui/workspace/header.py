"""The customer header: who is on the line, how the account stands, and what is due when."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.formatting import format_date
from console.models import AccountOverview, CustomerProfile
from ui.icons import icon
from ui.widgets import Chip, MoneyLabel
from ui.widgets.chips import account_status_text, bucket_text
from ui.widgets.restyle import restyle

BUCKET_ORDER = ("current", "M1", "M2", "M3", "M4+")
BUCKET_TONES = {"current": "good", "M1": "warning", "M2": "danger", "M3": "danger", "M4+": "danger"}
NOT_ACTIVE_TONES = {"frozen": "info", "closed": "muted", "charged_off": "danger"}

# The customer's flags (stored ones and those the server adds), in the user's words; an unknown
# flag is shown as the server names it.
FLAG_TEXTS = {
    "frozen": QT_TRANSLATE_NOOP("CustomerFlags", "Frozen"),
    "open_fraud_report": QT_TRANSLATE_NOOP("CustomerFlags", "Open fraud report"),
    "fraud_hold": QT_TRANSLATE_NOOP("CustomerFlags", "Fraud hold"),
    "collections_contacted": QT_TRANSLATE_NOOP("CustomerFlags", "Collections contacted"),
    "vulnerable_customer": QT_TRANSLATE_NOOP("CustomerFlags", "Vulnerable customer"),
}
FLAG_TONES = {"open_fraud_report": "danger", "fraud_hold": "danger", "vulnerable_customer": "warning"}


def flag_text(flag: str) -> str:
    known = FLAG_TEXTS.get(flag)
    return QCoreApplication.translate("CustomerFlags", known) if known else flag.replace("_", " ")


def primary_account(profile: CustomerProfile) -> AccountOverview | None:
    """The credit line if there is one (what most calls are about), else the first account."""
    overviews = sorted_accounts(profile)
    return overviews[0] if overviews else None


def sorted_accounts(profile: CustomerProfile) -> list[AccountOverview]:
    """The credit line first, then cash loans, each by id (oldest first)."""
    overviews = list(profile.account_overviews or ())
    return sorted(overviews, key=lambda o: (o.product != "credit_line", o.id))


def worst_bucket(profile: CustomerProfile) -> str:
    buckets = [a.delinquency_bucket for a in profile.accounts] or ["current"]
    return max(buckets, key=lambda b: BUCKET_ORDER.index(b) if b in BUCKET_ORDER else 0)


class Figure(QWidget):
    """A caption over a value: the header's and the overview's unit of information."""

    def __init__(self, caption: str, value: QLabel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.caption = QLabel(caption)
        self.caption.setProperty("role", "caption")
        self.caption.setObjectName("figureCaption")
        self.value = value if value is not None else QLabel()
        self.value.setObjectName("figureValue")  # sized by the theme's style sheet
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def text(self) -> str:
        return self.value.text()


def set_role(label: QLabel, role: str) -> None:
    """Set the style sheet's `role` property (caption, error, …) and restyle the label."""
    label.setProperty("role", role)
    restyle(label)


def money_figure(caption: str, parent: QWidget | None = None) -> tuple[Figure, MoneyLabel]:
    label = MoneyLabel()
    figure = Figure(caption, label, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return figure, label


class MaskedField(QWidget):
    """A masked value with a Reveal button; once revealed it shows the value and a Hide button."""

    reveal_requested = Signal(str)  # the API's field name

    def __init__(self, field: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._masked = ""
        self._revealed: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.caption = QLabel(caption)
        self.caption.setProperty("role", "caption")
        self.value_label = QLabel()
        self.value_label.setObjectName("maskedValue")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QToolButton()
        self.button.setObjectName("revealButton")
        self.button.setIcon(icon("eye"))
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setAutoRaise(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self._clicked)
        layout.addWidget(self.caption)
        layout.addWidget(self.value_label)
        layout.addWidget(self.button)

    def set_masked(self, masked: str) -> None:
        self._masked = masked
        self._revealed = None
        self._refresh()

    def show_revealed(self, value: str | None) -> None:
        self._revealed = value if value is not None else self.tr("(none on file)")
        self._refresh()

    @property
    def is_revealed(self) -> bool:
        return self._revealed is not None

    def text(self) -> str:
        return self.value_label.text()

    def _clicked(self) -> None:
        if self._revealed is not None:
            self._revealed = None  # hide again: the screen is shared with whoever walks by
            self._refresh()
        else:
            self.reveal_requested.emit(self.field)

    def _refresh(self) -> None:
        if self._revealed is not None:
            self.value_label.setText(self._revealed)
            self.button.setText(self.tr("Hide"))
            self.button.setToolTip(self.tr("Show the masked value again"))
        else:
            self.value_label.setText(self._masked or "—")
            self.button.setText(self.tr("Reveal"))
            self.button.setToolTip(self.tr("Show the full value; asks for a reason, which is audited"))


class CustomerHeader(QFrame):
    """Name, masked phone and ID with reveal, chips, the credit line's figures, open cases."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(8)

        top = QHBoxLayout()
        top.setSpacing(8)
        self.name_label = QLabel()
        self.name_label.setObjectName("customerName")  # sized by the theme's style sheet
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.name_label)
        self.bucket_chip = Chip()
        self.status_chip = Chip()
        self.flag_chips: list[Chip] = []
        self._chip_row = QHBoxLayout()
        self._chip_row.setSpacing(6)
        self._chip_row.addWidget(self.bucket_chip)
        self._chip_row.addWidget(self.status_chip)
        top.addLayout(self._chip_row)
        top.addStretch(1)
        self.details_label = QLabel()
        self.details_label.setProperty("role", "caption")
        top.addWidget(self.details_label)
        self.actions = QHBoxLayout()
        self.actions.setSpacing(6)
        top.addLayout(self.actions)
        outer.addLayout(top)

        identity = QHBoxLayout()
        identity.setSpacing(24)
        self.phone = MaskedField("phone", self.tr("Phone"))
        self.national_id = MaskedField("national_id", self.tr("National ID"))
        identity.addWidget(self.phone)
        identity.addWidget(self.national_id)
        identity.addStretch(1)
        outer.addLayout(identity)

        figures = QGridLayout()
        figures.setHorizontalSpacing(28)
        figures.setVerticalSpacing(2)
        self.limit_figure, self.limit_label = money_figure(self.tr("Credit limit"))
        self.used_figure, self.used_label = money_figure(self.tr("Used"))
        self.available_figure, self.available_label = money_figure(self.tr("Available"))
        self.due_date_figure = Figure(self.tr("Next due date"))
        self.due_figure, self.due_label = money_figure(self.tr("Amount due"))
        self.past_due_figure = Figure(self.tr("Days past due"))
        self.cases_figure = Figure(self.tr("Open cases"))
        for column, figure in enumerate((
            self.limit_figure, self.used_figure, self.available_figure, self.due_date_figure,
            self.due_figure, self.past_due_figure, self.cases_figure,
        )):
            figures.addWidget(figure, 0, column)
        figures.setColumnStretch(7, 1)
        outer.addLayout(figures)
        self.setVisible(False)

    def add_action(self, widget: QWidget) -> None:
        """Put a button (Refresh, …) at the right end of the name row."""
        self.actions.addWidget(widget)

    def connect_reveal(self, handler: Callable[[str], None]) -> None:
        self.phone.reveal_requested.connect(handler)
        self.national_id.reveal_requested.connect(handler)

    def set_can_reveal(self, allowed: bool) -> None:
        self.phone.button.setVisible(allowed)
        self.national_id.button.setVisible(allowed)

    def show_profile(self, profile: CustomerProfile) -> None:
        self.name_label.setText(profile.name)
        self.phone.set_masked(profile.phone_masked)
        self.national_id.set_masked(profile.national_id_masked)
        details = [part for part in (profile.city,) if part]
        self.details_label.setText(" · ".join(details))

        bucket = worst_bucket(profile)
        self.bucket_chip.set_chip(bucket_text(bucket), BUCKET_TONES.get(bucket, "neutral"))
        self.bucket_chip.setToolTip(self.tr("The most overdue of the customer's accounts"))
        # Only a status that changes what the agent may do gets a chip; "active" is the norm.
        not_active = [a.status for a in profile.accounts if a.status != "active"]
        status = not_active[0] if not_active else "active"
        self.status_chip.set_chip(account_status_text(status), NOT_ACTIVE_TONES.get(status, "good"))
        self.status_chip.setVisible(status != "active")
        for chip in self.flag_chips:
            chip.deleteLater()
        self.flag_chips = []
        for flag in profile.flags:
            if flag == "frozen" and status == "frozen":
                continue  # the status chip says it already
            chip = Chip(flag_text(flag), FLAG_TONES.get(flag, "info"))
            self._chip_row.addWidget(chip)
            self.flag_chips.append(chip)

        account = primary_account(profile)
        if account is not None:
            self.limit_label.set_fen(account.credit_limit_fen)
            self.used_label.set_fen(account.used_fen)
            self.available_label.set_fen(account.available_fen)
            self.due_date_figure.value.setText(
                format_date(account.next_due_date) if account.next_due_date else "—"
            )
            self.due_label.set_fen(account.next_due_fen)
            self.due_label.set_emphasis("danger" if account.days_past_due > 0 else "")
            self.past_due_figure.value.setText(str(account.days_past_due))
            set_role(self.past_due_figure.value, "error" if account.days_past_due else "")
        else:
            for label in (self.limit_label, self.used_label, self.available_label, self.due_label):
                label.set_fen(None)
            self.due_date_figure.value.setText("—")
            self.past_due_figure.value.setText("—")
        self.cases_figure.value.setText(str(profile.open_case_count))
        self.setVisible(True)
