"""The audit log on SQL: appends take the chain head's row lock, then seal in order."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from datetime import datetime

from sqlalchemy import Connection, select, update

from posync.codecs.events import EventCodec
from posync.domain.audit import AuditEntry, chain
from posync.domain.events import DomainEvent
from posync.store.bulk import BulkInsert
from posync.store.tables import audit_chain_head, audit_log

HEAD_ID = 1


class SqlAuditLog:
    def __init__(self, connection: Connection, codec: EventCodec, bulk: BulkInsert) -> None:
        self._connection = connection
        self._codec = codec
        self._bulk = bulk

    def append(self, events: Sequence[DomainEvent], *, recorded_at: datetime) -> None:
        head = self._connection.execute(
            select(audit_chain_head.c.last_sequence, audit_chain_head.c.last_hash)
            .where(audit_chain_head.c.id == HEAD_ID)
            .with_for_update()
        ).one()
        entries = chain(
            (self._record(event) for event in events),
            after_sequence=head.last_sequence,
            after_hash=head.last_hash,
            recorded_at=recorded_at,
        )
        if not entries:
            return
        self._bulk.execute(self._connection, [dataclasses.asdict(entry) for entry in entries])
        self._connection.execute(
            update(audit_chain_head)
            .where(audit_chain_head.c.id == HEAD_ID)
            .values(last_sequence=entries[-1].sequence, last_hash=entries[-1].entry_hash)
        )

    def _record(self, event: DomainEvent) -> tuple[str, str, str]:
        event_type, payload = self._codec.encode(event)
        return event.stream, event_type, payload

    def head(self) -> tuple[int, str]:
        row = self._connection.execute(
            select(audit_chain_head.c.last_sequence, audit_chain_head.c.last_hash).where(
                audit_chain_head.c.id == HEAD_ID
            )
        ).one()
        return row.last_sequence, row.last_hash

    def entries(self, *, after_sequence: int = 0) -> Iterator[AuditEntry]:
        # On the statement, not the connection: a connection keeps its options (SQLAlchemy 2),
        # and later statements of the unit of work must not run through a server-side cursor.
        result = self._connection.execute(
            select(audit_log)
            .where(audit_log.c.sequence > after_sequence)
            .order_by(audit_log.c.sequence)
            .execution_options(yield_per=1000)
        )
        for row in result:
            yield AuditEntry(
                sequence=row.sequence,
                stream=row.stream,
                event_type=row.event_type,
                payload=row.payload,
                recorded_at=row.recorded_at,
                previous_hash=row.previous_hash,
                entry_hash=row.entry_hash,
            )
