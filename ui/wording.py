"""The server's sentences in the user's language (docs/api-wording.md).

The backend sends each of its sentences twice: in English (`description`, `summary`, an approval
reason's `message`, a problem's `detail`) and as a code with parameters (`description_code` +
`description_params`, `summary_code` + `summary_params`, a reason's `code` + `params`, a
problem's `code` + `params`). This module is the one place that turns a code and its parameters
into a sentence through `tr()`; a code it does not know (a newer server, a row written before
codes) falls back to the server's own text, so nothing is ever lost, only left untranslated.

Amounts come as fen and are formatted here; names (merchants, plans) are data and stay as sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from console.formatting import format_fen
from ui.casework.labels import (
    ACTION_TEXTS,
    ARRANGEMENT_TYPE_TEXTS,
    CASE_STATUS_TEXTS,
    DISPUTE_CATEGORY_TEXTS,
    DISPUTE_REASON_TEXTS,
    FRAUD_CATEGORY_TEXTS,
    text_of,
)

CONTEXT = "Wording"

Params = Mapping[str, Any]


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class Counts(QObject):
    """Sentences with a count (%n), in the user's language. Here because lupdate marks a message
    as a plural only for a tr() with a count: through QCoreApplication.translate the English
    read "18 payment(s)", and with a call for the count the message was not collected at all."""

    def transactions(self, n: int) -> str:
        return self.tr("%n transaction(s)", "", n)

    def days(self, n: int) -> str:
        return self.tr("%n day(s)", "", n)

    def payments(self, n: int) -> str:
        return self.tr("%n payment(s) from %1 to %2, adding up to %3.", "", n)

    def more(self, n: int) -> str:
        return self.tr("… and %n more", "", n)


def fill(template: str, *values: object) -> str:
    """`template` translated, with %1, %2, … replaced by `values` (the highest first, so %1
    never eats %10)."""
    text = tr(template)
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def _money(params: Params, key: str) -> str:
    value = params.get(key)
    return format_fen(value) if isinstance(value, int) and not isinstance(value, bool) else ""


def _text(params: Params, key: str) -> str:
    value = params.get(key)
    return "" if value is None else str(value)


def _plan_kind(code: str) -> str:
    from ui.workspace import labels as workspace_labels  # here: the workspace package imports this module

    return workspace_labels.label(workspace_labels.PLAN_KINDS, code)


# -- transactions and bill lines -------------------------------------------------------------

# A fee component (a fee waiver's, a waiver line's): the one table of their words, for the
# wizard, the case page and approvals too (`component_text`).
COMPONENT_TEXTS: dict[str, str] = {
    "penalty_interest": QT_TRANSLATE_NOOP("Wording", "Penalty interest"),
    "interest": QT_TRANSLATE_NOOP("Wording", "Interest"),
    "fees": QT_TRANSLATE_NOOP("Wording", "Fees"),
}

# A component inside a sentence ("¥50.00 of penalty interest").
COMPONENT_IN_SENTENCE: dict[str, str] = {
    "penalty_interest": QT_TRANSLATE_NOOP("Wording", "penalty interest"),
    "interest": QT_TRANSLATE_NOOP("Wording", "interest"),
    "fees": QT_TRANSLATE_NOOP("Wording", "fees"),
}



def component_text(code: str | None, *, in_sentence: bool = False) -> str:
    """A fee component in words: "Penalty interest" as a label or choice, "penalty interest"
    inside a sentence; an unknown code made readable."""
    if code is None:
        return ""
    text = (COMPONENT_IN_SENTENCE if in_sentence else COMPONENT_TEXTS).get(code)
    return tr(text) if text is not None else code.replace("_", " ")


_DISPUTE_MONEY: dict[str, str] = {
    "provisional_credit_granted": QT_TRANSLATE_NOOP("Wording", "Provisional credit for dispute %1"),
    "provisional_credit_reversed": QT_TRANSLATE_NOOP("Wording", "Provisional credit for dispute %1 reversed"),
    "refund_credited": QT_TRANSLATE_NOOP("Wording", "Refund after dispute %1"),
    "written_off": QT_TRANSLATE_NOOP("Wording", "Written off after dispute %1"),
}


def _installment_due(p: Params) -> str:
    kind = _plan_kind(_text(p, "plan_kind"))
    plan_id, plan = _text(p, "plan_id"), _text(p, "plan")
    if plan_id and plan:
        return fill(QT_TRANSLATE_NOOP("Wording", "%1 %2/%3 of plan %4 (%5)"), kind, p.get("period"), p.get("periods"),
                    plan_id, plan)
    if plan_id:
        return fill(QT_TRANSLATE_NOOP("Wording", "%1 %2/%3 of plan %4"), kind, p.get("period"), p.get("periods"),
                    plan_id)
    return fill(QT_TRANSLATE_NOOP("Wording", "%1 %2/%3"), kind, p.get("period"), p.get("periods"))


def _conversion(p: Params) -> str:
    if _text(p, "plan_kind") == "cash_loan":
        return fill(QT_TRANSLATE_NOOP("Wording", "Cash loan over %1 months"), p.get("terms"))
    if _text(p, "merchant"):
        return fill(QT_TRANSLATE_NOOP("Wording", "%1 purchase converted to %2 installments"), p["merchant"],
                    p.get("terms"))
    return fill(QT_TRANSLATE_NOOP("Wording", "Converted to %1 installments"), p.get("terms"))


def _dispute_money(p: Params) -> str | None:
    template = _DISPUTE_MONEY.get(_text(p, "event"))
    return fill(template, p.get("dispute_id")) if template is not None else None


def _waiver(p: Params) -> str | None:
    component = COMPONENT_TEXTS.get(_text(p, "component"))
    return fill(QT_TRANSLATE_NOOP("Wording", "%1 waived"), tr(component)) if component is not None else None


_DESCRIPTIONS: dict[str, Callable[[Params], str | None]] = {
    "purchase": lambda p: fill(QT_TRANSLATE_NOOP("Wording", "Purchase at %1"), p["merchant"]) if p.get("merchant") else None,
    "refund": lambda p: fill(QT_TRANSLATE_NOOP("Wording", "Refund from %1"), p["merchant"]) if p.get("merchant") else None,
    "repayment": lambda _p: tr(QT_TRANSLATE_NOOP("Wording", "Repayment, thank you")),
    "interest": lambda _p: tr(QT_TRANSLATE_NOOP("Wording", "Interest")),
    "penalty_interest": lambda _p: tr(QT_TRANSLATE_NOOP("Wording", "Penalty interest")),
    "loan_disbursement": lambda _p: tr(QT_TRANSLATE_NOOP("Wording", "Cash loan paid out")),
    "previous_balance": lambda _p: tr(QT_TRANSLATE_NOOP("Wording", "Balance of the previous bill")),
    "installment_due": _installment_due,
    "installment_conversion": _conversion,
    "bill_installment_conversion": lambda p: fill(
        QT_TRANSLATE_NOOP("Wording", "Bill converted to %1 monthly installments"), p.get("months")),
    "hardship_conversion": lambda p: fill(
        QT_TRANSLATE_NOOP("Wording", "Moved into a hardship plan of %1 months"), p.get("months")),
    "hardship_penalty_waiver": lambda _p: tr(QT_TRANSLATE_NOOP("Wording", "Penalty interest waived (hardship plan)")),
    "waiver": _waiver,
    "hardship_ended": lambda _p: tr(QT_TRANSLATE_NOOP(
        "Wording", "Hardship plan ended: what was left of it is owed on the account again")),
    "dispute_money": _dispute_money,
    "fraud_write_off": lambda p: fill(QT_TRANSLATE_NOOP("Wording", "Written off: transaction %1, fraud report %2"),
                                      p.get("transaction_id"), p.get("report_id")),
    "plan_shrunk": lambda p: fill(QT_TRANSLATE_NOOP(
        "Wording", "Plan %1 shrunk: credited principal not yet billed"), p.get("plan_id")),
    "plan_fees_reversed": lambda p: fill(QT_TRANSLATE_NOOP(
        "Wording", "Plan %1: fees billed on credited principal reversed"), p.get("plan_id")),
}


def description_text(code: str | None, params: Params, server_text: str) -> str:
    """A transaction's or bill line's description in the user's words; the server's text when
    the code is unknown or its parameters are incomplete."""
    worder = _DESCRIPTIONS.get(code or "")
    if worder is None:
        return server_text
    try:
        sentence = worder(params)
    except (KeyError, TypeError, ValueError):
        sentence = None
    return sentence if sentence else server_text


def transaction_description(transaction: Any) -> str:
    """`description_text` of a `console.models.Transaction` or `BillLine`."""
    return description_text(getattr(transaction, "description_code", None),
                            getattr(transaction, "description_params", None) or {},
                            str(getattr(transaction, "description", "") or ""))


# -- claims on a transaction (docs/rules.md, "Claims on a transaction") -----------------------

CLAIM_TEXTS: dict[str, str] = {
    "disputed": QT_TRANSLATE_NOOP("Wording", "Under dispute"),
    "provisionally_credited": QT_TRANSLATE_NOOP("Wording", "Provisionally credited"),
    "refunded": QT_TRANSLATE_NOOP("Wording", "Refunded after a dispute"),
    "written_off": QT_TRANSLATE_NOOP("Wording", "Written off"),
    "reported_as_fraud": QT_TRANSLATE_NOOP("Wording", "Reported as fraud"),
}
# The order the marker names them in: what still holds money first.
_CLAIM_ORDER = ("reported_as_fraud", "disputed", "provisionally_credited", "written_off", "refunded")


def claim_marker(transaction: Any) -> str:
    """The short mark of a transaction disputes or fraud reports touch ("" for most): the claim
    that matters most, e.g. "Disputed"."""
    kinds = {claim.kind for claim in getattr(transaction, "claims", ())}
    for kind in _CLAIM_ORDER:
        if kind in kinds:
            return tr(CLAIM_TEXTS[kind])
    return ""


def claim_tooltip(transaction: Any) -> str:
    """Every claim on the transaction, one line each: "¥400.00 disputed — dispute 7"."""
    lines = []
    for claim in getattr(transaction, "claims", ()):
        source = _source_text(claim.source_type, claim.source_id)
        what = tr(CLAIM_TEXTS.get(claim.kind, claim.kind))
        lines.append(fill(QT_TRANSLATE_NOOP("Wording", "%1: %2 — %3"), what, format_fen(claim.amount_fen), source))
    return "\n".join(lines)


# -- approval reasons --------------------------------------------------------------------------

_REASONS: dict[str, Callable[[Params], str]] = {
    "extension_days": lambda p: fill(QT_TRANSLATE_NOOP(
        "Wording", "%1 days is over the %2 days an agent may grant alone (up to %3 with a supervisor)."),
        p["days"], p["agent_max_days"], p["max_days"]),
    "hardship_months": lambda p: fill(QT_TRANSLATE_NOOP(
        "Wording", "%1 months is over the %2 months an agent may grant alone."), p["months"], p["agent_max_months"]),
    "hardship_penalty_waiver": lambda p: fill(QT_TRANSLATE_NOOP(
        "Wording", "A penalty waiver of %1 is over the %2 an agent may grant alone."),
        _money(p, "waiver_fen"), _money(p, "agent_limit_fen")),
    "fee_waiver_amount": lambda p: fill(QT_TRANSLATE_NOOP(
        "Wording", "%1 waived in %2 days (this one and %3 before) is over the %4 an agent may waive alone."),
        _money(p, "total_fen"), p["window_days"], _money(p, "before_fen"), _money(p, "agent_limit_fen")),
}


def reason_text(code: str, params: Params, server_text: str) -> str | None:
    """Why a supervisor must approve, from the reason's code and parameters; None when the code
    is unknown or its parameters are missing (the caller then has its own way: the server's
    sentence)."""
    worder = _REASONS.get(code)
    if worder is None or not params:
        return None
    try:
        return worder(params)
    except (KeyError, TypeError, ValueError):
        return None


def approval_reason(reason: Any) -> str:
    """An approval reason (`console.arrangements.ApprovalReason` or its JSON) in the user's words,
    else the server's sentence."""
    if isinstance(reason, Mapping):
        code, params, message = str(reason.get("code", "")), reason.get("params") or {}, str(reason.get("message", ""))
    else:
        code, params, message = reason.code, getattr(reason, "params", None) or {}, reason.message
    return reason_text(code, params, message) or message


