"""admin and policy: users who must change their password; policy limits with their history

Revision ID: 0003_admin_policy_7c1e
Revises: 0003_money_bill_parts
Create Date: 2026-12-04 12:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_admin_policy_7c1e"
down_revision: str | None = "0003_money_bill_parts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        "policy_limits",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("effective_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("change_id", BIG_ID, nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_policy_limits")),
    )
    op.create_table(
        "policy_changes",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("old_value", sa.BigInteger(), nullable=True),
        sa.Column("new_value", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("proposed_by", BIG_ID, nullable=True),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", BIG_ID, nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_comment", sa.String(length=500), nullable=True),
        sa.Column("effective_from", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["proposed_by"], ["users.id"], name=op.f("fk_policy_changes_proposed_by_users")),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"], name=op.f("fk_policy_changes_decided_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_changes")),
    )
    op.create_index("ix_policy_changes_name_status", "policy_changes", ["name", "status"], unique=False)
    op.create_index(
        "ix_policy_changes_status_proposed_at", "policy_changes", ["status", "proposed_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_policy_changes_status_proposed_at", table_name="policy_changes")
    op.drop_index("ix_policy_changes_name_status", table_name="policy_changes")
    op.drop_table("policy_changes")
    op.drop_table("policy_limits")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("must_change_password")
