"""Valid purchase orders to start tests from; change what a test is about."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from posync.domain.documents import PurchaseOrder, PurchaseOrderLine
from posync.domain.values import Address, Party, PartyIdentifier


def make_line(line_number: int = 1, **changes: object) -> PurchaseOrderLine:
    line = PurchaseOrderLine(
        line_number=line_number,
        buyer_item=f"ITEM-{line_number:03d}",
        supplier_item=f"SUP-{line_number:03d}",
        description=f"Part {line_number}",
        quantity=Decimal("10"),
        unit_of_measure="EA",
        unit_price=Decimal("2.50"),
        requested_delivery_date=date(2026, 12, 15),
    )
    return dataclasses.replace(line, **changes)  # type: ignore[arg-type]


def make_purchase_order(
    number: str = "PO-1001", lines: int = 2, **changes: object
) -> PurchaseOrder:
    order = PurchaseOrder(
        number=number,
        order_date=date(2026, 11, 20),
        buyer=Party(
            name="Northwind Manufacturing",
            identifiers=(PartyIdentifier(scheme="duns", value="123456789"),),
        ),
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
        lines=tuple(make_line(number) for number in range(1, lines + 1)),
    )
    return dataclasses.replace(order, **changes)  # type: ignore[arg-type]
