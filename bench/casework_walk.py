"""The casework walk of issue 3, over real HTTP, step by step (rerun it any time):

1. an agent files a dispute of a purchase over ¥2,000; a handler acknowledges it and proposes
   the outcome `won` for the full amount, which needs a supervisor (four eyes); the proposing
   supervisor may not approve their own, a second supervisor approves, and the refund posts;
2. an agent files a fraud report and the account is frozen at once;
3. an agent proposes a 24-month hardship plan on an overdue account; it waits for approval,
   and the approvals inbox shows it.

    python -m bench.casework_walk                      # on a fresh embedded backend (temporary)
    python -m bench.casework_walk --server URL         # against a running demo backend

Each step prints what the API answered; any deviation from DESIGN.md stops the walk with
exit status 1. `tests/test_casework_walk.py` runs the same walk in `make test`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from console.api import ApiClient
from console.errors import ApiError, Conflict, Forbidden
from console.formatting import format_fen

FOUR_EYES_OVER_FEN = 200_000  # ¥2,000 (policy.dispute_outcome_approval_over_fen)
DEMO_PASSWORD = "demo"


class WalkFailed(AssertionError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise WalkFailed(message)


def signed_in(base_url: str, username: str) -> ApiClient:
    client = ApiClient(base_url)
    client.login(username, DEMO_PASSWORD)
    return client


def _customers(agent: ApiClient, limit: int) -> list[dict[str, Any]]:
    """The first `limit` customers with their accounts (demo customers are found by name prefix
    through search in the console; here the walk reads them by id)."""
    found = []
    for customer_id in range(1, limit + 1):
        try:
            found.append(agent.get_json(f"/v1/customers/{customer_id}", params={"include": "accounts"}))
        except ApiError:
            continue
    return found


def _big_purchases(agent: ApiClient, customers: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Purchases over the four-eyes limit on active credit lines, in customer order."""
    for customer in customers:
        for account in customer["account_overviews"] or []:
            if account["product"] != "credit_line" or account["status"] != "active":
                continue
            page = agent.get_json(
                f"/v1/accounts/{account['id']}/transactions", params={"type": "purchase", "limit": 200}
            )
            for transaction in page["items"]:
                if transaction["amount_fen"] > FOUR_EYES_OVER_FEN:
                    yield dict(transaction)


def _file_first(candidates: Iterator[dict[str, Any]], file: Callable[[dict[str, Any]], Any]) -> tuple[Any, Any]:
    """File on the first candidate the API accepts; one already in a case (409) is skipped, as
    the demo data's own caseload may hold it."""
    for candidate in candidates:
        try:
            return candidate, file(candidate)
        except Conflict:
            continue
    raise WalkFailed("no candidate in the demo data could be filed")


