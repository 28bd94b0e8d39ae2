"""The in-memory transport records every attempt and answers as it is told."""

from __future__ import annotations

import threading

from posync.connectors.transports.memory import MemoryTransport
from posync.domain.delivery import DeliveryOutcome, DeliveryResult
from posync.services.ports import Delivery, Transport
from support.transport_documents import make_delivery, secrets


def test_every_delivery_is_delivered_and_recorded_by_default() -> None:
    memory = MemoryTransport()
    transport: Transport = memory
    first = make_delivery(idempotency_key="k-1")
    second = make_delivery(idempotency_key="k-2", partner_id="globex")

    results = [transport.deliver(d, secrets(password="hunter22")) for d in (first, second)]

    assert [r.outcome for r in results] == [DeliveryOutcome.DELIVERED] * 2
    assert memory.delivered() == (first, second)
    assert memory.delivered("globex") == (second,)
    assert "hunter22" not in repr(memory.attempts)


def test_an_answer_plays_the_partner_and_only_deliveries_count_as_delivered() -> None:
    def refuse_the_first_attempt(delivery: Delivery) -> DeliveryResult:
        if delivery.attempt == 1:
            return DeliveryResult(outcome=DeliveryOutcome.RETRY, detail="busy")
        return DeliveryResult(outcome=DeliveryOutcome.DELIVERED, receipt=b"OK " + delivery.payload)

    memory = MemoryTransport(refuse_the_first_attempt)
    first = make_delivery(payload=b"payload", attempt=1)
    second = make_delivery(payload=b"payload", attempt=2)

    assert memory.deliver(first, {}).outcome is DeliveryOutcome.RETRY
    assert memory.deliver(second, {}).receipt == b"OK payload"
    assert [a.delivery.attempt for a in memory.attempts] == [1, 2]
    assert memory.delivered() == (second,)

    memory.clear()
    assert memory.attempts == ()


def test_threads_lose_no_record() -> None:
    memory = MemoryTransport()
    deliveries = [make_delivery(idempotency_key=f"k-{n}") for n in range(400)]

    def send(share: list[Delivery]) -> None:
        for delivery in share:
            memory.deliver(delivery, {})

    threads = [threading.Thread(target=send, args=(deliveries[n::4],)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(d.idempotency_key for d in memory.delivered()) == sorted(
        d.idempotency_key for d in deliveries
    )
