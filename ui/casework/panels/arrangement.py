"""An arrangement's panels: the boxes the case page shows and the rows and rich text the approvals
inbox shows."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from console.arrangements import Arrangement, ArrangementTerms, QuoteEffects, QuotePeriod
from console.formatting import format_date, format_datetime, format_fen
from ui import wording
from ui.cases.case_words import _day, _number
from ui.casework.labels import ARRANGEMENT_TYPE_TEXTS, CASE_STATUS_TEXTS, text_of
from ui.casework.panels.common import DetailsBox, PanelContext, small_table
from ui.widgets.table_model import Column
from ui.wording import approval_reason

__all__ = ["arrangement_boxes", "arrangement_rows", "reasons_html", "schedule_columns", "schedule_html", "terms_text"]

SCHEDULE_ROWS_SHOWN = 3  # the approvals inbox shows the first payments; the rest is summed up


def schedule_columns() -> tuple[Column[QuotePeriod], ...]:
    return (
        Column(QT_TRANSLATE_NOOP("CasePage", "Period"), lambda p: p.period, kind="int"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Due date"), lambda p: p.due_date, kind="date"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Principal"), lambda p: p.principal_fen, kind="money"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Fee"), lambda p: p.fee_fen, kind="money"),
        Column(QT_TRANSLATE_NOOP("CasePage", "Total"), lambda p: p.total_fen, kind="money"),
    )


def terms_text(kind: str, terms: ArrangementTerms, effects: QuoteEffects) -> str:
    """An arrangement's terms in a few words, as the case page says them."""
    if kind == "bill_installment":
        return QCoreApplication.translate("CasePage", "%1 monthly installments").replace("%1", _number(terms.terms))
    if kind == "due_date_extension":
        text = QCoreApplication.translate("CasePage", "Due date moved by %1 days").replace("%1", _number(terms.days))
        if effects.new_due_date:
            text += QCoreApplication.translate("CasePage", " (%1 → %2)").replace("%1", _day(effects.current_due_date)).replace(
                "%2", _day(effects.new_due_date)
            )
        return text
    if kind == "hardship_plan":
        text = QCoreApplication.translate("CasePage", "%1 monthly payments, no fee").replace("%1", _number(terms.months))
        waiver = terms.penalty_waiver_fen or 0
        if waiver:
            text += QCoreApplication.translate("CasePage", "; penalty interest waived: %1").replace("%1", format_fen(waiver))
        return text
    if kind == "fee_waiver":
        return QCoreApplication.translate("CasePage", "%1 of %2 waived: %3").replace("%1", format_fen(terms.amount_fen or 0)).replace(
            "%2", wording.component_text(terms.component, in_sentence=True)
        ).replace("%3", terms.reason or "")
    if kind == "promise_to_pay":
        return QCoreApplication.translate("CasePage", "%1 promised by %2").replace("%1", format_fen(terms.amount_fen or 0)).replace(
            "%2", _day(terms.promised_date)
        )
    return ""


def arrangement_boxes(subject: Arrangement, ctx: PanelContext) -> list[QGroupBox]:
    """The case page's boxes of an arrangement: its terms and cost, its approval, its schedule."""
    kind = subject.type
    arrangement = DetailsBox(
        QCoreApplication.translate("CasePage", "%1 (arrangement %2)").replace("%1", text_of(ARRANGEMENT_TYPE_TEXTS, kind)).replace(
            "%2", str(subject.id)
        ),
        ctx.details,
    )
    arrangement.row("type", QCoreApplication.translate("CasePage", "Type"), text_of(ARRANGEMENT_TYPE_TEXTS, kind))
    arrangement.row("terms", QCoreApplication.translate("CasePage", "Terms"), terms_text(kind, subject.typed_terms,
                                                         subject.typed_effects))
    cost = subject.cost
    arrangement.row("principal", QCoreApplication.translate("CasePage", "Principal"), format_fen(cost.principal_fen))
    arrangement.row("fee", QCoreApplication.translate("CasePage", "Fee"), format_fen(cost.fee_fen))
    arrangement.row("waived", QCoreApplication.translate("CasePage", "Waived"), format_fen(cost.waived_fen))
    arrangement.row("total", QCoreApplication.translate("CasePage", "Schedule total"), format_fen(cost.total_fen))
    arrangement.row(
        "proposed",
        QCoreApplication.translate("CasePage", "Proposed"),
        QCoreApplication.translate("CasePage", "%1 by %2").replace("%1", format_datetime(subject.proposed_at)).replace(
            "%2", subject.proposed_by_name or ctx.person(subject.proposed_by)
        ),
    )
    if subject.note:
        arrangement.row("note", QCoreApplication.translate("CasePage", "Proposer's note"), subject.note)
    approval = DetailsBox(QCoreApplication.translate("CasePage", "Approval"), ctx.details)
    reasons = [approval_reason(reason) for reason in subject.approval_reasons]
    if subject.needs_approval:
        approval.row(
            "approval_reasons",
            QCoreApplication.translate("CasePage", "Needs a supervisor because"),
            "\n".join(f"• {reason}" for reason in reasons) if reasons else QCoreApplication.translate("CasePage", "It is over an agent's limit."),
        )
    else:
        approval.row("approval_reasons", QCoreApplication.translate("CasePage", "Needs a supervisor because"), QCoreApplication.translate("CasePage", "It does not: within an agent's limits."))
    if subject.decided_at:
        approval.row(
            "decided",
            QCoreApplication.translate("CasePage", "Decided"),
            QCoreApplication.translate("CasePage", "%1: %2 by %3").replace("%1", format_datetime(subject.decided_at))
            .replace("%2", text_of(CASE_STATUS_TEXTS, subject.status))
            .replace("%3", subject.decided_by_name or "—"),
        )
        if subject.decision_comment:
            approval.row("decision_comment", QCoreApplication.translate("CasePage", "Comment"), subject.decision_comment)
    if subject.activated_at:
        approval.row("activated", QCoreApplication.translate("CasePage", "Live since"), format_datetime(subject.activated_at))
    boxes: list[QGroupBox] = [arrangement, approval]
    schedule = list(subject.schedule)
    if schedule:
        box = QGroupBox(QCoreApplication.translate("CasePage", "Schedule (%1 payments)").replace("%1", str(len(schedule))))
        # Under the approval box, beside the terms (the case page): in sight at 1280×800.
        box.setProperty("beside", True)
        box_layout = QVBoxLayout(box)
        view = small_table(schedule_columns(), schedule, max_rows=12)
        ctx.tables["schedule"] = view
        box_layout.addWidget(view)
        boxes.append(box)
    return boxes


