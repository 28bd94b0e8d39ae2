"""One transaction set against its dictionary: structure (AK3) and elements (AK4)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posync.codecs.x12.dictionary.schema import (
    Condition,
    Element,
    ElementType,
    ElementUse,
    SegmentSpec,
    Usage,
)
from posync.codecs.x12.element_checks import SegmentChecker
from posync.codecs.x12.findings import ElementError, Finding, Level, SegmentError, Severity
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.codecs.x12.validation import validate_set
from unit.codecs.x12.x12_sample_dictionary import (
    DICTIONARY,
    PURCHASE_ORDER,
    SEGMENTS,
    VALIDATORS,
    purchase_order_body,
    severity_of,
    transaction_set,
)

DELIMITERS = Delimiters()


def segments(lines: Sequence[str]) -> list[Segment]:
    return [Segment(line.split("*")[0], line.split("*")[1:], 0) for line in lines]


def findings_of(code: str, body: Sequence[str]) -> list[Finding]:
    validator = VALIDATORS[0].for_set(code)
    assert validator is not None
    return validator.validate(segments(transaction_set(code, body)), DELIMITERS)


def where(findings: Sequence[Finding]) -> list[tuple[str | None, int | None, str | None, str]]:
    return [(f.segment, f.segment_position, f.loop, f.code.value) for f in findings]


def with_line(body: list[str], index: int, line: str) -> list[str]:
    return [*body[:index], line, *body[index + 1 :]]


def test_a_clean_purchase_order_has_no_findings() -> None:
    assert findings_of("850", purchase_order_body(20)) == []


def test_validate_set_compiles_on_the_spot_and_agrees() -> None:
    body = with_line(purchase_order_body(), 0, "BEG*00*XX*PO-1**20260924")
    lines = segments(transaction_set("850", body))

    once = validate_set(lines, PURCHASE_ORDER, DICTIONARY, DELIMITERS, severity_of)

    assert once == findings_of("850", body)
    assert where(once) == [("BEG", 2, None, "7")]


# --- structure ------------------------------------------------------------------------------


def test_a_missing_mandatory_segment_is_reported_after_the_segment_before_it() -> None:
    findings = findings_of("850", purchase_order_body()[1:])

    assert where(findings) == [("BEG", 1, None, "3")]
    assert findings[0].level is Level.SEGMENT
    assert findings[0].severity is Severity.ERROR


def test_a_missing_mandatory_loop_is_reported_by_its_trigger_and_loop() -> None:
    body = ["BEG*00*SA*PO-1**20260924", "REF*DP*038", "CTT*0"]

    assert where(findings_of("850", body)) == [("PO1", 3, "PO1", "3")]


def test_a_mandatory_loop_missing_at_the_end_is_reported_after_the_last_segment() -> None:
    assert where(findings_of("850", ["BEG*00*SA*PO-1**20260924"])) == [("PO1", 2, "PO1", "3")]


def test_optional_loops_may_be_left_out() -> None:
    assert findings_of("850", purchase_order_body(1)[:-1]) == []  # no CTT loop


@pytest.mark.parametrize(
    ("line", "code", "loop"),
    [
        ("ZZZ*1", SegmentError.UNRECOGNIZED, None),
        ("TD5*BY", SegmentError.NOT_IN_SET, None),
        ("N3*1 MILL ROAD", SegmentError.UNEXPECTED, None),
    ],
)
def test_segments_that_cannot_be_placed(line: str, code: SegmentError, loop: str | None) -> None:
    body = purchase_order_body()
    body.insert(1, line)

    findings = findings_of("850", body)

    assert where(findings) == [(line.split("*")[0], 3, loop, code.value)]


def test_reading_goes_on_after_a_segment_that_cannot_be_placed() -> None:
    body = purchase_order_body()
    body.insert(7, "ZZZ*1")  # inside the first PO1 loop

    assert where(findings_of("850", body)) == [("ZZZ", 9, "PO1", "1")]


def test_a_segment_used_more_often_than_allowed() -> None:
    body = purchase_order_body()
    body[1:2] = [f"REF*DP*{number}" for number in range(13)]

    assert where(findings_of("850", body)) == [("REF", 15, None, "5")]  # the 13th


def test_a_loop_repeated_more_often_than_allowed() -> None:
    body = [*purchase_order_body(), "CTT*2"]

    assert where(findings_of("850", body)) == [("CTT", len(body) + 1, "CTT", "4")]


def test_ack_before_pid_is_out_of_sequence_and_read_where_it_belongs() -> None:
    body = [
        "BAK*00*AC*PO-1001*20260924",
        "PO1*1*5*EA*12.50**BP*ITEM-0001",
        "ACK*IA*5*EA*068*20261015",
        "PID*F****Widget",
        "PO1*2*5*EA*12.50**BP*ITEM-0002",
        "ACK*IR*5*EA",
        "PID*F****Gadget",
        "CTT*2",
    ]

    findings = findings_of("855", body)

    assert where(findings) == [("PID", 5, "PID", "7"), ("PID", 8, "PID", "7")]
    assert {finding.severity for finding in findings} == {Severity.WARNING}


def test_a_segment_out_of_order_at_the_top_level() -> None:
    body = purchase_order_body()
    body[1], body[2] = body[2], body[1]  # DTM before REF

    assert where(findings_of("850", body)) == [("REF", 4, None, "7")]


def test_the_loop_identifier_is_the_loop_of_the_segment_in_error() -> None:
    body = purchase_order_body(1)
    body[-1:-1] = ["N1*ST"]  # an N1 loop inside the PO1 loop, N102/N103 missing

    findings = findings_of("850", body)

    assert where(findings) == [("N1", 11, "N1", "2")]
    assert findings[0].element_position == 2


# --- elements -------------------------------------------------------------------------------

BODY = purchase_order_body()


@pytest.mark.parametrize(
    ("index", "line", "code", "position", "value"),
    [
        (0, "BEG*00*SA*" + "X" * 23 + "**20260924", ElementError.TOO_LONG, 3, "X" * 23),
        (1, "REF*D*038", ElementError.TOO_SHORT, 1, "D"),
        (0, "BEG*00*XX*PO-1**20260924", ElementError.INVALID_CODE, 2, "XX"),
        (0, "BEG*00*SA*PO-1**20261332", ElementError.INVALID_DATE, 5, "20261332"),
        (0, "BEG*00*SA*PO-1**20270229", ElementError.INVALID_DATE, 5, "20270229"),
        (0, "BEG*00*SA*PO-1**2026-9-1", ElementError.INVALID_DATE, 5, "2026-9-1"),
        (2, "DTM*002*20261015*2561", ElementError.INVALID_TIME, 3, "2561"),
        (2, "DTM*002*20261015*10301", ElementError.INVALID_TIME, 3, "10301"),
        (len(BODY) - 1, "CTT*2X", ElementError.INVALID_CHARACTER, 1, "2X"),
        (len(BODY) - 1, "CTT*1234567", ElementError.TOO_LONG, 1, "1234567"),
        (6, "PO1*1*5.5.5*EA", ElementError.INVALID_CHARACTER, 2, "5.5.5"),
        (6, "PO1*1*1234567890.123456*EA", ElementError.TOO_LONG, 2, "1234567890.123456"),
        (0, "BEG**SA*PO-1**20260924", ElementError.MANDATORY_MISSING, 1, None),
        (len(BODY) - 1, "CTT*2*1*X", ElementError.TOO_MANY_ELEMENTS, 3, "X"),
        (3, "N1*ST*NORTH\x07WIND", ElementError.INVALID_CHARACTER, 2, None),
        (3, "N1*ST*NORTHWIND*92", ElementError.CONDITIONAL_MISSING, 4, None),
        (3, "N1*ST", ElementError.CONDITIONAL_MISSING, 2, None),
        (2, "DTM*002**1030", ElementError.CONDITIONAL_MISSING, 2, None),
    ],
)
def test_each_element_error_has_its_code_place_and_value(
    index: int, line: str, code: ElementError, position: int, value: str | None
) -> None:
    findings = findings_of("850", with_line(BODY, index, line))

    assert len(findings) == 1
    finding = findings[0]
    assert (finding.level, finding.code, finding.element_position) == (
        Level.ELEMENT,
        code,
        position,
    )
    assert finding.segment_position == index + 2
    assert finding.value == value
    assert finding.segment == line.split("*")[0]


def test_the_element_reference_is_named() -> None:
    findings = findings_of("850", with_line(BODY, 0, "BEG*00*XX*PO-1**20260924"))

    assert findings[0].element_reference == "92"
    assert findings[0].message.startswith("BEG02")


def test_a_quoted_value_is_at_most_99_characters() -> None:
    findings = findings_of("850", with_line(BODY, 0, "BEG*00*SA*" + "9" * 150 + "**20260924"))

    assert findings[0].value == "9" * 99


@pytest.mark.parametrize(
    ("index", "line"),
    [
        (0, "BEG*00*SA*PO-1**20280229"),  # a leap day
        (2, "DTM*002*20261015*103059"),
        (2, "DTM*002*20261015*10305912"),
        (6, "PO1*1*-5*EA*-12.50**BP*X"),
        (6, "PO1*1*123456789012345*EA*.5**BP*X"),  # 15 digits; a leading point
        (6, "PO1*1*12345678901234.5*EA*7.**BP*X"),  # the point is not counted
        (len(BODY) - 1, "CTT*-123456"),  # the sign is not counted
        (4, "N3*Łódź, ulica Piotrkowska 5*Çé ß"),  # letters of any script
        (5, "N4*DAYTON*OH*45402**"),  # trailing separators say nothing
    ],
)
def test_valid_values_the_forgiving_reader_accepts(index: int, line: str) -> None:
    assert findings_of("850", with_line(BODY, index, line)) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("MEA*WT*1**LB>2.5", []),
        ("MEA*WT*1**LB", []),
        ("MEA*WT*1**>2.5", [(ElementError.MANDATORY_MISSING, 4, 1)]),
        ("MEA*WT*1**XX>2", [(ElementError.INVALID_CODE, 4, 1)]),
        ("MEA*WT*1**LB>2.x", [(ElementError.INVALID_CHARACTER, 4, 2)]),
        ("MEA*WT*1**LB>2>3", [(ElementError.TOO_MANY_ELEMENTS, 4, 3)]),
    ],
)
def test_composites_are_checked_component_by_component(
    line: str, expected: list[tuple[ElementError, int, int]]
) -> None:
    body = purchase_order_body(1)
    body.insert(8, line)  # after PO1 and PID

    findings = findings_of("850", body)

    assert [(f.code, f.element_position, f.component_position) for f in findings] == expected


# --- the segment checker on its own -------------------------------------------------------

CODE = Element("1", "code", ElementType.IDENTIFIER, 1, 3, frozenset({"A", "BB", "CCC"}))
TEXT = Element("2", "text", ElementType.ALPHANUMERIC, 1, 5)
REPEATING = SegmentSpec(
    "RPT", "repeating", (ElementUse(CODE, Usage.MANDATORY, repeat=3), ElementUse(TEXT))
)
WITH_REPETITION = Delimiters(repetition="^")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("A^BB^CCC", []),
        ("A", []),
        ("A^BB^CCC^A", [(ElementError.TOO_MANY_ELEMENTS, "A^BB^CCC^A")]),
        ("A^DDDD", [(ElementError.TOO_LONG, "DDDD")]),
        ("A^D", [(ElementError.INVALID_CODE, "D")]),
    ],
)
def test_a_repeating_element_is_split_at_the_repetition_separator(
    value: str, expected: list[tuple[ElementError, str]]
) -> None:
    problems = SegmentChecker(REPEATING).check([value, "x"], WITH_REPETITION)

    assert [(problem.code, problem.value) for problem in problems] == expected


NOTED = SegmentSpec(
    "NTE",
    "noted",
    (ElementUse(TEXT), ElementUse(TEXT), ElementUse(TEXT), ElementUse(TEXT)),
    (Condition("E", (1, 2)), Condition("L", (3, 1, 4))),
)


@pytest.mark.parametrize(
    ("elements", "expected"),
    [
        (["a", "", "", ""], []),
        (["a", "b"], [(ElementError.EXCLUSION_VIOLATED, 2)]),
        (["", "", "c"], [(ElementError.CONDITIONAL_MISSING, 1)]),
        (["", "b", "c", "d"], []),
    ],
)
def test_exclusion_and_list_conditional_notes(
    elements: list[str], expected: list[tuple[ElementError, int]]
) -> None:
    problems = SegmentChecker(NOTED).check(elements, DELIMITERS)

    assert [(problem.code, problem.element_position) for problem in problems] == expected


ALPHABET = "0123456789.-ABEPSVZabz >*^:\x07ÇŁ"
PLAUSIBLE = [
    "", "", "00", "SA", "DP", "002", "ST", "92", "EA", "LB", "BP", "F", "IA", "WT", "850",
    "0001", "20260924", "20260229", "260924", "1030", "103059", "12.50", "-5", ".5", "7.",
    "1", "12", "LB>2.5", ">2", "NORTHWIND", "PO-1001",
]  # fmt: skip


@given(
    st.sampled_from(sorted(SEGMENTS)),
    st.lists(
        st.one_of(st.sampled_from(PLAUSIBLE), st.text(alphabet=ALPHABET, max_size=12)),
        max_size=12,
    ),
)
def test_the_fast_path_never_accepts_what_the_element_checks_refuse(
    tag: str, elements: list[str]
) -> None:
    checker = SegmentChecker(SEGMENTS[tag])
    values = [value.replace("*", "") for value in elements]

    assert checker.check(values, DELIMITERS) == checker.check_each(values, DELIMITERS)
