"""The tables, in SQLAlchemy Core. Domain objects never inherit from them.

Purchase orders are keyed by their number. ``purchase_orders`` holds the
current revision (its document as canonical JSON plus the columns lists and
filters need); ``purchase_order_lines`` is the current revision's lines as
rows, for item and quantity queries; ``purchase_order_revisions`` keeps every
revision's document and diff. ``audit_log`` is append-only and hash-chained,
its head kept in ``audit_chain_head`` so appends serialize. Archived documents
are immutable and addressed by sha256. Trading partners are keyed by their
id, their own envelope identity unique per standard; their secrets live in
``partner_secrets`` only. ``outbox`` is the dispatcher's queue (a message is
``sending`` under a lease until ``lease_expires_at``); ``exceptions`` holds
what a person must look at.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

from posync.services.ports import DEFAULT_MEDIA_TYPE
from posync.store.types import ExactDecimal, UtcDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

purchase_orders = Table(
    "purchase_orders",
    metadata,
    Column("number", String(40), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("status", String(32), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("order_date", Date, nullable=False),
    Column("buyer_name", String(120), nullable=False),
    Column("supplier_name", String(120), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("total_amount", ExactDecimal, nullable=False),
    Column("line_count", Integer, nullable=False),
    Column("document", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
    Index("ix_purchase_orders_status_updated", "status", "updated_at"),
    Index("ix_purchase_orders_supplier", "supplier_name"),
)

purchase_order_lines = Table(
    "purchase_order_lines",
    metadata,
    Column(
        "purchase_order_number",
        String(40),
        ForeignKey("purchase_orders.number", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("line_number", Integer, primary_key=True),
    Column("buyer_item", String(48)),
    Column("supplier_item", String(48)),
    Column("gtin", String(14)),
    Column("description", Text),
    Column("quantity", ExactDecimal, nullable=False),
    Column("unit_of_measure", String(8), nullable=False),
    Column("unit_price", ExactDecimal, nullable=False),
    Column("requested_delivery_date", Date),
    Index("ix_purchase_order_lines_buyer_item", "buyer_item"),
)

purchase_order_revisions = Table(
    "purchase_order_revisions",
    metadata,
    Column(
        "purchase_order_number",
        String(40),
        ForeignKey("purchase_orders.number", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("revision", Integer, primary_key=True),
    Column("document", Text, nullable=False),
    Column("diff", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("actor", String(120), nullable=False),
    Column("reason", Text),
)

archived_documents = Table(
    "archived_documents",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("content", LargeBinary, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("media_type", String(120), nullable=False),
    Column("source", String(200), nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("sequence", BigInteger, primary_key=True, autoincrement=False),
    Column("stream", String(80), nullable=False),
    Column("event_type", String(80), nullable=False),
    Column("payload", Text, nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
    Column("previous_hash", String(64), nullable=False),
    Column("entry_hash", String(64), nullable=False),
    Index("ix_audit_log_stream_sequence", "stream", "sequence"),
)

audit_chain_head = Table(
    "audit_chain_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_sequence", BigInteger, nullable=False),
    Column("last_hash", String(64), nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("destination", String(200), nullable=False),
    Column("ordering_key", String(120), nullable=False),
    Column("payload", LargeBinary, nullable=False),
    Column("idempotency_key", String(200), nullable=False, unique=True),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("last_error", Text),
    Column("media_type", String(120), nullable=False, server_default=DEFAULT_MEDIA_TYPE),
    Column("purchase_order_number", String(40)),
    Column("lease_expires_at", UtcDateTime),
    Column("delivered_at", UtcDateTime),
    Column("receipt", LargeBinary),
    Index("ix_outbox_state_next_attempt", "state", "next_attempt_at"),
    Index("ix_outbox_ordering_key_id", "ordering_key", "id"),
)

# Raised for people (a delivery refused or out of attempts, an overdue answer, ...).
exceptions = Table(
    "exceptions",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("state", String(16), nullable=False),
    Column("partner_id", String(40)),
    Column("purchase_order_number", String(40)),
    Column("reference", String(200), nullable=False),
    Column("detail", Text, nullable=False),
    Column("raised_at", UtcDateTime, nullable=False),
    Index("ix_exceptions_state_raised_at", "state", "raised_at"),
)

control_numbers = Table(
    "control_numbers",
    metadata,
    Column("partner", String(80), primary_key=True),
    Column("kind", String(20), primary_key=True),
    Column("last_number", BigInteger, nullable=False),
)

exchanges = Table(
    "exchanges",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("partner", String(80), nullable=False),
    Column("standard", String(16), nullable=False),
    Column("interchange_control_number", String(20), nullable=False),
    Column("state", String(24), nullable=False),
    Column("archive_sha256", String(64), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
    Column("document", Text, nullable=False),
    Index("ix_exchanges_interchange", "partner", "interchange_control_number", unique=True),
    Index("ix_exchanges_updated_at", "updated_at"),
)

exchange_groups = Table(
    "exchange_groups",
    metadata,
    Column("partner", String(80), primary_key=True),
    Column("group_control_number", String(20), primary_key=True),
    Column("exchange_id", String(36), ForeignKey("exchanges.id"), nullable=False),
)

partners = Table(
    "partners",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", String(120), nullable=False),
    Column("standard", String(16), nullable=False),
    Column("their_qualifier", String(60), nullable=False),
    Column("their_identifier", String(128), nullable=False),
    Column("version", Integer, nullable=False),
    Column("document", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index(
        "ix_partners_their_identity",
        "standard",
        "their_qualifier",
        "their_identifier",
        unique=True,
    ),
)

# Kept apart from ``partners``: a partner's row and document never hold a secret's value.
partner_secrets = Table(
    "partner_secrets",
    metadata,
    Column(
        "partner",
        String(40),
        ForeignKey("partners.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("name", String(40), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)
