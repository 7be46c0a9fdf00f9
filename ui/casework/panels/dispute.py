"""A dispute's panels: the boxes the case page shows and the rows the approvals inbox shows."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from console.disputes import Dispute, DisputeMoneyEvent
from console.formatting import format_date, format_datetime, format_fen
from ui.cases.case_words import MONEY_EVENT_TEXTS, page_text
from ui.casework.labels import (
    CASE_STATUS_TEXTS,
    CHANNEL_TEXTS,
    DISPUTE_CATEGORY_TEXTS,
    DISPUTE_REASON_TEXTS,
    OUTCOME_TEXTS,
    text_of,
)
from ui.casework.panels.common import DetailsBox, PanelContext, small_table
from ui.widgets.table_model import Column
from ui.wording import transaction_description

__all__ = ["dispute_boxes", "dispute_rows", "money_event_columns"]


def money_event_columns() -> tuple[Column[DisputeMoneyEvent], ...]:
    return (
        Column(QT_TRANSLATE_NOOP("CasePage", "When"), lambda e: e.at, kind="datetime"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Event"), lambda e: page_text(MONEY_EVENT_TEXTS, e.kind)),
        Column(QT_TRANSLATE_NOOP("CasePage", "Amount"), lambda e: e.amount_fen, kind="money"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Transaction"), lambda e: e.transaction_id, kind="int"),
    )


def dispute_boxes(subject: Dispute, ctx: PanelContext) -> list[QGroupBox]:
    """The case page's boxes of a dispute: the claim, its deadlines and decision, its money."""
    boxes: list[QGroupBox] = []
    dispute = DetailsBox(QCoreApplication.translate("CasePage", "Dispute %1").replace("%1", str(subject.id)), ctx.details)
    transaction = subject.transaction
    merchant = transaction.merchant or transaction_description(transaction)
    dispute.row(
        "transaction",
        QCoreApplication.translate("CasePage", "Transaction"),
        " · ".join(part for part in (
            format_date(transaction.posted_at),
            merchant,
            format_fen(transaction.amount_fen),
        ) if part),
    )
    dispute.row(
        "category",
        QCoreApplication.translate("CasePage", "Category and reason"),
        f"{text_of(DISPUTE_CATEGORY_TEXTS, subject.category)} · {text_of(DISPUTE_REASON_TEXTS, subject.reason)}",
    )
    dispute.row("channel", QCoreApplication.translate("CasePage", "Raised by"), text_of(CHANNEL_TEXTS, subject.channel))
    dispute.row("disputed", QCoreApplication.translate("CasePage", "Disputed amount"), format_fen(subject.disputed_amount_fen))
    dispute.row(
        "provisional_credit", QCoreApplication.translate("CasePage", "Provisional credit outstanding"), format_fen(subject.provisional_credit_fen)
    )
    if subject.outcome:
        dispute.row(
            "outcome",
            QCoreApplication.translate("CasePage", "Outcome"),
            f"{text_of(OUTCOME_TEXTS, subject.outcome)} · {format_fen(subject.awarded_fen or 0)}",
        )
        if subject.resolved_by is not None:
            dispute.row(
                "resolved",
                QCoreApplication.translate("CasePage", "Resolved"),
                QCoreApplication.translate("CasePage", "%1 by %2").replace("%1", format_datetime(subject.resolved_at))
                .replace("%2", ctx.person(subject.resolved_by)),
            )
        if subject.resolution_note:
            dispute.row("resolution_note", QCoreApplication.translate("CasePage", "Resolution note"), subject.resolution_note)
    dispute.row("description", QCoreApplication.translate("CasePage", "What the customer says"), subject.description)
    boxes.append(dispute)

    sla = subject.sla
    deadlines = DetailsBox(QCoreApplication.translate("CasePage", "Deadlines"), ctx.details)
    acknowledged = sla.acknowledged_at
    ack_due = format_datetime(sla.acknowledge_due_at)
    deadlines.row(
        "acknowledge_by",
        QCoreApplication.translate("CasePage", "Acknowledge by"),
        QCoreApplication.translate("CasePage", "%1 (acknowledged %2)").replace("%1", ack_due).replace("%2", format_datetime(acknowledged))
        if acknowledged else ack_due,
    )
    deadlines.row(
        "decide_by",
        QCoreApplication.translate("CasePage", "Decide by"),
        QCoreApplication.translate("CasePage", "%1 (%2 days from filing)").replace("%1", format_datetime(sla.decide_due_at))
        .replace("%2", str(sla.decide_days)),
    )
    extended = sla.extended_days
    deadlines.row(
        "extended",
        QCoreApplication.translate("CasePage", "Extended"),
        QCoreApplication.translate("CasePage", "Yes: %1 days, %2 time(s)").replace("%1", str(extended)).replace("%2", str(sla.extension_count))
        if extended else QCoreApplication.translate("CasePage", "No"),
    )
    if sla.paused:
        deadlines.row(
            "paused",
            QCoreApplication.translate("CasePage", "Clock"),
            QCoreApplication.translate("CasePage", "Paused since %1 (waiting for the customer)").replace("%1", format_datetime(sla.paused_since)),
        )
    proposal = subject.proposal
    if proposal is not None:
        deadlines.row(
            "proposal",
            QCoreApplication.translate("CasePage", "Proposed outcome"),
            QCoreApplication.translate("CasePage", "%1, %2 — by %3 on %4").replace("%1", text_of(OUTCOME_TEXTS, proposal.outcome))
            .replace("%2", format_fen(proposal.amount_fen))
            .replace("%3", ctx.person(proposal.proposed_by, action="propose_outcome"))
            .replace("%4", format_datetime(proposal.proposed_at)),
        )
        if proposal.note:
            deadlines.row("proposal_note", QCoreApplication.translate("CasePage", "Proposal's reasons"), proposal.note)
    deadlines.setTitle(QCoreApplication.translate("CasePage", "Deadlines and decision"))
    boxes.append(deadlines)

    events = list(subject.money_events)
    if events:
        money = QGroupBox(QCoreApplication.translate("CasePage", "Money events"))
        # Under the deadlines, beside the dispute (the case page): below both, at 1280×800 with
        # the actions on two rows it was cut by the timeline.
        money.setProperty("beside", True)
        money_layout = QVBoxLayout(money)
        view = small_table(money_event_columns(), events)
        ctx.tables["money_events"] = view
        money_layout.addWidget(view)
        boxes.append(money)
    return boxes


