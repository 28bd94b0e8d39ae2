"""The commit sequence every unit of work shares; adapters fill in the writing."""

from __future__ import annotations

import abc
from types import TracebackType
from typing import Self

from posync.services.ports import (
    AuditLog,
    Clock,
    ControlNumberSequence,
    DocumentArchive,
    ExceptionRepository,
    ExchangeRepository,
    Outbox,
    OutboxQueue,
    PartnerRepository,
    PurchaseOrderRepository,
    SecretStore,
)


class BaseUnitOfWork(abc.ABC):
    """Writes seen orders, then their events to the audit log, then commits once."""

    purchase_orders: PurchaseOrderRepository
    archive: DocumentArchive
    audit_log: AuditLog
    outbox: Outbox
    control_numbers: ControlNumberSequence
    exchanges: ExchangeRepository
    partners: PartnerRepository
    secrets: SecretStore
    outbox_queue: OutboxQueue
    exceptions: ExceptionRepository

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        orders = list(self.purchase_orders.seen)
        events = [event for order in orders for event in order.events]
        self._write_orders()
        if events:
            self.audit_log.append(events, recorded_at=self.clock.now())
        self._commit()
        for order in orders:
            order.events.clear()
            order.new_revisions.clear()

    @abc.abstractmethod
    def _write_orders(self) -> None:
        """Write every seen order's changes and new revisions (no commit yet)."""

    @abc.abstractmethod
    def _commit(self) -> None: ...

    @abc.abstractmethod
    def rollback(self) -> None:
        """Forget what was not committed; harmless after a commit."""
