"""The SQL store: one engine, units of work on connections, and the read side."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine, RootTransaction

from posync.services.ports import Clock
from posync.services.unit_of_work import BaseUnitOfWork
from posync.store import migrations
from posync.store.archive import SqlDocumentArchive
from posync.store.audit_log import SqlAuditLog
from posync.store.bulk import BulkInserts
from posync.store.control_numbers import SqlControlNumberSequence
from posync.store.engine import WRITE_OPTION, create_store_engine
from posync.store.exchanges import SqlExchangeRepository
from posync.store.outbox import SqlExceptionRepository, SqlOutbox, SqlOutboxQueue
from posync.store.partners import SqlPartnerRepository, SqlSecretStore
from posync.store.repository import SqlPurchaseOrderRepository
from posync.store.serialization import StoreCodecs
from posync.store.views import SqlQueries


class SqlUnitOfWork(BaseUnitOfWork):
    """One database transaction; on SQLite it holds the write lock from the start."""

    def __init__(
        self, engine: Engine, clock: Clock, codecs: StoreCodecs, bulk: BulkInserts
    ) -> None:
        super().__init__(clock)
        self._engine = engine
        self._codecs = codecs
        self._bulk = bulk
        self._connection: Connection | None = None
        self._transaction: RootTransaction | None = None

    def __enter__(self) -> Self:
        connection = self._engine.connect().execution_options(**{WRITE_OPTION: True})
        self._connection = connection
        self._transaction = connection.begin()
        self.purchase_orders = self._orders = SqlPurchaseOrderRepository(
            connection, self._codecs, self._bulk
        )
        self.archive = SqlDocumentArchive(connection)
        self.audit_log = SqlAuditLog(connection, self._codecs.events, self._bulk.audit_log)
        self.outbox = SqlOutbox(connection)
        self.outbox_queue = SqlOutboxQueue(connection)
        self.exceptions = SqlExceptionRepository(connection)
        self.control_numbers = SqlControlNumberSequence(connection)
        self.exchanges = SqlExchangeRepository(connection, self._codecs.exchange)
        self.partners = SqlPartnerRepository(connection, self._codecs.partner)
        self.secrets = SqlSecretStore(connection, self.clock)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        super().__exit__(exc_type, exc, traceback)
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _write_orders(self) -> None:
        self._orders.write()

    def _commit(self) -> None:
        if self._transaction is None:
            raise RuntimeError("a unit of work commits inside its 'with' block")
        self._transaction.commit()

    def rollback(self) -> None:
        if self._transaction is not None and self._transaction.is_active:
            self._transaction.rollback()


class SqlStore:
    """posync's tables on SQLite or PostgreSQL, reached through one engine."""

    def __init__(self, url: str, *, codecs: StoreCodecs | None = None) -> None:
        # hide_parameters: statements logged or quoted in errors never carry values (secrets).
        self.engine = create_store_engine(url, hide_parameters=True)
        self.codecs = codecs or StoreCodecs()
        self._bulk = BulkInserts(self.engine.dialect)

    def check_schema(self) -> None:
        """Raise ``StoreNotReady`` unless the schema is at the newest migration."""
        migrations.check_current(self.engine)

    def unit_of_work(self, clock: Clock) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, clock, self.codecs, self._bulk)

    def queries(self) -> SqlQueries:
        return SqlQueries(self.engine, self.codecs)

    def dispose(self) -> None:
        self.engine.dispose()
