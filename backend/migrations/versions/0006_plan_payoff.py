"""money truth II: a plan's early payoff date; what is still owed of a bill's carried debt

`installment_plans.payoff_on`: the business date an early payoff was set up (the plan then ends
`paid_off`). `bills.carried_*_fen`: what is still owed of the debt carried from earlier bills, by
part, the interest base before the due date (docs/rules.md, "The interest base"). Bills cut
before this revision take their carried rest as principal (carried less paid, within what the
bill still owes of principal), which is what the engine charged interest on before.

Revision ID: 0006_plan_payoff
Revises: 0005_wording_codes
Create Date: 2026-12-04 15:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_plan_payoff"
down_revision: str | None = "0005_wording_codes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


CARRIED = ("carried_interest_fen", "carried_fees_fen", "carried_installments_fen", "carried_principal_fen")


def upgrade() -> None:
    with op.batch_alter_table("installment_plans") as batch:
        batch.add_column(sa.Column("payoff_on", sa.Date(), nullable=True))
    with op.batch_alter_table("bills") as batch:
        for name in CARRIED:
            batch.add_column(sa.Column(name, sa.BigInteger(), nullable=False, server_default="0"))
    op.execute(
        "UPDATE bills SET carried_principal_fen = CASE"
        " WHEN carried_fen - paid_fen <= 0 THEN 0"
        " WHEN carried_fen - paid_fen > open_principal_fen THEN open_principal_fen"
        " ELSE carried_fen - paid_fen END"
    )


def downgrade() -> None:
    with op.batch_alter_table("bills") as batch:
        for name in reversed(CARRIED):
            batch.drop_column(name)
    with op.batch_alter_table("installment_plans") as batch:
        batch.drop_column("payoff_on")
