"""CONTRL, the syntax and service report: written from the envelope's events, and read.

Pure functions: ``syntax_report`` takes what ``envelope.read_interchanges``
said when an interchange closed and returns the CONTRL's body segments (no
UNH/UNT); ``read_syntax_report`` turns a partner's CONTRL into posync's
canonical ``FunctionalAcknowledgement``. No I/O.

How the answer follows from findings (``Severity.ERROR`` rejects, a warning
is accepted and kept to posync's own records, not reported):

- UCI: action 4 (rejected) when the interchange itself has an error, with
  the first one's 0085 code, segment tag and element; 7 (acknowledged, and
  every lower level unless rejected below) otherwise; 8 (received) when only
  receipt is acknowledged (``received_only``), with nothing below it.
- UCF per functional group, UCM per message: 4 with the code of the
  envelope error (UNH/UNT, UNG/UNE) when there is one, else 4 when anything
  in it rejects, else 7. Under a rejected message each segment in error gets
  a UCS (position, and the code of a segment error), each element in error a
  UCD (code, position, component).

Read back, a UCI 4 is ``rejected``; 7 is ``accepted`` when no message is
rejected, ``partially_accepted`` when some are and ``rejected`` when all
are; 8 (received) reads as ``accepted``; listed errors under an accepted
message make it ``accepted_with_errors``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import MappingProxyType

from posync.codecs.edifact.envelope_events import (
    GroupClosed,
    InterchangeClosed,
    MessageIdentifier,
    MessageResult,
    Party,
)
from posync.codecs.edifact.findings import Finding, Level, Severity, SyntaxErrorCode
from posync.codecs.edifact.segments import Segment, segment
from posync.codecs.errors import DecodeError
from posync.domain.documents.functional_acknowledgement import (
    AcknowledgedSet,
    FunctionalAcknowledgement,
    FunctionalAckStatus,
    SyntaxFinding,
)
from posync.domain.errors import Problem

REJECTED = "4"
ACKNOWLEDGED = "7"
RECEIVED = "8"
MAX_SEGMENT_REPORTS = 999
MAX_ELEMENT_REPORTS = 99

DOCUMENT_TYPES = MappingProxyType(
    {
        "ORDERS": "purchase_order",
        "ORDRSP": "purchase_order_acknowledgement",
        "ORDCHG": "purchase_order_change",
        "DESADV": "ship_notice",
        "INVOIC": "invoice",
        "RECADV": "goods_receipt",
        "CONTRL": "functional_acknowledgement",
    }
)
"""Canonical document types of the messages posync trades; others read as ``edifact_<type>``."""


def contrl_identifier(syntax_version: str) -> MessageIdentifier:
    """UNH S009 of a CONTRL answering an interchange of ``syntax_version``."""
    if syntax_version == "4":
        return MessageIdentifier("CONTRL", "4", "1", "UN")
    return MessageIdentifier("CONTRL", "D", "3", "UN")


# --- writing --------------------------------------------------------------------------------


def syntax_report(closed: InterchangeClosed, *, received_only: bool = False) -> list[Segment]:
    """The body of the CONTRL (UCI, then UCM/UCF with UCS/UCD) that answers ``closed``."""
    header = closed.interchange
    uci = _response(
        "UCI",
        (header.control_reference, _party(header.sender), _party(header.recipient)),
        RECEIVED if received_only else None,
        closed.findings,
    )
    body = [uci]
    if received_only or uci.component(4) == REJECTED:
        return body
    for result in closed.messages:
        body.extend(_message_report(result))
    for group in closed.groups:
        body.extend(_group_report(group))
    return body


def _party(party: Party) -> tuple[str, ...]:
    return (party.id, party.qualifier) if party.qualifier else (party.id,)


def _errors(findings: Iterable[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity is Severity.ERROR]


def _response(
    tag: str,
    identification: tuple[str | tuple[str, ...], ...],
    action: str | None,
    findings: Iterable[Finding],
) -> Segment:
    """A UCI, UCF or UCM: identification, action, and the first error's code and place."""
    errors = _errors(findings)
    if action is None:
        action = REJECTED if errors else ACKNOWLEDGED
    parts: list[str | tuple[str, ...]] = [*identification, action]
    if errors and action == REJECTED:
        first = errors[0]
        parts.append(first.code.value)
        parts.append(_tag(first.segment))
        if first.element_position:
            place: tuple[str, ...] = (str(first.element_position),)
            if first.component_position:
                place += (str(first.component_position),)
            parts.append(place)
    return segment(tag, *parts)


