"""Writing EDIFACT segments: text with the release character, in the interchange's repertoire.

Every value is first made to fit the repertoire (``charsets.fit``: level A
folds to upper case, what a repertoire cannot carry is transliterated or
refused), then each separator, terminator and release character in it is
preceded by the release character. Trailing empty components and elements
are not written (ISO 9735 forbids the trailing separators). An interchange
without a release character (the level B defaults) cannot carry a separator
in its data: such a value is refused with the segment and element, never cut.
"""

from __future__ import annotations

from collections.abc import Iterable

from posync.codecs.edifact.charsets import Repertoire, fit
from posync.codecs.edifact.segments import Element, Segment
from posync.codecs.edifact.syntax import ServiceCharacters
from posync.codecs.errors import EncodeError
from posync.domain.errors import Problem


class SegmentWriter:
    """Writes segments with one interchange's characters and (optionally) repertoire."""

    __slots__ = ("_characters", "_release", "_repertoire", "_reserved")

    def __init__(self, characters: ServiceCharacters, repertoire: Repertoire | None = None) -> None:
        self._characters = characters
        self._repertoire = repertoire
        self._release = characters.release
        self._reserved = characters.separators

    def value(self, value: str, where: str = "") -> str:
        """One component's text, fitted to the repertoire and with its separators released."""
        if self._repertoire is not None:
            value = fit(value, self._repertoire, field=where)
        reserved = self._reserved
        if not any(character in reserved for character in value):
            return value
        release = self._release
        if release is None:
            raise EncodeError(
                "EDIFACT",
                [
                    Problem(
                        where,
                        f"{value!r} holds a service character and the interchange has no "
                        "release character to write it with",
                    )
                ],
            )
        return "".join(release + c if c in reserved else c for c in value)

    def element(self, element: Element, where: str) -> str:
        components = list(element)
        while components and not components[-1]:
            components.pop()
        return self._characters.component.join(
            self.value(component, f"{where}.{index}" if len(element) > 1 else where)
            for index, component in enumerate(components, start=1)
        )

    def segment(self, segment: Segment) -> str:
        """``segment`` as text, with its terminator."""
        characters = self._characters
        repeated = dict(segment.repeats)
        if repeated and characters.repetition is None:
            raise EncodeError(
                "EDIFACT",
                [
                    Problem(
                        segment.tag,
                        "repeats an element, which needs syntax version 4 (a repetition separator)",
                    )
                ],
            )
        written = []
        for position, element in enumerate(segment.elements, start=1):
            where = f"{segment.tag}{position:02d}"
            text = self.element(element, where)
            for occurrence in repeated.get(position, ()):
                text += f"{characters.repetition}{self.element(occurrence, where)}"
            written.append(text)
        while written and not written[-1]:
            written.pop()
        return characters.element.join([segment.tag, *written]) + characters.segment


def write_segments(
    segments: Iterable[Segment],
    characters: ServiceCharacters,
    repertoire: Repertoire | None = None,
    *,
    una: bool = False,
    line_break: bool = False,
) -> str:
    """``segments`` as text: the UNA first when asked, a line break after each when asked."""
    writer = SegmentWriter(characters, repertoire)
    separator = "\n" if line_break else ""
    parts = [characters.una] if una else []
    parts.extend(writer.segment(segment) for segment in segments)
    return separator.join(parts) + separator