def dispute_rows(dispute: Dispute) -> list[tuple[str, str]]:
    """The approvals inbox's rows of a dispute outcome: what is proposed, on what."""
    proposal = dispute.proposal
    transaction = dispute.transaction
    rows: list[tuple[str, str]] = []
    if proposal is not None:
        rows.append((QCoreApplication.translate("ApprovalsView", "Proposed outcome"), text_of(OUTCOME_TEXTS, proposal.outcome)))
        rows.append((QCoreApplication.translate("ApprovalsView", "Amount to the customer"), format_fen(proposal.amount_fen)))
        if proposal.note:
            rows.append((QCoreApplication.translate("ApprovalsView", "Handler's note"), proposal.note))
    rows.append((QCoreApplication.translate("ApprovalsView", "Disputed"), format_fen(dispute.disputed_amount_fen)))
    rows.append((
        QCoreApplication.translate("ApprovalsView", "Category"),
        f"{text_of(DISPUTE_CATEGORY_TEXTS, dispute.category)} · "
        f"{text_of(DISPUTE_REASON_TEXTS, dispute.reason)}",
    ))
    rows.append((
        QCoreApplication.translate("ApprovalsView", "Transaction"),
        " · ".join(
            part
            for part in (format_datetime(transaction.posted_at), transaction.merchant or "",
                         format_fen(transaction.amount_fen))
            if part
        ),
    ))
    if dispute.description:
        rows.append((QCoreApplication.translate("ApprovalsView", "Customer says"), dispute.description))
    if dispute.status:
        rows.append((QCoreApplication.translate("ApprovalsView", "Status"), text_of(CASE_STATUS_TEXTS, dispute.status)))
    return rows
