"""InvoiceDetailRequest <-> ``Invoice``.

``InvoiceDetailRequestHeader``: ``invoiceID``, ``invoiceDate`` the date
issued, ``purpose`` standard (an invoice), creditMemo (a credit note) or
debitMemo (a debit note; the line-level memos read the same);
``InvoicePartner/Contact role="from"`` the supplier and ``role="soldTo"`` the
buyer (``remitTo`` and ``billTo`` read when those are absent);
``ShipNoticeIDInfo@shipNoticeID`` the ship notice; ``PaymentTerm`` the
terms (see ``common``); ``Extrinsic name="dueDate"`` the due date.

One ``InvoiceDetailOrder`` per purchase order (``OrderReference`` with the
payloadID when ``EncodeContext.order_payload_ids`` knows it, else
``OrderIDInfo``), in the order the lines first name them: lines are read
grouped by order. ``InvoiceDetailItem``: ``invoiceLineNumber`` the invoice's
line number, ``quantity``, ``UnitOfMeasure``, ``UnitPrice``;
``InvoiceDetailItemReference@lineNumber`` the order line, its ``ItemID`` the
item numbers and ``Description`` the description; ``SubtotalAmount`` the line
amount (written, not read).

``InvoiceDetailSummary``: ``SubtotalAmount`` the sum of the lines (written,
not read); ``Tax`` the taxes, one ``TaxDetail`` each (``category`` the tax
type, ``percentageRate`` the rate, ``TaxableAmount`` and ``TaxAmount``; a
Tax without details is one tax of its Description's type);
``SpecialHandlingAmount`` a charge HANDLING, ``ShippingAmount`` a charge
FREIGHT, ``InvoiceDetailDiscount`` an allowance DISCOUNT, each written for
the first such charge without a description (with one, for HANDLING); every
other charge a ``Modification`` of ``InvoiceHeaderModifications``
(``AdditionalCost`` a charge, ``AdditionalDeduction/DeductionAmount`` an
allowance, ``ModificationDetail@name`` its code and ``Description`` its
description); charges are read in that order. ``DueAmount`` (``NetAmount``
when absent) the total.

A credit memo states its amounts and quantities as negative numbers: posync
writes a credit note's that way and reads their magnitudes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lxml import etree

from posync.codecs.cxml.common import (
    Currency,
    EncodeContext,
    Mapped,
    amount_of,
    exact,
    extrinsics,
    read_item_id,
    read_payment_terms,
    write_extrinsic,
    write_item_id,
    write_money,
    write_payment_terms,
)
from posync.codecs.cxml.envelope import CxmlEnvelope
from posync.codecs.cxml.parties import NOBODY, read_contact, write_contact
from posync.codecs.cxml.reading import Node, Reader, parse_date
from posync.codecs.cxml.writing import Writer
from posync.domain.documents import (
    Charge,
    ChargeKind,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    TaxAmount,
)

SUPPLIER_ROLES = ("from", "remitTo", "supplierCorporate")
BUYER_ROLES = ("soldTo", "billTo", "buyerCorporate")
FREIGHT, HANDLING, DISCOUNT = "FREIGHT", "HANDLING", "DISCOUNT"
_PURPOSES = {
    InvoiceKind.INVOICE: "standard",
    InvoiceKind.CREDIT_NOTE: "creditMemo",
    InvoiceKind.DEBIT_NOTE: "debitMemo",
}
_KINDS = {
    "standard": InvoiceKind.INVOICE,
    "creditMemo": InvoiceKind.CREDIT_NOTE,
    "lineLevelCreditMemo": InvoiceKind.CREDIT_NOTE,
    "debitMemo": InvoiceKind.DEBIT_NOTE,
    "lineLevelDebitMemo": InvoiceKind.DEBIT_NOTE,
}


class InvoiceMapper:
    request = "InvoiceDetailRequest"
    dtd = "InvoiceDetail.dtd"

    def encode(
        self, document: object, writer: Writer, parent: etree._Element, context: EncodeContext
    ) -> None:
        assert isinstance(document, Invoice)
        invoice = document
        sign = invoice.kind is InvoiceKind.CREDIT_NOTE
        request = writer.add(parent, "InvoiceDetailRequest")
        header = writer.add(
            request, "InvoiceDetailRequestHeader", field="invoice_number",
            invoiceID=invoice.invoice_number, invoiceDate=invoice.issued_on,
            purpose=_PURPOSES[invoice.kind], operation="new",
        )  # fmt: skip
        writer.add(header, "InvoiceDetailHeaderIndicator")
        writer.add(header, "InvoiceDetailLineIndicator")
        for role, party, name in (
            ("from", invoice.supplier, "supplier"),
            ("soldTo", invoice.buyer, "buyer"),
        ):
            partner = writer.add(header, "InvoicePartner")
            write_contact(writer, partner, role, party, name)
        if invoice.ship_notice_id is not None:
            writer.add(
                header,
                "ShipNoticeIDInfo",
                field="ship_notice_id",
                shipNoticeID=invoice.ship_notice_id,
            )
        write_payment_terms(writer, header, invoice.payment_terms, "payment_terms")
        if invoice.due_on is not None:
            write_extrinsic(writer, header, "dueDate", invoice.due_on.isoformat(), "due_on")
        currency = invoice.currency
        for order in dict.fromkeys(line.purchase_order_number for line in invoice.lines):
            holder = writer.add(request, "InvoiceDetailOrder")
            info = writer.add(holder, "InvoiceDetailOrderInfo")
            payload = context.order_payload_ids.get(order)
            if payload is None:
                writer.add(info, "OrderIDInfo", field="lines.purchase_order_number", orderID=order)
            else:
                reference = writer.add(
                    info, "OrderReference", field="lines.purchase_order_number", orderID=order
                )
                writer.add(reference, "DocumentReference", payloadID=payload)
            for index, line in enumerate(invoice.lines):
                if line.purchase_order_number == order:
                    _write_line(writer, holder, line, currency, sign, f"lines[{index}]")
        _write_summary(writer, request, invoice, sign)

    def decode(self, node: Node, envelope: CxmlEnvelope) -> Mapped:
        reader = Reader(self.request)
        header = reader.required(node, "InvoiceDetailRequestHeader", "the invoice's header")
        summary = reader.required(node, "InvoiceDetailSummary", "the invoice's summary of amounts")
        if header is None or summary is None:
            reader.finish()
            raise AssertionError("unreachable: finish() raised")
        purpose = reader.code(header, "purpose") or "standard"
        if purpose not in _KINDS:
            reader.fail(
                header.field("purpose"), f"must be one of {', '.join(_KINDS)}, got {purpose!r}"
            )
        kind = _KINDS.get(purpose, InvoiceKind.INVOICE)
        credit = kind is InvoiceKind.CREDIT_NOTE
        currency = Currency(reader)
        partners = {}
        for partner in reversed(header.children("InvoicePartner")):
            contact = partner.child("Contact")
            if contact is not None:
                partners[reader.code(contact, "role")] = contact
        lines: list[InvoiceLine] = []
        payloads: dict[str, str] = {}
        for order_node in node.children("InvoiceDetailOrder"):
            order = _order_number(reader, order_node, payloads)
            for item in order_node.children("InvoiceDetailItem"):
                lines.append(_read_line(reader, item, order, currency, credit))
        if not lines:
            reader.fail(
                f"{node.path}.InvoiceDetailOrder", "is required: at least one InvoiceDetailItem"
            )
        total_node = summary.child("DueAmount") or summary.child("NetAmount")
        if total_node is None:
            reader.fail(f"{summary.path}.NetAmount", "is required: the invoice total")
        total = currency.money(total_node, "the invoice total")
        taxes = _read_taxes(reader, summary, currency, credit)
        charges = _read_charges(reader, summary, currency, credit)
        named = extrinsics(reader, header)
        due_on = None
        if "dueDate" in named:
            text = (reader.content(named["dueDate"]) or "").strip()
            due_on = parse_date(text)
            if due_on is None:
                reader.fail(named["dueDate"].path, f"must be a date like 2027-01-14, got {text!r}")
        ship_notice = header.child("ShipNoticeIDInfo")
        supplier = next((partners[r] for r in SUPPLIER_ROLES if r in partners), None)
        buyer = next((partners[r] for r in BUYER_ROLES if r in partners), None)
        if supplier is None:
            reader.fail(
                f"{header.path}.InvoicePartner",
                "is required: a Contact with role from (the supplier)",
            )
        if buyer is None:
            reader.fail(
                f"{header.path}.InvoicePartner",
                "is required: a Contact with role soldTo (the buyer)",
            )
        invoice = Invoice(
            invoice_number=reader.attribute(header, "invoiceID", required="the invoice number")
            or "",
            issued_on=reader.date(header, "invoiceDate", required="the invoice date") or date.min,
            supplier=read_contact(reader, supplier) if supplier is not None else NOBODY,
            buyer=read_contact(reader, buyer) if buyer is not None else NOBODY,
            currency=currency.code or "",
            lines=tuple(lines),
            total_amount=_magnitude(total, credit) or Decimal(0),
            kind=kind,
            charges=charges,
            taxes=taxes,
            payment_terms=read_payment_terms(reader, header),
            due_on=due_on,
            ship_notice_id=reader.attribute(ship_notice, "shipNoticeID") if ship_notice else None,
        )
        reader.finish()
        return Mapped(document=invoice, order_payload_ids=payloads)


def _signed(value: Decimal, credit: bool) -> Decimal:
    """A credit memo's amounts are negative: ``value`` as such (exact, never rounded)."""
    return value.copy_negate() if credit else value


