"""The case page's words (DESIGN.md §5): what a timeline entry did and changed, who did it, and
the sentence a 412 shows (what changed while the page was open, by whom and when).

Plain functions over the typed casework (`console.cases`, `console.disputes`, …), translated in
the case page's context ("CasePage"); the page (`ui.cases.case_page`) and the subject panels
(`ui.casework.panels`) use them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.cases import CaseDetail, CaseEvent, Subject
from console.disputes import Dispute
from console.formatting import format_datetime, format_fen, to_business_time
from console.fraud import FraudReport
from console.models import parse_datetime
from ui.casework.labels import (
    ACTION_TEXTS,
    CASE_STATUS_TEXTS,
    OUTCOME_TEXTS,
    PRIORITY_TEXTS,
    QUEUE_TEXTS,
    text_of,
)
from ui.roles import role_text

__all__ = [
    "MONEY_EVENT_TEXTS",
    "actor_text",
    "describe_changes",
    "event_text",
    "field_value_text",
    "page_text",
    "people_of",
    "timeline_change_text",
]

CONTEXT = "CasePage"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# What happened, as the timeline says it (past tense); an action not listed falls back to the
# button's words, then to the code made readable.
EVENT_TEXTS: dict[str, str] = {
    "opened": QT_TRANSLATE_NOOP("CasePage", "Opened"),
    "assigned": QT_TRANSLATE_NOOP("CasePage", "Assigned"),
    "unassigned": QT_TRANSLATE_NOOP("CasePage", "Unassigned"),
    "taken": QT_TRANSLATE_NOOP("CasePage", "Taken"),
    "approved": QT_TRANSLATE_NOOP("CasePage", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("CasePage", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("CasePage", "Cancelled"),
    "acknowledge": QT_TRANSLATE_NOOP("CasePage", "Acknowledged"),
    "request_customer_info": QT_TRANSLATE_NOOP("CasePage", "Asked the customer for information"),
    "customer_responded": QT_TRANSLATE_NOOP("CasePage", "Customer responded"),
    "send_to_merchant": QT_TRANSLATE_NOOP("CasePage", "Sent to the merchant"),
    "merchant_responded": QT_TRANSLATE_NOOP("CasePage", "Merchant responded"),
    "grant_provisional_credit": QT_TRANSLATE_NOOP("CasePage", "Provisional credit granted"),
    "reverse_provisional_credit": QT_TRANSLATE_NOOP("CasePage", "Provisional credit reversed"),
    "extend": QT_TRANSLATE_NOOP("CasePage", "Deadline extended"),
    "propose_outcome": QT_TRANSLATE_NOOP("CasePage", "Outcome decided"),
    "approve_outcome": QT_TRANSLATE_NOOP("CasePage", "Outcome approved"),
    "reject_outcome": QT_TRANSLATE_NOOP("CasePage", "Outcome rejected"),
    "withdraw": QT_TRANSLATE_NOOP("CasePage", "Withdrawn by the customer"),
    "start_review": QT_TRANSLATE_NOOP("CasePage", "Review started"),
    "confirm": QT_TRANSLATE_NOOP("CasePage", "Fraud confirmed"),
    "not_fraud": QT_TRANSLATE_NOOP("CasePage", "Found not fraud"),
    "close": QT_TRANSLATE_NOOP("CasePage", "Closed"),
}

# The case fields a timeline entry shows before → after.
FIELD_TEXTS: dict[str, str] = {
    "status": QT_TRANSLATE_NOOP("CasePage", "status"),
    "queue": QT_TRANSLATE_NOOP("CasePage", "queue"),
    "priority": QT_TRANSLATE_NOOP("CasePage", "priority"),
    "assignee_id": QT_TRANSLATE_NOOP("CasePage", "assigned to"),
    "due_at": QT_TRANSLATE_NOOP("CasePage", "due"),
    "paused_since": QT_TRANSLATE_NOOP("CasePage", "paused since"),
    "closed_at": QT_TRANSLATE_NOOP("CasePage", "closed"),
    "amount_fen": QT_TRANSLATE_NOOP("CasePage", "amount"),
}

FIELD_ORDER = tuple(FIELD_TEXTS)

MONEY_EVENT_TEXTS: dict[str, str] = {
    "provisional_credit_granted": QT_TRANSLATE_NOOP("CasePage", "Provisional credit granted"),
    "provisional_credit_reversed": QT_TRANSLATE_NOOP("CasePage", "Provisional credit reversed"),
    "refund_credited": QT_TRANSLATE_NOOP("CasePage", "Refund credited"),
    "written_off": QT_TRANSLATE_NOOP("CasePage", "Written off"),
}


def page_text(table: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    return _t(table[code]) if code in table else code.replace("_", " ")

def event_text(action: str) -> str:
    """What a timeline entry did, in words."""
    if action in EVENT_TEXTS:
        return _t(EVENT_TEXTS[action])
    return text_of(ACTION_TEXTS, action)

def actor_text(event: CaseEvent) -> str:
    """"Li Na · Dispute handler"; the end-of-day run is "System"."""
    if event.actor_role == "system" or event.actor_id is None:
        return QCoreApplication.translate("CasePage", "System")
    return f"{event.actor_name} · {role_text(event.actor_role)}"

def _when(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    try:
        return parse_datetime(str(value))
    except ValueError:
        return None

def _number(value: int | None) -> str:
    return "" if value is None else str(value)

def _day(value: date | None) -> str:
    """A date as the server writes it (ISO), "" when there is none."""
    return "" if value is None else value.isoformat()

def field_value_text(name: str, value: Any, names: dict[int, str]) -> str:
    """A case field's value in words: statuses and queues by name, money in yuan, times local."""
    if value is None or value == "":
        return "—"
    if name == "status":
        return text_of(CASE_STATUS_TEXTS, str(value))
    if name == "queue":
        return text_of(QUEUE_TEXTS, str(value))
    if name == "priority":
        return text_of(PRIORITY_TEXTS, str(value))
    if name == "assignee_id":
        return names.get(int(value)) or QCoreApplication.translate("CasePage", "user %1").replace("%1", str(value))
    if name == "amount_fen":
        return format_fen(int(value))
    moment = _when(value)
    return format_datetime(moment) if moment is not None else str(value)

