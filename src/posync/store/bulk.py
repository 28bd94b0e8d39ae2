"""Many-row inserts through the driver's executemany, with the columns' types applied.

SQLAlchemy's executemany rebuilds its parameters row by row; for the many
narrow rows of purchase-order lines, revisions and audit entries this does
the same conversions (exact decimals, UTC times, dates) directly, once per
value, and hands the driver plain tuples or dicts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect

from posync.store.tables import (
    audit_log,
    purchase_order_lines,
    purchase_order_revisions,
    purchase_orders,
)


class BulkInsert:
    def __init__(self, table: Table, dialect: Dialect) -> None:
        compiled = insert(table).compile(dialect=dialect)
        self.statement = str(compiled)
        self._positional = compiled.positiontup is not None
        names = list(compiled.positiontup or compiled.params)
        self._columns: list[tuple[str, Callable[[Any], Any] | None]] = [
            (name, table.c[name].type.bind_processor(dialect)) for name in names
        ]

    def execute(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        if not rows:
            return
        columns = self._columns
        parameters: list[Any]
        if self._positional:
            parameters = [
                tuple(
                    row[name] if convert is None else convert(row[name])
                    for name, convert in columns
                )
                for row in rows
            ]
        else:
            parameters = [
                {
                    name: row[name] if convert is None else convert(row[name])
                    for name, convert in columns
                }
                for row in rows
            ]
        connection.exec_driver_sql(self.statement, parameters)


class BulkInserts:
    """The bulk inserts of the tables the store writes many rows to, for one dialect."""

    def __init__(self, dialect: Dialect) -> None:
        self.purchase_orders = BulkInsert(purchase_orders, dialect)
        self.purchase_order_lines = BulkInsert(purchase_order_lines, dialect)
        self.purchase_order_revisions = BulkInsert(purchase_order_revisions, dialect)
        self.audit_log = BulkInsert(audit_log, dialect)
