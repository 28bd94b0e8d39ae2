"""The fast paths of X12 reading give what the exact paths give, or step aside.

Validation keeps, for each segment, whether its syntax notes hold by which
elements are present; the 850 mapping reads a clean PO1 loop straight from its
segments, and numbers and dates with string methods. Each is held here to the
path it stands in for, with checkers and validators shared between examples
as a reader shares them between sets.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.x12.dictionary.registry import dictionary_for
from posync.codecs.x12.element_checks import SegmentChecker
from posync.codecs.x12.mapping import EncodeOptions
from posync.codecs.x12.mapping.common import (
    At,
    Reader,
    is_date_text,
    is_decimal_text,
    is_whole_text,
    loop_head,
    sections,
)
from posync.codecs.x12.mapping.fast_values import clean_decimal, clean_positive
from posync.codecs.x12.mapping.purchase_order import PurchaseOrderMapper, _clean_line, _line
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import PurchaseOrder
from unit.codecs.x12.mapping_support import DELIMITERS, as_segments, purchase_orders

CHECKERS = {
    (version, tag): SegmentChecker(spec)
    for version in ("004010", "005010")
    for tag, spec in dictionary_for(version).segments.items()
}
NOTED = sorted(
    (version, tag) for version, tag in CHECKERS if dictionary_for(version).segments[tag].conditions
)
WITH_REPETITION = Delimiters(repetition="^")
VALUES = [
    "", "", "", "1", "12", "-5", "12.50", ".5", "7.", "00", "002", "010", "20261215", "20260230",
    "1030", "BP", "VP", "UP", "EA", "BY", "SE", "TE", "EM", "F", "SA", "01", "PO-1001", "A>B",
    "ITEM 7", "\x07", "É",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NOTED), st.lists(st.sampled_from(VALUES), max_size=14))
def test_a_kept_verdict_on_the_notes_is_what_the_element_checks_find(
    key: tuple[str, str], elements: list[str]
) -> None:
    checker = CHECKERS[key]

    for delimiters in (DELIMITERS, WITH_REPETITION):
        assert checker.check(elements, delimiters) == checker.check_each(elements, delimiters)


# The forms the standard gives, as the readers once tested them.
DECIMAL = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
WHOLE = re.compile(r"-?[0-9]+")
DIGITS = re.compile(r"[0-9]+")
DATE = re.compile(r"[0-9]{8}")


def test_the_forms_of_numbers_and_dates_are_the_standards() -> None:
    alphabet = ["-", ".", "0", "9", " ", "+", "e", "٣", "²", "\n"]
    for size in range(6):
        for characters in itertools.product(alphabet, repeat=size):
            text = "".join(characters)
            assert is_decimal_text(text) == bool(DECIMAL.fullmatch(text)), text
            assert is_whole_text(text) == bool(WHOLE.fullmatch(text)), text
            assert is_whole_text(text, signed=False) == bool(DIGITS.fullmatch(text)), text
    for text in ("20261215", "2026121", "2026121\n", "١٢٣٤٥٦٧٨", "1234567x"):
        assert is_date_text(text) == bool(DATE.fullmatch(text)), text


@given(st.one_of(st.sampled_from(VALUES), st.text(alphabet="-.09 +e٣", max_size=34)))
def test_a_clean_number_is_the_number_the_reader_reads(text: str) -> None:
    at = At(Segment("PO1", [text, text], 0))
    reader = Reader("PurchaseOrder", DELIMITERS)
    decimal = clean_decimal(text)
    positive = clean_positive(text)

    if decimal is not None:
        assert decimal == reader.decimal(at, 1)
        assert str(decimal) == str(reader.decimal(at, 1))
    if positive is not None:
        assert positive == reader.whole(at, 2, positive=True)
    assert reader.problems == []


@pytest.mark.parametrize("value", ["3", "-3", "12.3456", "0.5", ".5", "7.", "0"])
def test_well_formed_numbers_take_the_fast_path(value: str) -> None:
    assert clean_decimal(f" {value} ") == Decimal(value)


SUMMARY = frozenset({"CTT", "AMT"})
SPOILERS = st.sampled_from(VALUES) | st.text(alphabet="0123456789.-ABPVF ", max_size=10)


@st.composite
def spoiled_orders(draw: st.DrawFn) -> list[Segment]:
    """A valid 850 with some of its elements replaced."""
    body = [list(s) for s in PurchaseOrderMapper().encode(draw(purchase_orders()), EncodeOptions())]
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        segment = body[draw(st.integers(min_value=0, max_value=len(body) - 1))]
        position = draw(st.integers(min_value=1, max_value=len(segment) + 1))
        segment.extend([""] * (position + 1 - len(segment)))
        segment[position] = draw(SPOILERS)
    return as_segments(body)


@settings(max_examples=150, deadline=None)
@given(spoiled_orders())
def test_a_po1_loop_read_fast_is_read_as_the_named_reading_reads_it(body: list[Segment]) -> None:
    known: dict[str, date] = {}
    for number, loop in enumerate(sections(body, "PO1", SUMMARY).loops, 1):
        fast = _clean_line(loop, number, known)
        reader = Reader("PurchaseOrder", DELIMITERS)
        named = _line(reader, loop_head(loop, number), number)

        if fast is None:
            assert reader.problems  # it steps aside only for a loop with something to report
        else:
            assert (fast, reader.problems) == (named, [])


@settings(max_examples=50, deadline=None)
@given(purchase_orders())
def test_every_loop_of_a_valid_order_takes_the_fast_path(order: PurchaseOrder) -> None:
    body = as_segments(PurchaseOrderMapper().encode(order, EncodeOptions()))
    known: dict[str, date] = {}
    loops = sections(body, "PO1", SUMMARY).loops

    assert all(_clean_line(loop, n, known) is not None for n, loop in enumerate(loops, 1))
