"""Ports: the narrow interfaces services need from the outside world.

The store implements them on SQLite and PostgreSQL; ``posync.store.memory``
implements them in memory for tests and demos.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import TracebackType
from typing import Protocol, Self

from posync.domain.aggregate import PurchaseOrderAggregate
from posync.domain.audit import AuditEntry
from posync.domain.delivery import DeliveryResult
from posync.domain.events import DomainEvent
from posync.domain.exceptions import RaisedException
from posync.domain.exchanges import OutboundExchange
from posync.domain.partner_values import PartnerStandard, Secret, TransportKind
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


DEFAULT_MEDIA_TYPE = "application/octet-stream"


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxMessage:
    """Work for a dispatcher: deliver ``payload`` to ``destination``, in order per ``key``.

    ``destination`` is the id of the trading partner to deliver to. ``key`` is
    the ordering key (the purchase order number for work about an order):
    messages with the same key reach the partner one at a time, in the order
    they were put. ``idempotency_key`` is unique and handed to the partner on
    every attempt, so that it can apply the message once.
    """

    destination: str
    key: str
    payload: bytes
    idempotency_key: str
    created_at: datetime
    media_type: str = DEFAULT_MEDIA_TYPE
    purchase_order_number: str | None = None
    """The order the message is about, if any: failures are reported on its timeline."""


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


class OutboxState(StrEnum):
    """Where an outbox message stands: the dispatcher's state machine.

    ``pending`` -> ``sending`` (claimed, under a lease) -> ``delivered``, or back
    to ``pending`` for a retry, or ``failed`` (refused, or out of attempts: an
    exception was raised). A ``sending`` message whose lease ran out (its
    dispatcher died) is claimed again. A person's retry returns ``failed`` to
    ``pending``. Messages with the same key go one at a time, in order: a key
    waits behind its earliest message that is not yet ``delivered``.
    """

    PENDING = "pending"
    SENDING = "sending"
    DELIVERED = "delivered"
    FAILED = "failed"


OUTBOX_TRANSITIONS: Mapping[OutboxState, frozenset[OutboxState]] = {
    OutboxState.PENDING: frozenset({OutboxState.SENDING, OutboxState.PENDING}),
    OutboxState.SENDING: frozenset(
        {OutboxState.DELIVERED, OutboxState.PENDING, OutboxState.FAILED, OutboxState.SENDING}
    ),
    OutboxState.DELIVERED: frozenset(),
    OutboxState.FAILED: frozenset({OutboxState.PENDING}),
}
"""The moves an outbox message may make (``sending`` -> ``sending``: a lease taken over)."""

OUTBOX_RETRY_STATE: Mapping[OutboxState, OutboxState] = {OutboxState.FAILED: OutboxState.PENDING}
"""For each error state, the state a person's retry returns the message to."""


@dataclass(frozen=True, slots=True, kw_only=True)
class QueuedMessage:
    """An outbox message as the queue holds it; ``attempts`` counts claims so far."""

    id: int
    message: OutboxMessage
    state: OutboxState
    attempts: int
    next_attempt_at: datetime
    lease_expires_at: datetime | None = None
    last_error: str | None = None
    delivered_at: datetime | None = None


class OutboxQueue(Protocol):
    """The outbox from the dispatcher's side; every change rides the unit of work.

    A claim is committed before the message is handed to a transport; the
    result is recorded in a later unit of work, and only if the claim still
    holds (``attempt`` is the claim's attempt number), together with whatever
    the result raises (an exception, an audit event).
    """

    def claim(self, now: datetime, limit: int, *, lease_until: datetime) -> Sequence[QueuedMessage]:
        """Take up to ``limit`` messages due at ``now`` and mark them ``sending`` until
        ``lease_until``, one attempt more.

        Due: ``pending`` with ``next_attempt_at <= now``, or ``sending`` with a
        lease that has run out. At most one per key, and never one whose key has
        an earlier message not yet delivered. Safe with several dispatchers on
        one database: no message is claimed twice while its lease holds.
        """
        ...

    def delivered(
        self, message_id: int, *, attempt: int, at: datetime, receipt: bytes | None = None
    ) -> bool:
        """Record a delivery; False (and nothing changed) when the claim no longer holds."""
        ...

    def retry_at(self, message_id: int, *, attempt: int, when: datetime, error: str) -> bool:
        """Put a message back to ``pending`` until ``when``; False when the claim is gone."""
        ...

    def failed(self, message_id: int, *, attempt: int, at: datetime, error: str) -> bool:
        """Give a message up (an exception is raised beside it); False when the claim is gone."""
        ...

    def get(self, message_id: int) -> QueuedMessage | None: ...

    def list(
        self, *, state: OutboxState | None = None, limit: int = 100
    ) -> Sequence[QueuedMessage]:
        """Messages by id (in one ``state`` when given), oldest first."""
        ...

    def retry_now(self, message_id: int, *, at: datetime) -> QueuedMessage:
        """A person's retry: a ``failed`` (or waiting ``pending``) message is due at ``at``,
        its attempts counted afresh. ``NotFound`` if there is no such message,
        ``TransitionNotAllowed`` if it is ``delivered`` or being sent."""
        ...


class ExceptionRepository(Protocol):
    def raise_(self, exception: RaisedException) -> None:
        """Record an exception for people, in the transaction of what raised it."""
        ...

    def list(self, *, limit: int = 100) -> Sequence[RaisedException]:
        """The newest exceptions first."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class DispatchReport:
    """What one dispatch pass did, by outbox message id."""

    delivered: list[int] = field(default_factory=list)
    retrying: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    lost_claims: list[int] = field(default_factory=list)
    """Messages whose claim lapsed before their result was recorded (another took them)."""

    @property
    def claimed(self) -> int:
        return len(self.delivered) + len(self.retrying) + len(self.failed) + len(self.lost_claims)


class Dispatch(Protocol):
    """Delivers outbox work: the embedded dispatcher, or later a distributed one."""

    def run_once(self, now: datetime) -> DispatchReport:
        """One pass: claim what is due at ``now``, deliver it, record each result."""
        ...

    def start(self) -> None:
        """Keep dispatching in the background until ``stop``."""
        ...

    def stop(self) -> None:
        """Finish the pass under way and stop; harmless when not started."""
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


class TransportDirectory(Protocol):
    """The transport adapter for each kind of transport."""

    def for_kind(self, kind: TransportKind) -> Transport:
        """The adapter for ``kind``; ``NotFound`` when there is none."""
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
    outbox_queue: OutboxQueue
    exceptions: ExceptionRepository

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
