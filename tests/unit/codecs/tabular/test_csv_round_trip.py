"""CSV carries orders and acknowledgements unchanged, and writes itself back byte for byte.

Canonical -> CSV -> canonical is the identity for every document CSV can
carry; CSV written by posync -> canonical -> CSV gives the same bytes.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.tabular.codec import CsvCodec
from posync.domain.documents import AcknowledgedLine, LineStatus, PurchaseOrder
from posync.domain.values import Address, Contact, Party, PartyIdentifier
from support.documents import (
    make_acknowledgement,
    make_plain_purchase_order,
    make_purchase_order,
    make_release,
    make_rich_purchase_order,
)
from support.strategies import codes, names, valid_purchase_orders

DOCUMENT_SETS = {
    "rich and plain orders": [make_rich_purchase_order(), make_purchase_order("PO-1002")],
    "a release": [make_release()],
    "plain orders": [make_plain_purchase_order("PO-1"), make_plain_purchase_order("PO-2", lines=5)],
    "acknowledgements": [
        make_acknowledgement(),
        make_acknowledgement(change_number=1, lines=()),
        make_acknowledgement(
            purchase_order_number="PO-9",
            lines=(
                AcknowledgedLine(
                    line_number=4,
                    status=LineStatus.PARTIALLY_BACKORDERED,
                    quantity=Decimal("6.000"),
                    backordered_quantity=Decimal("4"),
                    unit_price=Decimal("0.0001"),
                    supplier_item="S-4",
                    buyer_item="B-4",
                    reason='rest "later"; in March,\nperhaps',
                ),
            ),
        ),
    ],
}


@pytest.mark.parametrize("documents", DOCUMENT_SETS.values(), ids=DOCUMENT_SETS.keys())
@pytest.mark.parametrize(
    ("decimal_comma", "delimiter"), [(False, None), (True, None), (False, "\t"), (True, ",")]
)
def test_documents_come_back_unchanged(
    documents: list[object], decimal_comma: bool, delimiter: str | None
) -> None:
    codec = CsvCodec(decimal_comma=decimal_comma, delimiter=delimiter)

    written = codec.write(documents)

    assert codec.decode([written]) == documents


@pytest.mark.parametrize("documents", DOCUMENT_SETS.values(), ids=DOCUMENT_SETS.keys())
def test_what_posync_writes_it_writes_again_byte_for_byte(documents: list[object]) -> None:
    codec = CsvCodec()
    written = codec.write(documents)

    assert codec.write(codec.decode([written])) == written


def test_the_delimiter_and_the_decimal_comma_are_what_the_file_says() -> None:
    order = make_purchase_order(lines=(make_purchase_order().lines[0],))

    written = CsvCodec(decimal_comma=True).write([order]).decode("utf-8")

    header, first = written.splitlines()[:2]
    assert header.startswith("po_number;revision;order_kind;")
    assert ";10;EA;2,50;" in first


def test_a_reader_that_is_not_told_of_the_decimal_comma_sniffs_only_the_delimiter() -> None:
    written = CsvCodec(decimal_comma=True).write([make_purchase_order()])

    [decoded] = CsvCodec(decimal_comma=True).decode([written])

    assert decoded == make_purchase_order()


def test_a_byte_order_mark_is_written_on_request_and_read_either_way() -> None:
    codec = CsvCodec()
    plain = codec.write([make_purchase_order()])
    marked = codec.write([make_purchase_order()], byte_order_mark=True)

    assert marked == b"\xef\xbb\xbf" + plain
    assert codec.decode([marked]) == codec.decode([plain]) == [make_purchase_order()]


def test_the_file_may_arrive_one_byte_at_a_time() -> None:
    written = CsvCodec().write([make_rich_purchase_order(), make_purchase_order("PO-7")])

    bytewise = CsvCodec().decode(written[index : index + 1] for index in range(len(written)))

    assert bytewise == [make_rich_purchase_order(), make_purchase_order("PO-7")]


def test_crlf_and_lf_line_ends_read_alike() -> None:
    written = CsvCodec().write([make_rich_purchase_order()])

    assert CsvCodec().decode([written.replace(b"\r\n", b"\n")]) == [make_rich_purchase_order()]


@st.composite
def orders_with_parties(draw: st.DrawFn) -> PurchaseOrder:
    """Generated orders, with addresses, contacts and a ship-to that CSV must carry too.

    CSV holds lists (address lines, notes, identifiers) one item per line of a
    cell, so the generated items never span lines themselves (``names`` has no
    line breaks); that is what a CSV file can carry.
    """
    order = draw(valid_purchase_orders())
    ship_to = Party(
        name=draw(names),
        identifiers=tuple(
            PartyIdentifier(scheme=scheme, value=value)
            for scheme, value in draw(st.lists(st.tuples(codes, names), max_size=2))
        ),
        address=Address(
            lines=tuple(draw(st.lists(names, min_size=1, max_size=3))),
            city=draw(st.none() | names),
            country=draw(st.sampled_from(["DE", "US", "PL"])),
        ),
        contact=draw(st.none() | st.builds(Contact, name=names, email=st.just("a@b.example"))),
    )
    return dataclasses.replace(
        order,
        ship_to=draw(st.none() | st.just(ship_to)),
        requested_delivery_date=draw(st.none() | st.dates()),
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(orders_with_parties(), min_size=1, max_size=3, unique_by=lambda o: o.number.strip()),
    st.booleans(),
)
def test_generated_orders_come_back_unchanged(
    orders: list[PurchaseOrder], decimal_comma: bool
) -> None:
    codec = CsvCodec(decimal_comma=decimal_comma)

    written = codec.write(orders)

    assert codec.decode([written]) == orders
    assert codec.write(orders) == written
