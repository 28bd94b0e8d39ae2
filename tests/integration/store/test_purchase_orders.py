"""Purchase orders through the bus into SQLite and PostgreSQL, and back out."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from posync.bootstrap import Application, bootstrap
from posync.config import Settings
from posync.connectors.clock import ManualClock
from posync.domain.aggregate import PurchaseOrderAggregate
from posync.domain.errors import AlreadyExists, ConcurrentUpdate, TransitionNotAllowed
from posync.domain.lifecycle import OrderStatus
from posync.domain.revisions import LineChangeKind
from posync.services.commands import (
    ChangePurchaseOrderStatus,
    CreatePurchaseOrder,
    ImportPurchaseOrders,
    UpdatePurchaseOrder,
)
from posync.services.queries import PurchaseOrderFilter
from support.documents import make_line, make_plain_purchase_order

START = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def app(settings: Settings, clock: ManualClock) -> Iterator[Application]:
    application = bootstrap(settings, clock=clock)
    yield application
    application.close()


def test_extreme_amounts_and_quantities_come_back_exactly(app: Application) -> None:
    order = make_plain_purchase_order(lines=1)
    line = make_line(1, quantity=Decimal("0.0001"), unit_price=Decimal("12345678901234.5678"))
    app.bus.handle(
        CreatePurchaseOrder(document=dataclasses.replace(order, lines=(line,)), actor="t")
    )

    stored = app.queries.get(order.number)

    assert stored is not None
    assert str(stored.document.lines[0].quantity) == "0.0001"
    assert str(stored.document.lines[0].unit_price) == "12345678901234.5678"
    [summary] = app.queries.search(PurchaseOrderFilter())
    assert summary.total_amount == Decimal("1234567890.12345678")


def test_times_are_timezone_aware_utc(app: Application, clock: ManualClock) -> None:
    app.bus.handle(CreatePurchaseOrder(document=make_plain_purchase_order(), actor="t"))

    stored = app.queries.get("PO-1001")

    assert stored is not None
    assert stored.created_at == START
    assert stored.created_at.utcoffset() == timedelta(0)


def test_three_updates_make_revisions_one_to_three_with_line_diffs(
    app: Application, clock: ManualClock
) -> None:
    original = make_plain_purchase_order(lines=2)
    app.bus.handle(CreatePurchaseOrder(document=original, actor="buyer"))
    one, two = original.lines
    first = dataclasses.replace(
        original, lines=(dataclasses.replace(one, quantity=Decimal("12")), two)
    )
    second = dataclasses.replace(first, lines=(*first.lines, make_line(3)))
    third = dataclasses.replace(second, lines=second.lines[1:])
    for document in (first, second, third):
        clock.advance(timedelta(minutes=5))
        app.bus.handle(UpdatePurchaseOrder(document=document, actor="buyer", reason="test"))

    revisions = app.queries.revisions(original.number)

    assert [revision.number for revision in revisions] == [0, 1, 2, 3]
    changed = revisions[1].diff.lines[0]
    assert (changed.line_number, changed.kind) == (1, LineChangeKind.CHANGED)
    assert [(c.field, c.before, c.after) for c in changed.changes] == [("quantity", "10", "12")]
    assert [(d.line_number, d.kind) for d in revisions[2].diff.lines] == [(3, LineChangeKind.ADDED)]
    assert [(d.line_number, d.kind) for d in revisions[3].diff.lines] == [
        (1, LineChangeKind.REMOVED)
    ]
    assert revisions[3].created_at == START + timedelta(minutes=15)
    current = app.queries.get(original.number)
    assert current is not None
    assert current.document.revision == 3
    assert [line.line_number for line in current.document.lines] == [2, 3]


def test_an_update_that_changes_nothing_makes_no_revision(app: Application) -> None:
    order = make_plain_purchase_order()
    app.bus.handle(CreatePurchaseOrder(document=order, actor="t"))

    result = app.bus.handle(UpdatePurchaseOrder(document=order, actor="t"))

    assert result.changed is False
    assert [r.number for r in app.queries.revisions(order.number)] == [0]


def test_creating_a_number_twice_is_refused(app: Application) -> None:
    app.bus.handle(CreatePurchaseOrder(document=make_plain_purchase_order(), actor="t"))

    with pytest.raises(AlreadyExists, match="PO-1001"):
        app.bus.handle(CreatePurchaseOrder(document=make_plain_purchase_order(), actor="t"))


def test_a_stale_expected_revision_is_refused(app: Application) -> None:
    order = make_plain_purchase_order()
    app.bus.handle(CreatePurchaseOrder(document=order, actor="t"))
    changed = dataclasses.replace(order, notes=("rush",))
    app.bus.handle(UpdatePurchaseOrder(document=changed, actor="t", expected_revision=0))

    with pytest.raises(ConcurrentUpdate, match="revision 1, not 0"):
        app.bus.handle(UpdatePurchaseOrder(document=order, actor="t", expected_revision=0))


def test_two_writers_of_one_order_do_not_overwrite_each_other(app: Application) -> None:
    order = make_plain_purchase_order()
    app.bus.handle(CreatePurchaseOrder(document=order, actor="t"))
    first, second = app.uow_factory(), app.uow_factory()
    with first:
        mine = first.purchase_orders.get(order.number)
        assert mine is not None
        mine.revise(dataclasses.replace(order, notes=("a",)), at=START, actor="first")
        first.commit()
    with second:
        theirs = second.purchase_orders.get(order.number)
        assert theirs is not None
        theirs.version -= 1  # as if read before the first writer committed
        theirs.revise(dataclasses.replace(order, notes=("b",)), at=START, actor="second")
        with pytest.raises(ConcurrentUpdate):
            second.commit()

    stored = app.queries.get(order.number)
    assert stored is not None
    assert stored.document.notes == ("a",)


def test_status_follows_the_lifecycle(app: Application) -> None:
    app.bus.handle(CreatePurchaseOrder(document=make_plain_purchase_order(), actor="t"))
    app.bus.handle(
        ChangePurchaseOrderStatus(number="PO-1001", status=OrderStatus.PENDING_APPROVAL, actor="t")
    )

    with pytest.raises(TransitionNotAllowed, match="pending_approval to shipped"):
        app.bus.handle(
            ChangePurchaseOrderStatus(number="PO-1001", status=OrderStatus.SHIPPED, actor="t")
        )

    stored = app.queries.get("PO-1001")
    assert stored is not None
    assert stored.status is OrderStatus.PENDING_APPROVAL
    events = [entry.event_type for entry in app.queries.timeline("PO-1001")]
    assert events == ["PurchaseOrderCreated", "PurchaseOrderStatusChanged"]


def test_a_failed_unit_of_work_leaves_nothing_behind(app: Application) -> None:
    with app.uow_factory() as uow:
        uow.purchase_orders.add(
            PurchaseOrderAggregate.create(make_plain_purchase_order(), at=START, actor="t")
        )
        # leaving without commit

    assert app.queries.get("PO-1001") is None
    assert app.verify_audit_trail().entries_checked == 0


def test_import_creates_revises_and_skips_unchanged_and_reports_invalid(app: Application) -> None:
    orders = [make_plain_purchase_order(f"PO-{n}") for n in range(1, 41)]
    report = app.bus.handle(ImportPurchaseOrders(documents=orders, actor="import"))
    assert (report.created, report.revised, report.unchanged) == (40, 0, 0)

    changed = dataclasses.replace(orders[0], notes=("second import",))
    invalid = dataclasses.replace(orders[1], currency="dollars")
    again = app.bus.handle(
        ImportPurchaseOrders(documents=[changed, invalid, *orders[2:]], actor="import")
    )

    assert (again.created, again.revised, again.unchanged) == (0, 1, 38)
    [failure] = again.failures
    assert failure.number == "PO-2"
    assert "currency" in failure.error
    assert app.queries.count(PurchaseOrderFilter()) == 40
    assert app.queries.count(PurchaseOrderFilter(status=OrderStatus.DRAFT)) == 40
    assert app.queries.count(PurchaseOrderFilter(supplier="nobody")) == 0
