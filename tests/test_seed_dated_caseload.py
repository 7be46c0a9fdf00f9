"""The demo caseload is back-dated (backend/seed/cases.py): a dispute filed before today goes on
an account the end-of-day runs of its open days treated as they would have with it open.

Its own module: the book is made on another day than tests/helpers/seeded.py's, and a second
module-wide book beside that one would wait on its locks.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account, Transaction
from backend.auth.service import ensure_demo_users
from backend.clock import business_date_of
from backend.disputes.models import Dispute
from backend.seed.cases import seed_caseload
from backend.seed.demo import seed_demo
from tests.helpers.db import joined_sessionmaker, rolled_back_connection
from tests.helpers.seeded import CUSTOMERS, MONTHS, SEED

# On a book made on 28 November, a `cured` payer (backend/seed/demo.py) missed its 9 November due
# date and paid up on the 21st: past due while a dispute filed on the 11th would be open.
CURED_IN_THE_WINDOW = date(2026, 11, 28)


@pytest.fixture(scope="module")
def cured_book(db_engine: Engine) -> Iterator[sessionmaker[Session]]:
    with rolled_back_connection(db_engine) as connection:
        factory = joined_sessionmaker(connection)
        seed_demo(factory, customers=CUSTOMERS, seed=SEED, months=MONTHS, today=CURED_IN_THE_WINDOW)
        with factory() as session:
            ensure_demo_users(session=session)
            session.commit()
        assert seed_caseload(factory, today=CURED_IN_THE_WINDOW) > 10
        yield factory


def test_a_dispute_open_over_an_end_of_day_is_on_an_account_charged_no_penalty_since_it_was_filed(
    cured_book: sessionmaker[Session],
) -> None:
    """An account past due during the days a back-dated dispute was open, and paid up before the
    caseload, was charged penalty on the disputed money by end-of-day runs that did not know the
    dispute (which judged its due date on the higher minimum too). So a dispute filed before today
    goes on an account charged no penalty from its filing date on: none posted on or after that
    date, none accruing in the open cycle, nothing past due (issue 11 item 6)."""
    with cured_book() as session:
        older = [
            row for row in session.execute(
                select(Dispute.id, Dispute.opened_at, Account.id.label("account_id"), Account.accrued_penalty_ufen,
                       Account.past_due_fen)
                .join(Account, Account.id == Dispute.account_id)
                .order_by(Dispute.id)
            )
            if business_date_of(row.opened_at) < CURED_IN_THE_WINDOW
        ]
        assert len(older) >= 8
        charged = [
            (row.id, business_date_of(row.opened_at), row.account_id, row.accrued_penalty_ufen, row.past_due_fen,
             session.scalars(
                select(Transaction.business_date).where(
                    Transaction.account_id == row.account_id, Transaction.type == "penalty_interest",
                    Transaction.business_date >= business_date_of(row.opened_at))
             ).all())
            for row in older
        ]
    assert [row for row in charged if row[3] or row[4] or row[5]] == []
