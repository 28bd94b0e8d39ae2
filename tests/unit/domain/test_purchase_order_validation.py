"""The rules of a purchase order, its lines and its value objects, by exact field path."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from posync.domain.documents import (
    AccountAssignment,
    OrderKind,
    ScheduleLine,
)
from posync.domain.errors import InvalidDocument, Problem
from posync.domain.validation import Validated, gtin_check_digit
from posync.domain.values import Contact, PaymentTerms
from support.documents import (
    VALID_DOCUMENT_FACTORIES,
    VALID_EAN_13,
    make_line,
    make_purchase_order,
    make_release,
    make_rich_line,
    make_rich_purchase_order,
    problem_fields,
    set_at,
)


@pytest.mark.parametrize("factory", VALID_DOCUMENT_FACTORIES, ids=lambda f: f.__name__)
def test_every_valid_example_passes(factory: Callable[[], Validated]) -> None:
    document = factory()

    assert document.problems() == []
    document.validate()


def test_validate_raises_every_problem_together() -> None:
    order = make_purchase_order(number=" ", currency="usd")
    order = set_at(order, "lines[1].quantity", Decimal(0))

    with pytest.raises(InvalidDocument) as raised:
        order.validate()

    assert raised.value.document_type == "PurchaseOrder"
    assert [p.field for p in raised.value.problems] == ["number", "currency", "lines[1].quantity"]
    assert str(raised.value).startswith("invalid PurchaseOrder: number: must not be blank; ")
    assert "lines[1].quantity: must be greater than zero, got 0" in str(raised.value)


def test_a_problem_seen_from_its_container_gets_the_container_path() -> None:
    assert Problem("quantity", "x").under("lines[1]") == Problem("lines[1].quantity", "x")
    assert Problem("[2]", "x").under("lines") == Problem("lines[2]", "x")
    assert Problem("", "x").under("lines") == Problem("lines", "x")
    assert str(Problem("", "is not valid JSON")) == "is not valid JSON"


# --- header ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("number", "   "),
        ("number", "P" * 41),
        ("revision", -1),
        ("currency", "usd"),
        ("currency", "US"),
        ("currency", "EURO"),
        ("ship_method", ""),
        ("buyer.name", " "),
        ("supplier.name", "S" * 121),
        ("buyer.identifiers[0].value", ""),
        ("buyer.identifiers[0].scheme", "x" * 36),
        ("buyer.address.country", "USA"),
        ("buyer.address.lines[0]", "  "),
        ("buyer.address.postal_code", "9" * 21),
        ("buyer.contact.email", "ada.northwind.example"),
        ("buyer.contact.phone", ""),
        ("notes[1]", " "),
        ("ship_to.name", ""),
        ("bill_to.contact.name", " "),
        ("payment_terms.net_days", -1),
        ("payment_terms.discount_days", -1),
        ("incoterms.place", "p" * 81),
    ],
)
def test_a_wrong_header_field_is_named_by_its_path(path: str, value: object) -> None:
    assert problem_fields(set_at(make_rich_purchase_order(), path, value)) == [path]


def test_the_longest_allowed_values_pass() -> None:
    order = make_purchase_order(number="P" * 40, notes=("n" * 4000,))

    assert problem_fields(order) == []


def test_the_requested_ship_date_must_not_be_after_the_delivery_date() -> None:
    order = make_purchase_order(
        requested_ship_date=date(2026, 12, 2), requested_delivery_date=date(2026, 12, 1)
    )

    assert order.problems() == [
        Problem("requested_ship_date", "must not be after 2026-12-01, got 2026-12-02")
    ]
    same_day = make_purchase_order(
        requested_ship_date=date(2026, 12, 1), requested_delivery_date=date(2026, 12, 1)
    )
    assert same_day.problems() == []


def test_an_order_needs_at_least_one_line() -> None:
    assert make_purchase_order(lines=()).problems() == [
        Problem("lines", "must hold at least one line")
    ]


def test_a_repeated_line_number_is_named_at_its_second_occurrence() -> None:
    order = make_purchase_order(lines=(make_line(1), make_line(2), make_line(1), make_line(2)))

    assert order.problems() == [
        Problem("lines[2]", "repeats line_number 1"),
        Problem("lines[3]", "repeats line_number 2"),
    ]


def test_problems_are_listed_in_the_order_the_fields_are_declared() -> None:
    order = make_rich_purchase_order()
    order = set_at(order, "notes[0]", "")
    order = set_at(order, "incoterms.code", "fca")
    order = set_at(order, "lines[0].quantity", Decimal(-1))
    order = set_at(order, "ship_to.name", "")
    order = set_at(order, "number", "")

    assert problem_fields(order) == [
        "number",
        "ship_to.name",
        "incoterms.code",
        "lines[0].quantity",
        "lines[0].schedule",
        "notes[0]",
    ]


# --- releases ----------------------------------------------------------------------------


def test_a_release_without_release_number_is_refused() -> None:
    assert make_release(release_number=None).problems() == [
        Problem("release_number", "is required for a release")
    ]


def test_a_release_needs_its_blanket_order_number_and_a_positive_release_number() -> None:
    assert problem_fields(make_release(blanket_order_number=None)) == ["blanket_order_number"]
    assert problem_fields(make_release(release_number=0)) == ["release_number"]


def test_only_releases_need_blanket_and_release_numbers() -> None:
    for kind in (OrderKind.STANDARD, OrderKind.BLANKET, OrderKind.DROPSHIP):
        order = make_release(kind=kind, blanket_order_number=None, release_number=None)
        assert order.problems() == [], kind


# --- lines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("lines[1].line_number", 0),
        ("lines[1].quantity", Decimal(0)),
        ("lines[1].quantity", Decimal("-1")),
        ("lines[1].unit_price", Decimal("-0.01")),
        ("lines[1].unit_of_measure", "ea"),
        ("lines[1].unit_of_measure", "PC/S"),
        ("lines[1].buyer_item", "B" * 49),
        ("lines[1].supplier_item", " "),
        ("lines[1].description", "d" * 1001),
        ("lines[1].item_category", ""),
        ("lines[1].requested_ship_date", date(2026, 12, 16)),
    ],
)
def test_a_wrong_line_field_is_named_by_its_path(path: str, value: object) -> None:
    assert problem_fields(set_at(make_purchase_order(), path, value)) == [path]


def test_a_free_line_is_allowed() -> None:
    assert set_at(make_purchase_order(), "lines[0].unit_price", Decimal(0)).problems() == []


def test_a_line_needs_something_that_identifies_the_item() -> None:
    line = make_line(2, buyer_item=None, description=None)

    assert problem_fields(make_purchase_order(lines=(make_line(1), line))) == [
        "lines[1].buyer_item"
    ]


@pytest.mark.parametrize("identifier", ["buyer_item", "supplier_item", "gtin", "description"])
def test_any_one_identifier_is_enough(identifier: str) -> None:
    values = {"buyer_item": "B-1", "supplier_item": "S-1", "gtin": VALID_EAN_13, "description": "d"}
    line = make_line(1, buyer_item=None, description=None)

    line = set_at(line, identifier, values[identifier])

    assert line.problems() == []


@pytest.mark.parametrize("gtin", [VALID_EAN_13, "036000291452", "96385074", "10012345678902"])
def test_valid_gtins_of_every_length_pass(gtin: str) -> None:
    assert make_line(1, gtin=gtin).problems() == []


def test_a_gtin_with_a_wrong_check_digit_names_the_digit_it_needs() -> None:
    order = set_at(make_purchase_order(), "lines[0].gtin", "4006381333932")

    assert order.problems() == [
        Problem("lines[0].gtin", "has check digit 2, but 400638133393 needs 1")
    ]


@pytest.mark.parametrize("gtin", ["1234567", "123456789", "40063813339A1", "4006381333931 ", ""])
def test_a_gtin_of_wrong_shape_is_refused(gtin: str) -> None:
    assert problem_fields(make_line(1, gtin=gtin)) == ["gtin"]


@pytest.mark.parametrize(
    ("digits", "check"), [("400638133393", 1), ("03600029145", 2), ("9638507", 4), ("0", 0)]
)
def test_gtin_check_digit_follows_gs1_mod_10(digits: str, check: int) -> None:
    assert gtin_check_digit(digits) == check


@pytest.mark.parametrize(
    "gtin",
    [
        "\u0664\u0660\u0660\u0666\u0663\u0668\u0661\u0663\u0663\u0663\u0669\u0663\u0661",
        "1234567\u00b2",
    ],
    ids=["arabic-indic digits", "superscript two"],
)
def test_a_gtin_of_non_ascii_digits_is_a_problem_not_a_crash(gtin: str) -> None:
    # Arabic-Indic 4006381333931 and a superscript check digit: str.isdigit() is true for
    # both, but a GS1 number is made of the ASCII digits 0-9 only.
    assert problem_fields(make_line(1, gtin=gtin)) == ["gtin"]


def test_schedule_quantities_must_add_up_to_the_line_quantity() -> None:
    line = make_line(
        2,
        quantity=Decimal("10"),
        schedule=(ScheduleLine(quantity=Decimal("4")), ScheduleLine(quantity=Decimal("5.5"))),
    )

    problems = make_purchase_order(lines=(make_line(1), line)).problems()

    assert problems == [
        Problem("lines[1].schedule", "quantities add up to 9.5, but the line orders 10")
    ]


def test_schedule_quantities_compare_by_value_not_by_scale() -> None:
    line = make_line(
        1,
        quantity=Decimal("10.000"),
        schedule=(ScheduleLine(quantity=Decimal("4.0")), ScheduleLine(quantity=Decimal("6"))),
    )

    assert line.problems() == []


def test_each_schedule_line_is_checked_at_its_index() -> None:
    line = make_rich_line(1)
    line = set_at(line, "schedule[1].requested_ship_date", date(2027, 1, 6))

    assert problem_fields(make_purchase_order(lines=(line,))) == [
        "lines[0].schedule[1].requested_ship_date"
    ]


def test_a_zero_schedule_quantity_is_named_even_when_the_sum_holds() -> None:
    line = make_line(
        1,
        quantity=Decimal("10"),
        schedule=(ScheduleLine(quantity=Decimal("0")), ScheduleLine(quantity=Decimal("10"))),
    )

    assert problem_fields(line) == ["schedule[0].quantity"]


def test_account_assignments_must_add_up_to_100() -> None:
    line = make_line(
        1,
        account_assignments=(
            AccountAssignment(category="K", percentage=Decimal("60")),
            AccountAssignment(category="K", percentage=Decimal("30")),
        ),
    )

    assert make_purchase_order(lines=(line,)).problems() == [
        Problem("lines[0].account_assignments", "percentages add up to 90, expected 100")
    ]


def test_account_assignments_of_a_third_each_do_not_add_up_to_100() -> None:
    third = AccountAssignment(category="K", percentage=Decimal("33.33"))
    line = make_line(1, account_assignments=(third, third, third))

    assert problem_fields(line) == ["account_assignments"]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("lines[0].account_assignments[0].category", " "),
        ("lines[0].account_assignments[0].gl_account", "G" * 41),
        ("lines[0].account_assignments[0].cost_center", ""),
        ("lines[0].account_assignments[1].project", "P" * 41),
    ],
)
def test_a_wrong_account_assignment_is_named_by_its_path(path: str, value: object) -> None:
    order = make_purchase_order(lines=(make_rich_line(1),))

    assert problem_fields(set_at(order, path, value)) == [path]


def test_a_zero_percentage_is_named_alone() -> None:
    # The sum is only checked once every share is itself in range, so the
    # person fixing the line sees the share that is wrong, not a knock-on total.
    line = set_at(make_rich_line(1), "account_assignments[1].percentage", Decimal(0))

    assert problem_fields(line) == ["account_assignments[1].percentage"]


def test_percentages_compare_by_value_down_to_small_shares() -> None:
    line = make_line(
        1,
        account_assignments=(
            AccountAssignment(category="K", percentage=Decimal("0.0001")),
            AccountAssignment(category="K", percentage=Decimal("99.9999")),
        ),
    )

    assert line.problems() == []


def test_a_single_account_assignment_above_100_percent_is_refused() -> None:
    line = make_line(
        1, account_assignments=(AccountAssignment(category="K", percentage=Decimal("100.01")),)
    )

    assert line.problems() == [
        Problem("account_assignments[0].percentage", "must be at most 100, got 100.01")
    ]


def test_a_single_account_assignment_must_book_the_whole_line() -> None:
    line = make_line(
        1, account_assignments=(AccountAssignment(category="K", percentage=Decimal("50")),)
    )

    assert line.problems() == [
        Problem("account_assignments", "percentages add up to 50, expected 100")
    ]


def test_the_sales_order_line_reference_is_checked() -> None:
    order = make_purchase_order(lines=(make_rich_line(1),))
    order = set_at(order, "lines[0].sales_order_line.line_number", 0)
    order = set_at(order, "lines[0].sales_order_line.sales_order_number", "")

    assert problem_fields(order) == [
        "lines[0].sales_order_line.sales_order_number",
        "lines[0].sales_order_line.line_number",
    ]


def test_amounts_are_exact_decimals() -> None:
    order = make_rich_purchase_order()

    assert order.lines[0].amount == Decimal("1240740729574074.06390")
    assert order.total_amount == Decimal("1240740729574099.06390")


def test_line_lookup_and_revision_copy() -> None:
    order = make_purchase_order()

    assert order.line(2) is order.lines[1]
    assert order.line(3) is None
    assert order.at_revision(4).revision == 4
    assert order.revision == 0


# --- value objects -----------------------------------------------------------------------


def test_payment_terms_discount_needs_its_days_and_stays_below_100() -> None:
    assert problem_fields(PaymentTerms(discount_percent=Decimal("2"))) == ["discount_days"]
    assert problem_fields(PaymentTerms(discount_days=10)) == ["discount_days"]
    assert PaymentTerms(discount_percent=Decimal("100"), discount_days=10).problems() == [
        Problem("discount_percent", "must be below 100, got 100")
    ]
    assert problem_fields(PaymentTerms(discount_percent=Decimal("-1"), discount_days=10)) == [
        "discount_percent"
    ]
    assert PaymentTerms(discount_percent=Decimal("99.99"), discount_days=10).problems() == []


def test_incoterms_are_three_capitals() -> None:
    order = make_rich_purchase_order()

    assert problem_fields(set_at(order, "incoterms.code", "FC")) == ["incoterms.code"]
    assert problem_fields(set_at(order, "incoterms.code", "F1A")) == ["incoterms.code"]
    assert problem_fields(set_at(order, "incoterms.code", "FCAX")) == [
        "incoterms.code",
        "incoterms.code",
    ]
    assert problem_fields(set_at(order, "incoterms.code", "")) == ["incoterms.code"]
    assert problem_fields(set_at(order, "incoterms.place", "p" * 81)) == ["incoterms.place"]


def test_an_email_needs_an_at_sign() -> None:
    assert Contact(email="nobody").problems() == [
        Problem("email", "must be an e-mail address, got 'nobody'")
    ]
    assert Contact(email="a@b").problems() == []


def test_party_identifier_lookup_by_scheme() -> None:
    buyer = make_purchase_order().buyer

    assert buyer.identifier("duns") == "123456789"
    assert buyer.identifier("gln") is None
