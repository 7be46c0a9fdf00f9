"""The audit trail in the user's words: what was done ("Case opened", "Dispute · Acknowledged")
and to what ("Case 15") instead of the server's codes ("case.open", "case #15"), which stay in
the tooltip, the filters and the CSV; money fields (fen) as money.

An action not listed here is worded as its entity and the timeline's past tense of its verb
(`ui.cases.case_words.event_text`: "dispute.acknowledge" → "Dispute · Acknowledged").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.audit import AuditRecord
from console.formatting import format_fen
from ui.cases.case_words import event_text

__all__ = ["action_words", "entity_words", "is_money_field"]

CONTEXT = "AuditWords"

ENTITY_TEXTS: dict[str, str] = {
    "auth": QT_TRANSLATE_NOOP("AuditWords", "Sign-in"),
    "user": QT_TRANSLATE_NOOP("AuditWords", "User"),
    "policy": QT_TRANSLATE_NOOP("AuditWords", "Policy"),
    "policy_change": QT_TRANSLATE_NOOP("AuditWords", "Policy change"),
    "case": QT_TRANSLATE_NOOP("AuditWords", "Case"),
    "dispute": QT_TRANSLATE_NOOP("AuditWords", "Dispute"),
    "fraud_report": QT_TRANSLATE_NOOP("AuditWords", "Fraud report"),
    "arrangement": QT_TRANSLATE_NOOP("AuditWords", "Arrangement"),
    "account": QT_TRANSLATE_NOOP("AuditWords", "Account"),
    "customer": QT_TRANSLATE_NOOP("AuditWords", "Customer"),
    "contact_note": QT_TRANSLATE_NOOP("AuditWords", "Contact note"),
    "note": QT_TRANSLATE_NOOP("AuditWords", "Contact note"),
    "bill": QT_TRANSLATE_NOOP("AuditWords", "Bill"),
}

ACTION_TEXTS: dict[str, str] = {
    "auth.login": QT_TRANSLATE_NOOP("AuditWords", "Signed in"),
    "auth.logout": QT_TRANSLATE_NOOP("AuditWords", "Signed out"),
    "auth.login_failed": QT_TRANSLATE_NOOP("AuditWords", "Sign-in failed"),
    "auth.lockout": QT_TRANSLATE_NOOP("AuditWords", "Locked out after failed sign-ins"),
    "account.freeze": QT_TRANSLATE_NOOP("AuditWords", "Account frozen"),
    "account.unfreeze": QT_TRANSLATE_NOOP("AuditWords", "Account unfrozen"),
    "account.write_off": QT_TRANSLATE_NOOP("AuditWords", "Written off on the account"),
    "account.arrangement": QT_TRANSLATE_NOOP("AuditWords", "Arrangement applied to the account"),
    "bill.arrangement": QT_TRANSLATE_NOOP("AuditWords", "Arrangement applied to the bill"),
    "customer.reveal": QT_TRANSLATE_NOOP("AuditWords", "Revealed in full"),
    "note.create": QT_TRANSLATE_NOOP("AuditWords", "Contact note written"),
    "dispute.create": QT_TRANSLATE_NOOP("AuditWords", "Dispute filed"),
    "dispute.money_event": QT_TRANSLATE_NOOP("AuditWords", "Dispute money moved"),
    "fraud_report.file": QT_TRANSLATE_NOOP("AuditWords", "Fraud report filed"),
    "case.open": QT_TRANSLATE_NOOP("AuditWords", "Case opened"),
    "case.assigned": QT_TRANSLATE_NOOP("AuditWords", "Case assigned"),
    "arrangement.propose": QT_TRANSLATE_NOOP("AuditWords", "Arrangement proposed"),
    "arrangement.activate": QT_TRANSLATE_NOOP("AuditWords", "Arrangement made live"),
    "policy.change_proposed": QT_TRANSLATE_NOOP("AuditWords", "Policy change proposed"),
    "policy.change_approved": QT_TRANSLATE_NOOP("AuditWords", "Policy change approved"),
    "policy.change_rejected": QT_TRANSLATE_NOOP("AuditWords", "Policy change rejected"),
    "user.create": QT_TRANSLATE_NOOP("AuditWords", "User created"),
    "user.created": QT_TRANSLATE_NOOP("AuditWords", "User created"),
    "user.disabled": QT_TRANSLATE_NOOP("AuditWords", "User disabled"),
    "user.enabled": QT_TRANSLATE_NOOP("AuditWords", "User enabled"),
    "user.password_changed": QT_TRANSLATE_NOOP("AuditWords", "Password changed"),
    "user.password_reset": QT_TRANSLATE_NOOP("AuditWords", "Password reset"),
    "user.role_changed": QT_TRANSLATE_NOOP("AuditWords", "Role changed"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_words(action: str) -> str:
    """"case.open" → "Case opened"; "dispute.acknowledge" → "Dispute · Acknowledged"."""
    if action in ACTION_TEXTS:
        return _t(ACTION_TEXTS[action])
    entity, _, verb = action.partition(".")
    if not verb or entity not in ENTITY_TEXTS:
        return action
    return f"{_t(ENTITY_TEXTS[entity])} · {event_text(verb)}"


def entity_words(entity_type: str, entity_id: Any) -> str:
    """"case", 15 → "Case 15" (an unknown type keeps its code: "widget #3")."""
    if entity_type in ENTITY_TEXTS:
        return f"{_t(ENTITY_TEXTS[entity_type])} {entity_id}"
    return f"{entity_type} #{entity_id}"


def is_money_field(record: AuditRecord, name: str) -> bool:
    """Whether field `name` of `record` holds fen: "amount_fen", or a policy change's old and new
    value of a limit in fen ("fee_waiver_agent_limit_fen": 5000 is ¥50.00, not 5000)."""
    if name.endswith("_fen"):
        return True
    if name in ("old_value", "new_value"):
        limit = (record.after or {}).get("limit") or (record.before or {}).get("limit") or ""
        return isinstance(limit, str) and limit.endswith("_fen")
    return False


def money_or_none(record: AuditRecord, name: str, value: Any) -> str | None:
    """`value` as money when the field holds fen, else None."""
    if isinstance(value, int) and not isinstance(value, bool) and is_money_field(record, name):
        return format_fen(value)
    return None