def newest_first(events: list[CaseEvent] | tuple[CaseEvent, ...]) -> list[CaseEvent]:
    """The timeline newest first by when each step happened (the order of recording breaks a tie):
    a step recorded late (an assignment written after the acknowledgement) is not put first."""
    return sorted(events, key=lambda event: (event.at, event.id), reverse=True)


def timeline_change_text(event: CaseEvent, names: dict[int, str]) -> str:
    """"status: Investigating → Waiting for customer; due: … → …" (what an entry changed).
    A case's opening entry says where it started (status and queue), not every field."""
    if event.action == "opened":
        return "; ".join(
            f"{_t(FIELD_TEXTS[change.name])}: {field_value_text(change.name, change.after, names)}"
            for change in event.changed_fields(("status", "queue"), set_only=True)
        )
    parts: list[str] = []
    for change in event.changed_fields(FIELD_ORDER):
        old = field_value_text(change.name, change.before, names)
        new = field_value_text(change.name, change.after, names)
        parts.append(f"{_t(FIELD_TEXTS[change.name])}: {old} → {new}")
    return "; ".join(parts)

def people_of(case: CaseDetail) -> dict[int, str]:
    """The names this page knows by user id: whoever acted on the case, and its assignee."""
    names = {event.actor_id: event.actor_name for event in case.timeline if event.actor_id is not None}
    if case.assignee_id is not None and case.assignee_name:
        names[case.assignee_id] = case.assignee_name
    return names


# -- what changed (412) ------------------------------------------------------------------------


def _subject_amounts(subject: Subject) -> list[tuple[str, int | None]]:
    if isinstance(subject, Dispute):
        return [
            (QCoreApplication.translate("CasePage", "disputed amount"), subject.disputed_amount_fen),
            (QCoreApplication.translate("CasePage", "provisional credit"), subject.provisional_credit_fen),
            (QCoreApplication.translate("CasePage", "awarded"), subject.awarded_fen),
        ]
    if isinstance(subject, FraudReport):
        return [(QCoreApplication.translate("CasePage", "reported"), subject.reported_fen), (QCoreApplication.translate("CasePage", "written off"), subject.written_off_fen)]
    return [(QCoreApplication.translate("CasePage", "total"), subject.cost.total_fen), (QCoreApplication.translate("CasePage", "waived"), subject.cost.waived_fen)]

