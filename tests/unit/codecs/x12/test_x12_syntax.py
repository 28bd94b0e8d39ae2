"""Reading segments: delimiters from each ISA, any chunking, layout line breaks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posync.codecs.x12.syntax import X12SyntaxError, read_segments

ISA_STAR = (
    "ISA*00*          *00*          *ZZ*MOCKEDI        *ZZ*ACME           "
    "*260924*1030*U*00401*000000001*0*T*>~"
)
ISA_PIPE = (
    "ISA|00|          |00|          |ZZ|MOCKEDI        |ZZ|ACME           "
    "|260924|1030|^|00501|000000002|0|T|:\n"
)
FILE = (
    ISA_STAR
    + "\r\nGS*PR*A*B*20260924*1030*2*X*004010~\r\n"
    + "ST*855*0002~BAK*00*AD*45~PID*F****Łódź~SE*3*0002~GE*1*2~IEA*1*000000001~\n"
    + ISA_PIPE
    + "GS|PR|A|B|20260924|1030|2|X|005010\nST|855|0002\nSE|2|0002\nGE|1|2\nIEA|1|000000002\n"
).encode()


def _tags(chunks: list[bytes]) -> list[tuple[str, str]]:
    return [(segment.tag, delimiters.element) for segment, delimiters in read_segments(chunks)]


def test_two_interchanges_with_their_own_delimiters() -> None:
    segments = list(read_segments([FILE]))

    assert [s.tag for s, _ in segments] == [
        "ISA", "GS", "ST", "BAK", "PID", "SE", "GE", "IEA",
        "ISA", "GS", "ST", "SE", "GE", "IEA",
    ]  # fmt: skip
    first, second = segments[0][1], segments[8][1]
    assert (first.element, first.component, first.segment, first.repetition) == (
        "*", ">", "~", None,
    )  # fmt: skip
    assert (second.element, second.component, second.segment, second.repetition) == (
        "|", ":", "\n", "^",
    )  # fmt: skip
    assert segments[4][0].get(5) == "Łódź"
    assert segments[3][0].get(9) == ""


@given(st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=40))
def test_any_chunking_reads_the_same_segments(sizes: list[int]) -> None:
    chunks, start = [], 0
    for size in sizes:
        chunks.append(FILE[start : start + size])
        start += size
    chunks.append(FILE[start:])

    assert _tags(chunks) == _tags([FILE])


def test_input_that_is_not_x12_is_refused_with_where() -> None:
    with pytest.raises(X12SyntaxError, match="expected an ISA segment"):
        list(read_segments([b"UNA:+.? 'UNB+UNOC:3+X+Y'"]))


def test_input_that_stops_inside_a_segment_is_refused() -> None:
    with pytest.raises(X12SyntaxError, match="ends inside a segment"):
        list(read_segments([FILE[:150]]))


def test_a_torn_isa_is_refused() -> None:
    with pytest.raises(X12SyntaxError, match="106-character ISA"):
        list(read_segments([ISA_STAR[:60].encode()]))