# -- case summaries ------------------------------------------------------------------------------


def _dispute_summary(p: Params) -> str:
    category = text_of(DISPUTE_CATEGORY_TEXTS, _text(p, "category"))
    reason = text_of(DISPUTE_REASON_TEXTS, _text(p, "reason"))
    if p.get("merchant"):
        return fill(QT_TRANSLATE_NOOP("Wording", "Dispute (%1: %2): %3 of transaction %4 (%5)"),
                    category, reason, _money(p, "amount_fen"), p["transaction_id"], p["merchant"])
    return fill(QT_TRANSLATE_NOOP("Wording", "Dispute (%1: %2): %3 of transaction %4"),
                category, reason, _money(p, "amount_fen"), p["transaction_id"])


def _fraud_summary(p: Params) -> str:
    category = text_of(FRAUD_CATEGORY_TEXTS, _text(p, "category"))
    count = int(p["transactions"])
    what = Counts().transactions(count)
    return fill(QT_TRANSLATE_NOOP("Wording", "Fraud report (%1): %2, %3"), category, what, _money(p, "amount_fen"))


def _arrangement_summary(p: Params) -> str:
    kind = _text(p, "type")
    words = text_of(ARRANGEMENT_TYPE_TEXTS, kind)
    if kind == "hardship_plan" and "months" in p:
        what = fill(QT_TRANSLATE_NOOP("Wording", "%1: %2 months, %3"), words, p["months"], _money(p, "amount_fen"))
    elif kind == "due_date_extension" and "days" in p:
        what = fill(QT_TRANSLATE_NOOP("Wording", "%1: %2 days"), words, p["days"])
    elif kind == "fee_waiver" and p.get("component") in COMPONENT_TEXTS:
        what = fill(QT_TRANSLATE_NOOP("Wording", "%1: %2 of %3"), words, _money(p, "amount_fen"),
                    tr(COMPONENT_IN_SENTENCE[p["component"]]))
    else:
        what = fill(QT_TRANSLATE_NOOP("Wording", "%1: %2"), words, _money(p, "amount_fen"))
    reasons = [reason_text(str(r.get("code", "")), r.get("params") or {}, "") for r in p.get("reasons") or ()]
    if reasons and all(reasons):
        return fill(QT_TRANSLATE_NOOP("Wording", "%1. Needs approval: %2"), what, " ".join(r for r in reasons if r))
    return what


