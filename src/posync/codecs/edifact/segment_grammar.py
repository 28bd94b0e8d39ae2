"""Cutting an interchange's text into segments and segments into elements and components.

A ``SegmentGrammar`` is one interchange's service characters compiled once:
segments are cut at each terminator that is not released, elements at the
data element separator, occurrences of a repeating element at the repetition
separator and components at the component separator; a released character
is data. ``last_end`` finds, in bytes, where the last complete segment of a
chunk ends (service characters are ASCII, so a byte search is exact in every
encoding posync reads).
"""

from __future__ import annotations

import re

from posync.codecs.edifact.segments import Element, Segment
from posync.codecs.edifact.service_characters import InterchangeSyntax


class SegmentGrammar:
    """One interchange's characters, compiled for cutting segments and splitting them."""

    __slots__ = (
        "component",
        "element",
        "kept_bytes",
        "outside",
        "release",
        "release_byte",
        "repetition",
        "segment_cut",
        "single_byte",
        "splitter",
        "suspect",
        "syntax",
        "terminator",
        "terminator_byte",
    )

    def __init__(self, syntax: InterchangeSyntax) -> None:
        characters = syntax.characters
        self.syntax = syntax
        self.element = characters.element
        self.component = characters.component
        self.terminator = characters.segment
        self.release = characters.release
        self.repetition = characters.repetition
        self.terminator_byte = characters.segment.encode("ascii")
        self.release_byte = characters.release.encode("ascii") if characters.release else None
        self.single_byte = syntax.repertoire.encoding != "utf-8"
        release = re.escape(self.release) + "." if self.release else None
        cuts = re.escape(self.terminator)
        self.segment_cut = re.compile(f"{release}|{cuts}" if release else cuts, re.DOTALL)
        inner = re.escape(self.element + self.component + (self.repetition or ""))
        self.splitter = re.compile(f"{release}|[{inner}]" if release else f"[{inner}]", re.DOTALL)
        service = re.escape(characters.separators)
        base = syntax.repertoire.outside_pattern.pattern
        # The class first and the exclusions looked behind: the same characters as
        # ``(?![...])`` before the class, but the engine then skips ahead to each candidate.
        self.outside = re.compile(f"{base}(?<![{service}])")
        self.suspect = re.compile(f"{base}(?<![{service}\r\n])")
        self.kept_bytes = _kept_bytes(syntax, self.suspect) if self.single_byte else None

    def holds_suspects(self, data: bytes, text: str) -> bool:
        """Whether ``text`` (``data`` decoded) holds a character outside the repertoire that
        is not a service character or a line break (``suspect``).

        In a single-byte encoding each byte is one character, so the bytes are searched: the
        bytes left once those of harmless characters are deleted (a loop in C).
        """
        if self.kept_bytes is not None:
            return bool(data.translate(None, self.kept_bytes))
        return self.suspect.search(text) is not None

    def plain(self, text: str) -> bool:
        """Whether ``text`` holds neither a release nor a repetition character: each segment
        in it is split at its separators alone."""
        return (self.release is None or self.release not in text) and (
            self.repetition is None or self.repetition not in text
        )

    def split_segments(self, text: str) -> list[str]:
        """``text`` (ending with a terminator) cut at each terminator that is not released."""
        if self.release is None or self.release not in text:
            return text.split(self.terminator)
        parts, start = [], 0
        for match in self.segment_cut.finditer(text):
            if match.group() == self.terminator:
                parts.append(text[start : match.start()])
                start = match.end()
        parts.append(text[start:])
        return parts

    def parse(self, body: str, offset: int) -> Segment:
        """One segment's text (no terminator) as a ``Segment``."""
        if (self.release is None or self.release not in body) and (
            self.repetition is None or self.repetition not in body
        ):
            parts = body.split(self.element)
            tag = parts.pop(0)
            component = self.component
            if component in tag:
                tag = tag.split(component)[0]
            elements = tuple(
                [
                    (part,) if component not in part else tuple(part.split(component))
                    for part in parts
                ]
            )
            return Segment(tag, elements, (), offset)
        return self._parse_released(body, offset)

    def _parse_released(self, body: str, offset: int) -> Segment:
        elements: list[list[Element]] = []
        occurrences: list[Element] = []
        components: list[str] = []
        pieces: list[str] = []
        last = 0
        for match in self.splitter.finditer(body):
            found = match.group()
            pieces.append(body[last : match.start()])
            last = match.end()
            if len(found) == 2:  # a released character
                pieces.append(found[1])
                continue
            components.append("".join(pieces))
            pieces = []
            if found == self.component:
                continue
            occurrences.append(tuple(components))
            components = []
            if found == self.repetition:
                continue
            elements.append(occurrences)
            occurrences = []
        pieces.append(body[last:])
        components.append("".join(pieces))
        occurrences.append(tuple(components))
        elements.append(occurrences)
        tag = elements[0][0][0]
        repeats = tuple(
            (position, tuple(occurring[1:]))
            for position, occurring in enumerate(elements[1:], start=1)
            if len(occurring) > 1
        )
        return Segment(tag, tuple(occurring[0] for occurring in elements[1:]), repeats, offset)


def _kept_bytes(syntax: InterchangeSyntax, suspect: re.Pattern[str]) -> bytes:
    """The bytes that decode, alone, to a character ``suspect`` does not find."""
    repertoire = syntax.repertoire

    def harmless(byte: int) -> bool:
        try:
            character = repertoire.decode(bytes((byte,)))
        except UnicodeDecodeError:
            return False
        return suspect.search(character) is None

    return bytes(byte for byte in range(256) if harmless(byte))


def last_end(data: bytes, grammar: SegmentGrammar, start: int, limit: int) -> int:
    """Index of the last segment terminator in ``data[start:limit]`` that is not released."""
    terminator, release = grammar.terminator_byte, grammar.release_byte
    end = data.rfind(terminator, start, limit)
    while end >= 0 and release is not None:
        before = end
        while before > start and data[before - 1 : before] == release:
            before -= 1
        if (end - before) % 2 == 0:
            return end
        end = data.rfind(terminator, start, end)
    return end
