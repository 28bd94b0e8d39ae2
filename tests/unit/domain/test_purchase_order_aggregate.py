"""The purchase-order aggregate: creation, revisions with diffs, lifecycle, events."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from posync.domain.aggregate import PurchaseOrderAggregate
from posync.domain.errors import (
    DomainRuleViolated,
    InvalidDocument,
    RevisionNotAllowed,
    TransitionNotAllowed,
)
from posync.domain.events import (
    PurchaseOrderCreated,
    PurchaseOrderRevised,
    PurchaseOrderStatusChanged,
)
from posync.domain.lifecycle import OrderStatus
from posync.domain.revisions import FieldChange, LineChangeKind
from support.documents import make_line, make_purchase_order, set_at, utc

CREATED_AT = utc(2026, 11, 20, 8)
LATER = CREATED_AT + timedelta(hours=3)


def created(**changes: Any) -> PurchaseOrderAggregate:
    return PurchaseOrderAggregate.create(make_purchase_order(**changes), at=CREATED_AT, actor="ada")


def test_create_makes_revision_0_whatever_the_document_says() -> None:
    order = PurchaseOrderAggregate.create(
        make_purchase_order(revision=5), at=CREATED_AT, actor="ada"
    )

    assert order.revision == 0
    assert order.document == make_purchase_order()
    assert order.number == "PO-1001"
    assert order.status is OrderStatus.DRAFT
    assert (order.created_at, order.updated_at) == (CREATED_AT, CREATED_AT)
    assert order.version == 1


def test_create_records_revision_0_and_a_created_event() -> None:
    order = created()

    (revision,) = order.new_revisions
    assert (revision.number, revision.document, revision.created_at) == (
        0,
        order.document,
        CREATED_AT,
    )
    assert (revision.actor, revision.reason) == ("ada", "created")
    assert order.events == [
        PurchaseOrderCreated(
            purchase_order_number="PO-1001",
            occurred_at=CREATED_AT,
            actor="ada",
            revision=0,
            status=OrderStatus.DRAFT,
            line_count=2,
            total_amount=Decimal("25.0010"),
            currency="USD",
        )
    ]


def test_an_import_may_create_an_order_in_the_status_it_had() -> None:
    order = PurchaseOrderAggregate.create(
        make_purchase_order(), at=CREATED_AT, actor="erp", status=OrderStatus.SENT
    )

    assert order.status is OrderStatus.SENT
    assert isinstance(order.events[0], PurchaseOrderCreated)
    assert order.events[0].status is OrderStatus.SENT


def test_create_refuses_an_invalid_document() -> None:
    with pytest.raises(InvalidDocument) as raised:
        PurchaseOrderAggregate.create(make_purchase_order(currency="usd"), at=CREATED_AT, actor="a")

    assert [problem.field for problem in raised.value.problems] == ["currency"]


def test_revising_with_the_same_content_changes_and_records_nothing() -> None:
    order = created()
    order.new_revisions.clear()
    order.events.clear()

    result = order.revise(make_purchase_order(revision=9), at=LATER, actor="bo")

    assert result is None
    assert order.revision == 0
    assert order.updated_at == CREATED_AT
    assert order.events == []
    assert order.new_revisions == []


def test_revising_with_equal_decimals_of_another_scale_is_no_change() -> None:
    order = created()

    revised = set_at(make_purchase_order(), "lines[0].quantity", Decimal("10.000"))

    assert order.revise(revised, at=LATER, actor="bo") is None


def test_three_revisions_are_numbered_1_2_3_each_with_its_diff() -> None:
    order = created()
    first = set_at(make_purchase_order(), "lines[0].quantity", Decimal("11"))
    second = set_at(first, "currency", "EUR")
    third = make_purchase_order(currency="EUR", lines=(*first.lines, make_line(3)))

    revisions = [
        order.revise(first, at=LATER, actor="bo", reason="more"),
        order.revise(second, at=LATER + timedelta(hours=1), actor="cy"),
        order.revise(third, at=LATER + timedelta(hours=2), actor="di", reason="add line 3"),
    ]

    assert [r.number for r in revisions if r] == [1, 2, 3]
    assert [r.number for r in order.new_revisions] == [0, 1, 2, 3]
    assert order.revision == 3
    assert order.document == third.at_revision(3)
    assert order.updated_at == LATER + timedelta(hours=2)
    first_diff, second_diff, third_diff = (r.diff for r in revisions if r)
    assert first_diff.header == ()
    assert [(d.line_number, d.kind, d.changes) for d in first_diff.lines] == [
        (1, LineChangeKind.CHANGED, (FieldChange(field="quantity", before="10", after="11"),))
    ]
    assert second_diff.header == (FieldChange(field="currency", before="USD", after="EUR"),)
    assert second_diff.lines == ()
    assert [(d.line_number, d.kind) for d in third_diff.lines] == [(3, LineChangeKind.ADDED)]


def test_a_revision_records_a_revised_event_with_its_diff_and_reason() -> None:
    order = created()
    order.events.clear()

    revision = order.revise(
        make_purchase_order(currency="CAD"), at=LATER, actor="bo", reason="supplier moved"
    )

    assert revision is not None
    assert (revision.actor, revision.reason, revision.created_at) == ("bo", "supplier moved", LATER)
    assert order.events == [
        PurchaseOrderRevised(
            purchase_order_number="PO-1001",
            occurred_at=LATER,
            actor="bo",
            revision=1,
            diff=revision.diff,
            reason="supplier moved",
        )
    ]


@pytest.mark.parametrize(
    "status", [OrderStatus.CANCELLED, OrderStatus.CLOSED, OrderStatus.INVOICED]
)
def test_an_order_that_can_no_longer_change_refuses_a_revision(status: OrderStatus) -> None:
    order = PurchaseOrderAggregate.create(
        make_purchase_order(), at=CREATED_AT, actor="erp", status=status
    )
    order.events.clear()

    with pytest.raises(RevisionNotAllowed, match=f"PO-1001 is {status.value}"):
        order.revise(make_purchase_order(currency="EUR"), at=LATER, actor="bo")

    assert order.document.currency == "USD"
    assert order.events == []


@pytest.mark.parametrize(
    "status",
    [
        s
        for s in OrderStatus
        if s not in (OrderStatus.CANCELLED, OrderStatus.CLOSED, OrderStatus.INVOICED)
    ],
)
def test_an_order_in_any_other_status_accepts_a_revision(status: OrderStatus) -> None:
    order = PurchaseOrderAggregate.create(
        make_purchase_order(), at=CREATED_AT, actor="erp", status=status
    )

    assert order.revise(make_purchase_order(currency="EUR"), at=LATER, actor="bo") is not None
    assert order.status is status


def test_a_document_of_another_number_is_refused() -> None:
    order = created()
    order.events.clear()

    with pytest.raises(
        DomainRuleViolated, match="PO-1001 cannot be revised with the document of PO-9"
    ):
        order.revise(make_purchase_order("PO-9"), at=LATER, actor="bo")

    assert order.number == "PO-1001"
    assert order.events == []


def test_an_invalid_document_is_refused_before_anything_changes() -> None:
    order = created()
    order.events.clear()
    order.new_revisions.clear()

    invalid = set_at(make_purchase_order(currency="EUR"), "lines[1].quantity", Decimal(0))
    with pytest.raises(InvalidDocument) as raised:
        order.revise(invalid, at=LATER, actor="bo")

    assert [problem.field for problem in raised.value.problems] == ["lines[1].quantity"]
    assert order.document == make_purchase_order()
    assert order.revision == 0
    assert order.updated_at == CREATED_AT
    assert order.events == []
    assert order.new_revisions == []


def test_a_transition_moves_the_status_and_records_it() -> None:
    order = created()
    order.events.clear()

    order.transition(OrderStatus.PENDING_APPROVAL, at=LATER, actor="bo", reason="over budget")

    assert order.status is OrderStatus.PENDING_APPROVAL
    assert order.updated_at == LATER
    assert order.revision == 0
    assert [revision.number for revision in order.new_revisions] == [0]
    assert order.events == [
        PurchaseOrderStatusChanged(
            purchase_order_number="PO-1001",
            occurred_at=LATER,
            actor="bo",
            from_status=OrderStatus.DRAFT,
            to_status=OrderStatus.PENDING_APPROVAL,
            reason="over budget",
        )
    ]


def test_a_walk_through_the_lifecycle_records_each_step_in_order() -> None:
    order = created()
    steps = [
        OrderStatus.APPROVED,
        OrderStatus.PENDING_SUBMISSION,
        OrderStatus.SENT,
        OrderStatus.SHIPPED,
        OrderStatus.RECEIVED,
        OrderStatus.INVOICED,
        OrderStatus.CLOSED,
    ]

    for step in steps:
        order.transition(step, at=LATER, actor="system")

    changes = [e for e in order.events if isinstance(e, PurchaseOrderStatusChanged)]
    assert [(e.from_status, e.to_status) for e in changes] == list(
        zip([OrderStatus.DRAFT, *steps[:-1]], steps, strict=True)
    )


def test_a_refused_transition_changes_and_records_nothing() -> None:
    order = created()
    order.events.clear()

    with pytest.raises(TransitionNotAllowed):
        order.transition(OrderStatus.SHIPPED, at=LATER, actor="bo")

    assert order.status is OrderStatus.DRAFT
    assert order.updated_at == CREATED_AT
    assert order.events == []