def arrangement_rows(arrangement: Arrangement) -> list[tuple[str, str]]:
    """The approvals inbox's rows of an arrangement: its type, terms, cost and the agent's note."""
    kind = arrangement.type
    cost = arrangement.cost
    rows = [(QCoreApplication.translate("ApprovalsView", "Arrangement"), text_of(ARRANGEMENT_TYPE_TEXTS, kind))]
    rows.extend(inbox_terms_rows(kind, arrangement.typed_terms))
    rows.append((QCoreApplication.translate("ApprovalsView", "Amount covered"), format_fen(cost.principal_fen)))
    if cost.fee_fen:
        rows.append((QCoreApplication.translate("ApprovalsView", "Fee"), format_fen(cost.fee_fen)))
    if cost.waived_fen:
        rows.append((QCoreApplication.translate("ApprovalsView", "Waived"), format_fen(cost.waived_fen)))
    rows.append((QCoreApplication.translate("ApprovalsView", "Schedule total"), format_fen(cost.total_fen)))
    if arrangement.note:
        rows.append((QCoreApplication.translate("ApprovalsView", "Agent's note"), arrangement.note))
    return rows


def inbox_terms_rows(kind: str, terms: ArrangementTerms) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if kind == "hardship_plan":
        rows.append((QCoreApplication.translate("ApprovalsView", "Monthly payments"), "" if terms.months is None else str(terms.months)))
        if terms.penalty_waiver_fen:
            rows.append((QCoreApplication.translate("ApprovalsView", "Penalty interest waived"), format_fen(terms.penalty_waiver_fen)))
    elif kind == "due_date_extension":
        rows.append((QCoreApplication.translate("ApprovalsView", "Due date moved by"), wording.Counts().days(terms.days or 0)))
    elif kind == "bill_installment":
        rows.append((QCoreApplication.translate("ApprovalsView", "Installments"), "" if terms.terms is None else str(terms.terms)))
    elif kind == "fee_waiver":
        rows.append((QCoreApplication.translate("ApprovalsView", "Waiver"), format_fen(terms.amount_fen or 0)))
        if terms.reason:
            rows.append((QCoreApplication.translate("ApprovalsView", "Reason"), terms.reason))
    elif kind == "promise_to_pay":
        rows.append((QCoreApplication.translate("ApprovalsView", "Promised"), format_fen(terms.amount_fen or 0)))
        if terms.promised_date is not None:
            rows.append((QCoreApplication.translate("ApprovalsView", "Pay by"), format_date(terms.promised_date)))
    return rows


def schedule_html(arrangement: Arrangement) -> str:
    """The first payments of the schedule and what it adds up to, as escaped rich text."""
    schedule = arrangement.schedule
    if not schedule:
        return ""
    first, last = schedule[0], schedule[-1]
    summary = (
        wording.Counts().payments(len(schedule))
        .replace("%1", format_date(first.due_date))
        .replace("%2", format_date(last.due_date))
        .replace("%3", format_fen(sum(p.total_fen for p in schedule)))
    )
    shown = schedule[:SCHEDULE_ROWS_SHOWN]
    cells = "".join(
        f"<tr><td style='padding:1px 12px 1px 0'>{p.period}</td>"
        f"<td style='padding:1px 12px 1px 0'>{html.escape(format_date(p.due_date))}</td>"
        f"<td align='right'>{html.escape(format_fen(p.total_fen))}</td></tr>"
        for p in shown
    )
    more = ""
    hidden = len(schedule) - len(shown)
    if hidden > 0:
        more = (
            "<tr><td colspan='3' style='padding:1px 0'>"
            + html.escape(wording.Counts().more(hidden))
            + "</td></tr>"
        )
    title = QCoreApplication.translate("ApprovalsView", "Schedule")  # outside the f-string, where lupdate finds it
    return (
        f"<p style='margin-top:10px'><b>{html.escape(title)}</b><br/>{html.escape(summary)}</p>"
        f"<table cellspacing='0'>{cells}{more}</table>"
    )


def reasons_html(arrangement: Arrangement) -> str:
    """Why it needs a supervisor, as escaped rich text."""
    reasons = arrangement.approval_reasons
    if not reasons:
        return ""
    points = "".join(f"<li>{html.escape(approval_reason(r) or r.code)}</li>" for r in reasons)
    title = QCoreApplication.translate("ApprovalsView", "Why it needs a supervisor")
    return (
        f"<p style='margin-top:10px'><b>{html.escape(title)}</b></p>"
        f"<ul style='margin-top:0'>{points}</ul>"
    )
