"""The 997 and the TA1, written from findings and read into canonical documents.

Pure functions: they take what the envelope reader produced (or segments
read from a partner) and return segments (or documents); no I/O.

How statuses follow from severities (``Severity.ERROR`` rejects, a
``WARNING`` is accepted with the error noted):

- AK5: ``R`` when the set or its group has an error, ``E`` when the set has
  only warnings (an out-of-sequence segment gives ``AK5*E*5``), ``A`` when it
  has nothing. AK502.. lists the set's own codes, then ``5`` when a segment or
  element is in error, at most five.
- AK9: ``R`` when the group has an error or no set was accepted, ``P`` when
  some sets were rejected, ``E`` when all were accepted but something was
  noted, ``A`` otherwise. AK902 is GE01 when it can be quoted, else the number
  received.
- TA1: ``R`` on an interchange error, ``E`` on warnings only, ``A`` with note
  ``000`` otherwise; TA105 is the first error's code (or first warning's).

A copied value (AK404) that holds a control character or a delimiter the
answer is written with is left out, not tidied: AK401 to AK403 still say
which element and why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from posync.codecs.errors import DecodeError
from posync.codecs.x12.envelope_checks import digits
from posync.codecs.x12.envelope_events import GroupClosed, InterchangeHeader, SetResult
from posync.codecs.x12.findings import (
    ElementError,
    Finding,
    GroupError,
    InterchangeError,
    Level,
    SegmentError,
    SetError,
    Severity,
)
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents.functional_acknowledgement import (
    AcknowledgedLevel,
    AcknowledgedSet,
    FunctionalAcknowledgement,
    FunctionalAckStatus,
    SyntaxFinding,
)
from posync.domain.errors import Problem

MAX_CODES = 5
MAX_ELEMENT_NOTES = 99

DOCUMENT_TYPES = MappingProxyType(
    {
        "850": "purchase_order",
        "855": "purchase_order_acknowledgement",
        "856": "ship_notice",
        "810": "invoice",
        "860": "purchase_order_change",
        "865": "purchase_order_change_acknowledgement",
        "861": "goods_receipt",
        "997": "functional_acknowledgement",
    }
)
"""Canonical document type names of the sets posync trades; others read as ``x12_<code>``."""

_SET_STATUS = MappingProxyType(
    {
        "A": FunctionalAckStatus.ACCEPTED,
        "E": FunctionalAckStatus.ACCEPTED_WITH_ERRORS,
        "R": FunctionalAckStatus.REJECTED,
        "M": FunctionalAckStatus.REJECTED,
        "W": FunctionalAckStatus.REJECTED,
        "X": FunctionalAckStatus.REJECTED,
    }
)
_GROUP_STATUS = MappingProxyType({**_SET_STATUS, "P": FunctionalAckStatus.PARTIALLY_ACCEPTED})
_INTERCHANGE_STATUS = MappingProxyType({code: _SET_STATUS[code] for code in ("A", "E", "R")})


# --- writing --------------------------------------------------------------------------------


def set_status(result: SetResult, *, group_rejected: bool) -> str:
    """AK501: ``A``, ``E`` or ``R``."""
    if group_rejected or result.rejected:
        return "R"
    return "E" if result.findings else "A"


def functional_acknowledgement(
    group: GroupClosed,
    version: str | None = None,
    *,
    delimiters: Delimiters | None = None,
) -> list[list[str]]:
    """The body of the 997 (AK1..AK9, no ST/SE) that answers ``group``.

    ``version`` is the version the 997 is written in (by default the group's
    own); from 005010 on, AK1 carries the group's version, AK2 the
    implementation convention and AK401 the component position (C030).
    ``delimiters`` are those the 997 will be written with.
    """
    written_with = delimiters or Delimiters()
    modern = (version or group.group.version)[:6] >= "005010"
    reserved = _reserved(written_with)
    header = group.group
    ak1 = ["AK1", _safe(header.functional_id, reserved), _digits_or_zero(header.control_number)]
    if modern:
        ak1.append(_safe(header.version, reserved))
    body: list[list[str]] = [ak1]
    group_rejected = group.rejected
    accepted = 0
    noted = bool(group.findings)
    for result in group.sets:
        ak2 = ["AK2", _safe(result.code, reserved), _safe(result.control_number, reserved)]
        if modern and result.implementation_convention:
            ak2.append(_safe(result.implementation_convention, reserved))
        body.append(ak2)
        body.extend(_segment_notes(result.findings, modern, written_with.component, reserved))
        status = set_status(result, group_rejected=group_rejected)
        body.append(["AK5", status, *_set_codes(result.findings)])
        if status != "R":
            accepted += 1
            noted = noted or status == "E"
    received = len(group.sets)
    if group_rejected or (received and not accepted):
        verdict = "R"
    elif accepted < received:
        verdict = "P"
    else:
        verdict = "E" if noted else "A"
    declared = group.declared_set_count.strip()
    included = str(int(declared)) if digits(declared, 1, 6) else str(received)
    group_codes = _unique(
        finding.code.value for finding in group.findings if isinstance(finding.code, GroupError)
    )
    body.append(["AK9", verdict, included, str(received), str(accepted), *group_codes])
    return body


def interchange_acknowledgement(
    interchange: InterchangeHeader, findings: Sequence[Finding]
) -> list[str]:
    """The TA1 segment ([tag, elements...]) that answers an interchange."""
    notes = [finding for finding in findings if isinstance(finding.code, InterchangeError)]
    errors = [finding for finding in notes if finding.severity is Severity.ERROR]
    if errors:
        status, note = "R", errors[0].code.value
    elif notes:
        status, note = "E", notes[0].code.value
    else:
        status, note = "A", InterchangeError.NO_ERROR.value
    return ["TA1", interchange.control_number, interchange.date, interchange.time, status, note]


def _segment_notes(
    findings: Sequence[Finding], modern: bool, component: str, reserved: frozenset[str]
) -> list[list[str]]:
    located = sorted(
        (
            finding
            for finding in findings
            if finding.level in (Level.SEGMENT, Level.ELEMENT)
            and finding.segment_position is not None
        ),
        key=lambda finding: (
            finding.segment_position or 0,
            0 if finding.level is Level.SEGMENT else 1,
        ),
    )
    by_segment: dict[tuple[int, str], list[Finding]] = {}
    for finding in located:
        key = (finding.segment_position or 0, finding.segment or "")
        by_segment.setdefault(key, []).append(finding)
    notes: list[list[str]] = []
    for (position, tag), items in by_segment.items():
        segment_level = [item for item in items if item.level is Level.SEGMENT]
        element_level = [item for item in items if item.level is Level.ELEMENT]
        written_tag = _tag(tag)
        for item in segment_level:
            notes.append(
                [
                    "AK3",
                    written_tag,
                    str(position),
                    _safe(item.loop or "", reserved),
                    item.code.value,
                ]
            )
        if not segment_level:
            loop = _safe(element_level[0].loop or "", reserved)
            notes.append(
                ["AK3", written_tag, str(position), loop, SegmentError.ELEMENT_ERRORS.value]
            )
        for item in element_level[:MAX_ELEMENT_NOTES]:
            place = str(item.element_position or 0)
            if modern and item.component_position:
                place += f"{component}{item.component_position}"
            notes.append(
                [
                    "AK4",
                    place,
                    _safe(item.element_reference or "", reserved),
                    item.code.value,
                    _safe(item.value or "", reserved),
                ]
            )
    return notes


def _set_codes(findings: Sequence[Finding]) -> list[str]:
    codes: list[str] = [
        finding.code.value for finding in findings if isinstance(finding.code, SetError)
    ]
    if any(finding.level in (Level.SEGMENT, Level.ELEMENT) for finding in findings):
        codes.append(SetError.SEGMENTS_IN_ERROR.value)
    return _unique(codes)


def _unique(codes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(codes))[:MAX_CODES]


def _reserved(delimiters: Delimiters) -> frozenset[str]:
    reserved = {delimiters.element, delimiters.component, delimiters.segment}
    if delimiters.repetition:
        reserved.add(delimiters.repetition)
    return frozenset(reserved)


def _safe(value: str, reserved: frozenset[str]) -> str:
    """``value`` if it can be written as it is, else nothing."""
    if not value.isprintable() or any(character in reserved for character in value):
        return ""
    return value


def _tag(tag: str) -> str:
    written = "".join(character for character in tag if character.isalnum() and character.isascii())
    return written[:3] or "UNK"


def _digits_or_zero(value: str) -> str:
    kept = "".join(character for character in value if "0" <= character <= "9")
    return kept[:9] or "0"


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class InterchangeAcknowledgement:
    """What a partner's TA1 says about one of our interchanges."""

    control_number: str
    date: str
    time: str
    status: FunctionalAckStatus
    note: InterchangeError

    @property
    def rejected(self) -> bool:
        return self.status is FunctionalAckStatus.REJECTED

    def canonical(self) -> FunctionalAcknowledgement:
        """The TA1 as the canonical acknowledgement of a whole interchange."""
        findings: tuple[SyntaxFinding, ...] = ()
        if self.note is not InterchangeError.NO_ERROR:
            message = self.note.name.lower().replace("_", " ")
            findings = (SyntaxFinding(code=self.note.value, message=message, segment="ISA"),)
        return FunctionalAcknowledgement(
            control_number=self.control_number,
            status=self.status,
            level=AcknowledgedLevel.INTERCHANGE,
            findings=findings,
        )


