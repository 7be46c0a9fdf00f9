"""The approvals inbox's items (DESIGN.md §3 "four eyes"): what waits for a supervisor, read from the
API on a pool thread (no widgets here).

An item is a case in `pending_approval` with its subject (an arrangement beyond an agent's
authority, or a dispute outcome over the four-eyes limit), who proposed it, and what else is live
on the customer's accounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.api import ApiClient
from console.arrangements import Arrangement
from console.cases import Case, CaseQuery, Subject, get_case, get_subject, list_cases
from console.disputes import Dispute
from console.history import CustomerAlerts, customer_alerts
from console.models import User

__all__ = ["INBOX_LIMIT", "InboxItem", "load_inbox", "load_item", "reload_item"]

INBOX_LIMIT = 200  # the API's page maximum: more than a day's approvals


@dataclass(frozen=True)
class InboxItem:
    """One item waiting for a supervisor: its case, its subject (with the ETag to decide it
    with), whose it is and who proposed it."""

    case: Case
    subject: Subject
    customer_name: str
    account_number: str
    proposer_id: int | None
    proposer_name: str
    proposed_at: datetime
    # What else is live or open on the customer's accounts (docs/contact-history.md).
    alerts: CustomerAlerts | None = None

    @property
    def amount_fen(self) -> int:
        """What is decided: the award of a dispute outcome, else the case's money at stake."""
        if isinstance(self.subject, Dispute) and self.subject.proposal is not None:
            return self.subject.proposal.amount_fen
        return self.case.amount_fen

    def proposed_by(self, user: User) -> bool:
        return self.proposer_id is not None and self.proposer_id == user.id


def _proposer(case: Case, subject: Subject, client: ApiClient) -> tuple[int | None, str, datetime]:
    if isinstance(subject, Arrangement):
        return subject.proposed_by, subject.proposed_by_name, subject.proposed_at or case.opened_at
    proposal = subject.proposal if isinstance(subject, Dispute) else None
    if proposal is None:
        return case.opened_by, "", case.opened_at
    proposer_id = proposal.proposed_by
    # The dispute names the proposer by id only: the case's timeline has the name.
    detail, _etag = get_case(client, case.id)
    name = next(
        (event.actor_name for event in reversed(detail.timeline) if event.actor_id == proposer_id), ""
    )
    return proposer_id, name, proposal.proposed_at

def load_item(client: ApiClient, case: Case, alerts: dict[int, CustomerAlerts] | None = None) -> InboxItem:
    """The inbox item of `case`: the case with its subject (and, for a dispute, who proposed),
    and what else is live on the customer's accounts (read once per customer through `alerts`)."""
    subject = get_subject(client, case)
    proposer_id, proposer_name, proposed_at = _proposer(case, subject, client)
    known = alerts if alerts is not None else {}
    if case.customer_id not in known:
        known[case.customer_id] = customer_alerts(client, case.customer_id)
    return InboxItem(
        alerts=known[case.customer_id],
        case=case,
        subject=subject,
        customer_name=case.customer_name,
        account_number=case.account_number or str(case.account_id),
        proposer_id=proposer_id,
        proposer_name=proposer_name,
        proposed_at=proposed_at,
    )

def load_inbox(client: ApiClient) -> list[InboxItem]:
    """Every open case waiting for approval that the caller can see, oldest deadline first."""
    page = list_cases(client, CaseQuery(status="pending_approval", open=True), limit=INBOX_LIMIT)
    alerts: dict[int, CustomerAlerts] = {}
    items = [load_item(client, case, alerts) for case in page.items]
    # Decided meanwhile (the subject moved on before the case list caught up): not waiting any more.
    items = [item for item in items if item.subject.status == "pending_approval"]
    return sorted(items, key=lambda item: (item.case.seconds_to_due is None, item.case.seconds_to_due or 0))

def reload_item(client: ApiClient, item: InboxItem) -> InboxItem:
    """The item as it is now (after a 409 or 412): its case and subject read again."""
    detail, _etag = get_case(client, item.case.id)
    case = Case(**{name: getattr(detail, name) for name in Case.__dataclass_fields__})
    return load_item(client, case)