def _magnitude(value: Decimal | None, credit: bool) -> Decimal | None:
    return abs(value) if credit and value is not None else value


# --- writing -----------------------------------------------------------------------------


def _write_line(
    writer: Writer, holder: etree._Element, line: InvoiceLine, currency: str, sign: bool, field: str
) -> None:
    item = writer.add(
        holder, "InvoiceDetailItem", field=field,
        invoiceLineNumber=line.line_number, quantity=_signed(line.quantity, sign),
    )  # fmt: skip
    writer.add(item, "UnitOfMeasure", line.unit_of_measure, field=f"{field}.unit_of_measure")
    price = writer.add(item, "UnitPrice")
    write_money(writer, price, line.unit_price, currency, f"{field}.unit_price")
    reference = writer.add(item, "InvoiceDetailItemReference", lineNumber=line.purchase_order_line)
    if line.supplier_item is not None or line.buyer_item is not None:
        write_item_id(
            writer, reference, supplier_item=line.supplier_item, buyer_item=line.buyer_item,
            gtin=None, field=field,
        )  # fmt: skip
    if line.description is not None:
        writer.named(reference, "Description", line.description, f"{field}.description")
    subtotal = writer.add(item, "SubtotalAmount")
    amount = amount_of(line.quantity, line.unit_price)
    write_money(writer, subtotal, _signed(amount, sign), currency, f"{field}.quantity")


