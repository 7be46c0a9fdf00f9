"""Roles in words, and which views of the side list each role has (DESIGN.md §1, §3 Roles)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

ROLE_NAMES: dict[str, str] = {
    "agent": QT_TRANSLATE_NOOP("Roles", "Agent"),
    "dispute_handler": QT_TRANSLATE_NOOP("Roles", "Dispute handler"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Admin"),
}

# View ids in side-list order, with the roles that see them; AVAILABLE_VIEWS are built, the rest
# show what they will hold.
VIEWS: tuple[tuple[str, frozenset[str]], ...] = (
    ("search", frozenset({"agent", "dispute_handler", "supervisor"})),
    ("my_cases", frozenset({"agent", "dispute_handler", "supervisor"})),
    ("queues", frozenset({"dispute_handler", "supervisor"})),
    ("approvals", frozenset({"supervisor"})),
    ("dashboard", frozenset({"supervisor"})),
    ("audit", frozenset({"supervisor", "admin"})),
    ("users", frozenset({"admin"})),
    ("policy", frozenset({"admin"})),
)
AVAILABLE_VIEWS = frozenset({"search", "my_cases", "queues", "approvals", "dashboard", "audit", "users", "policy"})


def role_text(role: str) -> str:
    """The role in words (``dispute_handler`` → "Dispute handler")."""
    name = ROLE_NAMES.get(role)
    return QCoreApplication.translate("Roles", name) if name else role.replace("_", " ").capitalize()


def views_for(role: str) -> list[str]:
    """The side-list views of ``role``, in order."""
    return [view for view, roles in VIEWS if role in roles]


# Where a role starts: agents take calls (Search); handlers and supervisors work their queues.
LANDING_VIEWS = {"dispute_handler": "queues", "supervisor": "queues"}


def landing_view(role: str) -> str | None:
    """The view ``role`` sees first after signing in (None: the first of its side list)."""
    view = LANDING_VIEWS.get(role)
    return view if view in views_for(role) else None
