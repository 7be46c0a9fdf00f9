"""Contact notes: what was said on a call, kept per account."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import Account
from backend.audit.service import record_audit
from backend.common.context import RequestContext
from backend.common.pagination import Page, newest_first
from backend.notes.models import ContactNote
from backend.notes.schemas import NoteIn, NoteOut

NOTES_CURSOR = "notes"


def list_notes(*, session: Session, account_id: int, limit: int, cursor: str | None) -> Page[NoteOut]:
    """An account's notes, newest first."""
    rows, next_cursor = newest_first(
        session,
        select(ContactNote).where(ContactNote.account_id == account_id),
        at=ContactNote.created_at,
        id_=ContactNote.id,
        kind=NOTES_CURSOR,
        limit=limit,
        cursor=cursor,
    )
    return Page[NoteOut](items=[NoteOut.model_validate(n) for n in rows], next_cursor=next_cursor)


def add_note(*, session: Session, account: Account, note: NoteIn, ctx: RequestContext) -> NoteOut:
    """Write a note on the account as the signed-in user, and audit it (`note.create`)."""
    record = ContactNote(
        account_id=account.id,
        customer_id=account.customer_id,
        author_id=ctx.user.id,
        author_name=ctx.user.display_name,
        channel=note.channel,
        body=note.body,
        created_at=ctx.clock.now(),
    )
    session.add(record)
    session.flush()
    record_audit(
        session=session,
        ctx=ctx,
        action="note.create",
        entity_type="contact_note",
        entity_id=record.id,
        after={"account_id": account.id, "channel": record.channel, "body": record.body},
        customer_id=account.customer_id,
    )
    return NoteOut.model_validate(record)
