"""The D.96A directory as data: complete references, well-formed messages, code lists."""

from __future__ import annotations

import pytest

from posync.codecs.edifact.dictionary import D96A, directory_for
from posync.codecs.edifact.dictionary.schema import (
    Composite,
    Kind,
    SegmentGroup,
    SegmentUse,
    representation,
)


def _walk(body: tuple[SegmentUse | SegmentGroup, ...]) -> list[SegmentUse | SegmentGroup]:
    parts: list[SegmentUse | SegmentGroup] = []
    for part in body:
        parts.append(part)
        if isinstance(part, SegmentGroup):
            parts.extend(_walk(part.body))
    return parts


@pytest.mark.parametrize("kind", sorted(D96A.messages))
def test_every_message_is_well_formed(kind: str) -> None:
    spec = D96A.messages[kind]
    parts = _walk(spec.body)

    assert spec.body[0] == SegmentUse("UNH", True, 1)
    assert spec.body[-1] == SegmentUse("UNT", True, 1)
    for part in parts:
        if isinstance(part, SegmentGroup):
            first = part.body[0]
            assert isinstance(first, SegmentUse)
            assert first.mandatory, f"{kind} {part.name} opens with a conditional segment"
        else:
            assert part.tag in D96A.segments, f"{kind} uses {part.tag}, which is not defined"
    numbers = [part.number for part in parts if isinstance(part, SegmentGroup)]
    assert numbers == sorted(numbers)
    assert len(numbers) == len(set(numbers))


def test_every_composite_and_element_is_defined() -> None:
    for spec in D96A.segments.values():
        for use in spec.elements:
            target = use.element
            if isinstance(target, Composite):
                assert target.tag in D96A.composites
                assert all(c.element.tag in D96A.elements for c in target.components)
            else:
                assert target.tag in D96A.elements


def test_the_despatch_advice_nests_lines_in_its_packing_sequence() -> None:
    cps = next(
        part
        for part in D96A.messages["DESADV"].body
        if isinstance(part, SegmentGroup) and part.trigger == "CPS"
    )

    assert cps.mandatory
    assert "LIN" in {p.trigger for p in cps.body if isinstance(p, SegmentGroup)}
    assert "PAC" in {p.trigger for p in cps.body if isinstance(p, SegmentGroup)}


def test_code_lists_are_attached() -> None:
    action = D96A.elements["1229"].codes
    assert action is not None
    assert {"1", "3", "5", "7"} <= action.codes
    section = D96A.elements["0081"].codes
    assert section is not None
    assert section.complete
    assert section.codes == {"D", "S"}


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("an..35", (Kind.ALPHANUMERIC, 1, 35)),
        ("n3", (Kind.NUMERIC, 3, 3)),
        ("a1", (Kind.ALPHABETIC, 1, 1)),
    ],
)
def test_representations(written: str, expected: tuple[Kind, int, int]) -> None:
    assert representation(written) == expected


def test_representation_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="representation"):
        representation("x..3")


def test_directory_lookup() -> None:
    assert directory_for("D", "96A", "UN") is D96A
    assert directory_for("D", "01B", "UN") is None
