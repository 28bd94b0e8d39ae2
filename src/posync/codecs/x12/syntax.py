"""X12 syntax: delimiters declared by each ISA, and segments read from chunks.

The ISA is fixed-width (106 characters with its terminator): the character
after ``ISA`` separates elements, ISA11 is the repetition separator (from
version 00402; ``U`` before), ISA16 the component separator, and the next
character terminates segments. Line breaks after a terminator are layout,
not data. Every interchange declares its own delimiters, so a file may mix
them.

``read_segments`` takes the input in chunks of any size and keeps only the
unfinished tail of one chunk, so memory stays bounded however large the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

ISA_LENGTH = 106
BATCH_SIZE = 64
"""Segments per list of ``read_segment_batches``: few enough to stay in the processor's cache."""
_LAYOUT = "\r\n"


class X12SyntaxError(ValueError):
    """Bytes that cannot be read as X12 at all (no ISA, a torn ISA)."""

    def __init__(self, message: str, *, offset: int) -> None:
        super().__init__(f"{message} (at byte {offset})")
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Delimiters:
    element: str = "*"
    component: str = ">"
    segment: str = "~"
    repetition: str | None = None

    @classmethod
    def from_isa(cls, isa: str, *, offset: int = 0) -> Delimiters:
        """The delimiters an ISA declares; ``isa`` holds at least its 106 characters."""
        if len(isa) < ISA_LENGTH or not isa.startswith("ISA"):
            raise X12SyntaxError(
                "an interchange must start with a 106-character ISA", offset=offset
            )
        element, segment, component = isa[3], isa[105], isa[104]
        repetition = isa[82]
        if isa.count(element, 0, 106) != 16:
            raise X12SyntaxError(
                f"the ISA does not have 16 elements separated by {element!r}", offset=offset
            )
        if segment.isalnum() or segment == element or component == element:
            raise X12SyntaxError(
                f"the ISA declares unusable delimiters (element {element!r}, "
                f"component {component!r}, segment {segment!r})",
                offset=offset,
            )
        usable = not repetition.isalnum() and repetition not in (element, component, segment)
        return cls(
            element=element,
            component=component,
            segment=segment,
            repetition=repetition if usable else None,
        )


class Segment:
    """One segment: its tag and its elements as text (``get(1)`` is the first element)."""

    __slots__ = ("elements", "offset", "tag")

    def __init__(self, tag: str, elements: list[str], offset: int) -> None:
        self.tag = tag
        self.elements = elements
        self.offset = offset

    def get(self, position: int) -> str:
        """Element ``position`` (from 1), or ``""`` when the segment stops before it."""
        return self.elements[position - 1] if position <= len(self.elements) else ""

    def __len__(self) -> int:
        return len(self.elements)

    def __repr__(self) -> str:
        return f"Segment({self.tag}*{'*'.join(self.elements)})"


def read_segments(chunks: Iterable[bytes]) -> Iterator[tuple[Segment, Delimiters]]:
    """Every segment of every interchange in ``chunks``, with the delimiters in force.

    Text is read as UTF-8 where it is UTF-8 and as Latin-1 otherwise, so no
    byte is ever lost or replaced.
    """
    for batch, delimiters in read_segment_batches(chunks):
        for segment in batch:
            yield segment, delimiters


def read_segment_batches(chunks: Iterable[bytes]) -> Iterator[tuple[list[Segment], Delimiters]]:
    """The segments of ``read_segments``, up to ``BATCH_SIZE`` at a time, with their delimiters.

    For readers that walk millions of segments: one step per list, not per segment.
    Raises ``X12SyntaxError`` where ``read_segments`` does, after the same segments.
    """
    pending = b""
    offset = 0  # of ``pending``'s first byte in the whole input
    delimiters: Delimiters | None = None
    exhausted = False
    iterator = iter(chunks)
    while True:
        if delimiters is None:
            start = _skip_layout(pending)
            while len(pending) - start < ISA_LENGTH and not exhausted:
                more = next(iterator, None)
                if more is None:
                    exhausted = True
                else:
                    pending += more
                start = _skip_layout(pending)
            if start == len(pending) and exhausted:
                return
            head = pending[start : start + ISA_LENGTH].decode("latin-1")
            if not head.startswith("ISA"):
                raise X12SyntaxError(
                    f"expected an ISA segment, found {head[:20]!r}", offset=offset + start
                )
            delimiters = Delimiters.from_isa(head, offset=offset + start)
            pending, offset = pending[start:], offset + start
        terminator = delimiters.segment.encode("latin-1")
        end = pending.rfind(terminator)
        if end < 0:
            more = next(iterator, None)
            if more is None:
                if pending.strip():
                    raise X12SyntaxError(
                        "the input ends inside a segment (no segment terminator)", offset=offset
                    )
                return
            pending += more
            continue
        complete, rest = pending[: end + 1], pending[end + 1 :]
        text = _decode(complete)
        separator = delimiters.element
        position = offset
        consumed: int | None = None  # set when an IEA ends the interchange
        batch: list[Segment] = []
        for raw in text.split(delimiters.segment)[:-1]:
            body = raw.lstrip(_LAYOUT)  # line breaks after a terminator are layout
            if body:
                elements = body.split(separator)
                tag = elements[0]
                del elements[0]
                batch.append(Segment(tag, elements, position))
                if tag == "IEA":
                    consumed = position + len(raw) + 1 - offset
                    break
                if len(batch) == BATCH_SIZE:
                    yield batch, delimiters
                    batch = []
            position += len(raw) + 1
        if batch:
            yield batch, delimiters
        if consumed is not None:
            # The next interchange may declare other delimiters: read it afresh.
            used = len(text[:consumed].encode(_encoding_of(complete)))
            pending, offset = complete[used:] + rest, offset + used
            delimiters = None
            continue
        pending, offset = rest, offset + len(complete)


def _skip_layout(data: bytes) -> int:
    index = 0
    while index < len(data) and data[index] in b"\r\n\t ":
        index += 1
    return index


def _encoding_of(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "latin-1"
    return "utf-8"


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")
