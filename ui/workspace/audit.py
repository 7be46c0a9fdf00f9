"""The customer workspace's Audit tab (supervisors; DESIGN.md §5): what happened on this
customer's accounts, newest first — the audit trail filtered to the customer, with each record's
fields before → after. Read when the tab is first shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from console.api import ApiClient
from ui.audit.trail import AuditTrailView
from ui.icons import icon

__all__ = ["AUDIT_TAB_ROLES", "add_audit_tab"]

AUDIT_TAB_ROLES = frozenset({"supervisor"})


def add_audit_tab(tabs: QTabWidget, client: ApiClient, customer_id: int, role: str) -> AuditTrailView | None:
    """Add the Audit tab at the end of `tabs` for a role that has it; the tab (None for other roles)."""
    if role not in AUDIT_TAB_ROLES:
        return None
    page = AuditTrailView(client, customer_id=customer_id)
    tabs.addTab(page, icon("lock"), QCoreApplication.translate("WorkspaceAudit", "Audit"))
    return page
