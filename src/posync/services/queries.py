"""The read side: views of purchase orders for pages, the API and the CLI.

Reads do not go through aggregates; the store answers them directly from
its tables (``posync.store.views``), the memory adapter from its dicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from posync.domain.documents.purchase_order import PurchaseOrder
from posync.domain.lifecycle import OrderStatus
from posync.domain.revisions import Revision


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderView:
    document: PurchaseOrder
    status: OrderStatus
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderSummary:
    number: str
    revision: int
    status: OrderStatus
    supplier: str
    currency: str
    total_amount: Decimal
    line_count: int
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderFilter:
    status: OrderStatus | None = None
    supplier: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    """One event on a purchase order's timeline; ``payload`` is its canonical JSON."""

    sequence: int
    event_type: str
    recorded_at: datetime
    payload: str


class PurchaseOrderQueries(Protocol):
    def get(self, number: str) -> PurchaseOrderView | None: ...

    def search(self, query: PurchaseOrderFilter) -> Sequence[PurchaseOrderSummary]: ...

    def count(self, query: PurchaseOrderFilter) -> int: ...

    def revisions(self, number: str) -> Sequence[Revision]: ...

    def timeline(self, number: str) -> Sequence[TimelineEntry]: ...
