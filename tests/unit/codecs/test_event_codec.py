"""Domain events as (type name, canonical JSON) for the audit log, and back."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest

from posync.codecs.errors import DecodeError
from posync.codecs.events import purchase_order_events
from posync.domain.aggregate import PurchaseOrderAggregate
from posync.domain.events import DomainEvent
from posync.domain.lifecycle import OrderStatus
from support.documents import make_line, make_purchase_order, set_at, utc

AT = utc(2026, 11, 20, 8, 15)


def lifecycle_events() -> list[DomainEvent]:
    order = PurchaseOrderAggregate.create(make_purchase_order(), at=AT, actor="ada")
    revised = set_at(make_purchase_order(currency="EUR"), "lines[0].quantity", Decimal("12.5"))
    order.revise(
        make_purchase_order(currency="EUR", lines=(*revised.lines[:1], make_line(3))),
        at=AT + timedelta(hours=1),
        actor="bo",
        reason="supplier asked",
    )
    order.transition(OrderStatus.APPROVED, at=AT + timedelta(hours=2), actor="cy")
    return list(order.events)


def test_the_three_purchase_order_events_survive_the_round_trip() -> None:
    codec = purchase_order_events()
    events = lifecycle_events()

    encoded = [codec.encode(event) for event in events]

    assert [event_type for event_type, _ in encoded] == [
        "PurchaseOrderCreated",
        "PurchaseOrderRevised",
        "PurchaseOrderStatusChanged",
    ]
    assert [codec.decode(event_type, payload) for event_type, payload in encoded] == events


def test_the_payload_is_canonical_json_with_exact_amounts() -> None:
    created = lifecycle_events()[0]

    _, payload = purchase_order_events().encode(created)

    assert json.loads(payload) == {
        "purchase_order_number": "PO-1001",
        "occurred_at": "2026-11-20T08:15:00+00:00",
        "actor": "ada",
        "revision": 0,
        "status": "draft",
        "line_count": 2,
        "total_amount": "25.0010",
        "currency": "USD",
    }
    assert " " not in payload


def test_a_revision_event_carries_its_diff_with_line_kinds() -> None:
    revised = lifecycle_events()[1]

    _, payload = purchase_order_events().encode(revised)
    diff = json.loads(payload)["diff"]

    assert diff["header"] == [{"field": "currency", "before": "USD", "after": "EUR"}]
    assert [(line["line_number"], line["kind"]) for line in diff["lines"]] == [
        (1, "changed"),
        (2, "removed"),
        (3, "added"),
    ]
    assert diff["lines"][0]["changes"] == [{"field": "quantity", "before": "10", "after": "12.5"}]


def test_the_same_event_always_gives_the_same_payload() -> None:
    codec = purchase_order_events()
    event = lifecycle_events()[2]

    assert codec.encode(event) == codec.encode(event)
    assert codec.encode(event) == purchase_order_events().encode(event)


def test_a_tampered_payload_is_refused() -> None:
    codec = purchase_order_events()
    _, payload = codec.encode(lifecycle_events()[2])

    with pytest.raises(DecodeError) as raised:
        codec.decode("PurchaseOrderStatusChanged", payload.replace('"approved"', '"shipped!"'))

    assert [problem.field for problem in raised.value.problems] == ["to_status"]
