"""Valid canonical documents to start tests from: change only what a test is about.

Every factory takes keyword ``changes`` that replace fields of the valid
document, so a test reads as "a valid X, except ...".
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, TypeVar

from posync.domain.documents import (
    AccountAssignment,
    AcknowledgedLine,
    AcknowledgedSet,
    AcknowledgementStatus,
    ChangedLine,
    ChangePurpose,
    Charge,
    ChargeKind,
    FunctionalAcknowledgement,
    FunctionalAckStatus,
    GoodsReceipt,
    Invoice,
    InvoiceLine,
    LineChangeType,
    LineStatus,
    Lot,
    OrderKind,
    Pack,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    PurchaseOrderLine,
    ReceivedLine,
    SalesOrderLineReference,
    ScheduleLine,
    ShipNotice,
    ShippedLine,
    SyntaxFinding,
    TaxAmount,
)
from posync.domain.validation import Checkable
from posync.domain.values import Address, Contact, Incoterms, Party, PartyIdentifier, PaymentTerms

T = TypeVar("T")

# Real GS1 numbers: an EAN-13 (check digit 1) and a UPC-A (check digit 2).
VALID_EAN_13 = "4006381333931"
VALID_UPC_A = "036000291452"

BERLIN_WINTER = timezone(timedelta(hours=1))


_STEP = re.compile(r"(?P<name>\w+)(?:\[(?P<index>\d+)\])?")


def replaced(document: T, /, **changes: Any) -> T:
    return dataclasses.replace(document, **changes)  # type: ignore[type-var]


def set_at(document: T, path: str, value: object) -> T:
    """A copy of ``document`` with the field at ``path`` (``lines[0].schedule[1].quantity``)
    set to ``value``: the same paths that problems name."""
    head, _, rest = path.partition(".")
    step = _STEP.fullmatch(head)
    if step is None:
        raise ValueError(f"not a field path: {path!r}")
    name, index = step["name"], step["index"]
    if index is None:
        new = set_at(getattr(document, name), rest, value) if rest else value
        return replaced(document, **{name: new})
    items = list(getattr(document, name))
    position = int(index)
    items[position] = set_at(items[position], rest, value) if rest else value
    return replaced(document, **{name: tuple(items)})


def problem_fields(document: Checkable) -> list[str]:
    """The field path of every problem, in the order the document reports them."""
    return [problem.field for problem in document.problems()]


def make_buyer(**changes: Any) -> Party:
    return replaced(
        Party(
            name="Northwind Manufacturing",
            identifiers=(PartyIdentifier(scheme="duns", value="123456789"),),
            address=Address(
                lines=("1 Mill Road",),
                city="Dayton",
                region="OH",
                postal_code="45402",
                country="US",
            ),
            contact=Contact(name="Ada Buyer", email="ada@northwind.example", phone="+1 555 0100"),
        ),
        **changes,
    )


def make_supplier(**changes: Any) -> Party:
    return replaced(
        Party(
            name="Müller Industriebedarf GmbH",
            identifiers=(PartyIdentifier(scheme="gln", value="4012345000009"),),
            address=Address(lines=("Hauptstraße 5",), city="Köln", country="DE"),
        ),
        **changes,
    )


def make_line(line_number: int = 1, **changes: Any) -> PurchaseOrderLine:
    return replaced(
        PurchaseOrderLine(
            line_number=line_number,
            quantity=Decimal("10"),
            unit_of_measure="EA",
            unit_price=Decimal("2.50"),
            buyer_item=f"ITEM-{line_number:03d}",
            description=f"Part {line_number}",
            requested_ship_date=date(2026, 12, 10),
            requested_delivery_date=date(2026, 12, 15),
        ),
        **changes,
    )


def make_rich_line(line_number: int = 1, **changes: Any) -> PurchaseOrderLine:
    """A line using every optional part: schedule, split accounting, GTIN, sales order."""
    line = make_line(
        line_number,
        quantity=Decimal("100.5"),
        unit_of_measure="KGM",
        unit_price=Decimal("12345678901234.5678"),
        supplier_item="SUP-9",
        gtin=VALID_EAN_13,
        item_category="raw-material",
        schedule=(
            ScheduleLine(quantity=Decimal("60.5"), requested_delivery_date=date(2026, 12, 15)),
            ScheduleLine(
                quantity=Decimal("40.0"),
                requested_ship_date=date(2027, 1, 2),
                requested_delivery_date=date(2027, 1, 5),
            ),
        ),
        account_assignments=(
            AccountAssignment(
                category="K", gl_account="400000", cost_center="CC-1", percentage=Decimal("60")
            ),
            AccountAssignment(category="P", project="PRJ-7", percentage=Decimal("40.00")),
        ),
        capitalized=True,
        sales_order_line=SalesOrderLineReference(sales_order_number="SO-77", line_number=3),
    )
    return replaced(line, **changes)


def make_plain_purchase_order(
    number: str = "PO-1001", lines: int = 2, **changes: Any
) -> PurchaseOrder:
    """An order from a US supplier with ``lines`` identical lines of 10 EA at 2.50."""
    return replaced(
        PurchaseOrder(
            number=number,
            order_date=date(2026, 11, 20),
            buyer=make_buyer(),
            supplier=Party(
                name="ACME Industrial Supply",
                identifiers=(PartyIdentifier(scheme="duns", value="987654321"),),
            ),
            ship_to=Party(
                name="Northwind Plant 1",
                address=Address(
                    lines=("1 Mill Road",), city="Dayton", postal_code="45402", country="US"
                ),
            ),
            currency="USD",
            lines=tuple(
                make_line(n, supplier_item=f"SUP-{n:03d}", requested_ship_date=None)
                for n in range(1, lines + 1)
            ),
        ),
        **changes,
    )


def make_purchase_order(number: str = "PO-1001", **changes: Any) -> PurchaseOrder:
    return replaced(
        PurchaseOrder(
            number=number,
            order_date=date(2026, 11, 20),
            buyer=make_buyer(),
            supplier=make_supplier(),
            currency="USD",
            lines=(make_line(1), make_line(2, unit_price=Decimal("0.0001"))),
        ),
        **changes,
    )


def make_rich_purchase_order(number: str = "PO-2001", **changes: Any) -> PurchaseOrder:
    """An order using every optional header field."""
    order = make_purchase_order(
        number,
        lines=(make_rich_line(1), make_line(2, gtin=VALID_UPC_A)),
        kind=OrderKind.DROPSHIP,
        ship_to=make_buyer(name="Northwind Plant 2"),
        bill_to=make_buyer(name="Northwind Accounts Payable"),
        payment_terms=PaymentTerms(
            net_days=30,
            discount_percent=Decimal("2"),
            discount_days=10,
            description="2% 10, net 30",
        ),
        incoterms=Incoterms(code="FCA", place="Köln"),
        ship_method="truck",
        requested_ship_date=date(2026, 12, 1),
        requested_delivery_date=date(2026, 12, 20),
        notes=("Deliver to dock 4.", "Call before arrival."),
    )
    return replaced(order, **changes)


def make_release(**changes: Any) -> PurchaseOrder:
    release = make_purchase_order(
        "PO-3001", kind=OrderKind.RELEASE, blanket_order_number="BPO-1", release_number=4
    )
    return replaced(release, **changes)


def make_acknowledged_line(line_number: int = 1, **changes: Any) -> AcknowledgedLine:
    return replaced(
        AcknowledgedLine(line_number=line_number, status=LineStatus.ACCEPTED), **changes
    )


def make_acknowledgement(**changes: Any) -> PurchaseOrderAcknowledgement:
    return replaced(
        PurchaseOrderAcknowledgement(
            purchase_order_number="PO-1001",
            issued_on=date(2026, 11, 21),
            status=AcknowledgementStatus.ACCEPTED_WITH_CHANGES,
            supplier_order_number="SO-555",
            lines=(
                make_acknowledged_line(1),
                make_acknowledged_line(
                    2,
                    status=LineStatus.QUANTITY_CHANGED,
                    quantity=Decimal("8"),
                    unit_of_measure="EA",
                    promised_ship_date=date(2026, 12, 12),
                    promised_delivery_date=date(2026, 12, 16),
                    reason="only 8 in stock",
                ),
            ),
        ),
        **changes,
    )


def make_changed_line(line_number: int = 1, **changes: Any) -> ChangedLine:
    return replaced(
        ChangedLine(
            line_number=line_number,
            change=LineChangeType.QUANTITY_INCREASE,
            quantity=Decimal("12"),
        ),
        **changes,
    )


def make_change(**changes: Any) -> PurchaseOrderChange:
    return replaced(
        PurchaseOrderChange(
            purchase_order_number="PO-1001",
            change_number=1,
            issued_on=date(2026, 11, 22),
            lines=(
                make_changed_line(1),
                ChangedLine(
                    line_number=3,
                    change=LineChangeType.ADD,
                    quantity=Decimal("5"),
                    unit_of_measure="EA",
                    unit_price=Decimal("9.99"),
                    buyer_item="ITEM-003",
                ),
            ),
            reason="more needed",
        ),
        **changes,
    )


def make_shipped_line(line_number: int = 1, **changes: Any) -> ShippedLine:
    return replaced(
        ShippedLine(
            purchase_order_number="PO-1001",
            line_number=line_number,
            quantity=Decimal("3"),
            unit_of_measure="EA",
            gtin=VALID_EAN_13,
            pack_id="CARTON-1",
            lots=(
                Lot(lot_number="L-1", quantity=Decimal("2"), expires_on=date(2027, 6, 30)),
                Lot(lot_number="L-2", quantity=Decimal("1")),
            ),
            serial_numbers=("SN-1", "SN-2", "SN-3"),
        ),
        **changes,
    )


def make_ship_notice(**changes: Any) -> ShipNotice:
    return replaced(
        ShipNotice(
            shipment_id="SHP-1",
            issued_on=date(2026, 12, 9),
            ship_date=date(2026, 12, 10),
            estimated_delivery_date=date(2026, 12, 14),
            carrier="DHL",
            tracking_number="1Z999",
            ship_from=make_supplier(),
            ship_to=make_buyer(),
            packs=(
                Pack(
                    pack_id="PALLET-1",
                    packaging="pallet",
                    gross_weight=Decimal("120.5"),
                    weight_unit="KGM",
                ),
                Pack(pack_id="CARTON-1", packaging="carton", parent_pack_id="PALLET-1"),
            ),
            lines=(make_shipped_line(1), make_shipped_line(2, lots=(), serial_numbers=())),
        ),
        **changes,
    )


def make_received_line(line_number: int = 1, **changes: Any) -> ReceivedLine:
    return replaced(
        ReceivedLine(
            line_number=line_number, received_quantity=Decimal("10"), unit_of_measure="EA"
        ),
        **changes,
    )


def make_goods_receipt(**changes: Any) -> GoodsReceipt:
    return replaced(
        GoodsReceipt(
            receipt_number="GR-1",
            purchase_order_number="PO-1001",
            received_at=datetime(2026, 12, 14, 9, 30, tzinfo=BERLIN_WINTER),
            location="DOCK-4",
            ship_notice_id="SHP-1",
            lines=(
                make_received_line(1),
                make_received_line(
                    2,
                    received_quantity=Decimal("10"),
                    rejected_quantity=Decimal("2"),
                    rejection_reason="damaged",
                    lot_number="L-1",
                ),
            ),
        ),
        **changes,
    )


def make_invoice_line(line_number: int = 1, **changes: Any) -> InvoiceLine:
    return replaced(
        InvoiceLine(
            line_number=line_number,
            purchase_order_number="PO-1001",
            purchase_order_line=line_number,
            quantity=Decimal("10"),
            unit_of_measure="EA",
            unit_price=Decimal("2.50"),
        ),
        **changes,
    )


def make_invoice(**changes: Any) -> Invoice:
    """Lines 25.00 + 4.00, freight 10.00, discount 1.50, VAT 7.46: total 44.96."""
    return replaced(
        Invoice(
            invoice_number="INV-1",
            issued_on=date(2026, 12, 15),
            due_on=date(2027, 1, 14),
            supplier=make_supplier(),
            buyer=make_buyer(),
            currency="EUR",
            lines=(
                make_invoice_line(1),
                make_invoice_line(2, quantity=Decimal("0.5"), unit_price=Decimal("8")),
            ),
            charges=(
                Charge(kind=ChargeKind.CHARGE, code="FREIGHT", amount=Decimal("10.00")),
                Charge(kind=ChargeKind.ALLOWANCE, code="DISCOUNT", amount=Decimal("1.50")),
            ),
            taxes=(
                TaxAmount(
                    tax_type="VAT",
                    amount=Decimal("7.46"),
                    rate_percent=Decimal("19"),
                    taxable_amount=Decimal("37.50"),
                ),
            ),
            payment_terms=PaymentTerms(net_days=30),
            total_amount=Decimal("44.96"),
        ),
        **changes,
    )


def make_functional_acknowledgement(**changes: Any) -> FunctionalAcknowledgement:
    return replaced(
        FunctionalAcknowledgement(
            control_number="000000123",
            status=FunctionalAckStatus.PARTIALLY_ACCEPTED,
            sets=(
                AcknowledgedSet(
                    control_number="0001",
                    document_type="purchase_order",
                    status=FunctionalAckStatus.ACCEPTED,
                ),
                AcknowledgedSet(
                    control_number="0002",
                    document_type="purchase_order",
                    status=FunctionalAckStatus.REJECTED,
                    findings=(
                        SyntaxFinding(
                            code="7",
                            message="invalid code value",
                            segment="BEG",
                            segment_position=3,
                            element_position=2,
                        ),
                    ),
                ),
            ),
        ),
        **changes,
    )


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def make_cancellation(**changes: Any) -> PurchaseOrderChange:
    return replaced(make_change(purpose=ChangePurpose.CANCELLATION, lines=()), **changes)


VALID_DOCUMENT_FACTORIES = (
    make_purchase_order,
    make_rich_purchase_order,
    make_release,
    make_acknowledgement,
    make_change,
    make_cancellation,
    make_ship_notice,
    make_goods_receipt,
    make_invoice,
    make_functional_acknowledgement,
)
