"""The outbox on SQL: outbound work written in the transaction that caused it."""

from __future__ import annotations

from sqlalchemy import Connection, insert

from posync.services.ports import OutboxMessage
from posync.store.tables import outbox

PENDING = "pending"


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
                state=PENDING,
                attempts=0,
                created_at=message.created_at,
                next_attempt_at=message.created_at,
            )
        )
