"""NaN and infinite Decimals are refused as problems of their field, never a crash.

Decimal NaN raises ``InvalidOperation`` when ordered (``<``, ``>``) and a
signalling NaN even when added or compared for equality; a rule that does
arithmetic on an unchecked value turns a wrong input into a server error.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from posync.domain.documents import AccountAssignment
from support.documents import (
    make_acknowledgement,
    make_change,
    make_goods_receipt,
    make_invoice,
    make_line,
    make_rich_purchase_order,
    make_ship_notice,
    problem_fields,
    set_at,
)

NON_FINITE = ["NaN", "sNaN", "Infinity", "-Infinity"]

DECIMAL_FIELDS: list[tuple[Callable[[], object], str]] = [
    (make_rich_purchase_order, "lines[0].quantity"),
    (make_rich_purchase_order, "lines[0].unit_price"),
    (make_rich_purchase_order, "lines[0].schedule[1].quantity"),
    (make_rich_purchase_order, "lines[0].account_assignments[0].percentage"),
    (make_rich_purchase_order, "payment_terms.discount_percent"),
    (make_acknowledgement, "lines[1].quantity"),
    (make_acknowledgement, "lines[1].unit_price"),
    (make_acknowledgement, "lines[1].backordered_quantity"),
    (make_change, "lines[0].quantity"),
    (make_change, "lines[1].unit_price"),
    (make_ship_notice, "lines[0].quantity"),
    (make_ship_notice, "lines[0].lots[0].quantity"),
    (make_ship_notice, "packs[0].gross_weight"),
    (make_goods_receipt, "lines[1].received_quantity"),
    (make_goods_receipt, "lines[1].rejected_quantity"),
    (make_invoice, "lines[0].quantity"),
    (make_invoice, "lines[0].unit_price"),
    (make_invoice, "charges[1].amount"),
    (make_invoice, "taxes[0].amount"),
    (make_invoice, "taxes[0].rate_percent"),
    (make_invoice, "taxes[0].taxable_amount"),
    (make_invoice, "total_amount"),
]


@pytest.mark.parametrize("text", NON_FINITE)
@pytest.mark.parametrize(
    ("factory", "path"),
    DECIMAL_FIELDS,
    ids=[f"{factory.__name__}-{path}" for factory, path in DECIMAL_FIELDS],
)
def test_a_non_finite_decimal_is_a_problem_of_its_field(
    factory: Callable[[], object], path: str, text: str
) -> None:
    document = set_at(factory(), path, Decimal(text))

    assert path in problem_fields(document)  # type: ignore[arg-type]


def test_infinite_shares_of_opposite_sign_are_problems_not_a_crash() -> None:
    line = make_line(
        1,
        account_assignments=(
            AccountAssignment(category="K", percentage=Decimal("Infinity")),
            AccountAssignment(category="K", percentage=Decimal("-Infinity")),
        ),
    )

    assert problem_fields(line) == [
        "account_assignments[0].percentage",
        "account_assignments[1].percentage",
    ]


def test_non_finite_values_are_named_in_the_message() -> None:
    line = make_line(1, quantity=Decimal("NaN"))

    assert [str(problem) for problem in line.problems()] == [
        "quantity: must be greater than zero, got NaN"
    ]
