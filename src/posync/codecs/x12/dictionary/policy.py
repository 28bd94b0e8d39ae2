"""How much each syntax error matters to posync: it rejects the set, or it is noted.

posync is a forgiving reader. What makes a document unreadable or
untrustworthy rejects it (``ERROR``): something mandatory missing, control
numbers or counts that disagree, a set or version we do not know, more
elements than a segment has. What only departs from the letter of the
standard is accepted and noted (``WARNING``): a segment out of order (many
partners write ACK before PID in an 855), a code or date we do not
recognise, a value too long or too short, a segment the set does not define,
a relational condition broken. Each code gets one line saying why.

The codes are StrEnums, and members of two enums with the same value compare
equal ("1" is both a mandatory segment missing and an unrecognised segment),
so each level has its own table and ``severity_of`` picks the table by type.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from posync.codecs.x12.findings import (
    ElementError,
    GroupError,
    InterchangeError,
    SegmentError,
    SetError,
    Severity,
    SyntaxCode,
)

ERROR = Severity.ERROR
WARNING = Severity.WARNING


@dataclass(frozen=True, slots=True)
class Rule:
    severity: Severity
    reason: str


INTERCHANGE_RULES: Mapping[InterchangeError, Rule] = MappingProxyType(
    {
        InterchangeError.NO_ERROR: Rule(WARNING, "reports that nothing is wrong"),
        InterchangeError.CONTROL_NUMBER_MISMATCH: Rule(
            ERROR, "ISA13 and IEA02 disagree: the interchange may be torn"
        ),
        InterchangeError.STANDARD_NOT_SUPPORTED: Rule(ERROR, "not X12 as posync reads it"),
        InterchangeError.VERSION_NOT_SUPPORTED: Rule(
            ERROR, "an envelope version posync has no rules for"
        ),
        InterchangeError.SEGMENT_TERMINATOR_INVALID: Rule(ERROR, "segments cannot be told apart"),
        InterchangeError.SENDER_QUALIFIER_INVALID: Rule(
            WARNING, "the sender is still known by its ID"
        ),
        InterchangeError.SENDER_ID_INVALID: Rule(
            ERROR, "a document from nobody we know cannot be trusted"
        ),
        InterchangeError.RECEIVER_QUALIFIER_INVALID: Rule(
            WARNING, "the receiver is still known by its ID"
        ),
        InterchangeError.RECEIVER_ID_INVALID: Rule(ERROR, "the interchange is not addressed to us"),
        InterchangeError.RECEIVER_UNKNOWN: Rule(ERROR, "the interchange is not addressed to us"),
        InterchangeError.AUTHORIZATION_QUALIFIER_INVALID: Rule(
            WARNING, "posync does not use ISA01-02"
        ),
        InterchangeError.AUTHORIZATION_INVALID: Rule(WARNING, "posync does not use ISA01-02"),
        InterchangeError.SECURITY_QUALIFIER_INVALID: Rule(WARNING, "posync does not use ISA03-04"),
        InterchangeError.SECURITY_INVALID: Rule(WARNING, "posync does not use ISA03-04"),
        InterchangeError.DATE_INVALID: Rule(
            WARNING, "the envelope's date is informative; receipt time is ours"
        ),
        InterchangeError.TIME_INVALID: Rule(
            WARNING, "the envelope's time is informative; receipt time is ours"
        ),
        InterchangeError.STANDARDS_IDENTIFIER_INVALID: Rule(
            WARNING, "ISA11 changes nothing posync reads"
        ),
        InterchangeError.VERSION_ID_INVALID: Rule(
            ERROR, "without a version there are no rules to read by"
        ),
        InterchangeError.CONTROL_NUMBER_INVALID: Rule(
            ERROR, "duplicates could no longer be detected"
        ),
        InterchangeError.ACKNOWLEDGEMENT_REQUESTED_INVALID: Rule(
            WARNING, "we answer with a TA1 when in doubt"
        ),
        InterchangeError.TEST_INDICATOR_INVALID: Rule(
            ERROR, "test data must never be taken for production"
        ),
        InterchangeError.GROUP_COUNT_INVALID: Rule(
            ERROR, "a count mismatch means groups were lost or added"
        ),
        InterchangeError.CONTROL_STRUCTURE_INVALID: Rule(ERROR, "the envelope cannot be followed"),
        InterchangeError.PREMATURE_END_OF_FILE: Rule(ERROR, "the interchange is incomplete"),
        InterchangeError.CONTENT_INVALID: Rule(ERROR, "the envelope's content cannot be followed"),
        InterchangeError.DUPLICATE_CONTROL_NUMBER: Rule(
            ERROR, "the same interchange must not be applied twice"
        ),
        InterchangeError.ELEMENT_SEPARATOR_INVALID: Rule(ERROR, "elements cannot be told apart"),
        InterchangeError.COMPONENT_SEPARATOR_INVALID: Rule(
            ERROR, "components cannot be told apart"
        ),
    }
)

GROUP_RULES: Mapping[GroupError, Rule] = MappingProxyType(
    {
        GroupError.NOT_SUPPORTED: Rule(ERROR, "a functional group posync does not trade"),
        GroupError.VERSION_NOT_SUPPORTED: Rule(ERROR, "no dictionary to read its sets by"),
        GroupError.TRAILER_MISSING: Rule(ERROR, "the group is incomplete"),
        GroupError.CONTROL_NUMBER_MISMATCH: Rule(
            ERROR, "GS06 and GE02 disagree: the group may be torn"
        ),
        GroupError.SET_COUNT_MISMATCH: Rule(
            ERROR, "a count mismatch means sets were lost or added"
        ),
        GroupError.CONTROL_NUMBER_INVALID: Rule(
            ERROR, "the group could not be acknowledged by number"
        ),
    }
)

SET_RULES: Mapping[SetError, Rule] = MappingProxyType(
    {
        SetError.NOT_SUPPORTED: Rule(ERROR, "a transaction set posync has no rules for"),
        SetError.TRAILER_MISSING: Rule(ERROR, "the set is incomplete"),
        SetError.CONTROL_NUMBER_MISMATCH: Rule(
            ERROR, "ST02 and SE02 disagree: the set may be torn"
        ),
        SetError.SEGMENT_COUNT_MISMATCH: Rule(ERROR, "SE01 disagrees: segments were lost or added"),
        SetError.SEGMENTS_IN_ERROR: Rule(WARNING, "a summary: the segment findings decide"),
        SetError.SET_IDENTIFIER_INVALID: Rule(ERROR, "without ST01 the set cannot be read"),
        SetError.CONTROL_NUMBER_INVALID: Rule(ERROR, "the set could not be acknowledged by number"),
    }
)

SEGMENT_RULES: Mapping[SegmentError, Rule] = MappingProxyType(
    {
        SegmentError.UNRECOGNIZED: Rule(
            WARNING, "an unknown segment (a Z segment, say) is skipped"
        ),
        SegmentError.UNEXPECTED: Rule(WARNING, "a segment in the wrong place is still readable"),
        SegmentError.MANDATORY_MISSING: Rule(ERROR, "what the set is for is not there"),
        SegmentError.LOOP_OVER_MAXIMUM: Rule(WARNING, "one loop too many is still readable"),
        SegmentError.OVER_MAXIMUM_USE: Rule(WARNING, "one segment too many is still readable"),
        SegmentError.NOT_IN_SET: Rule(WARNING, "a segment this set does not define is skipped"),
        SegmentError.OUT_OF_SEQUENCE: Rule(
            WARNING, "partners write ACK before PID; the data is whole"
        ),
        SegmentError.ELEMENT_ERRORS: Rule(WARNING, "a summary: the element findings decide"),
    }
)

ELEMENT_RULES: Mapping[ElementError, Rule] = MappingProxyType(
    {
        ElementError.MANDATORY_MISSING: Rule(ERROR, "what the segment is for is not there"),
        ElementError.CONDITIONAL_MISSING: Rule(
            WARNING, "a relational note broken; the data present is whole"
        ),
        ElementError.TOO_MANY_ELEMENTS: Rule(
            ERROR, "the segment is misread or has shifted elements"
        ),
        ElementError.TOO_SHORT: Rule(WARNING, "the value is still readable"),
        ElementError.TOO_LONG: Rule(WARNING, "the value is still readable"),
        ElementError.INVALID_CHARACTER: Rule(
            ERROR, "a value that cannot be read as its type cannot be mapped"
        ),
        ElementError.INVALID_CODE: Rule(
            WARNING, "an unknown code is kept and shown, not guessed at"
        ),
        ElementError.INVALID_DATE: Rule(
            WARNING, "the date is noted as unreadable, the document kept"
        ),
        ElementError.INVALID_TIME: Rule(
            WARNING, "the time is noted as unreadable, the document kept"
        ),
        ElementError.EXCLUSION_VIOLATED: Rule(
            WARNING, "a relational note broken; the data present is whole"
        ),
    }
)


def rule_for(code: SyntaxCode) -> Rule:
    """The rule for a syntax error code of any level."""
    if isinstance(code, InterchangeError):
        return INTERCHANGE_RULES[code]
    if isinstance(code, GroupError):
        return GROUP_RULES[code]
    if isinstance(code, SetError):
        return SET_RULES[code]
    if isinstance(code, SegmentError):
        return SEGMENT_RULES[code]
    return ELEMENT_RULES[code]


def severity_of(code: SyntaxCode) -> Severity:
    """Whether a finding with this code rejects its set (``ERROR``) or is noted (``WARNING``)."""
    return rule_for(code).severity
