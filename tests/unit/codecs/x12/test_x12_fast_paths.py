"""The fast paths of X12 reading give what the exact paths give, or step aside.

Validation keeps, for each segment, whether its syntax notes hold by which
elements are present; the 850 mapping reads a clean PO1 loop straight from its
segments, and numbers and dates with string methods. Each is held here to the
path it stands in for, with checkers and validators shared between examples
as a reader shares them between sets.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.segment_groups import is_decimal_text
from posync.codecs.x12.codec import DecodedSet, X12Codec
from posync.codecs.x12.dictionary.registry import dictionary_for
from posync.codecs.x12.element_checks import SegmentChecker
from posync.codecs.x12.mapping import EncodeOptions
from posync.codecs.x12.mapping.common import (
    At,
    Reader,
    is_date_text,
    is_whole_text,
    loop_head,
    sections,
)
from posync.codecs.x12.mapping.fast_values import clean_decimal, clean_positive
from posync.codecs.x12.mapping.parties import read_contact, with_contact
from posync.codecs.x12.mapping.purchase_order import PurchaseOrderMapper, _clean_line, _line
from posync.codecs.x12.syntax import Delimiters, Segment, X12SyntaxError
from posync.codecs.x12.writer import ControlNumbers, PartnerEnvelope
from posync.domain.documents import PurchaseOrder
from posync.domain.values import Contact, Party
from support.strategies import values_of
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


PARTY_FIELDS = ["name", "identifiers", "address", "contact"]


@settings(max_examples=60, deadline=None)
@given(values_of(Party), values_of(Contact))
def test_a_party_given_a_contact_is_the_party_replace_gives(party: Party, contact: Contact) -> None:
    # A field Party gains must be carried over by with_contact too.
    assert [field.name for field in dataclasses.fields(Party)] == PARTY_FIELDS
    assert with_contact(party, contact) == dataclasses.replace(party, contact=contact)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([*VALUES, "IC", " "]), max_size=9))
def test_a_contact_is_read_as_the_contact_a_per_makes(elements: list[str]) -> None:
    person = At(Segment("PER", elements, 0))
    reader = Reader("PurchaseOrder", DELIMITERS)
    numbers: dict[str, str] = {}
    for position in (3, 5, 7):
        kind, number = reader.code(person, position), reader.text(person, position + 1)
        if kind and number is not None:
            numbers.setdefault(kind, number)
    made = Contact(name=reader.text(person, 2), email=numbers.get("EM"), phone=numbers.get("TE"))

    assert read_contact(reader, [person]) == (None if made == Contact() else made)
    assert reader.problems == []


CODEC = X12Codec()
ORDERS_ENVELOPE = PartnerEnvelope(
    sender_qualifier="ZZ",
    sender_id="NORTHWIND",
    receiver_qualifier="ZZ",
    receiver_id="ACME",
    application_sender="NORTHWIND",
    application_receiver="ACME",
)
edits = st.lists(
    st.tuples(
        st.integers(min_value=0), st.integers(min_value=0, max_value=3), st.binary(max_size=3)
    ),
    max_size=4,
)


def _as_read(decoded: DecodedSet) -> tuple[object, ...]:
    """What ``decode`` yields of a set: everything but the segment objects themselves."""
    read = decoded.read
    return (
        read.code,
        read.control_number,
        read.findings,
        read.rejected,
        decoded.document,
        decoded.problems,
    )


@settings(max_examples=40, deadline=None)
@given(st.lists(purchase_orders(), min_size=1, max_size=3), edits, st.integers(1, 4096))
def test_decode_yields_the_sets_that_read_yields(
    orders: list[PurchaseOrder], changes: list[tuple[int, int, bytes]], chunk: int
) -> None:
    data = CODEC.write(
        orders,
        ORDERS_ENVELOPE,
        ControlNumbers(interchange=1, group=1, sets=list(range(1, len(orders) + 1))),
        at=datetime(2026, 11, 20, tzinfo=UTC),
    )
    for at, cut, inserted in changes:  # valid, or spoilt a little
        at %= len(data)
        data = data[:at] + inserted + data[at + cut :]
    chunks = [data[start : start + chunk] for start in range(0, len(data), chunk)]
    try:
        read = [_as_read(e) for e in CODEC.read(chunks) if isinstance(e, DecodedSet)]
    except X12SyntaxError:
        with pytest.raises(X12SyntaxError):
            list(CODEC.decode(chunks))
        return

    assert [_as_read(decoded) for decoded in CODEC.decode(chunks)] == read
