"""Which mapping turns which transaction set into which canonical document, and back.

``MAPPERS`` is keyed by transaction set code (ST01); ``set_code_for`` goes the
other way, from a document to the set that carries it: a purchase order is an
850, a change an 860, an acknowledgement an 855 (an 865 when it answers a
change, ``change_number`` set), a ship notice an 856, an invoice an 810.
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypeVar

from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.x12.mapping.acknowledgement import AcknowledgementMapper
from posync.codecs.x12.mapping.change import ChangeMapper
from posync.codecs.x12.mapping.change_acknowledgement import ChangeAcknowledgementMapper
from posync.codecs.x12.mapping.common import EncodeOptions
from posync.codecs.x12.mapping.invoice import InvoiceMapper
from posync.codecs.x12.mapping.purchase_order import PurchaseOrderMapper
from posync.codecs.x12.mapping.ship_notice import ShipNoticeMapper
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import (
    Invoice,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ShipNotice,
)
from posync.domain.errors import Problem

Document = TypeVar("Document")


class SetMapper(Protocol[Document]):
    """Maps one transaction set to its canonical document and back."""

    @property
    def transaction_set(self) -> str:
        """The set's code, ST01 (``850``)."""

    @property
    def functional_group(self) -> str:
        """The GS01 code of the group that carries the set (``PO``)."""

    @property
    def document_type(self) -> type[Document]:
        """The canonical document the set maps to."""

    def decode(self, segments: Sequence[Segment], delimiters: Delimiters) -> Document:
        """The document that the set's segments (without ST and SE) say."""

    def encode(self, document: Document, options: EncodeOptions) -> list[list[str]]:
        """The set's segments, each ``[tag, element1, ...]``, without ST and SE."""


MAPPERS: Mapping[str, SetMapper[Any]] = types.MappingProxyType(
    {
        "850": PurchaseOrderMapper(),
        "855": AcknowledgementMapper(),
        "856": ShipNoticeMapper(),
        "860": ChangeMapper(),
        "865": ChangeAcknowledgementMapper(),
        "810": InvoiceMapper(),
    }
)

_SETS_BY_DOCUMENT: Mapping[type, str] = types.MappingProxyType(
    {
        PurchaseOrder: "850",
        PurchaseOrderChange: "860",
        ShipNotice: "856",
        Invoice: "810",
    }
)


def set_code_for(document: object) -> str:
    """The transaction set that carries ``document``; ``EncodeError`` when X12 has none."""
    if isinstance(document, PurchaseOrderAcknowledgement):
        return "855" if document.change_number is None else "865"
    code = _SETS_BY_DOCUMENT.get(type(document))
    if code is None:
        name = type(document).__name__
        raise EncodeError(name, [Problem("", f"no X12 transaction set carries a {name}")])
    return code


def mapper_for(code: str) -> SetMapper[Any]:
    """The mapper of transaction set ``code``; ``DecodeError`` when posync maps no such set."""
    mapper = MAPPERS.get(code)
    if mapper is None:
        known = ", ".join(sorted(MAPPERS))
        raise DecodeError(
            f"X12 {code}", [Problem("ST01", f"must be a set posync maps ({known}), got {code!r}")]
        )
    return mapper


def encode(document: object, options: EncodeOptions) -> tuple[str, list[list[str]]]:
    """The set code and the segments for ``document``."""
    code = set_code_for(document)
    return code, MAPPERS[code].encode(document, options)


def decode(code: str, segments: Sequence[Segment], delimiters: Delimiters) -> object:
    """The canonical document of a set ``code`` made of ``segments``."""
    document: object = mapper_for(code).decode(segments, delimiters)
    return document
