"""Decoding refuses wrong input with every problem named by its exact field path."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from posync.codecs.canonical_json import JsonCodec
from posync.codecs.errors import DecodeError
from posync.domain.documents import GoodsReceipt, OrderKind, PurchaseOrder
from posync.domain.errors import InvalidDocument, Problem
from posync.domain.events import PurchaseOrderStatusChanged
from support.documents import make_goods_receipt, make_purchase_order

PURCHASE_ORDERS = JsonCodec(PurchaseOrder)
GOODS_RECEIPTS = JsonCodec(GoodsReceipt)


def order_data() -> dict[str, Any]:
    data: dict[str, Any] = PURCHASE_ORDERS.encode(make_purchase_order())
    return data


def problems_of(codec: JsonCodec[Any], data: object) -> list[Problem]:
    with pytest.raises(DecodeError) as raised:
        codec.decode(data)
    return list(raised.value.problems)


def fields_of(codec: JsonCodec[Any], data: object) -> list[str]:
    return [problem.field for problem in problems_of(codec, data)]


# --- decimals ----------------------------------------------------------------------------


def test_a_float_is_refused_naming_exactly_its_field() -> None:
    data = order_data()
    data["lines"][0]["unit_price"] = 2.5

    assert problems_of(PURCHASE_ORDERS, data) == [
        Problem(
            "lines[0].unit_price",
            'must be a decimal number written as a string, such as "2.5"; '
            "got the JSON number 2.5, which cannot carry money or quantities exactly",
        )
    ]


def test_a_number_with_a_fraction_in_json_text_is_refused() -> None:
    text = PURCHASE_ORDERS.dumps(make_purchase_order()).replace(
        '"unit_price":"0.0001"', '"unit_price":0.0001'
    )

    with pytest.raises(DecodeError) as raised:
        PURCHASE_ORDERS.loads(text)

    assert [problem.field for problem in raised.value.problems] == ["lines[1].unit_price"]


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity", "1.0", "1e2"])
def test_json_number_tokens_that_are_not_whole_are_refused_not_a_crash(token: str) -> None:
    text = PURCHASE_ORDERS.dumps(make_purchase_order()).replace(
        '"quantity":"10"', f'"quantity":{token}', 1
    )

    with pytest.raises(DecodeError) as raised:
        PURCHASE_ORDERS.loads(text)

    assert [problem.field for problem in raised.value.problems] == ["lines[0].quantity"]


@pytest.mark.parametrize("whole", [0, 7, -3, 10**30])
def test_a_whole_json_number_is_accepted_for_a_decimal(whole: int) -> None:
    data = order_data()
    data["lines"][0]["unit_price"] = whole

    assert PURCHASE_ORDERS.decode(data).lines[0].unit_price == Decimal(whole)


@pytest.mark.parametrize(
    "text",
    [
        "1e5",
        "1E5",
        "NaN",
        "Infinity",
        "-Infinity",
        "sNaN",
        " 1",
        "1 ",
        "+1",
        "1.",
        ".5",
        "1,5",
        "",
        "-",
        "0x1F",
        "1_000",
        "--1",
        "1.2.3",
    ],
)
def test_a_decimal_string_must_be_plain_notation(text: str) -> None:
    data = order_data()
    data["lines"][0]["quantity"] = text

    assert problems_of(PURCHASE_ORDERS, data) == [
        Problem(
            "lines[0].quantity",
            f'must be a decimal number as a string like "12.50"; got the string {text!r}',
        )
    ]


@pytest.mark.parametrize(
    "text",
    ["\u0661\u0662.\u0665\u0660", "\uff11\uff12"],
    ids=["arabic-indic digits", "fullwidth digits"],
)
def test_a_decimal_string_of_non_ascii_digits_is_refused(text: str) -> None:
    # The JSON Schema pattern ^-?\d+(\.\d+)?$ means ASCII digits (ECMA-262 regex);
    # Python's \d also matches every other script's digits.
    data = order_data()
    data["lines"][0]["quantity"] = text

    assert fields_of(PURCHASE_ORDERS, data) == ["lines[0].quantity"]


@pytest.mark.parametrize("text", ["12.50", "-0.0001", "0", "0.000", "12345678901234.5678"])
def test_plain_decimal_strings_keep_their_scale(text: str) -> None:
    data = order_data()
    data["lines"][0]["unit_price"] = text

    assert str(PURCHASE_ORDERS.decode(data).lines[0].unit_price) == text


@pytest.mark.parametrize("raw", [True, None, [], {}])
def test_other_json_values_are_refused_for_a_decimal(raw: object) -> None:
    data = order_data()
    data["lines"][0]["quantity"] = raw

    assert fields_of(PURCHASE_ORDERS, data) == ["lines[0].quantity"]


# --- other scalars -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "raw", "message"),
    [
        ("number", 1001, "must be a string; got the number 1001"),
        ("number", None, "must be a string; got null"),
        ("revision", "1", "must be a whole number; got the string '1'"),
        ("revision", 1.0, "must be a whole number; got the number 1.0"),
        ("revision", True, "must be a whole number; got the boolean true"),
        ("order_date", "2026-02-30", "must be a date as YYYY-MM-DD; got the string '2026-02-30'"),
        ("order_date", "2026-2-3", "must be a date as YYYY-MM-DD; got the string '2026-2-3'"),
        ("order_date", "20260203", "must be a date as YYYY-MM-DD; got the string '20260203'"),
        (
            "order_date",
            "2026-02-03T00:00:00",
            "must be a date as YYYY-MM-DD; got the string '2026-02-03T00:00:00'",
        ),
        ("notes", "a note", "must be a list, got the string 'a note'"),
        ("buyer", "Northwind", "must be an object, got the string 'Northwind'"),
        ("lines", {"1": {}}, "must be a list, got an object"),
    ],
)
def test_a_value_of_the_wrong_kind_is_named_with_what_it_got(
    field: str, raw: object, message: str
) -> None:
    data = order_data()
    data[field] = raw

    assert problems_of(PURCHASE_ORDERS, data) == [Problem(field, message)]


def test_a_boolean_must_be_a_json_boolean() -> None:
    data = order_data()
    data["lines"][1]["capitalized"] = "yes"

    assert problems_of(PURCHASE_ORDERS, data) == [
        Problem("lines[1].capitalized", "must be true or false; got the string 'yes'")
    ]


def test_null_is_accepted_for_an_optional_field() -> None:
    data = order_data()
    data["ship_to"] = None
    data["lines"][0]["description"] = None

    order = PURCHASE_ORDERS.decode(data)

    assert order.ship_to is None
    assert order.lines[0].description is None


def test_a_document_that_is_not_an_object_is_refused_at_the_root() -> None:
    assert problems_of(PURCHASE_ORDERS, [order_data()]) == [
        Problem("", "must be an object, got a list")
    ]


def test_a_list_item_of_the_wrong_kind_is_named_by_its_index() -> None:
    data = order_data()
    data["notes"] = ["fine", 7]
    data["lines"].append("line three")

    assert problems_of(PURCHASE_ORDERS, data) == [
        Problem("lines[2]", "must be an object, got the string 'line three'"),
        Problem("notes[1]", "must be a string; got the number 7"),
    ]


# --- enumerations ------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["urgent", "STANDARD", "Standard", "DROPSHIP", 1, None])
def test_a_wrong_enumeration_value_lists_the_allowed_values(raw: object) -> None:
    data = order_data()
    data["kind"] = raw

    (problem,) = problems_of(PURCHASE_ORDERS, data)

    assert problem.field == "kind"
    assert problem.message.startswith("must be one of standard, blanket, release, dropship; got ")


def test_every_enumeration_value_is_accepted() -> None:
    for kind in OrderKind:
        data = order_data()
        data["kind"] = kind.value
        assert PURCHASE_ORDERS.decode(data).kind is kind


# --- fields ------------------------------------------------------------------------------


def test_an_unknown_field_is_named_at_any_depth() -> None:
    data = order_data()
    data["colour"] = "red"
    data["lines"][1]["discount"] = "5"
    data["buyer"]["address"]["planet"] = "Earth"

    assert problems_of(PURCHASE_ORDERS, data) == [
        Problem("colour", "is not a field of PurchaseOrder"),
        Problem("buyer.address.planet", "is not a field of Address"),
        Problem("lines[1].discount", "is not a field of PurchaseOrderLine"),
    ]


def test_a_missing_required_field_is_named_at_any_depth() -> None:
    data = order_data()
    del data["currency"]
    del data["lines"][1]["quantity"]
    del data["supplier"]["name"]

    assert problems_of(PURCHASE_ORDERS, data) == [
        Problem("supplier.name", "is required"),
        Problem("currency", "is required"),
        Problem("lines[1].quantity", "is required"),
    ]


def test_fields_with_defaults_may_be_left_out() -> None:
    data = order_data()
    for field in ("revision", "kind", "ship_to", "notes", "release_number"):
        del data[field]
    del data["lines"][0]["schedule"]
    del data["lines"][0]["capitalized"]

    order = PURCHASE_ORDERS.decode(data)

    assert order == make_purchase_order()


def test_every_problem_is_reported_at_once() -> None:
    data = order_data()
    data["lines"][0]["unit_price"] = 2.5
    data["kind"] = "urgent"
    del data["lines"][1]["unit_of_measure"]
    data["buyer"]["nickname"] = "NW"

    with pytest.raises(DecodeError) as raised:
        PURCHASE_ORDERS.decode(data)

    assert [problem.field for problem in raised.value.problems] == [
        "buyer.nickname",
        "lines[0].unit_price",
        "lines[1].unit_of_measure",
        "kind",
    ]
    assert raised.value.document_type == "PurchaseOrder"
    assert isinstance(raised.value, InvalidDocument)


def test_decoding_checks_structure_not_business_rules() -> None:
    data = order_data()
    data["currency"] = "dollars"

    assert PURCHASE_ORDERS.decode(data).currency == "dollars"


# --- datetimes ---------------------------------------------------------------------------


def test_a_naive_datetime_is_refused() -> None:
    data = GOODS_RECEIPTS.encode(make_goods_receipt())
    data["received_at"] = "2026-12-14T09:30:00"

    assert problems_of(GOODS_RECEIPTS, data) == [
        Problem(
            "received_at",
            "must be an ISO 8601 date and time with its UTC offset, like "
            "2026-01-31T09:30:00Z; got the string '2026-12-14T09:30:00'",
        )
    ]


@pytest.mark.parametrize(
    "raw", ["2026-12-14", "2026-13-14T09:30:00Z", "yesterday", "2026-12-14T09:30:00+25:00", 0]
)
def test_a_malformed_datetime_is_refused(raw: object) -> None:
    data = GOODS_RECEIPTS.encode(make_goods_receipt())
    data["received_at"] = raw

    assert fields_of(GOODS_RECEIPTS, data) == ["received_at"]


@pytest.mark.parametrize(
    "raw",
    [
        "2026-12-14T09:30:00Z",
        "2026-12-14T09:30:00+00:00",
        "2026-12-14T10:30:00+01:00",
        "2026-12-14T04:30:00.000000-05:00",
    ],
)
def test_an_aware_datetime_is_accepted_as_the_same_instant(raw: str) -> None:
    data = GOODS_RECEIPTS.encode(make_goods_receipt())
    data["received_at"] = raw

    received_at = GOODS_RECEIPTS.decode(data).received_at

    assert received_at == datetime(2026, 12, 14, 9, 30, tzinfo=UTC)
    assert received_at.utcoffset() is not None


def test_a_naive_datetime_in_an_event_is_refused() -> None:
    codec = JsonCodec(PurchaseOrderStatusChanged)
    data = {
        "purchase_order_number": "PO-1",
        "occurred_at": "2026-12-14T09:30:00",
        "actor": "ada",
        "from_status": "draft",
        "to_status": "approved",
    }

    assert fields_of(codec, data) == ["occurred_at"]


# --- JSON text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "{", '{"number": }', "{'number': 'PO-1'}", b"\xff\xfe{", "[1, 2", "null null"],
)
def test_invalid_json_text_gives_a_decode_error(text: str | bytes) -> None:
    with pytest.raises(DecodeError) as raised:
        PURCHASE_ORDERS.loads(text)

    (problem,) = raised.value.problems
    assert problem.field == ""
    assert problem.message.startswith("is not valid JSON: ")
    assert raised.value.document_type == "PurchaseOrder"


def test_json_text_as_utf8_bytes_is_accepted() -> None:
    text = PURCHASE_ORDERS.dumps(make_purchase_order())

    assert PURCHASE_ORDERS.loads(text.encode("utf-8")) == make_purchase_order()
