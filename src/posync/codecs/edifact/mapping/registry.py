"""Which mapping turns which EDIFACT message into which canonical document, and back.

``MAPPERS`` is keyed by message type (UNH S009 0065); ``message_type_for``
goes the other way, from a document to the message that carries it: a
purchase order is an ORDERS, a change an ORDCHG, an acknowledgement an ORDRSP
(of an order or, with ``change_number`` set, of a change), a ship notice a
DESADV, an invoice an INVOIC.
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypeVar

from posync.codecs.edifact.mapping.acknowledgement import AcknowledgementMapper
from posync.codecs.edifact.mapping.change import ChangeMapper
from posync.codecs.edifact.mapping.invoice import InvoiceMapper
from posync.codecs.edifact.mapping.purchase_order import PurchaseOrderMapper
from posync.codecs.edifact.mapping.ship_notice import ShipNoticeMapper
from posync.codecs.edifact.segments import Segment
from posync.codecs.errors import DecodeError, EncodeError
from posync.domain.documents import (
    Invoice,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ShipNotice,
)
from posync.domain.errors import Problem

Document = TypeVar("Document")


class MessageMapper(Protocol[Document]):
    """Maps one message type to its canonical document and back."""

    @property
    def message_type(self) -> str:
        """The message type, UNH S009 0065 (``ORDERS``)."""

    @property
    def document_type(self) -> type[Document]:
        """The canonical document the message maps to."""

    def decode(self, segments: Sequence[Segment], decimal_mark: str = ".") -> Document:
        """The document the message's segments (without UNH and UNT) say."""

    def encode(self, document: Document) -> list[Segment]:
        """The message's segments, without UNH and UNT."""


MAPPERS: Mapping[str, MessageMapper[Any]] = types.MappingProxyType(
    {
        "ORDERS": PurchaseOrderMapper(),
        "ORDCHG": ChangeMapper(),
        "ORDRSP": AcknowledgementMapper(),
        "DESADV": ShipNoticeMapper(),
        "INVOIC": InvoiceMapper(),
    }
)

_MESSAGES_BY_DOCUMENT: Mapping[type, str] = types.MappingProxyType(
    {
        PurchaseOrder: "ORDERS",
        PurchaseOrderChange: "ORDCHG",
        PurchaseOrderAcknowledgement: "ORDRSP",
        ShipNotice: "DESADV",
        Invoice: "INVOIC",
    }
)


def message_type_for(document: object) -> str:
    """The message that carries ``document``; ``EncodeError`` when EDIFACT has none here."""
    code = _MESSAGES_BY_DOCUMENT.get(type(document))
    if code is None:
        name = type(document).__name__
        raise EncodeError(name, [Problem("", f"no EDIFACT message posync maps carries a {name}")])
    return code


def mapper_for(message_type: str) -> MessageMapper[Any]:
    """The mapper of ``message_type``; ``DecodeError`` when posync maps no such message."""
    mapper = MAPPERS.get(message_type)
    if mapper is None:
        known = ", ".join(sorted(MAPPERS))
        raise DecodeError(
            f"EDIFACT {message_type}",
            [
                Problem(
                    "UNH.S009.0065",
                    f"must be a message posync maps ({known}), got {message_type!r}",
                )
            ],
        )
    return mapper


def encode(document: object) -> tuple[str, list[Segment]]:
    """The message type and the segments for ``document``."""
    code = message_type_for(document)
    return code, MAPPERS[code].encode(document)


def decode(message_type: str, segments: Sequence[Segment], decimal_mark: str = ".") -> object:
    """The canonical document of a ``message_type`` message made of ``segments``."""
    document: object = mapper_for(message_type).decode(segments, decimal_mark)
    return document
