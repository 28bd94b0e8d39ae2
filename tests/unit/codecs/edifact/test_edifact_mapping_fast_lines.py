"""The fast ORDERS line reader agrees with the careful one on every group it accepts."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.edifact.mapping import MAPPERS, message
from posync.codecs.edifact.mapping.fast_lines import clean_order_line
from posync.codecs.edifact.mapping.purchase_order import _line
from posync.codecs.edifact.mapping.reading import Reader, sections
from posync.codecs.edifact.segments import Segment
from posync.domain.documents import PurchaseOrder
from support.edifact_documents import purchase_orders, segments

NOISE = st.sampled_from(
    ["", " ", "0", "12,5", "1.5", "-3", "x", "20261301", "203", "AAB", "F", "A"]
)


@st.composite
def disturbed(draw: st.DrawFn) -> tuple[list[list[Segment]], str]:
    """The LIN groups of a generated order, one value here and there replaced."""
    order: PurchaseOrder = draw(purchase_orders())
    groups = sections(MAPPERS["ORDERS"].encode(order)).details
    changed = []
    for group in groups:
        group = list(group)
        if draw(st.booleans()):
            index = draw(st.integers(0, len(group) - 1))
            target = group[index]
            elements = [list(e) for e in target.elements] or [[""]]
            position = draw(st.integers(0, len(elements) - 1))
            component = (
                draw(st.integers(0, len(elements[position]) - 1)) if elements[position] else 0
            )
            if not elements[position]:
                elements[position].append("")
            elements[position][component] = draw(NOISE)
            group[index] = Segment(target.tag, tuple(tuple(e) for e in elements))
        changed.append(group)
    return changed, draw(st.sampled_from([".", ","]))


@settings(max_examples=150, deadline=None)
@given(disturbed())
def test_the_fast_reader_gives_the_careful_readers_line_or_declines(
    case: tuple[list[list[Segment]], str],
) -> None:
    groups, mark = case
    known: dict[str, date] = {}
    for index, group in enumerate(groups, start=1):
        fast = clean_order_line(group, index, mark, known)
        if fast is None:
            continue
        reader = Reader("PurchaseOrder", mark)
        careful = _line(reader, message.line(group, index))
        assert reader.problems == []
        assert fast == careful
        assert repr(fast) == repr(careful)


def test_a_group_of_another_shape_is_left_to_the_careful_reader() -> None:
    (group,) = sections(
        segments("LIN+1++W:SA'QTY+21:1:PCE'PRI+AAA:1'DTM+2:20261001:102'UNS+S'")
    ).details
    assert clean_order_line(group, 1, ".", {}) is None
