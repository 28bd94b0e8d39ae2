"""The X12 codec as posync uses it: bytes in, canonical documents and answers out; and back.

``X12Codec.read`` walks any number of interchanges with bounded memory and
yields each transaction set as a ``DecodedSet`` (its envelope, its findings
and, unless it was rejected or could not be mapped, its canonical document),
then each group's and interchange's closing with the 997 and TA1 that answer
them. ``X12Codec.write`` maps canonical documents to sets and wraps them in
the partner's envelope.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.x12.acknowledgement import (
    functional_acknowledgement,
    interchange_acknowledgement,
    read_functional_acknowledgement,
)
from posync.codecs.x12.dictionary.policy import severity_of
from posync.codecs.x12.dictionary.registry import dictionary_for
from posync.codecs.x12.envelope import (
    GroupClosed,
    InterchangeAcknowledgementRead,
    InterchangeClosed,
    SetRead,
    read_interchanges,
)
from posync.codecs.x12.findings import Finding, Severity
from posync.codecs.x12.guide import ImplementationGuide
from posync.codecs.x12.mapping import registry
from posync.codecs.x12.mapping.common import EncodeOptions, without_envelope
from posync.codecs.x12.validation import DictionaryValidator
from posync.codecs.x12.writer import (
    ControlNumbers,
    OutboundSet,
    PartnerEnvelope,
    grouped,
    write_interchange,
)
from posync.domain.errors import Problem

SUPPORTED_VERSIONS = ("004010", "005010")
FUNCTIONAL_ACKNOWLEDGEMENT = "997"


@dataclass(frozen=True, slots=True, kw_only=True)
class DecodedSet:
    """One transaction set as read: envelope, findings, and its canonical document."""

    read: SetRead
    document: object | None
    problems: tuple[Problem, ...] = ()

    @property
    def code(self) -> str:
        return self.read.code

    @property
    def control_number(self) -> str:
        return self.read.control_number

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.read.findings

    @property
    def accepted(self) -> bool:
        """Syntax-accepted (possibly with noted errors) and mapped to a document."""
        return not self.read.rejected and self.document is not None

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.read.findings if f.severity is Severity.WARNING)


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupAnswered:
    """A functional group has closed; ``acknowledgement`` is the body of the 997 for it."""

    closed: GroupClosed
    acknowledgement: list[list[str]]


@dataclass(frozen=True, slots=True, kw_only=True)
class InterchangeAnswered:
    """An interchange has closed; ``acknowledgement`` is its TA1 when one is owed."""

    closed: InterchangeClosed
    acknowledgement: list[str] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class WrittenSet:
    """Where one document went in an interchange posync wrote."""

    code: str
    group_control_number: str
    control_number: str
    document: object


@dataclass(frozen=True, slots=True, kw_only=True)
class WrittenInterchange:
    """An interchange posync wrote: its bytes, its ISA13 and each set's place in it."""

    data: bytes
    interchange_control_number: str
    sets: tuple[WrittenSet, ...]


X12Event = DecodedSet | GroupAnswered | InterchangeAnswered | InterchangeAcknowledgementRead


class X12Codec:
    """Reads and writes X12 at the versions posync has dictionaries for."""

    def __init__(self, versions: Sequence[str] = SUPPORTED_VERSIONS) -> None:
        self._validators = [
            DictionaryValidator(dictionary_for(version), severity_of) for version in versions
        ]

    def read(self, chunks: Iterable[bytes]) -> Iterator[X12Event]:
        """Every set, group closing and interchange closing in ``chunks``, in order."""
        for event in read_interchanges(chunks, self._validators, severity_of):
            if isinstance(event, SetRead):
                yield self._decode_set(event)
            elif isinstance(event, GroupClosed):
                yield GroupAnswered(closed=event, acknowledgement=functional_acknowledgement(event))
            elif isinstance(event, InterchangeClosed):
                yield InterchangeAnswered(closed=event, acknowledgement=_ta1_owed(event))
            else:
                yield event

    def decode(self, chunks: Iterable[bytes]) -> Iterator[DecodedSet]:
        """Only the transaction sets of ``chunks``: the sets of ``read``, without the 997s and
        TA1s that ``read`` makes for their groups and interchanges."""
        for event in read_interchanges(chunks, self._validators, severity_of):
            if isinstance(event, SetRead):
                yield self._decode_set(event)

    def write(
        self,
        documents: Sequence[object],
        envelope: PartnerEnvelope,
        numbers: ControlNumbers,
        *,
        at: datetime,
        guide: ImplementationGuide | None = None,
    ) -> bytes:
        """One interchange carrying ``documents``, in the partner's envelope and version.

        With a ``guide``, each set is written in the codes the guide prefers and
        refused (``EncodeError``) when it still breaks the guide.
        """
        return self.written(documents, envelope, numbers, at=at, guide=guide).data

    def written(
        self,
        documents: Sequence[object],
        envelope: PartnerEnvelope,
        numbers: ControlNumbers,
        *,
        at: datetime,
        guide: ImplementationGuide | None = None,
    ) -> WrittenInterchange:
        """As ``write``, with where each document went: its group and set control numbers."""
        sets = [self._outbound_set(document, envelope, guide) for document in documents]
        data = write_interchange(envelope, sets, numbers, at=at)
        placed = {
            id(outbound): (group, number)
            for _, group, members in grouped(sets, numbers)
            for outbound, number in members
        }
        return WrittenInterchange(
            data=data,
            interchange_control_number=f"{numbers.interchange:09d}",
            sets=tuple(
                WrittenSet(
                    code=outbound.code,
                    group_control_number=str(placed[id(outbound)][0]),
                    control_number=f"{placed[id(outbound)][1]:04d}",
                    document=document,
                )
                for outbound, document in zip(sets, documents, strict=True)
            ),
        )

    def _outbound_set(
        self, document: object, envelope: PartnerEnvelope, guide: ImplementationGuide | None
    ) -> OutboundSet:
        code = registry.set_code_for(document)
        options = (
            guide.encode_options(envelope.version, code)
            if guide is not None
            else EncodeOptions(version=envelope.version)
        )
        body = registry.mapper_for(code).encode(document, options)
        if guide is not None:
            broken = [f for f in guide.check(code, body) if f.severity is Severity.ERROR]
            if broken:
                problems = [Problem(f"{code}.{f.segment or ''}", f.message) for f in broken]
                raise EncodeError(type(document).__name__, problems)
        group = registry.mapper_for(code).functional_group
        return OutboundSet(code=code, functional_group=group, body=body)

    def _decode_set(self, read: SetRead) -> DecodedSet:
        if read.rejected:
            return DecodedSet(read=read, document=None)
        body = without_envelope(read.segments)  # compiled code, unlike a comprehension here
        try:
            if read.code == FUNCTIONAL_ACKNOWLEDGEMENT:
                document: object = read_functional_acknowledgement(body)
            else:
                document = registry.decode(read.code, body, read.delimiters)
        except DecodeError as error:
            return DecodedSet(read=read, document=None, problems=error.problems)
        return DecodedSet(read=read, document=document)


def _ta1_owed(closed: InterchangeClosed) -> list[str] | None:
    """A TA1 when the sender asked for one (ISA14) or the interchange itself is at fault."""
    if closed.interchange.acknowledgement_requested or closed.findings:
        return interchange_acknowledgement(closed.interchange, closed.findings)
    return None
