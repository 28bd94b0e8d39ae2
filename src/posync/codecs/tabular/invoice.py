"""Invoices as CSV: one row per invoice line, the invoice's columns on every row.

The key is ``invoice_number``. The invoice's ``charges`` cell holds one charge
or allowance per line of the cell, written ``KIND CODE AMOUNT [DESCRIPTION]``
(``charge FREIGHT 10.00 freight to Köln``, ``allowance DISCOUNT 1.50``): the
description is the rest of the item, spaces and all. Its ``taxes`` cell holds
one tax per line, written ``TYPE AMOUNT [rate=PERCENT] [taxable=AMOUNT]``
(``VAT 7.46 rate=19 taxable=37.50``).
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
    read_choice,
    read_date,
    read_entry,
    read_integer,
    read_part,
)
from posync.codecs.tabular.layout import Cells, Layout
from posync.codecs.tabular.parties import party_columns, read_party, write_party
from posync.codecs.tabular.payment import (
    PAYMENT_COLUMNS,
    read_payment_terms,
    write_payment_terms,
)
from posync.domain.documents import (
    Charge,
    ChargeKind,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    TaxAmount,
)
from posync.domain.errors import Problem

INVOICE_COLUMNS = (
    "invoice_number",
    "invoice_kind",
    "invoice_date",
    "due_date",
    "currency",
    "total_amount",
    "ship_notice_id",
    *PAYMENT_COLUMNS,
    "charges",
    "taxes",
    *party_columns("supplier"),
    *party_columns("buyer"),
)
LINE_COLUMNS = (
    "line_number",
    "po_number",
    "po_line",
    "quantity",
    "unit",
    "unit_price",
    "buyer_item",
    "supplier_item",
    "description",
)
CHARGE_SHAPE = "KIND CODE AMOUNT [DESCRIPTION] like 'charge FREIGHT 10.00 freight to Köln'"
CHARGE_KINDS = " or ".join(kind.value for kind in ChargeKind)


class InvoiceTable:
    layout = Layout(
        kind="invoices",
        marker="invoice_number",
        key=("invoice_number",),
        header=INVOICE_COLUMNS,
        lines=LINE_COLUMNS,
        required=(
            "invoice_number",
            "invoice_date",
            "currency",
            "total_amount",
            "supplier_name",
            "buyer_name",
            "line_number",
            "po_number",
            "po_line",
            "quantity",
            "unit",
            "unit_price",
        ),
    )
    document_type = Invoice

    def decode(self, header: CellReader, lines: Sequence[CellReader]) -> Invoice:
        style = header.style
        return Invoice(
            invoice_number=header.required_text("invoice_number"),
            kind=header.choice("invoice_kind", InvoiceKind, InvoiceKind.INVOICE),
            issued_on=header.required("invoice_date", read_date, DATE, date.min),
            due_on=header.date("due_date"),
            currency=header.required_text("currency"),
            total_amount=header.required("total_amount", style.read_decimal, NUMBER, Decimal(0)),
            ship_notice_id=header.text("ship_notice_id"),
            payment_terms=read_payment_terms(header),
            charges=header.entries("charges", lambda text: _charge(text, style)),
            taxes=header.entries("taxes", lambda text: _tax(text, style)),
            supplier=read_party(header, "supplier"),
            buyer=read_party(header, "buyer"),
            lines=tuple(_line(cells) for cells in lines),
        )

    def encode(self, document: Invoice, cells: CellWriter) -> tuple[Cells, list[Cells]]:
        charges = [
            _charge_text(cells, f"charges[{index}]", charge)
            for index, charge in enumerate(document.charges)
        ]
        taxes = [
            _tax_text(cells, f"taxes[{index}]", tax) for index, tax in enumerate(document.taxes)
        ]
        header = {
            "invoice_number": cells.text("invoice_number", document.invoice_number),
            "invoice_kind": cells.choice(document.kind),
            "invoice_date": cells.date(document.issued_on),
            "due_date": cells.date(document.due_on),
            "currency": cells.text("currency", document.currency),
            "total_amount": cells.decimal("total_amount", document.total_amount),
            "ship_notice_id": cells.text("ship_notice_id", document.ship_notice_id),
            **write_payment_terms(cells, "payment_terms", document.payment_terms),
            "charges": cells.items("charges", charges),
            "taxes": cells.items("taxes", taxes),
            **write_party(cells, "supplier", "supplier", document.supplier),
            **write_party(cells, "buyer", "buyer", document.buyer),
        }
        lines = [
            _line_cells(cells, f"lines[{index}]", line) for index, line in enumerate(document.lines)
        ]
        return header, lines


def _line(cells: CellReader) -> InvoiceLine:
    number = cells.style.read_decimal
    return InvoiceLine(
        line_number=cells.required("line_number", read_integer, WHOLE, 0),
        purchase_order_number=cells.required_text("po_number"),
        purchase_order_line=cells.required("po_line", read_integer, WHOLE, 0),
        quantity=cells.required("quantity", number, NUMBER, Decimal(0)),
        unit_of_measure=cells.required_text("unit"),
        unit_price=cells.required("unit_price", number, NUMBER, Decimal(0)),
        buyer_item=cells.text("buyer_item"),
        supplier_item=cells.text("supplier_item"),
        description=cells.text("description"),
    )


def _charge(text: str, style: NumberStyle) -> Charge:
    parts = text.split(None, 3)
    if len(parts) < 3:
        raise CellError(f"must be written {CHARGE_SHAPE}; got {text!r}")
    kind, code, amount = parts[:3]
    try:
        charge_kind = read_choice(kind, ChargeKind)
    except CellError:
        raise CellError(
            f"must start with {CHARGE_KINDS}, as in {CHARGE_SHAPE}; got {text!r}"
        ) from None
    return Charge(
        kind=charge_kind,
        code=code,
        amount=read_part(text, "AMOUNT", amount, style.read_decimal),
        description=parts[3] if len(parts) == 4 else None,
    )


def _tax(text: str, style: NumberStyle) -> TaxAmount:
    entry = read_entry(text, positional=("type", "amount"), keys=("rate", "taxable"))
    tax_type, amount = entry.positional
    rate, taxable = entry.attributes.get("rate"), entry.attributes.get("taxable")
    return TaxAmount(
        tax_type=tax_type,
        amount=read_part(text, "AMOUNT", amount, style.read_decimal),
        rate_percent=None if rate is None else read_part(text, "rate=", rate, style.read_decimal),
        taxable_amount=None
        if taxable is None
        else read_part(text, "taxable=", taxable, style.read_decimal),
    )


def _charge_text(cells: CellWriter, field: str, charge: Charge) -> str:
    parts = [
        cells.choice(charge.kind),
        cells.token(f"{field}.code", charge.code),
        cells.decimal(f"{field}.amount", charge.amount),
    ]
    description = charge.description
    if description is not None:
        cells.text(f"{field}.description", description)
        if description[:1].isspace():
            cells.problems.append(
                Problem(
                    f"{field}.description",
                    "starts with a space, which the end of a list item cannot keep",
                )
            )
        parts.append(description)
    return " ".join(parts)


def _tax_text(cells: CellWriter, field: str, tax: TaxAmount) -> str:
    parts = [
        cells.token(f"{field}.tax_type", tax.tax_type),
        cells.decimal(f"{field}.amount", tax.amount),
    ]
    if tax.rate_percent is not None:
        parts.append(f"rate={cells.decimal(f'{field}.rate_percent', tax.rate_percent)}")
    if tax.taxable_amount is not None:
        parts.append(f"taxable={cells.decimal(f'{field}.taxable_amount', tax.taxable_amount)}")
    return " ".join(parts)


def _line_cells(cells: CellWriter, field: str, line: InvoiceLine) -> Cells:
    return {
        "line_number": cells.integer(f"{field}.line_number", line.line_number),
        "po_number": cells.text(f"{field}.purchase_order_number", line.purchase_order_number),
        "po_line": cells.integer(f"{field}.purchase_order_line", line.purchase_order_line),
        "quantity": cells.decimal(f"{field}.quantity", line.quantity),
        "unit": cells.text(f"{field}.unit_of_measure", line.unit_of_measure),
        "unit_price": cells.decimal(f"{field}.unit_price", line.unit_price),
        "buyer_item": cells.text(f"{field}.buyer_item", line.buyer_item),
        "supplier_item": cells.text(f"{field}.supplier_item", line.supplier_item),
        "description": cells.text(f"{field}.description", line.description),
    }