_SUMMARIES: dict[str, Callable[[Params], str]] = {
    "dispute": _dispute_summary,
    "fraud_report": _fraud_summary,
    "arrangement": _arrangement_summary,
}


def summary_text(code: str | None, params: Params, server_text: str) -> str:
    """A case's summary in the user's words; the server's text for an unknown code."""
    worder = _SUMMARIES.get(code or "")
    if worder is None or not params:
        return server_text
    try:
        return worder(params) or server_text
    except (KeyError, TypeError, ValueError):
        return server_text


def case_summary(case: Any) -> str:
    """`summary_text` of a `console.cases.Case` (or its JSON)."""
    if isinstance(case, Mapping):
        return summary_text(case.get("summary_code"), case.get("summary_params") or {}, str(case.get("summary", "")))
    return summary_text(getattr(case, "summary_code", None), getattr(case, "summary_params", None) or {},
                        str(getattr(case, "summary", "") or ""))


# -- refusals (problem+json `code` + `params`) ---------------------------------------------------

_SUBJECT_TEXTS: dict[str, str] = {
    "new_case": QT_TRANSLATE_NOOP("Wording", "a new claim"),
    "dispute_credit": QT_TRANSLATE_NOOP("Wording", "the credit of dispute %1"),
    "fraud_report_credit": QT_TRANSLATE_NOOP("Wording", "the write-off of fraud report %1"),
}

