"""Exchanges on SQL: one row per interchange sent, one per functional group it carried.

The exchange itself is kept as canonical JSON beside the columns lookups
need; ``version`` guards against two units of work answering the same
exchange at once.
"""

from __future__ import annotations

from sqlalchemy import Connection, Select, insert, select, update

from posync.codecs.canonical_json import JsonCodec
from posync.domain.errors import ConcurrentUpdate
from posync.domain.exchanges import OutboundExchange
from posync.store.tables import exchange_groups, exchanges


class SqlExchangeRepository:
    def __init__(self, connection: Connection, codec: JsonCodec[OutboundExchange]) -> None:
        self._connection = connection
        self._codec = codec
        self._versions: dict[str, int] = {}

    def add(self, exchange: OutboundExchange) -> None:
        self._connection.execute(insert(exchanges).values(**self._row(exchange), version=1))
        self._connection.execute(
            insert(exchange_groups),
            [
                {
                    "partner": exchange.partner,
                    "group_control_number": group,
                    "exchange_id": exchange.id,
                }
                for group in exchange.group_control_numbers
            ],
        )
        self._versions[exchange.id] = 1

    def save(self, exchange: OutboundExchange) -> None:
        version = self._versions.get(exchange.id)
        if version is None:
            raise ValueError(f"exchange {exchange.id} was not read in this unit of work")
        done = self._connection.execute(
            update(exchanges)
            .where(exchanges.c.id == exchange.id, exchanges.c.version == version)
            .values(**self._row(exchange), version=version + 1)
        )
        if done.rowcount != 1:
            raise ConcurrentUpdate(f"exchange {exchange.id} was changed by someone else meanwhile")
        self._versions[exchange.id] = version + 1

    def by_interchange(self, partner: str, control_number: str) -> OutboundExchange | None:
        return self._one(
            select(exchanges.c.document, exchanges.c.version).where(
                exchanges.c.partner == partner,
                exchanges.c.interchange_control_number == control_number,
            )
        )

    def by_group(self, partner: str, group_control_number: str) -> OutboundExchange | None:
        return self._one(
            select(exchanges.c.document, exchanges.c.version)
            .join(exchange_groups, exchange_groups.c.exchange_id == exchanges.c.id)
            .where(
                exchange_groups.c.partner == partner,
                exchange_groups.c.group_control_number == group_control_number,
            )
        )

    def _one(self, query: Select[tuple[str, int]]) -> OutboundExchange | None:
        row = self._connection.execute(query).first()
        if row is None:
            return None
        exchange = self._codec.loads(row.document)
        self._versions[exchange.id] = int(row.version)
        return exchange

    def _row(self, exchange: OutboundExchange) -> dict[str, object]:
        return {
            "id": exchange.id,
            "partner": exchange.partner,
            "standard": exchange.standard,
            "interchange_control_number": exchange.interchange_control_number,
            "state": exchange.state.value,
            "archive_sha256": exchange.archive_sha256,
            "created_at": exchange.created_at,
            "updated_at": exchange.updated_at,
            "document": self._codec.dumps(exchange),
        }
