"""Reading ship notices and invoices from CSV as people write them; errors by row and column."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from posync.codecs.errors import DecodeError
from posync.codecs.tabular.codec import CsvCodec
from posync.domain.documents import (
    Charge,
    ChargeKind,
    Invoice,
    InvoiceKind,
    Lot,
    Pack,
    ShipNotice,
    TaxAmount,
)

NOTICE = (
    "Shipment ID,Notice Date,Ship Date,Packs,PO Number,Line Number,Quantity,Unit,Pack ID,Lots,"
    "Serial Numbers\n"
    'SHP-1,2026-12-09,2026-12-10,"PAL-1 packaging=pallet gross_weight=120.5 weight_unit=KGM\n'
    'CTN-1 parent=PAL-1",PO-1,1,3,EA,CTN-1,"L-1 2 expires=2027-06-30\nL-2 1","SN 1\nSN 2\nSN 3"\n'
    "SHP-1,,,,PO-2,4,1.5,KGM,PAL-1,,\n"
)
INVOICE = (
    "invoice_number;invoice_kind;invoice_date;currency;total_amount;charges;taxes;supplier_name;"
    "buyer_name;line_number;po_number;po_line;quantity;unit;unit_price\n"
    'INV-1;credit_note;2026-12-15;EUR;44,96;"charge FREIGHT 10,00 freight to  Köln\n'
    'allowance DISCOUNT 1,50";VAT 7,46 rate=19 taxable=37,50;ACME;Northwind;1;PO-1;1;10;EA;2,50\n'
    "INV-1;;;;;;;;;2;PO-2;3;0,5;EA;8\n"
)


def decode(text: str, **options: object) -> list[object]:
    return CsvCodec(**options).decode([text.encode("utf-8")])  # type: ignore[arg-type]


def problems(text: str, **options: object) -> list[str]:
    with pytest.raises(DecodeError) as raised:
        CsvCodec(**options).decode([text.encode("utf-8")])  # type: ignore[arg-type]
    return [str(problem) for problem in raised.value.problems]


def test_a_ship_notice_gives_its_lines_packs_lots_and_serials() -> None:
    [notice] = decode(NOTICE)

    assert isinstance(notice, ShipNotice)
    assert (notice.shipment_id, notice.issued_on, notice.ship_date) == (
        "SHP-1",
        date(2026, 12, 9),
        date(2026, 12, 10),
    )
    assert notice.packs == (
        Pack(pack_id="PAL-1", packaging="pallet", gross_weight=Decimal("120.5"), weight_unit="KGM"),
        Pack(pack_id="CTN-1", parent_pack_id="PAL-1"),
    )
    first, second = notice.lines
    assert (first.purchase_order_number, first.line_number, first.pack_id) == ("PO-1", 1, "CTN-1")
    assert first.lots == (
        Lot(lot_number="L-1", quantity=Decimal("2"), expires_on=date(2027, 6, 30)),
        Lot(lot_number="L-2", quantity=Decimal("1")),
    )
    assert first.serial_numbers == ("SN 1", "SN 2", "SN 3")
    assert (second.purchase_order_number, second.quantity, second.lots) == (
        "PO-2",
        Decimal("1.5"),
        (),
    )
    assert notice.problems() == []


def test_an_invoice_gives_its_lines_charges_and_taxes() -> None:
    [invoice] = decode(INVOICE, decimal_comma=True)

    assert isinstance(invoice, Invoice)
    assert invoice.kind is InvoiceKind.CREDIT_NOTE
    assert invoice.charges == (
        Charge(
            kind=ChargeKind.CHARGE,
            code="FREIGHT",
            amount=Decimal("10.00"),
            description="freight to  Köln",
        ),
        Charge(kind=ChargeKind.ALLOWANCE, code="DISCOUNT", amount=Decimal("1.50")),
    )
    assert invoice.taxes == (
        TaxAmount(
            tax_type="VAT",
            amount=Decimal("7.46"),
            rate_percent=Decimal("19"),
            taxable_amount=Decimal("37.50"),
        ),
    )
    assert [(line.purchase_order_number, line.purchase_order_line) for line in invoice.lines] == [
        ("PO-1", 1),
        ("PO-2", 3),
    ]
    assert invoice.total_amount == Decimal("44.96")
    assert invoice.payment_terms is None


def test_rows_with_another_key_start_another_document() -> None:
    second = NOTICE.splitlines()[-1].replace("SHP-1,,", "SHP-2,2026-12-11,2026-12-11")

    notices = decode(NOTICE + second + "\n")

    assert [n.shipment_id for n in notices if isinstance(n, ShipNotice)] == ["SHP-1", "SHP-2"]


def test_a_bad_lot_names_its_row_column_line_of_the_cell_and_part() -> None:
    text = NOTICE.replace("L-2 1", "L-2 one")

    assert problems(text) == [
        "row 2, column lots: line 2 of the cell must be a number with a decimal point like 12.50 "
        "(no thousands separators); got 'one' for QUANTITY in 'L-2 one'"
    ]


def test_a_lot_without_its_quantity_says_how_a_lot_is_written() -> None:
    assert problems(NOTICE.replace("L-2 1", "L-2")) == [
        "row 2, column lots: line 2 of the cell must be written LOT_NUMBER QUANTITY "
        "[expires=...]; got 'L-2'"
    ]


def test_an_unknown_part_of_a_pack_names_the_known_ones() -> None:
    text = NOTICE.replace("gross_weight=120.5", "weight=120.5")

    assert problems(text) == [
        "row 2, column packs: line 1 of the cell has 'weight=120.5', which is not one of "
        "packaging=, parent=, gross_weight=, weight_unit= (once each); in "
        "'PAL-1 packaging=pallet weight=120.5 weight_unit=KGM'"
    ]


def test_a_shipment_value_that_changes_between_its_rows_is_refused() -> None:
    text = NOTICE.replace("SHP-1,,,,PO-2", "SHP-1,,2026-12-11,,PO-2")

    assert problems(text) == [
        "row 3, column ship_date: must be blank or repeat '2026-12-10' from row 2, as each row of "
        "a document does; got '2026-12-11'"
    ]


def test_a_ship_notice_file_needs_its_required_columns() -> None:
    header, rest = NOTICE.split("\n", 1)
    text = header.replace(",Unit,", ",Units,") + "\n" + rest

    assert problems(text) == [
        "row 1, column units: is not a column of a CSV file of ship notices; did you mean unit?",
        "row 1, column unit: is missing: a CSV file of ship notices needs it",
    ]


def test_a_required_shipped_line_value_left_blank_is_named() -> None:
    assert problems(NOTICE.replace("PO-2,4,1.5,KGM", "PO-2,4,,KGM")) == [
        "row 3, column quantity: is required: a number like 12.50"
    ]


def test_an_invoice_column_of_another_kind_is_refused() -> None:
    header, rest = INVOICE.split("\n", 1)

    assert problems(header + ";order_kind\n" + rest, decimal_comma=True) == [
        "row 1, column order_kind: is not a column of a CSV file of invoices; "
        "did you mean invoice_kind?"
    ]


def test_a_charge_of_an_unknown_kind_says_what_a_charge_starts_with() -> None:
    text = INVOICE.replace("allowance DISCOUNT", "discount DISCOUNT")

    assert problems(text, decimal_comma=True) == [
        "row 2, column charges: line 2 of the cell must start with charge or allowance, as in "
        "KIND CODE AMOUNT [DESCRIPTION] like 'charge FREIGHT 10.00 freight to Köln'; "
        "got 'discount DISCOUNT 1,50'"
    ]


def test_a_charge_without_its_amount_says_how_a_charge_is_written() -> None:
    text = INVOICE.replace("allowance DISCOUNT 1,50", "allowance DISCOUNT")

    [found] = problems(text, decimal_comma=True)

    assert found.startswith(
        "row 2, column charges: line 2 of the cell must be written KIND CODE AMOUNT [DESCRIPTION]"
    )


def test_a_charge_amount_with_a_point_in_a_decimal_comma_file_is_refused() -> None:
    text = INVOICE.replace("allowance DISCOUNT 1,50", "allowance DISCOUNT 1.50")

    assert problems(text, decimal_comma=True) == [
        "row 2, column charges: line 2 of the cell must be a number with a decimal comma like "
        "12,50 (no thousands separators); got '1.50' for AMOUNT in 'allowance DISCOUNT 1.50'"
    ]


def test_a_bad_tax_rate_names_the_part() -> None:
    text = INVOICE.replace("rate=19", "rate=19%")

    assert problems(text, decimal_comma=True) == [
        "row 2, column taxes: must be a number with a decimal comma like 12,50 (no thousands "
        "separators); got '19%' for rate= in 'VAT 7,46 rate=19% taxable=37,50'"
    ]


def test_every_bad_cell_of_an_invoice_is_reported_together() -> None:
    text = INVOICE.replace("credit_note", "refund").replace(";0,5;EA;8", ";0,5;EA;")

    assert problems(text, decimal_comma=True) == [
        "row 2, column invoice_kind: must be one of invoice, credit_note, debit_note; got 'refund'",
        "row 3, column unit_price: is required: a number like 12.50",
    ]


def test_an_invoice_line_row_without_a_line_number_is_refused_within_a_document() -> None:
    text = INVOICE.replace("INV-1;;;;;;;;;2;PO-2;3;0,5;EA;8", "INV-1;;;;;;;;;;;;;;")

    assert problems(text, decimal_comma=True) == [
        "row 3, column line_number: is required: each row is one line"
    ]
