"""In-memory adapters of every store port, for unit tests and demos.

Each unit of work buffers its changes and applies them to the shared
``MemoryDatabase`` on commit, under a lock, so rollbacks and optimistic
version checks behave as they do on a real database.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from posync.codecs.events import EventCodec
from posync.domain.aggregate import PurchaseOrderAggregate
from posync.domain.audit import GENESIS_HASH, AuditEntry, chain
from posync.domain.documents.purchase_order import PurchaseOrder
from posync.domain.errors import ConcurrentUpdate, NotFound, TransitionNotAllowed
from posync.domain.events import DomainEvent
from posync.domain.exceptions import RaisedException
from posync.domain.exchanges import OutboundExchange
from posync.domain.lifecycle import OrderStatus
from posync.domain.partner_values import Secret
from posync.domain.revisions import Revision
from posync.services.ports import (
    OUTBOX_RETRY_STATE,
    ArchivedDocument,
    Clock,
    OutboxMessage,
    OutboxState,
    PartnerRecord,
    QueuedMessage,
)
from posync.services.queries import (
    PurchaseOrderFilter,
    PurchaseOrderSummary,
    PurchaseOrderView,
    TimelineEntry,
)
from posync.services.unit_of_work import BaseUnitOfWork
from posync.store.memory_partners import MemoryPartnerRepository, MemorySecretStore


@dataclass(frozen=True, slots=True, kw_only=True)
class _StoredOrder:
    document: PurchaseOrder
    status: OrderStatus
    created_at: datetime
    updated_at: datetime
    version: int


@dataclass
class MemoryDatabase:
    """The committed state every memory unit of work reads and writes."""

    orders: dict[str, _StoredOrder] = field(default_factory=dict)
    revisions: dict[str, list[Revision]] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)
    archive: dict[str, tuple[ArchivedDocument, bytes]] = field(default_factory=dict)
    outbox: dict[int, QueuedMessage] = field(default_factory=dict)
    outbox_ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    exceptions: list[RaisedException] = field(default_factory=list)
    control_numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    exchanges: dict[str, tuple[OutboundExchange, int]] = field(default_factory=dict)
    partners: dict[str, PartnerRecord] = field(default_factory=dict)
    partner_secrets: dict[tuple[str, str], Secret] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class MemoryPurchaseOrderRepository:
    def __init__(self, database: MemoryDatabase) -> None:
        self._database = database
        self._seen: dict[str, PurchaseOrderAggregate] = {}

    @property
    def seen(self) -> Sequence[PurchaseOrderAggregate]:
        return list(self._seen.values())

    def add(self, order: PurchaseOrderAggregate) -> None:
        self._seen[order.number] = order

    def get(self, number: str) -> PurchaseOrderAggregate | None:
        if number in self._seen:
            return self._seen[number]
        stored = self._database.orders.get(number)
        if stored is None:
            return None
        order = PurchaseOrderAggregate(
            document=stored.document,
            status=stored.status,
            created_at=stored.created_at,
            updated_at=stored.updated_at,
            version=stored.version,
        )
        self._seen[number] = order
        return order

    def numbers_present(self, numbers: Sequence[str]) -> set[str]:
        return {n for n in numbers if n in self._database.orders or n in self._seen}


class MemoryDocumentArchive:
    def __init__(self, database: MemoryDatabase) -> None:
        self._database = database
        self.pending: dict[str, tuple[ArchivedDocument, bytes]] = {}

    def store(
        self, content: bytes, *, media_type: str, source: str, received_at: datetime
    ) -> ArchivedDocument:
        digest = hashlib.sha256(content).hexdigest()
        known = self.get(digest)
        if known is not None:
            return known[0]
        record = ArchivedDocument(
            sha256=digest,
            size=len(content),
            media_type=media_type,
            received_at=received_at,
            source=source,
        )
        self.pending[digest] = (record, bytes(content))
        return record

    def get(self, sha256: str) -> tuple[ArchivedDocument, bytes] | None:
        return self.pending.get(sha256) or self._database.archive.get(sha256)


class MemoryAuditLog:
    def __init__(self, database: MemoryDatabase, codec: EventCodec) -> None:
        self._database = database
        self._codec = codec
        self.pending: list[tuple[list[tuple[str, str, str]], datetime]] = []

    def append(self, events: Sequence[DomainEvent], *, recorded_at: datetime) -> None:
        records = [(event.stream, *self._codec.encode(event)) for event in events]
        self.pending.append((records, recorded_at))

    def entries(self, *, after_sequence: int = 0) -> Iterator[AuditEntry]:
        return iter(self._database.audit[after_sequence:])

    def head(self) -> tuple[int, str]:
        log = self._database.audit
        return (log[-1].sequence, log[-1].entry_hash) if log else (0, GENESIS_HASH)

    def seal_pending(self) -> list[AuditEntry]:
        """Seal the buffered events onto the committed chain (call under the lock)."""
        log = self._database.audit
        sealed: list[AuditEntry] = []
        for records, recorded_at in self.pending:
            last = sealed[-1] if sealed else (log[-1] if log else None)
            sealed.extend(
                chain(
                    records,
                    after_sequence=last.sequence if last else 0,
                    after_hash=last.entry_hash if last else GENESIS_HASH,
                    recorded_at=recorded_at,
                )
            )
        return sealed


class MemoryOutbox:
    def __init__(self) -> None:
        self.pending: list[OutboxMessage] = []

    def put(self, message: OutboxMessage) -> None:
        self.pending.append(message)


class MemoryOutboxQueue:
    """The dispatcher's side of the outbox; changes wait for the commit, which refuses
    them (``ConcurrentUpdate``) if a message changed meanwhile, as SQL's row locks do."""

    def __init__(self, database: MemoryDatabase) -> None:
        self._database = database
        self.pending: dict[int, QueuedMessage] = {}
        self.read: dict[int, QueuedMessage] = {}
        """The committed version each pending change was based on."""

    def claim(self, now: datetime, limit: int, *, lease_until: datetime) -> Sequence[QueuedMessage]:
        claimed: list[QueuedMessage] = []
        waiting_keys: set[str] = set()
        for queued in self.list(limit=len(self._database.outbox) + len(self.pending) + 1):
            if len(claimed) >= limit:
                break
            if queued.state is OutboxState.DELIVERED or queued.message.key in waiting_keys:
                continue
            waiting_keys.add(queued.message.key)
            if _due(queued, now):
                claimed.append(
                    self._stage(
                        queued,
                        state=OutboxState.SENDING,
                        attempts=queued.attempts + 1,
                        lease_expires_at=lease_until,
                    )
                )
        return claimed

    def delivered(
        self, message_id: int, *, attempt: int, at: datetime, receipt: bytes | None = None
    ) -> bool:
        return self._settle(
            message_id, attempt, state=OutboxState.DELIVERED, delivered_at=at, last_error=None
        )

    def retry_at(self, message_id: int, *, attempt: int, when: datetime, error: str) -> bool:
        return self._settle(
            message_id, attempt, state=OutboxState.PENDING, next_attempt_at=when, last_error=error
        )

    def failed(self, message_id: int, *, attempt: int, at: datetime, error: str) -> bool:
        return self._settle(
            message_id, attempt, state=OutboxState.FAILED, next_attempt_at=at, last_error=error
        )

    def get(self, message_id: int) -> QueuedMessage | None:
        return self.pending.get(message_id) or self._database.outbox.get(message_id)

    def list(
        self, *, state: OutboxState | None = None, limit: int = 100
    ) -> Sequence[QueuedMessage]:
        with self._database.lock:
            committed = dict(self._database.outbox)
        merged = {**committed, **self.pending}
        found = [merged[key] for key in sorted(merged)]
        return [queued for queued in found if state is None or queued.state is state][:limit]

    def retry_now(self, message_id: int, *, at: datetime) -> QueuedMessage:
        queued = self.get(message_id)
        if queued is None:
            raise NotFound(f"outbox message {message_id} does not exist")
        if queued.state is not OutboxState.PENDING and queued.state not in OUTBOX_RETRY_STATE:
            raise TransitionNotAllowed(
                f"outbox message {message_id} is {queued.state.value}: only failed or pending "
                "messages can be retried"
            )
        return self._stage(
            queued, state=OutboxState.PENDING, attempts=0, next_attempt_at=at, lease_expires_at=None
        )

    def check(self) -> None:
        """Refuse the commit if a message changed since it was read (call under the lock)."""
        for message_id, read in self.read.items():
            if self._database.outbox.get(message_id) != read:
                raise ConcurrentUpdate(f"outbox message {message_id} was changed meanwhile")

    def _settle(self, message_id: int, attempt: int, **changes: object) -> bool:
        queued = self.get(message_id)
        if queued is None or queued.state is not OutboxState.SENDING or queued.attempts != attempt:
            return False
        self._stage(queued, lease_expires_at=None, **changes)
        return True

    def _stage(self, queued: QueuedMessage, **changes: object) -> QueuedMessage:
        if queued.id not in self.pending:
            self.read[queued.id] = queued
        changed = dataclasses.replace(queued, **changes)  # type: ignore[arg-type]
        self.pending[queued.id] = changed
        return changed


