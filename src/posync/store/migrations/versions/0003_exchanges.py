"""exchanges: interchanges sent to partners and their acknowledgement state

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 04:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from posync.store.types import UtcDateTime

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exchanges",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partner", sa.String(length=80), nullable=False),
        sa.Column("standard", sa.String(length=16), nullable=False),
        sa.Column("interchange_control_number", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("archive_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchanges")),
    )
    op.create_index(
        "ix_exchanges_interchange",
        "exchanges",
        ["partner", "interchange_control_number"],
        unique=True,
    )
    op.create_index("ix_exchanges_updated_at", "exchanges", ["updated_at"])
    op.create_table(
        "exchange_groups",
        sa.Column("partner", sa.String(length=80), nullable=False),
        sa.Column("group_control_number", sa.String(length=20), nullable=False),
        sa.Column("exchange_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["exchange_id"],
            ["exchanges.id"],
            name=op.f("fk_exchange_groups_exchange_id_exchanges"),
        ),
        sa.PrimaryKeyConstraint("partner", "group_control_number", name=op.f("pk_exchange_groups")),
    )


def downgrade() -> None:
    op.drop_table("exchange_groups")
    op.drop_index("ix_exchanges_updated_at", table_name="exchanges")
    op.drop_index("ix_exchanges_interchange", table_name="exchanges")
    op.drop_table("exchanges")
