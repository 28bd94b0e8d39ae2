"""The EDIFACT codec as posync uses it: bytes in, canonical documents and CONTRL out; and back.

``EdifactCodec.read`` walks any number of interchanges with bounded memory
and yields each message as a ``DecodedMessage`` (its envelope, its findings
and, unless it was rejected or could not be mapped, its canonical document;
a partner's CONTRL becomes a ``FunctionalAcknowledgement``), each functional
group's closing, and each interchange's closing with the body of the CONTRL
that answers it (none for an interchange of CONTRL messages only: a CONTRL is
never answered). Header problems are known when a message is read, trailer
problems only when its interchange closes: a caller stages what it decoded
until ``InterchangeAnswered`` says the interchange stands.

``EdifactCodec.write`` maps canonical documents to D.96A messages and wraps
them in the partner's interchange; ``EdifactCodec.answer`` writes the CONTRL
for an interchange read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from posync.codecs.edifact.contrl import contrl_identifier, read_syntax_report, syntax_report
from posync.codecs.edifact.envelope import read_interchanges
from posync.codecs.edifact.envelope_events import (
    GroupClosed,
    InterchangeClosed,
    MessageIdentifier,
    MessageRead,
    Party,
)
from posync.codecs.edifact.envelope_writer import OutboundMessage, write_interchange
from posync.codecs.edifact.findings import Finding, Severity
from posync.codecs.edifact.mapping import registry
from posync.codecs.edifact.segments import Segment
from posync.codecs.edifact.syntax import ServiceCharacters
from posync.codecs.edifact.validation import DirectoryValidator
from posync.codecs.errors import DecodeError, EncodeError
from posync.domain.errors import Problem

SYNTAX_REPORT = "CONTRL"
DIRECTORY = ("D", "96A", "UN")


@dataclass(frozen=True, slots=True, kw_only=True)
class DecodedMessage:
    """One message as read: envelope, findings, and its canonical document."""

    read: MessageRead
    document: object | None
    problems: tuple[Problem, ...] = ()

    @property
    def type(self) -> str:
        return self.read.type

    @property
    def reference(self) -> str:
        return self.read.reference

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.read.findings

    @property
    def accepted(self) -> bool:
        """Syntax-accepted (possibly with noted warnings) and mapped to a document."""
        return not self.read.rejected and self.document is not None

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.read.findings if f.severity is Severity.WARNING)


@dataclass(frozen=True, slots=True, kw_only=True)
class InterchangeAnswered:
    """An interchange has closed; ``acknowledgement`` is the body of its CONTRL, when owed.

    ``requested`` says whether the sender asked for one (UNB 0031); posync
    writes the body either way, and partners' agreements say whether to send it.
    """

    closed: InterchangeClosed
    acknowledgement: list[Segment] | None

    @property
    def requested(self) -> bool:
        return self.closed.interchange.acknowledgement_requested


EdifactEvent = DecodedMessage | GroupClosed | InterchangeAnswered


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerEnvelope:
    """How a partner wants its interchanges: parties, syntax identifier and version, options."""

    sender: Party
    recipient: Party
    syntax_identifier: str = "UNOC"
    syntax_version: str = "3"
    characters: ServiceCharacters | None = None
    una: bool = True
    acknowledgement_requested: bool = False
    test: bool = False
    application_reference: str = ""
    association: str = ""
    """UNH S009 0057: an association assigned code (``EAN008``), when the partner uses one."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ControlReferences:
    """The interchange's control reference (UNB 0020) and each message's (UNH 0062)."""

    interchange: str
    messages: Sequence[str]


