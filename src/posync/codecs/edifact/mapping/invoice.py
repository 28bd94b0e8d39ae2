"""INVOIC (invoice message) <-> ``Invoice``.

Header: BGM C002 1001 the kind (380 commercial invoice, 381 and 83 credit
notes, 383 and 84 debit notes, any other an invoice), 1004 the invoice
number; DTM 137 the invoice date (3 read too); FTX AAB the terms' text; RFF
ON the order when the invoice bills one, RFF AAK the despatch advice (DQ,
delivery note, read too); NAD SU the supplier (SE and II read too), NAD BY
the buyer (IV read too); CUX the currency (6343 4, invoicing currency); PAT
groups the payment terms, with the net due date in DTM 13.

Lines: LIN 1082 the invoice's line number, item numbers, IMD the
description, QTY 47 the quantity invoiced and its unit, PRI AAA the unit
price, RFF ON the order and, in 1156, the order's line. A line without 1156
is read as most partners (mock-edi among them) write it and as X12 reads
IT101: LIN 1082 is the order's line, and the invoice's own is its position.
The header's RFF ON is the order of a line without one.

Summary (after UNS): CNT 2 the number of lines; MOA 77 the invoice amount
(86, 39, 139 and 9 read too); TAX groups the taxes (C241 5153 the type, or
5152 when the type is longer than a code; C243 5278 the rate; MOA 124 the
amount, MOA 125 the taxable amount); ALC groups the allowances (A) and
charges (C), N (neither) skipped: the code in C214 7161 (C552 1230 when it
is longer than three characters), the description in C214's two 7160, the
amount in MOA 8. ALC and TAX groups of the header and the lines are read as
the invoice's own, since canonical lines carry none.

Not carried: nothing of the canonical invoice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from posync.codecs.edifact.mapping import message
from posync.codecs.edifact.mapping.items import (
    ItemNumbers,
    description,
    item_numbers,
    write_description,
    write_line_head,
)
from posync.codecs.edifact.mapping.parties import party_roles, pick, write_party
from posync.codecs.edifact.mapping.purchase_order import (
    LINE_NUMBER,
    price,
    quantity,
    write_price,
    write_quantity,
)
from posync.codecs.edifact.mapping.reading import (
    At,
    Reader,
    dated,
    first,
    joined,
    references,
    sections,
)
from posync.codecs.edifact.mapping.terms import (
    INVOICE_CURRENCY,
    read_currency,
    read_terms,
    write_currency,
    write_terms,
    write_terms_text,
)
from posync.codecs.edifact.mapping.writing import Writer, padded
from posync.codecs.edifact.segments import Segment
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
    "381": InvoiceKind.CREDIT_NOTE,
    "83": InvoiceKind.CREDIT_NOTE,
    "383": InvoiceKind.DEBIT_NOTE,
    "84": InvoiceKind.DEBIT_NOTE,
}
_KIND_CODES = {
    InvoiceKind.INVOICE: "380",
    InvoiceKind.CREDIT_NOTE: "381",
    InvoiceKind.DEBIT_NOTE: "383",
}
_CHARGES = {"A": ChargeKind.ALLOWANCE, "C": ChargeKind.CHARGE}
_CHARGE_CODES = {kind: code for code, kind in _CHARGES.items()}
_NEITHER = "N"
INVOICED = "47"
TOTALS = ("77", "86", "39", "139", "9")
TAX_AMOUNT, TAXABLE, CHARGE_AMOUNT = "124", "125", "8"
_SUPPLIERS, _BUYERS = ("SU", "SE", "II"), ("BY", "IV")
_NOBODY = Party(name="")
_CODE_WIDTH = 3


class InvoiceMapper:
    message_type = "INVOIC"
    document_type = Invoice

    def decode(self, segments: Sequence[Segment], decimal_mark: str = ".") -> Invoice:
        reader = Reader("Invoice", decimal_mark)
        parts = sections(segments)
        head = message.header(parts.header)
        bgm = first(head.own, "BGM")
        if bgm is None:
            reader.refuse("BGM", "is required: the beginning of the invoice message")
        issued = dated(reader, head.own, ("137", "3"))
        if issued is None:
            reader.fail("DTM", "is required: a DTM 137 with the invoice date")
        parties = party_roles(reader, head.parties, (*_SUPPLIERS, *_BUYERS))
        supplier, buyer = pick(parties, _SUPPLIERS), pick(parties, _BUYERS)
        if supplier is None:
            reader.fail("NAD", "is required: a NAD with 3035 SU, SE or II (the supplier)")
        if buyer is None:
            reader.fail("NAD", "is required: a NAD with 3035 BY or IV (the buyer)")
        order = next(iter(references(reader, head.own, "ON")), None)
        lines = [message.line(group, index) for index, group in enumerate(parts.details, start=1)]
        own_summary, summary_taxes, summary_charges = message.summary(parts.summary)
        terms, due_on = read_terms(reader, head.payment_terms, head.own)
        charge_groups = [
            *head.charges,
            *(group for line in lines for group in line.charges),
            *summary_charges,
        ]
        notices = references(reader, head.own, "AAK") + references(reader, head.own, "DQ")
        invoice = Invoice(
            invoice_number=reader.required(bgm, 2, 1, "the invoice number"),
            issued_on=issued or date.min,
            supplier=supplier or _NOBODY,
            buyer=buyer or _NOBODY,
            currency=read_currency(reader, head.own, "the currency of the invoice"),
            lines=tuple(_line(reader, line, order) for line in lines),
            total_amount=_total(reader, own_summary),
            kind=_KINDS.get(reader.code(bgm, 1, 1), InvoiceKind.INVOICE),
            charges=tuple(_charges(reader, charge_groups)),
            taxes=tuple(_taxes(reader, [*head.taxes, *summary_taxes])),
            payment_terms=terms,
            due_on=due_on,
            ship_notice_id=notices[0] if notices else None,
        )
        reader.finish()
        return invoice

    def encode(self, document: Invoice) -> list[Segment]:
        invoice = document
        writer = Writer("Invoice")
        writer.add(
            "BGM",
            _KIND_CODES[invoice.kind],
            writer.text("BGM", 2, 1, invoice.invoice_number, "invoice_number"),
            "9",
        )
        writer.date("137", invoice.issued_on)
        write_terms_text(writer, invoice.payment_terms, "payment_terms")
        orders = invoice.purchase_order_numbers
        single = orders[0] if len(orders) == 1 else None
        if single is not None:
            writer.add(
                "RFF", ("ON", writer.text("RFF", 1, 2, single, "lines[0].purchase_order_number"))
            )
        if invoice.ship_notice_id is not None:
            notice = writer.text("RFF", 1, 2, invoice.ship_notice_id, "ship_notice_id")
            writer.add("RFF", ("AAK", notice))
        write_party(writer, "SU", invoice.supplier, "supplier")
        write_party(writer, "BY", invoice.buyer, "buyer")
        write_currency(writer, invoice.currency, INVOICE_CURRENCY)
        write_terms(writer, invoice.payment_terms, invoice.due_on, "payment_terms")
        for index, line in enumerate(invoice.lines):
            _write_line(writer, line, f"lines[{index}]")
        writer.add("UNS", "S")
        writer.add("CNT", ("2", str(len(invoice.lines))))
        total = writer.decimal("MOA", 1, 2, invoice.total_amount, "total_amount")
        writer.add("MOA", (TOTALS[0], total))
        for index, tax in enumerate(invoice.taxes):
            _write_tax(writer, tax, f"taxes[{index}]")
        for index, charge in enumerate(invoice.charges):
            _write_charge(writer, charge, f"charges[{index}]")
        return writer.finish()


def _amount(reader: Reader, segments: Iterable[At], qualifier: str) -> At | None:
    return first(segments, "MOA", qualifier)


def _total(reader: Reader, summary: Sequence[At]) -> Decimal:
    for qualifier in TOTALS:
        at = _amount(reader, summary, qualifier)
        if at is not None:
            return reader.decimal(at, 1, 2, required="the invoice amount") or Decimal(0)
    reader.fail("UNS.MOA", "is required: a MOA 77 with the invoice amount")
    return Decimal(0)


def _line(reader: Reader, line: message.Line, order: str | None) -> InvoiceLine:
    head, own = line.head, line.own
    numbers = item_numbers(reader, head, own)
    reference = first(own, "RFF", "ON")
    ordered_in = (reader.text(reference, 1, 2) if reference else None) or order
    if ordered_in is None:
        reader.fail(f"{head.inside}RFF", "is required: an RFF ON with the purchase order number")
    stated = reference is not None and bool(reader.code(reference, 1, 3))
    if reference is not None and stated:
        order_line = reader.whole(reference, 1, 3, positive=True, what=LINE_NUMBER)
        own_number = reader.whole(head, 1, positive=True, what=LINE_NUMBER) or line.number
    else:
        order_line = reader.whole(
            head, 1, required="the order's line number", positive=True, what=LINE_NUMBER
        )
        own_number = line.number
    invoiced = quantity(reader, own, (INVOICED, "12"))
    unit = ""
    if invoiced is None:
        reader.fail(f"{head.inside}QTY", "is required: a QTY 47 with the quantity invoiced")
    else:
        unit = reader.code(invoiced, 1, 3)
        if not unit:
            reader.missing(invoiced, 1, 3, "the unit of measure")
    unit_price = price(reader, line)
    if unit_price is None and not line.prices:
        reader.fail(f"{head.inside}PRI", "is required: a PRI AAA with the unit price")
    return InvoiceLine(
        line_number=own_number,
        purchase_order_number=ordered_in or "",
        purchase_order_line=order_line or 0,
        quantity=(reader.decimal(invoiced, 1, 2, required="the quantity") if invoiced else None)
        or Decimal(0),
        unit_of_measure=unit,
        unit_price=unit_price or Decimal(0),
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        description=description(reader, own),
    )


def _charges(reader: Reader, charge_groups: Iterable[Sequence[At]]) -> list[Charge]:
    found = []
    for group in charge_groups:
        head = group[0]
        indicator = reader.code(head, 1)
        if indicator == _NEITHER:
            continue
        kind = _CHARGES.get(indicator)
        if kind is None:
            reader.fail(head.field(1), f"must be A (allowance), C (charge) or N, got {indicator!r}")
        code = reader.code(head, 5, 1) or reader.code(head, 2, 1) or reader.code(head, 2, 2)
        if not code:
            reader.missing(head, 5, 1, "the allowance or charge code (C214 7161 or C552)")
        amount = _amount(reader, group[1:], CHARGE_AMOUNT)
        if amount is None:
            reader.fail(
                f"{head.inside}MOA",
                "is required: a MOA 8 with the amount (a percentage alone cannot be read)",
            )
        found.append(
            Charge(
                kind=kind or ChargeKind.CHARGE,
                code=code,
                amount=(reader.decimal(amount, 1, 2, required="the amount") if amount else None)
                or Decimal(0),
                description=joined(
                    part for n in (4, 5) if (part := reader.text(head, 5, n)) is not None
                ),
            )
        )
    return found


def _taxes(reader: Reader, tax_groups: Iterable[Sequence[At]]) -> list[TaxAmount]:
    found = []
    for group in tax_groups:
        head = group[0]
        tax_type = reader.code(head, 2, 1) or reader.code(head, 2, 4)
        if not tax_type:
            reader.missing(head, 2, 1, "the tax type")
        amount = _amount(reader, group[1:], TAX_AMOUNT)
        if amount is None:
            reader.fail(f"{head.inside}MOA", "is required: a MOA 124 with the tax amount")
        taxable = _amount(reader, group[1:], TAXABLE)
        found.append(
            TaxAmount(
                tax_type=tax_type,
                amount=(reader.decimal(amount, 1, 2, required="the tax amount") if amount else None)
                or Decimal(0),
                rate_percent=reader.decimal(head, 5, 4),
                taxable_amount=reader.decimal(taxable, 1, 2) if taxable else None,
            )
        )
    return found


def _write_line(writer: Writer, line: InvoiceLine, field: str) -> None:
    numbers = ItemNumbers(line.buyer_item, line.supplier_item)
    write_line_head(writer, line.line_number, "", numbers, field)
    write_description(writer, line.description, f"{field}.description")
    write_quantity(writer, INVOICED, line.quantity, line.unit_of_measure, field)
    write_price(writer, line.unit_price, field)
    order = writer.text("RFF", 1, 2, line.purchase_order_number, f"{field}.purchase_order_number")
    order_line = writer.whole("RFF", 1, 3, line.purchase_order_line, f"{field}.purchase_order_line")
    writer.add("RFF", ("ON", order, order_line))


def _write_tax(writer: Writer, tax: TaxAmount, field: str) -> None:
    short = len(tax.tax_type) <= _CODE_WIDTH
    coded = writer.text("TAX", 2, 1, tax.tax_type, f"{field}.tax_type") if short else ""
    named = "" if short else writer.text("TAX", 2, 4, tax.tax_type, f"{field}.tax_type")
    rate = writer.decimal("TAX", 5, 4, tax.rate_percent, f"{field}.rate_percent")
    writer.add("TAX", "7", (coded, "", "", named), "", "", ("", "", "", rate))
    writer.add("MOA", (TAX_AMOUNT, writer.decimal("MOA", 1, 2, tax.amount, f"{field}.amount")))
    if tax.taxable_amount is not None:
        taxable = writer.decimal("MOA", 1, 2, tax.taxable_amount, f"{field}.taxable_amount")
        writer.add("MOA", (TAXABLE, taxable))


def _write_charge(writer: Writer, charge: Charge, field: str) -> None:
    short = len(charge.code) <= _CODE_WIDTH
    code = writer.text("ALC", 5, 1, charge.code, f"{field}.code") if short else ""
    number = "" if short else writer.text("ALC", 2, 1, charge.code, f"{field}.code")
    described = writer.parts("ALC", 5, 4, charge.description, f"{field}.description", count=2)
    writer.add(
        "ALC",
        _CHARGE_CODES[charge.kind],
        (number,),
        "",
        "",
        (code, "", "", *padded(described, 2)),
    )
    writer.add(
        "MOA", (CHARGE_AMOUNT, writer.decimal("MOA", 1, 2, charge.amount, f"{field}.amount"))
    )
