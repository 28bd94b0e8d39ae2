"""partners: trading partners as data, and their secrets kept apart

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from posync.store.types import UtcDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "partners",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("standard", sa.String(length=16), nullable=False),
        sa.Column("their_qualifier", sa.String(length=60), nullable=False),
        sa.Column("their_identifier", sa.String(length=128), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partners")),
    )
    op.create_index(
        "ix_partners_their_identity",
        "partners",
        ["standard", "their_qualifier", "their_identifier"],
        unique=True,
    )
    op.create_table(
        "partner_secrets",
        sa.Column("partner", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner"],
            ["partners.id"],
            name=op.f("fk_partner_secrets_partner_partners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("partner", "name", name=op.f("pk_partner_secrets")),
    )


def downgrade() -> None:
    op.drop_table("partner_secrets")
    op.drop_index("ix_partners_their_identity", table_name="partners")
    op.drop_table("partners")
