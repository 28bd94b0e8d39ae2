"""810 Invoice <-> ``Invoice``.

BIG: 01 the invoice date, 02 the invoice number, 04 the purchase order number
when the invoice bills one order, 07 the transaction type: CR (credit memo)
and CN are credit notes, DR (debit memo) a debit note, anything else (DI
written) an invoice. CUR02 the currency (USD when absent), REF*SI the ship
notice id, N1 loops SE the supplier (SU, RI or RE read too) and BY the buyer
(BT read too), ITD the payment terms with the net due date in ITD06.

Lines: IT101 is the line number of the purchase order that the line bills,
as most partners (mock-edi among them) write it; IT102-104 quantity, unit,
unit price; IT106 on item numbers; PID the description; REF*PO the order when
the invoice bills several (BIG04 otherwise). The invoice's own line number is
the line's position, or REF*FJ (line item control number) when it is not.

Summary: TDS01 the total with two implied decimals ("113280" is 1132.80);
TXI the taxes (01 type, 02 amount, 03 rate, 08 the taxable amount, which X12
carries only beside a rate); SAC the allowances (A) and charges (C): SAC02
the code (ZZZZ with the code in SAC04 when it is not four characters), SAC05
the amount with two implied decimals, SAC15 the description. SAC and TXI
inside a line are read as the invoice's own, since canonical lines carry
none. CTT counts the lines.

Not carried by X12: nothing of the canonical invoice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from posync.codecs.segment_groups import groups
from posync.codecs.x12.mapping.code_tables import TAX_TYPES
from posync.codecs.x12.mapping.common import (
    At,
    EncodeOptions,
    Reader,
    every,
    first,
    locate,
    loop_heads,
    references,
    sections,
)
from posync.codecs.x12.mapping.items import (
    N9_MEMBERS,
    ItemNumbers,
    description,
    id_pairs,
    item_numbers,
    write_description,
    write_ids,
)
from posync.codecs.x12.mapping.parties import N1_MEMBERS, party_roles, pick, write_party
from posync.codecs.x12.mapping.purchase_order import LINE_NUMBER, write_totals
from posync.codecs.x12.mapping.terms import read_terms, write_terms
from posync.codecs.x12.mapping.writing import Writer
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import (
    Charge,
    ChargeKind,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    TaxAmount,
)
from posync.domain.values import Party

_KINDS = {
    "CR": InvoiceKind.CREDIT_NOTE,
    "CN": InvoiceKind.CREDIT_NOTE,
    "DR": InvoiceKind.DEBIT_NOTE,
}
_KIND_CODES = {
    InvoiceKind.INVOICE: "DI",
    InvoiceKind.CREDIT_NOTE: "CR",
    InvoiceKind.DEBIT_NOTE: "DR",
}
_CHARGES = {"A": ChargeKind.ALLOWANCE, "C": ChargeKind.CHARGE}
_CHARGE_CODES = {ChargeKind.ALLOWANCE: "A", ChargeKind.CHARGE: "C"}
_OTHER_CHARGE = "ZZZZ"
_SUPPLIERS, _BUYERS = ("SE", "SU", "RI", "RE"), ("BY", "BT")
_SUMMARY = frozenset({"TDS", "CTT"})
_NOBODY = Party(name="")


class InvoiceMapper:
    transaction_set = "810"
    functional_group = "IN"
    document_type = Invoice

    def decode(self, segments: Sequence[Segment], delimiters: Delimiters) -> Invoice:
        reader = Reader("Invoice", delimiters)
        parts = sections(segments, "IT1", _SUMMARY)
        header, party_loops = groups(locate(parts.header), "N1", N1_MEMBERS)
        header, _ = groups(header, "N9", N9_MEMBERS)
        big = first(header, "BIG")
        if big is None:
            reader.refuse("BIG", "is required: the beginning segment of the invoice")
        parties = party_roles(reader, party_loops, (*_SUPPLIERS, *_BUYERS))
        supplier, buyer = pick(parties, _SUPPLIERS), pick(parties, _BUYERS)
        if supplier is None:
            reader.fail("N101", "is required: an N1 loop with N101 SE, SU or RI (the supplier)")
        if buyer is None:
            reader.fail("N101", "is required: an N1 loop with N101 BY or BT (the buyer)")
        loops = loop_heads(parts.loops)
        summary = locate(parts.summary)
        total = first(summary, "TDS")
        if total is None:
            reader.fail("TDS", "is required: the total invoice amount")
        terms = first(header, "ITD")
        payment_terms, due_on = read_terms(reader, terms) if terms else (None, None)
        currency = first(header, "CUR")
        adjustments = [*header, *(at for loop in loops for at in loop[1:]), *summary]
        invoice = Invoice(
            invoice_number=reader.required(big, 2, "the invoice number"),
            issued_on=reader.date(big, 1, required="the invoice date") or date.min,
            supplier=supplier or _NOBODY,
            buyer=buyer or _NOBODY,
            currency=(reader.code(currency, 2) if currency else "") or "USD",
            lines=tuple(
                _line(reader, loop, position, reader.text(big, 4))
                for position, loop in enumerate(loops, start=1)
            ),
            total_amount=(
                reader.implied(total, 1, required="the total invoice amount") if total else None
            )
            or Decimal(0),
            kind=_KINDS.get(reader.code(big, 7), InvoiceKind.INVOICE),
            charges=tuple(_charges(reader, adjustments)),
            taxes=tuple(_taxes(reader, adjustments)),
            payment_terms=payment_terms,
            due_on=due_on,
            ship_notice_id=next(iter(references(reader, header, "SI")), None),
        )
        reader.finish()
        return invoice

    def encode(self, document: Invoice, options: EncodeOptions) -> list[list[str]]:
        invoice = document
        writer = Writer("Invoice", options)
        orders = invoice.purchase_order_numbers
        single = orders[0] if len(orders) == 1 else None
        writer.add(
            "BIG",
            writer.date(invoice.issued_on),
            writer.text("BIG02", invoice.invoice_number, "invoice_number"),
            "",
            writer.text("BIG04", single, "lines[0].purchase_order_number"),
            "",
            "",
            _KIND_CODES[invoice.kind],
        )
        writer.add("CUR", "SE", writer.text("CUR02", invoice.currency, "currency"))
        if invoice.ship_notice_id is not None:
            writer.add("REF", "SI", writer.text("REF02", invoice.ship_notice_id, "ship_notice_id"))
        write_party(writer, "SE", invoice.supplier, "supplier")
        write_party(writer, "BY", invoice.buyer, "buyer")
        write_terms(writer, invoice.payment_terms, invoice.due_on, "payment_terms")
        for index, line in enumerate(invoice.lines):
            _write_line(writer, line, index, several_orders=single is None)
        writer.add("TDS", writer.implied("TDS01", invoice.total_amount, "total_amount"))
        for index, tax in enumerate(invoice.taxes):
            _write_tax(writer, tax, f"taxes[{index}]")
        for index, charge in enumerate(invoice.charges):
            _write_charge(writer, charge, f"charges[{index}]")
        write_totals(writer, [line.quantity for line in invoice.lines])
        return writer.finish()


def _line(reader: Reader, loop: Sequence[At], position: int, order: str | None) -> InvoiceLine:
    head, rest = loop[0], loop[1:]
    numbers = item_numbers(id_pairs(reader, head, 6))
    ordered_in = next(iter(references(reader, rest, "PO")), order)
    if ordered_in is None:
        reader.fail(
            f"{head.prefix}REF",
            "is required: the purchase order number, in BIG04 or a REF*PO of the line",
        )
    numbered = next((at for at in every(rest, "REF") if reader.code(at, 1) == "FJ"), None)
    line_number = reader.whole(numbered, 2, positive=True, what=LINE_NUMBER) if numbered else None
    unit = reader.unit(head, 3) or ""
    if not unit:
        reader.missing(head, 3, "the unit of measure")
    return InvoiceLine(
        line_number=line_number or position,
        purchase_order_number=ordered_in or "",
        purchase_order_line=reader.whole(
            head, 1, required="the purchase order line number", positive=True, what=LINE_NUMBER
        )
        or 0,
        quantity=reader.decimal(head, 2, required="the quantity invoiced") or Decimal(0),
        unit_of_measure=unit,
        unit_price=reader.decimal(head, 4, required="the unit price") or Decimal(0),
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        description=description(reader, rest),
    )


def _charges(reader: Reader, segments: Iterable[At]) -> list[Charge]:
    found = []
    for at in every(segments, "SAC"):
        indicator = reader.code(at, 1)
        if indicator == "N":
            continue
        kind = _CHARGES.get(indicator)
        if kind is None:
            reader.fail(at.field(1), f"must be A (allowance), C (charge) or N, got {indicator!r}")
        code = reader.code(at, 2)
        if code in (_OTHER_CHARGE, "") and reader.text(at, 4) is not None:
            code = reader.code(at, 4)
        if not code:
            reader.missing(at, 2, "the allowance or charge code")
        amount = reader.implied(at, 5, required="the amount (a percentage alone cannot be read)")
        found.append(
            Charge(
                kind=kind or ChargeKind.CHARGE,
                code=code,
                amount=amount or Decimal(0),
                description=reader.text(at, 15),
            )
        )
    return found


def _taxes(reader: Reader, segments: Iterable[At]) -> list[TaxAmount]:
    found = []
    for at in every(segments, "TXI"):
        tax_type = reader.code(at, 1)
        if not tax_type:
            reader.missing(at, 1, "the tax type")
        found.append(
            TaxAmount(
                tax_type=TAX_TYPES.from_x12(tax_type),
                amount=reader.decimal(at, 2, required="the tax amount") or Decimal(0),
                rate_percent=reader.decimal(at, 3),
                taxable_amount=reader.decimal(at, 8),
            )
        )
    return found


def _write_line(writer: Writer, line: InvoiceLine, index: int, *, several_orders: bool) -> None:
    field = f"lines[{index}]"
    writer.add(
        "IT1",
        writer.text("IT101", str(line.purchase_order_line), f"{field}.purchase_order_line"),
        writer.decimal("IT102", line.quantity, f"{field}.quantity"),
        writer.unit_code("IT103", line.unit_of_measure, f"{field}.unit_of_measure"),
        writer.decimal("IT104", line.unit_price, f"{field}.unit_price"),
        "",
        *write_ids(writer, "IT1", 6, ItemNumbers(line.buyer_item, line.supplier_item), f"{field}."),
    )
    write_description(writer, line.description, f"{field}.description")
    if several_orders:
        order = writer.text("REF02", line.purchase_order_number, f"{field}.purchase_order_number")
        writer.add("REF", "PO", order)
    if line.line_number != index + 1:
        writer.add("REF", "FJ", writer.text("REF02", str(line.line_number), f"{field}.line_number"))


def _write_tax(writer: Writer, tax: TaxAmount, field: str) -> None:
    if tax.taxable_amount is not None and tax.rate_percent is None:
        writer.fail(
            f"{field}.taxable_amount", "X12 carries the taxable amount (TXI08) only beside a rate"
        )
    writer.add(
        "TXI",
        writer.translated(TAX_TYPES, "TXI01", tax.tax_type, f"{field}.tax_type"),
        writer.decimal("TXI02", tax.amount, f"{field}.amount"),
        writer.decimal("TXI03", tax.rate_percent, f"{field}.rate_percent"),
        "",
        "",
        "",
        "",
        writer.decimal("TXI08", tax.taxable_amount, f"{field}.taxable_amount"),
    )


def _write_charge(writer: Writer, charge: Charge, field: str) -> None:
    if len(charge.code) == 4:
        coded = [charge.code, "", ""]
    else:
        coded = [_OTHER_CHARGE, "ZZ", writer.text("SAC04", charge.code, f"{field}.code")]
    writer.add(
        "SAC",
        _CHARGE_CODES[charge.kind],
        *coded,
        writer.implied("SAC05", charge.amount, f"{field}.amount"),
        *[""] * 9,
        writer.text("SAC15", charge.description, f"{field}.description"),
    )
