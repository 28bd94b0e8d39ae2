"""Canonical JSON carries every document unchanged: encode then decode gives it back."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from posync.codecs.canonical_json import JsonCodec
from posync.codecs.errors import DecodeError
from posync.domain.documents import (
    FunctionalAcknowledgement,
    GoodsReceipt,
    Invoice,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ScheduleLine,
    ShipNotice,
)
from support.documents import (
    VALID_DOCUMENT_FACTORIES,
    make_goods_receipt,
    make_purchase_order,
    make_rich_purchase_order,
    set_at,
)
from support.strategies import valid_purchase_orders, values_of

DOCUMENT_TYPES = [
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ShipNotice,
    GoodsReceipt,
    Invoice,
    FunctionalAcknowledgement,
]
PURCHASE_ORDERS = JsonCodec(PurchaseOrder)


def codec_for(document: object) -> JsonCodec[Any]:
    return JsonCodec(type(document))


def json_types_only(value: object) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and json_types_only(v) for k, v in value.items())
    if isinstance(value, list):
        return all(json_types_only(item) for item in value)
    return value is None or (isinstance(value, str | int | bool) and not isinstance(value, float))


@settings(max_examples=150, deadline=None)
@given(order=valid_purchase_orders())
@example(order=make_rich_purchase_order())
@example(order=make_purchase_order())
def test_a_valid_purchase_order_survives_the_round_trip(order: PurchaseOrder) -> None:
    assert order.problems() == []

    text = PURCHASE_ORDERS.dumps(order)
    decoded = PURCHASE_ORDERS.loads(text)

    assert decoded == order
    assert PURCHASE_ORDERS.decode(PURCHASE_ORDERS.encode(order)) == order
    assert PURCHASE_ORDERS.dumps(decoded) == text, "the scale of every decimal is kept"
    assert decoded.problems() == []


@pytest.mark.parametrize("document_type", DOCUMENT_TYPES, ids=lambda t: t.__name__)
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_any_well_typed_document_survives_the_round_trip(
    document_type: type, data: st.DataObject
) -> None:
    document = data.draw(values_of(document_type), label="document")
    codec: JsonCodec[Any] = JsonCodec(document_type)

    text = codec.dumps(document)

    assert codec.loads(text) == document
    assert codec.dumps(codec.loads(text)) == text


@pytest.mark.parametrize("factory", VALID_DOCUMENT_FACTORIES, ids=lambda f: f.__name__)
def test_every_example_document_survives_the_round_trip(factory: Any) -> None:
    document = factory()
    codec = codec_for(document)

    assert codec.loads(codec.dumps(document)) == document
    assert codec.decode(codec.encode(document)) == document


@pytest.mark.parametrize("factory", VALID_DOCUMENT_FACTORIES, ids=lambda f: f.__name__)
def test_encoding_gives_plain_json_values_and_never_a_float(factory: Any) -> None:
    encoded = codec_for(factory()).encode(factory())

    assert json_types_only(encoded)


def test_fields_are_written_in_declaration_order_with_every_field_present() -> None:
    encoded = PURCHASE_ORDERS.encode(make_purchase_order())

    assert list(encoded) == [field.name for field in dataclasses.fields(PurchaseOrder)]
    assert encoded["ship_to"] is None
    assert encoded["notes"] == []
    assert encoded["kind"] == "standard"
    assert encoded["order_date"] == "2026-11-20"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("12345678901234.5678"), "12345678901234.5678"),
        (Decimal("0.0001"), "0.0001"),
        (Decimal("10.00"), "10.00"),
        (Decimal("10"), "10"),
        (Decimal("1E+2"), "100"),
        (Decimal("1E-7"), "0.0000001"),
        (Decimal("-0.50"), "-0.50"),
    ],
)
def test_decimals_are_written_as_strings_in_plain_notation(value: Decimal, text: str) -> None:
    order = set_at(make_purchase_order(), "lines[0].unit_price", value)

    encoded = PURCHASE_ORDERS.encode(order)

    assert encoded["lines"][0]["unit_price"] == text
    assert PURCHASE_ORDERS.decode(encoded).lines[0].unit_price == value


def test_the_text_is_compact_and_keeps_non_ascii_characters() -> None:
    text = PURCHASE_ORDERS.dumps(make_rich_purchase_order())

    assert "Müller Industriebedarf GmbH" in text
    assert text == json.dumps(json.loads(text), separators=(",", ":"), ensure_ascii=False)


def test_an_aware_datetime_keeps_its_instant_to_the_microsecond() -> None:
    codec = JsonCodec(GoodsReceipt)
    offset = timezone(timedelta(hours=5, minutes=30))
    moment = datetime(2026, 12, 14, 9, 30, 15, 123456, tzinfo=offset)

    encoded = codec.encode(make_goods_receipt(received_at=moment))
    decoded = codec.decode(encoded)

    written = datetime.fromisoformat(encoded["received_at"])
    assert written.utcoffset() is not None
    assert written == moment
    assert decoded.received_at == moment
    assert decoded.received_at.utcoffset() is not None


def test_an_offset_with_seconds_keeps_its_instant() -> None:
    # Zone rules before about 1900 (local mean time) have offsets with seconds,
    # e.g. Europe/Amsterdam +00:19:32; the round trip must not move the moment.
    codec = JsonCodec(GoodsReceipt)
    moment = datetime(1890, 5, 1, 12, 0, tzinfo=timezone(timedelta(minutes=19, seconds=32)))

    decoded = codec.loads(codec.dumps(make_goods_receipt(received_at=moment)))

    assert decoded.received_at == moment
    assert decoded.received_at.astimezone(UTC) == datetime(1890, 5, 1, 11, 40, 28, tzinfo=UTC)


def refused_or_round_trip(codec: JsonCodec[Any], data: object) -> list[str] | None:
    """The refused field paths, or None after checking that what was decoded round-trips."""
    try:
        document = codec.decode(data)
    except DecodeError as error:
        return [problem.field for problem in error.problems]
    assert codec.loads(codec.dumps(document)) == document
    return None


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("lines[0].line_number", 2**64),
        ("lines[0].line_number", 10**30),
        ("payment_terms.net_days", -(2**63) - 1),
    ],
    ids=["2**64", "10**30", "below -2**63"],
)
def test_a_whole_number_the_decoder_accepts_can_be_written_back(path: str, raw: int) -> None:
    data = PURCHASE_ORDERS.encode(make_rich_purchase_order())
    if path.startswith("lines"):
        data["lines"][0]["line_number"] = raw
    else:
        data["payment_terms"]["net_days"] = raw

    # Refusing the number at its path is as good as writing it back unchanged.
    assert refused_or_round_trip(PURCHASE_ORDERS, data) in (None, [path])


def test_a_string_the_decoder_accepts_can_be_written_back() -> None:
    # JSON may escape a lone surrogate ("\ud800"); Python's json module decodes it into
    # a str that has no UTF-8 form.
    text = PURCHASE_ORDERS.dumps(make_purchase_order()).replace('"Part 1"', '"Part \\ud800"')

    assert refused_or_round_trip(PURCHASE_ORDERS, json.loads(text)) in (
        None,
        ["lines[0].description"],
    )


def test_nested_documents_decode_into_their_dataclasses_and_tuples() -> None:
    order = PURCHASE_ORDERS.decode(PURCHASE_ORDERS.encode(make_rich_purchase_order()))

    schedule = order.lines[0].schedule
    assert isinstance(schedule, tuple)
    assert all(type(entry) is ScheduleLine for entry in schedule)
    assert [str(entry.quantity) for entry in schedule] == ["60.5", "40.0"]
    assert type(order.lines[0].account_assignments[1].percentage) is Decimal
