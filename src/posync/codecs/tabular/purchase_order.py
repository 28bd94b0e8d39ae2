"""Purchase orders as CSV: one row per order line, the order's columns on every row.

A line's ``schedule`` holds one delivery per line of the cell, written
``QUANTITY [ship=YYYY-MM-DD] [delivery=YYYY-MM-DD]``; its
``account_assignments`` one assignment per line, written
``CATEGORY PERCENT% [gl_account=...] [cost_center=...] [project=...] [asset=...]
[prepayment]``. ``notes`` holds one note per line of the cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from posync.codecs.tabular.cells import (
    DATE,
    NUMBER,
    WHOLE,
    CellError,
    CellReader,
    CellWriter,
    NumberStyle,
    read_date,
    read_entry,
    read_integer,
)
from posync.codecs.tabular.layout import Cells, Layout
from posync.codecs.tabular.parties import (
    party_columns,
    read_optional_party,
    read_party,
    write_party,
)
from posync.codecs.tabular.payment import (
    PAYMENT_COLUMNS,
    read_payment_terms,
    write_payment_terms,
)
from posync.domain.documents import (
    AccountAssignment,
    OrderKind,
    PurchaseOrder,
    PurchaseOrderLine,
    SalesOrderLineReference,
    ScheduleLine,
)
from posync.domain.values import Incoterms

ORDER_COLUMNS = (
    "po_number",
    "revision",
    "order_kind",
    "order_date",
    "currency",
    "blanket_order_number",
    "release_number",
    *PAYMENT_COLUMNS,
    "incoterms",
    "incoterms_place",
    "ship_method",
    "order_requested_ship_date",
    "order_requested_delivery_date",
    "notes",
    *party_columns("buyer"),
    *party_columns("supplier"),
    *party_columns("ship_to"),
    *party_columns("bill_to"),
)
LINE_COLUMNS = (
    "line_number",
    "buyer_item",
    "supplier_item",
    "gtin",
    "description",
    "item_category",
    "quantity",
    "unit",
    "unit_price",
    "requested_ship_date",
    "requested_delivery_date",
    "schedule",
    "account_assignments",
    "capitalized",
    "sales_order_number",
    "sales_order_line",
)
ACCOUNT_KEYS = ("gl_account", "cost_center", "project", "asset")


class PurchaseOrderTable:
    layout = Layout(
        kind="purchase orders",
        marker="order_date",
        key=("po_number",),
        header=ORDER_COLUMNS,
        lines=LINE_COLUMNS,
        required=(
            "po_number",
            "order_date",
            "currency",
            "buyer_name",
            "supplier_name",
            "line_number",
            "quantity",
            "unit",
            "unit_price",
        ),
    )
    document_type = PurchaseOrder

    def decode(self, header: CellReader, lines: Sequence[CellReader]) -> PurchaseOrder:
        incoterms = None
        if not header.blank("incoterms", "incoterms_place"):
            incoterms = Incoterms(
                code=header.required_text("incoterms"), place=header.text("incoterms_place")
            )
        return PurchaseOrder(
            number=header.required_text("po_number"),
            revision=header.integer("revision") or 0,
            kind=header.choice("order_kind", OrderKind, OrderKind.STANDARD),
            order_date=header.required("order_date", read_date, DATE, date.min),
            currency=header.required_text("currency"),
            blanket_order_number=header.text("blanket_order_number"),
            release_number=header.integer("release_number"),
            payment_terms=read_payment_terms(header),
            incoterms=incoterms,
            ship_method=header.text("ship_method"),
            requested_ship_date=header.date("order_requested_ship_date"),
            requested_delivery_date=header.date("order_requested_delivery_date"),
            notes=header.items("notes"),
            buyer=read_party(header, "buyer"),
            supplier=read_party(header, "supplier"),
            ship_to=read_optional_party(header, "ship_to"),
            bill_to=read_optional_party(header, "bill_to"),
            lines=tuple(_line(cells) for cells in lines),
        )

    def encode(self, document: PurchaseOrder, cells: CellWriter) -> tuple[Cells, list[Cells]]:
        incoterms = document.incoterms
        header = {
            "po_number": cells.text("number", document.number),
            "revision": cells.integer("revision", document.revision),
            "order_kind": cells.choice(document.kind),
            "order_date": cells.date(document.order_date),
            "currency": cells.text("currency", document.currency),
            "blanket_order_number": cells.text(
                "blanket_order_number", document.blanket_order_number
            ),
            "release_number": cells.integer("release_number", document.release_number),
            **write_payment_terms(cells, "payment_terms", document.payment_terms),
            "incoterms": cells.text("incoterms.code", incoterms.code if incoterms else None),
            "incoterms_place": cells.text(
                "incoterms.place", incoterms.place if incoterms else None
            ),
            "ship_method": cells.text("ship_method", document.ship_method),
            "order_requested_ship_date": cells.date(document.requested_ship_date),
            "order_requested_delivery_date": cells.date(document.requested_delivery_date),
            "notes": cells.items("notes", document.notes),
            **write_party(cells, "buyer", "buyer", document.buyer),
            **write_party(cells, "supplier", "supplier", document.supplier),
            **write_party(cells, "ship_to", "ship_to", document.ship_to),
            **write_party(cells, "bill_to", "bill_to", document.bill_to),
        }
        lines = [
            _line_cells(cells, f"lines[{index}]", line) for index, line in enumerate(document.lines)
        ]
        return header, lines


def _line(cells: CellReader) -> PurchaseOrderLine:
    sales_order_line = None
    if not cells.blank("sales_order_number", "sales_order_line"):
        sales_order_line = SalesOrderLineReference(
            sales_order_number=cells.required_text("sales_order_number"),
            line_number=cells.required("sales_order_line", read_integer, WHOLE, 0),
        )
    return PurchaseOrderLine(
        line_number=cells.required("line_number", read_integer, WHOLE, 0),
        buyer_item=cells.text("buyer_item"),
        supplier_item=cells.text("supplier_item"),
        gtin=cells.text("gtin"),
        description=cells.text("description"),
        item_category=cells.text("item_category"),
        quantity=cells.required("quantity", cells.style.read_decimal, NUMBER, Decimal(0)),
        unit_of_measure=cells.required_text("unit"),
        unit_price=cells.required("unit_price", cells.style.read_decimal, NUMBER, Decimal(0)),
        requested_ship_date=cells.date("requested_ship_date"),
        requested_delivery_date=cells.date("requested_delivery_date"),
        schedule=cells.entries("schedule", lambda text: _schedule_line(text, cells.style)),
        account_assignments=cells.entries(
            "account_assignments", lambda text: _assignment(text, cells.style)
        ),
        capitalized=cells.flag("capitalized"),
        sales_order_line=sales_order_line,
    )


def _schedule_line(text: str, style: NumberStyle) -> ScheduleLine:
    entry = read_entry(text, positional=("quantity",), keys=("ship", "delivery"))
    ship, delivery = entry.attributes.get("ship"), entry.attributes.get("delivery")
    return ScheduleLine(
        quantity=style.read_decimal(entry.positional[0]),
        requested_ship_date=None if ship is None else read_date(ship),
        requested_delivery_date=None if delivery is None else read_date(delivery),
    )


def _assignment(text: str, style: NumberStyle) -> AccountAssignment:
    entry = read_entry(
        text, positional=("category", "percent%"), keys=ACCOUNT_KEYS, flags=("prepayment",)
    )
    category, percent = entry.positional
    if not percent.endswith("%"):
        raise CellError(
            f"must give the share as PERCENT% like 100% after the category; in {text!r}"
        )
    return AccountAssignment(
        category=category,
        percentage=style.read_decimal(percent.removesuffix("%")),
        gl_account=entry.attributes.get("gl_account"),
        cost_center=entry.attributes.get("cost_center"),
        project=entry.attributes.get("project"),
        asset=entry.attributes.get("asset"),
        prepayment="prepayment" in entry.flags,
    )


def _line_cells(cells: CellWriter, field: str, line: PurchaseOrderLine) -> Cells:
    reference = line.sales_order_line
    schedule = [
        " ".join(
            [
                cells.decimal(f"{field}.schedule[{index}].quantity", part.quantity),
                *([f"ship={part.requested_ship_date}"] if part.requested_ship_date else []),
                *(
                    [f"delivery={part.requested_delivery_date}"]
                    if part.requested_delivery_date
                    else []
                ),
            ]
        )
        for index, part in enumerate(line.schedule)
    ]
    assignments = [
        _assignment_text(cells, f"{field}.account_assignments[{index}]", assignment)
        for index, assignment in enumerate(line.account_assignments)
    ]
    return {
        "line_number": cells.integer(f"{field}.line_number", line.line_number),
        "buyer_item": cells.text(f"{field}.buyer_item", line.buyer_item),
        "supplier_item": cells.text(f"{field}.supplier_item", line.supplier_item),
        "gtin": cells.text(f"{field}.gtin", line.gtin),
        "description": cells.text(f"{field}.description", line.description),
        "item_category": cells.text(f"{field}.item_category", line.item_category),
        "quantity": cells.decimal(f"{field}.quantity", line.quantity),
        "unit": cells.text(f"{field}.unit_of_measure", line.unit_of_measure),
        "unit_price": cells.decimal(f"{field}.unit_price", line.unit_price),
        "requested_ship_date": cells.date(line.requested_ship_date),
        "requested_delivery_date": cells.date(line.requested_delivery_date),
        "schedule": cells.items(f"{field}.schedule", schedule),
        "account_assignments": cells.items(f"{field}.account_assignments", assignments),
        "capitalized": cells.flag(line.capitalized),
        "sales_order_number": cells.text(
            f"{field}.sales_order_line.sales_order_number",
            reference.sales_order_number if reference else None,
        ),
        "sales_order_line": cells.integer(
            f"{field}.sales_order_line.line_number", reference.line_number if reference else None
        ),
    }


def _assignment_text(cells: CellWriter, field: str, assignment: AccountAssignment) -> str:
    parts = [
        cells.token(f"{field}.category", assignment.category),
        cells.decimal(f"{field}.percentage", assignment.percentage) + "%",
    ]
    for key in ACCOUNT_KEYS:
        value = getattr(assignment, key)
        if value is not None:
            parts.append(f"{key}={cells.token(f'{field}.{key}', value)}")
    if assignment.prepayment:
        parts.append("prepayment")
    return " ".join(parts)
