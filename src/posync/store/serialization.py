"""The canonical JSON codecs the store writes documents, diffs, events and partners with."""

from __future__ import annotations

from dataclasses import dataclass, field

from posync.codecs.canonical_json import JsonCodec
from posync.codecs.events import EventCodec
from posync.codecs.partner_data import PartnerJson
from posync.domain.documents.purchase_order import PurchaseOrder
from posync.domain.events import (
    PurchaseOrderCreated,
    PurchaseOrderRevised,
    PurchaseOrderStatusChanged,
)
from posync.domain.exceptions import EXCEPTION_EVENTS
from posync.domain.exchanges import OutboundExchange
from posync.domain.partners import PARTNER_EVENTS
from posync.domain.revisions import OrderDiff


def audit_events() -> EventCodec:
    """Every event the audit log records: orders', partners' and raised exceptions'."""
    return EventCodec(
        (
            PurchaseOrderCreated,
            PurchaseOrderRevised,
            PurchaseOrderStatusChanged,
            *PARTNER_EVENTS,
            *EXCEPTION_EVENTS,
        )
    )


@dataclass(frozen=True, slots=True)
class StoreCodecs:
    purchase_order: JsonCodec[PurchaseOrder] = field(
        default_factory=lambda: JsonCodec(PurchaseOrder)
    )
    diff: JsonCodec[OrderDiff] = field(default_factory=lambda: JsonCodec(OrderDiff))
    events: EventCodec = field(default_factory=audit_events)
    exchange: JsonCodec[OutboundExchange] = field(
        default_factory=lambda: JsonCodec(OutboundExchange)
    )
    partner: PartnerJson = field(default_factory=PartnerJson)
