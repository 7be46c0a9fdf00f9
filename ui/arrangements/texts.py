"""Words of the arrangement wizard: what each type does, what an agent may grant alone, and the
server's sentences (approval reasons, refusals) in the user's language.

The backend explains a refusal or an approval reason in one English sentence with numbers in it
("24 months is over the 12 months an agent may grant alone."). `server_sentence` looks its shape
(`console.arrangements.message_shape`: the numbers as %1, %2, …) up among the shapes marked
below and fills the numbers back in, so the sentence reads the same in English and translated.
A sentence of an unknown shape stays the server's in English; in another language the failure's
generic sentence is used instead (never English words by accident).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.arrangements import ApprovalReason, message_shape
from console.errors import Conflict, ValidationFailed
from ui import i18n, wording
from ui.failures import failure_message

CONTEXT = "Arrangements"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# What each type does, and what an agent may grant alone (DESIGN §3; the limits are the default
# policy's: the quote, made by the server with the policy in force, is what decides).
TYPE_WHAT: dict[str, str] = {
    "bill_installment": QT_TRANSLATE_NOOP(
        "Arrangements", "Converts the bill's unpaid balance into 3, 6, 9 or 12 monthly installments, with the "
        "installment fee."),
    "due_date_extension": QT_TRANSLATE_NOOP(
        "Arrangements", "Moves the current bill's due date; once in 12 months."),
    "hardship_plan": QT_TRANSLATE_NOOP(
        "Arrangements", "Restructures what the latest bill still owes, its past-due part with it, into 3 to 60 "
        "monthly payments without fee; penalty interest stops while it is kept, and two missed payments break it."),
    "fee_waiver": QT_TRANSLATE_NOOP(
        "Arrangements", "Waives penalty interest, interest or fees on the latest bill."),
    "promise_to_pay": QT_TRANSLATE_NOOP(
        "Arrangements", "Records an amount the customer promises to pay by a date at most 14 days away."),
    "plan_payoff": QT_TRANSLATE_NOOP(
        "Arrangements", "Pays an installment plan or a cash loan off early: the principal not yet billed becomes "
        "due at once, the fees of those periods are waived."),
}

TYPE_AUTHORITY: dict[str, str] = {
    "bill_installment": QT_TRANSLATE_NOOP("Arrangements", "An agent may always grant it."),
    "due_date_extension": QT_TRANSLATE_NOOP(
        "Arrangements", "An agent may grant up to 3 days alone; up to 10 days with a supervisor."),
    "hardship_plan": QT_TRANSLATE_NOOP(
        "Arrangements", "An agent may grant up to 12 months and a penalty waiver up to ¥200.00 alone; more "
        "with a supervisor."),
    "fee_waiver": QT_TRANSLATE_NOOP(
        "Arrangements", "An agent may waive up to ¥50.00 per account in 90 days alone; more with a supervisor."),
    "promise_to_pay": QT_TRANSLATE_NOOP("Arrangements", "An agent may always record it."),
    "plan_payoff": QT_TRANSLATE_NOOP("Arrangements", "An agent may always set it up."),
}

# The shapes of the server's sentences (backend/arrangements/rules.py and service.py).
SERVER_SENTENCES = (
    # approval reasons
    QT_TRANSLATE_NOOP("Arrangements", "%1 months is over the %2 months an agent may grant alone."),
    QT_TRANSLATE_NOOP("Arrangements", "A penalty waiver of %1 is over the %2 an agent may grant alone."),
    QT_TRANSLATE_NOOP(
        "Arrangements", "%1 days is over the %2 days an agent may grant alone (up to %3 with a supervisor)."),
    QT_TRANSLATE_NOOP(
        "Arrangements", "%1 waived in %2 days (this one and %3 before) is over the %4 an agent may waive alone."),
    # refusals
    QT_TRANSLATE_NOOP("Arrangements", "The bill has no unpaid balance to convert."),
    QT_TRANSLATE_NOOP("Arrangements", "An extension is at least %1 day."),
    QT_TRANSLATE_NOOP("Arrangements", "A due date can be moved by at most %1 days."),
    QT_TRANSLATE_NOOP(
        "Arrangements", "The due date was already extended on %1; one extension per %2 days, the next from %3."),
    QT_TRANSLATE_NOOP("Arrangements", "The bill's due date has passed; it can no longer be extended."),
    QT_TRANSLATE_NOOP("Arrangements", "The new due date must fall before the next statement date."),
    QT_TRANSLATE_NOOP("Arrangements", "A hardship plan runs %1 to %2 months."),
    QT_TRANSLATE_NOOP("Arrangements", "A hardship plan is only for an account that is overdue."),
    QT_TRANSLATE_NOOP(
        "Arrangements",
        "The penalty waiver cannot exceed the interest and penalty interest owed on the bill (%1)."),
    QT_TRANSLATE_NOOP("Arrangements", "There is too little overdue balance for a plan of this length."),
    QT_TRANSLATE_NOOP("Arrangements", "The amount must be positive."),
    QT_TRANSLATE_NOOP("Arrangements", "The bill owes %1 of penalty interest; a waiver cannot exceed it."),
    QT_TRANSLATE_NOOP("Arrangements", "The bill owes %1 of interest; a waiver cannot exceed it."),
    QT_TRANSLATE_NOOP("Arrangements", "The bill owes %1 of fees; a waiver cannot exceed it."),
    QT_TRANSLATE_NOOP("Arrangements", "The promised date must be from %1 to %2."),
    QT_TRANSLATE_NOOP("Arrangements", "The account owes %1; a promise cannot exceed it."),
    QT_TRANSLATE_NOOP("Arrangements", "The account has no bill yet."),
    QT_TRANSLATE_NOOP("Arrangements", "The bill is paid; there is nothing to extend."),
    QT_TRANSLATE_NOOP("Arrangements", "Only a credit line's bill can be converted."),
    QT_TRANSLATE_NOOP("Arrangements", "Only the latest bill (%1) can be converted."),
    QT_TRANSLATE_NOOP("Arrangements", "The account is overdue: offer a hardship plan instead."),
    QT_TRANSLATE_NOOP("Arrangements", "A bill can be converted until its due date."),
    QT_TRANSLATE_NOOP("Arrangements", "The account is closed."),
    QT_TRANSLATE_NOOP("Arrangements", "The account is charged off."),
    QT_TRANSLATE_NOOP(
        "Arrangements", "The account already has a bill installment waiting for approval (arrangement %1)."),
    QT_TRANSLATE_NOOP(
        "Arrangements", "The account already has a due date extension waiting for approval (arrangement %1)."),
    QT_TRANSLATE_NOOP(
        "Arrangements", "The account already has a hardship plan waiting for approval (arrangement %1)."),
    QT_TRANSLATE_NOOP(
        "Arrangements", "The account already has a fee waiver waiting for approval (arrangement %1)."),
    QT_TRANSLATE_NOOP(
        "Arrangements", "The account already has a promise to pay waiting for approval (arrangement %1)."),
    QT_TRANSLATE_NOOP("Arrangements", "The account already has a hardship plan in force (arrangement %1)."),
    QT_TRANSLATE_NOOP("Arrangements", "The account already has a promise to pay in force (arrangement %1)."),
    # early payoff (backend/installments/payoff.py, backend/arrangements/rules.py)
    QT_TRANSLATE_NOOP("Arrangements", "Plan %1 is completed: there is nothing to pay off."),
    QT_TRANSLATE_NOOP("Arrangements", "Plan %1 is paid off: there is nothing to pay off."),
    QT_TRANSLATE_NOOP("Arrangements", "Plan %1 is broken: there is nothing to pay off."),
    QT_TRANSLATE_NOOP("Arrangements", "Plan %1's payoff was set up on %2; %3 of it is still to pay."),
    QT_TRANSLATE_NOOP(
        "Arrangements", "Every period of plan %1 is billed already: paying the bill (%2 still owed on it) ends the plan."),
    QT_TRANSLATE_NOOP("Arrangements", "Plan %1 is not on account %2."),
    QT_TRANSLATE_NOOP("Arrangements", "There is no installment plan %1."),
    # conflicts between types (docs/contact-history.md)
    QT_TRANSLATE_NOOP("Arrangements", "The account has a hardship plan in force (arrangement %1); a promise to pay "
                      "cannot stand beside it. Cancel that one first."),
    QT_TRANSLATE_NOOP("Arrangements", "The account has a hardship plan waiting for approval (arrangement %1); a "
                      "promise to pay cannot stand beside it. Cancel that one first."),
    QT_TRANSLATE_NOOP("Arrangements", "The account has a promise to pay in force (arrangement %1); a hardship plan "
                      "cannot stand beside it. Cancel that one first."),
    QT_TRANSLATE_NOOP("Arrangements", "The account has a promise to pay waiting for approval (arrangement %1); a "
                      "hardship plan cannot stand beside it. Cancel that one first."),
    QT_TRANSLATE_NOOP("Arrangements", "The account has a promise to pay in force (arrangement %1); a hardship plan "
                      "cannot stand beside it. Reject this one, or cancel that one first."),
)
_KNOWN_SHAPES = frozenset(SERVER_SENTENCES)


def fill(template: str, values: tuple[str, ...]) -> str:
    """`template` with %1, %2, … replaced by `values` (the highest first, so %1 never eats %10)."""
    text = template
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", values[number - 1])
    return text


def server_sentence(message: str) -> str | None:
    """The server's sentence in the user's language; None when its shape is unknown outside
    English (the caller then uses a sentence of its own)."""
    message = message.strip()
    shape, values = message_shape(message)
    if shape in _KNOWN_SHAPES:
        return fill(tr(shape), values)
    return message if i18n.current_language() == i18n.ENGLISH else None


def reason_text(reason: ApprovalReason) -> str:
    """Why a supervisor must approve, in one sentence (the limit exceeded)."""
    worded = wording.reason_text(reason.code, reason.params, reason.message)
    if worded is not None:
        return worded
    sentence = server_sentence(reason.message)
    if sentence is not None:
        return sentence
    fallback = {
        "hardship_months": QT_TRANSLATE_NOOP("Arrangements", "The plan is longer than an agent may grant alone."),
        "hardship_penalty_waiver": QT_TRANSLATE_NOOP(
            "Arrangements", "The penalty waiver is more than an agent may grant alone."),
        "extension_days": QT_TRANSLATE_NOOP(
            "Arrangements", "The extension is longer than an agent may grant alone."),
        "fee_waiver_amount": QT_TRANSLATE_NOOP(
            "Arrangements", "The waiver is more than an agent may waive alone in 90 days."),
    }.get(reason.code, QT_TRANSLATE_NOOP("Arrangements", "It is beyond what an agent may grant alone."))
    return tr(fallback)


def refusal_text(exc: BaseException) -> str:
    """A refused quote or proposal as the agent reads it: the server's reason (in the user's
    language) and what to do next; any other failure as `ui.failures` tells it."""
    if isinstance(exc, Conflict | ValidationFailed) and exc.code not in _NOT_REFUSALS:
        worded = wording.problem_sentence(exc)
        for candidate in (exc.detail, *(message for _field, message in exc.field_errors)):
            sentence = worded or (server_sentence(candidate) if candidate else None)
            if sentence is not None:
                change_terms = QCoreApplication.translate(
                    "Arrangements", "Change the terms, or choose another kind of arrangement.")
                choose_another = QCoreApplication.translate(
                    "Arrangements",
                    "Choose another kind of arrangement, or refresh the customer to see the account as it is now.")
                if isinstance(exc, ValidationFailed):
                    return f"{sentence} {change_terms}"
                return f"{sentence} {choose_another}"
    return failure_message(exc)


# Conflicts that are not the arrangement's rules (the same request in flight, a reused key).
_NOT_REFUSALS = frozenset({"idempotency_in_flight", "idempotency_key_reused"})


def field_sentence(message: str) -> str:
    """A field error from the server, in the user's language (a generic one when unknown)."""
    sentence = server_sentence(message)
    return sentence if sentence is not None else QCoreApplication.translate("Arrangements", "This value is not accepted. Check it and try again.")
