"""Reading CSV as people write it, and saying plainly, by row and column, what is wrong."""

from __future__ import annotations

from decimal import Decimal

import pytest

from posync.codecs.errors import DecodeError
from posync.codecs.tabular.codec import CsvCodec
from posync.domain.documents import (
    AcknowledgementStatus,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
)
from support.documents import make_purchase_order

MINIMAL = (
    "po_number,order_date,currency,buyer_name,supplier_name,line_number,quantity,unit,unit_price\n"
    "PO-1,2026-11-20,USD,Northwind,ACME,1,10,EA,2.50\n"
    "PO-1,,,,,2,3,EA,1\n"
)


def decode(text: str, **options: object) -> list[object]:
    return CsvCodec(**options).decode([text.encode("utf-8")])  # type: ignore[arg-type]


def problems(text: str | bytes, **options: object) -> list[str]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(DecodeError) as raised:
        CsvCodec(**options).decode([data])  # type: ignore[arg-type]
    return [str(problem) for problem in raised.value.problems]


def test_a_minimal_file_gives_orders_with_their_lines() -> None:
    [order] = decode(MINIMAL)

    assert isinstance(order, PurchaseOrder)
    assert order.number == "PO-1"
    assert [(line.line_number, line.quantity) for line in order.lines] == [
        (1, Decimal("10")),
        (2, Decimal("3")),
    ]
    assert order.buyer.name == "Northwind"
    assert order.ship_to is None


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_the_delimiter_is_sniffed_from_the_header_row(delimiter: str) -> None:
    text = MINIMAL.replace(",", delimiter).replace("2.50", "2,50")

    [order] = decode(text, decimal_comma=True)

    assert isinstance(order, PurchaseOrder)
    assert order.lines[0].unit_price == Decimal("2.50")


def test_column_names_are_matched_as_people_write_them() -> None:
    header, rest = MINIMAL.split("\n", 1)
    spreadsheet = header.replace("unit_price", " Unit Price ").replace("po_number", "PO-Number")

    assert decode(spreadsheet + "\n" + rest) == decode(MINIMAL)


def test_columns_may_come_in_any_order_and_blank_rows_are_skipped() -> None:
    rows = [line.split(",") for line in MINIMAL.splitlines()]
    reordered = "\n".join(",".join(reversed(row)) for row in rows)

    assert decode(reordered + "\n,,,,,,,,\n\n") == decode(MINIMAL)


def test_a_row_may_stop_short_of_trailing_blank_cells() -> None:
    text = MINIMAL.replace("unit_price\n", "unit_price,ship_method\n")

    [order] = decode(text)

    assert isinstance(order, PurchaseOrder)
    assert order.ship_method is None


def test_a_bad_cell_is_named_by_row_and_column_with_what_was_expected() -> None:
    found = problems(MINIMAL.replace("1,10,EA", "1,ten,EA"))

    assert found == [
        "row 2, column quantity: must be a number with a decimal point like 12.50 "
        "(no thousands separators); got 'ten'"
    ]


def test_a_decimal_comma_in_a_point_file_says_how_to_read_it() -> None:
    [found] = problems(MINIMAL.replace("2.50", '"2,50"'))

    assert found.startswith("row 2, column unit_price: must be a number with a decimal point")
    assert "decimal-comma option" in found


def test_with_a_decimal_comma_a_point_is_not_taken_for_a_thousands_separator() -> None:
    text = MINIMAL.replace("1,10,EA", "1,1.000,EA").replace("2.50", '"2,50"')

    [found] = problems(text, decimal_comma=True)

    assert found.startswith("row 2, column quantity: must be a number with a decimal comma")


def test_every_bad_cell_of_every_document_is_reported_together() -> None:
    text = MINIMAL.replace("2026-11-20", "20.11.2026").replace("PO-1,,,,,2,3", "PO-1,,,,,x,3")

    assert problems(text) == [
        "row 2, column order_date: must be a date as YYYY-MM-DD like 2026-12-31; got '20.11.2026'",
        "row 3, column line_number: must be a whole number like 3 (at most 18 digits); got 'x'",
    ]


def test_a_missing_required_value_names_its_cell() -> None:
    assert problems(MINIMAL.replace("PO-1,2026-11-20,USD,", "PO-1,2026-11-20,,")) == [
        "row 2, column currency: is required"
    ]


def test_a_header_value_that_changes_within_a_document_is_refused() -> None:
    text = MINIMAL.replace("PO-1,,,,,2", "PO-1,,EUR,,,2")

    assert problems(text) == [
        "row 3, column currency: must be blank or repeat 'USD' from row 2, as each row of a "
        "document does; got 'EUR'"
    ]


