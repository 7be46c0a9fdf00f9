"""What a delivered write changed: the accounts, customers and cases a view may be showing.

    client.add_change_listener(bus.announce)      # called on the thread that made the write
    with writing_for(view):                        # who asked (so that view may skip its own)
        send(outbox, client, "/v1/disputes", body, label="…")

`ApiClient` calls its change listeners after every keyed write the server accepted (a POST with
an Idempotency-Key: filings, actions, notes, assignments; not logins, reveals or quotes), on the
thread that made it: the first attempt of a write, or its delivery later from the outbox. The
`Change` names what the answer and the path say was touched. `origin` is whatever the code that
made the write put in `writing_for` (the UI puts the widget that asked): a view that reloads after
its own write by itself can leave that one out. A write delivered from the outbox has the drainer
as its origin, so every view that shows it refreshes.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Change", "change_of_write", "current_origin", "writing_for"]

_ACCOUNT_PATH = re.compile(r"^/v1/(?:demo/)?accounts/(\d+)(?:/|$)")
_CUSTOMER_PATH = re.compile(r"^/v1/customers/(\d+)(?:/|$)")
_CASE_PATH = re.compile(r"^/v1/cases/(\d+)(?:/|$)")


@dataclass(frozen=True)
class Change:
    """What one delivered write touched. `path` is the API path it was posted to."""

    path: str
    account_ids: frozenset[int] = frozenset()
    customer_ids: frozenset[int] = frozenset()
    case_ids: frozenset[int] = frozenset()
    origin: object | None = field(default=None, compare=False)

    def touches_account(self, account_ids: frozenset[int] | set[int]) -> bool:
        return not self.account_ids.isdisjoint(account_ids)

    def touches_case(self, case_id: int) -> bool:
        return case_id in self.case_ids


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def change_of_write(path: str, answer: Any, *, origin: object | None = None) -> Change:
    """The `Change` of a write posted to `path` that the server answered with `answer` (its JSON,
    or None): the ids in the path, and `account_id`, `customer_id` and `case_id` of the answer
    (of each of its `items` too); a case's own answer (`/v1/cases/…`) names the case by `id`."""
    accounts: set[int] = set()
    customers: set[int] = set()
    cases: set[int] = set()
    for pattern, into in ((_ACCOUNT_PATH, accounts), (_CUSTOMER_PATH, customers), (_CASE_PATH, cases)):
        match = pattern.match(path)
        if match:
            into.add(int(match.group(1)))
    is_case = path.startswith("/v1/cases")
    records: list[Any] = [answer]
    if isinstance(answer, dict) and isinstance(answer.get("items"), list):
        records.extend(answer["items"])
    for record in records:
        if not isinstance(record, dict):
            continue
        for key, into in (("account_id", accounts), ("customer_id", customers), ("case_id", cases)):
            value = _int(record.get(key))
            if value is not None:
                into.add(value)
        if is_case and (case_id := _int(record.get("id"))) is not None:
            cases.add(case_id)
    return Change(
        path=path,
        account_ids=frozenset(accounts),
        customer_ids=frozenset(customers),
        case_ids=frozenset(cases),
        origin=origin,
    )


_local = threading.local()


@contextmanager
def writing_for(origin: object | None) -> Iterator[None]:
    """Mark the writes this thread makes inside the block as made for `origin`."""
    previous = getattr(_local, "origin", None)
    _local.origin = origin
    try:
        yield
    finally:
        _local.origin = previous


def current_origin() -> object | None:
    """Who the writes of this thread are made for now (None outside `writing_for`)."""
    return getattr(_local, "origin", None)
