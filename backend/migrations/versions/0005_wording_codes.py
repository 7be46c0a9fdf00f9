"""wording codes: transactions, bill lines and cases carry their text as a code and parameters

Revision ID: 0005_wording_codes
Revises: 0003_admin_policy_7c1e
Create Date: 2026-12-04 15:40:00

A client words the code in its user's language (docs/api-wording.md). Rows written before
keep their text; the ones whose text the code says exactly (interest, penalty interest,
repayments, loan disbursements, purchases and refunds at a merchant, the previous balance)
get their code here, in one pass over each table.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005_wording_codes"
down_revision: str | None = "0003_admin_policy_7c1e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")

# (type, exact description) → code, for the rows whose text needs no parameters.
PLAIN = (
    ("interest", "Interest", "interest"),
    ("penalty_interest", "Penalty interest", "penalty_interest"),
    ("repayment", "Repayment, thank you", "repayment"),
    ("loan_disbursement", "借呗放款", "loan_disbursement"),
)


def _backfill_transactions() -> None:
    whens = " ".join(
        f"WHEN type = '{kind}' AND description = '{text}' THEN '{code}'" for kind, text, code in PLAIN
    )
    whens += (" WHEN type = 'purchase' AND merchant IS NOT NULL AND description = merchant || ' 消费' THEN 'purchase'"
              " WHEN type = 'refund' AND merchant IS NOT NULL AND description = merchant || ' 退款' THEN 'refund'")
    op.execute(f"UPDATE transactions SET description_code = CASE {whens} ELSE NULL END")  # noqa: S608 - constants
    build = "jsonb_build_object" if op.get_bind().dialect.name == "postgresql" else "json_object"
    op.execute(
        f"UPDATE transactions SET description_params = {build}('merchant', merchant)"  # noqa: S608 - constants
        " WHERE description_code IN ('purchase', 'refund')"
    )


def _backfill_bill_lines() -> None:
    """A line says what its transaction says; the previous balance has a code of its own."""
    op.execute(
        "UPDATE bill_lines SET"
        " description_code = (SELECT t.description_code FROM transactions t WHERE t.id = bill_lines.transaction_id),"
        " description_params = (SELECT t.description_params FROM transactions t WHERE t.id = bill_lines.transaction_id)"
        " WHERE transaction_id IS NOT NULL"
    )
    op.execute("UPDATE bill_lines SET description_code = 'previous_balance' WHERE type = 'previous_balance'")


def upgrade() -> None:
    with op.batch_alter_table("transactions") as batch:
        batch.add_column(sa.Column("description_code", sa.String(length=48), nullable=True))
        batch.add_column(sa.Column("description_params", JSON_DOCUMENT, nullable=True))
    with op.batch_alter_table("bill_lines") as batch:
        batch.add_column(sa.Column("description_code", sa.String(length=48), nullable=True))
        batch.add_column(sa.Column("description_params", JSON_DOCUMENT, nullable=True))
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("summary_code", sa.String(length=48), nullable=True))
        batch.add_column(sa.Column("summary_params", JSON_DOCUMENT, nullable=True))
    _backfill_transactions()
    _backfill_bill_lines()


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("summary_params")
        batch.drop_column("summary_code")
    with op.batch_alter_table("bill_lines") as batch:
        batch.drop_column("description_params")
        batch.drop_column("description_code")
    with op.batch_alter_table("transactions") as batch:
        batch.drop_column("description_params")
        batch.drop_column("description_code")