# One claim inside a sentence: "¥100.00 refunded by dispute 3".
_CLAIM_IN_SENTENCE: dict[str, str] = {
    "disputed": QT_TRANSLATE_NOOP("Wording", "%1 disputed by %2"),
    "provisionally_credited": QT_TRANSLATE_NOOP("Wording", "%1 provisionally credited by %2"),
    "refunded": QT_TRANSLATE_NOOP("Wording", "%1 refunded by %2"),
    "written_off": QT_TRANSLATE_NOOP("Wording", "%1 written off by %2"),
    "reported_as_fraud": QT_TRANSLATE_NOOP("Wording", "%1 reported as fraud by %2"),
}


def _source_text(source_type: str, source_id: object) -> str:
    if source_type == "dispute":
        return fill(QT_TRANSLATE_NOOP("Wording", "dispute %1"), source_id)
    return fill(QT_TRANSLATE_NOOP("Wording", "fraud report %1"), source_id)


def _claim_exceeds(p: Params) -> str:
    what = fill(_SUBJECT_TEXTS[_text(p, "subject")], p.get("source_id"))
    claims = [
        fill(_CLAIM_IN_SENTENCE[str(c["kind"])], _money(c, "amount_fen"), _source_text(str(c["source_type"]), c["source_id"]))
        for c in p.get("claims") or ()
    ]
    return fill(QT_TRANSLATE_NOOP(
        "Wording", "Transaction %1 (%2) already has %3; %4 of %5 would credit it beyond its amount (at most %6 is left)."),
        p["transaction_id"], _money(p, "transaction_amount_fen"), tr(QT_TRANSLATE_NOOP("Wording", "; ")).join(claims)
        or tr(QT_TRANSLATE_NOOP("Wording", "nothing")), what, _money(p, "amount_fen"), _money(p, "left_fen"))


