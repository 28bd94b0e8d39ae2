"""How the EDIFACT dictionary's entries read.

A data element has a representation (``a`` alphabetic, ``n`` numeric, ``an``
alphanumeric; ``an..35`` up to 35 characters, ``n3`` exactly 3) and, for the
coded elements that matter, the codes it takes. A composite lists its
component data elements, a segment its data elements and composites, each
mandatory (``M``) or conditional (``C``). A message is a sequence of segments
and segment groups; a group opens with its first segment (its trigger) and
repeats up to its maximum. Everything is frozen data, built once at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    ALPHABETIC = "a"
    NUMERIC = "n"
    ALPHANUMERIC = "an"


_REPRESENTATION = re.compile(r"(an|a|n)(\.\.)?(\d+)")


def representation(text: str) -> tuple[Kind, int, int]:
    """``an..35`` -> (alphanumeric, 1, 35); ``n3`` -> (numeric, 3, 3)."""
    match = _REPRESENTATION.fullmatch(text)
    if match is None:
        raise ValueError(f"not a representation: {text!r}")
    kind, variable, length = Kind(match[1]), match[2], int(match[3])
    return kind, 1 if variable else length, length


@dataclass(frozen=True, slots=True)
class CodeList:
    """The codes of a coded data element that posync carries.

    ``complete`` when they are the whole D.96A list: any other value is then
    invalid (0085 code 12). Otherwise they are the values posync knows, and
    another value is only not supported here (14, a warning).
    """

    codes: frozenset[str]
    complete: bool = False


@dataclass(frozen=True, slots=True)
class DataElement:
    """A simple data element, by its tag (``1225``)."""

    tag: str
    name: str
    kind: Kind
    min_length: int
    max_length: int
    codes: CodeList | None = None


@dataclass(frozen=True, slots=True)
class Component:
    """A component data element at its place in a composite."""

    element: DataElement
    mandatory: bool


@dataclass(frozen=True, slots=True)
class Composite:
    """A composite data element (``C507``): its components in order."""

    tag: str
    name: str
    components: tuple[Component, ...]


@dataclass(frozen=True, slots=True)
class ElementUse:
    """A simple or composite data element at a position of a segment.

    ``repeat`` above 1 is a repeating data element (syntax version 4).
    """

    element: DataElement | Composite
    mandatory: bool
    repeat: int = 1

    @property
    def tag(self) -> str:
        return self.element.tag


@dataclass(frozen=True, slots=True)
class SegmentSpec:
    tag: str
    name: str
    elements: tuple[ElementUse, ...]


@dataclass(frozen=True, slots=True)
class SegmentUse:
    """A segment at a place of a message: mandatory or not, and how often it may stand."""

    tag: str
    mandatory: bool = False
    max_use: int = 1


@dataclass(frozen=True, slots=True)
class SegmentGroup:
    """A segment group (``SG25``): its body opens with the segment that starts each repetition."""

    number: int
    body: tuple[SegmentUse | SegmentGroup, ...]
    mandatory: bool = False
    max_repeat: int = 1

    @property
    def name(self) -> str:
        return f"SG{self.number}"

    @property
    def trigger(self) -> str:
        first = self.body[0]
        return first.tag if isinstance(first, SegmentUse) else first.trigger


@dataclass(frozen=True, slots=True)
class MessageSpec:
    """A message type of one directory (``ORDERS`` of D.96A): its structure, UNH to UNT."""

    type: str
    name: str
    body: tuple[SegmentUse | SegmentGroup, ...]


@dataclass(frozen=True, slots=True)
class Directory:
    """Everything posync knows of one directory: ``D``:``96A``:``UN``."""

    version: str
    release: str
    agency: str
    elements: dict[str, DataElement]
    composites: dict[str, Composite]
    segments: dict[str, SegmentSpec]
    messages: dict[str, MessageSpec]

    @property
    def name(self) -> str:
        return f"{self.version}:{self.release}:{self.agency}"
