"""Interchanges, functional groups and transaction sets, checked as each one closes.

``read_interchanges`` turns the segments of ``syntax.read_segments`` into a
stream of events, holding at most one transaction set in memory:

- ``SetRead``: one transaction set (ST..SE) with its envelope context, its
  segments and its findings (trailer checks and, when its group's version is
  supported, the dictionary's validation);
- ``GroupClosed``: a functional group has ended; its findings (GS and GE
  checks) and the result of each of its sets, everything a 997 needs;
- ``InterchangeClosed``: an interchange has ended; its findings (ISA and IEA
  checks), everything a TA1 needs;
- ``InterchangeAcknowledgementRead``: a TA1 segment, which travels in an
  interchange outside any functional group.

A set is accepted when nothing rejects it at any level: its own findings,
its group's and its interchange's. Header problems are known when the set is
read (``SetRead.rejected`` counts them); trailer problems only when the group
or the interchange closes, so a caller stages what it decoded from a group
until ``GroupClosed`` (and ``InterchangeClosed``) says it stands.

The checks that need no state (ISA fields, control numbers compared as
numbers) are in ``envelope_checks``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from posync.codecs.x12.element_checks import quotable
from posync.codecs.x12.envelope_checks import digits, isa_problems, same_number
from posync.codecs.x12.envelope_events import (
    GroupClosed,
    GroupHeader,
    InterchangeAcknowledgementRead,
    InterchangeClosed,
    InterchangeEvent,
    InterchangeHeader,
    SetRead,
    SetResult,
)
from posync.codecs.x12.findings import (
    Finding,
    GroupError,
    InterchangeError,
    Level,
    SetError,
    SyntaxCode,
)
from posync.codecs.x12.syntax import Delimiters, Segment, X12SyntaxError, read_segment_batches
from posync.codecs.x12.validation import DictionaryValidator, Severities, SeverityPolicy

__all__ = [
    "GroupClosed",
    "GroupHeader",
    "InterchangeAcknowledgementRead",
    "InterchangeClosed",
    "InterchangeEvent",
    "InterchangeHeader",
    "SetRead",
    "SetResult",
    "read_interchanges",
]

_ENVELOPE_TAGS = frozenset({"ST", "SE", "GS", "GE", "ISA", "IEA"})


def read_interchanges(
    chunks: Iterable[bytes],
    validators: Sequence[DictionaryValidator],
    severity: SeverityPolicy,
) -> Iterator[InterchangeEvent]:
    """Every set, group end and interchange end of ``chunks``, in order.

    ``validators`` are the versions posync reads (by ``GS08``'s first six
    characters); a group of any other version is rejected (AK9 2) and its sets
    are yielded unvalidated. Raises ``X12SyntaxError`` only for input that is
    not X12 at all; input that ends inside an interchange closes it with
    "premature end of file" (TA1 023).
    """
    reader = _Reader({validator.version: validator for validator in validators}, severity)
    batches = read_segment_batches(chunks)
    while True:
        try:
            item = next(batches, None)
        except X12SyntaxError as error:
            if reader.interchange is None:
                raise
            yield from reader.end_of_input(str(error))
            return
        if item is None:
            yield from reader.end_of_input("the input ends without an IEA")
            return
        segments, delimiters = item
        body = reader.open_set
        for segment in segments:
            # Fast path: most segments belong to the open set and only join it.
            if body is not None and segment.tag not in _ENVELOPE_TAGS:
                body.append(segment)
            else:
                yield from reader.take(segment, delimiters)
                body = reader.open_set


class _Reader:
    """The open interchange, group and set while segments stream past."""

    def __init__(self, validators: Mapping[str, DictionaryValidator], policy: SeverityPolicy):
        self._validators = validators
        self._severity = Severities(policy)
        self.interchange: InterchangeHeader | None = None
        self._interchange_findings: list[Finding] = []
        self._group_count = 0
        self._group: GroupHeader | None = None
        self._group_validator: DictionaryValidator | None = None
        self._group_sets: list[SetResult] = []
        self._set: list[Segment] | None = None
        self._skipping_set = False

    @property
    def open_set(self) -> list[Segment] | None:
        """The segments of the set being read, if one is open."""
        return self._set

    def take(self, segment: Segment, delimiters: Delimiters) -> Iterator[InterchangeEvent]:
        tag = segment.tag
        if self._set is not None and tag not in _ENVELOPE_TAGS:
            self._set.append(segment)
        elif tag == "ISA":
            if self.interchange is not None:
                yield from self.end_of_input("a new ISA before the IEA")
            self._open_interchange(segment, delimiters)
        elif self.interchange is None:
            return
        elif tag == "IEA":
            yield from self._close_group(None)
            yield self._close_interchange(segment)
        elif tag == "GS":
            yield from self._close_group(None)
            self._open_group(segment)
        elif tag == "GE":
            if self._group is None:
                self._stray(segment, InterchangeError.CONTROL_STRUCTURE_INVALID)
            else:
                yield from self._close_group(segment)
        elif tag == "ST":
            yield from self._close_set(None)
            if self._group is None:
                self._stray(segment, InterchangeError.CONTROL_STRUCTURE_INVALID)
                self._skipping_set = True
            else:
                self._set = [segment]
        elif tag == "SE":
            if self._set is not None:
                self._set.append(segment)
                yield from self._close_set(segment)
            elif self._skipping_set:
                self._skipping_set = False
            else:
                self._stray(segment, InterchangeError.CONTROL_STRUCTURE_INVALID)
        elif tag == "TA1" and self._group is None:
            yield InterchangeAcknowledgementRead(interchange=self.interchange, segment=segment)
        elif not self._skipping_set:
            self._stray(segment, InterchangeError.CONTENT_INVALID)

    def end_of_input(self, why: str) -> Iterator[InterchangeEvent]:
        """Close whatever is open: the input (or the interchange) ended too early."""
        if self.interchange is None:
            return
        yield from self._close_group(None)
        self._interchange_findings.append(
            self._finding(
                Level.INTERCHANGE,
                InterchangeError.PREMATURE_END_OF_FILE,
                f"premature end of file: {why}",
                segment="IEA",
            )
        )
        yield self._close_interchange(None)

    def _finding(
        self,
        level: Level,
        code: SyntaxCode,
        message: str,
        *,
        segment: str | None = None,
        segment_position: int | None = None,
        element_position: int | None = None,
        value: str | None = None,
    ) -> Finding:
        return Finding(
            level=level,
            code=code,
            severity=self._severity[code],
            message=message,
            segment=segment,
            segment_position=segment_position,
            element_position=element_position,
            value=quotable(value) if value else None,
        )

    def _trailer_findings(
        self,
        trailer: Segment,
        level: Level,
        *,
        counted: tuple[int, str, str],
        count_error: SyntaxCode,
        control: tuple[str, str],
        control_error: SyntaxCode,
    ) -> list[Finding]:
        """An IEA's or GE's count (01) and control number (02) against what arrived."""
        tag = trailer.tag
        count, things, holder = counted
        number, header_element = control
        found = []
        if not same_number(trailer.get(1), str(count)):
            found.append(
                self._finding(
                    level,
                    count_error,
                    f"{tag}01 counts {trailer.get(1)!r} {things}, {holder} holds {count}",
                    segment=tag,
                    element_position=1,
                    value=trailer.get(1),
                )
            )
        if not same_number(trailer.get(2), number):
            found.append(
                self._finding(
                    level,
                    control_error,
                    f"{tag}02 {trailer.get(2)!r} does not match {header_element} {number!r}",
                    segment=tag,
                    element_position=2,
                    value=trailer.get(2),
                )
            )
        return found

    def _stray(self, segment: Segment, code: InterchangeError) -> None:
        where = "functional group" if segment.tag in ("GE", "ST") else "transaction set"
        self._interchange_findings.append(
            self._finding(
                Level.INTERCHANGE,
                code,
                f"{segment.tag} stands outside any {where} (byte {segment.offset})",
                segment=segment.tag,
            )
        )

    def _open_interchange(self, isa: Segment, delimiters: Delimiters) -> None:
        findings = []
        for position, note, problem in isa_problems(isa):
            findings.append(
                self._finding(
                    Level.INTERCHANGE,
                    note,
                    f"ISA{position:02d} {problem}",
                    segment="ISA",
                    element_position=position,
                    value=isa.get(position),
                )
            )
        self.interchange = InterchangeHeader(
            sender_qualifier=isa.get(5).strip(),
            sender_id=isa.get(6).strip(),
            receiver_qualifier=isa.get(7).strip(),
            receiver_id=isa.get(8).strip(),
            date=isa.get(9),
            time=isa.get(10),
            control_number=isa.get(13),
            version=isa.get(12),
            acknowledgement_requested=isa.get(14) == "1",
            usage=isa.get(15),
            delimiters=delimiters,
            offset=isa.offset,
            findings=tuple(findings),
        )
        self._interchange_findings = list(findings)
        self._group_count = 0

    def _close_interchange(self, trailer: Segment | None) -> InterchangeClosed:
        header = self.interchange
        if header is None:
            raise RuntimeError("no interchange is open")
        findings = self._interchange_findings
        if trailer is not None:
            findings.extend(
                self._trailer_findings(
                    trailer,
                    Level.INTERCHANGE,
                    counted=(self._group_count, "groups", "the interchange"),
                    count_error=InterchangeError.GROUP_COUNT_INVALID,
                    control=(header.control_number, "ISA13"),
                    control_error=InterchangeError.CONTROL_NUMBER_MISMATCH,
                )
            )
        closed = InterchangeClosed(
            interchange=header,
            declared_group_count=trailer.get(1) if trailer is not None else "",
            group_count=self._group_count,
            findings=tuple(findings),
        )
        self.interchange = None
        self._interchange_findings = []
        self._skipping_set = False
        return closed

    def _open_group(self, gs: Segment) -> None:
        findings = []
        version = gs.get(8)
        validator = self._validators.get(version.strip()[:6])
        if validator is None:
            findings.append(
                self._finding(
                    Level.GROUP,
                    GroupError.VERSION_NOT_SUPPORTED,
                    f"GS08 version {version!r} is not one posync reads "
                    f"({', '.join(sorted(self._validators)) or 'none configured'})",
                    segment="GS",
                    element_position=8,
                    value=version,
                )
            )
        elif gs.get(1) not in validator.functional_groups:
            findings.append(
                self._finding(
                    Level.GROUP,
                    GroupError.NOT_SUPPORTED,
                    f"functional group {gs.get(1)!r} is not supported at {version}",
                    segment="GS",
                    element_position=1,
                    value=gs.get(1),
                )
            )
            validator = None
        if not digits(gs.get(6), 1, 9):
            findings.append(
                self._finding(
                    Level.GROUP,
                    GroupError.CONTROL_NUMBER_INVALID,
                    f"GS06 {gs.get(6)!r} is not a control number of 1 to 9 digits",
                    segment="GS",
                    element_position=6,
                    value=gs.get(6),
                )
            )
        self._group = GroupHeader(
            functional_id=gs.get(1),
            sender_code=gs.get(2),
            receiver_code=gs.get(3),
            date=gs.get(4),
            time=gs.get(5),
            control_number=gs.get(6),
            agency=gs.get(7),
            version=version,
            findings=tuple(findings),
        )
        self._group_validator = validator
        self._group_sets = []
        self._group_count += 1

    def _close_group(self, trailer: Segment | None) -> Iterator[InterchangeEvent]:
        yield from self._close_set(None)
        group, header = self._group, self.interchange
        if group is None or header is None:
            return
        findings = list(group.findings)
        received = len(self._group_sets)
        if trailer is None:
            findings.append(
                self._finding(
                    Level.GROUP,
                    GroupError.TRAILER_MISSING,
                    f"group {group.control_number} ends without a GE",
                    segment="GE",
                )
            )
        else:
            findings.extend(
                self._trailer_findings(
                    trailer,
                    Level.GROUP,
                    counted=(received, "sets", "the group"),
                    count_error=GroupError.SET_COUNT_MISMATCH,
                    control=(group.control_number, "GS06"),
                    control_error=GroupError.CONTROL_NUMBER_MISMATCH,
                )
            )
        yield GroupClosed(
            interchange=header,
            group=group,
            declared_set_count=trailer.get(1) if trailer is not None else "",
            sets=tuple(self._group_sets),
            findings=tuple(findings),
        )
        self._group = None
        self._group_validator = None
        self._group_sets = []

    def _close_set(self, trailer: Segment | None) -> Iterator[InterchangeEvent]:
        segments = self._set
        if segments is None:
            return
        self._set = None
        header, group, interchange = segments[0], self._group, self.interchange
        if group is None or interchange is None:
            return
        code, control = header.get(1), header.get(2)
        findings = self._set_envelope_findings(segments, trailer)
        validator = self._group_validator
        if validator is not None:
            set_validator = validator.for_set(code)
            if set_validator is None or validator.functional_group_of(code) != group.functional_id:
                findings.append(
                    self._finding(
                        Level.SET,
                        SetError.NOT_SUPPORTED,
                        f"transaction set {code!r} is not supported in group "
                        f"{group.functional_id!r} at {validator.version}",
                        segment="ST",
                        segment_position=1,
                        element_position=1,
                        value=code,
                    )
                )
            else:
                findings.extend(set_validator.validate(segments, interchange.delimiters))
        read = SetRead(
            interchange=interchange,
            group=group,
            code=code,
            control_number=control,
            implementation_convention=header.get(3),
            segments=tuple(segments),
            findings=tuple(findings),
        )
        self._group_sets.append(read.result)
        yield read

    def _set_envelope_findings(
        self, segments: list[Segment], trailer: Segment | None
    ) -> list[Finding]:
        header = segments[0]
        findings = []
        if not digits(header.get(1), 3, 3):
            findings.append(
                self._finding(
                    Level.SET,
                    SetError.SET_IDENTIFIER_INVALID,
                    f"ST01 {header.get(1)!r} is not a transaction set identifier",
                    segment="ST",
                    segment_position=1,
                    element_position=1,
                    value=header.get(1),
                )
            )
        control = header.get(2)
        if not (4 <= len(control) <= 9 and control.isprintable() and control.strip()):
            findings.append(
                self._finding(
                    Level.SET,
                    SetError.CONTROL_NUMBER_INVALID,
                    f"ST02 {control!r} is not a control number of 4 to 9 characters",
                    segment="ST",
                    segment_position=1,
                    element_position=2,
                    value=control,
                )
            )
        if trailer is None:
            findings.append(
                self._finding(
                    Level.SET,
                    SetError.TRAILER_MISSING,
                    f"set {control!r} ends without an SE",
                    segment="SE",
                )
            )
            return findings
        position = len(segments)
        if not same_number(trailer.get(1), str(position)):
            findings.append(
                self._finding(
                    Level.SET,
                    SetError.SEGMENT_COUNT_MISMATCH,
                    f"SE01 counts {trailer.get(1)!r} segments, the set holds {position}",
                    segment="SE",
                    segment_position=position,
                    element_position=1,
                    value=trailer.get(1),
                )
            )
        if not same_number(trailer.get(2), control):
            findings.append(
                self._finding(
                    Level.SET,
                    SetError.CONTROL_NUMBER_MISMATCH,
                    f"SE02 {trailer.get(2)!r} does not match ST02 {control!r}",
                    segment="SE",
                    segment_position=position,
                    element_position=2,
                    value=trailer.get(2),
                )
            )
        return findings
