"""Many-row inserts through the driver's executemany, with the columns' types applied.

SQLAlchemy's executemany rebuilds its parameters row by row; for the many
narrow rows of purchase-order lines, revisions and audit entries this does
the same conversions (exact decimals, UTC times) column by column and hands
the driver plain tuples.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.engine import Dialect

from posync.store.tables import (
    audit_log,
    purchase_order_lines,
    purchase_order_revisions,
    purchase_orders,
)

_POSITIONAL_MARKER = {"qmark": "?", "format": "%s", "pyformat": "%s"}


class BulkInsert:
    def __init__(self, table: Table, dialect: Dialect) -> None:
        marker = _POSITIONAL_MARKER[dialect.paramstyle]
        quote = dialect.identifier_preparer.quote
        names = [column.name for column in table.columns]
        # Names come from posync's own table metadata, quoted by the dialect.
        columns = ", ".join(quote(name) for name in names)
        markers = ", ".join([marker] * len(names))
        self.statement = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({markers})"  # noqa: S608
        self._values = itemgetter(*names)
        self._converters: list[tuple[int, Callable[[Any], Any]]] = [
            (index, processor)
            for index, column in enumerate(table.columns)
            if (processor := column.type.bind_processor(dialect)) is not None
        ]

    def execute(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        if not rows:
            return
        values = self._values
        parameters: list[tuple[Any, ...]] = [values(row) for row in rows]
        if self._converters:
            columns = list(zip(*parameters, strict=True))
            for index, convert in self._converters:
                columns[index] = tuple(
                    None if value is None else convert(value) for value in columns[index]
                )
            parameters = list(zip(*columns, strict=True))
        connection.exec_driver_sql(self.statement, parameters)


class BulkInserts:
    """The bulk inserts of the tables the store writes many rows to, for one dialect."""

    def __init__(self, dialect: Dialect) -> None:
        self.purchase_orders = BulkInsert(purchase_orders, dialect)
        self.purchase_order_lines = BulkInsert(purchase_order_lines, dialect)
        self.purchase_order_revisions = BulkInsert(purchase_order_revisions, dialect)
        self.audit_log = BulkInsert(audit_log, dialect)
