"""A segment's syntax notes (P, R, E, C, L), each compiled into one small test.

``compile_note`` turns a ``Condition`` into a function of the segment's
elements that returns ``None`` when the note holds, or the position (from 0)
to blame when it does not: the first missing element of a paired (P) or
conditional (C) note, the first element of a required (R) note, the second
present element of an exclusion (E), the second element of a list
conditional (L). A broken exclusion is AK4 10; every other broken note is
AK4 2 (conditional required data element missing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from posync.codecs.x12.dictionary.schema import Condition
from posync.codecs.x12.findings import ElementError

NoteTest = Callable[[Sequence[str], int], int | None]


class SyntaxNote(NamedTuple):
    kind: str
    positions: tuple[int, ...]
    test: NoteTest

    def may_fail(self, count: int) -> bool:
        """Whether the note can fail in a segment of ``count`` elements (the rest empty)."""
        if self.kind == "R":
            return True
        if self.kind == "P":
            return min(self.positions) < count
        if self.kind == "E":
            return sorted(self.positions)[1] < count
        return self.positions[0] < count

    @property
    def code(self) -> ElementError:
        if self.kind == "E":
            return ElementError.EXCLUSION_VIOLATED
        return ElementError.CONDITIONAL_MISSING

    @property
    def message(self) -> str:
        listed = ", ".join(f"{position + 1:02d}" for position in self.positions)
        first = f"{self.positions[0] + 1:02d}"
        return {
            "P": f"elements {listed} are used together or not at all",
            "R": f"at least one of elements {listed} is required",
            "E": f"at most one of elements {listed} may be used",
            "C": f"when element {first} is used, the others of {listed} are required",
            "L": f"when element {first} is used, at least one other of {listed} is required",
        }[self.kind]


def compile_note(condition: Condition) -> SyntaxNote:
    """The test of one syntax note; positions in ``condition`` count from 1."""
    kind = condition.kind.upper()
    positions = tuple(position - 1 for position in condition.positions)
    builders = {"P": _paired, "R": _required, "E": _exclusive, "C": _conditional, "L": _listed}
    if kind not in builders or len(positions) < 2:
        raise ValueError(f"not a syntax note: {condition}")
    return SyntaxNote(kind, positions, builders[kind](positions))


def _paired(positions: tuple[int, ...]) -> NoteTest:
    if len(positions) == 2:
        first, second = positions

        def pair(elements: Sequence[str], count: int) -> int | None:
            one = first < count and elements[first] != ""
            other = second < count and elements[second] != ""
            if one is other:
                return None
            return second if one else first

        return pair

    def paired(elements: Sequence[str], count: int) -> int | None:
        missing = [
            position for position in positions if position >= count or not elements[position]
        ]
        return missing[0] if missing and len(missing) < len(positions) else None

    return paired


def _required(positions: tuple[int, ...]) -> NoteTest:
    def required(elements: Sequence[str], count: int) -> int | None:
        for position in positions:
            if position < count and elements[position]:
                return None
        return positions[0]

    return required


def _exclusive(positions: tuple[int, ...]) -> NoteTest:
    def exclusive(elements: Sequence[str], count: int) -> int | None:
        seen = False
        for position in positions:
            if position < count and elements[position]:
                if seen:
                    return position
                seen = True
        return None

    return exclusive


def _conditional(positions: tuple[int, ...]) -> NoteTest:
    head, rest = positions[0], positions[1:]

    def conditional(elements: Sequence[str], count: int) -> int | None:
        if head >= count or not elements[head]:
            return None
        for position in rest:
            if position >= count or not elements[position]:
                return position
        return None

    return conditional


def _listed(positions: tuple[int, ...]) -> NoteTest:
    head, rest = positions[0], positions[1:]

    def listed(elements: Sequence[str], count: int) -> int | None:
        if head >= count or not elements[head]:
            return None
        for position in rest:
            if position < count and elements[position]:
                return None
        return rest[0]

    return listed
