"""EDIFACT syntax: the service characters of each interchange, and segments read from chunks.

An interchange may open with the service string advice, ``UNA`` and six
characters: component separator, data element separator, decimal mark,
release character, repetition separator (reserved, a space, before syntax
version 4) and segment terminator. Without it the defaults apply: ``:`` ``+``
``.`` ``?`` and ``'``, with ``*`` as repetition separator in version 4; an
interchange written with the level B defaults (information separators IS1,
IS3, IS4, no release character) is recognised by the IS3 after ``UNB``.

The release character makes the next character plain data, a separator or
itself (``?+`` is a ``+``, ``??`` a ``?``). Line breaks after a segment
terminator are layout, not data.

The UNB's syntax identifier (S001 0001) says how the bytes are decoded
(``charsets``); a byte the encoding cannot decode is kept (never lost) and
reported with the segment it stands in. Each interchange declares its own
characters, so a file may mix them. ``read_segments`` takes the input in
chunks of any size and keeps only the unfinished tail of one chunk, so memory
stays bounded however large the file.

Most chunks hold no release or repetition character and nothing outside the
repertoire: their segments are split with ``str.split`` alone, inline, and
the batch notes where the envelope segments stand; any other chunk is read
segment by segment (``segment_batches``). The tests hold
the two to the same segments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from posync.codecs.edifact.charsets import REPERTOIRES, Repertoire
from posync.codecs.edifact.segment_batches import (
    BATCH_SIZE,
    ENVELOPE_TAGS,
    Cut,
    SegmentBatch,
    careful_batches,
    plain_batches,
)
from posync.codecs.edifact.segment_grammar import SegmentGrammar, last_end
from posync.codecs.edifact.segments import Segment
from posync.codecs.edifact.service_characters import (
    DEFAULT_CHARACTERS,
    LEVEL_B_CHARACTERS,
    LEVEL_B_VERSION_4_CHARACTERS,
    VERSION_4_CHARACTERS,
    Delimiters,
    InterchangeSyntax,
    ServiceCharacters,
)

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_CHARACTERS",
    "ENVELOPE_TAGS",
    "LEVEL_B_CHARACTERS",
    "LEVEL_B_VERSION_4_CHARACTERS",
    "VERSION_4_CHARACTERS",
    "Delimiters",
    "EdifactSyntaxError",
    "InterchangeSyntax",
    "SegmentBatch",
    "ServiceCharacters",
    "read_segment_batches",
    "read_segments",
]

UNA_LENGTH = 9
HEADER_LIMIT = 64 * 1024
"""Bytes within which a UNB must end: more is not an interchange header."""
_LEADING_LAYOUT = b"\r\n\t "


class EdifactSyntaxError(ValueError):
    """Bytes that cannot be read as EDIFACT at all (no UNB, a torn UNA, a UNB without end)."""

    def __init__(self, message: str, *, offset: int) -> None:
        super().__init__(f"{message} (at byte {offset})")
        self.offset = offset


def read_segments(chunks: Iterable[bytes]) -> Iterator[tuple[Segment, ServiceCharacters]]:
    """Every segment of every interchange in ``chunks``, with the service characters in force.

    The UNA is not a segment: what it declares is in the characters. Raises
    ``EdifactSyntaxError`` for input that is not EDIFACT at all.
    """
    for batch in read_segment_batches(chunks):
        characters = batch.syntax.characters
        for segment in batch.segments:
            yield segment, characters


def read_segment_batches(chunks: Iterable[bytes]) -> Iterator[SegmentBatch]:
    """The segments of ``read_segments``, a batch at a time, with their interchange's syntax."""
    return _Reader(iter(chunks)).batches()


