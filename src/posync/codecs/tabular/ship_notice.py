"""Ship notices as CSV: one row per shipped line, the shipment's columns on every row.

The key is ``shipment_id``. The shipment's ``packs`` cell holds one pack per
line of the cell, written ``PACK_ID [packaging=...] [parent=PACK_ID]
[gross_weight=NUMBER] [weight_unit=UNIT]``; a line names its pack in
``pack_id``. A line's ``lots`` cell holds one lot per line of the cell,
written ``LOT_NUMBER QUANTITY [expires=YYYY-MM-DD]``; its ``serial_numbers``
cell one serial number per line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from posync.codecs.tabular.cells import (
    DATE,
    NUMBER,
    WHOLE,
    CellReader,
    CellWriter,
    NumberStyle,
    read_date,
    read_entry,
    read_integer,
    read_part,
)
from posync.codecs.tabular.layout import Cells, Layout
from posync.codecs.tabular.parties import party_columns, read_optional_party, write_party
from posync.domain.documents import Lot, Pack, ShipNotice, ShippedLine

SHIPMENT_COLUMNS = (
    "shipment_id",
    "notice_date",
    "ship_date",
    "estimated_delivery_date",
    "carrier",
    "tracking_number",
    "ship_method",
    "packs",
    *party_columns("ship_from"),
    *party_columns("ship_to"),
)
LINE_COLUMNS = (
    "po_number",
    "line_number",
    "quantity",
    "unit",
    "buyer_item",
    "supplier_item",
    "gtin",
    "pack_id",
    "lots",
    "serial_numbers",
)
PACK_KEYS = ("packaging", "parent", "gross_weight", "weight_unit")


class ShipNoticeTable:
    layout = Layout(
        kind="ship notices",
        marker="shipment_id",
        key=("shipment_id",),
        header=SHIPMENT_COLUMNS,
        lines=LINE_COLUMNS,
        required=(
            "shipment_id",
            "notice_date",
            "ship_date",
            "po_number",
            "line_number",
            "quantity",
            "unit",
        ),
    )
    document_type = ShipNotice

    def decode(self, header: CellReader, lines: Sequence[CellReader]) -> ShipNotice:
        return ShipNotice(
            shipment_id=header.required_text("shipment_id"),
            issued_on=header.required("notice_date", read_date, DATE, date.min),
            ship_date=header.required("ship_date", read_date, DATE, date.min),
            estimated_delivery_date=header.date("estimated_delivery_date"),
            carrier=header.text("carrier"),
            tracking_number=header.text("tracking_number"),
            ship_method=header.text("ship_method"),
            ship_from=read_optional_party(header, "ship_from"),
            ship_to=read_optional_party(header, "ship_to"),
            packs=header.entries("packs", lambda text: _pack(text, header.style)),
            lines=tuple(_line(cells) for cells in lines),
        )

    def encode(self, document: ShipNotice, cells: CellWriter) -> tuple[Cells, list[Cells]]:
        packs = [
            _pack_text(cells, f"packs[{index}]", pack) for index, pack in enumerate(document.packs)
        ]
        header = {
            "shipment_id": cells.text("shipment_id", document.shipment_id),
            "notice_date": cells.date(document.issued_on),
            "ship_date": cells.date(document.ship_date),
            "estimated_delivery_date": cells.date(document.estimated_delivery_date),
            "carrier": cells.text("carrier", document.carrier),
            "tracking_number": cells.text("tracking_number", document.tracking_number),
            "ship_method": cells.text("ship_method", document.ship_method),
            "packs": cells.items("packs", packs),
            **write_party(cells, "ship_from", "ship_from", document.ship_from),
            **write_party(cells, "ship_to", "ship_to", document.ship_to),
        }
        lines = [
            _line_cells(cells, f"lines[{index}]", line) for index, line in enumerate(document.lines)
        ]
        return header, lines


def _line(cells: CellReader) -> ShippedLine:
    return ShippedLine(
        purchase_order_number=cells.required_text("po_number"),
        line_number=cells.required("line_number", read_integer, WHOLE, 0),
        quantity=cells.required("quantity", cells.style.read_decimal, NUMBER, Decimal(0)),
        unit_of_measure=cells.required_text("unit"),
        buyer_item=cells.text("buyer_item"),
        supplier_item=cells.text("supplier_item"),
        gtin=cells.text("gtin"),
        pack_id=cells.text("pack_id"),
        lots=cells.entries("lots", lambda text: _lot(text, cells.style)),
        serial_numbers=cells.items("serial_numbers"),
    )


def _pack(text: str, style: NumberStyle) -> Pack:
    entry = read_entry(text, positional=("pack_id",), keys=PACK_KEYS)
    weight = entry.attributes.get("gross_weight")
    return Pack(
        pack_id=entry.positional[0],
        packaging=entry.attributes.get("packaging"),
        parent_pack_id=entry.attributes.get("parent"),
        gross_weight=None
        if weight is None
        else read_part(text, "gross_weight=", weight, style.read_decimal),
        weight_unit=entry.attributes.get("weight_unit"),
    )


def _lot(text: str, style: NumberStyle) -> Lot:
    entry = read_entry(text, positional=("lot_number", "quantity"), keys=("expires",))
    lot_number, quantity = entry.positional
    expires = entry.attributes.get("expires")
    return Lot(
        lot_number=lot_number,
        quantity=read_part(text, "QUANTITY", quantity, style.read_decimal),
        expires_on=None if expires is None else read_part(text, "expires=", expires, read_date),
    )


def _pack_text(cells: CellWriter, field: str, pack: Pack) -> str:
    parts = [cells.token(f"{field}.pack_id", pack.pack_id)]
    if pack.packaging is not None:
        parts.append(f"packaging={cells.token(f'{field}.packaging', pack.packaging)}")
    if pack.parent_pack_id is not None:
        parts.append(f"parent={cells.token(f'{field}.parent_pack_id', pack.parent_pack_id)}")
    if pack.gross_weight is not None:
        parts.append(f"gross_weight={cells.decimal(f'{field}.gross_weight', pack.gross_weight)}")
    if pack.weight_unit is not None:
        parts.append(f"weight_unit={cells.token(f'{field}.weight_unit', pack.weight_unit)}")
    return " ".join(parts)


def _lot_text(cells: CellWriter, field: str, lot: Lot) -> str:
    parts = [
        cells.token(f"{field}.lot_number", lot.lot_number),
        cells.decimal(f"{field}.quantity", lot.quantity),
    ]
    if lot.expires_on is not None:
        parts.append(f"expires={lot.expires_on.isoformat()}")
    return " ".join(parts)


def _line_cells(cells: CellWriter, field: str, line: ShippedLine) -> Cells:
    lots = [_lot_text(cells, f"{field}.lots[{index}]", lot) for index, lot in enumerate(line.lots)]
    return {
        "po_number": cells.text(f"{field}.purchase_order_number", line.purchase_order_number),
        "line_number": cells.integer(f"{field}.line_number", line.line_number),
        "quantity": cells.decimal(f"{field}.quantity", line.quantity),
        "unit": cells.text(f"{field}.unit_of_measure", line.unit_of_measure),
        "buyer_item": cells.text(f"{field}.buyer_item", line.buyer_item),
        "supplier_item": cells.text(f"{field}.supplier_item", line.supplier_item),
        "gtin": cells.text(f"{field}.gtin", line.gtin),
        "pack_id": cells.text(f"{field}.pack_id", line.pack_id),
        "lots": cells.items(f"{field}.lots", lots),
        "serial_numbers": cells.items(f"{field}.serial_numbers", line.serial_numbers),
    }