def _over_owed(p: Params) -> str:
    subject = _text(p, "subject")
    if subject == "promise_to_pay":
        return fill(QT_TRANSLATE_NOOP("Wording", "The account owes %1; a promise cannot exceed it."),
                    _money(p, "owed_fen"))
    if subject == "penalty_waiver":
        return fill(QT_TRANSLATE_NOOP(
            "Wording", "The penalty waiver cannot exceed the interest and penalty interest owed on the bill (%1)."),
            _money(p, "owed_fen"))
    component = COMPONENT_IN_SENTENCE[_text(p, "component")]
    return fill(QT_TRANSLATE_NOOP("Wording", "The bill owes %1 of %2; a waiver cannot exceed it."),
                _money(p, "owed_fen"), tr(component))


# The subject of a state refusal (`invalid_transition`) and of a four-eyes one, inside a sentence.
_STATE_SUBJECT_TEXTS: dict[str, str] = {
    "dispute": QT_TRANSLATE_NOOP("Wording", "dispute"),
    "fraud_report": QT_TRANSLATE_NOOP("Wording", "fraud report"),
    "arrangement": QT_TRANSLATE_NOOP("Wording", "arrangement"),
}
_FOUR_EYES_TEXTS: dict[str, str] = {
    "dispute_outcome": QT_TRANSLATE_NOOP("Wording", "You proposed this outcome: another supervisor must approve or reject it (four eyes)."),
    "arrangement": QT_TRANSLATE_NOOP("Wording", "You proposed this arrangement: another supervisor must decide it (four eyes)."),
    "policy_change": QT_TRANSLATE_NOOP("Wording", "You proposed this change: another admin must approve it (four eyes)."),
}


def _invalid_transition(p: Params) -> str:
    subject = tr(_STATE_SUBJECT_TEXTS[_text(p, "subject")])
    status, action = text_of(CASE_STATUS_TEXTS, _text(p, "status")), text_of(ACTION_TEXTS, _text(p, "action"))
    allowed = [text_of(ACTION_TEXTS, str(code)) for code in p.get("allowed_actions") or ()]
    if not allowed:
        return fill(QT_TRANSLATE_NOOP("Wording", "This %1 is “%2”: “%3” is not possible."), subject, status, action)
    return fill(QT_TRANSLATE_NOOP("Wording", "This %1 is “%2”: “%3” is not possible now. Allowed now: %4."),
                subject, status, action, tr(QT_TRANSLATE_NOOP("Wording", ", ")).join(f"“{a}”" for a in allowed))


def _forbidden(p: Params) -> str:
    if _text(p, "required_role") != "supervisor":
        raise KeyError("required_role")  # only this one is worded here: the caller falls back
    return fill(QT_TRANSLATE_NOOP("Wording", "Only a supervisor may “%1”."), text_of(ACTION_TEXTS, _text(p, "action")))


def _ids(values: Any) -> str:
    return tr(QT_TRANSLATE_NOOP("Wording", ", ")).join(str(value) for value in values or ())


def _extension_needs_supervisor(p: Params) -> str:
    if _text(p, "reason") == "extended_once":
        return tr(QT_TRANSLATE_NOOP("Wording", "This dispute was already extended; only a supervisor may extend it again."))
    return fill(QT_TRANSLATE_NOOP("Wording", "A handler may extend to at most %1 days from filing; ask a supervisor for more."),
                p["max_days"])