def _tag(tag: str | None) -> str:
    written = "".join(c for c in tag or "" if c.isascii() and c.isalnum())
    return written[:3]


def _message_report(result: MessageResult) -> list[Segment]:
    identifier = result.identifier
    s009 = tuple(
        part
        for part in (
            identifier.type,
            identifier.version,
            identifier.release,
            identifier.agency,
            identifier.association,
        )
    )
    envelope = [f for f in result.findings if f.level in (Level.MESSAGE, Level.GROUP)]
    ucm = _response("UCM", (result.reference, _strip(s009)), None, envelope)
    if result.rejected and ucm.component(4) != REJECTED:
        ucm = segment("UCM", result.reference, _strip(s009), REJECTED)
    reports = [ucm]
    if result.rejected:
        reports.extend(_segment_reports(result.findings))
    return reports


def _strip(parts: tuple[str, ...]) -> tuple[str, ...]:
    kept = list(parts)
    while len(kept) > 1 and not kept[-1]:
        kept.pop()
    return tuple(kept)


def _segment_reports(findings: Sequence[Finding]) -> list[Segment]:
    by_position: dict[int, list[Finding]] = {}
    for finding in _errors(findings):
        if finding.level in (Level.SEGMENT, Level.ELEMENT) and finding.segment_position:
            by_position.setdefault(finding.segment_position, []).append(finding)
    reports: list[Segment] = []
    for position in sorted(by_position)[:MAX_SEGMENT_REPORTS]:
        items = by_position[position]
        segment_errors = [f for f in items if f.level is Level.SEGMENT]
        code = segment_errors[0].code.value if segment_errors else ""
        reports.append(
            segment("UCS", str(position), code) if code else segment("UCS", str(position))
        )
        for item in [f for f in items if f.level is Level.ELEMENT][:MAX_ELEMENT_REPORTS]:
            place: tuple[str, ...] = (str(item.element_position or 1),)
            if item.component_position:
                place += (str(item.component_position),)
            reports.append(segment("UCD", item.code.value, place))
    return reports


def _group_report(group: GroupClosed) -> list[Segment]:
    header = group.group
    ucf = _response(
        "UCF",
        (header.reference, _party(header.sender), _party(header.recipient)),
        None,
        group.findings,
    )
    reports = [ucf]
    if ucf.component(4) == REJECTED:
        return reports
    for result in group.messages:
        reports.extend(_message_report(result))
    return reports


# --- reading --------------------------------------------------------------------------------


def read_syntax_report(segments: Sequence[Segment]) -> FunctionalAcknowledgement:
    """A CONTRL (its segments, with or without UNH/UNT) as a canonical functional acknowledgement.

    ``DecodeError`` names the segment and element of every problem found.
    """
    reader = _ReportReader()
    for index, item in enumerate(segments, start=1):
        reader.take(item, index)
    return reader.finish()


_ACTIONS = MappingProxyType(
    {
        REJECTED: FunctionalAckStatus.REJECTED,
        ACKNOWLEDGED: FunctionalAckStatus.ACCEPTED,
        RECEIVED: FunctionalAckStatus.ACCEPTED,
    }
)


