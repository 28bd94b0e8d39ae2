"""Reading EDIFACT segments: UNA or defaults, the release character, repetitions, any chunking."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.edifact.segments import segment
from posync.codecs.edifact.serialize import write_segments
from posync.codecs.edifact.syntax import (
    DEFAULT_CHARACTERS,
    EdifactSyntaxError,
    ServiceCharacters,
    read_segment_batches,
    read_segments,
)

LATIN_1 = (
    "UNA:+.? '\r\n"
    "UNB+UNOC:3+SENDER:14+RECEIVER:14+260924:1030+42'\n"
    "UNH+1+ORDERS:D:96A:UN'\n"
    "BGM+220+PO?+1?'X+9'\n"
    "FTX+AAA+++Straße ?:?? fine'\n"
    "UNT+4+1'\n"
    "UNZ+1+42'\n"
).encode("latin-1")
UTF_8 = (
    "UNB+UNOY:4+S+R+20260924:1030+43'UNH+1+ORDERS:D:96A:UN'NAD+BY+1*2*3:X+Łódź'UNT+3+1'UNZ+1+43'"
).encode()
SEMICOLONS = b"UNA|;,! ~UNB;UNOB|3;A;B;260924|1030;44~BGM;220;A!;B!~;9~UNZ;0;44~"
FILE = LATIN_1 + UTF_8 + SEMICOLONS


def _read(chunks: list[bytes]) -> list[tuple[str, object, object, int, ServiceCharacters]]:
    return [
        (segment.tag, segment.elements, segment.repeats, segment.offset, characters)
        for segment, characters in read_segments(chunks)
    ]


def test_una_defaults_release_and_layout() -> None:
    read = list(read_segments([LATIN_1]))

    assert [s.tag for s, _ in read] == ["UNB", "UNH", "BGM", "FTX", "UNT", "UNZ"]
    bgm = read[2][0]
    assert bgm.elements == (("220",), ("PO+1'X",), ("9",))
    assert read[3][0].component(4) == "Straße :? fine"
    assert read[0][0].element(2) == ("SENDER", "14")
    assert read[0][1] == DEFAULT_CHARACTERS


def test_each_interchange_declares_its_own_characters() -> None:
    read = list(read_segments([FILE]))
    characters = {s.tag + s.component(1 if s.tag != "UNB" else 5): c for s, c in read}

    assert characters["UNB42"].repetition is None
    assert characters["UNB43"].repetition == "*"  # syntax version 4 without UNA
    semicolons = characters["UNB44"]
    assert (semicolons.component, semicolons.element, semicolons.decimal) == ("|", ";", ",")
    assert (semicolons.release, semicolons.segment) == ("!", "~")
    bgm = next(s for s, c in read if s.tag == "BGM" and c is semicolons)
    assert bgm.elements == (("220",), ("A;B~",), ("9",))


def test_repeating_elements_and_decoding_by_syntax_identifier() -> None:
    nad = next(s for s, _ in read_segments([UTF_8]) if s.tag == "NAD")

    assert nad.element(2) == ("1",)
    assert nad.repeats == ((2, (("2",), ("3", "X"))),)
    assert nad.component(3) == "Łódź"


def test_offsets_are_bytes_of_the_input() -> None:
    for segment_read, _ in read_segments([FILE]):
        assert FILE[segment_read.offset : segment_read.offset + 3] == segment_read.tag.encode()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=30))
def test_any_chunking_reads_the_same_segments(sizes: list[int]) -> None:
    chunks, start = [], 0
    for size in sizes:
        chunks.append(FILE[start : start + size])
        start += size
    chunks.append(FILE[start:])

    assert _read(chunks) == _read([FILE])


def test_undecodable_bytes_are_kept_and_reported() -> None:
    data = b"UNB+UNOA:3+A+B+260924:1030+1'FTX+AAA+++caf\xe9 x'UNZ+0+1'"

    batches = list(read_segment_batches([data]))
    ftx = batches[0].segments[1]

    assert ftx.component(4).encode("ascii", "surrogateescape") == b"caf\xe9 x"
    assert batches[0].invalid == [(1, "caf\udce9x")]  # lower case and the byte


def test_unknown_syntax_identifier_is_read_losslessly_and_marked_unsupported() -> None:
    batch = next(read_segment_batches([b"UNB+UNOZ:3+A+B+260924:1030+1'UNZ+0+1'"]))

    assert batch.syntax.identifier == "UNOZ"
    assert not batch.syntax.supported


def test_level_b_defaults_are_recognised() -> None:
    data = b"UNB\x1dUNOB\x1f3\x1dA\x1dB\x1d260924\x1f1030\x1d1\x1cUNZ\x1d0\x1d1\x1c"

    read = list(read_segments([data]))

    assert [s.tag for s, _ in read] == ["UNB", "UNZ"]
    assert read[0][0].element(1) == ("UNOB", "3")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"ISA*00*", "expected an interchange"),
        (b"UNA:+", "cut short"),
        (b"UNA::.? 'UNB", "unusable service characters"),
        (b"UNA:+.? 'UNH+1'", "followed by a UNB"),
        (b"UNB*UNOA:3*A", "data element separator"),
        (b"UNB+UNOA:3+A+B+260924:1030+1", "no segment terminator"),
        (b"UNB+UNOA:3+A+B+260924:1030+1'UNH+1+ORDERS?'", "ends inside a segment"),
    ],
)
def test_input_that_is_not_edifact_raises_a_syntax_error(data: bytes, expected: str) -> None:
    with pytest.raises(EdifactSyntaxError, match=expected) as raised:
        list(read_segments([data]))

    assert raised.value.offset >= 0


components = st.text(alphabet=st.sampled_from("AB1 :+?'*.,"), min_size=0, max_size=6)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(components, min_size=1, max_size=3), min_size=1, max_size=5))
def test_written_segments_read_back_the_same(elements: list[list[str]]) -> None:
    body = segment("FTX", *[tuple(e) for e in elements])
    characters = ServiceCharacters(repetition="*")
    text = write_segments(
        [segment("UNB", ("UNOB", "4"), "A", "B", ("260924", "1030"), "9"), body],
        characters,
    )

    read = [s for s, _ in read_segments([text.encode()])][1]

    expected = [list(e) for e in elements]
    for e in expected:
        while len(e) > 1 and not e[-1]:
            e.pop()
    while expected and expected[-1] == [""]:
        expected.pop()
    assert [list(e) for e in read.elements] == expected
