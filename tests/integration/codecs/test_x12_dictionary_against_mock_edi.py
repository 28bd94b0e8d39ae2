"""Our X12 dictionary against the one mock-edi serves at ``/_mock/dictionary``.

mock-edi declares, for each set it trades, the segments it writes and the
elements it checks. Every one of them must be in our dictionary with the same
reference, length and usage (mock-edi writes a relational ``X`` element as
``O``). Where the two disagree the standard decides, and the disagreements
we know of are listed below with the reason we keep ours: a new one fails
this test until someone settles it the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from posync.codecs.x12.dictionary.registry import dictionary_for
from posync.codecs.x12.dictionary.schema import (
    Composite,
    Dictionary,
    Loop,
    SegmentUse,
    TransactionSetSpec,
    Usage,
)

mock_testing = pytest.importorskip("mockedi.testing")

VERSIONS = ("004010", "005010")
SETS = ("850", "855", "856", "860", "865", "810", "997")
FIXED_CLOCK = "2026-11-02T09:00:00Z"

# (version or "*", segment, position, what): why we keep the standard's answer.
KNOWN: dict[tuple[str, str, int, str], str] = {
    ("004010", "ISA", 11, "ref"): "ISA11 is the repetition separator only from 00402 on",
    ("004010", "ISA", 11, "type"): "ISA11 is I10 (ID, always U) at 004010",
    ("004010", "ISA", 12, "codes"): "00501 names 005010 envelopes, not 004010 ones",
    ("*", "BCA", 2, "usage"): "BCA02 is optional in the standard",
    ("*", "POC", 2, "codes"): "SI is not a 004010 change type (670)",
    ("*", "SN1", 7, "length"): "728 is ID 1/2",
    ("005010", "PER", 4, "length"): "364 grew to 256 characters in 005010",
    **{
        ("*", tag, position, "usage"): f"{tag}{position:02d} is relational (X) in the standard"
        for tag in ("PO1", "IT1")
        for position in (2, 3, 4, 6, 7)
    },
}


def _known(version: str, tag: str, position: int, what: str) -> bool:
    return (version, tag, position, what) in KNOWN or ("*", tag, position, what) in KNOWN


def _tags(body: tuple[SegmentUse | Loop, ...]) -> Iterator[str]:
    for item in body:
        if isinstance(item, Loop):
            yield from _tags(item.body)
        else:
            yield item.tag


def _compare_segment(
    version: str, ours: Dictionary, declared: dict[str, Any], problems: list[str]
) -> None:
    tag = declared["tag"]
    segment = ours.segments.get(tag)
    if segment is None:
        problems.append(f"{version} {tag}: not in our dictionary")
        return
    for element in declared["elements"]:
        position = element["position"]
        where = f"{version} {tag}{position:02d}"
        if position > len(segment.elements):
            problems.append(f"{where}: beyond our {len(segment.elements)} elements")
            continue
        use = segment.elements[position - 1]
        target = use.element
        usage_agrees = element["requirement"] == use.usage.value or (
            element["requirement"] == "O" and use.usage is Usage.CONDITIONAL
        )
        if not usage_agrees and not _known(version, tag, position, "usage"):
            problems.append(f"{where}: usage {element['requirement']} here, {use.usage} ours")
        if element["ref"] != target.reference and not _known(version, tag, position, "ref"):
            problems.append(f"{where}: element {element['ref']} here, {target.reference} ours")
        if isinstance(target, Composite):
            continue
        if element["type"] != target.type.value and not _known(version, tag, position, "type"):
            problems.append(f"{where}: type {element['type']} here, {target.type} ours")
        length = f"{target.min_length}/{target.max_length}"
        if element["length"] != length and not _known(version, tag, position, "length"):
            problems.append(f"{where}: length {element['length']} here, {length} ours")
        unknown = [code for code in element["codes"] or () if not target.accepts_code(code)]
        if unknown and not _known(version, tag, position, "codes"):
            problems.append(f"{where}: codes {unknown} are not ours")


@pytest.fixture(scope="module")
def mock() -> Iterator[Any]:
    with mock_testing.Mock.start(start_at=FIXED_CLOCK) as started:
        yield started


def _served(mock: Any, path: str, version: str) -> dict[str, Any]:
    response = mock.get(f"/_mock/dictionary/X12/{path}?version={version}")
    assert response.status == 200, response.body
    body: dict[str, Any] = response.body
    return body


@pytest.mark.parametrize("version", VERSIONS)
def test_mock_edi_envelope_is_in_our_dictionary(mock: Any, version: str) -> None:
    ours, problems = dictionary_for(version), []
    for declared in _served(mock, "envelope", version)["segments"]:
        _compare_segment(version, ours, declared, problems)
    assert problems == []


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("code", SETS)
def test_mock_edi_sets_are_in_our_dictionary(mock: Any, version: str, code: str) -> None:
    ours, problems = dictionary_for(version), []
    served = _served(mock, code, version)
    spec: TransactionSetSpec = ours.sets[code]
    assert served["group"] == spec.functional_group
    our_tags = set(_tags(spec.body))
    for declared in served["segments"]:
        if declared["tag"] not in our_tags:
            problems.append(f"{version} {code}: {declared['tag']} is not in our set")
        _compare_segment(version, ours, declared, problems)
    assert problems == []
