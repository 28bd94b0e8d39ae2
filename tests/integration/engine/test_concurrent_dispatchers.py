"""Several dispatchers on one PostgreSQL database: no message claimed or delivered twice."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from posync.connectors.clock import ManualClock
from posync.engine.dispatcher import Dispatcher, DispatcherSettings
from posync.services.ports import Delivery, OutboxState, UnitOfWork
from posync.store.sql import SqlStore
from support.dispatch_documents import (
    OneTransport,
    ScriptedTransport,
    add_partner,
    make_memory_partner,
    make_message,
    put,
)

pytestmark = pytest.mark.postgres

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)
KEYS = [f"PO-{n}" for n in range(8)]
PER_KEY = 5


@pytest.fixture
def uow_factory(postgres_url: str) -> Iterator[Callable[[], UnitOfWork]]:
    store = SqlStore(postgres_url)
    clock = ManualClock(START)

    def factory() -> UnitOfWork:
        return store.unit_of_work(clock)

    add_partner(factory, make_memory_partner("acme"), START)
    yield factory
    store.dispose()


def test_a_claim_skips_rows_another_dispatcher_holds_without_waiting(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    put(uow_factory, *(make_message(key, 1, created_at=START) for key in KEYS[:3]))

    with uow_factory() as first:
        held = first.outbox_queue.claim(START, 2, lease_until=START + LEASE)
        with uow_factory() as second:
            other = second.outbox_queue.claim(START, 10, lease_until=START + LEASE)
            second.commit()
        first.commit()

    assert [q.message.key for q in held] == ["PO-0", "PO-1"]
    assert [q.message.key for q in other] == ["PO-2"]


def test_two_dispatchers_deliver_every_message_once_in_order_per_key(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    put(
        uow_factory,
        *(make_message(key, n, created_at=START) for n in range(1, PER_KEY + 1) for key in KEYS),
    )
    in_flight: set[str] = set()
    overlaps: list[str] = []
    guard = threading.Lock()

    def partner(delivery: Delivery) -> None:
        key = delivery.idempotency_key.split("/")[0]
        with guard:
            if key in in_flight:
                overlaps.append(delivery.idempotency_key)
            in_flight.add(key)
        time.sleep(0.002)
        with guard:
            in_flight.discard(key)

    transport = ScriptedTransport(during=partner)
    clock = ManualClock(START)
    dispatchers = [
        Dispatcher(
            uow_factory=uow_factory,
            transports=OneTransport(transport),
            clock=clock,
            settings=DispatcherSettings(batch_size=3, lease=LEASE),
        )
        for _ in range(2)
    ]
    total = len(KEYS) * PER_KEY
    errors: list[BaseException] = []

    def work(dispatcher: Dispatcher) -> None:
        deadline = time.monotonic() + 30
        try:
            while len(transport.deliveries) < total and time.monotonic() < deadline:
                dispatcher.run_once(clock.now())
        except Exception as error:  # noqa: BLE001 - reported by the asserts below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(d,)) for d in dispatchers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    keys = transport.keys()
    assert sorted(keys) == sorted({*keys})  # none twice
    assert len(keys) == total
    for key in KEYS:
        assert [k for k in keys if k.startswith(f"{key}/")] == [
            f"{key}/{n}" for n in range(1, PER_KEY + 1)
        ]
    assert overlaps == []
    with uow_factory() as uow:
        delivered = uow.outbox_queue.list(state=OutboxState.DELIVERED, limit=1000)
    assert len(delivered) == total
    assert {q.attempts for q in delivered} == {1}
