"""The fast ORDERS header reader agrees with the careful one on every message it accepts.

Generated orders are encoded, their headers disturbed (a value replaced, a
segment put in, taken out or moved), and decoded twice: by the mapper, which
tries the fast header first, and by ``read_order``, the careful reading alone.
Both must give the same order, or the same problems.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.edifact.mapping import MAPPERS
from posync.codecs.edifact.mapping.fast_header import clean_order_header
from posync.codecs.edifact.mapping.purchase_order import read_order
from posync.codecs.edifact.mapping.reading import Reader, sections
from posync.codecs.edifact.segments import Segment
from posync.codecs.errors import DecodeError
from posync.domain.documents import PurchaseOrder
from posync.domain.errors import Problem
from support.edifact_documents import purchase_orders, segments

NOISE = st.sampled_from(
    [
        *("", " ", "0", "-3", "x", "1", "3", "5", "12,5", "999999999999999999999"),
        *("2", "4", "10", "137", "102", "203", "204", "20261301", "20260230", "202611201230"),
        *("220", "221", "226", "DROPSHIP", "dropship", "AAI", "AAB", "ZZZ", "EUR", "9", "16"),
        *("BY", "SU", "SE", "DP", "ST", "IV", "IC", "EM", "TE", "20", "22", " A ", "x y"),
    ]
)
EXTRA = [
    segment
    for text in (
        "RFF+PP:2'RFF+RE:0'RFF+CT:B-1'DTM+63:20261201:102'DTM+137:2026:102'DTM+2:'"
        "DTM+10:20261130:203'CTA+IC+:ANN'COM+555:TE'COM+a@b.example:EM'PAT+22++5:3:D:x'"
        "PAT+1++5:3:D:14'PAT+20'PCD+12:2'TDT+20++++:::TRUCK'TOD+6++FCA'LOC+1+:::HERE'"
        "NAD+BY+::9++X'NAD+SE+123::16'NAD+ST'FTX+AAI+++NOTE'FTX+AAB+++NET 30'CUX+2::9'"
        "CUX+2:USD:9'BGM+220+PO-9+1'BGM+221+PO-8+9'MOA+9:1'ALC+A'TAX+7'IMD+F++:::X'"
    )
    for segment in segments(text)
]

Outcome = PurchaseOrder | list[Problem]


def _disturb(draw: st.DrawFn, header: list[Segment]) -> list[Segment]:
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["value", "insert", "delete", "move"]))
        if action == "insert" or not header:
            header.insert(draw(st.integers(0, len(header))), draw(st.sampled_from(EXTRA)))
            continue
        index = draw(st.integers(0, len(header) - 1))
        if action == "delete":
            del header[index]
        elif action == "move":
            header.insert(draw(st.integers(0, len(header) - 1)), header.pop(index))
        else:
            target = header[index]
            elements = [list(element) for element in target.elements] or [[""]]
            position = draw(st.integers(0, len(elements) - 1))
            if not elements[position]:
                elements[position].append("")
            component = draw(st.integers(0, len(elements[position]) - 1))
            elements[position][component] = draw(NOISE)
            header[index] = Segment(target.tag, tuple(tuple(e) for e in elements))
    return header


@st.composite
def disturbed_orders(draw: st.DrawFn) -> list[Segment]:
    """A generated order's segments, its header disturbed here and there."""
    order: PurchaseOrder = draw(purchase_orders())
    parts = sections(MAPPERS["ORDERS"].encode(order))
    header = _disturb(draw, list(parts.header))
    summary = [Segment("UNS", (("S",),)), *parts.summary]
    return header + [segment for group in parts.details for segment in group] + summary


def _fast(message: list[Segment], mark: str) -> Outcome:
    try:
        found: PurchaseOrder = MAPPERS["ORDERS"].decode(message, mark)
    except DecodeError as error:
        return error.problems
    return found


def _careful(message: list[Segment], mark: str) -> Outcome:
    try:
        return read_order(Reader("PurchaseOrder", mark), sections(message))
    except DecodeError as error:
        return error.problems


@settings(max_examples=250, deadline=None)
@given(disturbed_orders(), st.sampled_from([".", ","]))
def test_the_mapper_gives_the_careful_readers_order_or_problems(
    message: list[Segment], mark: str
) -> None:
    fast, careful = _fast(message, mark), _careful(message, mark)

    assert fast == careful
    assert repr(fast) == repr(careful)


USUAL = (
    "BGM+220+PO00000001+9'DTM+137:20261120:102'DTM+2:20261215:102'FTX+AAI+++DELIVER TO DOCK 4'"
    "NAD+BY+4012345000009::9++NORTHWIND MANUFACTURING+1 MILL ROAD+DAYTON+OH+45402+US'"
    "CTA+IC+:ADA BUYER'COM+5550100:TE'NAD+SU+987654321::16++ACME INDUSTRIAL SUPPLY'"
    "NAD+DP+PLANT1::92++NORTHWIND PLANT 1+2 MILL ROAD+DAYTON+OH+45402+US'CUX+2:EUR:9'"
    "PAT+1++5:3:D:30'"
)
LINES = "LIN+1++SUP-1:SA'QTY+21:3:PCE'PRI+AAA:12.5'UNS+S'CNT+2:1'"


def test_the_usual_header_is_read_by_the_fast_path_as_the_careful_one_reads_it() -> None:
    message = segments(USUAL + LINES)

    clean = clean_order_header(sections(message).header)

    assert clean is not None
    assert _fast(message, ".") == _careful(message, ".")
    assert clean.buyer.contact is not None
    assert clean.buyer.contact.phone == "5550100"
    assert clean.payment_terms is not None
    assert clean.payment_terms.net_days == 30


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (("CUX+2:EUR:9'", "CUX+2:EUR:9'RFF+PP:2'"), "a reference"),
        (("CUX+2:EUR:9'", "CUX+2:EUR:9'TDT+20++++:::TRUCK'"), "a transport group"),
        (("COM+5550100:TE'", "COM+5550100:TE'DTM+63:20261201:102'"), "a date in a NAD group"),
        (("PAT+1++5:3:D:30'", "PAT+1++5:3:D:30'DTM+13:20261201:102'"), "a date in a PAT group"),
        (("CUX+2:EUR:9'", "CUX+2:EUR:9'CTA+IC+:X'"), "a contact outside a NAD group"),
        (("DTM+2:20261215:102", "DTM+2:20261315:102"), "a date that does not read"),
        (("PAT+1++5:3:D:30", "PAT+1++5:3:D:3O"), "days that do not read"),
        (("BGM+220+PO00000001+9", "BGM+220+PO00000001+1"), "a cancellation"),
        (("NAD+SU+987654321::16++ACME INDUSTRIAL SUPPLY'", ""), "no supplier"),
    ],
)
def test_a_header_of_another_shape_is_left_to_the_careful_reader(
    change: tuple[str, str], why: str
) -> None:
    message = segments(USUAL.replace(*change) + LINES)

    assert clean_order_header(sections(message).header) is None, why
    assert _fast(message, ".") == _careful(message, ".")
