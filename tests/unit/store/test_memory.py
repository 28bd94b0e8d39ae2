"""The in-memory store behind the message bus: writes, conflicts, rollbacks, archive, audit."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from posync.bootstrap import Application, bootstrap_in_memory
from posync.codecs.events import purchase_order_events
from posync.connectors.clock import ManualClock
from posync.domain.aggregate import PurchaseOrderAggregate
from posync.domain.audit import GENESIS_HASH
from posync.domain.documents import PurchaseOrder
from posync.domain.errors import (
    AlreadyExists,
    ConcurrentUpdate,
    InvalidDocument,
    NotFound,
    TransitionNotAllowed,
)
from posync.domain.events import PurchaseOrderCreated, PurchaseOrderStatusChanged
from posync.domain.lifecycle import OrderStatus
from posync.domain.revisions import FieldChange
from posync.services.audit import verify_audit_trail
from posync.services.commands import (
    ArchiveDocument,
    ChangePurchaseOrderStatus,
    CreatePurchaseOrder,
    ImportPurchaseOrders,
    OrderRevisionResult,
    UpdatePurchaseOrder,
)
from posync.services.ports import ArchivedDocument, UnitOfWork
from posync.services.queries import PurchaseOrderFilter
from posync.store.memory import MemoryDatabase, MemoryUnitOfWork
from support.documents import make_purchase_order, make_supplier, set_at

START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def app(clock: ManualClock) -> Application:
    return bootstrap_in_memory(clock=clock)


@pytest.fixture
def database() -> MemoryDatabase:
    return MemoryDatabase()


@pytest.fixture
def uow_factory(database: MemoryDatabase, clock: ManualClock) -> Callable[[], MemoryUnitOfWork]:
    codec = purchase_order_events()
    return lambda: MemoryUnitOfWork(database, clock, codec)


def create(app: Application, document: PurchaseOrder, **options: object) -> OrderRevisionResult:
    return app.bus.handle(CreatePurchaseOrder(actor="ada", document=document, **options))  # type: ignore[arg-type]


def update(app: Application, document: PurchaseOrder, **options: object) -> OrderRevisionResult:
    return app.bus.handle(UpdatePurchaseOrder(actor="bo", document=document, **options))  # type: ignore[arg-type]


def move(app: Application, number: str, status: OrderStatus) -> OrderRevisionResult:
    return app.bus.handle(ChangePurchaseOrderStatus(actor="cy", number=number, status=status))


def event_types(app: Application, number: str = "PO-1001") -> list[str]:
    return [entry.event_type for entry in app.queries.timeline(number)]


# --- commands through the bus ------------------------------------------------------------


def test_create_stores_revision_0_in_draft(app: Application) -> None:
    result = create(app, make_purchase_order())

    assert result == OrderRevisionResult(
        number="PO-1001", revision=0, status=OrderStatus.DRAFT, changed=True
    )
    view = app.queries.get("PO-1001")
    assert view is not None
    assert view.document == make_purchase_order()
    assert (view.status, view.created_at, view.updated_at) == (OrderStatus.DRAFT, START, START)
    assert [revision.number for revision in app.queries.revisions("PO-1001")] == [0]
    assert event_types(app) == ["PurchaseOrderCreated"]


def test_an_import_may_create_an_order_in_its_current_status(app: Application) -> None:
    create(app, make_purchase_order(), status=OrderStatus.SENT)

    view = app.queries.get("PO-1001")
    assert view is not None
    assert view.status is OrderStatus.SENT


def test_creating_an_existing_number_is_refused_and_writes_nothing(app: Application) -> None:
    create(app, make_purchase_order())

    with pytest.raises(AlreadyExists, match="PO-1001 exists already"):
        create(app, make_purchase_order(currency="EUR"))

    view = app.queries.get("PO-1001")
    assert view is not None
    assert view.document.currency == "USD"
    assert event_types(app) == ["PurchaseOrderCreated"]


def test_an_invalid_order_is_refused_and_writes_nothing(app: Application) -> None:
    with pytest.raises(InvalidDocument):
        create(app, make_purchase_order(currency="usd"))

    assert app.queries.get("PO-1001") is None
    assert app.queries.timeline("PO-1001") == []


def test_an_update_stores_the_next_revision_with_its_diff(
    app: Application, clock: ManualClock
) -> None:
    create(app, make_purchase_order())
    clock.advance(timedelta(hours=2))

    result = update(app, make_purchase_order(currency="EUR"), reason="supplier moved")

    assert result == OrderRevisionResult(
        number="PO-1001", revision=1, status=OrderStatus.DRAFT, changed=True
    )
    view = app.queries.get("PO-1001")
    assert view is not None
    assert view.document == make_purchase_order(currency="EUR", revision=1)
    assert (view.created_at, view.updated_at) == (START, START + timedelta(hours=2))
    revisions = app.queries.revisions("PO-1001")
    assert [(r.number, r.actor, r.reason) for r in revisions] == [
        (0, "ada", "created"),
        (1, "bo", "supplier moved"),
    ]
    assert revisions[1].diff.header == (FieldChange(field="currency", before="USD", after="EUR"),)
    assert event_types(app) == ["PurchaseOrderCreated", "PurchaseOrderRevised"]


def test_an_update_without_changes_writes_nothing(app: Application, clock: ManualClock) -> None:
    create(app, make_purchase_order())
    clock.advance(timedelta(hours=1))

    result = update(app, set_at(make_purchase_order(), "lines[0].quantity", Decimal("10.00")))

    assert result.changed is False
    assert result.revision == 0
    view = app.queries.get("PO-1001")
    assert view is not None
    assert view.updated_at == START
    assert len(app.queries.revisions("PO-1001")) == 1
    assert event_types(app) == ["PurchaseOrderCreated"]


def test_an_update_based_on_a_stale_revision_is_refused(app: Application) -> None:
    create(app, make_purchase_order())
    update(app, make_purchase_order(currency="EUR"))

    with pytest.raises(ConcurrentUpdate, match="at revision 1, not 0"):
        update(app, make_purchase_order(currency="CHF"), expected_revision=0)

    view = app.queries.get("PO-1001")
    assert view is not None
    assert view.document.currency == "EUR"
    assert update(app, make_purchase_order(currency="CHF"), expected_revision=1).revision == 2


def test_updating_an_unknown_order_is_refused(app: Application) -> None:
    with pytest.raises(NotFound, match="PO-1001 does not exist"):
        update(app, make_purchase_order())


def test_a_status_change_is_stored_and_recorded(app: Application, clock: ManualClock) -> None:
    create(app, make_purchase_order())
    clock.advance(timedelta(minutes=5))

    result = move(app, "PO-1001", OrderStatus.APPROVED)

    assert result.status is OrderStatus.APPROVED
    view = app.queries.get("PO-1001")
    assert view is not None
    assert (view.status, view.updated_at) == (OrderStatus.APPROVED, START + timedelta(minutes=5))
    assert event_types(app) == ["PurchaseOrderCreated", "PurchaseOrderStatusChanged"]
    assert [r.number for r in app.queries.revisions("PO-1001")] == [0]


def test_a_refused_status_change_writes_nothing(app: Application) -> None:
    create(app, make_purchase_order())

    with pytest.raises(TransitionNotAllowed):
        move(app, "PO-1001", OrderStatus.RECEIVED)

    view = app.queries.get("PO-1001")
    assert view is not None
    assert view.status is OrderStatus.DRAFT
    assert event_types(app) == ["PurchaseOrderCreated"]


def test_an_import_creates_revises_and_reports_failures_by_index(app: Application) -> None:
    create(app, make_purchase_order("PO-1"))
    create(app, make_purchase_order("PO-2"))
    create(app, make_purchase_order("PO-3"), status=OrderStatus.CANCELLED)

    report = app.bus.handle(
        ImportPurchaseOrders(
            actor="erp",
            documents=[
                make_purchase_order("PO-1", currency="EUR"),
                make_purchase_order("PO-2"),
                make_purchase_order("PO-9", currency="usd"),
                make_purchase_order("PO-4"),
                make_purchase_order("PO-3", currency="EUR"),
                make_purchase_order("PO-4", currency="CHF"),
            ],
        )
    )

    assert (report.created, report.revised, report.unchanged) == (1, 2, 1)
    assert [(f.index, f.number) for f in report.failures] == [(2, "PO-9"), (4, "PO-3")]
    assert "currency" in report.failures[0].error
    assert "is cancelled and can no longer change" in report.failures[1].error
    assert app.queries.get("PO-9") is None
    assert [r.number for r in app.queries.revisions("PO-4")] == [0, 1]
    assert [r.reason for r in app.queries.revisions("PO-1")] == ["created", "imported"]
    view = app.queries.get("PO-4")
    assert view is not None
    assert (view.document.currency, view.document.revision) == ("CHF", 1)


# --- units of work -----------------------------------------------------------------------


def test_two_units_of_work_changing_one_order_conflict(app: Application) -> None:
    create(app, make_purchase_order())
    first, second = app.uow_factory(), app.uow_factory()

    with first, second:
        mine = first.purchase_orders.get("PO-1001")
        theirs = second.purchase_orders.get("PO-1001")
        assert mine is not None
        assert theirs is not None
        mine.transition(OrderStatus.APPROVED, at=START, actor="ada")
        theirs.revise(make_purchase_order(currency="EUR"), at=START, actor="bo")
        first.commit()
        with pytest.raises(ConcurrentUpdate, match="PO-1001 was changed by someone else"):
            second.commit()

    view = app.queries.get("PO-1001")
    assert view is not None
    assert (view.status, view.document.currency) == (OrderStatus.APPROVED, "USD")
    assert [r.number for r in app.queries.revisions("PO-1001")] == [0]
    assert event_types(app) == ["PurchaseOrderCreated", "PurchaseOrderStatusChanged"]


def test_two_units_of_work_creating_one_number_conflict(app: Application) -> None:
    first, second = app.uow_factory(), app.uow_factory()

    with first, second:
        for uow, currency in ((first, "USD"), (second, "EUR")):
            document = make_purchase_order(currency=currency)
            uow.purchase_orders.add(PurchaseOrderAggregate.create(document, at=START, actor="a"))
        first.commit()
        with pytest.raises(ConcurrentUpdate):
            second.commit()

    view = app.queries.get("PO-1001")
    assert view is not None
    assert view.document.currency == "USD"
    assert len(app.queries.revisions("PO-1001")) == 1


def test_units_of_work_one_after_the_other_do_not_conflict(app: Application) -> None:
    create(app, make_purchase_order())

    for status in (OrderStatus.APPROVED, OrderStatus.PENDING_SUBMISSION, OrderStatus.SENT):
        with app.uow_factory() as uow:
            order = uow.purchase_orders.get("PO-1001")
            assert order is not None
            order.transition(status, at=START, actor="a")
            uow.commit()

    with app.uow_factory() as uow:
        order = uow.purchase_orders.get("PO-1001")
        assert order is not None
        assert (order.status, order.version) == (OrderStatus.SENT, 4)


def test_a_unit_of_work_left_without_commit_leaves_nothing(app: Application) -> None:
    create(app, make_purchase_order("PO-1"))

    with app.uow_factory() as uow:
        uow.purchase_orders.add(
            PurchaseOrderAggregate.create(make_purchase_order("PO-2"), at=START, actor="a")
        )
        existing = uow.purchase_orders.get("PO-1")
        assert existing is not None
        existing.transition(OrderStatus.APPROVED, at=START, actor="a")
        existing.revise(make_purchase_order("PO-1", currency="EUR"), at=START, actor="a")
        uow.archive.store(b"raw", media_type="text/plain", source="test", received_at=START)

    assert app.queries.get("PO-2") is None
    assert app.queries.revisions("PO-2") == []
    view = app.queries.get("PO-1")
    assert view is not None
    assert (view.status, view.document.revision) == (OrderStatus.DRAFT, 0)
    assert event_types(app, "PO-1") == ["PurchaseOrderCreated"]
    with app.uow_factory() as uow:
        assert uow.archive.get(hashlib.sha256(b"raw").hexdigest()) is None


def test_a_rollback_forgets_changes_that_a_later_commit_would_write(app: Application) -> None:
    with app.uow_factory() as uow:
        uow.purchase_orders.add(
            PurchaseOrderAggregate.create(make_purchase_order(), at=START, actor="a")
        )
        uow.rollback()
        uow.commit()

    assert app.queries.get("PO-1001") is None
    assert app.verify_audit_trail().entries_checked == 0


def test_a_unit_of_work_sees_only_committed_orders(app: Application) -> None:
    with app.uow_factory() as writer, app.uow_factory() as reader:
        writer.purchase_orders.add(
            PurchaseOrderAggregate.create(make_purchase_order(), at=START, actor="a")
        )
        assert reader.purchase_orders.get("PO-1001") is None
        assert reader.purchase_orders.numbers_present(["PO-1001"]) == set()
        assert writer.purchase_orders.numbers_present(["PO-1001", "PO-2"]) == {"PO-1001"}
        writer.commit()
        assert reader.purchase_orders.numbers_present(["PO-1001"]) == {"PO-1001"}


# --- archive -----------------------------------------------------------------------------


def archive(app: Application, content: bytes, source: str = "as2:acme") -> ArchivedDocument:
    return app.bus.handle(
        ArchiveDocument(
            actor="as2", content=content, media_type="application/edi-x12", source=source
        )
    )


def test_the_archive_keeps_bytes_under_their_sha256(app: Application) -> None:
    content = b"ISA*00*          *00*~"

    record = archive(app, content)

    digest = hashlib.sha256(content).hexdigest()
    assert dataclasses.asdict(record) == {
        "sha256": digest,
        "size": len(content),
        "media_type": "application/edi-x12",
        "received_at": START,
        "source": "as2:acme",
    }
    with app.uow_factory() as uow:
        assert uow.archive.get(digest) == (record, content)


def test_the_same_bytes_again_give_back_the_first_record(
    app: Application, clock: ManualClock
) -> None:
    first = archive(app, b"same bytes", source="sftp:north")
    clock.advance(timedelta(days=1))

    again = archive(app, b"same bytes", source="as2:south")
    other = archive(app, b"other bytes", source="as2:south")

    assert again == first
    assert (again.received_at, again.source) == (START, "sftp:north")
    assert (other.received_at, other.source) == (START + timedelta(days=1), "as2:south")
    assert other.sha256 != first.sha256


def test_the_same_bytes_twice_in_one_unit_of_work_give_one_record(app: Application) -> None:
    with app.uow_factory() as uow:
        first = uow.archive.store(b"x", media_type="a/b", source="one", received_at=START)
        again = uow.archive.store(
            b"x", media_type="c/d", source="two", received_at=START + timedelta(hours=1)
        )
        uow.commit()

    assert again == first
    with app.uow_factory() as uow:
        stored = uow.archive.get(first.sha256)
    assert stored == (first, b"x")


def test_the_first_committed_record_wins_between_units_of_work(app: Application) -> None:
    first, second = app.uow_factory(), app.uow_factory()
    with first, second:
        early = first.archive.store(b"x", media_type="a/b", source="early", received_at=START)
        second.archive.store(
            b"x", media_type="a/b", source="late", received_at=START + timedelta(hours=1)
        )
        first.commit()
        second.commit()

    with app.uow_factory() as uow:
        stored = uow.archive.get(early.sha256)

    assert stored == (early, b"x")


# --- audit trail -------------------------------------------------------------------------


def busy_history(app: Application, clock: ManualClock) -> None:
    create(app, make_purchase_order("PO-1"))
    clock.advance(timedelta(minutes=1))
    create(app, make_purchase_order("PO-2"))
    clock.advance(timedelta(minutes=1))
    update(app, make_purchase_order("PO-1", currency="EUR"))
    move(app, "PO-2", OrderStatus.CANCELLED)
    app.bus.handle(
        ImportPurchaseOrders(
            actor="erp",
            documents=[make_purchase_order("PO-3"), make_purchase_order("PO-4")],
        )
    )


def test_audit_entries_form_one_chain_across_commits(app: Application, clock: ManualClock) -> None:
    busy_history(app, clock)

    with app.uow_factory() as uow:
        entries = list(uow.audit_log.entries())

    assert [entry.sequence for entry in entries] == [1, 2, 3, 4, 5, 6]
    assert [(entry.stream, entry.event_type) for entry in entries] == [
        ("PO-1", "PurchaseOrderCreated"),
        ("PO-2", "PurchaseOrderCreated"),
        ("PO-1", "PurchaseOrderRevised"),
        ("PO-2", "PurchaseOrderStatusChanged"),
        ("PO-3", "PurchaseOrderCreated"),
        ("PO-4", "PurchaseOrderCreated"),
    ]
    assert entries[0].previous_hash == GENESIS_HASH
    assert all(b.previous_hash == a.entry_hash for a, b in itertools.pairwise(entries))
    assert [entry.recorded_at for entry in entries[:2]] == [START, START + timedelta(minutes=1)]
    report = app.verify_audit_trail()
    assert report.intact
    assert report.entries_checked == 6


def test_entries_after_a_sequence_continue_from_it(app: Application, clock: ManualClock) -> None:
    busy_history(app, clock)

    with app.uow_factory() as uow:
        assert [entry.sequence for entry in uow.audit_log.entries(after_sequence=4)] == [5, 6]


def test_audit_payloads_decode_back_into_the_events(app: Application) -> None:
    create(app, make_purchase_order())
    move(app, "PO-1001", OrderStatus.APPROVED)
    codec = purchase_order_events()

    events = [codec.decode(e.event_type, e.payload) for e in app.queries.timeline("PO-1001")]

    assert events[0] == PurchaseOrderCreated(
        purchase_order_number="PO-1001",
        occurred_at=START,
        actor="ada",
        revision=0,
        status=OrderStatus.DRAFT,
        line_count=2,
        total_amount=Decimal("25.0010"),
        currency="USD",
    )
    assert isinstance(events[1], PurchaseOrderStatusChanged)
    assert events[1].to_status is OrderStatus.APPROVED


def test_an_altered_audit_entry_is_found(
    database: MemoryDatabase, uow_factory: Callable[[], UnitOfWork]
) -> None:
    for number in ("PO-1", "PO-2", "PO-3"):
        with uow_factory() as uow:
            document = make_purchase_order(number)
            uow.purchase_orders.add(PurchaseOrderAggregate.create(document, at=START, actor="a"))
            uow.commit()
    assert verify_audit_trail(uow_factory).intact

    database.audit[1] = dataclasses.replace(database.audit[1], payload="{}")

    report = verify_audit_trail(uow_factory)
    assert [(b.sequence, b.reason) for b in report.breaks] == [
        (2, "its content no longer matches its hash (the row was altered)")
    ]


def test_a_conflicting_commit_adds_nothing_to_the_audit_trail(app: Application) -> None:
    create(app, make_purchase_order())
    first, second = app.uow_factory(), app.uow_factory()

    with first, second:
        for uow in (first, second):
            order = uow.purchase_orders.get("PO-1001")
            assert order is not None
            order.transition(OrderStatus.CANCELLED, at=START, actor="a")
        first.commit()
        with pytest.raises(ConcurrentUpdate):
            second.commit()

    assert app.verify_audit_trail().entries_checked == 2
    assert app.verify_audit_trail().intact


# --- queries -----------------------------------------------------------------------------


def test_search_filters_sorts_newest_first_and_pages(app: Application, clock: ManualClock) -> None:
    for number in ("PO-1", "PO-2", "PO-3"):
        create(app, make_purchase_order(number))
        clock.advance(timedelta(minutes=1))
    create(app, make_purchase_order("PO-4", supplier=make_supplier(name="Other Supplier")))
    move(app, "PO-1", OrderStatus.APPROVED)

    everything = app.queries.search(PurchaseOrderFilter())
    drafts = PurchaseOrderFilter(status=OrderStatus.DRAFT, supplier="Müller Industriebedarf GmbH")

    assert [s.number for s in everything] == ["PO-4", "PO-1", "PO-3", "PO-2"]
    assert [s.number for s in app.queries.search(drafts)] == ["PO-3", "PO-2"]
    assert app.queries.count(drafts) == 2
    assert [s.number for s in app.queries.search(PurchaseOrderFilter(limit=2, offset=1))] == [
        "PO-1",
        "PO-3",
    ]
    summary = everything[0]
    assert (summary.total_amount, summary.line_count, summary.currency) == (
        Decimal("25.0010"),
        2,
        "USD",
    )
