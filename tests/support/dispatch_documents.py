"""Outbox messages, partners reached in memory and a scripted transport, for dispatcher tests.

``ScriptedTransport`` plays a partner: each idempotency key answers from its
own script, one result per attempt (then delivered), and every delivery it
was handed is kept in order. ``OneTransport`` is a transport directory with
that one transport for every kind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta

from posync.domain.delivery import DeliveryOutcome, DeliveryResult
from posync.domain.errors import NotFound
from posync.domain.partner_values import Secret, TransportKind, TransportSettings
from posync.domain.partners import TradingPartner
from posync.services.ports import Delivery, OutboxMessage, Transport, UnitOfWork
from support.partner_documents import make_x12_partner

DELIVERED = DeliveryResult(outcome=DeliveryOutcome.DELIVERED, detail="200 OK")


def retry(
    detail: str = "503 Service Unavailable", after: timedelta | None = None
) -> DeliveryResult:
    return DeliveryResult(outcome=DeliveryOutcome.RETRY, detail=detail, retry_after=after)


def refused(detail: str = "400 Bad Request: unknown buyer") -> DeliveryResult:
    return DeliveryResult(outcome=DeliveryOutcome.REFUSED, detail=detail)


def make_memory_partner(partner_id: str = "acme", **changes: object) -> TradingPartner:
    return make_x12_partner(
        partner_id, **{"transport": TransportSettings(kind=TransportKind.MEMORY), **changes}
    )


def make_message(
    key: str,
    sequence: int,
    *,
    partner_id: str = "acme",
    created_at: datetime,
    order: bool = True,
) -> OutboxMessage:
    return OutboxMessage(
        destination=partner_id,
        key=key,
        payload=f"{key} message {sequence}".encode(),
        idempotency_key=f"{key}/{sequence}",
        created_at=created_at,
        media_type="application/edi-x12",
        purchase_order_number=key if order else None,
    )


def put(uow_factory: Callable[[], UnitOfWork], *messages: OutboxMessage) -> None:
    with uow_factory() as uow:
        for message in messages:
            uow.outbox.put(message)
        uow.commit()


def add_partner(
    uow_factory: Callable[[], UnitOfWork], partner: TradingPartner, at: datetime
) -> None:
    with uow_factory() as uow:
        uow.partners.add(partner, at=at)
        uow.commit()


class ScriptedTransport:
    """Answers each idempotency key from its script, then as delivered; keeps every delivery."""

    def __init__(
        self,
        scripts: Mapping[str, Sequence[DeliveryResult]] | None = None,
        *,
        during: Callable[[Delivery], None] | None = None,
    ) -> None:
        self._scripts = {key: list(results) for key, results in (scripts or {}).items()}
        self._during = during
        self._lock = threading.Lock()
        self.deliveries: list[Delivery] = []
        self.secrets_seen: list[Mapping[str, Secret]] = []

    def deliver(self, delivery: Delivery, secrets: Mapping[str, Secret]) -> DeliveryResult:
        with self._lock:
            self.deliveries.append(delivery)
            self.secrets_seen.append(dict(secrets))
            script = self._scripts.get(delivery.idempotency_key, [])
            result = script.pop(0) if script else DELIVERED
        if self._during is not None:
            self._during(delivery)
        return result

    def keys(self) -> list[str]:
        with self._lock:
            return [delivery.idempotency_key for delivery in self.deliveries]


class OneTransport:
    """A transport directory: ``transport`` for every kind in ``kinds``."""

    def __init__(
        self, transport: Transport, kinds: frozenset[TransportKind] = frozenset(TransportKind)
    ) -> None:
        self._transport = transport
        self._kinds = kinds

    def for_kind(self, kind: TransportKind) -> Transport:
        if kind not in self._kinds:
            raise NotFound(f"no adapter is registered for {kind.value} transports")
        return self._transport
