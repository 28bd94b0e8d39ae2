"""Canonical documents: one model for every format posync speaks.

X12, EDIFACT, cXML, CSV and JSON all decode into these classes and encode
from them, so that matching, exceptions and ERP write-back never see a
format. Each document lists its own problems (``problems()``) with the path
of the wrong field, and ``validate()`` raises them together.
"""

from posync.domain.documents.acknowledgement import (
    AcknowledgedLine,
    AcknowledgementStatus,
    LineStatus,
    PurchaseOrderAcknowledgement,
)
from posync.domain.documents.change import (
    ChangedLine,
    ChangePurpose,
    LineChangeType,
    PurchaseOrderChange,
)
from posync.domain.documents.functional_acknowledgement import (
    AcknowledgedLevel,
    AcknowledgedSet,
    FunctionalAcknowledgement,
    FunctionalAckStatus,
    SyntaxFinding,
)
from posync.domain.documents.goods_receipt import GoodsReceipt, ReceivedLine
from posync.domain.documents.invoice import (
    Charge,
    ChargeKind,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    TaxAmount,
)
from posync.domain.documents.purchase_order import (
    AccountAssignment,
    OrderKind,
    PurchaseOrder,
    PurchaseOrderLine,
    SalesOrderLineReference,
    ScheduleLine,
)
from posync.domain.documents.ship_notice import Lot, Pack, ShipNotice, ShippedLine

__all__ = [
    "AccountAssignment",
    "AcknowledgedLevel",
    "AcknowledgedLine",
    "AcknowledgedSet",
    "AcknowledgementStatus",
    "ChangePurpose",
    "ChangedLine",
    "Charge",
    "ChargeKind",
    "FunctionalAckStatus",
    "FunctionalAcknowledgement",
    "GoodsReceipt",
    "Invoice",
    "InvoiceKind",
    "InvoiceLine",
    "LineChangeType",
    "LineStatus",
    "Lot",
    "OrderKind",
    "Pack",
    "PurchaseOrder",
    "PurchaseOrderAcknowledgement",
    "PurchaseOrderChange",
    "PurchaseOrderLine",
    "ReceivedLine",
    "SalesOrderLineReference",
    "ScheduleLine",
    "ShipNotice",
    "ShippedLine",
    "SyntaxFinding",
    "TaxAmount",
]
