"""What ``envelope.read_interchanges`` yields: sets in their envelopes, and closings.

Each event is frozen data. Headers carry what was wrong with them (known when
they are read); closings carry what their trailers showed. ``rejected``
counts errors only (``Severity.ERROR``); warnings are accepted and noted.
"""

from __future__ import annotations

from dataclasses import dataclass

from posync.codecs.x12.findings import Finding, Severity
from posync.codecs.x12.syntax import Delimiters, Segment


def _rejects(findings: tuple[Finding, ...]) -> bool:
    # Asked three times of every set read, whose findings are mostly none at all.
    return bool(findings) and any(finding.severity is Severity.ERROR for finding in findings)


@dataclass(frozen=True, slots=True, kw_only=True)
class InterchangeHeader:
    """What the ISA says, and what is wrong with it."""

    sender_qualifier: str
    sender_id: str
    receiver_qualifier: str
    receiver_id: str
    date: str
    time: str
    control_number: str
    version: str
    acknowledgement_requested: bool
    usage: str
    delimiters: Delimiters
    offset: int
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupHeader:
    """What the GS says, and what is wrong with it (or with its version)."""

    functional_id: str
    sender_code: str
    receiver_code: str
    date: str
    time: str
    control_number: str
    agency: str
    version: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class SetResult:
    """One set as its group's 997 sees it: which set, and what was found."""

    code: str
    control_number: str
    implementation_convention: str = ""
    findings: tuple[Finding, ...] = ()

    @property
    def rejected(self) -> bool:
        return _rejects(self.findings)


@dataclass(frozen=True, slots=True, kw_only=True)
class SetRead:
    """A transaction set as read, in its envelope, with its segments (ST..SE)."""

    interchange: InterchangeHeader
    group: GroupHeader
    code: str
    control_number: str
    implementation_convention: str
    segments: tuple[Segment, ...]
    findings: tuple[Finding, ...]

    @property
    def delimiters(self) -> Delimiters:
        return self.interchange.delimiters

    @property
    def result(self) -> SetResult:
        return SetResult(
            code=self.code,
            control_number=self.control_number,
            implementation_convention=self.implementation_convention,
            findings=self.findings,
        )

    @property
    def rejected(self) -> bool:
        """Rejected by itself or by what its group and interchange headers said."""
        return (
            _rejects(self.findings)
            or _rejects(self.group.findings)
            or _rejects(self.interchange.findings)
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupClosed:
    """A functional group has ended: its findings and the result of each of its sets."""

    interchange: InterchangeHeader
    group: GroupHeader
    declared_set_count: str
    sets: tuple[SetResult, ...]
    findings: tuple[Finding, ...]

    @property
    def rejected(self) -> bool:
        return _rejects(self.findings)


@dataclass(frozen=True, slots=True, kw_only=True)
class InterchangeClosed:
    """An interchange has ended: its findings (ISA, IEA, content) and its group count."""

    interchange: InterchangeHeader
    declared_group_count: str
    group_count: int
    findings: tuple[Finding, ...]

    @property
    def rejected(self) -> bool:
        return _rejects(self.findings)


@dataclass(frozen=True, slots=True, kw_only=True)
class InterchangeAcknowledgementRead:
    """A TA1 that arrived in an interchange, outside any functional group."""

    interchange: InterchangeHeader
    segment: Segment


InterchangeEvent = SetRead | GroupClosed | InterchangeClosed | InterchangeAcknowledgementRead
