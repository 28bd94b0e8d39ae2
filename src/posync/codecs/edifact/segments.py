"""One EDIFACT segment as every part of the EDIFACT codec sees it.

A segment is its tag and its data elements; each data element is the tuple of
its components (a simple element is a one-tuple). Text is already unescaped
(no release characters) and decoded from the interchange's repertoire.
Trailing empty elements and components may be absent: ``component`` answers
``""`` for anything the segment does not carry.

A segment is an immutable named tuple rather than a frozen dataclass: the
reader makes one for every segment of every interchange, and a tuple is made
several times faster.
"""

from __future__ import annotations

from typing import NamedTuple

Element = tuple[str, ...]


class Segment(NamedTuple):
    """``tag`` (``BGM``) and its data elements, each a tuple of components."""

    tag: str
    elements: tuple[Element, ...] = ()
    repeats: tuple[tuple[int, tuple[Element, ...]], ...] = ()
    """Further occurrences of a repeating element (syntax version 4): (position, occurrences)."""
    offset: int = 0
    """Byte offset of the segment in its input, for findings; 0 for segments built in code."""

    def element(self, position: int) -> Element:
        """Data element ``position`` (from 1); ``()`` when the segment stops before it."""
        return self.elements[position - 1] if position <= len(self.elements) else ()

    def component(self, position: int, component: int = 1) -> str:
        """Component ``component`` (from 1) of element ``position``; ``""`` when absent."""
        element = self.element(position)
        return element[component - 1] if component <= len(element) else ""


def segment(tag: str, *elements: str | Element) -> Segment:
    """A segment built in code: each element a string (simple) or a tuple (composite)."""
    return Segment(tag, tuple((e,) if isinstance(e, str) else tuple(e) for e in elements))