def _due(queued: QueuedMessage, now: datetime) -> bool:
    if queued.state is OutboxState.PENDING:
        return queued.next_attempt_at <= now
    return (
        queued.state is OutboxState.SENDING
        and queued.lease_expires_at is not None
        and queued.lease_expires_at <= now
    )


class MemoryExceptionRepository:
    def __init__(self, database: MemoryDatabase) -> None:
        self._database = database
        self.pending: list[RaisedException] = []

    def raise_(self, exception: RaisedException) -> None:
        self.pending.append(exception)

    def list(self, *, limit: int = 100) -> Sequence[RaisedException]:
        return [*reversed(self._database.exceptions), *reversed(self.pending)][:limit]


class MemoryControlNumberSequence:
    def __init__(self, database: MemoryDatabase) -> None:
        self._database = database
        self.read: dict[tuple[str, str], int] = {}
        self.pending: dict[tuple[str, str], int] = {}

    def reserve(self, partner: str, kind: str, count: int = 1) -> list[int]:
        if count < 1:
            raise ValueError(f"reserve at least one control number, not {count}")
        key = (partner, kind)
        if key not in self.read:
            self.read[key] = self._database.control_numbers.get(key, 0)
        last = self.pending.get(key, self.read[key])
        self.pending[key] = last + count
        return list(range(last + 1, last + count + 1))