class _Reader:
    """The input while it streams past: the unread tail and the open interchange's grammar."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""
        self._offset = 0  # of ``_pending``'s first byte in the whole input
        self._exhausted = False

    def _more(self) -> bool:
        """Append the next chunk to the pending bytes; ``False`` at the end of input."""
        if self._exhausted:
            return False
        chunk = next(self._chunks, None)
        if chunk is None:
            self._exhausted = True
            return False
        self._pending += chunk
        return True

    def batches(self) -> Iterator[SegmentBatch]:
        while True:
            grammar = self._open_interchange()
            if grammar is None:
                return
            yield from self._interchange(grammar)

    def _skip_layout(self) -> int:
        while True:
            data = self._pending
            start = len(data) - len(data.lstrip(_LEADING_LAYOUT))
            if start < len(data) or not self._more():
                return start

    def _need(self, size: int) -> bool:
        while len(self._pending) < size:
            if not self._more():
                return False
        return True

    def _open_interchange(self) -> SegmentGrammar | None:
        """Read the UNA (if any) and the UNB's syntax identifier; ``None`` at the end of input."""
        start = self._skip_layout()
        if start == len(self._pending):
            return None
        self._need(start + 4)
        head = self._pending[start : start + 3]
        at = self._offset + start
        if head == b"UNA":
            if not self._need(start + UNA_LENGTH):
                raise EdifactSyntaxError("the UNA service string advice is cut short", offset=at)
            characters = _advised(self._pending[start + 3 : start + UNA_LENGTH], at)
            self._pending = self._pending[start + UNA_LENGTH :]
            self._offset += start + UNA_LENGTH
            start = self._skip_layout()
            self._need(start + 4)
            if self._pending[start : start + 3] != b"UNB":
                found = self._pending[start : start + 12]
                raise EdifactSyntaxError(
                    f"the UNA must be followed by a UNB, found {found!r}",
                    offset=self._offset + start,
                )
            advised = True
        elif head == b"UNB":
            level_b = self._pending[start + 3 : start + 4] == LEVEL_B_CHARACTERS.element.encode()
            characters = LEVEL_B_CHARACTERS if level_b else DEFAULT_CHARACTERS
            advised = False
        else:
            found = self._pending[start : start + 12]
            raise EdifactSyntaxError(
                f"expected an interchange (UNA or UNB), found {found!r}", offset=at
            )
        self._pending = self._pending[start:]
        self._offset += start
        identifier, version = self._syntax_identifier(characters)
        if version == "4" and not advised:
            characters = (
                LEVEL_B_VERSION_4_CHARACTERS
                if characters == LEVEL_B_CHARACTERS
                else VERSION_4_CHARACTERS
            )
        elif version != "4" and characters.repetition is not None:
            characters = _without_repetition(characters)
        repertoire = REPERTOIRES.get(identifier) or REPERTOIRES["UNOC"]
        if identifier not in REPERTOIRES:
            # Read losslessly as Latin-1: the envelope rejects it (0085 code 2) by name.
            repertoire = Repertoire(
                identifier, "latin-1", "strict", "not supported", re.compile("(?!)")
            )
        return SegmentGrammar(
            InterchangeSyntax(characters, identifier, version, repertoire, advised)
        )

    def _syntax_identifier(self, characters: ServiceCharacters) -> tuple[str, str]:
        """S001's identifier and version from the UNB at the start of the pending bytes."""
        element = characters.element.encode("ascii")
        self._need(4)
        if self._pending[3:4] != element:
            raise EdifactSyntaxError(
                f"the UNB is not followed by the data element separator {characters.element!r}",
                offset=self._offset,
            )
        syntax = InterchangeSyntax(characters, "UNOC", "", REPERTOIRES["UNOC"], False)
        grammar = SegmentGrammar(syntax)
        end = last_end(self._pending, grammar, 0, HEADER_LIMIT)
        while end < 0 and len(self._pending) < HEADER_LIMIT and self._more():
            end = last_end(self._pending, grammar, 0, HEADER_LIMIT)
        if end < 0:
            raise EdifactSyntaxError(
                f"the UNB has no segment terminator {characters.segment!r}", offset=self._offset
            )
        first = grammar.split_segments(self._pending[: end + 1].decode("latin-1"))[0]
        unb = grammar.parse(first, self._offset)
        return unb.component(1, 1), unb.component(1, 2)

    def _interchange(self, grammar: SegmentGrammar) -> Iterator[SegmentBatch]:
        """The segments of one interchange, up to its UNZ (or the next UNA/UNB, or the end)."""
        repertoire = grammar.syntax.repertoire
        read = 0
        while True:
            end = last_end(self._pending, grammar, 0, len(self._pending))
            if end < 0:
                if self._more():
                    continue
                if self._pending.strip(_LEADING_LAYOUT):
                    raise EdifactSyntaxError(
                        f"the input ends inside a segment (no segment terminator "
                        f"{grammar.terminator!r})",
                        offset=self._offset,
                    )
                self._pending = b""
                return
            complete = self._pending[: end + 1]
            text = repertoire.decode(complete)
            exact = grammar.single_byte or len(text) == len(complete)
            raws = grammar.split_segments(text)
            del raws[-1]  # the empty text after the last terminator
            check = grammar.holds_suspects(complete, text)
            cut = Cut(read)
            if exact and not check and grammar.plain(text):
                yield from plain_batches(raws, grammar, self._offset, cut)
            else:
                yield from careful_batches(raws, grammar, self._offset, (exact, check), cut)
            read = cut.read
            if cut.stop is not None:
                used = cut.stop if exact else len(repertoire.encode(text[: cut.stop]))
                self._pending = self._pending[used:]
                self._offset += used
                return
            self._pending = self._pending[end + 1 :]
            self._offset += end + 1


def _advised(declared: bytes, offset: int) -> ServiceCharacters:
    """The characters a UNA declares (its six bytes after ``UNA``)."""
    if not declared.isascii():
        raise EdifactSyntaxError(
            f"the UNA declares a service character outside ASCII: {declared!r}", offset=offset
        )
    text = declared.decode("ascii")
    component, element, decimal, release, repetition, segment = (text[i] for i in range(6))
    characters = ServiceCharacters(
        component=component,
        element=element,
        decimal=decimal,
        release=None if release == " " else release,
        repetition=None if repetition == " " else repetition,
        segment=segment,
    )
    separators = [
        c
        for c in (component, element, segment, characters.release, characters.repetition)
        if c is not None
    ]
    if len(set(separators)) != len(separators) or any(c.isalnum() for c in separators):
        raise EdifactSyntaxError(
            f"the UNA declares unusable service characters {declared.decode('ascii')!r} "
            "(each separator and the release character must differ, and none be a letter "
            "or digit)",
            offset=offset,
        )
    if " " in (component, element, segment):
        raise EdifactSyntaxError(
            "the UNA declares a space as separator or terminator", offset=offset
        )
    return characters


def _without_repetition(characters: ServiceCharacters) -> ServiceCharacters:
    return ServiceCharacters(
        component=characters.component,
        element=characters.element,
        decimal=characters.decimal,
        release=characters.release,
        repetition=None,
        segment=characters.segment,
    )
