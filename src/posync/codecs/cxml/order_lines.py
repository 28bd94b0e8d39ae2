"""``ItemOut``, one line of an OrderRequest, to and from ``PurchaseOrderLine``.

``ItemOut``: ``lineNumber`` the line number (the item's position when
absent), ``quantity``, ``requestedDeliveryDate`` and
``requestedShipmentDate``; ``ItemID`` the item numbers (see ``common``);
``ItemDetail``: ``UnitPrice/Money`` the unit price, the first ``Description``
the description, ``UnitOfMeasure`` the unit, ``Classification
domain="itemCategory"`` the item category (the DTD requires a Classification:
written empty when there is no category; other domains, UNSPSC say, are not
read). ``ScheduleLine``: ``quantity``, ``requestedDeliveryDate`` (which the
DTD requires: a schedule line without a delivery date is refused on writing)
and ``requestedShipmentDate``.

``Distribution`` is an account assignment: ``Accounting@name`` the category,
its ``Segment`` elements by ``type``: GeneralLedger the G/L account,
CostCenter, Project and Asset, Percentage the share of the line (without it,
the share of the line amount that ``Charge`` holds; 100 when that cannot be
told); ``Charge/Money`` the amount booked.

Not carried by cXML: a line's capitalisation flag, its sales-order line and
an account assignment's prepayment flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from posync.codecs.cxml.common import (
    Currency,
    amount_of,
    exact,
    read_item_id,
    write_item_id,
    write_money,
)
from posync.codecs.cxml.reading import Node, Reader
from posync.codecs.cxml.writing import Writer
from posync.domain.documents import AccountAssignment, PurchaseOrderLine, ScheduleLine

ITEM_CATEGORY = "itemCategory"
HUNDRED = Decimal(100)
_SEGMENTS = (
    ("gl_account", "GeneralLedger"),
    ("cost_center", "CostCenter"),
    ("project", "Project"),
    ("asset", "Asset"),
)
_SEGMENT_NAMES = {
    "generalledger": "gl_account",
    "glaccount": "gl_account",
    "account": "gl_account",
    "costcenter": "cost_center",
    "project": "project",
    "wbselement": "project",
    "asset": "asset",
}
PERCENTAGE = "Percentage"


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemMarks:
    """How an ItemOut of an update or delete marks its line."""

    operation: str | None = None
    changed: bool = False
    change_type: str | None = None


def write_item_out(
    writer: Writer,
    parent: etree._Element,
    line: PurchaseOrderLine,
    currency: str,
    field: str,
    marks: ItemMarks | None = None,
) -> None:
    shown = marks or ItemMarks()
    item = writer.add(
        parent,
        "ItemOut",
        field=field,
        quantity=line.quantity,
        lineNumber=line.line_number,
        requestedDeliveryDate=line.requested_delivery_date,
        requestedShipmentDate=line.requested_ship_date,
        operation=shown.operation,
        isItemChanged="yes" if shown.changed else None,
    )
    write_item_id(
        writer,
        item,
        supplier_item=line.supplier_item,
        buyer_item=line.buyer_item,
        gtin=line.gtin,
        field=field,
    )
    detail = writer.add(item, "ItemDetail")
    price = writer.add(detail, "UnitPrice")
    write_money(writer, price, line.unit_price, currency, f"{field}.unit_price")
    writer.named(detail, "Description", line.description, f"{field}.description")
    writer.add(detail, "UnitOfMeasure", line.unit_of_measure, field=f"{field}.unit_of_measure")
    writer.add(
        detail, "Classification", line.item_category or "", field=f"{field}.item_category",
        domain=ITEM_CATEGORY,
    )  # fmt: skip
    if shown.change_type is not None:
        writer.add(detail, "Extrinsic", shown.change_type, name="changeType")
    for index, assignment in enumerate(line.account_assignments):
        _write_distribution(
            writer, item, line, assignment, currency, f"{field}.account_assignments[{index}]"
        )
    for index, part in enumerate(line.schedule):
        where = f"{field}.schedule[{index}]"
        if part.requested_delivery_date is None:
            writer.fail(
                f"{where}.requested_delivery_date",
                "is required: a cXML ScheduleLine must have a requestedDeliveryDate",
            )
        schedule = writer.add(
            item,
            "ScheduleLine",
            field=where,
            quantity=part.quantity,
            requestedDeliveryDate=part.requested_delivery_date,
            requestedShipmentDate=part.requested_ship_date,
        )
        writer.add(
            schedule, "UnitOfMeasure", line.unit_of_measure, field=f"{field}.unit_of_measure"
        )


def _write_distribution(
    writer: Writer,
    parent: etree._Element,
    line: PurchaseOrderLine,
    assignment: AccountAssignment,
    currency: str,
    field: str,
) -> None:
    distribution = writer.add(parent, "Distribution")
    accounting = writer.add(
        distribution, "Accounting", field=f"{field}.category", name=assignment.category
    )
    for name, kind in _SEGMENTS:
        value = getattr(assignment, name)
        if value is not None:
            writer.add(
                accounting,
                "Segment",
                field=f"{field}.{name}",
                type=kind,
                id=value,
                description=kind,
            )
    writer.add(
        accounting, "Segment", field=f"{field}.percentage", type=PERCENTAGE,
        id=assignment.percentage, description="share of the line, in percent",
    )  # fmt: skip
    charge = writer.add(distribution, "Charge")
    with exact():
        share = assignment.percentage if assignment.percentage.is_finite() else Decimal(0)
        booked = (amount_of(line.quantity, line.unit_price) * share).scaleb(-2)
    write_money(writer, charge, booked, currency, f"{field}.percentage")


# --- reading -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemRead:
    line: PurchaseOrderLine
    marks: ItemMarks


def read_item_outs(reader: Reader, items: Sequence[Node], currency: Currency) -> list[ItemRead]:
    return [
        read_item_out(reader, item, position, currency) for position, item in enumerate(items, 1)
    ]


def read_item_out(reader: Reader, item: Node, position: int, currency: Currency) -> ItemRead:
    line_number = reader.positive(item, "lineNumber") or position
    quantity = reader.decimal(item, "quantity", required="the quantity ordered")
    numbers = read_item_id(reader, reader.required(item, "ItemID", "the item's ItemID"))
    detail = reader.required(item, "ItemDetail", "the ItemDetail with price and unit")
    price = unit = description = category = change_type = None
    if detail is not None:
        price = currency.money(
            reader.required(detail, "UnitPrice", "the unit price"), "the unit price"
        )
        unit = reader.child_text(detail, "UnitOfMeasure")
        if unit is None:
            reader.fail(f"{detail.path}.UnitOfMeasure", "is required: the unit of measure")
        description = next(
            (text for node in detail.children("Description") if (text := reader.content(node))),
            None,
        )
        for classification in detail.children("Classification"):
            if reader.code(classification, "domain") == ITEM_CATEGORY:
                category = reader.content(classification)
        for extrinsic in detail.children("Extrinsic"):
            if reader.code(extrinsic, "name") == "changeType":
                change_type = (reader.content(extrinsic) or "").strip()
    line = PurchaseOrderLine(
        line_number=line_number,
        quantity=quantity if quantity is not None else Decimal(0),
        unit_of_measure=(unit or "").strip(),
        unit_price=price if price is not None else Decimal(0),
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        gtin=numbers.gtin,
        description=description,
        item_category=category,
        requested_ship_date=reader.date(item, "requestedShipmentDate"),
        requested_delivery_date=reader.date(item, "requestedDeliveryDate"),
        schedule=tuple(_schedule(reader, node) for node in item.children("ScheduleLine")),
        account_assignments=_assignments(reader, item, quantity, price),
    )
    marks = ItemMarks(
        operation=reader.code(item, "operation") or None,
        changed=reader.code(item, "isItemChanged") == "yes",
        change_type=change_type,
    )
    return ItemRead(line=line, marks=marks)


def _schedule(reader: Reader, node: Node) -> ScheduleLine:
    quantity = reader.decimal(node, "quantity", required="the scheduled quantity")
    return ScheduleLine(
        quantity=quantity if quantity is not None else Decimal(0),
        requested_ship_date=reader.date(node, "requestedShipmentDate"),
        requested_delivery_date=reader.date(
            node, "requestedDeliveryDate", required="the date the part is wanted"
        ),
    )


def _assignments(
    reader: Reader, item: Node, quantity: Decimal | None, price: Decimal | None
) -> tuple[AccountAssignment, ...]:
    distributions = item.children("Distribution")
    found = []
    for distribution in distributions:
        accounting = reader.required(distribution, "Accounting", "the Accounting of the split")
        if accounting is None:
            continue
        category = reader.attribute(accounting, "name", required="the accounting category")
        values: dict[str, str] = {}
        percentage = None
        for segment in accounting.children("Segment"):
            kind = reader.code(segment, "type")
            value = reader.attribute(segment, "id", required="the segment's value")
            if kind == PERCENTAGE:
                percentage = reader.decimal(segment, "id", required="the share in percent")
            elif value is not None and (name := _SEGMENT_NAMES.get(kind.lower())) is not None:
                values.setdefault(name, value)
        if percentage is None:
            percentage = _share(reader, distribution, quantity, price, len(distributions))
        found.append(
            AccountAssignment(
                category=category or "",
                gl_account=values.get("gl_account"),
                cost_center=values.get("cost_center"),
                project=values.get("project"),
                asset=values.get("asset"),
                percentage=percentage,
            )
        )
    return tuple(found)


def _share(
    reader: Reader, distribution: Node, quantity: Decimal | None, price: Decimal | None, count: int
) -> Decimal:
    """The percentage of the line that a Distribution's Charge books."""
    booked = distribution.descend("Charge", "Money")
    amount = reader.amount(booked) if booked is not None and count > 1 else None
    if amount is None or quantity is None or price is None or quantity * price == 0:
        return HUNDRED
    with exact():
        return (amount * HUNDRED / (quantity * price)).normalize()
