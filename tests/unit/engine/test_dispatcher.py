"""The embedded dispatcher on the memory store with a scripted partner."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.connectors.clock import ManualClock
from posync.domain.delivery import DeliveryOutcome, DeliveryResult, RetryPolicy
from posync.domain.exceptions import ExceptionKind, ExceptionState
from posync.domain.partner_values import Secret, TransportKind, TransportSettings
from posync.engine.dispatcher import Dispatcher, DispatcherSettings
from posync.services.ports import Delivery, OutboxState, UnitOfWork
from posync.store.memory import MemoryDatabase, MemoryUnitOfWork
from posync.store.serialization import audit_events
from support.dispatch_documents import (
    OneTransport,
    ScriptedTransport,
    add_partner,
    make_memory_partner,
    make_message,
    put,
    refused,
    retry,
)
from unit.engine.conftest import START

UowFactory = Callable[[], MemoryUnitOfWork]
LEASE = timedelta(minutes=5)


def dispatcher(
    uow_factory: UowFactory,
    transport: ScriptedTransport,
    clock: ManualClock,
    *,
    policy: RetryPolicy | None = None,
    jitter: float = 0.5,
    batch_size: int = 50,
) -> Dispatcher:
    return Dispatcher(
        uow_factory=uow_factory,
        transports=OneTransport(transport),
        clock=clock,
        settings=DispatcherSettings(
            batch_size=batch_size,
            lease=LEASE,
            poll_interval=timedelta(milliseconds=10),
            retry_policy=policy or RetryPolicy(),
        ),
        jitter=lambda: jitter,
    )


def states(uow_factory: UowFactory) -> dict[str, OutboxState]:
    with uow_factory() as uow:
        return {q.message.idempotency_key: q.state for q in uow.outbox_queue.list(limit=1000)}


def test_each_key_delivers_one_message_per_pass_in_the_order_put(
    uow_factory: UowFactory, transport: ScriptedTransport, clock: ManualClock
) -> None:
    put(
        uow_factory,
        *(make_message("PO-1", n, created_at=START) for n in (1, 2, 3)),
        *(make_message("PO-2", n, created_at=START) for n in (1, 2)),
    )
    engine = dispatcher(uow_factory, transport, clock)

    passes = [engine.run_once(clock.now()) for _ in range(4)]

    assert [len(report.delivered) for report in passes] == [2, 2, 1, 0]
    keys = transport.keys()
    assert [key for key in keys if key.startswith("PO-1/")] == ["PO-1/1", "PO-1/2", "PO-1/3"]
    assert [key for key in keys if key.startswith("PO-2/")] == ["PO-2/1", "PO-2/2"]
    assert set(states(uow_factory).values()) == {OutboxState.DELIVERED}
    first = transport.deliveries[0]
    assert first.media_type == "application/edi-x12"
    assert first.partner.id == "acme"
    assert first.attempt == 1


def test_a_key_waits_behind_its_message_being_retried_while_other_keys_go_on(
    uow_factory: UowFactory, clock: ManualClock
) -> None:
    transport = ScriptedTransport({"PO-1/1": [retry()]})
    put(
        uow_factory,
        make_message("PO-1", 1, created_at=START),
        make_message("PO-1", 2, created_at=START),
        make_message("PO-2", 1, created_at=START),
    )
    engine = dispatcher(uow_factory, transport, clock, jitter=0.0)

    first = engine.run_once(clock.now())
    second = engine.run_once(clock.now())

    assert len(first.retrying) == 1
    assert len(first.delivered) == 1
    assert second.claimed == 1  # PO-1/1 again (no delay with jitter 0); PO-1/2 waited for it
    assert transport.keys() == ["PO-1/1", "PO-2/1", "PO-1/1"]
    engine.run_once(clock.now())
    assert transport.keys()[-1] == "PO-1/2"


def test_retry_after_is_honoured_and_the_same_idempotency_key_comes_again(
    uow_factory: UowFactory, clock: ManualClock
) -> None:
    transport = ScriptedTransport(
        {"PO-1/1": [retry("429 Too Many Requests", timedelta(minutes=10))]}
    )
    put(uow_factory, make_message("PO-1", 1, created_at=START))
    engine = dispatcher(uow_factory, transport, clock, jitter=0.99)

    engine.run_once(clock.now())
    with uow_factory() as uow:
        waiting = uow.outbox_queue.list()[0]
    clock.advance(timedelta(minutes=9, seconds=59))
    too_soon = engine.run_once(clock.now())
    clock.advance(timedelta(seconds=1))
    in_time = engine.run_once(clock.now())

    assert waiting.state is OutboxState.PENDING
    assert waiting.next_attempt_at == START + timedelta(minutes=10)  # over 5 s * 0.99 of backoff
    assert waiting.last_error == "429 Too Many Requests"
    assert too_soon.claimed == 0
    assert len(in_time.delivered) == 1
    assert [d.idempotency_key for d in transport.deliveries] == ["PO-1/1", "PO-1/1"]
    assert [d.attempt for d in transport.deliveries] == [1, 2]


@settings(max_examples=30, deadline=None)
@given(failures=st.integers(min_value=1, max_value=8), jitter=st.floats(0.0, 1.0, exclude_max=True))
def test_backoff_with_jitter_stays_between_now_and_the_doubled_ceiling(
    failures: int, jitter: float
) -> None:
    clock = ManualClock(START)
    database = MemoryDatabase()
    codec = audit_events()

    def factory() -> MemoryUnitOfWork:
        return MemoryUnitOfWork(database, clock, codec)

    add_partner(factory, make_memory_partner("acme"), START)
    policy = RetryPolicy(
        first_delay=timedelta(seconds=5), longest_delay=timedelta(minutes=5), max_attempts=20
    )
    transport = ScriptedTransport({"PO-1/1": [retry()] * failures})
    put(factory, make_message("PO-1", 1, created_at=START))
    engine = dispatcher(factory, transport, clock, policy=policy, jitter=jitter)

    for attempt in range(1, failures + 1):
        engine.run_once(clock.now())
        with factory() as uow:
            waiting = uow.outbox_queue.list()[0]
        delay = waiting.next_attempt_at - clock.now()
        ceiling = min(policy.longest_delay, policy.first_delay * 2 ** (attempt - 1))
        assert timedelta(0) <= delay <= ceiling  # a jitter just below 1 rounds to the ceiling
        assert abs(delay - ceiling * jitter) < timedelta(milliseconds=1)
        clock.advance(delay)
    final = engine.run_once(clock.now())
    assert len(final.delivered) == 1


def test_a_refusal_fails_the_message_raises_an_exception_and_holds_its_key(
    uow_factory: UowFactory, clock: ManualClock, database: MemoryDatabase
) -> None:
    transport = ScriptedTransport({"PO-1/1": [refused("400 Bad Request: unknown buyer")]})
    put(
        uow_factory,
        make_message("PO-1", 1, created_at=START),
        make_message("PO-1", 2, created_at=START),
    )
    engine = dispatcher(uow_factory, transport, clock)

    report = engine.run_once(clock.now())
    later = engine.run_once(clock.now() + timedelta(days=1))

    assert len(report.failed) == 1
    assert later.claimed == 0
    assert states(uow_factory) == {"PO-1/1": OutboxState.FAILED, "PO-1/2": OutboxState.PENDING}
    with uow_factory() as uow:
        (exception,) = uow.exceptions.list()
        failed = uow.outbox_queue.get(report.failed[0])
    assert exception.kind is ExceptionKind.DELIVERY_FAILED
    assert exception.state is ExceptionState.OPEN
    assert exception.partner_id == "acme"
    assert exception.purchase_order_number == "PO-1"
    assert exception.reference == f"outbox:{report.failed[0]}"
    assert "400 Bad Request: unknown buyer" in exception.detail
    assert failed is not None
    assert failed.last_error == "400 Bad Request: unknown buyer"
    entries = [entry for entry in database.audit if entry.stream == "PO-1"]
    assert [entry.event_type for entry in entries] == ["ExceptionRaised"]
    assert "delivery_failed" in entries[0].payload


def test_attempts_running_out_fail_the_message_with_the_last_error(
    uow_factory: UowFactory, clock: ManualClock
) -> None:
    transport = ScriptedTransport(
        {"PO-1/1": [retry("timeout"), retry("timeout"), retry("502 Bad Gateway")]}
    )
    put(uow_factory, make_message("PO-1", 1, created_at=START))
    engine = dispatcher(uow_factory, transport, clock, policy=RetryPolicy(max_attempts=3))

    reports = []
    for _ in range(3):
        reports.append(engine.run_once(clock.now()))
        clock.advance(timedelta(hours=1))

    assert [len(r.retrying) for r in reports] == [1, 1, 0]
    assert len(reports[-1].failed) == 1
    with uow_factory() as uow:
        (exception,) = uow.exceptions.list()
    assert "after 3 attempts" in exception.detail
    assert "502 Bad Gateway" in exception.detail
    assert engine.run_once(clock.now() + timedelta(days=2)).claimed == 0
    assert len(transport.deliveries) == 3


class Crash(BaseException):
    """The process dies: nothing after it runs."""


def test_a_dispatcher_that_dies_mid_delivery_leaves_the_message_to_be_delivered_again(
    uow_factory: UowFactory, clock: ManualClock
) -> None:
    def die(delivery: Delivery) -> None:
        if delivery.attempt == 1:
            raise Crash

    transport = ScriptedTransport(during=die)
    put(uow_factory, make_message("PO-1", 1, created_at=START))
    with pytest.raises(Crash):
        dispatcher(uow_factory, transport, clock).run_once(clock.now())
    survivor = dispatcher(uow_factory, transport, clock)

    within_lease = survivor.run_once(clock.now() + LEASE - timedelta(seconds=1))
    after_lease = survivor.run_once(clock.now() + LEASE)

    assert within_lease.claimed == 0
    assert len(after_lease.delivered) == 1
    assert [d.idempotency_key for d in transport.deliveries] == ["PO-1/1", "PO-1/1"]
    assert [d.attempt for d in transport.deliveries] == [1, 2]
    assert states(uow_factory) == {"PO-1/1": OutboxState.DELIVERED}


def test_a_result_after_the_lease_was_taken_over_changes_nothing(
    uow_factory: UowFactory, clock: ManualClock
) -> None:
    def slow_partner(delivery: Delivery) -> None:
        if delivery.attempt == 1:  # the first dispatcher stalls past its lease meanwhile
            clock.advance(LEASE)
            other = dispatcher(uow_factory, ScriptedTransport({"PO-1/1": [retry()]}), clock)
            assert len(other.run_once(clock.now()).retrying) == 1

    transport = ScriptedTransport(during=slow_partner)
    put(uow_factory, make_message("PO-1", 1, created_at=START))

    report = dispatcher(uow_factory, transport, clock).run_once(clock.now())

    assert len(report.lost_claims) == 1
    assert report.delivered == []
    with uow_factory() as uow:
        (queued,) = uow.outbox_queue.list()
    assert queued.state is OutboxState.PENDING  # the later claim's retry stands
    assert queued.attempts == 2


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("unknown partner", "partner 'nobody' does not exist"),
        ("inactive", "partner 'acme' is inactive"),
        ("missing secret", "the secret 'http_password' of partner 'acme' is not set"),
        ("no adapter", "no adapter is registered for sftp transports"),
    ],
)
def test_what_cannot_be_delivered_fails_at_once_saying_why(
    uow_factory: UowFactory, clock: ManualClock, change: str, expected: str
) -> None:
    destination = "acme"
    with uow_factory() as uow:
        record = uow.partners.get("acme")
        assert record is not None
        partner = record.partner
        if change == "unknown partner":
            destination = "nobody"
        elif change == "inactive":
            partner = make_memory_partner("acme", active=False)
        elif change == "missing secret":
            partner = make_memory_partner(
                "acme",
                transport=TransportSettings(
                    kind=TransportKind.HTTP,
                    url="http://127.0.0.1:9/edi",
                    secrets=("http_password",),
                ),
            )
        elif change == "no adapter":
            partner = make_memory_partner(
                "acme", transport=TransportSettings(kind=TransportKind.SFTP, host="h", username="u")
            )
        uow.partners.save(partner, expected_version=record.version, at=START)
        uow.commit()
    transport = ScriptedTransport()
    engine = Dispatcher(
        uow_factory=uow_factory,
        transports=OneTransport(transport, frozenset({TransportKind.MEMORY, TransportKind.HTTP})),
        clock=clock,
    )
    put(uow_factory, make_message("PO-1", 1, partner_id=destination, created_at=START))

    report = engine.run_once(clock.now())

    assert len(report.failed) == 1
    assert transport.deliveries == []
    with uow_factory() as uow:
        (exception,) = uow.exceptions.list()
    assert expected in exception.detail


def test_the_partners_secrets_reach_its_transport(
    uow_factory: UowFactory, clock: ManualClock, transport: ScriptedTransport
) -> None:
    with uow_factory() as uow:
        record = uow.partners.get("acme")
        assert record is not None
        uow.partners.save(
            make_memory_partner(
                "acme",
                transport=TransportSettings(
                    kind=TransportKind.HTTP,
                    url="http://127.0.0.1:9/edi",
                    secrets=("http_password",),
                ),
            ),
            expected_version=record.version,
            at=START,
        )
        uow.secrets.set("acme", "http_password", Secret("s3cret"))
        uow.commit()
    put(uow_factory, make_message("PO-1", 1, created_at=START))

    dispatcher(uow_factory, transport, clock).run_once(clock.now())

    assert transport.secrets_seen == [{"http_password": Secret("s3cret")}]


def test_a_transport_that_raises_is_answered_as_a_retry(
    uow_factory: UowFactory, clock: ManualClock
) -> None:
    def broken(delivery: Delivery) -> None:
        raise RuntimeError("connection pool exhausted")

    put(uow_factory, make_message("PO-1", 1, created_at=START))
    engine = dispatcher(uow_factory, ScriptedTransport(during=broken), clock)

    report = engine.run_once(clock.now())

    assert len(report.retrying) == 1
    with uow_factory() as uow:
        (queued,) = uow.outbox_queue.list()
    assert queued.last_error is not None
    assert "RuntimeError: connection pool exhausted" in queued.last_error


def test_the_background_loop_delivers_until_stopped(
    uow_factory: UowFactory, clock: ManualClock, transport: ScriptedTransport
) -> None:
    engine = dispatcher(uow_factory, transport, clock)
    engine.start()
    engine.start()  # starting twice runs one loop
    try:
        put(uow_factory, *(make_message(f"PO-{n}", 1, created_at=START) for n in range(5)))
        deadline = time.monotonic() + 5
        while len(transport.deliveries) < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert engine.running
    finally:
        engine.stop()
    assert not engine.running
    assert sorted(transport.keys()) == [f"PO-{n}/1" for n in range(5)]
    put(uow_factory, make_message("PO-9", 1, created_at=START))
    time.sleep(0.05)
    assert len(transport.deliveries) == 5
    engine.stop()  # harmless when stopped


def test_the_loop_survives_a_failing_pass(
    uow_factory: UowFactory, clock: ManualClock, transport: ScriptedTransport
) -> None:
    calls: list[int] = []

    def flaky() -> UnitOfWork:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("database is locked")
        return uow_factory()

    engine = Dispatcher(
        uow_factory=flaky,
        transports=OneTransport(transport),
        clock=clock,
        settings=DispatcherSettings(poll_interval=timedelta(milliseconds=5)),
    )
    put(uow_factory, make_message("PO-1", 1, created_at=START))
    engine.start()
    try:
        deadline = time.monotonic() + 5
        while not transport.deliveries and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        engine.stop()
    assert transport.keys() == ["PO-1/1"]


def test_a_delivery_result_without_detail_still_says_what_happened(
    uow_factory: UowFactory, clock: ManualClock
) -> None:
    transport = ScriptedTransport({"PO-1/1": [DeliveryResult(outcome=DeliveryOutcome.REFUSED)]})
    put(uow_factory, make_message("PO-1", 1, created_at=START, order=False))

    dispatcher(uow_factory, transport, clock).run_once(clock.now())

    with uow_factory() as uow:
        (exception,) = uow.exceptions.list()
        (queued,) = uow.outbox_queue.list()
    assert queued.last_error == "refused"
    assert exception.purchase_order_number is None
    assert exception.stream == "partner:acme"
