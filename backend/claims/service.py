"""Every claim on a transaction, in one place (docs/rules.md, "Claims on a transaction").

A claim is money of one transaction that disputes or fraud reports hold or have given back:
`disputed` (under an open dispute, not provisionally credited), `provisionally_credited`,
`refunded`, `written_off` (a won fraud dispute or a confirmed fraud report) and
`reported_as_fraud` (named in a report still being worked). They are computed from the
disputes and fraud reports themselves, so they can never drift from them, whatever the order
the cases were filed and decided in. Two rules rest on them:

- no transaction is ever credited beyond its amount: a claim that does not fit what is left of
  the transaction is refused with 409 `claim_exceeds_transaction`, naming the claims before it;
- the four-eyes threshold counts the credits on the whole transaction, not one dispute alone.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from backend.common.money import fen_text
from backend.db import Reader
from backend.disputes.queries import disputes_on
from backend.errors import Conflict
from backend.fraud.queries import reports_on

DISPUTED = "disputed"
PROVISIONALLY_CREDITED = "provisionally_credited"
REFUNDED = "refunded"
WRITTEN_OFF = "written_off"
REPORTED_AS_FRAUD = "reported_as_fraud"
# Claims that are money given back to the customer (the rest only hold money back).
CREDIT_KINDS = frozenset({PROVISIONALLY_CREDITED, REFUNDED, WRITTEN_OFF})

_FRAUD_CATEGORY = "fraud"  # a won dispute in this category is written off, not refunded


@dataclass(frozen=True)
class Claim:
    kind: str
    amount_fen: int
    source_type: str  # dispute | fraud_report
    source_id: int

    @property
    def source(self) -> str:
        return f"{self.source_type.replace('_', ' ')} {self.source_id}"

    def sentence(self) -> str:
        return f"{fen_text(self.amount_fen)} {self.kind.replace('_', ' ')} by {self.source}"


@dataclass
class TransactionClaims:
    transaction_id: int
    claims: list[Claim] = field(default_factory=list)

    def credited_fen(self, *, excluding: tuple[str, int] | None = None) -> int:
        """What the customer has been given back of the transaction (by other sources)."""
        return sum(c.amount_fen for c in self._others(excluding) if c.kind in CREDIT_KINDS)

    def claimed_fen(self, *, excluding: tuple[str, int] | None = None) -> int:
        """Everything held back or given back of the transaction (by other sources)."""
        return sum(c.amount_fen for c in self._others(excluding))

    def _others(self, excluding: tuple[str, int] | None) -> list[Claim]:
        return [c for c in self.claims if excluding is None or (c.source_type, c.source_id) != excluding]

    def describe(self, *, excluding: tuple[str, int] | None = None) -> str:
        return "; ".join(c.sentence() for c in self._others(excluding)) or "nothing"


class ClaimExceedsTransaction(Conflict):
    code = "claim_exceeds_transaction"
    title = "The transaction would be credited beyond its amount"


def claims_on(
    session: Reader, transaction_ids: Collection[int], *, account_id: int | None = None
) -> dict[int, TransactionClaims]:
    """The claims on each transaction (every id gets an entry, maybe empty); two queries, one
    asked of disputes and one of fraud reports (through the queries those domains export).

    Given the `account_id` the transactions all belong to, the two queries ask for the account's
    disputes and reports (statements built once, a handful of rows) instead of naming each id."""
    ids = list(transaction_ids)
    found = {i: TransactionClaims(i) for i in ids}
    if not ids:
        return found
    by_account = {"account_id": account_id} if account_id is not None else {}
    for dispute in disputes_on(session, ids, **by_account):
        if dispute.transaction_id not in found:
            continue
        claims = found[dispute.transaction_id].claims
        if dispute.is_open:
            held = max(0, dispute.disputed_fen - max(0, dispute.provisional_credit_fen))
            if held:
                claims.append(Claim(DISPUTED, held, "dispute", dispute.dispute_id))
            if dispute.provisional_credit_fen > 0:
                claims.append(Claim(PROVISIONALLY_CREDITED, dispute.provisional_credit_fen, "dispute",
                                    dispute.dispute_id))
        elif dispute.awarded_fen:
            kind = WRITTEN_OFF if dispute.category == _FRAUD_CATEGORY else REFUNDED
            claims.append(Claim(kind, dispute.awarded_fen, "dispute", dispute.dispute_id))
    for report in reports_on(session, ids, **by_account):
        if report.transaction_id not in found:
            continue
        if report.written_off:
            found[report.transaction_id].claims.append(
                Claim(WRITTEN_OFF, report.amount_fen, "fraud_report", report.report_id))
        elif report.being_worked:
            found[report.transaction_id].claims.append(
                Claim(REPORTED_AS_FRAUD, report.amount_fen, "fraud_report", report.report_id))
    return found


def ensure_fits(
    claims: TransactionClaims, *, transaction_amount_fen: int, amount_fen: int, what: str,
    source: tuple[str, int] | None, counting: str = "claimed",
) -> None:
    """Refuse (409) a new claim of `amount_fen` that would take the transaction beyond its amount.

    `counting` is what the earlier claims count for: "claimed" (everything held or given back:
    for a new dispute or fraud report) or "credited" (only money given back: for a credit)."""
    earlier = (
        claims.claimed_fen(excluding=source) if counting == "claimed" else claims.credited_fen(excluding=source)
    )
    if earlier + amount_fen <= transaction_amount_fen:
        return
    others = [c for c in claims.claims if source is None or (c.source_type, c.source_id) != source]
    raise ClaimExceedsTransaction(
        f"Transaction {claims.transaction_id} ({fen_text(transaction_amount_fen)}) already has "
        f"{claims.describe(excluding=source)}; {what} of {fen_text(amount_fen)} would credit it "
        f"beyond its amount (at most {fen_text(max(0, transaction_amount_fen - earlier))} is left).",
        extra={
            "transaction_id": claims.transaction_id,
            "claims": [{"kind": c.kind, "amount_fen": c.amount_fen, c.source_type + "_id": c.source_id} for c in others],
        },
        params={
            "transaction_id": claims.transaction_id,
            "transaction_amount_fen": transaction_amount_fen,
            "amount_fen": amount_fen,
            "left_fen": max(0, transaction_amount_fen - earlier),
            # What was asked: a new dispute or fraud report, or the credit of an existing one.
            "subject": ("new_case" if source is None else f"{source[0]}_credit"),
            "source_id": source[1] if source is not None else None,
            "claims": [{"kind": c.kind, "amount_fen": c.amount_fen, "source_type": c.source_type,
                        "source_id": c.source_id} for c in others],
        },
    )
