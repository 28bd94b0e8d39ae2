"""The rules of the documents exchanged around an order, by exact field path."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from posync.domain.documents import (
    AcknowledgedSet,
    ChangedLine,
    ChangePurpose,
    Charge,
    ChargeKind,
    FunctionalAckStatus,
    InvoiceKind,
    LineChangeType,
    LineStatus,
    Lot,
    Pack,
    TaxAmount,
)
from posync.domain.errors import InvalidDocument, Problem
from support.documents import (
    make_acknowledged_line,
    make_acknowledgement,
    make_cancellation,
    make_change,
    make_changed_line,
    make_functional_acknowledgement,
    make_goods_receipt,
    make_invoice,
    make_invoice_line,
    make_received_line,
    make_ship_notice,
    make_shipped_line,
    problem_fields,
    set_at,
)

# --- purchase-order acknowledgement ------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("purchase_order_number", ""),
        ("supplier_order_number", "S" * 41),
        ("change_number", 0),
        ("reason", " "),
        ("lines[1].line_number", 0),
        ("lines[1].quantity", Decimal("-1")),
        ("lines[1].unit_of_measure", "each"),
        ("lines[1].unit_price", Decimal("-0.5")),
        ("lines[1].backordered_quantity", Decimal("-2")),
        ("lines[1].promised_ship_date", date(2026, 12, 17)),
        ("lines[1].reason", "r" * 1001),
    ],
)
def test_a_wrong_acknowledgement_field_is_named_by_its_path(path: str, value: object) -> None:
    assert problem_fields(set_at(make_acknowledgement(), path, value)) == [path]


@pytest.mark.parametrize(
    ("status", "needed"),
    [
        (LineStatus.QUANTITY_CHANGED, "quantity"),
        (LineStatus.PRICE_CHANGED, "unit_price"),
        (LineStatus.PARTIALLY_BACKORDERED, "backordered_quantity"),
        (LineStatus.DATE_CHANGED, "promised_delivery_date"),
    ],
)
def test_a_line_status_that_changes_a_value_needs_that_value(
    status: LineStatus, needed: str
) -> None:
    acknowledgement = make_acknowledgement(
        lines=(make_acknowledged_line(1), make_acknowledged_line(2, status=status))
    )

    assert acknowledgement.problems() == [
        Problem(f"lines[1].{needed}", f"is required when the line status is {status.value}")
    ]


@pytest.mark.parametrize(
    "status",
    [
        LineStatus.ACCEPTED,
        LineStatus.ACCEPTED_WITH_CHANGES,
        LineStatus.ITEM_CHANGED,
        LineStatus.BACKORDERED,
        LineStatus.ON_HOLD,
        LineStatus.REJECTED,
    ],
)
def test_other_line_statuses_need_no_values(status: LineStatus) -> None:
    assert make_acknowledged_line(1, status=status).problems() == []


@pytest.mark.parametrize("date_field", ["promised_ship_date", "promised_delivery_date"])
def test_a_changed_date_may_be_the_ship_or_the_delivery_date(date_field: str) -> None:
    line = make_acknowledged_line(1, status=LineStatus.DATE_CHANGED)

    assert set_at(line, date_field, date(2027, 1, 4)).problems() == []


def test_acknowledged_line_numbers_are_unique() -> None:
    acknowledgement = make_acknowledgement(
        lines=(make_acknowledged_line(1), make_acknowledged_line(1))
    )

    assert acknowledgement.problems() == [Problem("lines[1]", "repeats line_number 1")]


def test_only_accepted_and_on_hold_lines_leave_the_order_as_it_is() -> None:
    unchanged = {status for status in LineStatus if not status.changes_the_order}

    assert unchanged == {LineStatus.ACCEPTED, LineStatus.ON_HOLD}


# --- purchase-order change ---------------------------------------------------------------


def test_a_change_needs_lines_but_a_cancellation_does_not() -> None:
    assert make_change(lines=()).problems() == [
        Problem("lines", "must hold at least one line for a change")
    ]
    assert make_cancellation().problems() == []
    assert make_cancellation().purpose is ChangePurpose.CANCELLATION


def test_an_added_line_needs_quantity_unit_and_price() -> None:
    added = ChangedLine(line_number=4, change=LineChangeType.ADD, buyer_item="ITEM-4")

    assert make_change(lines=(added,)).problems() == [
        Problem("lines[0].quantity", "is required for an added line"),
        Problem("lines[0].unit_of_measure", "is required for an added line"),
        Problem("lines[0].unit_price", "is required for an added line"),
    ]


@pytest.mark.parametrize(
    ("change", "needed"),
    [
        (LineChangeType.QUANTITY_INCREASE, "quantity"),
        (LineChangeType.QUANTITY_DECREASE, "quantity"),
        (LineChangeType.PRICE_CHANGE, "unit_price"),
    ],
)
def test_a_quantity_or_price_change_needs_the_new_value(
    change: LineChangeType, needed: str
) -> None:
    line = ChangedLine(line_number=1, change=change)

    assert problem_fields(make_change(lines=(line,))) == [f"lines[0].{needed}"]


@pytest.mark.parametrize(
    "change",
    [
        LineChangeType.CANCEL,
        LineChangeType.DATE_CHANGE,
        LineChangeType.ITEM_CHANGE,
        LineChangeType.REPLACE,
        LineChangeType.NO_CHANGE,
    ],
)
def test_other_line_changes_need_no_values(change: LineChangeType) -> None:
    assert ChangedLine(line_number=1, change=change).problems() == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("purchase_order_number", " "),
        ("change_number", 0),
        ("reason", ""),
        ("lines[0].line_number", -1),
        ("lines[0].quantity", Decimal("-12")),
        ("lines[1].unit_of_measure", "e a"),
        ("lines[1].unit_price", Decimal("-9.99")),
        ("lines[0].requested_ship_date", date(2027, 2, 2)),
    ],
)
def test_a_wrong_change_field_is_named_by_its_path(path: str, value: object) -> None:
    change = set_at(make_change(), "lines[0].requested_delivery_date", date(2027, 2, 1))

    assert problem_fields(set_at(change, path, value)) == [path]


def test_changed_line_numbers_are_unique() -> None:
    change = make_change(lines=(make_changed_line(2), make_changed_line(3), make_changed_line(2)))

    assert problem_fields(change) == ["lines[2]"]


# --- ship notice -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("shipment_id", ""),
        ("ship_date", date(2026, 12, 15)),
        ("carrier", "c" * 81),
        ("tracking_number", " "),
        ("ship_from.name", ""),
        ("ship_to.address.country", "de"),
        ("packs[0].gross_weight", Decimal("-1")),
        ("packs[0].weight_unit", "kg"),
        ("lines[1].purchase_order_number", ""),
        ("lines[1].line_number", 0),
        ("lines[1].quantity", Decimal(0)),
        ("lines[1].unit_of_measure", "ea"),
        ("lines[0].gtin", "4006381333930"),
        ("lines[0].lots[1].lot_number", " "),
    ],
)
def test_a_wrong_ship_notice_field_is_named_by_its_path(path: str, value: object) -> None:
    assert problem_fields(set_at(make_ship_notice(), path, value)) == [path]


def test_a_ship_notice_needs_lines() -> None:
    assert make_ship_notice(lines=()).problems() == [
        Problem("lines", "must hold at least one line")
    ]


def test_pack_ids_are_unique() -> None:
    notice = make_ship_notice(
        packs=(Pack(pack_id="P-1"), Pack(pack_id="CARTON-1"), Pack(pack_id="P-1"))
    )

    assert notice.problems() == [Problem("packs[2]", "repeats pack_id P-1")]


def test_a_pack_nested_in_an_unknown_pack_is_named() -> None:
    notice = set_at(make_ship_notice(), "packs[1].parent_pack_id", "PALLET-9")

    assert notice.problems() == [
        Problem("packs[1].parent_pack_id", "names unknown pack 'PALLET-9'")
    ]


def test_a_line_in_an_unknown_pack_is_named() -> None:
    notice = set_at(make_ship_notice(), "lines[1].pack_id", "CARTON-2")

    assert notice.problems() == [Problem("lines[1].pack_id", "names unknown pack 'CARTON-2'")]


def test_lot_quantities_must_add_up_to_the_shipped_quantity() -> None:
    notice = set_at(make_ship_notice(), "lines[0].lots[1].quantity", Decimal("2"))

    assert notice.problems() == [Problem("lines[0].lots", "quantities add up to 4, but 3 shipped")]


def test_a_zero_lot_is_named_even_when_the_lots_add_up() -> None:
    line = make_shipped_line(
        1,
        serial_numbers=(),
        lots=(
            Lot(lot_number="L-0", quantity=Decimal(0)),
            Lot(lot_number="L-3", quantity=Decimal(3)),
        ),
    )

    assert problem_fields(line) == ["lots[0].quantity"]


def test_serial_numbers_must_match_the_quantity() -> None:
    notice = set_at(make_ship_notice(), "lines[0].serial_numbers", ("SN-1", "SN-2"))

    assert notice.problems() == [
        Problem("lines[0].serial_numbers", "lists 2 serials for a quantity of 3")
    ]


def test_a_repeated_serial_number_is_named_by_its_index() -> None:
    notice = set_at(make_ship_notice(), "lines[0].serial_numbers", ("SN-1", "SN-2", "SN-1"))

    assert notice.problems() == [
        Problem("lines[0].serial_numbers[2]", "repeats serial number SN-1")
    ]


def test_a_ship_notice_lists_its_orders_once_in_order() -> None:
    notice = make_ship_notice(
        lines=(
            make_shipped_line(1, purchase_order_number="PO-2"),
            make_shipped_line(2, purchase_order_number="PO-1"),
            make_shipped_line(3, purchase_order_number="PO-2"),
        )
    )

    assert notice.purchase_order_numbers == ("PO-2", "PO-1")


# --- goods receipt -----------------------------------------------------------------------


def test_a_naive_receipt_time_is_refused() -> None:
    receipt = make_goods_receipt(received_at=datetime(2026, 12, 14, 9, 30))

    assert receipt.problems() == [
        Problem("received_at", "must carry a time zone (for example 2026-01-31T12:00:00Z)")
    ]


def test_more_rejected_than_received_is_refused() -> None:
    receipt = set_at(make_goods_receipt(), "lines[1].rejected_quantity", Decimal("10.5"))

    assert receipt.problems() == [
        Problem("lines[1].rejected_quantity", "must not exceed the received quantity 10, got 10.5")
    ]


def test_rejecting_everything_received_is_allowed() -> None:
    line = make_received_line(1, rejected_quantity=Decimal("10"), rejection_reason="wrong part")

    assert line.problems() == []
    assert line.accepted_quantity == Decimal(0)


def test_a_rejection_needs_a_reason() -> None:
    receipt = set_at(make_goods_receipt(), "lines[1].rejection_reason", None)

    assert receipt.problems() == [
        Problem("lines[1].rejection_reason", "is required when a quantity is rejected")
    ]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("receipt_number", ""),
        ("purchase_order_number", "P" * 41),
        ("lines[0].line_number", 0),
        ("lines[0].unit_of_measure", "Ea"),
    ],
)
def test_a_wrong_goods_receipt_field_is_named_by_its_path(path: str, value: object) -> None:
    assert problem_fields(set_at(make_goods_receipt(), path, value)) == [path]


def test_a_goods_receipt_needs_lines() -> None:
    assert problem_fields(make_goods_receipt(lines=())) == ["lines"]


def test_the_accepted_quantity_is_what_was_not_rejected() -> None:
    assert make_goods_receipt().lines[1].accepted_quantity == Decimal("8")


# --- invoice -----------------------------------------------------------------------------


def test_the_computed_total_adds_charges_and_taxes_and_subtracts_allowances() -> None:
    invoice = make_invoice()

    # lines 25.00 + 4.0, freight +10.00, discount -1.50, VAT +7.46
    assert invoice.computed_total == Decimal("44.96")
    assert [charge.signed_amount for charge in invoice.charges] == [
        Decimal("10.00"),
        Decimal("-1.50"),
    ]


def test_the_computed_total_without_charges_or_taxes_is_the_line_amounts() -> None:
    invoice = make_invoice(charges=(), taxes=())

    assert invoice.computed_total == Decimal("29.00")


def test_several_allowances_and_taxes_all_count() -> None:
    invoice = make_invoice(
        lines=(make_invoice_line(1, quantity=Decimal("3"), unit_price=Decimal("0.3333")),),
        charges=(
            Charge(kind=ChargeKind.ALLOWANCE, code="A1", amount=Decimal("0.50")),
            Charge(kind=ChargeKind.ALLOWANCE, code="A2", amount=Decimal("0.25")),
            Charge(kind=ChargeKind.CHARGE, code="C1", amount=Decimal("0.01")),
        ),
        taxes=(
            TaxAmount(tax_type="VAT", amount=Decimal("0.10")),
            TaxAmount(tax_type="ECO", amount=Decimal("0.02")),
        ),
    )

    assert invoice.computed_total == Decimal("0.3799")


def test_a_stated_total_that_differs_from_the_computed_one_is_left_to_matching() -> None:
    assert make_invoice(total_amount=Decimal("45.00")).problems() == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("invoice_number", ""),
        ("currency", "eur"),
        ("supplier.name", " "),
        ("buyer.identifiers[0].scheme", ""),
        ("total_amount", Decimal("-0.01")),
        ("payment_terms.net_days", -30),
        ("issued_on", date(2027, 1, 15)),
        ("lines[1].line_number", 0),
        ("lines[1].purchase_order_number", ""),
        ("lines[1].purchase_order_line", 0),
        ("lines[1].quantity", Decimal(0)),
        ("lines[1].unit_of_measure", "e"),
        ("lines[1].unit_price", Decimal("-8")),
        ("charges[1].code", ""),
        ("charges[0].amount", Decimal("-10")),
        ("taxes[0].tax_type", "t" * 21),
        ("taxes[0].amount", Decimal("-7.46")),
        ("taxes[0].rate_percent", Decimal("-19")),
    ],
)
def test_a_wrong_invoice_field_is_named_by_its_path(path: str, value: object) -> None:
    assert problem_fields(set_at(make_invoice(), path, value)) == [path]


def test_invoice_line_numbers_are_unique_and_lines_are_required() -> None:
    repeated = make_invoice(lines=(make_invoice_line(1), make_invoice_line(1)))

    assert problem_fields(repeated) == ["lines[1]"]
    assert problem_fields(make_invoice(lines=())) == ["lines"]


def test_a_credit_note_states_positive_amounts() -> None:
    credit_note = make_invoice(kind=InvoiceKind.CREDIT_NOTE)

    assert credit_note.problems() == []
    assert credit_note.computed_total == Decimal("44.96")


def test_an_invoice_lists_its_orders_once_in_order() -> None:
    invoice = make_invoice(
        lines=(
            make_invoice_line(1, purchase_order_number="PO-9"),
            make_invoice_line(2, purchase_order_number="PO-9"),
            make_invoice_line(3, purchase_order_number="PO-3"),
        )
    )

    assert invoice.purchase_order_numbers == ("PO-9", "PO-3")


def test_a_taxable_amount_only_needs_to_be_finite() -> None:
    invoice = set_at(make_invoice(), "taxes[0].taxable_amount", Decimal("-37.50"))

    assert invoice.problems() == []


# --- functional acknowledgement ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("control_number", "1" * 15),
        ("sets[0].control_number", ""),
        ("sets[0].document_type", "d" * 41),
        ("sets[1].findings[0].code", ""),
        ("sets[1].findings[0].segment_position", 0),
        ("sets[1].findings[0].element_position", -1),
    ],
)
def test_a_wrong_functional_acknowledgement_field_is_named(path: str, value: object) -> None:
    assert problem_fields(set_at(make_functional_acknowledgement(), path, value)) == [path]


def test_group_level_findings_are_checked_too() -> None:
    finding = make_functional_acknowledgement().sets[1].findings[0]
    acknowledgement = make_functional_acknowledgement(
        status=FunctionalAckStatus.REJECTED,
        sets=(
            AcknowledgedSet(
                control_number="1", document_type="po", status=FunctionalAckStatus.REJECTED
            ),
        ),
        findings=(finding, set_at(finding, "code", " ")),
    )

    assert problem_fields(acknowledgement) == ["findings[1].code"]


def test_validate_names_the_document_type() -> None:
    with pytest.raises(InvalidDocument) as raised:
        make_goods_receipt(lines=()).validate()

    assert raised.value.document_type == "GoodsReceipt"
    assert raised.value.problems == (Problem("lines", "must hold at least one line"),)
