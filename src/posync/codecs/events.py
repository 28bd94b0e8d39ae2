"""Domain events as canonical JSON, by event type name, for the audit log."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from posync.codecs.canonical_json import JsonCodec
from posync.domain.events import (
    DomainEvent,
    PurchaseOrderCreated,
    PurchaseOrderRevised,
    PurchaseOrderStatusChanged,
)


class EventCodec:
    """Turns events into ``(type name, JSON text)`` and back."""

    def __init__(self, event_types: Iterable[type[DomainEvent]]) -> None:
        self._codecs: dict[str, JsonCodec[Any]] = {
            event_type.__name__: JsonCodec(event_type) for event_type in event_types
        }

    def encode(self, event: DomainEvent) -> tuple[str, str]:
        name = type(event).__name__
        return name, self._codecs[name].dumps(event)

    def decode(self, event_type: str, payload: str) -> DomainEvent:
        event: DomainEvent = self._codecs[event_type].loads(payload)
        return event


def purchase_order_events() -> EventCodec:
    return EventCodec((PurchaseOrderCreated, PurchaseOrderRevised, PurchaseOrderStatusChanged))