def _under_dispute(p: Params) -> str:
    each = [fill(QT_TRANSLATE_NOOP("Wording", "transaction %1 (dispute %2)"), d["transaction_id"], d["dispute_id"])
            for d in p["disputes"]]
    return fill(QT_TRANSLATE_NOOP(
        "Wording", "Under open dispute: %1. Withdraw the dispute first, or leave the transaction out of this report."),
        tr(QT_TRANSLATE_NOOP("Wording", ", ")).join(each))


# Codes whose sentence has nothing to fill: worded even without params.
_WITHOUT_PARAMS = frozenset({"no_provisional_credit"})

_PROBLEMS: dict[str, Callable[[Params], str]] = {
    "already_disputed": lambda p: fill(QT_TRANSLATE_NOOP("Wording", "Transaction %1 is already under open dispute %2."),
                                       p["transaction_id"], p["dispute_id"]),
    "reported_as_fraud": lambda p: fill(QT_TRANSLATE_NOOP(
        "Wording", "Transaction %1 is in fraud report %2; work it there (a confirmed report writes it off) instead of disputing it."),
        p["transaction_id"], p["fraud_report_id"]),
    "provisional_credit_outstanding": lambda p: fill(QT_TRANSLATE_NOOP(
        "Wording", "A provisional credit of %1 is outstanding; reverse it first."), _money(p, "amount_fen")),
    "no_provisional_credit": lambda _p: tr(QT_TRANSLATE_NOOP("Wording", "There is no outstanding provisional credit to reverse.")),
    "extension_limit": lambda p: fill(QT_TRANSLATE_NOOP(
        "Wording", "The decision window is %1 days; it may grow to at most %2 days from filing (%3 more days)."),
        p["window_days"], p["max_days"], p["left_days"]),
    "extension_needs_supervisor": _extension_needs_supervisor,
    "transaction_already_reported": lambda p: fill(QT_TRANSLATE_NOOP(
        "Wording", "Already reported as fraud in another report: transaction %1."), _ids(p["transaction_ids"])),
    "transaction_under_dispute": _under_dispute,
    "invalid_transition": _invalid_transition,
    "four_eyes": lambda p: tr(_FOUR_EYES_TEXTS[_text(p, "subject")]),
    "forbidden": _forbidden,
    "claim_exceeds_transaction": _claim_exceeds,
    "over_owed": _over_owed,
    "invalid_months": lambda p: fill(QT_TRANSLATE_NOOP("Wording", "A hardship plan runs %1 to %2 months."),
                                     p["min_months"], p["max_months"]),
    "invalid_promised_date": lambda p: fill(QT_TRANSLATE_NOOP("Wording", "The promised date must be from %1 to %2."),
                                            p["earliest"], p["latest"]),
    "extension_window": lambda p: fill(QT_TRANSLATE_NOOP(
        "Wording", "The due date was already extended on %1; one extension per %2 days, the next from %3."),
        p["previous_extension_on"], p["window_days"], p["next_allowed_on"]),
    "not_latest_bill": lambda p: fill(QT_TRANSLATE_NOOP("Wording", "Only the latest bill (%1) can be converted."),
                                      p["bill_id"]),
}


def problem_sentence(exc: Any) -> str | None:
    """A refusal's sentence from its problem `code` and `params`, in the user's words; None when
    the code is not one worded here or its parameters are missing (the caller falls back)."""
    code = str(getattr(exc, "code", "") or "")
    params = getattr(exc, "params", None)
    worder = _PROBLEMS.get(code)
    if worder is None or not isinstance(params, Mapping) or (not params and code not in _WITHOUT_PARAMS):
        return None
    try:
        return worder(params)
    except (KeyError, TypeError, ValueError):
        return None


def merchant_or_description(transaction: Mapping[str, Any]) -> str:
    """What names a transaction sent as JSON (a dispute's): its merchant, else its worded description."""
    if transaction.get("merchant"):
        return str(transaction["merchant"])
    params = transaction.get("description_params")
    return description_text(_optional(transaction.get("description_code")),
                            params if isinstance(params, Mapping) else {}, str(transaction.get("description") or ""))


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)