class MemoryExchangeRepository:
    def __init__(self, database: MemoryDatabase) -> None:
        self._database = database
        self.read: dict[str, int] = {}
        self.pending: dict[str, OutboundExchange] = {}

    def add(self, exchange: OutboundExchange) -> None:
        self.read[exchange.id] = 0
        self.pending[exchange.id] = exchange

    def save(self, exchange: OutboundExchange) -> None:
        if exchange.id not in self.read:
            raise ValueError(f"exchange {exchange.id} was not read in this unit of work")
        self.pending[exchange.id] = exchange

    def by_interchange(self, partner: str, control_number: str) -> OutboundExchange | None:
        return self._first(
            lambda e: e.partner == partner and e.interchange_control_number == control_number
        )

    def by_group(self, partner: str, group_control_number: str) -> OutboundExchange | None:
        return self._first(
            lambda e: e.partner == partner and group_control_number in e.group_control_numbers
        )

    def _first(self, wanted: Callable[[OutboundExchange], bool]) -> OutboundExchange | None:
        for exchange in self.pending.values():
            if wanted(exchange):
                return exchange
        for exchange, version in self._database.exchanges.values():
            if wanted(exchange):
                self.read.setdefault(exchange.id, version)
                return exchange
        return None


class MemoryUnitOfWork(BaseUnitOfWork):
    def __init__(self, database: MemoryDatabase, clock: Clock, codec: EventCodec) -> None:
        super().__init__(clock)
        self._database = database
        self._codec = codec
        self._begin()

    def _begin(self) -> None:
        self.purchase_orders = self._orders = MemoryPurchaseOrderRepository(self._database)
        self.archive = self._archive = MemoryDocumentArchive(self._database)
        self.audit_log = self._audit = MemoryAuditLog(self._database, self._codec)
        self.outbox = self._outbox = MemoryOutbox()
        self.outbox_queue = self._outbox_queue = MemoryOutboxQueue(self._database)
        self.exceptions = self._exceptions = MemoryExceptionRepository(self._database)
        self.control_numbers = self._control_numbers = MemoryControlNumberSequence(self._database)
        self.exchanges = self._exchanges = MemoryExchangeRepository(self._database)
        self.partners = self._partners = MemoryPartnerRepository(self._database.partners)
        self.secrets = self._secrets = MemorySecretStore(self._database.partner_secrets)
        self._staged: list[
            tuple[PurchaseOrderAggregate, int | None, _StoredOrder, list[Revision]]
        ] = []

    def _write_orders(self) -> None:
        for order in self._orders.seen:
            if not order.events and not order.new_revisions:
                continue
            is_new = bool(order.new_revisions) and order.new_revisions[0].number == 0
            read_version = None if is_new else order.version
            stored = _StoredOrder(
                document=order.document,
                status=order.status,
                created_at=order.created_at,
                updated_at=order.updated_at,
                version=1 if is_new else order.version + 1,
            )
            self._staged.append((order, read_version, stored, list(order.new_revisions)))

    def _commit(self) -> None:
        database = self._database
        with database.lock:
            for key, read in self._control_numbers.read.items():
                if database.control_numbers.get(key, 0) != read:
                    raise ConcurrentUpdate(
                        f"control numbers of {key[0]} ({key[1]}) were drawn meanwhile"
                    )
            for exchange_id, read in self._exchanges.read.items():
                known = database.exchanges.get(exchange_id)
                if (known[1] if known is not None else 0) != read:
                    raise ConcurrentUpdate(f"exchange {exchange_id} was changed meanwhile")
            self._partners.check()
            self._outbox_queue.check()
            for order, read_version, _, _ in self._staged:
                current = database.orders.get(order.number)
                current_version = current.version if current is not None else None
                if current_version != read_version:
                    raise ConcurrentUpdate(
                        f"purchase order {order.number} was changed by someone else meanwhile"
                    )
            for order, _, stored, revisions in self._staged:
                database.orders[order.number] = stored
                database.revisions.setdefault(order.number, []).extend(revisions)
                order.version = stored.version
            database.audit.extend(self._audit.seal_pending())
            for digest, archived in self._archive.pending.items():
                database.archive.setdefault(digest, archived)  # the first bytes stay
            database.outbox.update(self._outbox_queue.pending)
            for message in self._outbox.pending:
                message_id = next(database.outbox_ids)
                database.outbox[message_id] = _queued(message_id, message)
            database.exceptions.extend(self._exceptions.pending)
            database.control_numbers.update(self._control_numbers.pending)
            for exchange_id, exchange in self._exchanges.pending.items():
                database.exchanges[exchange_id] = (exchange, self._exchanges.read[exchange_id] + 1)
            self._partners.apply()
            self._secrets.apply()
        self._begin()

    def rollback(self) -> None:
        self._begin()


