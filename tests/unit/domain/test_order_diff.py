"""The diff between two revisions: header fields and lines, by dotted path."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from posync.domain.documents import OrderKind, ScheduleLine
from posync.domain.revisions import FieldChange, LineChangeKind, LineDiff, OrderDiff, diff_orders
from posync.domain.values import Address, Contact, Party
from support.documents import (
    make_line,
    make_purchase_order,
    make_rich_line,
    make_rich_purchase_order,
    set_at,
)


def test_the_same_order_has_an_empty_diff() -> None:
    diff = diff_orders(make_rich_purchase_order(), make_rich_purchase_order())

    assert diff == OrderDiff()
    assert diff.is_empty


def test_the_revision_number_alone_is_not_a_change() -> None:
    order = make_purchase_order()

    assert diff_orders(order, order.at_revision(7)).is_empty


def test_a_header_change_is_listed_with_both_values_as_text() -> None:
    before = make_purchase_order()
    after = make_purchase_order(currency="EUR")

    assert diff_orders(before, after) == OrderDiff(
        header=(FieldChange(field="currency", before="USD", after="EUR"),)
    )


def test_nested_header_fields_have_dotted_paths() -> None:
    before = make_rich_purchase_order()
    after = set_at(before, "buyer.address.city", "Columbus")
    after = set_at(after, "supplier.identifiers[0].value", "4012345000016")
    after = set_at(after, "payment_terms.discount_percent", Decimal("2.5"))

    assert diff_orders(before, after).header == (
        FieldChange(field="buyer.address.city", before="Dayton", after="Columbus"),
        FieldChange(
            field="supplier.identifiers[0].value", before="4012345000009", after="4012345000016"
        ),
        FieldChange(field="payment_terms.discount_percent", before="2", after="2.5"),
    )


def test_values_are_written_as_text_by_kind() -> None:
    before = make_rich_purchase_order()
    after = make_rich_purchase_order(
        kind=OrderKind.STANDARD, requested_delivery_date=date(2026, 12, 24), ship_method=None
    )
    after = set_at(after, "lines[0].capitalized", False)

    diff = diff_orders(before, after)

    assert diff.header == (
        FieldChange(field="kind", before="dropship", after="standard"),
        FieldChange(field="ship_method", before="truck", after=None),
        FieldChange(field="requested_delivery_date", before="2026-12-20", after="2026-12-24"),
    )
    assert diff.lines == (
        LineDiff(
            line_number=1,
            kind=LineChangeKind.CHANGED,
            changes=(FieldChange(field="capitalized", before="true", after="false"),),
        ),
    )


def test_decimals_equal_in_value_are_not_a_change() -> None:
    before = make_rich_purchase_order()
    after = set_at(before, "lines[0].quantity", Decimal("100.500"))
    after = set_at(after, "lines[1].unit_price", Decimal("2.5"))
    after = set_at(after, "payment_terms.discount_percent", Decimal("2.00"))
    after = set_at(after, "lines[0].account_assignments[1].percentage", Decimal("40"))

    assert diff_orders(before, after).is_empty
    assert diff_orders(
        make_purchase_order(), set_at(make_purchase_order(), "lines[0].quantity", Decimal("10.00"))
    ).is_empty


def test_a_changed_line_lists_only_what_changed() -> None:
    before = make_purchase_order()
    after = set_at(before, "lines[1].quantity", Decimal("12"))

    assert diff_orders(before, after) == OrderDiff(
        lines=(
            LineDiff(
                line_number=2,
                kind=LineChangeKind.CHANGED,
                changes=(FieldChange(field="quantity", before="10", after="12"),),
            ),
        )
    )


def test_nested_line_fields_have_indexed_paths() -> None:
    before = make_purchase_order(lines=(make_rich_line(1),))
    after = set_at(before, "lines[0].schedule[0].quantity", Decimal("50.5"))
    after = set_at(after, "lines[0].schedule[1].quantity", Decimal("50"))
    after = set_at(after, "lines[0].sales_order_line.line_number", 4)

    (line,) = diff_orders(before, after).lines

    assert line.changes == (
        FieldChange(field="schedule[0].quantity", before="60.5", after="50.5"),
        FieldChange(field="schedule[1].quantity", before="40.0", after="50"),
        FieldChange(field="sales_order_line.line_number", before="3", after="4"),
    )


def test_a_shorter_schedule_shows_the_dropped_entry_as_gone() -> None:
    before = make_purchase_order(lines=(make_rich_line(1),))
    after = set_at(
        before,
        "lines[0].schedule",
        (ScheduleLine(quantity=Decimal("100.5"), requested_delivery_date=date(2026, 12, 15)),),
    )

    (line,) = diff_orders(before, after).lines

    assert line.changes == (
        FieldChange(field="schedule[0].quantity", before="60.5", after="100.5"),
        FieldChange(field="schedule[1].quantity", before="40.0", after=None),
        FieldChange(field="schedule[1].requested_ship_date", before="2027-01-02", after=None),
        FieldChange(field="schedule[1].requested_delivery_date", before="2027-01-05", after=None),
    )


def test_an_added_line_lists_every_value_it_brings() -> None:
    before = make_purchase_order()
    after = make_purchase_order(lines=(*before.lines, make_line(3, supplier_item="SUP-3")))

    (line,) = diff_orders(before, after).lines

    assert line.line_number == 3
    assert line.kind is LineChangeKind.ADDED
    assert line.changes == (
        FieldChange(field="line_number", before=None, after="3"),
        FieldChange(field="quantity", before=None, after="10"),
        FieldChange(field="unit_of_measure", before=None, after="EA"),
        FieldChange(field="unit_price", before=None, after="2.50"),
        FieldChange(field="buyer_item", before=None, after="ITEM-003"),
        FieldChange(field="supplier_item", before=None, after="SUP-3"),
        FieldChange(field="description", before=None, after="Part 3"),
        FieldChange(field="requested_ship_date", before=None, after="2026-12-10"),
        FieldChange(field="requested_delivery_date", before=None, after="2026-12-15"),
        FieldChange(field="capitalized", before=None, after="false"),
    )


def test_a_removed_line_lists_every_value_it_takes_away() -> None:
    before = make_purchase_order()
    after = make_purchase_order(lines=before.lines[:1])

    (line,) = diff_orders(before, after).lines

    assert line.line_number == 2
    assert line.kind is LineChangeKind.REMOVED
    assert ("unit_price", "0.0001", None) in [(c.field, c.before, c.after) for c in line.changes]
    assert all(change.after is None and change.before is not None for change in line.changes)


def test_lines_are_matched_by_number_and_listed_in_number_order() -> None:
    before = make_purchase_order(lines=(make_line(1), make_line(2), make_line(3)))
    after = make_purchase_order(
        lines=(make_line(5), set_at(make_line(3), "description", "Part three"), make_line(2))
    )

    diff = diff_orders(before, after)

    assert [(line.line_number, line.kind) for line in diff.lines] == [
        (1, LineChangeKind.REMOVED),
        (3, LineChangeKind.CHANGED),
        (5, LineChangeKind.ADDED),
    ]
    assert diff.lines[1].changes == (
        FieldChange(field="description", before="Part 3", after="Part three"),
    )


def test_reordering_lines_is_not_a_change() -> None:
    before = make_purchase_order()

    assert diff_orders(before, make_purchase_order(lines=before.lines[::-1])).is_empty


def test_the_original_order_has_no_diff() -> None:
    assert diff_orders(None, make_rich_purchase_order()) == OrderDiff()


def test_a_new_note_is_a_change_at_its_index() -> None:
    before = make_purchase_order()
    after = make_purchase_order(notes=("Deliver to dock 4.",))

    assert diff_orders(before, after).header == (
        FieldChange(field="notes[0]", before=None, after="Deliver to dock 4."),
    )


def test_header_changes_follow_the_declaration_order_of_fields() -> None:
    before = make_rich_purchase_order()
    after = make_rich_purchase_order(
        notes=("Use dock 5.", "Call before arrival."),
        currency="CAD",
        order_date=date(2026, 11, 21),
    )
    after = set_at(after, "buyer.name", "Northwind Mfg.")

    fields = [change.field for change in diff_orders(before, after).header]

    assert fields == ["order_date", "buyer.name", "currency", "notes[0]"]


def test_a_party_that_appears_is_listed_in_declaration_order() -> None:
    # ship_to is declared before notes; a ship_to that was absent before must still be
    # listed before a note that changed.
    before = make_purchase_order(notes=("Deliver to dock 4.",))
    after = make_purchase_order(notes=("Use dock 5.",), ship_to=Party(name="Plant 2"))

    fields = [change.field for change in diff_orders(before, after).header]

    assert fields == ["ship_to.name", "notes[0]"]


def test_a_nested_part_that_appears_is_listed_in_declaration_order() -> None:
    # Party declares address before contact: a new address must be listed before a
    # changed contact name, as it would be if both had been there before.
    before = make_purchase_order(supplier=Party(name="ACME", contact=Contact(name="Bo")))
    after = make_purchase_order(
        supplier=Party(
            name="ACME", address=Address(city="Köln", country="DE"), contact=Contact(name="Cy")
        )
    )

    fields = [change.field for change in diff_orders(before, after).header]

    assert fields == ["supplier.address.city", "supplier.address.country", "supplier.contact.name"]
