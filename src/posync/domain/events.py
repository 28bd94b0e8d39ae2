"""Domain events: facts, named in the past tense.

Every event lands in the append-only audit log in the same transaction as
the change that raised it, on its ``stream``: a purchase order's number for
``PurchaseOrderEvent``s (a PO's timeline is its stream in order), other
streams (``partner:acme``) for facts about other things.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from posync.domain.lifecycle import OrderStatus
from posync.domain.revisions import OrderDiff


@dataclass(frozen=True, slots=True, kw_only=True)
class DomainEvent:
    occurred_at: datetime
    actor: str

    @property
    def stream(self) -> str:
        """The audit stream the event is recorded on; each kind of event says which."""
        raise NotImplementedError(f"{type(self).__name__} names no stream")


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderEvent(DomainEvent):
    """A fact about one purchase order, recorded on the order's own stream."""

    purchase_order_number: str

    @property
    def stream(self) -> str:
        return self.purchase_order_number


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderCreated(PurchaseOrderEvent):
    revision: int
    status: OrderStatus
    line_count: int
    total_amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderRevised(PurchaseOrderEvent):
    revision: int
    diff: OrderDiff
    reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderStatusChanged(PurchaseOrderEvent):
    from_status: OrderStatus
    to_status: OrderStatus
    reason: str | None = None
