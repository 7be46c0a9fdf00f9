"""The approvals inbox's words: what waits, in a few words, and what changed between two reads."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.arrangements import Arrangement, ArrangementTerms
from console.disputes import Dispute
from console.formatting import format_fen
from ui import wording
from ui.casework.labels import (
    ARRANGEMENT_TYPE_TEXTS,
    CASE_STATUS_TEXTS,
    CASE_TYPE_TEXTS,
    OUTCOME_TEXTS,
    text_of,
)
from ui.supervisor.inbox_items import InboxItem

__all__ = ["describe_changes", "what_text", "what_tooltip"]

CONTEXT = "Approvals"


def _tr(text: str) -> str:
    return str(QCoreApplication.translate(CONTEXT, text))

def what_text(item: InboxItem) -> str:
    """What waits, in a few words: "Hardship plan · 24 months", "Dispute · Won (full refund)"."""
    subject = item.subject
    if isinstance(subject, Arrangement):
        words = text_of(ARRANGEMENT_TYPE_TEXTS, subject.type)
        detail = _terms_short(subject.type, subject.typed_terms)
        return f"{words} · {detail}" if detail else words
    proposal = subject.proposal if isinstance(subject, Dispute) else None
    outcome = text_of(OUTCOME_TEXTS, proposal.outcome) if proposal is not None else ""
    if not outcome:
        return text_of(CASE_TYPE_TEXTS, "dispute")
    # As an arrangement's "Hardship plan · 18 months": the proposed outcome after the type.
    return QCoreApplication.translate("Approvals", "Dispute · %1").replace("%1", outcome)

def what_tooltip(item: InboxItem) -> str:
    """The case's summary, and for a dispute the merchant (kept out of the column: at 1280 px
    it cut the outcome)."""
    summary = wording.case_summary(item.case)
    subject = item.subject
    merchant = (subject.transaction.merchant or "") if isinstance(subject, Dispute) else ""
    return f"{summary} · {merchant}" if merchant and merchant not in summary else summary

def _terms_short(kind: str, terms: ArrangementTerms) -> str:
    if kind == "hardship_plan" and terms.months is not None:
        return QCoreApplication.translate("Approvals", "%1 months").replace("%1", str(terms.months))
    if kind == "due_date_extension" and terms.days is not None:
        return QCoreApplication.translate("Approvals", "%1 days").replace("%1", str(terms.days))
    if kind == "bill_installment" and terms.terms is not None:
        return QCoreApplication.translate("Approvals", "%1 installments").replace("%1", str(terms.terms))
    if kind in ("fee_waiver", "promise_to_pay") and terms.amount_fen is not None:
        return format_fen(terms.amount_fen)
    return ""

def describe_changes(old: InboxItem, fresh: InboxItem) -> str:
    """What changed between two reads of an item, in words ("now Resolved", "the proposal changed")."""
    parts: list[str] = []
    if old.subject.status != fresh.subject.status:
        parts.append(QCoreApplication.translate("Approvals", "it is now %1").replace("%1", text_of(CASE_STATUS_TEXTS, fresh.subject.status)))
    if old.amount_fen != fresh.amount_fen:
        parts.append(
            QCoreApplication.translate("Approvals", "the amount is now %1 (was %2)")
            .replace("%1", format_fen(fresh.amount_fen))
            .replace("%2", format_fen(old.amount_fen))
        )
    if old.proposer_id != fresh.proposer_id:
        parts.append(QCoreApplication.translate("Approvals", "it was proposed again by %1").replace("%1", fresh.proposer_name or "?"))
    if old.case.assignee_id != fresh.case.assignee_id:
        parts.append(QCoreApplication.translate("Approvals", "it is now assigned to %1").replace("%1", fresh.case.assignee_name or QCoreApplication.translate("Approvals", "nobody")))
    if not parts:
        parts.append(QCoreApplication.translate("Approvals", "it was updated by someone else"))
    return "; ".join(parts) + "."
