"""Segments and composites written as the standard's tables read, and built into specs.

A segment is written as one line of element uses: ``"M353 M92 M324 O328"``
says the first element is mandatory data element 353, the fourth optional
328; ``X`` is conditional (relational), a ``C`` reference is a composite, and
``*5`` after a use repeats it five times (position after position, as AK502
to AK506 do). Syntax notes are written as the standard prints them:
``"P0304 R0203 L101112"`` (two digits per position).

The same notation is built against each version's elements, so a length
that changes in 005010 changes in every segment that uses the element.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from posync.codecs.x12.dictionary.schema import (
    Composite,
    Condition,
    Element,
    ElementUse,
    SegmentSpec,
    Usage,
)

CONDITION_KINDS = frozenset("PRECL")


@dataclass(frozen=True, slots=True)
class SegmentNotation:
    tag: str
    name: str
    elements: str
    conditions: str = ""


@dataclass(frozen=True, slots=True)
class CompositeNotation:
    reference: str
    name: str
    components: str


def _uses(
    text: str,
    elements: Mapping[str, Element],
    composites: Mapping[str, Composite],
    where: str,
) -> tuple[ElementUse, ...]:
    uses: list[ElementUse] = []
    for token in text.split():
        usage, rest = Usage(token[0]), token[1:]
        reference, _, times = rest.partition("*")
        target: Element | Composite
        if reference in composites:
            target = composites[reference]
        elif reference in elements:
            target = elements[reference]
        else:
            raise KeyError(f"{where}: data element {reference} is not in the dictionary")
        uses.extend(ElementUse(target, usage) for _ in range(int(times or 1)))
    return tuple(uses)


def _conditions(text: str, where: str) -> tuple[Condition, ...]:
    conditions = []
    for token in text.split():
        kind, digits = token[0], token[1:]
        if kind not in CONDITION_KINDS or len(digits) < 4 or len(digits) % 2:
            raise ValueError(f"{where}: {token!r} is not a syntax note")
        positions = tuple(int(digits[i : i + 2]) for i in range(0, len(digits), 2))
        conditions.append(Condition(kind, positions))
    return tuple(conditions)


def build_composites(
    notations: Iterable[CompositeNotation], elements: Mapping[str, Element]
) -> dict[str, Composite]:
    return {
        notation.reference: Composite(
            notation.reference,
            notation.name,
            _uses(notation.components, elements, {}, notation.reference),
        )
        for notation in notations
    }


def build_segments(
    notations: Iterable[SegmentNotation],
    elements: Mapping[str, Element],
    composites: Mapping[str, Composite],
) -> dict[str, SegmentSpec]:
    segments = {}
    for notation in notations:
        uses = _uses(notation.elements, elements, composites, notation.tag)
        conditions = _conditions(notation.conditions, notation.tag)
        for condition in conditions:
            if max(condition.positions) > len(uses):
                raise ValueError(f"{notation.tag}: a syntax note names a position it lacks")
        segments[notation.tag] = SegmentSpec(notation.tag, notation.name, uses, conditions)
    return segments
