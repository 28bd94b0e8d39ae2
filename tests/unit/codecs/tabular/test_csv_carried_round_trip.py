"""Every kind of document through CSV: unchanged, and written back byte for byte.

The generated documents are the ones every codec's tests share
(``support.carried_orders`` and ``support.carried_deliveries``: valid
documents of every shape, packs nested on packs, lots, serials, several
orders per ship notice or invoice, charges, taxes, payment terms), drawn
with the CSV profile (``support.tabular_documents``): any text a cell holds,
any finite number, and only what docs/formats.md says CSV cannot carry left
out. Ship notices and invoices are widened further where the shared
strategies draw codes: items, tracking numbers and serial numbers are any
text too.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.tabular.codec import CsvCodec
from posync.domain.documents import (
    Charge,
    ChargeKind,
    Invoice,
    Lot,
    Pack,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    ShipNotice,
    TaxAmount,
)
from support import carried_deliveries, carried_orders
from support.documents import make_invoice, make_ship_notice, make_shipped_line
from support.tabular_documents import CSV, cell_texts, line_texts

CODECS = {
    "comma and point": CsvCodec(),
    "semicolon and decimal comma": CsvCodec(decimal_comma=True),
    "tab": CsvCodec(delimiter="\t"),
}


@st.composite
def ship_notices(draw: st.DrawFn) -> ShipNotice:
    notice = draw(carried_deliveries.ship_notices(CSV))
    lines = tuple(
        dataclasses.replace(
            line,
            buyer_item=draw(st.none() | cell_texts),
            supplier_item=draw(st.none() | cell_texts),
            serial_numbers=tuple(draw(st.lists(line_texts, max_size=3)))
            if draw(st.booleans())
            else line.serial_numbers,
        )
        for line in notice.lines
    )
    return dataclasses.replace(notice, tracking_number=draw(st.none() | cell_texts), lines=lines)


@st.composite
def invoices(draw: st.DrawFn) -> Invoice:
    invoice = draw(carried_deliveries.invoices(CSV))
    return dataclasses.replace(
        invoice,
        ship_notice_id=draw(st.none() | cell_texts),
        lines=tuple(
            dataclasses.replace(line, buyer_item=draw(st.none() | cell_texts))
            for line in invoice.lines
        ),
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(ship_notices(), min_size=1, max_size=3, unique_by=lambda n: n.shipment_id.strip()),
    st.sampled_from(list(CODECS.values())),
)
def test_generated_ship_notices_come_back_unchanged(
    notices: list[ShipNotice], codec: CsvCodec
) -> None:
    written = codec.write(notices)

    assert codec.decode([written]) == notices
    assert codec.write(codec.decode([written])) == written


@settings(max_examples=60, deadline=None)
@given(
    st.lists(invoices(), min_size=1, max_size=3, unique_by=lambda i: i.invoice_number.strip()),
    st.sampled_from(list(CODECS.values())),
)
def test_generated_invoices_come_back_unchanged(invoices: list[Invoice], codec: CsvCodec) -> None:
    written = codec.write(invoices)

    assert codec.decode([written]) == invoices
    assert codec.write(codec.decode([written])) == written


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        carried_orders.purchase_orders(CSV),
        min_size=1,
        max_size=3,
        unique_by=lambda o: o.number.strip(),
    ),
    st.sampled_from(list(CODECS.values())),
)
def test_generated_purchase_orders_come_back_unchanged(
    orders: list[PurchaseOrder], codec: CsvCodec
) -> None:
    written = codec.write(orders)

    assert codec.decode([written]) == orders


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        carried_orders.acknowledgements(CSV),
        min_size=1,
        max_size=3,
        unique_by=lambda a: (a.purchase_order_number.strip(), a.change_number),
    ),
    st.sampled_from(list(CODECS.values())),
)
def test_generated_acknowledgements_come_back_unchanged(
    acknowledgements: list[PurchaseOrderAcknowledgement], codec: CsvCodec
) -> None:
    written = codec.write(acknowledgements)

    assert codec.decode([written]) == acknowledgements


HAND_MADE = {
    "a notice for two orders, nested packs, lots and serials": [
        make_ship_notice(
            lines=(
                make_shipped_line(1),
                make_shipped_line(
                    7,
                    purchase_order_number="PO-2002",
                    quantity=Decimal("2.500"),
                    unit_of_measure="KGM",
                    pack_id="PALLET-1",
                    lots=(Lot(lot_number="L;9", quantity=Decimal("2.500")),),
                    serial_numbers=('S "1", the first', "S,2"),
                ),
            ),
            packs=(
                Pack(pack_id="PALLET-1"),
                Pack(pack_id="CARTON-1", parent_pack_id="PALLET-1", gross_weight=Decimal("0.125")),
            ),
        ),
        make_ship_notice(shipment_id="SHP-2", packs=(), ship_from=None, ship_to=None),
    ],
    "a credit note with every charge and tax shape": [
        make_invoice(
            charges=(
                Charge(
                    kind=ChargeKind.CHARGE,
                    code="FREIGHT",
                    amount=Decimal("12.50"),
                    description='freight to Köln, "express";  two  spaces ',
                ),
                Charge(kind=ChargeKind.ALLOWANCE, code="D240", amount=Decimal("0")),
            ),
            taxes=(
                TaxAmount(tax_type="VAT", amount=Decimal("7.46")),
                TaxAmount(tax_type="GST", amount=Decimal("1"), rate_percent=Decimal("5.125")),
            ),
            payment_terms=None,
            due_on=None,
            ship_notice_id="SHP-1",
        ),
        make_invoice(invoice_number="INV-2", charges=(), taxes=()),
    ],
}


@pytest.mark.parametrize("documents", HAND_MADE.values(), ids=HAND_MADE.keys())
@pytest.mark.parametrize("codec", CODECS.values(), ids=CODECS.keys())
def test_hand_made_documents_come_back_unchanged(documents: list[object], codec: CsvCodec) -> None:
    written = codec.write(documents)

    assert codec.decode([written]) == documents
    assert codec.write(codec.decode([written])) == written
