"""Writing CSV: one kind of document per file, and a clear refusal of what a cell cannot carry."""

from __future__ import annotations

from decimal import Decimal

import pytest

from posync.codecs.errors import EncodeError
from posync.codecs.tabular.codec import CsvCodec
from posync.codecs.tabular.invoice import InvoiceTable
from posync.codecs.tabular.purchase_order import PurchaseOrderTable
from posync.codecs.tabular.ship_notice import ShipNoticeTable
from posync.domain.documents import AccountAssignment, Charge, ChargeKind, TaxAmount
from support.documents import (
    make_acknowledgement,
    make_goods_receipt,
    make_invoice,
    make_line,
    make_purchase_order,
    make_ship_notice,
    set_at,
)


def refused(documents: list[object]) -> list[str]:
    with pytest.raises(EncodeError) as raised:
        CsvCodec().write(documents)
    return [str(problem) for problem in raised.value.problems]


def test_the_header_row_lists_every_column_of_the_kind_in_the_documented_order() -> None:
    written = CsvCodec().write([make_purchase_order()]).decode()

    assert written.split("\r\n")[0].split(",") == list(PurchaseOrderTable.layout.columns)


def test_a_document_without_lines_is_one_row_with_blank_line_columns() -> None:
    written = CsvCodec().write([make_acknowledgement(lines=())]).decode()

    assert (
        written.split("\r\n")[1] == "PO-1001,,2026-11-21,accepted_with_changes,SO-555,,,,,,,,,,,,"
    )


def test_one_file_holds_one_kind_of_document() -> None:
    assert refused([make_purchase_order(), make_acknowledgement()]) == [
        "a CSV file holds documents of one kind; got PurchaseOrder, PurchaseOrderAcknowledgement"
    ]


def test_documents_csv_does_not_carry_are_refused() -> None:
    assert refused([make_goods_receipt()]) == [
        "CSV carries PurchaseOrder, PurchaseOrderAcknowledgement, ShipNotice, Invoice, "
        "not GoodsReceipt"
    ]


def test_a_list_item_spanning_lines_is_refused_by_its_field_path() -> None:
    order = make_purchase_order(notes=("first\nsecond",))

    assert refused([order]) == ["notes[0]: spans lines, but a list cell holds one per line"]


def test_an_account_assignment_value_with_spaces_is_refused() -> None:
    assignment = AccountAssignment(category="K", cost_center="CC 1")
    order = set_at(make_purchase_order(), "lines[0].account_assignments", (assignment,))

    assert refused([order]) == [
        "lines[0].account_assignments[0].cost_center: must be one word without spaces to fit "
        "a list item: 'CC 1'"
    ]


def test_two_documents_with_the_same_key_are_refused_as_they_would_read_as_one() -> None:
    found = refused([make_purchase_order(), make_purchase_order()])

    assert found == ["#1: has the same po_number as document #0: read back, the two would be one"]


def test_problems_of_several_documents_name_the_document() -> None:
    broken = make_purchase_order("PO-2", lines=(make_line(1, quantity=Decimal("NaN")),))

    assert refused([make_purchase_order(), broken]) == [
        "#1.lines[0].quantity: must be a finite number to be written, got NaN"
    ]


def test_a_blank_text_is_refused_because_it_would_read_as_no_value() -> None:
    order = make_purchase_order(ship_method=" ")

    assert refused([order]) == ["ship_method: is blank, and a blank cell reads as no value"]


def test_ship_notice_and_invoice_files_list_their_columns_in_the_documented_order() -> None:
    notices = CsvCodec().write([make_ship_notice()]).decode()
    invoices = CsvCodec().write([make_invoice()]).decode()

    assert notices.split("\r\n")[0].split(",") == list(ShipNoticeTable.layout.columns)
    assert invoices.split("\r\n")[0].split(",") == list(InvoiceTable.layout.columns)
    assert notices.count("\r\nSHP-1,") == len(make_ship_notice().lines)
    assert invoices.count("\r\nINV-1,") == len(make_invoice().lines)


def test_a_pack_or_lot_part_with_spaces_is_refused_by_its_field_path() -> None:
    notice = set_at(make_ship_notice(), "packs[1].packaging", "cardboard box")
    notice = set_at(notice, "lines[0].lots[1].lot_number", "L 2")

    assert refused([notice]) == [
        "packs[1].packaging: must be one word without spaces to fit a list item: 'cardboard box'",
        "lines[0].lots[1].lot_number: must be one word without spaces to fit a list item: 'L 2'",
    ]


def test_a_serial_number_spanning_lines_is_refused() -> None:
    notice = set_at(make_ship_notice(), "lines[0].serial_numbers", ("SN-1", "SN\n2", "SN-3"))

    assert refused([notice]) == [
        "lines[0].serial_numbers[1]: spans lines, but a list cell holds one per line"
    ]


def test_a_charge_description_that_the_list_item_cannot_keep_is_refused() -> None:
    charges = (
        Charge(kind=ChargeKind.CHARGE, code="FRT", amount=Decimal(1), description=" leading"),
        Charge(kind=ChargeKind.CHARGE, code="FRT", amount=Decimal(1), description="two\nlines"),
        Charge(kind=ChargeKind.CHARGE, code="F T", amount=Decimal(1)),
    )

    assert refused([make_invoice(charges=charges)]) == [
        "charges[0].description: starts with a space, which the end of a list item cannot keep",
        "charges[2].code: must be one word without spaces to fit a list item: 'F T'",
        "charges[1]: spans lines, but a list cell holds one per line",
    ]


def test_a_tax_amount_that_is_not_finite_is_refused() -> None:
    taxes = (TaxAmount(tax_type="VAT", amount=Decimal("Infinity")),)

    assert refused([make_invoice(taxes=taxes)]) == [
        "taxes[0].amount: must be a finite number to be written, got Infinity"
    ]
