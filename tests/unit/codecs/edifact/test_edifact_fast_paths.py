"""The fast paths of EDIFACT reading give what the careful paths give.

The reader splits a chunk without release or repetition characters with
``str.split`` alone and notes where the envelope segments stand; the envelope
then adds the runs between them to the open message whole; the mapping cuts
a message into sections by searching its tags. Each is held here, on valid
and on mutated input, to the path it stands in for.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.edifact.charsets import REPERTOIRES
from posync.codecs.edifact.envelope import _Reader as EnvelopeReader
from posync.codecs.edifact.mapping.reading import sections
from posync.codecs.edifact.segment_batches import (
    ENVELOPE_TAGS,
    Cut,
    SegmentBatch,
    careful_batches,
    plain_batches,
)
from posync.codecs.edifact.segment_grammar import SegmentGrammar
from posync.codecs.edifact.segments import Segment
from posync.codecs.edifact.syntax import DEFAULT_CHARACTERS, InterchangeSyntax, read_segment_batches
from posync.codecs.edifact.validation import DirectoryValidator
from unit.codecs.edifact.edifact_samples import interchange, message

SYNTAX = InterchangeSyntax(DEFAULT_CHARACTERS, "UNOC", "3", REPERTOIRES["UNOC"], True)
GRAMMAR = SegmentGrammar(SYNTAX)
SAMPLE = interchange(message("1") + message("2"))
PIECES = ["+", ":", "'", "\n", "\r\n", "UNB", "UNZ", "UNA", "UNH", "UNT", "UNG", "UNE", "x", ""]


@st.composite
def mutated_texts(draw: st.DrawFn) -> str:
    """The sample interchange (after its UNA), a few pieces inserted or cut out here and there."""
    text = SAMPLE.split("'", 1)[1] if SAMPLE.startswith("UNA") else SAMPLE
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 5)) :]
    return text if text.endswith("'") else text + "'"


def _flat(batches: list[SegmentBatch]) -> list[Segment]:
    return [segment for batch in batches for segment in batch.segments]


@settings(max_examples=200, deadline=None)
@given(mutated_texts(), st.integers(0, 3), st.integers(0, 10_000))
def test_the_plain_reader_gives_the_careful_readers_segments(
    text: str, read: int, offset: int
) -> None:
    raws = GRAMMAR.split_segments(text)
    del raws[-1]
    plain, careful = Cut(read), Cut(read)

    fast = list(plain_batches(raws, GRAMMAR, offset, plain))
    slow = list(careful_batches(raws, GRAMMAR, offset, (True, False), careful))

    assert _flat(fast) == _flat(slow)
    assert (plain.read, plain.stop) == (careful.read, careful.stop)
    for batch in fast:
        assert batch.envelope == [
            index for index, segment in enumerate(batch.segments) if segment.tag in ENVELOPE_TAGS
        ]
        assert batch.invalid == []


@settings(max_examples=100, deadline=None)
@given(mutated_texts())
def test_the_envelope_reads_runs_as_it_reads_segment_by_segment(text: str) -> None:
    data = ("UNA:+.? '" + text).encode("latin-1")
    try:
        batches = list(read_segment_batches([data]))
    except ValueError:
        return  # not EDIFACT at all: both paths refuse it alike, before the envelope
    validator = DirectoryValidator()
    runs, each = EnvelopeReader(validator), EnvelopeReader(validator)

    by_runs = [event for batch in batches for event in runs.take(batch)]
    one_by_one = [
        event
        for batch in batches
        for event in each.take(SegmentBatch(batch.segments, batch.syntax, batch.invalid, None))
    ]

    assert by_runs == one_by_one
    assert list(runs.end_of_input("end")) == list(each.end_of_input("end"))


def _sections_one_by_one(
    segments: list[Segment], trigger: str
) -> tuple[list[Segment], list[list[Segment]], list[Segment]]:
    """How ``sections`` read a message before it searched tags: one segment at a time."""
    header: list[Segment] = []
    details: list[list[Segment]] = []
    summary: list[Segment] = []
    current = header
    for segment in segments:
        if segment.tag in ("UNH", "UNT"):
            continue
        if current is summary:
            summary.append(segment)
        elif segment.tag == "UNS":
            current = summary
        elif segment.tag == trigger:
            current = [segment]
            details.append(current)
        else:
            current.append(segment)
    return header, details, summary


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["LIN", "QTY", "UNS", "UNH", "UNT", "CNT", "BGM", "CPS"])),
    st.sampled_from(["LIN", "CPS"]),
)
def test_sections_found_by_searching_tags_are_those_read_one_by_one(
    tags: list[str], trigger: str
) -> None:
    segments = [Segment(tag, ((str(index),),)) for index, tag in enumerate(tags)]

    found = sections(segments, trigger)

    assert (found.header, found.details, found.summary) == _sections_one_by_one(segments, trigger)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(REPERTOIRES)),
    st.lists(
        st.one_of(
            st.integers(0, 255),
            st.sampled_from([ord(c) for c in "+:'?*\r\n\t A\x7f"] + [0x85, 0x9F, 0xA0, 0xFF]),
        ),
        max_size=40,
    ),
)
def test_suspect_characters_found_in_the_bytes_are_those_the_pattern_finds(
    identifier: str, values: list[int]
) -> None:
    syntax = InterchangeSyntax(DEFAULT_CHARACTERS, identifier, "3", REPERTOIRES[identifier], True)
    grammar = SegmentGrammar(syntax)
    data = bytes(values)
    try:
        text = syntax.repertoire.decode(data)
    except UnicodeDecodeError:
        return  # UTF-8 (UNOY) that does not decode: the reader refuses it before this
    assert grammar.holds_suspects(data, text) == (grammar.suspect.search(text) is not None)
