"""The checks of service segment headers and trailers that need no state.

``EnvelopeChecks`` holds UNB, UNG and UNH to the service segment directory
(ISO 9735: mandatory elements, lengths, the few service code lists) and adds
what the directory cannot say: the syntax identifier and version posync
reads, the decimal mark the UNA declares, and dates in the form the syntax
version gives them (YYMMDD in version 3, CCYYMMDD in version 4, HHMM).
``trailer_findings`` holds a UNT, UNE or UNZ count and reference to what
arrived; ``same_reference`` compares references as translators do.
"""

from __future__ import annotations

from datetime import datetime

from posync.codecs.edifact.charsets import REPERTOIRES
from posync.codecs.edifact.dictionary import D96A
from posync.codecs.edifact.element_checks import ElementProblem, SegmentChecker, ValueCheck
from posync.codecs.edifact.findings import (
    Finding,
    Level,
    Severity,
    SyntaxErrorCode,
    quotable,
    severity_of,
)
from posync.codecs.edifact.segments import Segment
from posync.codecs.edifact.syntax import InterchangeSyntax

SYNTAX_VERSIONS = ("3", "4")
"""Syntax versions posync reads (ISO 9735 versions 3 and 4)."""
DECIMAL_MARKS = (".", ",")


class EnvelopeChecks:
    """The header checks of one reader, its service segment checkers built once."""

    __slots__ = ("_checkers",)

    def __init__(self) -> None:
        shared: dict[str, ValueCheck] = {}
        self._checkers = {
            tag: SegmentChecker(D96A.segments[tag], shared)
            for tag in ("UNB", "UNZ", "UNG", "UNE", "UNH", "UNT")
        }

    def elements(self, segment: Segment, level: Level, position: int | None) -> list[Finding]:
        """The service segment's data elements against the service directory."""
        problems = self._checkers[segment.tag].check(segment, ".")
        return [_finding(segment, level, position, problem) for problem in problems]

    def interchange_header(self, unb: Segment, syntax: InterchangeSyntax) -> list[Finding]:
        """What is wrong with a UNB (and the UNA before it)."""
        findings = self.elements(unb, Level.INTERCHANGE, None)
        if syntax.identifier not in REPERTOIRES:
            findings.append(
                _service(
                    unb,
                    Level.INTERCHANGE,
                    SyntaxErrorCode.SYNTAX_VERSION_OR_LEVEL_NOT_SUPPORTED,
                    f"syntax identifier {syntax.identifier!r} is not one posync reads "
                    f"({', '.join(REPERTOIRES)})",
                    1,
                    1,
                    syntax.identifier,
                )
            )
        if syntax.version not in SYNTAX_VERSIONS:
            findings.append(
                _service(
                    unb,
                    Level.INTERCHANGE,
                    SyntaxErrorCode.SYNTAX_VERSION_OR_LEVEL_NOT_SUPPORTED,
                    f"syntax version {syntax.version!r} is not one posync reads "
                    f"({', '.join(SYNTAX_VERSIONS)})",
                    1,
                    2,
                    syntax.version,
                )
            )
        if syntax.characters.decimal not in DECIMAL_MARKS:
            findings.append(
                _service(
                    unb,
                    Level.INTERCHANGE,
                    SyntaxErrorCode.INVALID_DECIMAL_NOTATION,
                    f"the UNA declares {syntax.characters.decimal!r} as decimal mark; "
                    "it must be '.' or ','",
                    None,
                    None,
                    None,
                    tag="UNA",
                )
            )
        findings.extend(_date_findings(unb, 4, Level.INTERCHANGE, syntax.version))
        return findings

    def group_header(self, ung: Segment, syntax_version: str) -> list[Finding]:
        """What is wrong with a UNG."""
        findings = self.elements(ung, Level.GROUP, None)
        findings.extend(_date_findings(ung, 4, Level.GROUP, syntax_version))
        return findings


