"""Messages held against D.96A: structure, groups, repetitions and each data element."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.edifact.dictionary import D96A
from posync.codecs.edifact.envelope_events import MessageIdentifier
from posync.codecs.edifact.findings import Finding, Severity
from posync.codecs.edifact.segments import Segment
from posync.codecs.edifact.syntax import read_segments
from posync.codecs.edifact.validation import DirectoryValidator, validate_message
from unit.codecs.edifact.edifact_samples import ORDER_BODY, message

ORDERS = MessageIdentifier("ORDERS", "D", "96A", "UN")


def _segments(body: str, kind: str = "ORDERS", decimal: str = ".") -> list[Segment]:
    una = f"UNA:+{decimal}? '"
    text = f"{una}UNB+UNOC:3+A+B+260924:1030+1'{message('1', body, kind)}UNZ+1+1'"
    return [s for s, _ in read_segments([text.encode("latin-1")])][1:-1]


def _found(body: str, kind: str = "ORDERS", decimal: str = ".") -> list[Finding]:
    identifier = ORDERS._replace(type=kind)
    validator = DirectoryValidator().for_message(identifier)
    assert validator is not None
    return validator.validate(_segments(body, kind, decimal), decimal)


def _summary(findings: list[Finding]) -> list[tuple[str, str | None, int | None, str]]:
    return [(f.code.value, f.segment, f.segment_position, f.severity.value) for f in findings]


def test_a_clean_order_has_no_findings() -> None:
    assert _found(ORDER_BODY) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (ORDER_BODY.replace("BGM+220+PO-4711+9'", ""), ("13", "BGM", 1, "error")),
        (ORDER_BODY.replace("UNS+S'", ""), ("13", "UNS", 9, "error")),
        (ORDER_BODY.replace("CUX+2:EUR:9'", "XYZ+1'"), ("15", "XYZ", 6, "error")),
        (ORDER_BODY.replace("CUX+2:EUR:9'", "CPS+1'"), ("15", "CPS", 6, "error")),
        (ORDER_BODY.replace("UNS+S'", "UNS+S'BGM+220'"), ("35", "BGM", 11, "error")),
        (
            ORDER_BODY.replace("PRI+AAA:9.95'", "PRI+AAA:9.95'FTX+AAA+++LATE'"),
            ("15", "FTX", 10, "warning"),
        ),
        (
            ORDER_BODY.replace("DTM+137:20260924:102'", "DTM+137:20260924:102'" * 36),
            ("35", "DTM", 38, "error"),
        ),
        (ORDER_BODY.replace("CUX+2:EUR:9'", "CUX+2:EUR:9'" * 6), ("36", "CUX", 11, "error")),
    ],
)
def test_structure(body: str, expected: tuple[str, str, int, str]) -> None:
    assert expected in _summary(_found(body))


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        ("QTY+21:12:PCE", "QTY+:12:PCE", ("13", 1, 1, "error")),
        ("QTY+21:12:PCE", "QTY+21:1x2:PCE", ("37", 1, 2, "error")),
        ("QTY+21:12:PCE", "QTY+21:1234567890123456:PCE", ("39", 1, 2, "warning")),
        ("QTY+21:12:PCE", "QTY+21:1,5:PCE", ("19", 1, 2, "warning")),
        ("QTY+21:12:PCE", "QTY+21:.5:PCE", ("38", 1, 2, "warning")),
        ("QTY+21:12:PCE", "QTY+21:12:PCE:X", ("16", 1, 4, "error")),
        ("QTY+21:12:PCE", "QTY+21:12:PCE+9", ("16", 2, None, "error")),
        ("DTM+137:20260924:102", "DTM+137:20260931:102", ("12", 1, 2, "error")),
        ("DTM+137:20260924:102", "DTM+137:2026092410:203", ("12", 1, 2, "error")),
        ("UNS+S", "UNS+X", ("12", 1, None, "error")),
        ("BGM+220", "BGM+999", ("14", 1, 1, "warning")),
        ("UNS+S", "UNS+1", ("37", 1, None, "error")),
    ],
)
def test_elements(replace: str, by: str, expected: tuple[str, int, int | None, str]) -> None:
    findings = _found(ORDER_BODY.replace(replace, by))

    assert expected in [
        (f.code.value, f.element_position, f.component_position, f.severity.value) for f in findings
    ]


def test_the_declared_decimal_mark_is_clean() -> None:
    assert _found(ORDER_BODY.replace("PRI+AAA:9.95", "PRI+AAA:9,95"), decimal=",") == []


def test_dates_in_each_format() -> None:
    formats = {"101": "260924", "203": "202609241030", "718": "20260901-20260930", "616": "202639"}
    for form, value in formats.items():
        body = ORDER_BODY.replace("DTM+137:20260924:102", f"DTM+137:{value}:{form}")
        assert _found(body) == [], form


def test_one_off_validation_and_unknown_messages() -> None:
    assert validate_message(_segments(ORDER_BODY), D96A.messages["ORDERS"], D96A) == []
    assert DirectoryValidator().for_message(ORDERS._replace(release="01B")) is None
    assert DirectoryValidator().for_message(ORDERS._replace(type="INVRPT")) is None


@pytest.mark.parametrize("kind", ["ORDRSP", "ORDCHG"])
def test_order_answers_and_changes_share_the_layout(kind: str) -> None:
    body = ORDER_BODY.replace("BGM+220", "BGM+231").replace("LIN+1+", "LIN+1+5")
    assert [f for f in _found(body, kind) if f.severity is Severity.ERROR] == []


def test_despatch_advice_with_its_packing_hierarchy() -> None:
    body = (
        "BGM+351+ASN-1+9'DTM+137:20260924:102'RFF+ON:PO-4711'NAD+SU+4012345000009::9'"
        "CPS+1'PAC+2++CT'CPS+2+1'PAC+1++PK'PCI+33E'GIN+BJ+340123450000000016'"
        "LIN+1++4000862141404:SRV'QTY+12:12:PCE'RFF+ON:PO-4711:1'CNT+2:1'"
    )
    assert _found(body, "DESADV") == []
    without_cps = body.replace("CPS+1'", "").replace("CPS+2+1'", "")
    assert ("13", "CPS") in [(f.code.value, f.segment) for f in _found(without_cps, "DESADV")]


def test_invoice_summary() -> None:
    body = (
        "BGM+380+INV-1+9'DTM+137:20260924:102'RFF+ON:PO-4711'NAD+SU+4012345000009::9'"
        "CUX+2:EUR:4'LIN+1++4000862141404:SRV'QTY+47:12:PCE'MOA+203:119.40'PRI+AAA:9.95'"
        "TAX+7+VAT+++:::19+S'UNS+S'CNT+2:1'MOA+79:119.40'MOA+124:22.69'MOA+139:142.09'"
    )
    assert _found(body, "INVOIC") == []
    assert ("13", "MOA") in [
        (f.code.value, f.segment) for f in _found(body.split("MOA+79")[0], "INVOIC")
    ]


tags = st.sampled_from(
    ["BGM", "DTM", "NAD", "LIN", "QTY", "PRI", "UNS", "CNT", "FTX", "XXX", "CPS"]
)
values = st.text(alphabet="AZ09:.,-", max_size=8)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(tags, st.lists(values, max_size=4)), max_size=25))
def test_any_sequence_of_segments_gives_findings_and_never_raises(
    segments: list[tuple[str, list[str]]],
) -> None:
    body = "".join("+".join([tag, *elements]) + "'" for tag, elements in segments)
    for finding in _found(body):
        assert finding.message
        assert finding.segment_position is None or finding.segment_position >= 1