def walk(base_url: str, say: Callable[[str], None] = print, customers_to_scan: int = 120) -> dict[str, Any]:
    """Run the walk against `base_url`; returns what it created. Raises WalkFailed."""
    agent = signed_in(base_url, "agent1")
    handler = signed_in(base_url, "handler1")
    super1 = signed_in(base_url, "super1")
    super2 = signed_in(base_url, "super2")
    customers = _customers(agent, customers_to_scan)

    # 1. A dispute over ¥2,000, worked to an outcome that needs a second supervisor.
    purchase, dispute = _file_first(
        _big_purchases(agent, customers),
        lambda purchase: agent.post_json(
            "/v1/disputes",
            {
                "transaction_id": purchase["id"],
                "category": "consumer_dispute",
                "reason": "not_received",
                "disputed_amount_fen": purchase["amount_fen"],
                "description": "The customer says the goods never arrived.",
                "channel": "phone",
            },
        ),
    )
    say(f"agent1 filed dispute {dispute['id']} of {format_fen(purchase['amount_fen'])} "
        f"(transaction {purchase['id']}): status {dispute['status']}, case {dispute['case_id']}")
    check(dispute["status"] == "new", "a new dispute starts as new")
    before = agent.get_json(f"/v1/accounts/{dispute['account_id']}")

    def act(client: ApiClient, action: str, body: dict[str, Any]) -> dict[str, Any]:
        _, etag = client.get_json_etag(f"/v1/disputes/{dispute['id']}")
        result: dict[str, Any] = client.post_json(
            f"/v1/disputes/{dispute['id']}/actions/{action}", body, if_match=etag
        )
        return result

    state = act(handler, "acknowledge", {})
    say(f"handler1 acknowledged it: status {state['status']}")
    check(state["status"] == "investigating", "acknowledge moves new → investigating")
    state = act(super1, "propose_outcome", {"outcome": "won", "note": "Merchant could not prove delivery."})
    say(f"super1 proposed 'won' for {format_fen(purchase['amount_fen'])}: status {state['status']}")
    check(state["status"] == "pending_approval", "an outcome over ¥2,000 waits for a supervisor")
    try:
        act(super1, "approve_outcome", {})
    except Forbidden as refused:
        say(f"super1 may not approve their own proposal: {refused.status} {refused.code}")
    else:
        raise WalkFailed("the proposer approved their own outcome")
    try:
        act(handler, "approve_outcome", {})
    except Forbidden as refused:
        say(f"handler1 may not approve at all: {refused.status} {refused.code}")
    else:
        raise WalkFailed("a dispute handler approved an outcome")
    state = act(super2, "approve_outcome", {"note": "Checked the delivery record."})
    say(f"super2 approved it: status {state['status']}, outcome {state['outcome']}")
    check(state["status"] == "resolved" and state["outcome"] == "won", "a second supervisor resolves it")
    after = agent.get_json(f"/v1/accounts/{dispute['account_id']}")
    refunds = agent.get_json(
        f"/v1/accounts/{dispute['account_id']}/transactions", params={"type": "dispute_refund", "limit": 20}
    )["items"]
    check(any(t["amount_fen"] == -purchase["amount_fen"] for t in refunds), "the refund posted as a transaction")
    say(f"refund posted: used {format_fen(before['used_fen'])} → {format_fen(after['used_fen'])}")
    # A purchase converted to installments takes its plan with it: the fees billed on the
    # refunded principal are reversed too (docs/rules.md, "Plans follow their purchases").
    reversed_fees = sum(
        -t["amount_fen"]
        for t in agent.get_json(
            f"/v1/accounts/{dispute['account_id']}/transactions", params={"type": "fee_reversal", "limit": 50}
        )["items"]
        if t["business_date"] == refunds[0]["business_date"]
    )
    # What is used never goes below 0: a refund larger than the debt becomes a credit balance.
    check(after["used_fen"] == max(0, before["used_fen"] - purchase["amount_fen"] - reversed_fees),
          "the refund lowers what is used")
    case = super1.get_json(f"/v1/cases/{dispute['case_id']}")
    check(not case["is_open"], "the dispute's case is closed")
    say(f"case {case['id']} closed; timeline: {', '.join(e['action'] for e in case['timeline'])}")

    # 2. A fraud report freezes the account in the same transaction.
    def credit_lines() -> Iterator[dict[str, Any]]:
        for customer in customers:
            if customer["id"] == dispute["customer_id"]:
                continue
            for overview in customer["account_overviews"] or []:
                if overview["product"] == "credit_line" and overview["status"] == "active":
                    yield overview

    def report_fraud(overview: dict[str, Any]) -> Any:
        purchases = agent.get_json(
            f"/v1/accounts/{overview['id']}/transactions", params={"type": "purchase", "limit": 2}
        )
        return agent.post_json(
            "/v1/fraud-reports",
            {
                "account_id": overview["id"],
                "category": "unknown_transactions",
                "transaction_ids": [t["id"] for t in purchases["items"]],
                "description": "The customer lost the phone and sees purchases they did not make.",
                "channel": "phone",
            },
        )

    account, report = _file_first(credit_lines(), report_fraud)
    frozen = agent.get_json(f"/v1/accounts/{account['id']}")
    say(f"agent1 filed fraud report {report['id']} on account {account['id']}: account status {frozen['status']}")
    check(frozen["status"] == "frozen", "filing a fraud report freezes the account")

    # 3. A 24-month hardship plan is beyond an agent's authority: it waits for approval.
    overdue_lines = (
        a for c in customers for a in c["account_overviews"] or []
        if a["product"] == "credit_line" and a["status"] == "active" and a["days_past_due"] > 0
    )
    terms = {"type": "hardship_plan", "months": 24}

    def propose_hardship(overdue: dict[str, Any]) -> tuple[Any, Any]:
        quote = agent.post_json(f"/v1/accounts/{overdue['id']}/arrangement-quotes", terms, keyed=False)
        plan = agent.post_json("/v1/arrangements", {**terms, "account_id": overdue["id"], "note": "Lost job in October."})
        return quote, plan

    overdue, (quote, plan) = _file_first(overdue_lines, propose_hardship)
    say(f"quote for a 24-month hardship plan on account {overdue['id']}: {len(quote['schedule'])} payments of about "
        f"{format_fen(quote['schedule'][0]['total_fen'])}, needs approval: {quote['needs_approval']} "
        f"({'; '.join(r['message'] for r in quote['approval_reasons'])})")
    check(quote["needs_approval"], "a 24-month plan needs a supervisor")
    say(f"agent1 proposed it: arrangement {plan['id']} status {plan['status']}, case {plan['case_id']}")
    check(plan["status"] == "pending_approval", "the proposal waits for approval")
    inbox = super1.get_json("/v1/cases", params={"status": "pending_approval", "type": "arrangement"})
    check(any(c["id"] == plan["case_id"] for c in inbox["items"]), "the approvals inbox shows it")
    say(f"super1's approvals inbox lists case {plan['case_id']}")
    return {"dispute": dispute, "fraud_report": report, "arrangement": plan}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", help="a running demo backend (default: a fresh embedded one)")
    args = parser.parse_args(argv)
    try:
        if args.server:
            walk(args.server)
            return 0
        from console.embedded import EmbeddedBackend

        with tempfile.TemporaryDirectory() as directory:
            with EmbeddedBackend(Path(directory) / "walk.sqlite3", demo_customers=40) as base_url:
                walk(base_url)
        return 0
    except (WalkFailed, ApiError) as failure:
        print(f"WALK FAILED: {failure}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
