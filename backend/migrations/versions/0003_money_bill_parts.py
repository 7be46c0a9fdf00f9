"""bills: the parts of the minimum and the money under dispute on the bill (docs/rules.md)

Credits and disputes move a bill's minimum after the cut, so the bill keeps what the minimum
is made of: the part owed at 100% (`minimum_fixed_fen`), the purchase principal whose 10% is
owed (`minimum_base_fen`) and the money among its charges under open dispute (`disputed_fen`).
Bills cut before this revision keep their minimum: it becomes their fixed part.

Revision ID: 0003_money_bill_parts
Revises: 0002_casework
Create Date: 2026-12-04 12:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_money_bill_parts"
down_revision: str | None = "0002_casework"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("minimum_fixed_fen", "minimum_base_fen", "disputed_fen")


def upgrade() -> None:
    with op.batch_alter_table("bills", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.BigInteger(), nullable=False, server_default="0"))
    op.execute("UPDATE bills SET minimum_fixed_fen = minimum_payment_fen")


def downgrade() -> None:
    with op.batch_alter_table("bills", schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
