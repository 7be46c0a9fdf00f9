"""Per-subject panels shared by the case page and the approvals inbox (DESIGN.md §5).

A case's subject is a dispute, a fraud report or an arrangement (`console.cases.Subject`); each
has its module here with what the screens show of it: the case page's titled boxes and tables
(`subject_boxes`), the one line under the page's title (`subject_subtitle`), and the rows and
rich text of the approvals inbox (`dispute_rows`, `arrangement_rows`, `schedule_html`,
`reasons_html`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox

from console.cases import Subject
from console.disputes import Dispute
from console.formatting import format_fen
from console.fraud import FraudReport
from ui.casework.labels import ARRANGEMENT_TYPE_TEXTS, DISPUTE_REASON_TEXTS, FRAUD_CATEGORY_TEXTS, text_of
from ui.casework.panels.arrangement import (
    arrangement_boxes,
    arrangement_rows,
    reasons_html,
    schedule_html,
    terms_text,
)
from ui.casework.panels.common import DetailsBox, PageTableModel, PanelContext, small_table
from ui.casework.panels.dispute import dispute_boxes, dispute_rows
from ui.casework.panels.fraud import fraud_boxes
from ui.wording import transaction_description

__all__ = [
    "DetailsBox",
    "PageTableModel",
    "PanelContext",
    "arrangement_rows",
    "dispute_rows",
    "reasons_html",
    "schedule_html",
    "small_table",
    "subject_boxes",
    "subject_subtitle",
]


def subject_boxes(subject: Subject, ctx: PanelContext) -> list[QGroupBox]:
    """The case page's boxes of `subject`; a box with the property `wide` takes a whole row."""
    if isinstance(subject, Dispute):
        return dispute_boxes(subject, ctx)
    if isinstance(subject, FraudReport):
        return fraud_boxes(subject, ctx)
    return arrangement_boxes(subject, ctx)


def subject_subtitle(subject: Subject) -> str:
    """One line under the title: what the case is about, in words."""
    if isinstance(subject, Dispute):
        transaction = subject.transaction
        merchant = transaction.merchant or transaction_description(transaction)
        amount = QCoreApplication.translate("CasePage", "%1 disputed of %2").replace("%1", format_fen(subject.disputed_amount_fen)).replace(
            "%2", format_fen(transaction.amount_fen)
        )
        parts = [text_of(DISPUTE_REASON_TEXTS, subject.reason), merchant, amount]
    elif isinstance(subject, FraudReport):
        count = len(subject.transactions)
        parts = [
            text_of(FRAUD_CATEGORY_TEXTS, subject.category),
            QCoreApplication.translate("CasePage", "%1 transaction(s), %2 reported").replace("%1", str(count)).replace(
                "%2", format_fen(subject.reported_fen)
            ),
        ]
    else:
        parts = [
            text_of(ARRANGEMENT_TYPE_TEXTS, subject.type),
            terms_text(subject.type, subject.typed_terms, subject.typed_effects),
        ]
    return " · ".join(part for part in parts if part)
