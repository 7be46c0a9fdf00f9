"""Contact notes through the outbox (DESIGN.md §4 `/v1/accounts/{id}/notes`): typed calls.

    result = add_note_via_outbox(outbox, client, account_id, "Promised to pay Friday", label="…")
    if isinstance(result, Queued): ...       # kept, sent when the server is back
    else: result.body                        # the Note as saved

`ApiClient.add_note` and `list_notes` are the direct calls; this is the one a form uses, so a note
written while the server is away is kept. Every call blocks on HTTP: run it on a pool thread.
"""

from __future__ import annotations

from console.api import ApiClient
from console.models import Note
from console.outbox import Outbox, OutboxRecord, Queued, send

__all__ = ["add_note_via_outbox", "is_note_on", "notes_path"]


def notes_path(account_id: int) -> str:
    return f"/v1/accounts/{int(account_id)}/notes"


def add_note_via_outbox(
    outbox: Outbox | None,
    client: ApiClient,
    account_id: int,
    body: str,
    *,
    channel: str = "phone",
    label: str,
    idempotency_key: str | None = None,
) -> Note | Queued:
    """Write a contact note (1–4000 characters) through the outbox: the note as saved, or `Queued`.
    Reuse `idempotency_key` for a retry of the same note."""
    result = send(outbox, client, notes_path(account_id), {"body": body, "channel": channel}, label=label,
                  idempotency_key=idempotency_key)
    return result if isinstance(result, Queued) else Note.from_json(result.body)


def is_note_on(record: OutboxRecord, account_ids: set[int] | frozenset[int]) -> bool:
    """Whether an outbox entry is a note on one of `account_ids`."""
    return any(record.path == notes_path(account_id) for account_id in account_ids)