def read_interchange_acknowledgement(segment: Segment) -> InterchangeAcknowledgement:
    """A TA1 segment, read; ``DecodeError`` names every element that is wrong."""
    problems: list[Problem] = []
    if segment.tag != "TA1":
        raise DecodeError("TA1", [Problem("TA1", f"expected a TA1 segment, got {segment.tag!r}")])
    control = segment.get(1)
    if not digits(control, 9, 9):
        problems.append(Problem("TA101", f"must be a nine-digit control number, got {control!r}"))
    status = _INTERCHANGE_STATUS.get(segment.get(4))
    if status is None:
        problems.append(Problem("TA104", f"must be A, E or R, got {segment.get(4)!r}"))
    note = _member(InterchangeError, segment.get(5))
    if not isinstance(note, InterchangeError):
        problems.append(Problem("TA105", f"is not an interchange note code: {segment.get(5)!r}"))
    if problems or status is None or not isinstance(note, InterchangeError):
        raise DecodeError("TA1", problems)
    return InterchangeAcknowledgement(
        control_number=control,
        date=segment.get(2),
        time=segment.get(3),
        status=status,
        note=note,
    )


def read_functional_acknowledgement(segments: Sequence[Segment]) -> FunctionalAcknowledgement:
    """A 997 (its segments, with or without ST/SE) as a canonical functional acknowledgement.

    ``DecodeError`` names the segment and element of every problem found.
    """
    reader = _AcknowledgementReader()
    for index, segment in enumerate(segments, start=1):
        reader.take(segment, index)
    return reader.finish()


