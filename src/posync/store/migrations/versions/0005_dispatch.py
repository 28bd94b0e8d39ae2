"""dispatch: outbox media type, order, lease and receipt; the exceptions table

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from posync.store.types import UtcDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Messages queued before this revision carry no media type: they are plain bytes.
EXISTING_MEDIA_TYPE = "application/octet-stream"


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "media_type",
                sa.String(length=120),
                nullable=False,
                server_default=EXISTING_MEDIA_TYPE,
            )
        )
        batch_op.add_column(sa.Column("purchase_order_number", sa.String(length=40)))
        batch_op.add_column(sa.Column("lease_expires_at", UtcDateTime()))
        batch_op.add_column(sa.Column("delivered_at", UtcDateTime()))
        batch_op.add_column(sa.Column("receipt", sa.LargeBinary()))
    op.create_table(
        "exceptions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("partner_id", sa.String(length=40)),
        sa.Column("purchase_order_number", sa.String(length=40)),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("raised_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exceptions")),
    )
    op.create_index(
        "ix_exceptions_state_raised_at", "exceptions", ["state", "raised_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_exceptions_state_raised_at", table_name="exceptions")
    op.drop_table("exceptions")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("receipt")
        batch_op.drop_column("delivered_at")
        batch_op.drop_column("lease_expires_at")
        batch_op.drop_column("purchase_order_number")
        batch_op.drop_column("media_type")
