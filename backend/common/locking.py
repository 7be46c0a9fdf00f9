"""One way to serialise writes on an account, for every domain (docs/reliability.md).

Every write that reads an account's state to decide something (a limit, a balance, a status)
takes `lock_account` first, before those reads:

- PostgreSQL: `SELECT … FOR UPDATE` of the account row; a second writer waits until the first
  commits and then reads its result (READ COMMITTED re-reads the row).
- SQLite: no row locks. A session marked `backend.db.writes` (every POST/PUT/PATCH/DELETE request,
  end of day, seed) began with BEGIN IMMEDIATE and already holds the database's write lock, so
  the SELECT is enough. A session that began deferred takes the lock here with a no-op UPDATE;
  that works only when it has not read anything yet (else SQLite refuses with "database is
  locked" when another writer committed since its first read), which is why writers begin
  IMMEDIATE.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backend.accounts.models import Account
from backend.db import SQLITE_BEGIN_OPTION
from backend.errors import NotFound


def _holds_sqlite_write_lock(session: Session) -> bool:
    return session.connection().get_execution_options().get(SQLITE_BEGIN_OPTION) == "immediate"


def hold_write_lock(session: Session, account_id: int = 0) -> None:
    """SQLite: make sure this transaction holds the database's write lock (a no-op UPDATE takes it
    even when it matches no row). PostgreSQL: nothing (lock rows with FOR UPDATE)."""
    if session.get_bind().dialect.name == "sqlite" and not _holds_sqlite_write_lock(session):
        session.execute(
            update(Account)
            .where(Account.id == account_id)
            .values(status=Account.status)
            .execution_options(synchronize_session=False)
        )


def lock_account(session: Session, account_id: int) -> Account:
    """The account row, locked until the transaction ends and read fresh; 404 if there is none."""
    hold_write_lock(session, account_id)
    query = select(Account).where(Account.id == account_id).with_for_update()
    account = session.scalars(query.execution_options(populate_existing=True)).one_or_none()
    if account is None:
        raise NotFound(f"There is no account {account_id}.")
    return account
