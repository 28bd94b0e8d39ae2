"""Acknowledgements as CSV: one row per acknowledged line, the answer's columns on each.

The key is the order number with the change number, so that answers to an
order and to its changes can share a file. An acknowledgement of the whole
order without line detail is one row with the line columns blank.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from posync.codecs.tabular.cells import CellReader, CellWriter, read_choice, read_date, read_integer
from posync.codecs.tabular.layout import Cells, Layout
from posync.domain.documents import (
    AcknowledgedLine,
    AcknowledgementStatus,
    LineStatus,
    PurchaseOrderAcknowledgement,
)

HEADER_COLUMNS = (
    "po_number",
    "change_number",
    "acknowledgement_date",
    "acknowledgement_status",
    "supplier_order_number",
    "acknowledgement_reason",
)
LINE_COLUMNS = (
    "line_number",
    "line_status",
    "quantity",
    "unit",
    "unit_price",
    "backordered_quantity",
    "promised_ship_date",
    "promised_delivery_date",
    "buyer_item",
    "supplier_item",
    "line_reason",
)
STATUSES = ", ".join(status.value for status in AcknowledgementStatus)
LINE_STATUSES = ", ".join(status.value for status in LineStatus)


class AcknowledgementTable:
    layout = Layout(
        kind="acknowledgements",
        marker="acknowledgement_status",
        key=("po_number", "change_number"),
        header=HEADER_COLUMNS,
        lines=LINE_COLUMNS,
        required=("po_number", "acknowledgement_date", "acknowledgement_status"),
    )
    document_type = PurchaseOrderAcknowledgement

    def decode(
        self, header: CellReader, lines: Sequence[CellReader]
    ) -> PurchaseOrderAcknowledgement:
        return PurchaseOrderAcknowledgement(
            purchase_order_number=header.required_text("po_number"),
            change_number=header.integer("change_number"),
            issued_on=header.required(
                "acknowledgement_date", read_date, "a date as YYYY-MM-DD", date.min
            ),
            status=header.required(
                "acknowledgement_status",
                lambda text: read_choice(text, AcknowledgementStatus),
                f"one of {STATUSES}",
                AcknowledgementStatus.ACCEPTED,
            ),
            supplier_order_number=header.text("supplier_order_number"),
            reason=header.text("acknowledgement_reason"),
            lines=tuple(_line(cells) for cells in lines),
        )

    def encode(
        self, document: PurchaseOrderAcknowledgement, cells: CellWriter
    ) -> tuple[Cells, list[Cells]]:
        header = {
            "po_number": cells.text("purchase_order_number", document.purchase_order_number),
            "change_number": cells.integer("change_number", document.change_number),
            "acknowledgement_date": cells.date(document.issued_on),
            "acknowledgement_status": cells.choice(document.status),
            "supplier_order_number": cells.text(
                "supplier_order_number", document.supplier_order_number
            ),
            "acknowledgement_reason": cells.text("reason", document.reason),
        }
        lines = [
            _line_cells(cells, f"lines[{index}]", line) for index, line in enumerate(document.lines)
        ]
        return header, lines


def _line(cells: CellReader) -> AcknowledgedLine:
    return AcknowledgedLine(
        line_number=cells.required("line_number", read_integer, "a whole number like 1", 0),
        status=cells.required(
            "line_status",
            lambda text: read_choice(text, LineStatus),
            f"one of {LINE_STATUSES}",
            LineStatus.ACCEPTED,
        ),
        quantity=cells.decimal("quantity"),
        unit_of_measure=cells.text("unit"),
        unit_price=cells.decimal("unit_price"),
        backordered_quantity=cells.decimal("backordered_quantity"),
        promised_ship_date=cells.date("promised_ship_date"),
        promised_delivery_date=cells.date("promised_delivery_date"),
        buyer_item=cells.text("buyer_item"),
        supplier_item=cells.text("supplier_item"),
        reason=cells.text("line_reason"),
    )


def _line_cells(cells: CellWriter, field: str, line: AcknowledgedLine) -> Cells:
    return {
        "line_number": cells.integer(f"{field}.line_number", line.line_number),
        "line_status": cells.choice(line.status),
        "quantity": cells.decimal(f"{field}.quantity", line.quantity),
        "unit": cells.text(f"{field}.unit_of_measure", line.unit_of_measure),
        "unit_price": cells.decimal(f"{field}.unit_price", line.unit_price),
        "backordered_quantity": cells.decimal(
            f"{field}.backordered_quantity", line.backordered_quantity
        ),
        "promised_ship_date": cells.date(line.promised_ship_date),
        "promised_delivery_date": cells.date(line.promised_delivery_date),
        "buyer_item": cells.text(f"{field}.buyer_item", line.buyer_item),
        "supplier_item": cells.text(f"{field}.supplier_item", line.supplier_item),
        "line_reason": cells.text(f"{field}.reason", line.reason),
    }
