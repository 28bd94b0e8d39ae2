"""The purchase-order repository: aggregates to rows and back.

New orders are written with one multi-row insert per table; changed orders
with an optimistic ``version`` check, so two writers never overwrite each
other silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, select, update

from posync.domain.aggregate import PurchaseOrderAggregate
from posync.domain.documents.purchase_order import PurchaseOrder
from posync.domain.errors import ConcurrentUpdate
from posync.domain.lifecycle import OrderStatus
from posync.store.bulk import BulkInserts
from posync.store.serialization import StoreCodecs
from posync.store.tables import purchase_order_lines, purchase_orders

_HEADER = purchase_orders.c
_IN_CHUNK = 500


class SqlPurchaseOrderRepository:
    def __init__(self, connection: Connection, codecs: StoreCodecs, bulk: BulkInserts) -> None:
        self._connection = connection
        self._codecs = codecs
        self._bulk = bulk
        self._seen: dict[str, PurchaseOrderAggregate] = {}
        self._added: set[str] = set()

    @property
    def seen(self) -> Sequence[PurchaseOrderAggregate]:
        return list(self._seen.values())

    def add(self, order: PurchaseOrderAggregate) -> None:
        self._seen[order.number] = order
        self._added.add(order.number)

    def get(self, number: str) -> PurchaseOrderAggregate | None:
        if number in self._seen:
            return self._seen[number]
        row = self._connection.execute(
            select(
                _HEADER.document,
                _HEADER.status,
                _HEADER.created_at,
                _HEADER.updated_at,
                _HEADER.version,
            ).where(_HEADER.number == number)
        ).one_or_none()
        if row is None:
            return None
        order = PurchaseOrderAggregate(
            document=self._codecs.purchase_order.loads(row.document),
            status=OrderStatus(row.status),
            created_at=row.created_at,
            updated_at=row.updated_at,
            version=row.version,
        )
        self._seen[number] = order
        return order

    def numbers_present(self, numbers: Sequence[str]) -> set[str]:
        present = {number for number in numbers if number in self._seen}
        wanted = sorted(set(numbers) - present)
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            present.update(
                self._connection.scalars(select(_HEADER.number).where(_HEADER.number.in_(chunk)))
            )
        return present

    def write(self) -> None:
        """Write what changed in every seen order; the unit of work commits."""
        headers: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        revisions: list[dict[str, Any]] = []
        for order in self._seen.values():
            if not order.events and not order.new_revisions:
                continue
            document_json = None
            for revision in order.new_revisions:
                document_json = self._codecs.purchase_order.dumps(revision.document)
                revisions.append(
                    {
                        "purchase_order_number": order.number,
                        "revision": revision.number,
                        "document": document_json,
                        "diff": self._codecs.diff.dumps(revision.diff),
                        "created_at": revision.created_at,
                        "actor": revision.actor,
                        "reason": revision.reason,
                    }
                )
            if document_json is None:
                document_json = self._codecs.purchase_order.dumps(order.document)
            if order.number in self._added:
                headers.append(_header_row(order, document_json, version=1))
                lines.extend(_line_rows(order.document))
                order.version = 1
                continue
            self._update(order, document_json, revised=bool(order.new_revisions))
            if order.new_revisions:
                lines.extend(_line_rows(order.document))
        self._bulk.purchase_orders.execute(self._connection, headers)
        self._bulk.purchase_order_lines.execute(self._connection, lines)
        self._bulk.purchase_order_revisions.execute(self._connection, revisions)
        self._added.clear()

    def _update(self, order: PurchaseOrderAggregate, document_json: str, *, revised: bool) -> None:
        row = _header_row(order, document_json, version=order.version + 1)
        del row["number"], row["created_at"]
        result = self._connection.execute(
            update(purchase_orders)
            .where(_HEADER.number == order.number, _HEADER.version == order.version)
            .values(**row)
        )
        if result.rowcount != 1:
            raise ConcurrentUpdate(
                f"purchase order {order.number} was changed by someone else meanwhile; "
                "reload it and try again"
            )
        order.version += 1
        if revised:
            self._connection.execute(
                delete(purchase_order_lines).where(
                    purchase_order_lines.c.purchase_order_number == order.number
                )
            )


def _header_row(
    order: PurchaseOrderAggregate, document_json: str, *, version: int
) -> dict[str, Any]:
    document = order.document
    return {
        "number": document.number,
        "revision": document.revision,
        "status": order.status.value,
        "kind": document.kind.value,
        "order_date": document.order_date,
        "buyer_name": document.buyer.name,
        "supplier_name": document.supplier.name,
        "currency": document.currency,
        "total_amount": document.total_amount,
        "line_count": len(document.lines),
        "document": document_json,
        "created_at": order.created_at,
        "updated_at": order.updated_at,
        "version": version,
    }


def _line_rows(document: PurchaseOrder) -> list[dict[str, Any]]:
    return [
        {
            "purchase_order_number": document.number,
            "line_number": line.line_number,
            "buyer_item": line.buyer_item,
            "supplier_item": line.supplier_item,
            "gtin": line.gtin,
            "description": line.description,
            "quantity": line.quantity,
            "unit_of_measure": line.unit_of_measure,
            "unit_price": line.unit_price,
            "requested_delivery_date": line.requested_delivery_date,
        }
        for line in document.lines
    ]
