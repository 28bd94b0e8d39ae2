"""canonical -> EDIFACT -> canonical is the identity, for every message posync maps.

The documents come from ``support.edifact_documents``, which holds them within
D.96A's limits (and says which and why). Each is encoded, written as text and
read back through the notation reader, so release characters are exercised,
and must decode to the document it was. Whatever D.96A cannot hold must be
refused with ``EncodeError`` naming the field, never cut.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posync.codecs.edifact.mapping import MAPPERS, MessageMapper, message_type_for
from posync.codecs.errors import EncodeError
from posync.domain.documents import ShipNotice
from posync.domain.values import Party
from support.documents import make_purchase_order
from support.edifact_documents import (
    acknowledgements,
    as_text,
    changes,
    invoices,
    purchase_orders,
    segments,
    ship_notices,
)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def round_trip(document: object) -> object:
    mapper: MessageMapper[Any] = MAPPERS[message_type_for(document)]
    encoded = mapper.encode(document)
    decoded: object = mapper.decode(segments(as_text(encoded)))
    return decoded


def packs_in_id_order(notice: ShipNotice) -> ShipNotice:
    """The CPS hierarchy lists packs as it meets them: compare them in one order."""
    return dataclasses.replace(notice, packs=tuple(sorted(notice.packs, key=lambda p: p.pack_id)))


@SETTINGS
@given(purchase_orders())
def test_orders_round_trip(order: Any) -> None:
    assert round_trip(order) == order


@SETTINGS
@given(changes())
def test_order_changes_round_trip(change: Any) -> None:
    assert round_trip(change) == change


@SETTINGS
@given(st.booleans().flatmap(lambda answers_change: acknowledgements(change_number=answers_change)))
def test_order_responses_round_trip_for_orders_and_changes(acknowledgement: Any) -> None:
    assert round_trip(acknowledgement) == acknowledgement


@SETTINGS
@given(ship_notices())
def test_despatch_advices_round_trip(notice: ShipNotice) -> None:
    decoded = round_trip(notice)
    assert isinstance(decoded, ShipNotice)
    assert packs_in_id_order(decoded) == packs_in_id_order(notice)


@SETTINGS
@given(invoices())
def test_invoices_round_trip(invoice: Any) -> None:
    assert round_trip(invoice) == invoice


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        (
            {"buyer": Party(name="A" * 36)},
            "buyer.name",
            "NAD C080.3036 holds 5 x 35 characters, a text cut at spaces (D.96A)",
        ),
        ({"number": "N" * 36}, "number", "BGM 1004 holds 35 characters (D.96A), got 36"),
        ({"notes": ("word " * 80,)}, "notes[0]", "FTX C108.4440 holds 5 x 70 characters"),
    ],
)
def test_what_d96a_cannot_hold_is_refused_by_field(
    change: dict[str, object], field: str, expected: str
) -> None:
    order = dataclasses.replace(make_purchase_order(), **change)
    with pytest.raises(EncodeError) as raised:
        MAPPERS["ORDERS"].encode(order)
    assert [(p.field, p.message[: len(expected)]) for p in raised.value.problems] == [
        (field, expected)
    ]


def test_a_quantity_beyond_fifteen_digits_is_refused() -> None:
    order = make_purchase_order()
    line = dataclasses.replace(order.lines[0], quantity=Decimal(10**15))
    with pytest.raises(EncodeError) as raised:
        MAPPERS["ORDERS"].encode(dataclasses.replace(order, lines=(line, *order.lines[1:])))
    assert [p.field for p in raised.value.problems] == ["lines[0].quantity"]
