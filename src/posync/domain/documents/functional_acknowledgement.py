"""A syntax-level answer (997, 999, CONTRL, cXML status): was the message readable?"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from posync.domain.errors import Problem
from posync.domain.validation import Checks, Validated


class AcknowledgedLevel(StrEnum):
    """What an acknowledgement answers: a functional group (997, CONTRL) or an envelope (TA1)."""

    GROUP = "group"
    INTERCHANGE = "interchange"


class FunctionalAckStatus(StrEnum):
    ACCEPTED = "accepted"
    ACCEPTED_WITH_ERRORS = "accepted_with_errors"
    PARTIALLY_ACCEPTED = "partially_accepted"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True, kw_only=True)
class SyntaxFinding:
    """An error code of the standard and where it was found."""

    code: str
    message: str
    segment: str | None = None
    segment_position: int | None = None
    element_position: int | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("code", self.code, max_length=10)
        checks.positive("segment_position", self.segment_position)
        checks.positive("element_position", self.element_position)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class AcknowledgedSet:
    """The answer for one message of the acknowledged group."""

    control_number: str
    document_type: str
    status: FunctionalAckStatus
    findings: tuple[SyntaxFinding, ...] = ()

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("control_number", self.control_number, max_length=14)
        checks.text("document_type", self.document_type, max_length=40)
        checks.each("findings", self.findings)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class FunctionalAcknowledgement(Validated):
    """Answers group or interchange ``control_number`` as a whole and set by set."""

    control_number: str
    status: FunctionalAckStatus
    level: AcknowledgedLevel = AcknowledgedLevel.GROUP
    sets: tuple[AcknowledgedSet, ...] = ()
    findings: tuple[SyntaxFinding, ...] = ()

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("control_number", self.control_number, max_length=14)
        checks.each("sets", self.sets)
        checks.each("findings", self.findings)
        return checks.found
