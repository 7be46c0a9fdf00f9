"""A fraud report's panels: the boxes the case page shows."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from console.formatting import format_datetime, format_fen
from console.fraud import FraudReport, ReportedTransaction
from ui.casework.labels import CASE_STATUS_TEXTS, CHANNEL_TEXTS, FRAUD_CATEGORY_TEXTS, text_of
from ui.casework.panels.common import DetailsBox, PanelContext, small_table
from ui.widgets.chips import account_status_text
from ui.widgets.table_model import Column

__all__ = ["fraud_boxes", "fraud_transaction_columns"]


def fraud_transaction_columns() -> tuple[Column[ReportedTransaction], ...]:
    return (
        Column(QT_TRANSLATE_NOOP("CasePage", "Posted"), lambda t: t.posted_at, kind="datetime"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Merchant"), lambda t: t.merchant or t.description),
        Column(QT_TRANSLATE_NOOP("CasePage", "Amount"), lambda t: t.amount_fen, kind="money"),
        Column(
            QT_TRANSLATE_NOOP("CasePage", "Written off"),
            lambda t: QCoreApplication.translate("CasePage", "Yes") if t.write_off_transaction_id else QCoreApplication.translate("CasePage", "No"),
        ),
    )


def fraud_boxes(subject: FraudReport, ctx: PanelContext) -> list[QGroupBox]:
    """The case page's boxes of a fraud report: the report, its deadlines, its transactions."""
    report = DetailsBox(QCoreApplication.translate("CasePage", "Fraud report %1").replace("%1", str(subject.id)), ctx.details)
    report.row("category", QCoreApplication.translate("CasePage", "Category"), text_of(FRAUD_CATEGORY_TEXTS, subject.category))
    if subject.holds_freeze:
        freeze = QCoreApplication.translate("CasePage", "Account frozen by this report")
    elif subject.freeze_requested:
        freeze = QCoreApplication.translate("CasePage", "Frozen while the report was open; now %1").replace(
            "%1", account_status_text(subject.account_status).lower()
        )
    else:
        freeze = QCoreApplication.translate("CasePage", "Not frozen: %1").replace("%1", subject.no_freeze_reason or "—")
    report.row("freeze", QCoreApplication.translate("CasePage", "Freeze"), freeze)
    report.row("account_status", QCoreApplication.translate("CasePage", "Account"), account_status_text(subject.account_status))
    report.row("police_report", QCoreApplication.translate("CasePage", "Police report no."), subject.police_report_number or "—")
    report.row("channel", QCoreApplication.translate("CasePage", "Raised by"), text_of(CHANNEL_TEXTS, subject.channel))
    report.row("reported", QCoreApplication.translate("CasePage", "Reported"), format_fen(subject.reported_fen))
    report.row("written_off", QCoreApplication.translate("CasePage", "Written off"), format_fen(subject.written_off_fen))
    report.row("description", QCoreApplication.translate("CasePage", "What the customer says"), subject.description)
    deadlines = DetailsBox(QCoreApplication.translate("CasePage", "Deadlines and decision"), ctx.details)
    deadlines.row("filed", QCoreApplication.translate("CasePage", "Filed"), QCoreApplication.translate("CasePage", "%1 by %2").replace("%1", format_datetime(subject.filed_at))
                  .replace("%2", ctx.person(subject.filed_by, action="opened")))
    reviewed = subject.reviewed_at
    review_due = format_datetime(subject.first_review_due_at)
    deadlines.row("first_review", QCoreApplication.translate("CasePage", "First review by"),
                  QCoreApplication.translate("CasePage", "%1 (reviewed %2)").replace("%1", review_due).replace("%2", format_datetime(reviewed))
                  if reviewed else review_due)
    deadlines.row("decision_due", QCoreApplication.translate("CasePage", "Decide by"), format_datetime(subject.decision_due_at))
    if subject.decided_at:
        deadlines.row(
            "decided",
            QCoreApplication.translate("CasePage", "Decided"),
            QCoreApplication.translate("CasePage", "%1: %2 by %3").replace("%1", format_datetime(subject.decided_at))
            .replace("%2", text_of(CASE_STATUS_TEXTS, subject.outcome))
            .replace("%3", ctx.person(subject.decided_by)),
        )
    boxes: list[QGroupBox] = [report, deadlines]
    transactions = list(subject.transactions)
    linked = QGroupBox(QCoreApplication.translate("CasePage", "Linked transactions (%1)").replace("%1", str(len(transactions))))
    linked.setProperty("wide", True)
    linked_layout = QVBoxLayout(linked)
    if transactions:
        view = small_table(fraud_transaction_columns(), transactions)
        ctx.tables["transactions"] = view
        linked_layout.addWidget(view)
    else:
        none = QLabel(QCoreApplication.translate("CasePage", "No transactions were reported."))
        none.setProperty("role", "secondary")
        linked_layout.addWidget(none)
    boxes.append(linked)
    return boxes