def _date_findings(
    segment: Segment, position: int, level: Level, syntax_version: str
) -> list[Finding]:
    """S004: the date (0017) and time (0019) of preparation."""
    date, time = segment.component(position, 1), segment.component(position, 2)
    findings = []
    if date and not (_is(date, "%Y%m%d", 8) or (syntax_version != "4" and _is(date, "%y%m%d", 6))):
        wanted = "CCYYMMDD" if syntax_version == "4" else "YYMMDD"
        findings.append(
            _service(
                segment,
                level,
                SyntaxErrorCode.INVALID_VALUE,
                f"0017 {date!r} is not a date ({wanted})",
                position,
                1,
                date,
            )
        )
    if time and not _is(time, "%H%M", 4):
        findings.append(
            _service(
                segment,
                level,
                SyntaxErrorCode.INVALID_VALUE,
                f"0019 {time!r} is not a time (HHMM)",
                position,
                2,
                time,
            )
        )
    return findings


def _is(value: str, form: str, width: int) -> bool:
    if len(value) != width or not (value.isdigit() and value.isascii()):
        return False
    try:
        datetime.strptime(value, form)  # noqa: DTZ007 - a calendar check, no time zone involved
    except ValueError:
        return False
    return True


def _finding(
    segment: Segment, level: Level, position: int | None, problem: ElementProblem
) -> Finding:
    return Finding(
        level=level,
        code=problem.code,
        severity=problem.severity,
        message=f"{segment.tag}{problem.element_position:02d}: {problem.message}",
        segment=segment.tag,
        segment_position=position,
        element_position=problem.element_position,
        component_position=problem.component_position,
        element_reference=problem.reference or None,
        value=problem.value,
    )


def _service(
    segment: Segment,
    level: Level,
    code: SyntaxErrorCode,
    message: str,
    element: int | None,
    component: int | None,
    value: str | None,
    *,
    tag: str | None = None,
) -> Finding:
    return Finding(
        level=level,
        code=code,
        severity=Severity.ERROR,
        message=message,
        segment=tag or segment.tag,
        element_position=element,
        component_position=component,
        value=quotable(value) if value else None,
    )


def same_reference(left: str, right: str) -> bool:
    """Control references agree: equal text, or equal numbers when both are digits."""
    left, right = left.strip(), right.strip()
    if left.isdigit() and right.isdigit() and left.isascii() and right.isascii():
        return int(left) == int(right)
    return left == right


def is_count(value: str) -> bool:
    """A control count: one to six ASCII digits."""
    return value.isdigit() and value.isascii() and 1 <= len(value) <= 6


def trailer_findings(
    trailer: Segment,
    level: Level,
    position: int | None,
    counted: tuple[int, str, str],
    reference: tuple[str, str],
) -> list[Finding]:
    """A trailer's count (its element 1) and reference (element 2) against what arrived."""
    tag = trailer.tag
    count, things, holder = counted
    declared, header_element = reference
    found = []
    written = trailer.component(1)
    if is_count(written) and int(written) != count:
        found.append(
            envelope_finding(
                level,
                SyntaxErrorCode.CONTROL_COUNT_DOES_NOT_MATCH,
                f"{tag} counts {written} {things}, {holder} holds {count}",
                segment=tag,
                position=position,
                element=1,
            )
        )
    if trailer.component(2) and not same_reference(trailer.component(2), declared):
        found.append(
            envelope_finding(
                level,
                SyntaxErrorCode.REFERENCES_DO_NOT_MATCH,
                f"{tag} reference {trailer.component(2)!r} does not match "
                f"{header_element} {declared!r}",
                segment=tag,
                position=position,
                element=2,
            )
        )
    return found


def envelope_finding(
    level: Level,
    code: SyntaxErrorCode,
    message: str,
    *,
    segment: str | None = None,
    position: int | None = None,
    element: int | None = None,
) -> Finding:
    return Finding(
        level=level,
        code=code,
        severity=severity_of(code),
        message=message,
        segment=segment,
        segment_position=position,
        element_position=element,
    )
