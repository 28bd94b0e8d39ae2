"""Interchanges, functional groups and messages, checked as each one closes.

``read_interchanges`` turns the segments of ``syntax.read_segment_batches``
into a stream of events (``envelope_events``), holding at most one message
in memory (and the results of the messages read, for the CONTRL):

- ``MessageRead``: one message (UNH..UNT) with its envelope, its segments and
  its findings (UNH/UNT checks, characters outside the repertoire and, when a
  validator is given and knows the message, the dictionary's validation);
- ``GroupClosed``: a functional group (UNG..UNE) has ended;
- ``InterchangeClosed``: an interchange (UNB..UNZ) has ended, with its
  findings and the result of everything it held.

Counts and references: UNT 0074 counts the message's segments (UNH and UNT
included) and UNT 0062 repeats UNH 0062; UNE 0060 counts the group's
messages and 0048 repeats UNG 0048; UNZ 0036 counts the groups, or the
messages when there are none, and 0020 repeats UNB 0020. A count that
disagrees is 0085 code 29, a reference 28, a trailer that never comes 13.
Groups and messages outside groups mixed in one interchange are 30; a
segment outside any message is 33; an interchange or group holding nothing
is 32 (noted).

Header problems are known when a message is read (``MessageRead.rejected``
counts them); trailer problems only when the group or interchange closes, so
a caller stages what it decoded until ``InterchangeClosed`` says it stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from posync.codecs.edifact.charsets import is_control, is_undecodable
from posync.codecs.edifact.envelope_checks import (
    EnvelopeChecks,
    envelope_finding,
    trailer_findings,
)
from posync.codecs.edifact.envelope_events import (
    GroupClosed,
    GroupHeader,
    InterchangeClosed,
    InterchangeEvent,
    InterchangeHeader,
    MessageIdentifier,
    MessageRead,
    MessageResult,
    Party,
)
from posync.codecs.edifact.envelope_writer import write_interchange
from posync.codecs.edifact.findings import Finding, Level, Severity, SyntaxErrorCode
from posync.codecs.edifact.segments import Segment
from posync.codecs.edifact.syntax import (
    ENVELOPE_TAGS,
    EdifactSyntaxError,
    InterchangeSyntax,
    SegmentBatch,
    read_segment_batches,
)
from posync.codecs.edifact.validation import DirectoryValidator

__all__ = [
    "GroupClosed",
    "InterchangeClosed",
    "InterchangeEvent",
    "MessageRead",
    "read_interchanges",
    "write_interchange",
]

_ENVELOPE_TAGS = ENVELOPE_TAGS


def read_interchanges(
    chunks: Iterable[bytes], validator: DirectoryValidator | None = None
) -> Iterator[InterchangeEvent]:
    """Every message, group end and interchange end of ``chunks``, in order.

    With a ``validator`` each message is held against its directory; a message
    posync has no dictionary for is rejected (its type or version not
    supported). Raises ``EdifactSyntaxError`` only for input that is not
    EDIFACT at all; input that ends inside an interchange closes it with the
    UNZ missing (13).
    """
    reader = _Reader(validator)
    batches = read_segment_batches(chunks)
    while True:
        try:
            batch = next(batches, None)
        except EdifactSyntaxError as error:
            if reader.interchange is None:
                raise
            yield from reader.end_of_input(str(error))
            return
        if batch is None:
            yield from reader.end_of_input("the input ends without a UNZ")
            return
        yield from reader.take(batch)


class _Reader:
    """The open interchange, group and message while segments stream past."""

    def __init__(self, validator: DirectoryValidator | None) -> None:
        self._validator = validator
        self._checks = EnvelopeChecks()
        self.interchange: InterchangeHeader | None = None
        self._findings: list[Finding] = []
        self._messages: list[MessageResult] = []
        self._groups: list[GroupClosed] = []
        self._group: GroupHeader | None = None
        self._group_segment: Segment | None = None
        self._group_messages: list[MessageResult] = []
        self._message: list[Segment] | None = None
        self._message_notes: list[Finding] = []

    def take(self, batch: SegmentBatch) -> Iterator[InterchangeEvent]:
        if batch.envelope is not None and not batch.invalid:
            yield from self._take_runs(batch.segments, batch.envelope, batch.syntax)
            return
        invalid = dict(batch.invalid)
        for index, segment in enumerate(batch.segments):
            body = self._message
            if body is not None and segment.tag not in _ENVELOPE_TAGS:
                body.append(segment)
            else:
                yield from self._envelope(segment, batch.syntax)
            if invalid and index in invalid:
                self._invalid_characters(segment, invalid[index])

    def _take_runs(
        self, segments: list[Segment], envelope: list[int], syntax: InterchangeSyntax
    ) -> Iterator[InterchangeEvent]:
        """``take`` for a batch whose envelope segments are known: the runs between them
        are added to the open message whole."""
        start = 0
        for index in envelope:
            if start < index:
                self._add(segments[start:index])
            yield from self._envelope(segments[index], syntax)
            start = index + 1
        if start < len(segments):
            self._add(segments[start:])

    def _add(self, segments: list[Segment]) -> None:
        """Segments that are not envelope segments: the open message's, or stray."""
        if self._message is not None:
            self._message.extend(segments)
        elif self.interchange is not None:
            for segment in segments:
                self._stray(segment)

    def end_of_input(self, why: str) -> Iterator[InterchangeEvent]:
        """Close whatever is open: the input (or the interchange) ended too early."""
        if self.interchange is None:
            return
        yield from self._close_group(None)
        self._findings.append(
            envelope_finding(
                Level.INTERCHANGE, SyntaxErrorCode.MISSING, f"UNZ is missing: {why}", segment="UNZ"
            )
        )
        yield self._close_interchange(None)

    def _envelope(self, segment: Segment, syntax: InterchangeSyntax) -> Iterator[InterchangeEvent]:
        tag = segment.tag
        if tag == "UNB":
            if self.interchange is not None:
                yield from self.end_of_input("a new UNB before the UNZ")
            self._open_interchange(segment, syntax)
        elif self.interchange is None:
            return
        elif tag == "UNZ":
            yield from self._close_group(None)
            yield self._close_interchange(segment)
        elif tag == "UNG":
            yield from self._close_group(None)
            if self._messages:
                self._mixed(segment)
            self._open_group(segment)
        elif tag == "UNE":
            if self._group is None:
                yield from self._close_message(None)
                self._stray(segment)
            else:
                yield from self._close_group(segment)
        elif tag == "UNH":
            yield from self._close_message(None)
            if self._group is None and self._groups:
                self._mixed(segment)
            self._message = [segment]
            self._message_notes = []
        elif tag == "UNT":
            if self._message is None:
                self._stray(segment)
            else:
                self._message.append(segment)
                yield from self._close_message(segment)
        elif self._message is not None:
            self._message.append(segment)
        else:
            self._stray(segment)

    def _invalid_characters(self, segment: Segment, characters: str) -> None:
        severe = any(is_undecodable(c) or is_control(c) for c in characters)
        identifier = self.interchange.syntax.identifier if self.interchange else "?"
        shown = ", ".join(
            f"byte 0x{ord(c) - 0xDC00:02X}" if is_undecodable(c) else f"{c!r}" for c in characters
        )
        message = f"{segment.tag} holds characters {identifier} does not carry: {shown}"
        if self._message is not None and self._message[-1] is segment:
            where: tuple[Level, int | None] = (Level.SEGMENT, len(self._message))
            notes = self._message_notes
        else:
            where, notes = (Level.INTERCHANGE, None), self._findings
        notes.append(
            Finding(
                level=where[0],
                code=SyntaxErrorCode.INVALID_CHARACTERS,
                severity=Severity.ERROR if severe else Severity.WARNING,
                message=message,
                segment=segment.tag,
                segment_position=where[1],
            )
        )

    def _stray(self, segment: Segment) -> None:
        self._findings.append(
            envelope_finding(
                Level.INTERCHANGE,
                SyntaxErrorCode.INVALID_OCCURRENCE_OUTSIDE_MESSAGE,
                f"{segment.tag} stands outside any message (byte {segment.offset})",
                segment=segment.tag,
            )
        )

    def _mixed(self, segment: Segment) -> None:
        self._findings.append(
            envelope_finding(
                Level.INTERCHANGE,
                SyntaxErrorCode.GROUPS_AND_MESSAGES_MIXED,
                f"{segment.tag} at byte {segment.offset}: an interchange holds either "
                "functional groups or messages, not both",
                segment=segment.tag,
            )
        )

    def _open_interchange(self, unb: Segment, syntax: InterchangeSyntax) -> None:
        findings = self._checks.interchange_header(unb, syntax)
        self.interchange = InterchangeHeader(
            syntax=syntax,
            sender=Party(
                id=unb.component(2, 1), qualifier=unb.component(2, 2), routing=unb.component(2, 3)
            ),
            recipient=Party(
                id=unb.component(3, 1), qualifier=unb.component(3, 2), routing=unb.component(3, 3)
            ),
            date=unb.component(4, 1),
            time=unb.component(4, 2),
            control_reference=unb.component(5),
            application_reference=unb.component(7),
            priority=unb.component(8),
            acknowledgement_requested=unb.component(9) == "1",
            agreement=unb.component(10),
            test=unb.component(11) == "1",
            offset=unb.offset,
            findings=tuple(findings),
        )
        self._findings = list(findings)
        self._messages, self._groups = [], []

    def _close_interchange(self, trailer: Segment | None) -> InterchangeClosed:
        header = self.interchange
        if header is None:
            raise RuntimeError("no interchange is open")
        findings = self._findings
        counted = len(self._groups) if self._groups else len(self._messages)
        things = "groups" if self._groups else "messages"
        if not counted:
            findings.append(
                envelope_finding(
                    Level.INTERCHANGE,
                    SyntaxErrorCode.LOWER_LEVEL_EMPTY,
                    "the interchange holds no message",
                    segment="UNB",
                )
            )
        if trailer is not None:
            findings.extend(self._checks.elements(trailer, Level.INTERCHANGE, None))
            findings.extend(
                trailer_findings(
                    trailer,
                    Level.INTERCHANGE,
                    None,
                    (counted, things, "the interchange"),
                    (header.control_reference, "UNB 0020"),
                )
            )
        closed = InterchangeClosed(
            interchange=header,
            declared_count=trailer.component(1) if trailer is not None else "",
            messages=tuple(self._messages),
            groups=tuple(self._groups),
            findings=tuple(findings),
        )
        self.interchange = None
        self._findings, self._messages, self._groups = [], [], []
        return closed

    def _open_group(self, ung: Segment) -> None:
        header = self.interchange
        version = header.syntax.version if header is not None else ""
        findings = self._checks.group_header(ung, version)
        self._group = GroupHeader(
            group_id=ung.component(1),
            sender=Party(id=ung.component(2, 1), qualifier=ung.component(2, 2)),
            recipient=Party(id=ung.component(3, 1), qualifier=ung.component(3, 2)),
            date=ung.component(4, 1),
            time=ung.component(4, 2),
            reference=ung.component(5),
            agency=ung.component(6),
            version=ung.component(7, 1),
            release=ung.component(7, 2),
            findings=tuple(findings),
        )
        self._group_segment = ung
        self._group_messages = []

    def _close_group(self, trailer: Segment | None) -> Iterator[InterchangeEvent]:
        yield from self._close_message(None)
        group, header = self._group, self.interchange
        if group is None or header is None:
            return
        findings = list(group.findings)
        received = len(self._group_messages)
        if not received:
            findings.append(
                envelope_finding(
                    Level.GROUP,
                    SyntaxErrorCode.LOWER_LEVEL_EMPTY,
                    f"group {group.reference!r} holds no message",
                    segment="UNG",
                )
            )
        if trailer is None:
            findings.append(
                envelope_finding(
                    Level.GROUP,
                    SyntaxErrorCode.MISSING,
                    f"group {group.reference!r} ends without a UNE",
                    segment="UNE",
                )
            )
        else:
            findings.extend(self._checks.elements(trailer, Level.GROUP, None))
            findings.extend(
                trailer_findings(
                    trailer,
                    Level.GROUP,
                    None,
                    (received, "messages", "the group"),
                    (group.reference, "UNG 0048"),
                )
            )
        closed = GroupClosed(
            interchange=header,
            group=group,
            declared_count=trailer.component(1) if trailer is not None else "",
            messages=tuple(self._group_messages),
            findings=tuple(findings),
        )
        self._groups.append(closed)
        self._group, self._group_segment, self._group_messages = None, None, []
        yield closed

    def _close_message(self, trailer: Segment | None) -> Iterator[InterchangeEvent]:
        segments = self._message
        if segments is None:
            return
        self._message = None
        interchange = self.interchange
        if interchange is None:
            return
        header = segments[0]
        identifier = MessageIdentifier(
            header.component(2, 1),
            header.component(2, 2),
            header.component(2, 3),
            header.component(2, 4),
            header.component(2, 5),
        )
        reference = header.component(1)
        findings = self._checks.elements(header, Level.MESSAGE, 1)
        if trailer is None:
            findings.append(
                envelope_finding(
                    Level.MESSAGE,
                    SyntaxErrorCode.MISSING,
                    f"message {reference!r} ends without a UNT",
                    segment="UNT",
                )
            )
        else:
            position = len(segments)
            findings.extend(self._checks.elements(trailer, Level.MESSAGE, position))
            findings.extend(
                trailer_findings(
                    trailer,
                    Level.MESSAGE,
                    position,
                    (position, "segments", "the message"),
                    (reference, "UNH 0062"),
                )
            )
        findings.extend(self._message_notes)
        findings.extend(self._validate(identifier, segments, interchange.syntax))
        read = MessageRead(
            interchange=interchange,
            group=self._group,
            reference=reference,
            identifier=identifier,
            common_access_reference=header.component(3),
            segments=tuple(segments),
            findings=tuple(findings),
        )
        (self._group_messages if self._group is not None else self._messages).append(read.result)
        yield read

    def _validate(
        self, identifier: MessageIdentifier, segments: list[Segment], syntax: InterchangeSyntax
    ) -> list[Finding]:
        if self._validator is None or not identifier.type:
            return []
        validator = self._validator.for_message(identifier)
        if validator is None:
            return [
                Finding(
                    level=Level.MESSAGE,
                    code=SyntaxErrorCode.VALUE_NOT_SUPPORTED_IN_POSITION,
                    severity=Severity.ERROR,
                    message=f"message {identifier.type} of directory {identifier.directory} "
                    "is not one posync reads",
                    segment="UNH",
                    segment_position=1,
                    element_position=2,
                    element_reference="S009",
                )
            ]
        return validator.validate(segments, syntax.characters.decimal)
