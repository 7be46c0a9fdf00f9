"""The admin views' words: policy limits and their units, user states, and the sentences for the
refusals an admin meets (last admin, four eyes, weak password), in the UI's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from console.formatting import format_fen
from ui.failures import failure_message

CONTEXT = "AdminLabels"

LIMIT_NAMES: dict[str, str] = {
    "extension_agent_max_days": QT_TRANSLATE_NOOP("AdminLabels", "Due-date extension an agent may grant alone"),
    "extension_max_days": QT_TRANSLATE_NOOP("AdminLabels", "Due-date extension at most (with a supervisor)"),
    "extension_window_days": QT_TRANSLATE_NOOP("AdminLabels", "One due-date extension per this many days"),
    "hardship_agent_max_months": QT_TRANSLATE_NOOP("AdminLabels", "Hardship plan term an agent may grant alone"),
    "hardship_min_months": QT_TRANSLATE_NOOP("AdminLabels", "Hardship plan: shortest term"),
    "hardship_max_months": QT_TRANSLATE_NOOP("AdminLabels", "Hardship plan: longest term"),
    "hardship_agent_penalty_waiver_fen": QT_TRANSLATE_NOOP("AdminLabels", "Hardship penalty waiver an agent may grant alone"),
    "hardship_missed_payments_to_break": QT_TRANSLATE_NOOP("AdminLabels", "Missed payments that break a hardship plan"),
    "fee_waiver_agent_limit_fen": QT_TRANSLATE_NOOP("AdminLabels", "Fee waiver an agent may grant alone"),
    "fee_waiver_window_days": QT_TRANSLATE_NOOP("AdminLabels", "Fee waiver window"),
    "promise_max_days": QT_TRANSLATE_NOOP("AdminLabels", "Promise to pay: latest date"),
    "dispute_outcome_approval_over_fen": QT_TRANSLATE_NOOP("AdminLabels", "Dispute outcomes over this need a supervisor"),
    "dispute_acknowledge_business_days": QT_TRANSLATE_NOOP("AdminLabels", "Dispute: acknowledge within"),
    "dispute_decide_days": QT_TRANSLATE_NOOP("AdminLabels", "Dispute: decide within"),
    "dispute_handler_extension_days": QT_TRANSLATE_NOOP("AdminLabels", "Dispute: a handler may extend to"),
    "dispute_supervisor_extension_days": QT_TRANSLATE_NOOP("AdminLabels", "Dispute: a supervisor may extend to"),
    "fraud_first_review_hours": QT_TRANSLATE_NOOP("AdminLabels", "Fraud report: first review within"),
    "fraud_decide_days": QT_TRANSLATE_NOOP("AdminLabels", "Fraud report: decide within"),
    "approval_business_days": QT_TRANSLATE_NOOP("AdminLabels", "Approvals queue: decide within"),
}

CHANGE_STATUSES: dict[str, str] = {
    "seeded": QT_TRANSLATE_NOOP("AdminLabels", "First value"),
    "pending": QT_TRANSLATE_NOOP("AdminLabels", "Waiting"),
    "approved": QT_TRANSLATE_NOOP("AdminLabels", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("AdminLabels", "Rejected"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def limit_name(name: str) -> str:
    """A limit in words; an unknown one (a newer server) as its code."""
    words = LIMIT_NAMES.get(name)
    return tr(words) if words else name


def change_status(status: str) -> str:
    words = CHANGE_STATUSES.get(status)
    return tr(words) if words else status


class LimitUnits(QObject):
    """Counted units through `self.tr(…, n)`, where lupdate sees their plural forms."""

    def text(self, value: int, unit: str) -> str | None:
        if unit == "days":
            return self.tr("%n day(s)", "", value)
        if unit == "business_days":
            return self.tr("%n business day(s)", "", value)
        if unit == "hours":
            return self.tr("%n hour(s)", "", value)
        if unit == "months":
            return self.tr("%n month(s)", "", value)
        if unit == "payments":
            return self.tr("%n payment(s)", "", value)
        return None


_units: LimitUnits | None = None


def limit_value(value: int | None, unit: str) -> str:
    """A limit's value with its unit: "¥50.00", "3 days", "1 business day", "4 hours"."""
    global _units
    if value is None:
        return ""
    if unit == "fen":
        return format_fen(value)
    if _units is None:
        _units = LimitUnits()
    text = _units.text(value, unit)
    return text if text is not None else str(value)


def user_state(active: bool, locked: bool, must_change_password: bool) -> str:
    if not active:
        return QCoreApplication.translate("AdminLabels", "Disabled")
    if locked:
        return QCoreApplication.translate("AdminLabels", "Locked")
    if must_change_password:
        return QCoreApplication.translate("AdminLabels", "Must choose a password")
    return QCoreApplication.translate("AdminLabels", "Enabled")


def password_rule_text(problem: str | None) -> str:
    """The sentence for `console.admin.password_problem`'s code ("" when the password is fine)."""
    if problem == "too_short":
        return QCoreApplication.translate("AdminLabels", "The password must be at least 12 characters long.")
    if problem == "is_username":
        return QCoreApplication.translate("AdminLabels", "The password must not be the username.")
    if problem == "mismatch":
        return QCoreApplication.translate("AdminLabels", "The two passwords differ.")
    return ""


def admin_failure_text(exc: BaseException) -> str:
    """The sentence for a refusal of an admin action; other failures as `failure_message` says."""
    code = getattr(exc, "code", "")
    sentences = {
        "last_admin": QCoreApplication.translate("AdminLabels", "This is the last enabled admin: make another admin first."),
        "four_eyes": QCoreApplication.translate("AdminLabels", "You proposed this change; another admin must approve it."),
        "weak_password": QCoreApplication.translate("AdminLabels", "The password must be at least 12 characters long and not the username."),
        "wrong_current_password": QCoreApplication.translate("AdminLabels", "The current password is wrong."),
        "username_taken": QCoreApplication.translate("AdminLabels", "A user with this username already exists."),
        "policy_change_pending": QCoreApplication.translate("AdminLabels", "A change of this limit is already waiting: approve or reject it first."),
        "policy_change_not_pending": QCoreApplication.translate("AdminLabels", "This change was already decided. Refresh to see it."),
        "policy_unchanged": QCoreApplication.translate("AdminLabels", "The limit already has this value."),
        "invalid_policy_change": QCoreApplication.translate("AdminLabels", "This value is outside what the limit allows or clashes with another limit."),
    }
    sentence = sentences.get(str(code))
    return sentence if sentence is not None else failure_message(exc)
