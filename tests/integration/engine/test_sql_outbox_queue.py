"""The outbox queue and the dispatcher on real SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import insert

from posync.connectors.clock import ManualClock
from posync.domain.errors import NotFound, TransitionNotAllowed
from posync.engine.dispatcher import Dispatcher
from posync.services.ports import OutboxState, UnitOfWork
from posync.store import migrations
from posync.store.engine import create_store_engine
from posync.store.sql import SqlStore
from posync.store.tables import outbox
from support.dispatch_documents import (
    OneTransport,
    ScriptedTransport,
    add_partner,
    make_memory_partner,
    make_message,
    put,
    refused,
)

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def store(database_url: str) -> Iterator[SqlStore]:
    store = SqlStore(database_url)
    yield store
    store.dispose()


@pytest.fixture
def uow_factory(store: SqlStore, clock: ManualClock) -> Callable[[], UnitOfWork]:
    def factory() -> UnitOfWork:
        return store.unit_of_work(clock)

    add_partner(factory, make_memory_partner("acme"), START)
    return factory


def claim(uow_factory: Callable[[], UnitOfWork], now: datetime, limit: int = 50) -> list[str]:
    with uow_factory() as uow:
        claimed = uow.outbox_queue.claim(now, limit, lease_until=now + LEASE)
        uow.commit()
    return [queued.message.idempotency_key for queued in claimed]


def test_claims_take_the_first_undelivered_message_of_each_key(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    put(
        uow_factory,
        make_message("PO-1", 1, created_at=START),
        make_message("PO-2", 1, created_at=START + timedelta(minutes=1)),
        make_message("PO-1", 2, created_at=START),
    )

    first = claim(uow_factory, START)
    again = claim(uow_factory, START)
    later = claim(uow_factory, START + LEASE)

    assert first == ["PO-1/1"]  # PO-2/1 is not due until 9:01
    assert again == []
    assert later == ["PO-1/1", "PO-2/1"]  # the lease ran out: PO-1/1 again, never PO-1/2


def test_results_are_recorded_only_while_the_claim_holds(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    put(uow_factory, make_message("PO-1", 1, created_at=START))
    with uow_factory() as uow:
        (queued,) = uow.outbox_queue.claim(START, 10, lease_until=START + LEASE)
        uow.commit()

    with uow_factory() as uow:
        stale = uow.outbox_queue.delivered(queued.id, attempt=queued.attempts + 1, at=START)
        held = uow.outbox_queue.delivered(
            queued.id, attempt=queued.attempts, at=START, receipt=b"MDN"
        )
        uow.commit()
    with uow_factory() as uow:
        again = uow.outbox_queue.failed(queued.id, attempt=queued.attempts, at=START, error="x")
        stored = uow.outbox_queue.get(queued.id)

    assert (stale, held, again) == (False, True, False)
    assert stored is not None
    assert stored.state is OutboxState.DELIVERED
    assert stored.delivered_at == START
    assert stored.message.media_type == "application/edi-x12"
    assert stored.message.purchase_order_number == "PO-1"
    assert claim(uow_factory, START + timedelta(days=1)) == []


def test_a_refusal_is_failed_with_an_exception_and_a_person_retries_it(
    uow_factory: Callable[[], UnitOfWork], clock: ManualClock
) -> None:
    put(
        uow_factory,
        make_message("PO-1", 1, created_at=START),
        make_message("PO-1", 2, created_at=START),
    )
    transport = ScriptedTransport({"PO-1/1": [refused("403 Forbidden")]})
    dispatcher = Dispatcher(
        uow_factory=uow_factory, transports=OneTransport(transport), clock=clock
    )

    (failed_id,) = dispatcher.run_once(START).failed
    held = dispatcher.run_once(START + timedelta(hours=1))
    with uow_factory() as uow:
        (exception,) = uow.exceptions.list()
        retried = uow.outbox_queue.retry_now(failed_id, at=START + timedelta(hours=2))
        uow.commit()
    after = [dispatcher.run_once(START + timedelta(hours=2)) for _ in range(2)]
    with uow_factory() as uow:  # entries() streams: in a unit of work of its own
        timeline = [e.event_type for e in uow.audit_log.entries() if e.stream == "PO-1"]

    assert held.claimed == 0
    assert "403 Forbidden" in exception.detail
    assert exception.reference == f"outbox:{failed_id}"
    assert timeline == ["ExceptionRaised"]
    assert retried.state is OutboxState.PENDING
    assert retried.attempts == 0
    assert [len(report.delivered) for report in after] == [1, 1]
    assert transport.keys() == ["PO-1/1", "PO-1/1", "PO-1/2"]


def test_a_person_cannot_retry_what_was_delivered_or_does_not_exist(
    uow_factory: Callable[[], UnitOfWork], clock: ManualClock
) -> None:
    put(uow_factory, make_message("PO-1", 1, created_at=START))
    dispatcher = Dispatcher(
        uow_factory=uow_factory, transports=OneTransport(ScriptedTransport()), clock=clock
    )
    (delivered_id,) = dispatcher.run_once(START).delivered

    with uow_factory() as uow, pytest.raises(TransitionNotAllowed, match="is delivered"):
        uow.outbox_queue.retry_now(delivered_id, at=START)
    with uow_factory() as uow, pytest.raises(NotFound, match="999 does not exist"):
        uow.outbox_queue.retry_now(999, at=START)


def test_listing_by_state(uow_factory: Callable[[], UnitOfWork]) -> None:
    put(uow_factory, *(make_message(f"PO-{n}", 1, created_at=START) for n in range(3)))
    claim(uow_factory, START, limit=1)

    with uow_factory() as uow:
        sending = uow.outbox_queue.list(state=OutboxState.SENDING)
        pending = uow.outbox_queue.list(state=OutboxState.PENDING, limit=1)

    assert [q.message.key for q in sending] == ["PO-0"]
    assert [q.message.key for q in pending] == ["PO-1"]
    assert sending[0].attempts == 1
    assert sending[0].lease_expires_at == START + LEASE


def test_messages_queued_before_the_migration_stay_valid(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'old.db').as_posix()}"
    engine = create_store_engine(url)
    try:
        with engine.begin() as connection:
            command.upgrade(migrations.alembic_config(connection), "0004")
            connection.execute(  # only the columns revision 0004 has
                insert(outbox).values(
                    destination="acme",
                    ordering_key="PO-1",
                    payload=b"850",
                    idempotency_key="PO-1/1",
                    state="pending",
                    attempts=0,
                    created_at=START,
                    next_attempt_at=START,
                )
            )
    finally:
        engine.dispose()
    migrations.upgrade(url)
    store = SqlStore(url)
    clock = ManualClock(START)
    try:
        store.check_schema()
        with store.unit_of_work(clock) as uow:
            (queued,) = uow.outbox_queue.claim(START, 10, lease_until=START + LEASE)
            uow.commit()
    finally:
        store.dispose()

    assert queued.message.media_type == "application/octet-stream"
    assert queued.message.purchase_order_number is None
    assert queued.message.payload == b"850"
