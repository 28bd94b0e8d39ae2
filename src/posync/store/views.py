"""The read side on SQL: views of purchase orders straight from the tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, Select, func, select

from posync.domain.lifecycle import OrderStatus
from posync.domain.revisions import Revision
from posync.services.queries import (
    PurchaseOrderFilter,
    PurchaseOrderSummary,
    PurchaseOrderView,
    TimelineEntry,
)
from posync.store.serialization import StoreCodecs
from posync.store.tables import audit_log, purchase_order_revisions, purchase_orders

_HEADER = purchase_orders.c
_REVISION = purchase_order_revisions.c


class SqlQueries:
    def __init__(self, engine: Engine, codecs: StoreCodecs) -> None:
        self._engine = engine
        self._codecs = codecs

    def get(self, number: str) -> PurchaseOrderView | None:
        with self._engine.connect() as connection:
            row = connection.execute(
                select(
                    _HEADER.document, _HEADER.status, _HEADER.created_at, _HEADER.updated_at
                ).where(_HEADER.number == number)
            ).one_or_none()
        if row is None:
            return None
        return PurchaseOrderView(
            document=self._codecs.purchase_order.loads(row.document),
            status=OrderStatus(row.status),
            created_at=row.created_at,
            updated_at=row.updated_at,
        )

    def search(self, query: PurchaseOrderFilter) -> Sequence[PurchaseOrderSummary]:
        statement = _filtered(
            select(
                _HEADER.number,
                _HEADER.revision,
                _HEADER.status,
                _HEADER.supplier_name,
                _HEADER.currency,
                _HEADER.total_amount,
                _HEADER.line_count,
                _HEADER.updated_at,
            ),
            query,
        )
        statement = (
            statement.order_by(_HEADER.updated_at.desc(), _HEADER.number.desc())
            .limit(query.limit)
            .offset(query.offset)
        )
        with self._engine.connect() as connection:
            rows = connection.execute(statement).all()
        return [
            PurchaseOrderSummary(
                number=row.number,
                revision=row.revision,
                status=OrderStatus(row.status),
                supplier=row.supplier_name,
                currency=row.currency,
                total_amount=row.total_amount,
                line_count=row.line_count,
                updated_at=row.updated_at,
            )
            for row in rows
        ]

    def count(self, query: PurchaseOrderFilter) -> int:
        with self._engine.connect() as connection:
            total = connection.scalar(_filtered(select(func.count()), query))
        return int(total or 0)

    def revisions(self, number: str) -> Sequence[Revision]:
        with self._engine.connect() as connection:
            rows = connection.execute(
                select(purchase_order_revisions)
                .where(_REVISION.purchase_order_number == number)
                .order_by(_REVISION.revision)
            ).all()
        return [
            Revision(
                number=row.revision,
                document=self._codecs.purchase_order.loads(row.document),
                diff=self._codecs.diff.loads(row.diff),
                created_at=row.created_at,
                actor=row.actor,
                reason=row.reason,
            )
            for row in rows
        ]

    def timeline(self, number: str) -> Sequence[TimelineEntry]:
        with self._engine.connect() as connection:
            rows = connection.execute(
                select(
                    audit_log.c.sequence,
                    audit_log.c.event_type,
                    audit_log.c.recorded_at,
                    audit_log.c.payload,
                )
                .where(audit_log.c.stream == number)
                .order_by(audit_log.c.sequence)
            ).all()
        return [
            TimelineEntry(
                sequence=row.sequence,
                event_type=row.event_type,
                recorded_at=row.recorded_at,
                payload=row.payload,
            )
            for row in rows
        ]


def _filtered(statement: Select[Any], query: PurchaseOrderFilter) -> Select[Any]:
    statement = statement.select_from(purchase_orders)
    if query.status is not None:
        statement = statement.where(_HEADER.status == query.status.value)
    if query.supplier is not None:
        statement = statement.where(_HEADER.supplier_name == query.supplier)
    return statement
