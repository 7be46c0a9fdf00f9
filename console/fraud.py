"""Fraud reports (DESIGN.md §3 "Fraud reports", §4 `/v1/fraud-reports…`): typed views and calls.

    result = file_fraud_report(outbox, client, FraudReportDraft(account_id, "unknown_transactions",
                                                               (41, 42), "…"), label="…")
    report = act_on_fraud_report(outbox, client, get_fraud_report(client, 7), "start_review", label="…")

The same shape as `console.disputes` (see there). Filing freezes the account in the same database
transaction unless the draft says why not. Every call blocks on HTTP: run it on a pool thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.api import ApiClient
from console.models import JsonObject, _optional_int, _optional_str, parse_datetime
from console.outbox import Outbox, Queued, send

__all__ = [
    "FRAUD_REPORTS_PATH",
    "FraudReport",
    "FraudReportDraft",
    "ReportedTransaction",
    "act_on_fraud_report",
    "file_fraud_report",
    "get_fraud_report",
]

FRAUD_REPORTS_PATH = "/v1/fraud-reports"


def _optional_datetime(value: Any) -> datetime | None:
    return None if value is None else parse_datetime(value)


@dataclass(frozen=True)
class FraudReportDraft:
    """A fraud report as the agent files it. `freeze_account` False needs `no_freeze_reason`."""

    account_id: int
    category: str
    transaction_ids: tuple[int, ...]
    description: str
    channel: str = "phone"
    freeze_account: bool = True
    no_freeze_reason: str | None = None
    police_report_number: str | None = None

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "account_id": int(self.account_id),
            "category": self.category,
            "transaction_ids": [int(i) for i in self.transaction_ids],
            "description": self.description,
            "channel": self.channel,
            "freeze_account": self.freeze_account,
        }
        if self.police_report_number:
            body["police_report_number"] = self.police_report_number
        if not self.freeze_account:
            body["no_freeze_reason"] = self.no_freeze_reason
        return body


@dataclass(frozen=True)
class ReportedTransaction:
    """A transaction the customer did not make; `write_off_transaction_id` once confirmed."""

    transaction_id: int
    type: str
    amount_fen: int
    posted_at: datetime
    merchant: str | None
    description: str
    write_off_transaction_id: int | None

    @classmethod
    def from_json(cls, data: JsonObject) -> ReportedTransaction:
        return cls(
            transaction_id=int(data["transaction_id"]),
            type=str(data.get("type", "")),
            amount_fen=int(data["amount_fen"]),
            posted_at=parse_datetime(data["posted_at"]),
            merchant=_optional_str(data.get("merchant")),
            description=str(data.get("description", "")),
            write_off_transaction_id=_optional_int(data.get("write_off_transaction_id")),
        )


@dataclass(frozen=True)
class FraudReport:
    """A fraud report with its transactions, deadlines and what the caller may do now.
    `status`: new, investigating, confirmed, not_fraud or closed; `account_status` the account's
    status as the report was read (frozen while the report holds the freeze)."""

    id: int
    case_id: int | None
    account_id: int
    customer_id: int
    category: str
    status: str
    outcome: str | None
    filed_at: datetime
    holds_freeze: bool
    reported_fen: int
    written_off_fen: int
    description: str
    channel: str
    police_report_number: str | None
    freeze_requested: bool
    no_freeze_reason: str | None
    account_status: str
    filed_by: int
    first_review_due_at: datetime
    decision_due_at: datetime
    reviewed_at: datetime | None
    decided_at: datetime | None
    decided_by: int | None
    closed_at: datetime | None
    due_at: datetime | None
    sla_state: str
    transactions: tuple[ReportedTransaction, ...]
    version: int
    allowed_actions: tuple[str, ...]

    @classmethod
    def from_json(cls, data: JsonObject) -> FraudReport:
        return cls(
            id=int(data["id"]),
            case_id=_optional_int(data.get("case_id")),
            account_id=int(data["account_id"]),
            customer_id=int(data["customer_id"]),
            category=str(data["category"]),
            status=str(data["status"]),
            outcome=_optional_str(data.get("outcome")),
            filed_at=parse_datetime(data["filed_at"]),
            holds_freeze=bool(data.get("holds_freeze", False)),
            reported_fen=int(data.get("reported_fen") or 0),
            written_off_fen=int(data.get("written_off_fen") or 0),
            description=str(data.get("description", "")),
            channel=str(data.get("channel", "phone")),
            police_report_number=_optional_str(data.get("police_report_number")),
            freeze_requested=bool(data.get("freeze_requested", False)),
            no_freeze_reason=_optional_str(data.get("no_freeze_reason")),
            account_status=str(data.get("account_status", "")),
            filed_by=int(data["filed_by"]),
            first_review_due_at=parse_datetime(data["first_review_due_at"]),
            decision_due_at=parse_datetime(data["decision_due_at"]),
            reviewed_at=_optional_datetime(data.get("reviewed_at")),
            decided_at=_optional_datetime(data.get("decided_at")),
            decided_by=_optional_int(data.get("decided_by")),
            closed_at=_optional_datetime(data.get("closed_at")),
            due_at=_optional_datetime(data.get("due_at")),
            sla_state=str(data.get("sla_state", "")),
            transactions=tuple(ReportedTransaction.from_json(t) for t in data.get("transactions", ())),
            version=int(data["version"]),
            allowed_actions=tuple(str(a) for a in data.get("allowed_actions", ())),
        )

    @property
    def etag(self) -> str:
        """The ETag the server gives this version (for `If-Match`)."""
        return f'"fraud_report-{self.id}-v{self.version}"'

    @property
    def url(self) -> str:
        return f"{FRAUD_REPORTS_PATH}/{int(self.id)}"


# -- calls ------------------------------------------------------------------------------------


def get_fraud_report(client: ApiClient, report_id: int) -> FraudReport:
    """The report as it is now (`GET /v1/fraud-reports/{id}`)."""
    return FraudReport.from_json(client.get_json(f"{FRAUD_REPORTS_PATH}/{int(report_id)}"))


def file_fraud_report(
    outbox: Outbox | None,
    client: ApiClient,
    draft: FraudReportDraft,
    *,
    label: str,
    idempotency_key: str | None = None,
) -> FraudReport | Queued:
    """File the report through the outbox: the report with its case, or `Queued` when the backend
    could not be reached. Reuse `idempotency_key` for a retry of the same draft."""
    result = send(outbox, client, FRAUD_REPORTS_PATH, draft.body(), label=label, idempotency_key=idempotency_key)
    return result if isinstance(result, Queued) else FraudReport.from_json(result.body)


def act_on_fraud_report(
    outbox: Outbox | None,
    client: ApiClient,
    report: FraudReport,
    action: str,
    body: Mapping[str, Any] | None = None,
    *,
    label: str,
    idempotency_key: str | None = None,
) -> FraudReport | Queued:
    """Post `action` (`start_review`, `confirm`, `not_fraud`, `close`; body `{note}`) with the
    report's ETag, through the outbox; the report as it is now, or `Queued`."""
    result = send(outbox, client, f"{report.url}/actions/{action}", dict(body or {}), label=label,
                  if_match=report.etag, idempotency_key=idempotency_key)
    if isinstance(result, Queued):
        return result
    return FraudReport.from_json(result.body) if result.body else get_fraud_report(client, report.id)