class EdifactCodec:
    """Reads and writes EDIFACT interchanges of D.96A messages."""

    def __init__(self, validator: DirectoryValidator | None = None) -> None:
        self._validator = validator if validator is not None else DirectoryValidator()

    def read(self, chunks: Iterable[bytes]) -> Iterator[EdifactEvent]:
        """Every message, group closing and interchange closing in ``chunks``, in order."""
        for event in read_interchanges(chunks, self._validator):
            if isinstance(event, MessageRead):
                yield self._decode(event)
            elif isinstance(event, InterchangeClosed):
                yield InterchangeAnswered(closed=event, acknowledgement=_contrl_owed(event))
            else:
                yield event

    def decode(self, chunks: Iterable[bytes]) -> Iterator[DecodedMessage]:
        """Only the messages of ``chunks``."""
        for event in self.read(chunks):
            if isinstance(event, DecodedMessage):
                yield event

    def write(
        self,
        documents: Sequence[object],
        envelope: PartnerEnvelope,
        references: ControlReferences,
        *,
        at: datetime,
    ) -> bytes:
        """One interchange carrying ``documents`` in the partner's envelope and syntax."""
        if len(references.messages) != len(documents):
            raise EncodeError(
                "EDIFACT interchange",
                [
                    Problem(
                        "references.messages",
                        f"must name one reference per document ({len(documents)}), "
                        f"got {len(references.messages)}",
                    )
                ],
            )
        messages = []
        for document, reference in zip(documents, references.messages, strict=True):
            code, body = registry.encode(document)
            identifier = MessageIdentifier(code, *DIRECTORY, envelope.association)
            messages.append(OutboundMessage(reference=reference, identifier=identifier, body=body))
        return self._interchange(messages, envelope, references.interchange, at)

    def answer(
        self,
        answered: InterchangeAnswered,
        envelope: PartnerEnvelope,
        references: ControlReferences,
        *,
        at: datetime,
    ) -> bytes:
        """The CONTRL interchange answering an interchange read; ``EncodeError`` if none is owed."""
        if answered.acknowledgement is None:
            raise EncodeError(
                "CONTRL", [Problem("", "an interchange of CONTRL messages is not answered")]
            )
        version = answered.closed.interchange.syntax_version
        message = OutboundMessage(
            reference=references.messages[0],
            identifier=contrl_identifier(version),
            body=answered.acknowledgement,
        )
        return self._interchange([message], envelope, references.interchange, at)

    def _interchange(
        self,
        messages: Sequence[OutboundMessage],
        envelope: PartnerEnvelope,
        reference: str,
        at: datetime,
    ) -> bytes:
        return write_interchange(
            messages,
            sender=envelope.sender,
            recipient=envelope.recipient,
            control_reference=reference,
            at=at,
            syntax_identifier=envelope.syntax_identifier,
            syntax_version=envelope.syntax_version,
            characters=envelope.characters,
            una=envelope.una,
            acknowledgement_requested=envelope.acknowledgement_requested,
            test=envelope.test,
            application_reference=envelope.application_reference,
        )

    def _decode(self, read: MessageRead) -> DecodedMessage:
        if read.rejected:
            return DecodedMessage(read=read, document=None)
        body = _body(read.segments)
        try:
            if read.type == SYNTAX_REPORT:
                document: object = read_syntax_report(body)
            else:
                decimal = read.interchange.characters.decimal
                document = registry.decode(read.type, body, decimal)
        except DecodeError as error:
            return DecodedMessage(read=read, document=None, problems=tuple(error.problems))
        return DecodedMessage(read=read, document=document)


def _body(segments: Sequence[Segment]) -> list[Segment]:
    """A message's segments without its UNH and UNT (which only the envelope holds).

    The envelope opens a new message at every UNH and closes it at every UNT, so a message
    read holds them only first and last.
    """
    start = 1 if segments and segments[0].tag == "UNH" else 0
    end = len(segments) - 1 if len(segments) > start and segments[-1].tag == "UNT" else None
    return list(segments[start:end])


def _contrl_owed(closed: InterchangeClosed) -> list[Segment] | None:
    """The CONTRL body, unless everything the interchange held was itself a CONTRL."""
    results = [*closed.messages, *(m for group in closed.groups for m in group.messages)]
    if results and all(result.identifier.type == SYNTAX_REPORT for result in results):
        return None
    return syntax_report(closed)