def test_the_rows_of_a_document_must_follow_each_other() -> None:
    text = MINIMAL + "PO-2,2026-11-20,USD,N,A,1,1,EA,1\nPO-1,2026-11-20,USD,N,A,3,1,EA,1\n"

    found = problems(text)

    assert found == [
        "row 5, column po_number: repeats the document of rows 2-3: the rows of one document "
        "must follow each other"
    ]


def test_a_bad_document_does_not_hide_the_good_ones() -> None:
    text = MINIMAL + "PO-2,2026-11-20,USD,N,A,1,one,EA,1\nPO-3,2026-11-21,USD,N,A,1,1,EA,1\n"

    read = list(CsvCodec().read([text.encode()]))

    assert [(r.rows, r.document is not None) for r in read] == [
        ("rows 2-3", True),
        ("row 4", False),
        ("row 5", True),
    ]
    assert [p.field for p in read[1].problems] == ["row 4, column quantity"]


def test_an_unknown_column_is_refused_with_the_nearest_known_one() -> None:
    text = MINIMAL.replace("unit_price", "unit_prise")

    assert problems(text) == [
        "row 1, column unit_prise: is not a column of a CSV file of purchase orders; "
        "did you mean unit_price?",
        "row 1, column unit_price: is missing: a CSV file of purchase orders needs it",
    ]


def test_a_file_without_the_known_columns_has_no_header_row() -> None:
    [found] = problems("name,amount\nx,1\n")

    assert found.startswith("row 1: must be the header row naming posync's CSV columns")


def test_a_file_must_say_which_documents_it_holds() -> None:
    [found] = problems("po_number,line_number,quantity\nPO-1,1,1\n")

    assert found.startswith(
        "row 1: must name exactly one of the columns that say what a file holds: "
        "order_date (purchase orders), acknowledgement_status (acknowledgements), "
        "shipment_id (ship notices), invoice_number (invoices)"
    )


def test_a_column_named_twice_is_refused() -> None:
    [found] = problems(MINIMAL.replace("unit,", "quantity,"))

    assert found == "row 1, column quantity: is named twice in the header row (cells 7 and 8)"


def test_a_row_with_more_cells_than_the_header_says_to_check_the_delimiter() -> None:
    [found] = problems(MINIMAL.replace("EA,2.50", "EA,2,50"))

    assert found.startswith("row 2: has 10 cells, but the header row names 9 columns")


def test_bytes_that_are_not_utf8_are_named_by_row() -> None:
    data = MINIMAL.replace("ACME", "ACM\udcff").encode("utf-8", errors="surrogateescape")

    [found] = problems(data)

    assert found.startswith("row 2: is not UTF-8: byte 0xff")


def test_utf16_is_refused_with_what_to_do() -> None:
    [found] = problems(MINIMAL.encode("utf-16"))

    assert "UTF-16: save it as UTF-8" in found


def test_broken_quoting_is_named_by_row() -> None:
    [found] = problems(MINIMAL.replace("Northwind,", '"North"wind,'))

    assert found.startswith("row 2: cannot be read as CSV")


def test_an_empty_file_needs_a_header_row() -> None:
    assert problems(b"") == ["row 1: the file is empty: a header row naming the columns is needed"]


def test_acknowledgements_read_with_and_without_lines() -> None:
    text = (
        "po_number,change_number,acknowledgement_date,acknowledgement_status,line_number,"
        "line_status,quantity\n"
        "PO-1,,2026-11-21,accepted,,,\n"
        "PO-1,1,2026-11-22,accepted_with_changes,2,quantity_changed,4\n"
    )

    whole, change = decode(text)

    assert isinstance(whole, PurchaseOrderAcknowledgement)
    assert isinstance(change, PurchaseOrderAcknowledgement)
    assert whole.status is AcknowledgementStatus.ACCEPTED
    assert whole.lines == ()
    assert change.change_number == 1
    assert change.lines[0].quantity == Decimal("4")


def test_a_code_outside_its_list_names_the_allowed_ones() -> None:
    text = "po_number,acknowledgement_date,acknowledgement_status\nPO-1,2026-11-21,fine\n"

    [found] = problems(text)

    assert found == (
        "row 2, column acknowledgement_status: must be one of accepted, accepted_with_changes, "
        "rejected; got 'fine'"
    )


def test_a_list_cell_item_that_is_malformed_names_its_line_in_the_cell() -> None:
    codec = CsvCodec()
    written = codec.write([make_purchase_order()]).decode()
    text = written.replace(",,,false,", ',"10 ship=2026-01-01\n5 soon",,false,', 1)

    [found] = problems(text)

    assert found.startswith("row 2, column schedule: line 2 of the cell has 'soon'")