def _write_summary(writer: Writer, request: etree._Element, invoice: Invoice, sign: bool) -> None:
    currency = invoice.currency
    summary = writer.add(request, "InvoiceDetailSummary")
    with exact():
        subtotal = sum(
            (amount_of(line.quantity, line.unit_price) for line in invoice.lines), Decimal(0)
        )
        taxed = sum((tax.amount for tax in invoice.taxes if tax.amount.is_finite()), Decimal(0))
    write_money(
        writer, writer.add(summary, "SubtotalAmount"), _signed(subtotal, sign), currency, "lines"
    )
    tax = writer.add(summary, "Tax")
    write_money(writer, tax, _signed(taxed, sign), currency, "taxes")
    writer.named(tax, "Description", "tax", "taxes")
    for index, item in enumerate(invoice.taxes):
        field = f"taxes[{index}]"
        detail = writer.add(
            tax, "TaxDetail", field=field, category=item.tax_type, percentageRate=item.rate_percent
        )
        if item.taxable_amount is not None:
            taxable = writer.add(detail, "TaxableAmount")
            write_money(
                writer,
                taxable,
                _signed(item.taxable_amount, sign),
                currency,
                f"{field}.taxable_amount",
            )
        write_money(
            writer,
            writer.add(detail, "TaxAmount"),
            _signed(item.amount, sign),
            currency,
            f"{field}.amount",
        )
    special = _special_charges(invoice.charges)
    for code, tag in (
        (HANDLING, "SpecialHandlingAmount"),
        (FREIGHT, "ShippingAmount"),
        (DISCOUNT, "InvoiceDetailDiscount"),
    ):
        if code in special:
            index, charge = special[code]
            holder = writer.add(summary, tag)
            write_money(
                writer, holder, _signed(charge.amount, sign), currency, f"charges[{index}].amount"
            )
            if code == HANDLING and charge.description is not None:
                writer.named(
                    holder, "Description", charge.description, f"charges[{index}].description"
                )
    others = [
        (i, c) for i, c in enumerate(invoice.charges) if all(i != s[0] for s in special.values())
    ]
    if others:
        modifications = writer.add(summary, "InvoiceHeaderModifications")
        for index, charge in others:
            field = f"charges[{index}]"
            modification = writer.add(modifications, "Modification")
            if charge.kind is ChargeKind.CHARGE:
                cost = writer.add(modification, "AdditionalCost")
                write_money(writer, cost, _signed(charge.amount, sign), currency, f"{field}.amount")
            else:
                deduction = writer.add(
                    writer.add(modification, "AdditionalDeduction"), "DeductionAmount"
                )
                write_money(
                    writer, deduction, _signed(charge.amount, sign), currency, f"{field}.amount"
                )
            detail = writer.add(
                modification, "ModificationDetail", field=f"{field}.code", name=charge.code
            )
            if charge.description is not None:
                writer.named(detail, "Description", charge.description, f"{field}.description")
    for tag in ("NetAmount", "DueAmount"):
        write_money(
            writer,
            writer.add(summary, tag),
            _signed(invoice.total_amount, sign),
            currency,
            "total_amount",
        )


