"""810 <-> Invoice: implied decimals, credit notes, allowances and charges, taxes."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings

from posync.codecs.errors import EncodeError
from posync.codecs.x12.mapping import EncodeOptions
from posync.codecs.x12.mapping.invoice import InvoiceMapper
from posync.domain.documents import Charge, ChargeKind, Invoice, InvoiceKind, TaxAmount
from posync.domain.values import PaymentTerms
from unit.codecs.x12.mapping_support import (
    DELIMITERS,
    as_segments,
    invoices,
    problems,
    round_trip,
    segments,
)

MAPPER = InvoiceMapper()

# As mock-edi bills an order: remit-to RE, bill-to BT, TDS with implied decimals.
MOCK_EDI = """
BIG*20260926*INV-9000001*20260924*4500000042***DI*00~
CUR*SE*USD~
REF*VN*5100002~
REF*BM*BOL-123~
REF*SI*SHP8000002~
N1*RE*Mock Supplier*92*MOCKEDI~
N1*ST*Northwind Plant 1*92*NW-1~
N1*BT*Northwind Manufacturing*92*NW~
ITD*08*3*2**10**30~
DTM*011*20260925~
IT1*1*100*EA*12.50**VP*WIDGET-001*UP*036000291452~
PID*F****Widget~
IT1*2*40*EA*4.15**VP*BRKT-050~
TDS*148680~
TXI*ST*70.80~
CTT*2~
"""


def decode(text: str) -> Invoice:
    return MAPPER.decode(segments(text), DELIMITERS)


def test_the_mock_edi_sample_decodes() -> None:
    invoice = decode(MOCK_EDI)
    assert (invoice.invoice_number, invoice.issued_on, invoice.kind) == (
        "INV-9000001",
        date(2026, 9, 26),
        InvoiceKind.INVOICE,
    )
    assert (invoice.supplier.name, invoice.buyer.name) == (
        "Mock Supplier",
        "Northwind Manufacturing",
    )
    assert invoice.currency == "USD"
    assert invoice.ship_notice_id == "SHP8000002"
    assert invoice.payment_terms == PaymentTerms(
        net_days=30, discount_percent=Decimal(2), discount_days=10
    )
    first, second = invoice.lines
    assert (first.line_number, first.purchase_order_number, first.purchase_order_line) == (
        1,
        "4500000042",
        1,
    )
    assert (first.quantity, first.unit_price, first.supplier_item, first.description) == (
        Decimal(100),
        Decimal("12.50"),
        "WIDGET-001",
        "Widget",
    )
    assert second.amount == Decimal("166.00")
    assert invoice.taxes == (TaxAmount(tax_type="STT", amount=Decimal("70.80")),)
    assert invoice.total_amount == Decimal("1486.80")
    assert invoice.computed_total == invoice.total_amount
    assert invoice.problems() == []


@pytest.mark.parametrize(
    ("tds", "total"),
    [("113280", "1132.80"), ("5", "0.05"), ("100", "1.00"), ("-500", "-5.00"), ("0", "0")],
)
def test_tds01_carries_two_implied_decimals(tds: str, total: str) -> None:
    assert decode(MOCK_EDI.replace("TDS*148680", f"TDS*{tds}")).total_amount == Decimal(total)


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("CR", InvoiceKind.CREDIT_NOTE),
        ("CN", InvoiceKind.CREDIT_NOTE),
        ("DR", InvoiceKind.DEBIT_NOTE),
        ("DI", InvoiceKind.INVOICE),
        ("", InvoiceKind.INVOICE),
    ],
)
def test_big07_tells_credit_and_debit_notes(code: str, kind: InvoiceKind) -> None:
    assert decode(MOCK_EDI.replace("***DI*00", f"***{code}*00")).kind is kind


def test_allowances_and_charges_in_the_summary_and_in_lines() -> None:
    text = MOCK_EDI.replace(
        "TXI*ST*70.80~",
        "TXI*ST*70.80*5*****1416~SAC*C*D240***2500**********Freight~SAC*A*ZZZZ*ZZ*PROMO*1050~"
        "SAC*N*D500***100~",
    ).replace("PID*F****Widget~", "PID*F****Widget~SAC*A*C310***1200~")
    invoice = decode(text)
    assert invoice.charges == (
        Charge(kind=ChargeKind.ALLOWANCE, code="C310", amount=Decimal("12.00")),
        Charge(kind=ChargeKind.CHARGE, code="D240", amount=Decimal("25.00"), description="Freight"),
        Charge(kind=ChargeKind.ALLOWANCE, code="PROMO", amount=Decimal("10.50")),
    )
    assert invoice.taxes == (
        TaxAmount(
            tax_type="STT",
            amount=Decimal("70.80"),
            rate_percent=Decimal(5),
            taxable_amount=Decimal(1416),
        ),
    )


def test_an_invoice_for_several_orders_names_them_per_line() -> None:
    text = (
        MOCK_EDI.replace("*4500000042***DI", "*****DI")
        .replace("PID*F****Widget~", "PID*F****Widget~REF*PO*PO-A~")
        .replace(
            "IT1*2*40*EA*4.15**VP*BRKT-050~", "IT1*2*40*EA*4.15**VP*BRKT-050~REF*PO*PO-B~REF*FJ*7~"
        )
    )
    first, second = decode(text).lines
    assert (first.purchase_order_number, first.line_number) == ("PO-A", 1)
    assert (second.purchase_order_number, second.line_number) == ("PO-B", 7)


# --- refused input -----------------------------------------------------------------------


def test_bad_amounts_are_named() -> None:
    text = MOCK_EDI.replace("TDS*148680", "TDS*1486.80").replace("TXI*ST*70.80", "TXI*ST*70,80")
    assert problems(MAPPER, text) == {
        "TDS01": "must be a whole number with two implied decimals, got '1486.80'",
        "TXI02": "must be a number, got '70,80'",
    }


def test_missing_total_order_and_supplier_are_named() -> None:
    text = (
        MOCK_EDI.replace("TDS*148680~", "")
        .replace("*4500000042***DI", "*****DI")
        .replace("N1*RE*", "N1*ZZ*")
    )
    found = problems(MAPPER, text)
    assert set(found) == {"N101", "TDS", "IT1[1].REF", "IT1[2].REF"}
    assert found["IT1[1].REF"] == (
        "is required: the purchase order number, in BIG04 or a REF*PO of the line"
    )


def test_an_allowance_given_only_as_a_percentage_cannot_be_read() -> None:
    text = MOCK_EDI.replace("TXI*ST*70.80~", "TXI*ST*70.80~SAC*A*C310****3*2~SAC*X*D240***100~")
    assert problems(MAPPER, text) == {
        "SAC[1].SAC05": "is required: the amount (a percentage alone cannot be read)",
        "SAC[2].SAC01": "must be A (allowance), C (charge) or N, got 'X'",
    }


def test_a_line_without_its_order_line_is_refused() -> None:
    found = problems(MAPPER, MOCK_EDI.replace("IT1*2*40", "IT1**40"))
    assert found == {"IT1[2].IT101": "is required: the purchase order line number"}


# --- writing -----------------------------------------------------------------------------


def encode(invoice: Invoice) -> list[list[str]]:
    return MAPPER.encode(invoice, EncodeOptions())


def test_an_invoice_is_written_as_the_standard_shows_it() -> None:
    invoice = dataclasses.replace(
        decode(MOCK_EDI),
        kind=InvoiceKind.CREDIT_NOTE,
        due_on=date(2026, 10, 26),
        charges=(
            Charge(kind=ChargeKind.CHARGE, code="D240", amount=Decimal("25.00")),
            Charge(
                kind=ChargeKind.ALLOWANCE, code="PROMO", amount=Decimal("10.5"), description="Fair"
            ),
        ),
    )
    written = encode(invoice)
    assert written[0] == ["BIG", "20260926", "INV-9000001", "", "4500000042", "", "", "CR"]
    assert ["ITD", "08", "3", "2", "", "10", "20261026", "30"] in written
    assert ["IT1", "1", "100", "EA", "12.5", "", "VP", "WIDGET-001"] in written
    assert ["TDS", "148680"] in written
    assert ["SAC", "C", "D240", "", "", "2500"] in written
    assert ["SAC", "A", "ZZZZ", "ZZ", "PROMO", "1050", *[""] * 9, "Fair"] in written
    assert MAPPER.decode(as_segments(written), DELIMITERS) == invoice


def test_an_amount_with_a_third_decimal_cannot_be_written_as_n2() -> None:
    invoice = dataclasses.replace(decode(MOCK_EDI), total_amount=Decimal("1486.805"))
    with pytest.raises(EncodeError) as raised:
        encode(invoice)
    assert [(p.field, p.message) for p in raised.value.problems] == [
        ("total_amount", "TDS01 carries two decimals, got 1486.805")
    ]


def test_a_taxable_amount_needs_a_rate_in_x12() -> None:
    tax = TaxAmount(tax_type="ST", amount=Decimal(7), taxable_amount=Decimal(100))
    with pytest.raises(EncodeError) as raised:
        encode(dataclasses.replace(decode(MOCK_EDI), taxes=(tax,)))
    assert [p.field for p in raised.value.problems] == ["taxes[0].taxable_amount"]


def test_several_orders_go_per_line_and_odd_line_numbers_in_ref_fj() -> None:
    invoice = decode(MOCK_EDI)
    first, second = invoice.lines
    invoice = dataclasses.replace(
        invoice,
        lines=(first, dataclasses.replace(second, purchase_order_number="PO-B", line_number=5)),
    )
    written = encode(invoice)
    assert written[0][4] == ""
    assert ["REF", "PO", "PO-B"] in written
    assert ["REF", "FJ", "5"] in written
    assert MAPPER.decode(as_segments(written), DELIMITERS) == invoice


@settings(max_examples=150, deadline=None)
@given(invoices())
def test_every_invoice_comes_back_unchanged(invoice: Invoice) -> None:
    assert round_trip(MAPPER, invoice) == invoice
