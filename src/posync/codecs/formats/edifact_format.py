"""EDIFACT as a ``DocumentFormat``: the EDIFACT codec behind the standard-neutral protocol.

Each message is one ``Decoded``, labelled with its type and reference
(``ORDERS 1``); each finding keeps its 0085 code and its level, segment,
segment position (from UNH = 1), element and component. An interchange's
trailer (UNZ count and reference) can still reject the messages read before
it, so messages are handed on when their interchange closes; a message then
also carries the errors of the group and interchange envelope that reject
it. Validation gives each interchange's CONTRL body as an ``Answer`` (none
for an interchange of CONTRL messages: a CONTRL is never answered).

Writing takes ``QUALIFIER:ID`` parties (the partner identification code
qualifier of UNB S002/S003, such as ``14`` for a GLN or ``ZZZ`` for a
mutually defined id), a syntax identifier (``UNOC`` unless told; ``UNOY``
is written in syntax version 4, the others in 3) and directory D.96A. The
interchange reference and message references are drawn from ``numbers``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from posync.codecs.edifact import findings as edifact_findings
from posync.codecs.edifact.charsets import REPERTOIRES
from posync.codecs.edifact.codec import (
    ControlReferences,
    DecodedMessage,
    EdifactCodec,
    InterchangeAnswered,
    PartnerEnvelope,
)
from posync.codecs.edifact.envelope_events import GroupClosed, Party
from posync.codecs.edifact.serialize import write_segments
from posync.codecs.edifact.syntax import EdifactSyntaxError
from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.formats.model import (
    Answer,
    Checked,
    ControlNumberSource,
    Decoded,
    EncodeTarget,
    Finding,
    PartyIdentity,
    ReadOptions,
    Severity,
    Standard,
)
from posync.domain.errors import Problem

DEFAULT_SYNTAX = "UNOC"
DIRECTORY = "D96A"
_DIRECTORY_SPELLINGS = frozenset({"D96A", "D.96A", "D:96A", "D:96A:UN"})
_MAX_QUALIFIER = 4
_MAX_IDENTIFIER = 35
_WHAT = "EDIFACT interchange"


class EdifactFormat:
    standard = Standard.EDIFACT
    media_type = "application/edifact"
    numbered = True

    def __init__(self) -> None:
        self._codec = functools.cache(EdifactCodec)  # the dictionary compiles on first use

    def decode(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Decoded]:
        for interchange in self._interchanges(chunks):
            yield from interchange.decoded()

    def validate(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Checked]:
        for interchange in self._interchanges(chunks):
            yield from interchange.decoded()
            answer = interchange.answer()
            if answer is not None:
                yield answer

    def target_problems(self, target: EncodeTarget) -> list[Problem]:
        problems = target.unused(("sender", "receiver", "version", "syntax"), self.standard)
        for name, identity in (("sender", target.sender), ("receiver", target.receiver)):
            if not _is_party(identity):
                problems.append(
                    Problem(
                        name,
                        "must be QUALIFIER:ID with the partner identification code qualifier "
                        f"(1 to {_MAX_QUALIFIER} letters or digits, like 14 or ZZZ) and an id "
                        f"of 1 to {_MAX_IDENTIFIER} characters, like 14:4012345000009; "
                        f"got {str(identity) if identity else 'nothing'!r}",
                    )
                )
        syntax = target.syntax or DEFAULT_SYNTAX
        if syntax not in REPERTOIRES:
            problems.append(
                Problem("syntax", f"must be one of {', '.join(REPERTOIRES)}, got {syntax!r}")
            )
        if target.version is not None and target.version not in _DIRECTORY_SPELLINGS:
            problems.append(
                Problem(
                    "version",
                    f"must be D96A (D.96A), the directory posync writes, got {target.version!r}",
                )
            )
        return problems

    def encode(
        self,
        documents: Sequence[object],
        target: EncodeTarget,
        *,
        numbers: ControlNumberSource | None,
        at: datetime,
    ) -> bytes:
        problems = self.target_problems(target)
        if numbers is None:
            problems.append(Problem("numbers", "EDIFACT needs control references from the store"))
        if not documents:
            problems.append(Problem("documents", "an interchange needs at least one document"))
        if problems or numbers is None:
            raise EncodeError(_WHAT, problems)
        references = ControlReferences(
            interchange=str(numbers.reserve("interchange")[0]),
            messages=[str(n) for n in numbers.reserve("message", len(documents))],
        )
        return self._codec().write(documents, partner_envelope(target), references, at=at)

    def _interchanges(self, chunks: Iterable[bytes]) -> Iterator[_Interchange]:
        """Each interchange of ``chunks`` once it has closed, with what it held."""
        messages: list[DecodedMessage] = []
        groups: list[GroupClosed] = []
        try:
            for event in self._codec().read(chunks):
                if isinstance(event, DecodedMessage):
                    messages.append(event)
                elif isinstance(event, GroupClosed):
                    groups.append(event)
                else:
                    yield _Interchange(event, tuple(messages), tuple(groups))
                    messages, groups = [], []
        except EdifactSyntaxError as error:
            raise DecodeError("EDIFACT", [Problem("", f"is not EDIFACT: {error}")]) from error


def partner_envelope(target: EncodeTarget) -> PartnerEnvelope:
    """The EDIFACT envelope for ``target`` (check ``target_problems`` first)."""
    sender, receiver = target.sender, target.receiver
    if sender is None or receiver is None:
        raise EncodeError(_WHAT, [Problem("sender", "and receiver are required")])
    syntax = target.syntax or DEFAULT_SYNTAX
    return PartnerEnvelope(
        sender=Party(id=sender.identifier, qualifier=sender.qualifier or ""),
        recipient=Party(id=receiver.identifier, qualifier=receiver.qualifier or ""),
        syntax_identifier=syntax,
        syntax_version="4" if syntax == "UNOY" else "3",
    )


def _is_party(identity: PartyIdentity | None) -> bool:
    if identity is None or identity.qualifier is None:
        return False
    qualifier = identity.qualifier
    return (
        0 < len(qualifier) <= _MAX_QUALIFIER
        and qualifier.isascii()
        and qualifier.isalnum()
        and 0 < len(identity.identifier) <= _MAX_IDENTIFIER
    )


@dataclass(frozen=True, slots=True)
class _Interchange:
    """One closed interchange: its closing, its messages and its groups' closings."""

    answered: InterchangeAnswered
    messages: tuple[DecodedMessage, ...]
    groups: tuple[GroupClosed, ...]

    def decoded(self) -> Iterator[Decoded]:
        closed = self.answered.closed
        interchange_errors = _errors(closed.findings)
        by_group = {group.group.reference: _errors(group.findings) for group in self.groups}
        for message in self.messages:
            group = message.read.group
            group_errors = by_group.get(group.reference, ()) if group else ()
            envelope_errors = (*group_errors, *interchange_errors)
            yield Decoded(
                standard=Standard.EDIFACT,
                label=f"{message.type} {message.reference}",
                document=message.document,
                accepted=message.accepted and not envelope_errors,
                findings=(*(_finding(f) for f in message.findings), *envelope_errors),
                problems=message.problems,
                reference={
                    "message": message.type,
                    "reference": message.reference,
                    "interchange": closed.interchange.control_reference,
                },
            )

    def answer(self) -> Answer | None:
        """The CONTRL body answering the interchange, with the envelope's findings not shown
        on any message already (its warnings; its errors when it held no message)."""
        body = self.answered.acknowledgement
        if body is None:
            return None
        closed = self.answered.closed
        envelope = [*closed.findings, *(f for g in self.groups for f in g.findings)]
        shown_on_messages = bool(self.messages)
        findings = tuple(_finding(f) for f in envelope if not (f.rejects and shown_on_messages))
        rejected = any(
            (
                closed.rejected,
                *(g.rejected for g in self.groups),
                *(not m.accepted for m in self.messages),
            )
        )
        return Answer(
            label=f"CONTRL for interchange {closed.interchange.control_reference}",
            text=write_segments(body, closed.interchange.characters),
            findings=findings,
            rejected=rejected,
        )


def _errors(findings: Iterable[edifact_findings.Finding]) -> tuple[Finding, ...]:
    return tuple(_finding(f) for f in findings if f.rejects)


def _finding(finding: edifact_findings.Finding) -> Finding:
    return Finding(
        severity=Severity(finding.severity.value),
        code=finding.code.value,
        message=finding.message,
        where=_where(finding),
        location={
            "level": finding.level.value,
            "segment": finding.segment,
            "segment_position": finding.segment_position,
            "element_position": finding.element_position,
            "component_position": finding.component_position,
            "segment_group": finding.group,
        },
    )


def _where(finding: edifact_findings.Finding) -> str:
    """``LIN at segment 7, element 2.1`` or ``UNZ``: for people."""
    where = finding.segment or finding.level.value
    if finding.segment_position is not None:
        where += f" at segment {finding.segment_position}"
    if finding.element_position is not None:
        where += f", element {finding.element_position}"
        if finding.component_position is not None:
            where += f".{finding.component_position}"
    return where
