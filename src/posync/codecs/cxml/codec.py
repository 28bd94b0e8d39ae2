"""The cXML codec as posync uses it: bytes in, a canonical document out; and back.

``CxmlCodec.decode`` reads one cXML document safely (``safe_xml``), its
envelope, and maps its request to a canonical document (``DecodedCxml``), or
reads a Response (``CxmlResponse``). Anything wrong raises a ``DecodeError``
(an ``UnreadableXml`` when the bytes are not safe, well-formed XML) whose
problems name the element or attribute, and ``CxmlStatus.refusing`` turns it
into the Status to answer with. ``CxmlCodec.encode`` writes a canonical
document as the request that carries it, in the envelope given, with the
DOCTYPE of its DTD; ``CxmlCodec.response`` writes a Response.

Which request carries which document (``MAPPERS``, keyed by the request's
element): a ``PurchaseOrder`` or a ``PurchaseOrderChange`` an OrderRequest,
a ``PurchaseOrderAcknowledgement`` a ConfirmationRequest, a ``ShipNotice`` a
ShipNoticeRequest, an ``Invoice`` an InvoiceDetailRequest.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from lxml import etree

from posync.codecs.cxml.common import EncodeContext, Mapped
from posync.codecs.cxml.confirmation import ConfirmationMapper
from posync.codecs.cxml.envelope import (
    CxmlEnvelope,
    RootRead,
    doctype,
    read_envelope,
    read_root,
    system_id,
    write_envelope,
)
from posync.codecs.cxml.invoice import InvoiceMapper
from posync.codecs.cxml.order_request import OrderRequestMapper
from posync.codecs.cxml.reading import Node, Reader
from posync.codecs.cxml.response import CxmlResponse, CxmlStatus, read_response, write_response
from posync.codecs.cxml.safe_xml import DEFAULT_MAX_BYTES, parse
from posync.codecs.cxml.ship_notice import ShipNoticeMapper
from posync.codecs.cxml.writing import Writer
from posync.codecs.errors import EncodeError
from posync.domain.documents import (
    Invoice,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ShipNotice,
)
from posync.domain.errors import Problem


class CxmlKind(StrEnum):
    """What a cXML document is: one of the requests posync maps, or a Response."""

    ORDER_REQUEST = "OrderRequest"
    CONFIRMATION_REQUEST = "ConfirmationRequest"
    SHIP_NOTICE_REQUEST = "ShipNoticeRequest"
    INVOICE_DETAIL_REQUEST = "InvoiceDetailRequest"
    RESPONSE = "Response"


class RequestMapper(Protocol):
    """Maps one cXML request element to its canonical document and back."""

    @property
    def request(self) -> str:
        """The request's element name (``OrderRequest``)."""

    @property
    def dtd(self) -> str:
        """The DTD the request validates against (``cXML.dtd``)."""

    def encode(
        self, document: object, writer: Writer, parent: etree._Element, context: EncodeContext
    ) -> None:
        """Add the request element for ``document`` to ``parent`` (the ``Request``)."""

    def decode(self, node: Node, envelope: CxmlEnvelope) -> Mapped:
        """The document the request element ``node`` says."""


MAPPERS: Mapping[str, RequestMapper] = types.MappingProxyType(
    {
        CxmlKind.ORDER_REQUEST.value: OrderRequestMapper(),
        CxmlKind.CONFIRMATION_REQUEST.value: ConfirmationMapper(),
        CxmlKind.SHIP_NOTICE_REQUEST.value: ShipNoticeMapper(),
        CxmlKind.INVOICE_DETAIL_REQUEST.value: InvoiceMapper(),
    }
)
_REQUESTS_BY_DOCUMENT: Mapping[type, CxmlKind] = types.MappingProxyType(
    {
        PurchaseOrder: CxmlKind.ORDER_REQUEST,
        PurchaseOrderChange: CxmlKind.ORDER_REQUEST,
        PurchaseOrderAcknowledgement: CxmlKind.CONFIRMATION_REQUEST,
        ShipNotice: CxmlKind.SHIP_NOTICE_REQUEST,
        Invoice: CxmlKind.INVOICE_DETAIL_REQUEST,
    }
)


def kind_for(document: object) -> CxmlKind:
    """The request that carries ``document``; ``EncodeError`` when cXML has none."""
    kind = _REQUESTS_BY_DOCUMENT.get(type(document))
    if kind is None:
        name = type(document).__name__
        raise EncodeError(name, [Problem("", f"no cXML request posync writes carries a {name}")])
    return kind


