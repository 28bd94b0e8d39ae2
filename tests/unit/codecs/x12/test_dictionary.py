"""The X12 dictionary: consistent with itself, true to the standard where we spot-check it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from posync.codecs.x12.dictionary import policy
from posync.codecs.x12.dictionary.registry import SUPPORTED_VERSIONS, dictionary_for
from posync.codecs.x12.dictionary.schema import (
    UNBOUNDED,
    Composite,
    Dictionary,
    Element,
    ElementType,
    Loop,
    SegmentSpec,
    SegmentUse,
    TransactionSetSpec,
    Usage,
)
from posync.codecs.x12.findings import (
    ElementError,
    GroupError,
    InterchangeError,
    SegmentError,
    SetError,
    Severity,
)

D4 = dictionary_for("004010")
D5 = dictionary_for("005010")
SET_CODES = ("850", "855", "856", "860", "865", "810", "997")
ENVELOPE = ("ISA", "GS", "ST", "SE", "GE", "IEA", "TA1")


def _segment_uses(body: tuple[SegmentUse | Loop, ...]) -> Iterator[SegmentUse]:
    for item in body:
        if isinstance(item, Loop):
            yield from _segment_uses(item.body)
        else:
            yield item


def _loops(body: tuple[SegmentUse | Loop, ...]) -> Iterator[Loop]:
    for item in body:
        if isinstance(item, Loop):
            yield item
            yield from _loops(item.body)


def _elements_of(segment: SegmentSpec) -> Iterator[Element]:
    for use in segment.elements:
        if isinstance(use.element, Composite):
            for component in use.element.components:
                assert isinstance(component.element, Element)
                yield component.element
        else:
            yield use.element


def _find_loop(spec: TransactionSetSpec, loop_id: str) -> Loop:
    return next(loop for loop in _loops(spec.body) if loop.loop_id == loop_id)


def _element(segment: SegmentSpec, position: int) -> Element:
    element = segment.elements[position - 1].element
    assert isinstance(element, Element)
    return element


@pytest.fixture(params=[D4, D5], ids=["004010", "005010"])
def dictionary(request: pytest.FixtureRequest) -> Dictionary:
    found: Dictionary = request.param
    return found


# -- consistency


def test_every_set_is_there_with_its_functional_group(dictionary: Dictionary) -> None:
    groups = {code: spec.functional_group for code, spec in dictionary.sets.items()}
    assert groups == {
        "850": "PO",
        "855": "PR",
        "856": "SH",
        "860": "PC",
        "865": "CA",
        "810": "IN",
        "997": "FA",
    }


def test_every_segment_a_set_names_is_defined(dictionary: Dictionary) -> None:
    for spec in dictionary.sets.values():
        for use in _segment_uses(spec.body):
            assert use.tag in dictionary.segments, f"{spec.code} names {use.tag}"
            assert use.max_use >= 1


def test_the_envelope_segments_are_defined(dictionary: Dictionary) -> None:
    assert set(ENVELOPE) <= set(dictionary.segments)


def test_every_element_a_segment_uses_is_the_dictionary_entry(dictionary: Dictionary) -> None:
    for segment in dictionary.segments.values():
        for element in _elements_of(segment):
            assert dictionary.elements[element.reference] is element, segment.tag


def test_lengths_are_a_range(dictionary: Dictionary) -> None:
    for element in dictionary.elements.values():
        assert 1 <= element.min_length <= element.max_length, element.reference


def test_code_lists_are_on_identifiers_only(dictionary: Dictionary) -> None:
    for element in dictionary.elements.values():
        if element.codes is not None:
            assert element.type is ElementType.IDENTIFIER, element.reference
            assert element.codes, element.reference
            lengths = {len(code) for code in element.codes}
            assert min(lengths) >= element.min_length, element.reference
            assert max(lengths) <= element.max_length, element.reference


def test_syntax_notes_name_positions_of_their_segment(dictionary: Dictionary) -> None:
    for segment in dictionary.segments.values():
        for condition in segment.conditions:
            assert condition.kind in {"P", "R", "E", "C", "L"}
            assert len(condition.positions) >= 2
            assert all(1 <= p <= len(segment.elements) for p in condition.positions)


def test_st_opens_and_se_closes_every_set(dictionary: Dictionary) -> None:
    for spec in dictionary.sets.values():
        first, last = spec.body[0], spec.body[-1]
        assert first == SegmentUse("ST", Usage.MANDATORY, 1), spec.code
        assert last == SegmentUse("SE", Usage.MANDATORY, 1), spec.code
        tags = [use.tag for use in _segment_uses(spec.body)]
        assert tags.count("ST") == tags.count("SE") == 1


def test_every_loop_opens_with_a_mandatory_segment(dictionary: Dictionary) -> None:
    for spec in dictionary.sets.values():
        for loop in _loops(spec.body):
            first = loop.body[0]
            assert isinstance(first, SegmentUse), (spec.code, loop.loop_id)
            assert first.usage is Usage.MANDATORY
            assert first.max_use == 1
            assert loop.trigger == first.tag
            assert loop.max_repeat >= 1
            assert 1 <= len(loop.loop_id) <= 6  # AK303 carries it


def test_element_codes_accept_what_they_list() -> None:
    ack01 = _element(D4.segments["ACK"], 1)
    assert ack01.accepts_code("IA")
    assert not ack01.accepts_code("ZQ")
    n101 = _element(D4.segments["N1"], 1)
    assert not n101.codes_complete
    assert n101.accepts_code("ST")
    assert n101.accepts_code("LW")
    assert _element(D4.segments["PO1"], 3).accepts_code("EA")  # 355: no list kept


# -- facts of the standard


def test_beg_at_004010() -> None:
    beg = D4.segments["BEG"]
    assert len(beg.elements) == 12
    beg01 = _element(beg, 1)
    assert beg.elements[0].usage is Usage.MANDATORY
    assert (beg01.reference, beg01.type, beg01.min_length, beg01.max_length) == (
        "353",
        ElementType.IDENTIFIER,
        2,
        2,
    )
    assert {"00", "01", "04", "05", "06", "07"} <= (beg01.codes or set())
    assert {"SA", "NE", "BK", "RL", "DS", "KN", "RO"} <= (_element(beg, 2).codes or set())
    assert _element(beg, 5).type is ElementType.DATE


def test_po1_quantity_and_price() -> None:
    po1 = D4.segments["PO1"]
    assert len(po1.elements) == 25
    po102, po104 = _element(po1, 2), _element(po1, 4)
    assert (po102.type, po102.min_length, po102.max_length) == (ElementType.DECIMAL, 1, 15)
    assert (po104.type, po104.max_length) == (ElementType.DECIMAL, 17)
    assert po1.elements[1].usage is Usage.CONDITIONAL


def test_line_item_statuses() -> None:
    ack01 = _element(D4.segments["ACK"], 1)
    assert {"IA", "IB", "IC", "ID", "IQ", "IR", "IP", "BP", "DR", "IS", "R1", "R5"} <= (
        ack01.codes or set()
    )
    assert len(D4.segments["ACK"].elements) == 29


def test_acknowledgment_types() -> None:
    bak02 = _element(D4.segments["BAK"], 2)
    assert {"AC", "AD", "AE", "AK", "AP", "RD", "RF", "RJ", "RN"} <= (bak02.codes or set())
    assert bak02.codes_complete


def test_change_types() -> None:
    poc02 = _element(D4.segments["POC"], 2)
    assert {"AI", "CA", "CB", "CT", "DI", "NC", "PC", "PQ", "QD", "QI", "RZ"} <= (
        poc02.codes or set()
    )
    assert len(D4.segments["POC"].elements) == 27


def test_summary_amounts() -> None:
    tds01 = _element(D4.segments["TDS"], 1)
    assert (tds01.type, tds01.type.implied_decimals) == (ElementType.NUMERIC_2, 2)
    assert _element(D4.segments["SAC"], 1).codes == frozenset({"A", "C", "N"})


def test_syntax_notes_as_printed() -> None:
    assert [(c.kind, c.positions) for c in D4.segments["N1"].conditions] == [
        ("R", (2, 3)),
        ("P", (3, 4)),
    ]
    assert ("R", (2, 3, 5)) in [(c.kind, c.positions) for c in D4.segments["DTM"].conditions]
    assert ("P", (2, 3, 4)) in [(c.kind, c.positions) for c in D4.segments["IT1"].conditions]


def test_997_loops() -> None:
    spec = D4.sets["997"]
    ak2 = _find_loop(spec, "AK2")
    assert ak2.max_repeat == 999999
    ak3 = _find_loop(spec, "AK3")
    assert ak3.max_repeat == 999999
    assert SegmentUse("AK4", Usage.OPTIONAL, 99) in ak3.body
    assert ak2.body[-1] == SegmentUse("AK5", Usage.MANDATORY, 1)


def test_856_hierarchy() -> None:
    hl = _find_loop(D4.sets["856"], "HL")
    assert hl.usage is Usage.MANDATORY
    assert hl.max_repeat == 200000  # the standard's repeat; it has no >1 here
    tags = [use.tag for use in _segment_uses(hl.body)]
    assert tags[:6] == ["HL", "LIN", "SN1", "SLN", "PRF", "PO4"]
    assert {"TD1", "TD5", "REF", "DTM", "N1"} <= set(tags)
    assert _element(D4.segments["HL"], 3).accepts_code("S")


def test_order_loops() -> None:
    po1 = _find_loop(D4.sets["850"], "PO1")
    assert (po1.usage, po1.max_repeat) == (Usage.MANDATORY, 100000)
    assert _find_loop(D4.sets["850"], "N9").max_repeat == 1000
    assert _find_loop(D4.sets["850"], "N1").max_repeat == 200
    body = [item.loop_id if isinstance(item, Loop) else item.tag for item in po1.body]
    assert body.index("PID") < body.index("PO4") < body.index("SAC") < body.index("DTM")
    assert body.index("SCH") > body.index("DTM")
    ack = _find_loop(D4.sets["855"], "ACK")
    assert ack.max_repeat == 104
    line = [
        i.loop_id if isinstance(i, Loop) else i.tag for i in _find_loop(D4.sets["855"], "PO1").body
    ]
    assert line.index("PID") < line.index("ACK")  # the standard's order; partners differ
    assert _find_loop(D4.sets["810"], "IT1").max_repeat == 200000
    assert _find_loop(D4.sets["865"], "ACK").max_repeat == 104


def test_many_is_unbounded() -> None:
    heading = D4.sets["850"].body
    assert SegmentUse("REF", Usage.OPTIONAL, UNBOUNDED) in heading


# -- 005010 differs where v005010 says


def _shape(segment: SegmentSpec) -> tuple[object, ...]:
    def use_shape(target: Element | Composite) -> object:
        if isinstance(target, Composite):
            return (target.reference, tuple(c.element.reference for c in target.components))
        return target.reference

    return (
        tuple((use_shape(u.element), u.usage) for u in segment.elements),
        segment.conditions,
    )


def test_005010_changes_exactly_these_elements() -> None:
    changed = {ref for ref, e in D5.elements.items() if D4.elements.get(ref) != e}
    assert changed == {
        "I11",
        "127",
        "364",
        "716",
        "718",
        "723",
        "668",
        "I65",
        "1705",
        "1686",
        "1715",
    }
    assert set(D4.elements) <= set(D5.elements)


def test_005010_changes_exactly_these_segments() -> None:
    assert set(D4.segments) == set(D5.segments)
    changed = {tag for tag in D4.segments if _shape(D4.segments[tag]) != _shape(D5.segments[tag])}
    assert changed == {"ISA", "ST", "AK1", "AK2", "AK4", "N4", "BIG"}
    assert D4.sets == D5.sets


def test_interchange_versions() -> None:
    isa12_4 = _element(D4.segments["ISA"], 12)
    isa12_5 = _element(D5.segments["ISA"], 12)
    assert isa12_4.accepts_code("00401")
    assert not isa12_4.accepts_code("00501")
    assert isa12_5.accepts_code("00501")
    assert isa12_5.accepts_code("00401")
    assert _element(D4.segments["ISA"], 11).codes == frozenset({"U"})
    assert _element(D5.segments["ISA"], 11).reference == "I65"


def test_005010_widens_and_adds() -> None:
    assert _element(D4.segments["REF"], 2).max_length == 30
    assert _element(D5.segments["REF"], 2).max_length == 50
    assert _element(D5.segments["BAK"], 8).max_length == 50  # wherever 127 is used
    assert [_element(D5.segments[t], 3).reference for t in ("ST", "AK1", "AK2")] == [
        "1705",
        "480",
        "1705",
    ]
    assert len(D4.segments["ST"].elements) == 2
    c030 = D5.segments["AK4"].elements[0].element
    assert isinstance(c030, Composite)
    assert len(c030.components) == 3
    assert _element(D5.segments["AK4"], 3).accepts_code("12")
    assert not _element(D4.segments["AK4"], 3).accepts_code("12")


# -- versions


@pytest.mark.parametrize(
    ("gs08", "release"),
    [
        ("004010", "004010"),
        ("004010VICS", "004010"),
        ("004010UCS", "004010"),
        ("005010", "005010"),
        ("005010X222A1", "005010"),
    ],
)
def test_industry_suffixes_read_by_their_release(gs08: str, release: str) -> None:
    assert dictionary_for(gs08).version == release


@pytest.mark.parametrize("gs08", ["003040", "00401", "", "006020", "4010"])
def test_other_versions_are_refused_by_name(gs08: str) -> None:
    with pytest.raises(KeyError) as raised:
        dictionary_for(gs08)
    assert "004010" in str(raised.value)
    assert "005010" in str(raised.value)
    assert SUPPORTED_VERSIONS == ("004010", "005010")


def test_the_same_dictionary_every_time() -> None:
    assert dictionary_for("004010VICS") is dictionary_for("004010")


# -- policy


def test_every_code_has_a_rule_with_a_reason() -> None:
    for family in (InterchangeError, GroupError, SetError, SegmentError, ElementError):
        for code in family:
            rule = policy.rule_for(code)
            assert rule.reason
            assert len(rule.reason) < 80
            assert policy.severity_of(code) is rule.severity


@pytest.mark.parametrize(
    ("code", "severity"),
    [
        (SegmentError.MANDATORY_MISSING, Severity.ERROR),
        (ElementError.MANDATORY_MISSING, Severity.ERROR),
        (ElementError.TOO_MANY_ELEMENTS, Severity.ERROR),
        (SetError.SEGMENT_COUNT_MISMATCH, Severity.ERROR),
        (SetError.CONTROL_NUMBER_MISMATCH, Severity.ERROR),
        (SetError.NOT_SUPPORTED, Severity.ERROR),
        (GroupError.SET_COUNT_MISMATCH, Severity.ERROR),
        (InterchangeError.DUPLICATE_CONTROL_NUMBER, Severity.ERROR),
        (SegmentError.OUT_OF_SEQUENCE, Severity.WARNING),
        (SegmentError.UNEXPECTED, Severity.WARNING),
        (SegmentError.NOT_IN_SET, Severity.WARNING),
        (ElementError.INVALID_CODE, Severity.WARNING),
        (ElementError.INVALID_DATE, Severity.WARNING),
        (ElementError.INVALID_TIME, Severity.WARNING),
        (ElementError.TOO_LONG, Severity.WARNING),
        (ElementError.TOO_SHORT, Severity.WARNING),
        (ElementError.EXCLUSION_VIOLATED, Severity.WARNING),
        (ElementError.CONDITIONAL_MISSING, Severity.WARNING),
    ],
)
def test_policy(code: SegmentError | ElementError | SetError, severity: Severity) -> None:
    assert policy.severity_of(code) is severity


def test_codes_with_the_same_value_keep_their_own_severity() -> None:
    # "1" is an unrecognised segment (noted) and a missing mandatory element (rejected).
    assert SegmentError.UNRECOGNIZED == ElementError.MANDATORY_MISSING
    assert policy.severity_of(SegmentError.UNRECOGNIZED) is Severity.WARNING
    assert policy.severity_of(ElementError.MANDATORY_MISSING) is Severity.ERROR
