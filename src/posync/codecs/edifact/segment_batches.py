"""The segments of one chunk of an interchange, cut into batches: carefully, or plainly.

``careful_batches`` reads each segment with the grammar (released separators,
repetitions, characters outside the repertoire, characters of more than one
byte). ``plain_batches`` gives the same segments for the usual chunk, which
has none of these: each segment is split with ``str.split`` alone, inline,
and each batch notes where its envelope segments stand, so the envelope can
add the runs between them to the open message whole. ``syntax`` chooses.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from posync.codecs.edifact.segment_grammar import SegmentGrammar
from posync.codecs.edifact.segments import Element, Segment
from posync.codecs.edifact.service_characters import InterchangeSyntax

BATCH_SIZE = 256
"""Segments per batch of ``read_segment_batches``."""
ENVELOPE_TAGS = frozenset({"UNB", "UNZ", "UNG", "UNE", "UNH", "UNT"})
"""The service segments that open and close interchanges, groups and messages."""
_LAYOUT = "\r\n"
_OPENING = frozenset({"UNA", "UNB"})
_SERVICE = ENVELOPE_TAGS | _OPENING


@dataclass(slots=True)
class SegmentBatch:
    """Up to ``BATCH_SIZE`` segments of one interchange, and how it is written.

    ``invalid`` lists, for the segments holding characters outside the
    repertoire (or bytes it could not decode), their index in ``segments``
    and those characters.
    """

    segments: list[Segment]
    syntax: InterchangeSyntax
    invalid: list[tuple[int, str]]
    envelope: list[int] | None = None
    """The indices of the segments whose tag is one of ``ENVELOPE_TAGS``, when the reader
    noted them (``None``: look at each segment)."""


@dataclass(slots=True)
class Cut:
    """How far the segments of one chunk went: segments read in the interchange so far, and
    the characters of the chunk read when the interchange ends in it (``None`` if it goes on)."""

    read: int
    stop: int | None = None


def careful_batches(
    raws: list[str],
    grammar: SegmentGrammar,
    offset: int,
    how: tuple[bool, bool],
    cut: Cut,
) -> Iterator[SegmentBatch]:
    """The segments of ``raws`` (a chunk cut at its terminators) one at a time: any
    characters, released separators, repetitions and characters outside the repertoire.

    ``how``: whether each character of the chunk is one byte, and whether the chunk may
    hold characters outside the repertoire.
    """
    syntax = grammar.syntax
    repertoire = syntax.repertoire
    exact, check = how
    batch: list[Segment] = []
    invalid: list[tuple[int, str]] = []
    position = 0  # in characters of the chunk
    byte_position = offset
    read = cut.read
    for raw in raws:
        body = raw.lstrip(_LAYOUT)
        size = len(raw) + 1
        if body:
            skipped = len(raw) - len(body)
            segment = grammar.parse(body, byte_position + skipped)
            tag = segment.tag
            if read and tag in ("UNA", "UNB"):
                cut.stop = position  # a new interchange before this one's UNZ
                break
            read += 1
            if check:
                outside = "".join(dict.fromkeys(grammar.outside.findall(body)))
                if outside:
                    invalid.append((len(batch), outside))
            batch.append(segment)
            if tag == "UNZ":
                cut.stop = position + size
                break
            if len(batch) == BATCH_SIZE:
                yield SegmentBatch(batch, syntax, invalid)
                batch, invalid = [], []
        position += size
        byte_position += size if exact else len(repertoire.encode(raw)) + 1
    cut.read = read
    if batch:
        yield SegmentBatch(batch, syntax, invalid)


def plain_batches(
    raws: list[str], grammar: SegmentGrammar, offset: int, cut: Cut
) -> Iterator[SegmentBatch]:
    """What ``careful_batches`` gives, for a chunk without release or repetition characters
    and without characters outside the repertoire, read one byte per character: each
    segment split with ``str.split`` alone, inline, and the envelope segments noted."""
    syntax = grammar.syntax
    element, component = grammar.element, grammar.component
    new = tuple.__new__
    position = 0  # of the segment's text (with the layout before it) in the chunk
    read = cut.read
    stop: int | None = None
    for first in range(0, len(raws), BATCH_SIZE):
        batch: list[Segment] = []
        envelope: list[int] = []
        for raw in raws[first : first + BATCH_SIZE]:
            body = raw.lstrip(_LAYOUT)
            end = position + len(raw)  # of the segment, at its terminator
            if body:
                parts = body.split(element)
                tag = parts[0]
                del parts[0]
                if component in tag:
                    tag = tag.split(component)[0]
                if tag in _SERVICE:
                    if read and tag in _OPENING:
                        stop = position  # a new interchange before this one's UNZ
                        break
                    if tag != "UNA":
                        envelope.append(len(batch))
                    if tag == "UNZ":
                        read += 1
                        elements = _split_components(parts, component)
                        batch.append(new(Segment, (tag, elements, (), offset + end - len(body))))
                        stop = end + 1
                        break
                read += 1
                elements = tuple(
                    [(p,) if component not in p else tuple(p.split(component)) for p in parts]
                )
                batch.append(new(Segment, (tag, elements, (), offset + end - len(body))))
            position = end + 1
        if batch:
            yield SegmentBatch(batch, syntax, [], envelope)
        if stop is not None:
            break
    cut.read, cut.stop = read, stop


def _split_components(parts: list[str], component: str) -> tuple[Element, ...]:
    return tuple([(p,) if component not in p else tuple(p.split(component)) for p in parts])
