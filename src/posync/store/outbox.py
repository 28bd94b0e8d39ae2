"""The outbox on SQL: outbound work written in the transaction that caused it, and
the dispatcher's side of it (claims under a lease, results, a person's retry),
with the exceptions a failed delivery raises.

Claims take the earliest message of each ordering key that is due and whose
key has nothing earlier left undelivered. On PostgreSQL the candidate rows are
locked ``FOR UPDATE SKIP LOCKED``, so several dispatchers never claim one
message twice; a claim marks the message ``sending`` until its lease runs out
(a dispatcher that died leaves it to be claimed again). On SQLite every unit
of work holds the write lock from its start, which serializes claims.

A result is recorded only while the claim holds: the update names the
message's state and attempt number, and changes nothing if another dispatcher
has claimed it since.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, exists, insert, or_, select, update
from sqlalchemy.engine import Row

from posync.domain.errors import NotFound, TransitionNotAllowed
from posync.domain.exceptions import ExceptionKind, ExceptionState, RaisedException
from posync.services.ports import (
    OUTBOX_RETRY_STATE,
    OutboxMessage,
    OutboxState,
    QueuedMessage,
)
from posync.store.tables import exceptions, outbox

PENDING = OutboxState.PENDING.value


class SqlOutbox:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def put(self, message: OutboxMessage) -> None:
        self._connection.execute(
            insert(outbox).values(
                destination=message.destination,
                ordering_key=message.key,
                payload=message.payload,
                idempotency_key=message.idempotency_key,
                media_type=message.media_type,
                purchase_order_number=message.purchase_order_number,
                state=PENDING,
                attempts=0,
                created_at=message.created_at,
                next_attempt_at=message.created_at,
            )
        )


class SqlOutboxQueue:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def claim(self, now: datetime, limit: int, *, lease_until: datetime) -> Sequence[QueuedMessage]:
        if limit < 1:
            return []
        earlier = outbox.alias("earlier")
        due = (
            select(outbox.c.id)
            .where(
                or_(
                    and_(outbox.c.state == PENDING, outbox.c.next_attempt_at <= now),
                    and_(
                        outbox.c.state == OutboxState.SENDING.value,
                        outbox.c.lease_expires_at <= now,
                    ),
                ),
                ~exists().where(
                    earlier.c.ordering_key == outbox.c.ordering_key,
                    earlier.c.id < outbox.c.id,
                    earlier.c.state != OutboxState.DELIVERED.value,
                ),
            )
            .order_by(outbox.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        ids = list(self._connection.scalars(due))
        if not ids:
            return []
        rows = self._connection.execute(
            update(outbox)
            .where(outbox.c.id.in_(ids))
            .values(
                state=OutboxState.SENDING.value,
                attempts=outbox.c.attempts + 1,
                lease_expires_at=lease_until,
            )
            .returning(*outbox.c)
        ).all()
        return sorted((_queued(row) for row in rows), key=lambda queued: queued.id)

    def delivered(
        self, message_id: int, *, attempt: int, at: datetime, receipt: bytes | None = None
    ) -> bool:
        return self._settle(
            message_id,
            attempt,
            state=OutboxState.DELIVERED.value,
            delivered_at=at,
            receipt=receipt,
            lease_expires_at=None,
            last_error=None,
        )

    def retry_at(self, message_id: int, *, attempt: int, when: datetime, error: str) -> bool:
        return self._settle(
            message_id,
            attempt,
            state=PENDING,
            next_attempt_at=when,
            lease_expires_at=None,
            last_error=error,
        )

    def failed(self, message_id: int, *, attempt: int, at: datetime, error: str) -> bool:
        return self._settle(
            message_id,
            attempt,
            state=OutboxState.FAILED.value,
            next_attempt_at=at,
            lease_expires_at=None,
            last_error=error,
        )

    def get(self, message_id: int) -> QueuedMessage | None:
        row = self._connection.execute(select(outbox).where(outbox.c.id == message_id)).first()
        return None if row is None else _queued(row)

    def list(
        self, *, state: OutboxState | None = None, limit: int = 100
    ) -> Sequence[QueuedMessage]:
        query = select(outbox).order_by(outbox.c.id).limit(limit)
        if state is not None:
            query = query.where(outbox.c.state == state.value)
        return [_queued(row) for row in self._connection.execute(query)]

    def retry_now(self, message_id: int, *, at: datetime) -> QueuedMessage:
        current = self._connection.execute(
            select(outbox).where(outbox.c.id == message_id).with_for_update()
        ).first()
        if current is None:
            raise NotFound(f"outbox message {message_id} does not exist")
        state = OutboxState(current.state)
        if state is not OutboxState.PENDING and state not in OUTBOX_RETRY_STATE:
            raise TransitionNotAllowed(
                f"outbox message {message_id} is {state.value}: only failed or pending "
                "messages can be retried"
            )
        row = self._connection.execute(
            update(outbox)
            .where(outbox.c.id == message_id)
            .values(state=PENDING, attempts=0, next_attempt_at=at, lease_expires_at=None)
            .returning(*outbox.c)
        ).one()
        return _queued(row)

    def _settle(self, message_id: int, attempt: int, **values: Any) -> bool:
        result = self._connection.execute(
            update(outbox)
            .where(
                outbox.c.id == message_id,
                outbox.c.state == OutboxState.SENDING.value,
                outbox.c.attempts == attempt,
            )
            .values(**values)
        )
        return result.rowcount == 1


class SqlExceptionRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def raise_(self, exception: RaisedException) -> None:
        self._connection.execute(
            insert(exceptions).values(
                kind=exception.kind.value,
                state=exception.state.value,
                partner_id=exception.partner_id,
                purchase_order_number=exception.purchase_order_number,
                reference=exception.reference,
                detail=exception.detail,
                raised_at=exception.raised_at,
            )
        )

    def list(self, *, limit: int = 100) -> Sequence[RaisedException]:
        rows = self._connection.execute(
            select(exceptions).order_by(exceptions.c.id.desc()).limit(limit)
        )
        return [
            RaisedException(
                kind=ExceptionKind(row.kind),
                state=ExceptionState(row.state),
                partner_id=row.partner_id,
                purchase_order_number=row.purchase_order_number,
                reference=row.reference,
                detail=row.detail,
                raised_at=row.raised_at,
            )
            for row in rows
        ]


def _queued(row: Row[Any]) -> QueuedMessage:
    return QueuedMessage(
        id=row.id,
        message=OutboxMessage(
            destination=row.destination,
            key=row.ordering_key,
            payload=bytes(row.payload),
            idempotency_key=row.idempotency_key,
            created_at=row.created_at,
            media_type=row.media_type,
            purchase_order_number=row.purchase_order_number,
        ),
        state=OutboxState(row.state),
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        lease_expires_at=row.lease_expires_at,
        last_error=row.last_error,
        delivered_at=row.delivered_at,
    )
