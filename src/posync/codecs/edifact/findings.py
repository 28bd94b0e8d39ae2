"""What is wrong with an EDIFACT interchange, and the CONTRL code that says so.

EDIFACT has one code list for every level: UN/EDIFACT service code list 0085
"syntax error, coded" (ISO 9735 version 4; the D.96A list also kept the older
codes 1 to 11, which later versions dropped). A CONTRL carries the code in
UCI 0085 (interchange), UCF (group), UCM (message), UCS (segment) and UCD
(element), so a ``Finding`` says at which level it was found and where.

Whether a finding rejects its message (``Severity.ERROR``) or only notes an
error (``Severity.WARNING``) is posync's policy: ``severity_of`` gives the
default per code, and a check that knows better (a lower-case letter under
UNOA is noted, a byte the repertoire cannot decode rejects) says so itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class Level(StrEnum):
    INTERCHANGE = "interchange"
    GROUP = "group"
    MESSAGE = "message"
    SEGMENT = "segment"
    ELEMENT = "element"


class Severity(StrEnum):
    """``error`` rejects the message (or group, or interchange); ``warning`` notes it."""

    ERROR = "error"
    WARNING = "warning"


class SyntaxErrorCode(StrEnum):
    """Code list 0085, syntax error coded (ISO 9735 version 4 values)."""

    SYNTAX_VERSION_OR_LEVEL_NOT_SUPPORTED = "2"
    RECIPIENT_NOT_ACTUAL_RECIPIENT = "7"
    INVALID_VALUE = "12"
    MISSING = "13"
    VALUE_NOT_SUPPORTED_IN_POSITION = "14"
    NOT_SUPPORTED_IN_POSITION = "15"
    TOO_MANY_CONSTITUENTS = "16"
    NO_AGREEMENT = "17"
    UNSPECIFIED_ERROR = "18"
    INVALID_DECIMAL_NOTATION = "19"
    CHARACTER_INVALID_AS_SERVICE_CHARACTER = "20"
    INVALID_CHARACTERS = "21"
    INVALID_SERVICE_CHARACTERS = "22"
    UNKNOWN_INTERCHANGE_SENDER = "23"
    TOO_OLD = "24"
    TEST_INDICATOR_NOT_SUPPORTED = "25"
    DUPLICATE_DETECTED = "26"
    SECURITY_FUNCTION_NOT_SUPPORTED = "27"
    REFERENCES_DO_NOT_MATCH = "28"
    CONTROL_COUNT_DOES_NOT_MATCH = "29"
    GROUPS_AND_MESSAGES_MIXED = "30"
    MORE_THAN_ONE_MESSAGE_TYPE_IN_GROUP = "31"
    LOWER_LEVEL_EMPTY = "32"
    INVALID_OCCURRENCE_OUTSIDE_MESSAGE = "33"
    NESTING_INDICATOR_NOT_ALLOWED = "34"
    TOO_MANY_SEGMENT_REPETITIONS = "35"
    TOO_MANY_SEGMENT_GROUP_REPETITIONS = "36"
    INVALID_TYPE_OF_CHARACTERS = "37"
    MISSING_DIGIT_BEFORE_DECIMAL_MARK = "38"
    DATA_ELEMENT_TOO_LONG = "39"
    DATA_ELEMENT_TOO_SHORT = "40"
    UNKNOWN_INTERCHANGE_RECIPIENT = "43"
    TRAILING_SEPARATOR = "45"
    CHARACTER_SET_NOT_SUPPORTED = "46"

    @property
    def description(self) -> str:
        """The code's name in words: ``references do not match``."""
        return self.name.lower().replace("_", " ")


_WARNINGS = frozenset(
    {
        # A value outside the code lists posync keeps, or a segment the message
        # does not define: the reader can still make sense of the rest.
        SyntaxErrorCode.VALUE_NOT_SUPPORTED_IN_POSITION,
        SyntaxErrorCode.DATA_ELEMENT_TOO_LONG,
        SyntaxErrorCode.DATA_ELEMENT_TOO_SHORT,
        SyntaxErrorCode.TRAILING_SEPARATOR,
        SyntaxErrorCode.TOO_OLD,
        SyntaxErrorCode.TEST_INDICATOR_NOT_SUPPORTED,
        SyntaxErrorCode.MISSING_DIGIT_BEFORE_DECIMAL_MARK,
    }
)

SEVERITIES = MappingProxyType(
    {code: Severity.WARNING if code in _WARNINGS else Severity.ERROR for code in SyntaxErrorCode}
)
"""posync's default: what departs only from the letter of the standard is noted, the rest
rejects (a missing mandatory element, a count or reference that disagrees, a bad value)."""


def severity_of(code: SyntaxErrorCode) -> Severity:
    """How much a finding with ``code`` matters, unless the check that found it says."""
    return SEVERITIES[code]


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One thing wrong, where it is, its 0085 code and how much it matters.

    ``segment_position`` counts from 1 at the UNH of the message (as UCS 0096
    does); ``element_position`` and ``component_position`` count from 1 (UCD
    S011). ``repetition`` is the occurrence of a repeating element (from 1).
    ``value`` is the offending data, when there is some to quote.
    """

    level: Level
    code: SyntaxErrorCode
    severity: Severity
    message: str
    segment: str | None = None
    segment_position: int | None = None
    group: str | None = None
    """The segment group the segment stands in (``SG25``), when there is one."""
    element_position: int | None = None
    component_position: int | None = None
    repetition: int | None = None
    element_reference: str | None = None
    value: str | None = None

    @property
    def rejects(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = []
        if self.segment:
            where.append(self.segment)
        if self.segment_position is not None:
            where.append(f"at segment {self.segment_position}")
        prefix = " ".join(where)
        return (
            f"{self.severity.value} {self.code.value}: "
            f"{prefix + ': ' if prefix else ''}{self.message}"
        )


QUOTE_LIMIT = 70


def quotable(value: str) -> str | None:
    """``value`` as a finding may quote it: printable, at most 70 characters, else nothing."""
    if not value or not value.isprintable():
        return None
    return value[:QUOTE_LIMIT]