def _special_charges(charges: tuple[Charge, ...]) -> dict[str, tuple[int, Charge]]:
    """The first charge that each summary element of its own carries, by code."""
    found: dict[str, tuple[int, Charge]] = {}
    for index, charge in enumerate(charges):
        if charge.code == HANDLING and charge.kind is ChargeKind.CHARGE:
            found.setdefault(HANDLING, (index, charge))
        elif (
            charge.description is None
            and charge.code == FREIGHT
            and charge.kind is ChargeKind.CHARGE
        ):
            found.setdefault(FREIGHT, (index, charge))
        elif (
            charge.description is None
            and charge.code == DISCOUNT
            and charge.kind is ChargeKind.ALLOWANCE
        ):
            found.setdefault(DISCOUNT, (index, charge))
    return found


# --- reading -----------------------------------------------------------------------------


def _order_number(reader: Reader, node: Node, payloads: dict[str, str]) -> str:
    info = reader.required(node, "InvoiceDetailOrderInfo", "the order invoiced")
    if info is None:
        return ""
    reference = info.child("OrderReference")
    id_info = info.child("OrderIDInfo")
    number = None
    if reference is not None:
        number = reader.attribute(reference, "orderID", required="the purchase order number")
        document_reference = reference.child("DocumentReference")
        payload = reader.attribute(document_reference, "payloadID") if document_reference else None
        if number is not None and payload is not None:
            payloads[number] = payload
    elif id_info is not None:
        number = reader.attribute(id_info, "orderID", required="the purchase order number")
    else:
        reader.fail(
            f"{info.path}.OrderReference", "is required: the order invoiced (or OrderIDInfo)"
        )
    return number or ""