def _queued(message_id: int, message: OutboxMessage) -> QueuedMessage:
    return QueuedMessage(
        id=message_id,
        message=message,
        state=OutboxState.PENDING,
        attempts=0,
        next_attempt_at=message.created_at,
    )


class MemoryQueries:
    """The read side over a ``MemoryDatabase``."""

    def __init__(self, database: MemoryDatabase) -> None:
        self._database = database

    def get(self, number: str) -> PurchaseOrderView | None:
        stored = self._database.orders.get(number)
        if stored is None:
            return None
        return PurchaseOrderView(
            document=stored.document,
            status=stored.status,
            created_at=stored.created_at,
            updated_at=stored.updated_at,
        )

    def search(self, query: PurchaseOrderFilter) -> Sequence[PurchaseOrderSummary]:
        matching = self._matching(query)
        matching.sort(key=lambda stored: (stored.updated_at, stored.document.number), reverse=True)
        return [_summary(stored) for stored in matching[query.offset : query.offset + query.limit]]

    def count(self, query: PurchaseOrderFilter) -> int:
        return len(self._matching(query))

    def revisions(self, number: str) -> Sequence[Revision]:
        return list(self._database.revisions.get(number, []))

    def timeline(self, number: str) -> Sequence[TimelineEntry]:
        return [
            TimelineEntry(
                sequence=entry.sequence,
                event_type=entry.event_type,
                recorded_at=entry.recorded_at,
                payload=entry.payload,
            )
            for entry in self._database.audit
            if entry.stream == number
        ]

    def _matching(self, query: PurchaseOrderFilter) -> list[_StoredOrder]:
        return [
            stored
            for stored in self._database.orders.values()
            if (query.status is None or stored.status is query.status)
            and (query.supplier is None or stored.document.supplier.name == query.supplier)
        ]


def _summary(stored: _StoredOrder) -> PurchaseOrderSummary:
    document = stored.document
    return PurchaseOrderSummary(
        number=document.number,
        revision=document.revision,
        status=stored.status,
        supplier=document.supplier.name,
        currency=document.currency,
        total_amount=document.total_amount,
        line_count=len(document.lines),
        updated_at=stored.updated_at,
    )
