"""A transport that keeps what it is given, in memory: for tests, demos and the benchmark.

``MemoryTransport`` records every attempt (the ``Delivery`` and the result it
answered, never the secrets) and answers each with ``answer`` when one is
given, else as delivered. ``answer`` can play a partner: refuse some
messages, ask for a retry the first time, or hand back a receipt. Safe to use
from several threads at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from posync.domain.delivery import DeliveryOutcome, DeliveryResult
from posync.domain.partner_values import Secret
from posync.services.ports import Delivery

Answer = Callable[[Delivery], DeliveryResult]


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordedAttempt:
    """One attempt the memory transport was given, and what it answered."""

    delivery: Delivery
    result: DeliveryResult


def accept_everything(delivery: Delivery) -> DeliveryResult:
    """The default answer: every message is delivered, with no receipt."""
    return DeliveryResult(
        outcome=DeliveryOutcome.DELIVERED,
        detail=f"kept in memory for partner {delivery.partner.id!r}",
    )


class MemoryTransport:
    """Records deliveries instead of sending them; answers with ``answer``."""

    def __init__(self, answer: Answer = accept_everything) -> None:
        self._answer = answer
        self._attempts: list[RecordedAttempt] = []
        self._lock = threading.Lock()

    def deliver(self, delivery: Delivery, secrets: Mapping[str, Secret]) -> DeliveryResult:
        result = self._answer(delivery)
        with self._lock:
            self._attempts.append(RecordedAttempt(delivery=delivery, result=result))
        return result

    @property
    def attempts(self) -> tuple[RecordedAttempt, ...]:
        """Every attempt so far, in the order they were answered."""
        with self._lock:
            return tuple(self._attempts)

    def delivered(self, partner_id: str | None = None) -> tuple[Delivery, ...]:
        """The deliveries answered as delivered (to ``partner_id`` only, when given)."""
        return tuple(
            attempt.delivery
            for attempt in self.attempts
            if attempt.result.outcome is DeliveryOutcome.DELIVERED
            and (partner_id is None or attempt.delivery.partner.id == partner_id)
        )

    def clear(self) -> None:
        """Forget every recorded attempt."""
        with self._lock:
            self._attempts.clear()