def _read_line(
    reader: Reader, item: Node, order: str, currency: Currency, credit: bool
) -> InvoiceLine:
    reference = reader.required(item, "InvoiceDetailItemReference", "the order line invoiced")
    unit = reader.child_text(item, "UnitOfMeasure")
    if unit is None:
        reader.fail(f"{item.path}.UnitOfMeasure", "is required: the unit of the quantity")
    quantity = _magnitude(
        reader.decimal(item, "quantity", required="the quantity invoiced"), credit
    )
    price = currency.money(reader.required(item, "UnitPrice", "the unit price"), "the unit price")
    numbers = read_item_id(reader, reference.child("ItemID") if reference else None)
    return InvoiceLine(
        line_number=reader.positive(item, "invoiceLineNumber", required="the invoice line number")
        or 0,
        purchase_order_number=order,
        purchase_order_line=(
            reader.positive(reference, "lineNumber", required="the order line")
            if reference
            else None
        )
        or 0,
        quantity=quantity if quantity is not None else Decimal(0),
        unit_of_measure=(unit or "").strip(),
        unit_price=price if price is not None else Decimal(0),
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        description=reader.child_text(reference, "Description") if reference else None,
    )


def _read_taxes(
    reader: Reader, summary: Node, currency: Currency, credit: bool
) -> tuple[TaxAmount, ...]:
    tax = reader.required(summary, "Tax", "the tax total")
    if tax is None:
        return ()
    details = tax.children("TaxDetail")
    if not details:
        total = _magnitude(currency.money(tax, "the tax total"), credit)
        if not total:
            return ()
        return (
            TaxAmount(
                tax_type=(reader.child_text(tax, "Description") or "tax").strip(), amount=total
            ),
        )
    found = []
    for detail in details:
        amount = currency.money(
            reader.required(detail, "TaxAmount", "the tax amount"), "the tax amount"
        )
        taxable = currency.money(detail.child("TaxableAmount"), "the taxable amount")
        found.append(
            TaxAmount(
                tax_type=reader.attribute(detail, "category", required="the tax type") or "",
                amount=_magnitude(amount, credit) or Decimal(0),
                rate_percent=reader.decimal(detail, "percentageRate"),
                taxable_amount=_magnitude(taxable, credit),
            )
        )
    return tuple(found)


def _read_charges(
    reader: Reader, summary: Node, currency: Currency, credit: bool
) -> tuple[Charge, ...]:
    found = []
    for tag, kind, code in (
        ("SpecialHandlingAmount", ChargeKind.CHARGE, HANDLING),
        ("ShippingAmount", ChargeKind.CHARGE, FREIGHT),
        ("InvoiceDetailDiscount", ChargeKind.ALLOWANCE, DISCOUNT),
    ):
        holder = summary.child(tag)
        if holder is not None:
            amount = _magnitude(currency.money(holder, f"the {tag} amount"), credit)
            description = (
                reader.child_text(holder, "Description") if tag == "SpecialHandlingAmount" else None
            )
            found.append(
                Charge(kind=kind, code=code, amount=amount or Decimal(0), description=description)
            )
    modifications = summary.child("InvoiceHeaderModifications")
    for modification in modifications.children("Modification") if modifications else []:
        cost = modification.child("AdditionalCost")
        deduction = modification.descend("AdditionalDeduction", "DeductionAmount")
        if cost is None and deduction is None:
            reader.fail(
                f"{modification.path}.AdditionalCost",
                "is required: the amount of the charge (or AdditionalDeduction/DeductionAmount)",
            )
            continue
        detail = modification.child("ModificationDetail")
        amount = _magnitude(currency.money(cost or deduction, "the amount of the charge"), credit)
        found.append(
            Charge(
                kind=ChargeKind.CHARGE if cost is not None else ChargeKind.ALLOWANCE,
                code=(reader.attribute(detail, "name") if detail else None) or "",
                amount=amount or Decimal(0),
                description=reader.child_text(detail, "Description") if detail else None,
            )
        )
    return tuple(found)