class _AcknowledgementReader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.control_number: str | None = None
        self.status: FunctionalAckStatus | None = None
        self.group_findings: list[SyntaxFinding] = []
        self.sets: list[AcknowledgedSet] = []
        self._open: tuple[str, str] | None = None
        self._set_findings: list[SyntaxFinding] = []
        self._segment: tuple[str, int | None] | None = None

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))

    def take(self, segment: Segment, index: int) -> None:
        tag = segment.tag
        if tag in ("ST", "SE"):
            return
        if tag == "AK1":
            if self.control_number is not None:
                self.problem(f"AK1[{index}]", "a 997 answers one group: a second AK1")
            control = segment.get(2)
            if not digits(control, 1, 9):
                self.problem("AK102", f"must be a group control number, got {control!r}")
            self.control_number = control
        elif self.control_number is None:
            self.problem(tag, f"{tag} before AK1 (segment {index})")
        elif tag == "AK2":
            self._end_set(index)
            code, control = segment.get(1), segment.get(2)
            if not code:
                self.problem(f"AK2[{index}].AK201", "is required")
            if not control:
                self.problem(f"AK2[{index}].AK202", "is required")
            self._open = (code, control)
            self._set_findings, self._segment = [], None
        elif tag == "AK3":
            self._read_segment_note(segment, index)
        elif tag == "AK4":
            self._read_element_note(segment, index)
        elif tag == "AK5":
            self._read_set_response(segment, index)
        elif tag == "AK9":
            self._end_set(index)
            self._read_group_response(segment, index)
        else:
            self.problem(tag, f"{tag} is not a segment of a 997 (segment {index})")

    def _read_segment_note(self, segment: Segment, index: int) -> None:
        if self._open is None:
            self.problem(f"AK3[{index}]", "AK3 outside an AK2 loop")
            return
        tag, position = segment.get(1), _number(segment.get(2))
        if not tag:
            self.problem(f"AK3[{index}].AK301", "is required")
        if position is None:
            self.problem(f"AK3[{index}].AK302", f"must be a number, got {segment.get(2)!r}")
        self._segment = (tag, position)
        code = segment.get(4)
        if code:
            self._set_findings.append(
                SyntaxFinding(
                    code=code,
                    message=_describe(SegmentError, code, "segment"),
                    segment=tag or None,
                    segment_position=position,
                )
            )

    def _read_element_note(self, segment: Segment, index: int) -> None:
        if self._segment is None:
            self.problem(f"AK4[{index}]", "AK4 without a preceding AK3")
            return
        place = segment.get(1)
        leading = place[: len(place) - len(place.lstrip("0123456789"))]
        position = _number(leading)
        if position is None:
            self.problem(f"AK4[{index}].AK401", f"must be an element position, got {place!r}")
        code = segment.get(3)
        if not code:
            self.problem(f"AK4[{index}].AK403", "is required")
            return
        tag, segment_position = self._segment
        self._set_findings.append(
            SyntaxFinding(
                code=code,
                message=_describe(ElementError, code, "element"),
                segment=tag or None,
                segment_position=segment_position,
                element_position=position,
            )
        )

    def _read_set_response(self, segment: Segment, index: int) -> None:
        if self._open is None:
            self.problem(f"AK5[{index}]", "AK5 outside an AK2 loop")
            return
        status = _SET_STATUS.get(segment.get(1))
        if status is None:
            self.problem(f"AK5[{index}].AK501", f"must be A, E or R, got {segment.get(1)!r}")
            status = FunctionalAckStatus.REJECTED
        for position in range(2, 7):
            code = segment.get(position)
            if code:
                self._set_findings.append(
                    SyntaxFinding(code=code, message=_describe(SetError, code, "transaction set"))
                )
        code, control = self._open
        self.sets.append(
            AcknowledgedSet(
                control_number=control,
                document_type=DOCUMENT_TYPES.get(code, f"x12_{code}"),
                status=status,
                findings=tuple(self._set_findings),
            )
        )
        self._open, self._set_findings, self._segment = None, [], None

    def _end_set(self, index: int) -> None:
        if self._open is not None:
            self.problem(f"AK2[{index}]", f"the AK2 loop of set {self._open[1]!r} has no AK5")
            self._open = None

    def _read_group_response(self, segment: Segment, index: int) -> None:
        if self.status is not None:
            self.problem(f"AK9[{index}]", "a second AK9")
        status = _GROUP_STATUS.get(segment.get(1))
        if status is None:
            self.problem("AK901", f"must be A, E, P or R, got {segment.get(1)!r}")
            return
        self.status = status
        for position in range(5, 10):
            code = segment.get(position)
            if code:
                self.group_findings.append(
                    SyntaxFinding(code=code, message=_describe(GroupError, code, "group"))
                )

    def finish(self) -> FunctionalAcknowledgement:
        self._end_set(0)
        if self.control_number is None:
            self.problem("AK1", "is required")
        if self.status is None and not any(p.field == "AK901" for p in self.problems):
            self.problem("AK9", "is required")
        if self.problems or self.control_number is None or self.status is None:
            raise DecodeError("997", self.problems)
        document = FunctionalAcknowledgement(
            control_number=self.control_number,
            status=self.status,
            sets=tuple(self.sets),
            findings=tuple(self.group_findings),
        )
        found = document.problems()
        if found:
            raise DecodeError("997", found)
        return document


def _number(value: str) -> int | None:
    return int(value) if digits(value, 1, 9) else None


def _member(kind: type[StrEnum], value: str) -> StrEnum | None:
    try:
        return kind(value)
    except ValueError:
        return None


def _describe(kind: type[StrEnum], code: str, what: str) -> str:
    member = _member(kind, code)
    if member is None:
        return f"{what}: code {code}"
    return f"{what}: {member.name.lower().replace('_', ' ')}"
