"""Domain events: facts about purchase orders, named in the past tense.

Every event lands in the append-only audit log in the same transaction as
the change that raised it; a PO's timeline is its events in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from posync.domain.lifecycle import OrderStatus
from posync.domain.revisions import OrderDiff


@dataclass(frozen=True, slots=True, kw_only=True)
class DomainEvent:
    purchase_order_number: str
    occurred_at: datetime
    actor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderCreated(DomainEvent):
    revision: int
    status: OrderStatus
    line_count: int
    total_amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderRevised(DomainEvent):
    revision: int
    diff: OrderDiff
    reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderStatusChanged(DomainEvent):
    from_status: OrderStatus
    to_status: OrderStatus
    reason: str | None = None