def dtd_for(kind: CxmlKind) -> str:
    """The DTD file a document of ``kind`` names in its DOCTYPE and validates against."""
    return "cXML.dtd" if kind is CxmlKind.RESPONSE else MAPPERS[kind.value].dtd


@dataclass(frozen=True, slots=True, kw_only=True)
class DecodedCxml:
    """One cXML document as read.

    ``document`` is the canonical document of a request (a ``CxmlResponse`` for
    a Response); ``order`` the purchase order an OrderRequest states (for an
    update or delete, the order as restated; ``document`` is then the
    ``PurchaseOrderChange``); ``order_payload_ids`` the payloadIDs of the
    OrderRequests the document cites, by order number. ``problems`` are what
    was noted without refusing the document (a DOCTYPE naming another DTD).
    """

    kind: CxmlKind
    payload_id: str
    timestamp: datetime
    document: object
    envelope: CxmlEnvelope | None = None
    order: PurchaseOrder | None = None
    order_payload_ids: Mapping[str, str] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


class CxmlCodec:
    """Reads and writes cXML 1.2 documents; ``max_bytes`` bounds what one input may weigh."""

    def __init__(self, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes

    def decode(self, data: bytes) -> DecodedCxml:
        """The document in ``data``; ``DecodeError`` naming what is wrong when there is none."""
        root = Node(parse(data, max_bytes=self.max_bytes), "cXML")
        reader = Reader("cXML")
        read = read_root(reader, root)
        if root.child("Response") is not None:
            response = read_response(reader, root, read.payload_id, read.timestamp)
            return self._decoded(CxmlKind.RESPONSE, read, response, root)
        envelope = read_envelope(reader, root, read)
        request = reader.required(root, "Request", "the Request (or a Response)")
        reader.finish()
        assert request is not None  # finish() raised otherwise
        elements = list(request)
        if not elements:
            reader.refuse(f"{request.path}", "must hold one request, got none")
        element = elements[0]
        mapper = MAPPERS.get(element.name)
        if mapper is None:
            known = ", ".join(MAPPERS)
            reader.refuse(
                element.path, f"must be a request posync maps ({known}), got <{element.name}>"
            )
        mapped = mapper.decode(element, envelope)
        return DecodedCxml(
            kind=CxmlKind(element.name),
            payload_id=read.payload_id,
            timestamp=read.timestamp,
            document=mapped.document,
            envelope=envelope,
            order=mapped.order,
            order_payload_ids=types.MappingProxyType(dict(mapped.order_payload_ids)),
            problems=_doctype_notes(root, mapper.dtd),
        )

    def encode(
        self,
        document: object,
        *,
        envelope: CxmlEnvelope,
        order: PurchaseOrder | None = None,
        order_payload_ids: Mapping[str, str] | None = None,
    ) -> bytes:
        """``document`` as the cXML request that carries it; ``EncodeError`` when it cannot be.

        ``order`` is the purchase order a change restates or an acknowledgement's
        lines answer; ``order_payload_ids`` the payloadIDs of the OrderRequests
        that confirmations, ship notices and invoices refer to, by order number.
        """
        kind = kind_for(document)
        mapper = MAPPERS[kind.value]
        writer = Writer(type(document).__name__)
        root, request = write_envelope(writer, envelope)
        context = EncodeContext(order=order, order_payload_ids=dict(order_payload_ids or {}))
        mapper.encode(document, writer, request, context)
        writer.finish()
        return etree.tostring(
            root,
            xml_declaration=True,
            encoding="UTF-8",
            doctype=doctype(envelope.version, mapper.dtd),
        )

    def response(self, status: CxmlStatus, *, payload_id: str, timestamp: datetime) -> bytes:
        """A Response giving ``status``, itself identified by ``payload_id`` and ``timestamp``."""
        return write_response(status, payload_id=payload_id, timestamp=timestamp)

    def _decoded(
        self, kind: CxmlKind, read: RootRead, response: CxmlResponse, root: Node
    ) -> DecodedCxml:
        return DecodedCxml(
            kind=kind,
            payload_id=read.payload_id,
            timestamp=read.timestamp,
            document=response,
            problems=_doctype_notes(root, "cXML.dtd"),
        )


def _doctype_notes(root: Node, dtd: str) -> tuple[Problem, ...]:
    info: Any = root.element.getroottree().docinfo  # the stubs lack system_url
    named = info.system_url
    if named is None:
        return ()
    url = str(named)
    if url.rsplit("/", 1)[-1] != dtd:
        expected = system_id("1.2.0xx", dtd)
        return (Problem("DOCTYPE", f"names {url!r}; a {dtd} document names {expected!r}"),)
    return ()
