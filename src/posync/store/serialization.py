"""The canonical JSON codecs the store writes documents, diffs and events with."""

from __future__ import annotations

from dataclasses import dataclass, field

from posync.codecs.canonical_json import JsonCodec
from posync.codecs.events import EventCodec, purchase_order_events
from posync.domain.documents.purchase_order import PurchaseOrder
from posync.domain.exchanges import OutboundExchange
from posync.domain.revisions import OrderDiff


@dataclass(frozen=True, slots=True)
class StoreCodecs:
    purchase_order: JsonCodec[PurchaseOrder] = field(
        default_factory=lambda: JsonCodec(PurchaseOrder)
    )
    diff: JsonCodec[OrderDiff] = field(default_factory=lambda: JsonCodec(OrderDiff))
    events: EventCodec = field(default_factory=purchase_order_events)
    exchange: JsonCodec[OutboundExchange] = field(
        default_factory=lambda: JsonCodec(OutboundExchange)
    )
