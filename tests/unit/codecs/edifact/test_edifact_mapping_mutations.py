"""Mutated messages raise only ``DecodeError``, each problem naming the field it is about.

Each message posync writes for a shared test document is mutated (a value
replaced by arbitrary text, a segment dropped or repeated, the message cut
short) and decoded again: it must either decode, or fail with
``DecodeError`` listing problems that each name a field. Nothing else may
escape (an ``IndexError``, an ``InvalidOperation``, a ``ValueError``).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.edifact.mapping import MAPPERS, message_type_for
from posync.codecs.edifact.segments import Segment
from posync.codecs.errors import DecodeError
from posync.domain.errors import Problem
from support.documents import (
    make_acknowledgement,
    make_change,
    make_invoice,
    make_purchase_order,
    make_ship_notice,
)

DOCUMENTS = {
    "ORDERS": make_purchase_order(),
    "ORDCHG": make_change(),
    "ORDRSP": make_acknowledgement(),
    "DESADV": make_ship_notice(),
    "INVOIC": make_invoice(),
}
ENCODED = {kind: MAPPERS[kind].encode(document) for kind, document in DOCUMENTS.items()}
NOISE = st.text(
    st.sampled_from(list("0123456789-.,ABCXZabc :+?'éŁ ")) | st.characters(), max_size=40
)


@st.composite
def mutated(draw: st.DrawFn, kind: str) -> list[Segment]:
    segments = list(ENCODED[kind])
    how = draw(st.sampled_from(["value", "value", "value", "drop", "repeat", "cut", "tag"]))
    index = draw(st.integers(min_value=0, max_value=len(segments) - 1))
    chosen = segments[index]
    if how == "drop":
        del segments[index]
    elif how == "repeat":
        segments.insert(index, chosen)
    elif how == "cut":
        segments = segments[:index]
    elif how == "tag":
        segments[index] = Segment(
            draw(st.sampled_from(["LIN", "CPS", "UNS", "NAD", "XYZ"])), chosen.elements
        )
    else:
        elements = [list(element) for element in chosen.elements] or [[""]]
        position = draw(st.integers(min_value=0, max_value=len(elements)))
        if position == len(elements):
            elements.append([])
        component = draw(st.integers(min_value=0, max_value=len(elements[position])))
        if component == len(elements[position]):
            elements[position].append("")
        elements[position][component] = draw(NOISE)
        segments[index] = Segment(chosen.tag, tuple(tuple(e) for e in elements))
    return segments


@pytest.mark.parametrize("kind", sorted(ENCODED))
def test_the_unmutated_message_decodes_to_its_document(kind: str) -> None:
    document: Any = DOCUMENTS[kind]
    assert message_type_for(document) == kind
    decoded = MAPPERS[kind].decode(ENCODED[kind])
    if kind == "DESADV":
        assert sorted(decoded.packs, key=lambda p: p.pack_id) == sorted(
            document.packs, key=lambda p: p.pack_id
        )
        assert decoded.lines == document.lines
    else:
        assert decoded == document


@pytest.mark.parametrize("kind", sorted(ENCODED))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_mutated_message_raises_only_decode_errors_naming_fields(
    kind: str, data: st.DataObject
) -> None:
    segments = data.draw(mutated(kind))
    decimal_mark = data.draw(st.sampled_from([".", ","]))
    problems: tuple[Problem, ...] = ()
    try:
        MAPPERS[kind].decode(segments, decimal_mark)
    except DecodeError as error:
        problems = tuple(error.problems)
        assert problems, "a DecodeError without problems"
    assert all(problem.field for problem in problems), problems
