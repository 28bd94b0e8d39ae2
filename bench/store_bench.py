"""How fast posync writes purchase orders, beside a raw executemany of the same rows.

For each database (SQLite always; PostgreSQL when reachable at
POSYNC_TEST_DATABASE_URL or the local `test` database), every run:

1. posync: ImportPurchaseOrders through the message bus into a fresh, migrated
   database, in batches: validation, revision 0 with its diff, canonical JSON,
   the hash-chained audit log, all in posync's units of work;
2. raw: the very rows posync wrote (read back from its tables) inserted into
   another fresh database with the driver's own executemany, the same batches,
   one transaction per batch, with no Python work in between.

Prints the median orders per second of each and their ratio.

    .venv/bin/python bench/store_bench.py [--orders 2000] [--lines 20] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from posync.bootstrap import bootstrap
from posync.config import Settings
from posync.connectors.clock import ManualClock
from posync.domain.documents import PurchaseOrder, PurchaseOrderLine
from posync.domain.values import Address, Party, PartyIdentifier
from posync.services.commands import ImportPurchaseOrders
from posync.store import migrations

# Each table with the order its rows were written in.
TABLES = {
    "purchase_orders": "number",
    "purchase_order_lines": "purchase_order_number, line_number",
    "purchase_order_revisions": "purchase_order_number, revision",
    "audit_log": "sequence",
}


def select_all(table: str) -> str:
    return f"SELECT * FROM {table} ORDER BY {TABLES[table]}"


DEFAULT_POSTGRES_URL = "postgresql+psycopg://127.0.0.1:5432/test"


def make_orders(count: int, lines: int) -> list[PurchaseOrder]:
    buyer = Party(name="Northwind", identifiers=(PartyIdentifier(scheme="duns", value="1"),))
    supplier = Party(name="ACME", identifiers=(PartyIdentifier(scheme="duns", value="2"),))
    ship_to = Party(
        name="Plant 1", address=Address(lines=("1 Mill Rd",), city="Dayton", country="US")
    )
    return [
        PurchaseOrder(
            number=f"BENCH-{n:07d}",
            order_date=date(2026, 11, 20),
            buyer=buyer,
            supplier=supplier,
            ship_to=ship_to,
            currency="USD",
            lines=tuple(
                PurchaseOrderLine(
                    line_number=line,
                    buyer_item=f"ITEM-{line:04d}",
                    description=f"Part number {line}",
                    quantity=Decimal(line * 3),
                    unit_of_measure="EA",
                    unit_price=Decimal("12.3456"),
                    requested_delivery_date=date(2026, 12, 1),
                )
                for line in range(1, lines + 1)
            ),
        )
        for n in range(count)
    ]


class Backend:
    name: str

    def fresh_url(self) -> str:
        raise NotImplementedError

    def raw_insert(self, url: str, batches: Sequence[dict[str, list[tuple[Any, ...]]]]) -> float:
        raise NotImplementedError

    def read_rows(self, url: str) -> dict[str, list[tuple[Any, ...]]]:
        raise NotImplementedError

    def cleanup(self) -> None:
        """Remove what the runs created."""


class SqliteBackend(Backend):
    name = "SQLite (WAL)"

    def __init__(self) -> None:
        self._directory = tempfile.TemporaryDirectory(prefix="posync-bench-")

    def fresh_url(self) -> str:
        path = Path(self._directory.name) / f"{uuid.uuid4().hex}.db"
        url = f"sqlite:///{path.as_posix()}"
        migrations.upgrade(url)
        return url

    def _connect(self, url: str) -> sqlite3.Connection:
        connection = sqlite3.connect(make_url(url).database or "", isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
        return connection

    def read_rows(self, url: str) -> dict[str, list[tuple[Any, ...]]]:
        with self._connect(url) as connection:
            return {t: connection.execute(select_all(t)).fetchall() for t in TABLES}

    def raw_insert(self, url: str, batches: Sequence[dict[str, list[tuple[Any, ...]]]]) -> float:
        connection = self._connect(url)
        started = time.perf_counter()
        for batch in batches:
            connection.execute("BEGIN IMMEDIATE")
            for table, rows in batch.items():
                marks = ",".join("?" * len(rows[0]))
                connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
            connection.execute("COMMIT")
        elapsed = time.perf_counter() - started
        connection.close()
        return elapsed

    def cleanup(self) -> None:
        self._directory.cleanup()


class PostgresBackend(Backend):
    name = "PostgreSQL"

    def __init__(self, url: str) -> None:
        self._url = make_url(url)
        self._created: list[str] = []
        self._template = f"posync_bench_template_{uuid.uuid4().hex[:8]}"
        self._admin_execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self._template)))
        self._created.append(self._template)
        migrations.upgrade(self._url_of(self._template))

    def _conninfo(self, database: str | None) -> str:
        parts = {
            "host": self._url.host,
            "port": self._url.port,
            "user": self._url.username,
            "password": self._url.password,
            "dbname": database or self._url.database,
        }
        return " ".join(f"{k}={v}" for k, v in parts.items() if v is not None)

    def _admin_execute(self, statement: sql.Composable) -> None:
        with psycopg.connect(self._conninfo(None), autocommit=True) as connection:
            connection.execute(statement)

    def _url_of(self, database: str) -> str:
        return self._url.set(database=database).render_as_string(hide_password=False)

    def fresh_url(self) -> str:
        name = f"posync_bench_{uuid.uuid4().hex[:8]}"
        self._admin_execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(self._template)
            )
        )
        self._created.append(name)
        return self._url_of(name)

    def read_rows(self, url: str) -> dict[str, list[tuple[Any, ...]]]:
        with psycopg.connect(self._conninfo(make_url(url).database)) as connection:
            return {t: connection.execute(select_all(t)).fetchall() for t in TABLES}  # type: ignore[call-overload]

    def raw_insert(self, url: str, batches: Sequence[dict[str, list[tuple[Any, ...]]]]) -> float:
        connection = psycopg.connect(self._conninfo(make_url(url).database))
        started = time.perf_counter()
        for batch in batches:
            with connection.cursor() as cursor:
                for table, rows in batch.items():
                    marks = ",".join(["%s"] * len(rows[0]))
                    cursor.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)  # type: ignore[arg-type]
            connection.commit()
        elapsed = time.perf_counter() - started
        connection.close()
        return elapsed

    def cleanup(self) -> None:
        for name in reversed(self._created):
            self._admin_execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def run_posync(url: str, orders: Sequence[PurchaseOrder], batch: int) -> float:
    app = bootstrap(
        Settings(database_url=url), clock=ManualClock(datetime(2026, 11, 20, tzinfo=UTC))
    )
    started = time.perf_counter()
    for start in range(0, len(orders), batch):
        report = app.bus.handle(
            ImportPurchaseOrders(documents=orders[start : start + batch], actor="bench")
        )
        if report.failures:
            raise RuntimeError(f"bench orders failed to import: {report.failures[0]}")
    elapsed = time.perf_counter() - started
    app.close()
    return elapsed


def split_batches(
    rows: dict[str, list[tuple[Any, ...]]], orders: int, batch: int
) -> list[dict[str, list[tuple[Any, ...]]]]:
    """The rows of each batch of orders, table by table, as posync wrote them."""
    per_order = {table: len(table_rows) // orders for table, table_rows in rows.items()}
    batches = []
    for start in range(0, orders, batch):
        end = min(start + batch, orders)
        batches.append({t: rows[t][start * per_order[t] : end * per_order[t]] for t in TABLES})
    return batches


@dataclass
class Figures:
    backend: str
    posync: list[float]
    raw: list[float]


def measure(backend: Backend, orders: Sequence[PurchaseOrder], runs: int, batch: int) -> Figures:
    figures = Figures(backend.name, [], [])
    for run in range(runs):
        url = backend.fresh_url()
        elapsed = run_posync(url, orders, batch)
        figures.posync.append(len(orders) / elapsed)
        batches = split_batches(backend.read_rows(url), len(orders), batch)
        elapsed_raw = backend.raw_insert(backend.fresh_url(), batches)
        figures.raw.append(len(orders) / elapsed_raw)
        print(
            f"  {backend.name} run {run + 1}/{runs}: posync {figures.posync[-1]:,.0f}/s, "
            f"raw {figures.raw[-1]:,.0f}/s",
            flush=True,
        )
    return figures


def postgres_backend() -> PostgresBackend | None:
    url = os.environ.get("POSYNC_TEST_DATABASE_URL", DEFAULT_POSTGRES_URL)
    try:
        return PostgresBackend(url)
    except psycopg.OperationalError as error:
        print(f"PostgreSQL not reachable at {make_url(url).render_as_string()}: {error}")
        return None


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--lines", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args(argv)
    orders = make_orders(args.orders, args.lines)
    print(
        f"{args.orders} purchase orders of {args.lines} lines, batches of {args.batch}, "
        f"median of {args.runs} runs"
    )
    factories: list[Callable[[], Backend | None]] = [SqliteBackend, postgres_backend]
    results = []
    for factory in factories:
        backend = factory()
        if backend is None:
            continue
        try:
            results.append(measure(backend, orders, args.runs, args.batch))
        finally:
            backend.cleanup()
    print()
    print(f"{'database':<14} {'posync orders/s':>16} {'raw executemany orders/s':>25} {'ratio':>7}")
    for figures in results:
        posync, raw = statistics.median(figures.posync), statistics.median(figures.raw)
        print(f"{figures.backend:<14} {posync:>16,.0f} {raw:>25,.0f} {posync / raw:>7.2f}")


if __name__ == "__main__":
    main()
