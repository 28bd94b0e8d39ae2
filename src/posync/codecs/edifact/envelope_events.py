"""What ``envelope.read_interchanges`` yields: messages in their envelopes, and closings.

Each event is frozen data. Headers carry what was wrong with them (known when
they are read); closings carry what their trailers showed and the result of
every message (and group) they held, everything a CONTRL needs. ``rejected``
counts errors only (``Severity.ERROR``); warnings are accepted and noted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from posync.codecs.edifact.findings import Finding, Severity
from posync.codecs.edifact.segments import Segment
from posync.codecs.edifact.syntax import InterchangeSyntax, ServiceCharacters


def rejects(findings: Iterable[Finding]) -> bool:
    """Whether any of ``findings`` is an error."""
    return any(finding.severity is Severity.ERROR for finding in findings)


class MessageIdentifier(NamedTuple):
    """UNH S009: message type, version, release, controlling agency, association code."""

    type: str
    version: str
    release: str
    agency: str
    association: str = ""

    @property
    def directory(self) -> str:
        """``D:96A:UN``: the directory the message is written in."""
        return f"{self.version}:{self.release}:{self.agency}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    """An interchange or group sender or recipient: identification and its code qualifier."""

    id: str
    qualifier: str = ""
    routing: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class InterchangeHeader:
    """What the UNA and UNB say, and what is wrong with them."""

    syntax: InterchangeSyntax
    sender: Party
    recipient: Party
    date: str
    time: str
    control_reference: str
    application_reference: str = ""
    priority: str = ""
    acknowledgement_requested: bool = False
    agreement: str = ""
    test: bool = False
    offset: int = 0
    findings: tuple[Finding, ...] = ()

    @property
    def characters(self) -> ServiceCharacters:
        return self.syntax.characters

    @property
    def syntax_identifier(self) -> str:
        return self.syntax.identifier

    @property
    def syntax_version(self) -> str:
        return self.syntax.version


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupHeader:
    """What a UNG says (functional groups are optional, and rare), and what is wrong with it."""

    group_id: str
    sender: Party
    recipient: Party
    date: str
    time: str
    reference: str
    agency: str
    version: str
    release: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageResult:
    """One message as a CONTRL sees it: which message, and what was found."""

    reference: str
    identifier: MessageIdentifier
    findings: tuple[Finding, ...] = ()

    @property
    def rejected(self) -> bool:
        return rejects(self.findings)


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageRead:
    """A message as read (UNH..UNT), in its envelope, with its segments and findings."""

    interchange: InterchangeHeader
    group: GroupHeader | None
    reference: str
    identifier: MessageIdentifier
    common_access_reference: str
    segments: tuple[Segment, ...]
    findings: tuple[Finding, ...]

    @property
    def type(self) -> str:
        return self.identifier.type

    @property
    def result(self) -> MessageResult:
        return MessageResult(
            reference=self.reference, identifier=self.identifier, findings=self.findings
        )

    @property
    def rejected(self) -> bool:
        """Rejected by itself or by what its group and interchange headers said."""
        return (
            rejects(self.findings)
            or (self.group is not None and rejects(self.group.findings))
            or rejects(self.interchange.findings)
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupClosed:
    """A functional group has ended: its findings and the result of each of its messages."""

    interchange: InterchangeHeader
    group: GroupHeader
    declared_count: str
    messages: tuple[MessageResult, ...]
    findings: tuple[Finding, ...]

    @property
    def rejected(self) -> bool:
        return rejects(self.findings)


@dataclass(frozen=True, slots=True, kw_only=True)
class InterchangeClosed:
    """An interchange has ended: its findings and everything it held, for its CONTRL.

    ``messages`` are those outside functional groups, ``groups`` the groups.
    """

    interchange: InterchangeHeader
    declared_count: str
    messages: tuple[MessageResult, ...]
    groups: tuple[GroupClosed, ...]
    findings: tuple[Finding, ...]

    @property
    def rejected(self) -> bool:
        return rejects(self.findings)


InterchangeEvent = MessageRead | GroupClosed | InterchangeClosed