def _proposal_words(subject: Subject) -> str:
    proposal = subject.proposal if isinstance(subject, Dispute) else None
    if proposal is None:
        return "—"
    return f"{text_of(OUTCOME_TEXTS, proposal.outcome)} {format_fen(proposal.amount_fen)}"

def describe_changes(
    old_case: CaseDetail, old_subject: Subject | None, new_case: CaseDetail, new_subject: Subject | None
) -> str:
    """The sentence a 412 shows: what is different now (status, assignee, due, amounts, proposal,
    version) and who made the newest changes when, e.g. "This case changed while you had it open:
    status Investigating → Waiting for customer (Handler One, 14:02). Your action was not applied.
    Check and try again." """
    names = {**people_of(old_case), **people_of(new_case)}
    changes: list[str] = []
    old_status = old_subject.status if old_subject is not None and old_subject.status else old_case.status
    new_status = new_subject.status if new_subject is not None and new_subject.status else new_case.status
    if old_status != new_status:
        changes.append(
            QCoreApplication.translate("CasePage", "status %1 → %2")
            .replace("%1", text_of(CASE_STATUS_TEXTS, old_status))
            .replace("%2", text_of(CASE_STATUS_TEXTS, new_status))
        )
    if old_case.assignee_id != new_case.assignee_id:
        changes.append(
            QCoreApplication.translate("CasePage", "assigned to %1 → %2")
            .replace("%1", field_value_text("assignee_id", old_case.assignee_id, names))
            .replace("%2", field_value_text("assignee_id", new_case.assignee_id, names))
        )
    if old_case.due_at != new_case.due_at:
        changes.append(
            QCoreApplication.translate("CasePage", "due %1 → %2")
            .replace("%1", format_datetime(old_case.due_at) or "—")
            .replace("%2", format_datetime(new_case.due_at) or "—")
        )
    if old_subject is not None and new_subject is not None and type(old_subject) is type(new_subject):
        old_amounts = _subject_amounts(old_subject)
        new_amounts = _subject_amounts(new_subject)
        for (label, old), (_label, new) in zip(old_amounts, new_amounts, strict=True):
            if old != new:
                changes.append(
                    f"{label} {format_fen(int(old)) if old is not None else '—'} → "
                    f"{format_fen(int(new)) if new is not None else '—'}"
                )
        if (isinstance(old_subject, Dispute) and isinstance(new_subject, Dispute)
                and old_subject.proposal != new_subject.proposal):
            changes.append(
                QCoreApplication.translate("CasePage", "proposed outcome %1 → %2")
                .replace("%1", _proposal_words(old_subject))
                .replace("%2", _proposal_words(new_subject))
            )
    old_version = old_subject.version if old_subject is not None else None
    new_version = new_subject.version if new_subject is not None else None
    if not changes:
        if old_version != new_version and old_version is not None and new_version is not None:
            changes.append(QCoreApplication.translate("CasePage", "it was updated (version %1 → %2)").replace("%1", str(old_version)).replace("%2", str(new_version)))
        elif old_case.version != new_case.version:
            changes.append(
                QCoreApplication.translate("CasePage", "it was updated (version %1 → %2)")
                .replace("%1", str(old_case.version))
                .replace("%2", str(new_case.version))
            )
    seen = max((event.id for event in old_case.timeline), default=0)
    newer = [event for event in new_case.timeline if event.id > seen]
    by_whom = ""
    if newer:
        people: list[str] = []
        for event in newer:
            person = QCoreApplication.translate("CasePage", "System") if event.actor_id is None else event.actor_name
            if person not in people:
                people.append(person)
        latest = max(newer, key=lambda event: (event.at, event.id))
        by_whom = QCoreApplication.translate("CasePage", " (%1, %2)").replace("%1", ", ".join(people)).replace(
            "%2", to_business_time(latest.at).strftime("%H:%M")
        )
    what = "; ".join(changes) if changes else QCoreApplication.translate("CasePage", "someone else changed it")
    return (
        QCoreApplication.translate("CasePage", "This case changed while you had it open: %1%2. Your action was not applied. Check and try again.")
        .replace("%1", what)
        .replace("%2", by_whom)
    )
