"""control numbers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 01:29:27.011524
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "control_numbers",
        sa.Column("partner", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("last_number", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("partner", "kind", name=op.f("pk_control_numbers")),
    )


def downgrade() -> None:
    op.drop_table("control_numbers")
