"""How the dictionary's entries read.

An element has a type and a length range (and, for the ID elements that
matter, the codes it accepts); a segment lists its elements with their usage;
a transaction set is a sequence of segments and loops, a loop starting with
its first segment. Everything here is frozen data, built once at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ElementType(StrEnum):
    ALPHANUMERIC = "AN"
    IDENTIFIER = "ID"
    NUMERIC = "N0"
    NUMERIC_2 = "N2"
    NUMERIC_4 = "N4"
    DECIMAL = "R"
    DATE = "DT"
    TIME = "TM"
    BINARY = "B"

    @property
    def implied_decimals(self) -> int:
        return {"N2": 2, "N4": 4}.get(self.value, 0)


class Usage(StrEnum):
    MANDATORY = "M"
    OPTIONAL = "O"
    CONDITIONAL = "X"


@dataclass(frozen=True, slots=True)
class Element:
    """A data element of the dictionary, by its reference number (e.g. 353)."""

    reference: str
    name: str
    type: ElementType
    min_length: int
    max_length: int
    codes: frozenset[str] | None = None
    codes_complete: bool = True
    """False when ``codes`` names only the values posync uses out of a longer list
    of the standard's: a value outside them is then not an invalid code."""

    def accepts_code(self, value: str) -> bool:
        """Whether ``value`` is a code this element accepts (any value when no list is kept)."""
        return self.codes is None or not self.codes_complete or value in self.codes


@dataclass(frozen=True, slots=True)
class Composite:
    """A composite data structure (e.g. C001): components, each with its usage."""

    reference: str
    name: str
    components: tuple[ElementUse, ...]


@dataclass(frozen=True, slots=True)
class ElementUse:
    """An element (or composite) at a position of a segment, with its usage there."""

    element: Element | Composite
    usage: Usage = Usage.OPTIONAL
    repeat: int = 1


@dataclass(frozen=True, slots=True)
class Condition:
    """A syntax note between positions of a segment, as the standard writes them.

    ``P`` paired (all or none), ``R`` required (at least one), ``E`` exclusion
    (at most one), ``C`` conditional (if the first, then all the others),
    ``L`` list conditional (if the first, then at least one of the others).
    """

    kind: str
    positions: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class SegmentSpec:
    tag: str
    name: str
    elements: tuple[ElementUse, ...]
    conditions: tuple[Condition, ...] = ()


@dataclass(frozen=True, slots=True)
class SegmentUse:
    """A segment at a place of a transaction set, with its usage and maximum use."""

    tag: str
    usage: Usage = Usage.OPTIONAL
    max_use: int = 1


@dataclass(frozen=True, slots=True)
class Loop:
    """A loop: its body starts with the segment that opens each repetition."""

    loop_id: str
    body: tuple[SegmentUse | Loop, ...]
    usage: Usage = Usage.OPTIONAL
    max_repeat: int = 1

    @property
    def trigger(self) -> str:
        first = self.body[0]
        return first.tag if isinstance(first, SegmentUse) else first.trigger


UNBOUNDED = 10**9


@dataclass(frozen=True, slots=True)
class TransactionSetSpec:
    """A transaction set (850, 855...) of one version: its group code and structure."""

    code: str
    name: str
    functional_group: str
    body: tuple[SegmentUse | Loop, ...]


@dataclass(frozen=True, slots=True)
class Dictionary:
    """Everything known about one version (004010, 005010)."""

    version: str
    elements: dict[str, Element]
    segments: dict[str, SegmentSpec]
    sets: dict[str, TransactionSetSpec]
