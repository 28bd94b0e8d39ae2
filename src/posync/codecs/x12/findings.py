"""What is wrong with an X12 interchange, and the syntax error code that says so.

The codes are the standard's: TA1-05 for the interchange, AK9-05 for a
functional group, AK5-02 for a transaction set, AK3-04 for a segment and
AK4-03 for an element. Whether a finding rejects its set or only notes an
error is posync's policy, stated in ``Severity`` and decided per code by the
dictionary (``dictionary.policy``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    INTERCHANGE = "interchange"
    GROUP = "group"
    SET = "set"
    SEGMENT = "segment"
    ELEMENT = "element"


class Severity(StrEnum):
    """``error`` rejects the transaction set; ``warning`` accepts it with the error noted."""

    ERROR = "error"
    WARNING = "warning"


class InterchangeError(StrEnum):
    """TA1-05, the interchange note code."""

    NO_ERROR = "000"
    CONTROL_NUMBER_MISMATCH = "001"
    STANDARD_NOT_SUPPORTED = "002"
    VERSION_NOT_SUPPORTED = "003"
    SEGMENT_TERMINATOR_INVALID = "004"
    SENDER_QUALIFIER_INVALID = "005"
    SENDER_ID_INVALID = "006"
    RECEIVER_QUALIFIER_INVALID = "007"
    RECEIVER_ID_INVALID = "008"
    RECEIVER_UNKNOWN = "009"
    AUTHORIZATION_QUALIFIER_INVALID = "010"
    AUTHORIZATION_INVALID = "011"
    SECURITY_QUALIFIER_INVALID = "012"
    SECURITY_INVALID = "013"
    DATE_INVALID = "014"
    TIME_INVALID = "015"
    STANDARDS_IDENTIFIER_INVALID = "016"
    VERSION_ID_INVALID = "017"
    CONTROL_NUMBER_INVALID = "018"
    ACKNOWLEDGEMENT_REQUESTED_INVALID = "019"
    TEST_INDICATOR_INVALID = "020"
    GROUP_COUNT_INVALID = "021"
    CONTROL_STRUCTURE_INVALID = "022"
    PREMATURE_END_OF_FILE = "023"
    CONTENT_INVALID = "024"
    DUPLICATE_CONTROL_NUMBER = "025"
    ELEMENT_SEPARATOR_INVALID = "026"
    COMPONENT_SEPARATOR_INVALID = "027"


class GroupError(StrEnum):
    """AK9-05, why a functional group was rejected."""

    NOT_SUPPORTED = "1"
    VERSION_NOT_SUPPORTED = "2"
    TRAILER_MISSING = "3"
    CONTROL_NUMBER_MISMATCH = "4"
    SET_COUNT_MISMATCH = "5"
    CONTROL_NUMBER_INVALID = "6"


class SetError(StrEnum):
    """AK5-02, why a transaction set was rejected or accepted with errors."""

    NOT_SUPPORTED = "1"
    TRAILER_MISSING = "2"
    CONTROL_NUMBER_MISMATCH = "3"
    SEGMENT_COUNT_MISMATCH = "4"
    SEGMENTS_IN_ERROR = "5"
    SET_IDENTIFIER_INVALID = "6"
    CONTROL_NUMBER_INVALID = "7"


class SegmentError(StrEnum):
    """AK3-04, what is wrong with a segment."""

    UNRECOGNIZED = "1"
    UNEXPECTED = "2"
    MANDATORY_MISSING = "3"
    LOOP_OVER_MAXIMUM = "4"
    OVER_MAXIMUM_USE = "5"
    NOT_IN_SET = "6"
    OUT_OF_SEQUENCE = "7"
    ELEMENT_ERRORS = "8"


class ElementError(StrEnum):
    """AK4-03, what is wrong with a data element."""

    MANDATORY_MISSING = "1"
    CONDITIONAL_MISSING = "2"
    TOO_MANY_ELEMENTS = "3"
    TOO_SHORT = "4"
    TOO_LONG = "5"
    INVALID_CHARACTER = "6"
    INVALID_CODE = "7"
    INVALID_DATE = "8"
    INVALID_TIME = "9"
    EXCLUSION_VIOLATED = "10"


SyntaxCode = InterchangeError | GroupError | SetError | SegmentError | ElementError


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One thing wrong, where it is, its standard code and how much it matters.

    ``segment_position`` counts from 1 at the ST of the set (as AK3-02 does);
    ``element_position`` and ``component_position`` count from 1 (AK4-01).
    ``value`` is the offending data, when there is some to quote.
    """

    level: Level
    code: SyntaxCode
    severity: Severity
    message: str
    segment: str | None = None
    segment_position: int | None = None
    loop: str | None = None
    element_position: int | None = None
    component_position: int | None = None
    element_reference: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = []
        if self.segment:
            where.append(f"{self.segment}")
        if self.segment_position is not None:
            where.append(f"at segment {self.segment_position}")
        prefix = " ".join(where)
        return f"{self.severity.value}: {prefix + ': ' if prefix else ''}{self.message}"
