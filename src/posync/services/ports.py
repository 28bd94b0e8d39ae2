"""Ports: the narrow interfaces services need from the outside world.

The store implements them on SQLite and PostgreSQL; ``posync.store.memory``
implements them in memory for tests and demos.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from posync.domain.aggregate import PurchaseOrderAggregate
from posync.domain.audit import AuditEntry
from posync.domain.delivery import DeliveryResult
from posync.domain.events import DomainEvent
from posync.domain.exchanges import OutboundExchange
from posync.domain.partner_values import PartnerStandard, Secret
from posync.domain.partners import TradingPartner


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchivedDocument:
    """Raw bytes as received, addressed by their sha256."""

    sha256: str
    size: int
    media_type: str
    received_at: datetime
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxMessage:
    """Work for a dispatcher: deliver ``payload`` to ``destination``, in order per ``key``."""

    destination: str
    key: str
    payload: bytes
    idempotency_key: str
    created_at: datetime


class PurchaseOrderRepository(Protocol):
    def add(self, order: PurchaseOrderAggregate) -> None:
        """Register a new order; it is written when the unit of work commits."""
        ...

    def get(self, number: str) -> PurchaseOrderAggregate | None:
        """The order to change; changes are written when the unit of work commits."""
        ...

    def numbers_present(self, numbers: Sequence[str]) -> set[str]:
        """Which of ``numbers`` exist already."""
        ...

    @property
    def seen(self) -> Sequence[PurchaseOrderAggregate]:
        """Every order added or fetched in this unit of work."""
        ...


class DocumentArchive(Protocol):
    def store(
        self, content: bytes, *, media_type: str, source: str, received_at: datetime
    ) -> ArchivedDocument:
        """Keep ``content`` unchanged; storing the same bytes again returns the first record."""
        ...

    def get(self, sha256: str) -> tuple[ArchivedDocument, bytes] | None: ...


class AuditLog(Protocol):
    def append(self, events: Sequence[DomainEvent], *, recorded_at: datetime) -> None:
        """Append events to the hash-chained log, in order."""
        ...

    def entries(self, *, after_sequence: int = 0) -> Iterator[AuditEntry]:
        """Every entry in sequence order."""
        ...

    def head(self) -> tuple[int, str]:
        """The last entry's sequence and hash, as recorded apart from the entries."""
        ...


class Outbox(Protocol):
    def put(self, message: OutboxMessage) -> None:
        """Queue a message in the same transaction as the change that caused it."""
        ...


class ControlNumberSequence(Protocol):
    def reserve(self, partner: str, kind: str, count: int = 1) -> list[int]:
        """``count`` numbers never handed out before for this partner and kind, ascending.

        Committed with the unit of work; a number once committed is never given
        again, also after a restart.
        """
        ...


class ExchangeRepository(Protocol):
    def add(self, exchange: OutboundExchange) -> None:
        """Record an interchange written for a partner."""
        ...

    def save(self, exchange: OutboundExchange) -> None:
        """Write back an exchange read in this unit of work (its new state and answers)."""
        ...

    def by_interchange(self, partner: str, control_number: str) -> OutboundExchange | None:
        """The exchange sent to ``partner`` under interchange ``control_number``."""
        ...

    def by_group(self, partner: str, group_control_number: str) -> OutboundExchange | None:
        """The exchange that carried group ``group_control_number`` to ``partner``."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerRecord:
    """A stored partner with its optimistic ``version`` (1 when added, +1 per save)."""

    partner: TradingPartner
    version: int
    created_at: datetime
    updated_at: datetime


class PartnerRepository(Protocol):
    def add(self, partner: TradingPartner, *, at: datetime) -> None:
        """Record a new partner at version 1; ``AlreadyExists`` if its id or identity is taken."""
        ...

    def save(self, partner: TradingPartner, *, expected_version: int, at: datetime) -> int:
        """Replace a partner, returning its new version.

        ``ConcurrentUpdate`` if it is no longer at ``expected_version`` (here or
        when the unit of work commits), ``NotFound`` if it does not exist.
        """
        ...

    def get(self, partner_id: str) -> PartnerRecord | None: ...

    def find_by_identity(
        self, standard: PartnerStandard, qualifier: str, identifier: str
    ) -> PartnerRecord | None:
        """The partner of ``standard`` whose own envelope identity this is (an inbound sender)."""
        ...

    def list(self) -> Sequence[PartnerRecord]:
        """Every partner, by id."""
        ...


class SecretStore(Protocol):
    """Partners' secrets, kept apart from the partners; values never leave but by ``get``."""

    def set(self, partner: str, name: str, value: Secret) -> None:
        """Store or replace the secret ``name`` of ``partner``."""
        ...

    def get(self, partner: str, name: str) -> Secret | None: ...

    def names(self, partner: str) -> Sequence[str]:
        """The names of the secrets stored for ``partner``, sorted."""
        ...

    def delete(self, partner: str, name: str) -> bool:
        """Forget a secret; whether there was one."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Delivery:
    """One message for a partner's transport, as the dispatcher hands it over."""

    partner: TradingPartner
    payload: bytes
    media_type: str
    idempotency_key: str
    """The same on every attempt of this message, so the far side can apply it once."""
    attempt: int


class Transport(Protocol):
    """Hands messages to partners one way (HTTP, AS2, SFTP, a folder, memory)."""

    def deliver(self, delivery: Delivery, secrets: Mapping[str, Secret]) -> DeliveryResult:
        """Try once; never raise for what the partner or the network did, answer it."""
        ...


class UnitOfWork(Protocol):
    """One transaction over every repository; nothing is written until ``commit``."""

    purchase_orders: PurchaseOrderRepository
    archive: DocumentArchive
    audit_log: AuditLog
    outbox: Outbox
    control_numbers: ControlNumberSequence
    exchanges: ExchangeRepository
    partners: PartnerRepository
    secrets: SecretStore

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None:
        """Write the seen orders, their new revisions and their events, atomically."""
        ...

    def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...
