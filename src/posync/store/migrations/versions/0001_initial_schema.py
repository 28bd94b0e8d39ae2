"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 01:03:38.675581
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import posync.store.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "archived_documents",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("received_at", posync.store.types.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_archived_documents")),
    )
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_sequence", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    # The chain starts at the genesis hash; every append moves this one row.
    op.bulk_insert(
        sa.table(
            "audit_chain_head",
            sa.column("id", sa.Integer),
            sa.column("last_sequence", sa.BigInteger),
            sa.column("last_hash", sa.String),
        ),
        [{"id": 1, "last_sequence": 0, "last_hash": "0" * 64}],
    )
    op.create_table(
        "audit_log",
        sa.Column("sequence", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("stream", sa.String(length=80), nullable=False),
        sa.Column("event_type", sa.String(length=80), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("recorded_at", posync.store.types.UtcDateTime(), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("sequence", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_stream_sequence", ["stream", "sequence"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("destination", sa.String(length=200), nullable=False),
        sa.Column("ordering_key", sa.String(length=120), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", posync.store.types.UtcDateTime(), nullable=False),
        sa.Column("next_attempt_at", posync.store.types.UtcDateTime(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_outbox_idempotency_key")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_ordering_key_id", ["ordering_key", "id"], unique=False)
        batch_op.create_index(
            "ix_outbox_state_next_attempt", ["state", "next_attempt_at"], unique=False
        )

    op.create_table(
        "purchase_orders",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("order_date", sa.Date(), nullable=False),
        sa.Column("buyer_name", sa.String(length=120), nullable=False),
        sa.Column("supplier_name", sa.String(length=120), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total_amount", posync.store.types.ExactDecimal(), nullable=False),
        sa.Column("line_count", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("created_at", posync.store.types.UtcDateTime(), nullable=False),
        sa.Column("updated_at", posync.store.types.UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_purchase_orders")),
    )
    with op.batch_alter_table("purchase_orders", schema=None) as batch_op:
        batch_op.create_index(
            "ix_purchase_orders_status_updated", ["status", "updated_at"], unique=False
        )
        batch_op.create_index("ix_purchase_orders_supplier", ["supplier_name"], unique=False)

    op.create_table(
        "purchase_order_lines",
        sa.Column("purchase_order_number", sa.String(length=40), nullable=False),
        sa.Column("line_number", sa.Integer(), nullable=False),
        sa.Column("buyer_item", sa.String(length=48), nullable=True),
        sa.Column("supplier_item", sa.String(length=48), nullable=True),
        sa.Column("gtin", sa.String(length=14), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("quantity", posync.store.types.ExactDecimal(), nullable=False),
        sa.Column("unit_of_measure", sa.String(length=8), nullable=False),
        sa.Column("unit_price", posync.store.types.ExactDecimal(), nullable=False),
        sa.Column("requested_delivery_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["purchase_order_number"],
            ["purchase_orders.number"],
            name=op.f("fk_purchase_order_lines_purchase_order_number_purchase_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "purchase_order_number", "line_number", name=op.f("pk_purchase_order_lines")
        ),
    )
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.create_index("ix_purchase_order_lines_buyer_item", ["buyer_item"], unique=False)

    op.create_table(
        "purchase_order_revisions",
        sa.Column("purchase_order_number", sa.String(length=40), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("diff", sa.Text(), nullable=False),
        sa.Column("created_at", posync.store.types.UtcDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["purchase_order_number"],
            ["purchase_orders.number"],
            name=op.f("fk_purchase_order_revisions_purchase_order_number_purchase_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "purchase_order_number", "revision", name=op.f("pk_purchase_order_revisions")
        ),
    )


def downgrade() -> None:
    op.drop_table("purchase_order_revisions")
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_purchase_order_lines_buyer_item")

    op.drop_table("purchase_order_lines")
    with op.batch_alter_table("purchase_orders", schema=None) as batch_op:
        batch_op.drop_index("ix_purchase_orders_supplier")
        batch_op.drop_index("ix_purchase_orders_status_updated")

    op.drop_table("purchase_orders")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_state_next_attempt")
        batch_op.drop_index("ix_outbox_ordering_key_id")

    op.drop_table("outbox")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_stream_sequence")

    op.drop_table("audit_log")
    op.drop_table("audit_chain_head")
    op.drop_table("archived_documents")