class _ReportReader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.reference: str | None = None
        self.action: str | None = None
        self.findings: list[SyntaxFinding] = []
        self.sets: list[AcknowledgedSet] = []
        self._open: tuple[str, str, str] | None = None  # reference, document type, action
        self._open_findings: list[SyntaxFinding] = []
        self._segment_position: int | None = None

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))

    def take(self, item: Segment, index: int) -> None:
        tag = item.tag
        if tag in ("UNH", "UNT"):
            return
        if tag == "UCI":
            if self.reference is not None:
                self.problem(f"UCI[{index}]", "a CONTRL answers one interchange: a second UCI")
            self.reference = item.component(1)
            if not self.reference:
                self.problem("UCI.0020", "is required")
            self.action = self._action(item, 4, "UCI")
            self._own_error(item, self.findings, "interchange")
        elif self.reference is None:
            self.problem(tag, f"{tag} before UCI (segment {index})")
        elif tag == "UCF":
            self._end_message()
            self._action(item, 4, f"UCF[{index}]")
            self._own_error(item, self.findings, "functional group")
        elif tag == "UCM":
            self._end_message()
            action = self._action(item, 3, f"UCM[{index}]") or REJECTED
            reference, kind = item.component(1), item.component(2, 1)
            if not reference:
                self.problem(f"UCM[{index}].0062", "is required")
            if not kind:
                self.problem(f"UCM[{index}].S009", "is required")
            document = DOCUMENT_TYPES.get(kind, f"edifact_{kind.lower()}")
            self._open = (reference, document, action)
            self._open_findings, self._segment_position = [], None
            self._own_error(item, self._open_findings, "message")
        elif tag == "UCS":
            self._segment_report(item, index)
        elif tag == "UCD":
            self._element_report(item, index)
        else:
            self.problem(tag, f"{tag} is not a segment of a CONTRL (segment {index})")

    def _action(self, item: Segment, position: int, where: str) -> str | None:
        action = item.component(position)
        if action not in _ACTIONS:
            self.problem(f"{where}.0083", f"must be 4, 7 or 8, got {action!r}")
            return None
        return action

    def _own_error(self, item: Segment, findings: list[SyntaxFinding], what: str) -> None:
        offset = 5 if item.tag in ("UCI", "UCF") else 4
        code = item.component(offset)
        if code:
            findings.append(
                SyntaxFinding(
                    code=code,
                    message=_describe(code, what),
                    segment=item.component(offset + 1) or None,
                    element_position=_number(item.component(offset + 2, 1)),
                )
            )

    def _segment_report(self, item: Segment, index: int) -> None:
        if self._open is None:
            self.problem(f"UCS[{index}]", "UCS outside a UCM")
            return
        position = _number(item.component(1))
        if position is None:
            self.problem(
                f"UCS[{index}].0096", f"must be a segment position, got {item.component(1)!r}"
            )
        self._segment_position = position
        code = item.component(2)
        if code:
            self._open_findings.append(
                SyntaxFinding(
                    code=code, message=_describe(code, "segment"), segment_position=position
                )
            )

    def _element_report(self, item: Segment, index: int) -> None:
        if self._open is None or self._segment_position is None:
            self.problem(f"UCD[{index}]", "UCD without a UCS before it")
            return
        code = item.component(1)
        if not code:
            self.problem(f"UCD[{index}].0085", "is required")
            return
        self._open_findings.append(
            SyntaxFinding(
                code=code,
                message=_describe(code, "data element"),
                segment_position=self._segment_position,
                element_position=_number(item.component(2, 1)),
            )
        )

    def _end_message(self) -> None:
        if self._open is None:
            return
        reference, document, action = self._open
        status = _ACTIONS[action]
        if status is FunctionalAckStatus.ACCEPTED and self._open_findings:
            status = FunctionalAckStatus.ACCEPTED_WITH_ERRORS
        self.sets.append(
            AcknowledgedSet(
                control_number=reference,
                document_type=document,
                status=status,
                findings=tuple(self._open_findings),
            )
        )
        self._open, self._open_findings, self._segment_position = None, [], None

    def finish(self) -> FunctionalAcknowledgement:
        self._end_message()
        if self.reference is None:
            self.problem("UCI", "is required")
        if self.problems or self.reference is None or self.action is None:
            raise DecodeError("CONTRL", self.problems)
        status = _ACTIONS[self.action]
        if status is FunctionalAckStatus.ACCEPTED and self.sets:
            rejected = sum(s.status is FunctionalAckStatus.REJECTED for s in self.sets)
            if rejected == len(self.sets):
                status = FunctionalAckStatus.REJECTED
            elif rejected:
                status = FunctionalAckStatus.PARTIALLY_ACCEPTED
        if status is FunctionalAckStatus.ACCEPTED and self.findings:
            status = FunctionalAckStatus.ACCEPTED_WITH_ERRORS
        document = FunctionalAcknowledgement(
            control_number=self.reference,
            status=status,
            sets=tuple(self.sets),
            findings=tuple(self.findings),
        )
        found = document.problems()
        if found:
            raise DecodeError("CONTRL", found)
        return document


def _number(value: str) -> int | None:
    return int(value) if value.isdigit() and value.isascii() and len(value) <= 6 else None


def _describe(code: str, what: str) -> str:
    try:
        return f"{what}: {SyntaxErrorCode(code).description}"
    except ValueError:
        return f"{what}: syntax error code {code}"
