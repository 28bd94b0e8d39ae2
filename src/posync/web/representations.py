"""The JSON the API speaks: documents in canonical JSON, and the views around them.

Money and quantities are strings (``"1250.00"``), times ISO 8601 in UTC, and
a purchase order is exactly its canonical JSON (``posync.codecs.canonical_json``),
so what a client reads it can send back.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from posync.codecs.canonical_json import JsonCodec, Schema
from posync.domain.documents.purchase_order import PurchaseOrder
from posync.domain.revisions import OrderDiff, Revision
from posync.services.queries import PurchaseOrderSummary, PurchaseOrderView, TimelineEntry

JsonObject = dict[str, Any]


class Representations:
    """The API's codecs, compiled once per app, and the JSON built with them."""

    def __init__(self) -> None:
        self.purchase_order = JsonCodec(PurchaseOrder)
        self.order_diff = JsonCodec(OrderDiff)

    def document_schemas(self, ref_prefix: str) -> dict[str, Schema]:
        """JSON Schema definitions of every document type the API reads or writes."""
        _, orders = self.purchase_order.json_schema(ref_prefix)
        _, diffs = self.order_diff.json_schema(ref_prefix)
        return orders | diffs

    def order(self, view: PurchaseOrderView) -> JsonObject:
        document = view.document
        return {
            "number": document.number,
            "revision": document.revision,
            "status": view.status.value,
            "created_at": _moment(view.created_at),
            "updated_at": _moment(view.updated_at),
            "total_amount": _decimal(document.total_amount),
            "document": self.purchase_order.encode(document),
        }

    def summary(self, summary: PurchaseOrderSummary) -> JsonObject:
        return {
            "number": summary.number,
            "revision": summary.revision,
            "status": summary.status.value,
            "supplier": summary.supplier,
            "currency": summary.currency,
            "total_amount": _decimal(summary.total_amount),
            "line_count": summary.line_count,
            "updated_at": _moment(summary.updated_at),
        }

    def revision(self, revision: Revision, *, with_document: bool = False) -> JsonObject:
        shown: JsonObject = {
            "revision": revision.number,
            "created_at": _moment(revision.created_at),
            "actor": revision.actor,
            "reason": revision.reason,
            "diff": self.order_diff.encode(revision.diff),
        }
        if with_document:
            shown["document"] = self.purchase_order.encode(revision.document)
        return shown

    def timeline_entry(self, entry: TimelineEntry) -> JsonObject:
        return {
            "sequence": entry.sequence,
            "event_type": entry.event_type,
            "recorded_at": _moment(entry.recorded_at),
            "event": json.loads(entry.payload),
        }


def _decimal(value: Decimal) -> str:
    return format(value, "f")


def _moment(value: datetime) -> str:
    return value.isoformat()
