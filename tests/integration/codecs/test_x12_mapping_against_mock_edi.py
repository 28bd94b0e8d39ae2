"""Our X12 mappings against mock-edi's own readers, writers and validator.

What we send (850, 860) must pass mock-edi's strict validation and read back
in its reader as we meant it; what mock-edi writes (855, 856, 810, 865) must
decode into the canonical documents the scenarios expect: IQ 35 of 100 with
its reason, a rejected line, TDS's implied decimals, the HL tree by parent.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pytest

from posync.codecs.x12.mapping import MAPPERS, EncodeOptions
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import (
    AcknowledgementStatus,
    ChangedLine,
    LineChangeType,
    LineStatus,
    PurchaseOrderChange,
)
from support.documents import make_plain_purchase_order

transactions = pytest.importorskip("mockedi.transactions")
validate = pytest.importorskip("mockedi.validate")
envelope = pytest.importorskip("mockedi.envelope")

WHEN = datetime.datetime(2026, 9, 24, 10, 30)
US = transactions.Party(
    role="SE",
    name="Mock Supplier",
    identifier="MOCKEDI",
    street="1 Supply Way",
    city="Springfield",
    region="IL",
    postal="62701",
    country="US",
)
PARTNER = {"id": "NW", "name": "Northwind"}
ORDER = {
    "po_number": "4500000042",
    "ordered_on": "2026-09-24",
    "seller_order": "5100002",
    "currency": "USD",
    "ship_to_name": "Northwind Plant 1",
    "ship_to_id": "NW-1",
}
LINES = [
    {"line": "1", "quantity": "100", "uom": "EA", "price": "12.50", "sku": "WIDGET-001",
     "upc": "036000291452", "status": "IA", "confirmed": "100", "scheduled_on": "2026-09-26",
     "shipped": "100", "invoiced": "100"},
    {"line": "2", "quantity": "100", "uom": "EA", "price": "4.15", "sku": "BRKT-050",
     "status": "IQ", "confirmed": "35", "scheduled_on": "2026-09-26",
     "reason": "Confirmed 35 of 100; 65 to follow on 2026-10-09", "shipped": "35",
     "invoiced": "35"},
    {"line": "3", "quantity": "10", "uom": "EA", "price": "1.00", "sku": "NUT", "status": "IR",
     "confirmed": "0", "reason": "NUT is discontinued", "shipped": "0", "invoiced": "0"},
]  # fmt: skip
SHIPMENT = {
    "shipment_id": "SHP8000002",
    "cartons": 6,
    "weight": 42,
    "scac": "UPSN",
    "carrier": "United Parcel Service",
    "bol": "BOL-1",
    "tracking": "1Z999",
    "shipped_on": "2026-09-25",
}


def ours(written: Sequence[Any]) -> list[Segment]:
    """mock-edi's segments as ours: a composite's components joined by ``>``."""
    return [
        Segment(
            item.tag,
            [">".join(e) if isinstance(e, list) else e for e in item.elements],
            offset,
        )
        for offset, item in enumerate(written)
    ]


def theirs(code: str, body: list[list[str]], version: str) -> Any:
    """Our set as a mock-edi message, ST and SE included."""
    items = [envelope.seg("ST", code, "0001")]
    items += [envelope.seg(*segment) for segment in body]
    items.append(envelope.seg("SE", str(len(items) + 1), "0001"))
    return envelope.Message(code=code, control="0001", segments=items, version=version)


@pytest.mark.parametrize("version", ["004010", "005010"])
def test_our_850_passes_mock_edi_strictly_and_reads_as_meant(version: str) -> None:
    order = make_plain_purchase_order()
    message = theirs("850", MAPPERS["850"].encode(order, EncodeOptions(version=version)), version)
    report = validate.validate_message(message, "X12", strict=True)
    assert report.clean, report.summary()
    read = transactions.read_order(message, "X12")
    assert (read.po_number, read.ordered_on) == (order.number, order.order_date)
    assert [(line.number, line.sku, line.quantity, line.price) for line in read.lines] == [
        (str(line.line_number), line.supplier_item, line.quantity, line.unit_price)
        for line in order.lines
    ]


@pytest.mark.parametrize("version", ["004010", "005010"])
def test_our_860_passes_mock_edi_strictly_and_reads_as_meant(version: str) -> None:
    change = PurchaseOrderChange(
        purchase_order_number="4500000042",
        change_number=2,
        issued_on=datetime.date(2026, 10, 1),
        lines=(
            ChangedLine(
                line_number=1,
                change=LineChangeType.QUANTITY_DECREASE,
                quantity=Decimal(60),
                unit_of_measure="EA",
            ),
            ChangedLine(line_number=2, change=LineChangeType.CANCEL),
            ChangedLine(
                line_number=4,
                change=LineChangeType.ADD,
                quantity=Decimal(5),
                unit_of_measure="EA",
                unit_price=Decimal("9.99"),
                supplier_item="NUT-010",
            ),
        ),
    )
    message = theirs("860", MAPPERS["860"].encode(change, EncodeOptions(version=version)), version)
    report = validate.validate_message(message, "X12", strict=True)
    assert report.clean, report.summary()
    read = transactions.read_change(message, "X12")
    assert (read.po_number, read.sequence, read.changed_on) == ("4500000042", "2", change.issued_on)
    assert [(line.number, line.action, line.quantity) for line in read.lines] == [
        ("1", "QD", Decimal(60)),
        ("2", "DI", Decimal(0)),
        ("4", "AI", Decimal(5)),
    ]


def test_mock_edi_855_decodes_with_a_short_line_and_a_rejected_one() -> None:
    written = transactions.write_response("X12", US, PARTNER, ORDER, LINES, WHEN)
    acknowledgement = MAPPERS["855"].decode(ours(written), Delimiters())
    assert acknowledgement.status is AcknowledgementStatus.ACCEPTED_WITH_CHANGES
    assert acknowledgement.supplier_order_number == "5100002"
    accepted, short, rejected = acknowledgement.lines
    assert (accepted.status, accepted.quantity) == (LineStatus.ACCEPTED, Decimal(100))
    assert accepted.promised_delivery_date == datetime.date(2026, 9, 26)
    assert (short.status, short.quantity, short.reason) == (
        LineStatus.QUANTITY_CHANGED,
        Decimal(35),
        "Confirmed 35 of 100; 65 to follow on 2026-10-09",
    )
    assert (rejected.status, rejected.reason) == (LineStatus.REJECTED, "NUT is discontinued")
    assert acknowledgement.problems() == []


def test_mock_edi_865_decodes_with_its_change_number() -> None:
    change = transactions.Change(
        po_number="4500000042", purpose="04", sequence="2", changed_on=datetime.date(2026, 9, 25)
    )
    rows = [dict(LINES[0], change_action="QD", confirmed="60", quantity="60"), LINES[2]]
    written = transactions.write_change_response("X12", US, PARTNER, ORDER, rows, change, WHEN)
    acknowledgement = MAPPERS["865"].decode(ours(written), Delimiters())
    assert (acknowledgement.change_number, acknowledgement.issued_on) == (
        2,
        datetime.date(2026, 9, 24),
    )
    assert [(line.line_number, line.status, line.quantity) for line in acknowledgement.lines] == [
        (1, LineStatus.ACCEPTED, Decimal(60)),
        (3, LineStatus.REJECTED, Decimal(0)),
    ]


def test_mock_edi_856_decodes_what_shipped() -> None:
    written = transactions.write_despatch("X12", US, PARTNER, ORDER, LINES, SHIPMENT, WHEN)
    notice = MAPPERS["856"].decode(ours(written), Delimiters())
    assert (notice.shipment_id, notice.ship_date, notice.carrier, notice.tracking_number) == (
        "SHP8000002",
        datetime.date(2026, 9, 25),
        "UPSN",
        "1Z999",
    )
    assert [
        (line.purchase_order_number, line.line_number, line.quantity) for line in notice.lines
    ] == [
        ("4500000042", 1, Decimal(100)),
        ("4500000042", 2, Decimal(35)),
    ]
    assert notice.problems() == []


def test_mock_edi_810_decodes_with_its_total() -> None:
    invoice_row = {
        "invoice_number": "INV-1",
        "invoiced_on": "2026-09-26",
        "currency": "USD",
        "total": "1395.25",
        "tax": "0",
        "terms_days": 30,
    }
    written = transactions.write_invoice(
        "X12", US, PARTNER, ORDER, LINES, invoice_row, SHIPMENT, WHEN
    )
    invoice = MAPPERS["810"].decode(ours(written), Delimiters())
    assert (invoice.invoice_number, invoice.total_amount, invoice.ship_notice_id) == (
        "INV-1",
        Decimal("1395.25"),
        "SHP8000002",
    )
    assert invoice.computed_total == invoice.total_amount
    assert [(line.purchase_order_line, line.quantity) for line in invoice.lines] == [
        (1, Decimal(100)),
        (2, Decimal(35)),
    ]
    assert invoice.problems() == []
