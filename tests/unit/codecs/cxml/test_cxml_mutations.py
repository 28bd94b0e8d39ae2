"""Whatever arrives, decoding gives a document or a DecodeError naming what is wrong."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from posync.codecs.cxml import CxmlCodec
from posync.codecs.errors import DecodeError
from posync.domain.errors import Problem
from unit.codecs.cxml.cxml_support import FIXTURES

CODEC = CxmlCodec()
SAMPLES = [path.read_bytes() for path in sorted(FIXTURES.glob("*.xml"))]
MUTATIONS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
mutation = st.tuples(
    st.sampled_from(["replace", "insert", "delete"]),
    st.floats(min_value=0, max_value=1),
    st.binary(min_size=1, max_size=4)
    | st.sampled_from([b"<", b">", b"&", b'"', b"-", b".", b"0", b"NaN", b"\x00", b"\xc3"]),
)


def mutate(data: bytes, changes: list[tuple[str, float, bytes]]) -> bytes:
    for kind, where, value in changes:
        at = int(where * len(data))
        if kind == "replace":
            data = data[:at] + value + data[at + len(value) :]
        elif kind == "insert":
            data = data[:at] + value + data[at:]
        else:
            data = data[:at] + data[at + len(value) :]
    return data


def decodes_or_names_the_problem(data: bytes, *, named: bool) -> None:
    problems = refusal(data)
    if problems is not None:
        assert problems
        if named:
            assert all(problem.field for problem in problems), problems


def refusal(data: bytes) -> tuple[Problem, ...] | None:
    """The problems decoding ``data`` found (None when it decoded); any other error fails."""
    try:
        CODEC.decode(data)
    except DecodeError as error:
        return error.problems
    return None


@MUTATIONS
@given(st.sampled_from(SAMPLES), st.lists(mutation, min_size=1, max_size=4))
def test_mutated_bytes_raise_nothing_but_decode_error(
    data: bytes, changes: list[tuple[str, float, bytes]]
) -> None:
    decodes_or_names_the_problem(mutate(data, changes), named=False)


@st.composite
def pruned(draw: st.DrawFn) -> bytes:
    """A sample with one of its elements, or one attribute, taken out."""
    root = etree.fromstring(draw(st.sampled_from(SAMPLES)))
    elements = list(root.iter())
    chosen = elements[draw(st.integers(min_value=0, max_value=len(elements) - 1))]
    attributes = list(chosen.attrib)
    if attributes and draw(st.booleans()):
        del chosen.attrib[draw(st.sampled_from(attributes))]
    elif chosen.getparent() is not None:
        chosen.getparent().remove(chosen)  # type: ignore[union-attr]
    else:
        chosen.clear()
    return etree.tostring(root)


@MUTATIONS
@given(pruned())
def test_dropped_elements_and_attributes_raise_decode_error_naming_the_field(data: bytes) -> None:
    decodes_or_names_the_problem(data, named=True)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SAMPLES), st.text(max_size=12))
def test_any_attribute_value_raises_nothing_but_decode_error(data: bytes, value: str) -> None:
    root = etree.fromstring(data)
    for element in root.iter():
        for name in element.attrib:
            if name in ("quantity", "lineNumber", "orderDate", "noticeDate", "currency"):
                try:
                    element.set(name, value)
                except ValueError:  # text XML cannot carry
                    return
    decodes_or_names_the_problem(etree.tostring(root), named=True)
