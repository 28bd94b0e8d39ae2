"""What every format adapter speaks, whatever its standard: results, findings, targets.

A ``DocumentFormat`` turns bytes into ``Decoded`` results (one per transaction
set, message, cXML document, JSON document or group of CSV rows), checks
bytes (``validate``: the same results and the ``Answer`` the standard would
send back: a 997, a CONTRL, a cXML Response), and writes canonical documents
for an ``EncodeTarget``. Standards keep their own codes and coordinates in
``Finding.code`` and ``Finding.location``; the CLI and services need not know
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from posync.domain.documents import (
    FunctionalAcknowledgement,
    GoodsReceipt,
    Invoice,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ShipNotice,
)
from posync.domain.errors import Problem


class Standard(StrEnum):
    X12 = "x12"
    EDIFACT = "edifact"
    CXML = "cxml"
    CSV = "csv"
    JSON = "json"


class DocumentKind(StrEnum):
    """The canonical documents, by the names people use on the command line."""

    PURCHASE_ORDER = "purchase-order"
    CHANGE = "change"
    ACKNOWLEDGEMENT = "acknowledgement"
    SHIP_NOTICE = "ship-notice"
    INVOICE = "invoice"
    FUNCTIONAL_ACKNOWLEDGEMENT = "functional-acknowledgement"
    GOODS_RECEIPT = "goods-receipt"

    @property
    def document_type(self) -> type:
        return _DOCUMENT_TYPES[self]


_DOCUMENT_TYPES: Mapping[DocumentKind, type] = {
    DocumentKind.PURCHASE_ORDER: PurchaseOrder,
    DocumentKind.CHANGE: PurchaseOrderChange,
    DocumentKind.ACKNOWLEDGEMENT: PurchaseOrderAcknowledgement,
    DocumentKind.SHIP_NOTICE: ShipNotice,
    DocumentKind.INVOICE: Invoice,
    DocumentKind.FUNCTIONAL_ACKNOWLEDGEMENT: FunctionalAcknowledgement,
    DocumentKind.GOODS_RECEIPT: GoodsReceipt,
}


class Severity(StrEnum):
    """``error`` rejects what it is found in; ``warning`` accepts it with the error noted."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One thing a standard's check found: how bad, the standard's own code, what, where.

    ``where`` says where for people (``SE at segment 5``, ``row 3, column
    unit_price``); ``location`` holds the standard's coordinates by name: ``segment``,
    ``segment_position`` and ``element_position`` for X12 and EDIFACT,
    ``row`` and ``column`` for CSV, ``field`` for a canonical document rule.
    """

    severity: Severity
    code: str
    message: str
    where: str = ""
    location: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"{self.severity.value}: {where}{self.message}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Decoded:
    """One unit of a decoded input and its canonical document, if it could be read.

    ``label`` names the unit for people (``850 0001``, ``ORDERS 17``, ``rows
    2-4``, ``#0``); ``reference`` names it for programs, in the standard's own
    terms (``{"set": "850", "control_number": "0001"}``). ``problems`` are the
    reasons a unit that passed the standard's checks could still not be read
    as a canonical document.
    """

    standard: Standard
    label: str
    document: object | None
    accepted: bool
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()
    reference: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """What the standard would send back for what was read: a 997, TA1, CONTRL, Response."""

    label: str
    text: str
    findings: tuple[Finding, ...] = ()
    rejected: bool = False


Checked = Decoded | Answer


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read input that does not say it itself.

    ``kind`` is the document a canonical JSON document is (by default told
    from its fields); ``decimal_comma`` and ``delimiter`` are for CSV.
    """

    kind: DocumentKind | None = None
    decimal_comma: bool = False
    delimiter: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PartyIdentity:
    """A trading partner's identifier in an envelope, with its qualifier when it has one.

    X12 ISA05/ISA07 (``ZZ:ACME``), EDIFACT UNB sender/recipient with the
    partner identification code qualifier (``14:4012345000009``), cXML
    Credential domain and identity (``DUNS:123456789``).
    """

    identifier: str
    qualifier: str | None = None

    @classmethod
    def parse(cls, text: str) -> PartyIdentity:
        """``QUALIFIER:ID`` or a bare ``ID``."""
        qualifier, colon, identifier = text.partition(":")
        return cls(identifier=identifier, qualifier=qualifier) if colon else cls(identifier=text)

    def __str__(self) -> str:
        return f"{self.qualifier}:{self.identifier}" if self.qualifier else self.identifier


@dataclass(frozen=True, slots=True, kw_only=True)
class EncodeTarget:
    """Whom and how to write for. Each format uses what its standard has, refuses the rest.

    ``version`` is the standard's version (X12 ``004010``, EDIFACT ``D96A``,
    cXML ``1.2.069``); ``syntax`` the EDIFACT syntax identifier (``UNOC``);
    ``decimal_comma`` and ``delimiter`` are for CSV.
    """

    sender: PartyIdentity | None = None
    receiver: PartyIdentity | None = None
    version: str | None = None
    syntax: str | None = None
    decimal_comma: bool = False
    delimiter: str | None = None

    def unused(self, used: Iterable[str], standard: Standard) -> list[Problem]:
        """A problem for each target setting given that ``standard`` has no use for."""
        settings = {
            "sender": self.sender is not None,
            "receiver": self.receiver is not None,
            "version": self.version is not None,
            "syntax": self.syntax is not None,
            "decimal_comma": self.decimal_comma,
            "delimiter": self.delimiter is not None,
        }
        kept = set(used)
        return [
            Problem(name, f"does not apply to {standard.value}")
            for name, given in settings.items()
            if given and name not in kept
        ]


class ControlNumberSource(Protocol):
    """Control numbers never handed out before, for one partner: the store's, in services."""

    def reserve(self, kind: str, count: int = 1) -> list[int]:
        """``count`` new numbers of ``kind`` (``interchange``, ``group``, ``set``), ascending."""
        ...


class DocumentFormat(Protocol):
    """What each standard's adapter offers; the registry holds one per ``Standard``."""

    @property
    def standard(self) -> Standard: ...

    @property
    def media_type(self) -> str: ...

    @property
    def numbered(self) -> bool:
        """Whether written envelopes carry control numbers that must be drawn from the store."""
        ...

    def decode(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Decoded]:
        """Each unit of the input with its document; ``DecodeError`` if it cannot be read."""
        ...

    def validate(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Checked]:
        """Each unit with every finding, and each answer the standard would send back."""
        ...

    def target_problems(self, target: EncodeTarget) -> list[Problem]:
        """What is missing from or wrong in ``target`` for this standard; [] when fine."""
        ...

    def encode(
        self,
        documents: Sequence[object],
        target: EncodeTarget,
        *,
        numbers: ControlNumberSource | None,
        at: datetime,
    ) -> bytes:
        """The documents written for ``target``; ``EncodeError`` when they cannot be.

        ``numbers`` is required when ``numbered``; ``at`` is the envelope's time.
        """
        ...
