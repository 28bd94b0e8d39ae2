"""Writing CSV: one kind of document per file, and a clear refusal of what a cell cannot carry."""

from __future__ import annotations

from decimal import Decimal

import pytest

from posync.codecs.errors import EncodeError
from posync.codecs.tabular.codec import CsvCodec
from posync.codecs.tabular.purchase_order import PurchaseOrderTable
from posync.domain.documents import AccountAssignment
from support.documents import (
    make_acknowledgement,
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
    assert refused([make_ship_notice()]) == [
        "CSV carries PurchaseOrder, PurchaseOrderAcknowledgement, not ShipNotice"
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
