"""Checking the elements of one segment against its ``SegmentSpec``.

Each ``SegmentSpec`` is compiled once into a ``SegmentChecker``. A clean
segment is accepted by one regular expression (``segment_patterns``) and its
syntax notes (``syntax_notes``, only those that can fail for its length);
a segment the expression refuses is checked element by element, with one
small function per element (``value_checks``), and each problem is described
(message, quoted value) only then.

Beyond the values themselves:

- a mandatory element (or a mandatory component of a composite that is
  present) left empty is AK4 1;
- elements past the segment's last defined position are AK4 3 only when they
  hold data: a trailing separator is how senders write "nothing here".
- components past a composite's last one, and repetitions past an element's
  repeat count, are also AK4 3 (the 004010 code list has no closer code).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from types import MappingProxyType
from typing import NamedTuple

from posync.codecs.x12.dictionary.schema import (
    Composite,
    Element,
    ElementUse,
    SegmentSpec,
    Usage,
)
from posync.codecs.x12.findings import ElementError
from posync.codecs.x12.segment_patterns import Presence, SegmentPattern, compile_pattern
from posync.codecs.x12.syntax import Delimiters
from posync.codecs.x12.syntax_notes import NoteTest, compile_note
from posync.codecs.x12.value_checks import ValueCheck, value_check

QUOTE_LIMIT = 99
PATTERNS_KEPT = 8
"""Delimiter sets whose fast patterns a checker keeps (partners rarely use more than one)."""
VERDICTS_KEPT = 256
"""Presences of its elements for which a checker keeps whether its syntax notes hold."""


class ElementProblem(NamedTuple):
    """What is wrong with one element (or component) of a segment."""

    code: ElementError
    element_position: int
    component_position: int | None
    reference: str | None
    value: str
    message: str


def quotable(value: str) -> str | None:
    """``value`` as a finding may quote it: at most 99 characters, never a control character.

    A value holding a control character is not quoted at all: a copy with the
    character removed would not be a copy, and the message says what it was.
    """
    if not value or not value.isprintable():
        return None
    return value[:QUOTE_LIMIT]


class _Simple(NamedTuple):
    at: int
    check: ValueCheck
    element: Element


class _Component(NamedTuple):
    check: ValueCheck
    element: Element
    mandatory: bool


class _Structured(NamedTuple):
    """A composite, or an element that may repeat: split before it is checked."""

    at: int
    repeat: int
    components: tuple[_Component, ...] | None
    check: ValueCheck | None
    element: Element | None


class _Mandatory(NamedTuple):
    at: int
    reference: str


class SegmentChecker:
    """The element checks of one segment, compiled once from its ``SegmentSpec``."""

    __slots__ = (
        "_fast",
        "_mandatory",
        "_note_tests",
        "_noted",
        "_notes",
        "_patterns",
        "_references",
        "_simple",
        "_spec",
        "_structured",
        "_verdicts",
        "_width",
    )

    def __init__(self, spec: SegmentSpec) -> None:
        self._spec = spec
        self._fast: BoundCheck | None = None
        self._patterns: dict[tuple[str, str, str, str | None], SegmentPattern | None] = {}
        simple: list[_Simple] = []
        structured: list[_Structured] = []
        mandatory: list[_Mandatory] = []
        references: list[str] = []
        for index, use in enumerate(spec.elements):
            reference = _reference_of(use)
            references.append(reference)
            if use.usage is Usage.MANDATORY:
                mandatory.append(_Mandatory(index, reference))
            target = use.element
            if isinstance(target, Composite):
                components = tuple(
                    _Component(
                        value_check(_as_element(part)),
                        _as_element(part),
                        part.usage is Usage.MANDATORY,
                    )
                    for part in target.components
                )
                structured.append(_Structured(index, use.repeat, components, None, None))
            elif use.repeat > 1:
                structured.append(_Structured(index, use.repeat, None, value_check(target), target))
            else:
                simple.append(_Simple(index, value_check(target), target))
        self._simple = tuple(simple)
        self._structured = tuple(structured)
        self._mandatory = tuple(mandatory)
        self._references = tuple(references)
        self._notes = tuple(compile_note(condition) for condition in spec.conditions)
        # Most notes cannot fail in a short segment (their elements are past its
        # end), so each element count has the tests that can.
        self._note_tests = tuple(
            tuple(note.test for note in self._notes if note.may_fail(count))
            for count in range(len(spec.elements) + 1)
        )
        self._width = len(spec.elements)
        self._noted = frozenset(position for note in self._notes for position in note.positions)
        self._verdicts: dict[tuple[str, str, str, str | None], dict[object, bool]] = {}

    def check(self, elements: Sequence[str], delimiters: Delimiters) -> list[ElementProblem]:
        """Every problem of the segment's elements, in element order; empty when clean."""
        bound = self.bound(delimiters)
        # ``SetValidator.validate`` runs these same steps inline.
        fullmatch = bound.fullmatch
        if fullmatch is not None:
            match = fullmatch(delimiters.element.join(elements))
            if match is not None and (bound.codes is None or bound.codes.codes_listed(match)):
                if bound.presence is not None:
                    key = bound.presence(match)
                    holds = bound.verdicts.get(key)
                    if holds is None:
                        holds = self.notes_hold(elements, key, bound.verdicts)
                    return [] if holds else self.note_problems(elements)
                count = len(elements)
                for test in bound.note_tests[count if count <= bound.width else bound.width]:
                    if test(elements, count) is not None:
                        return self.note_problems(elements)
                return []
        return self.check_each(elements, delimiters)

    def notes_hold(
        self, elements: Sequence[str], key: object, verdicts: dict[object, bool]
    ) -> bool:
        """Whether every syntax note holds, kept in ``verdicts`` under the presence ``key``
        of the elements (notes look at nothing else)."""
        count = len(elements)
        holds = all(note.test(elements, count) is None for note in self._notes)
        if len(verdicts) < VERDICTS_KEPT:
            verdicts[key] = holds
        return holds

    def bound(self, delimiters: Delimiters) -> BoundCheck:
        """The fast path for ``delimiters``, its pattern compiled on first use and kept."""
        fast = self._fast
        if fast is not None and fast.delimiters is delimiters:
            return fast
        key = (delimiters.element, delimiters.component, delimiters.segment, delimiters.repetition)
        if key in self._patterns:
            pattern = self._patterns[key]
        else:
            pattern = compile_pattern(self._spec, delimiters, self._noted)
            if len(self._patterns) < PATTERNS_KEPT:
                self._patterns[key] = pattern
        presence = pattern.presence if pattern is not None and self._notes else None
        fast = BoundCheck(
            delimiters,
            pattern.fullmatch if pattern is not None else None,
            pattern if pattern is not None and pattern.code_groups else None,
            presence,
            self._verdicts.setdefault(key, {}) if key in self._patterns else {},
            self._note_tests,
            self._width,
            self,
        )
        self._fast = fast
        return fast

    def check_each(self, elements: Sequence[str], delimiters: Delimiters) -> list[ElementProblem]:
        """The element-by-element checks alone: what ``check`` falls back to."""
        problems: list[ElementProblem] = []
        count = len(elements)
        for index, check, element in self._simple:
            if index >= count:
                break
            value = elements[index]
            if value:
                code = check(value)
                if code is not None:
                    problems.append(_problem(code, index, None, element, value))
        for index, reference in self._mandatory:
            if index >= count or not elements[index]:
                problems.append(
                    ElementProblem(
                        ElementError.MANDATORY_MISSING,
                        index + 1,
                        None,
                        reference,
                        "",
                        "mandatory element missing",
                    )
                )
        if self._structured:
            for structured in self._structured:
                if structured.at >= count:
                    break
                if elements[structured.at]:
                    self._check_structured(
                        structured, elements[structured.at], delimiters, problems
                    )
        if count > self._width:
            self._check_extra(elements, problems)
        if self._notes:
            self._check_notes(elements, problems)
        if len(problems) > 1:
            problems.sort(key=_in_segment_order)
        return problems

    def _check_structured(
        self,
        structured: _Structured,
        value: str,
        delimiters: Delimiters,
        problems: list[ElementProblem],
    ) -> None:
        position = structured.at + 1
        separator = delimiters.repetition
        occurrences = (
            value.split(separator)
            if structured.repeat > 1 and separator and separator in value
            else [value]
        )
        if len(occurrences) > structured.repeat:
            problems.append(
                ElementProblem(
                    ElementError.TOO_MANY_ELEMENTS,
                    position,
                    None,
                    self._references[structured.at],
                    value,
                    f"repeats {len(occurrences)} times, at most {structured.repeat} allowed",
                )
            )
            occurrences = occurrences[: structured.repeat]
        for occurrence in occurrences:
            if structured.components is None:
                if occurrence and structured.check and structured.element:
                    code = structured.check(occurrence)
                    if code is not None:
                        problems.append(
                            _problem(code, structured.at, None, structured.element, occurrence)
                        )
                continue
            self._check_composite(structured.components, position, occurrence, delimiters, problems)

    @staticmethod
    def _check_composite(
        components: tuple[_Component, ...],
        position: int,
        value: str,
        delimiters: Delimiters,
        problems: list[ElementProblem],
    ) -> None:
        if not value:
            return
        parts = value.split(delimiters.component)
        for offset, (check, element, mandatory) in enumerate(components):
            part = parts[offset] if offset < len(parts) else ""
            if part:
                code = check(part)
                if code is not None:
                    problems.append(_problem(code, position - 1, offset + 1, element, part))
            elif mandatory:
                problems.append(
                    ElementProblem(
                        ElementError.MANDATORY_MISSING,
                        position,
                        offset + 1,
                        element.reference,
                        "",
                        "mandatory component missing",
                    )
                )
        for offset in range(len(components), len(parts)):
            if parts[offset]:
                problems.append(
                    ElementProblem(
                        ElementError.TOO_MANY_ELEMENTS,
                        position,
                        offset + 1,
                        None,
                        parts[offset],
                        f"the composite has {len(components)} components, "
                        f"data found in component {offset + 1}",
                    )
                )
                break

    def _check_extra(self, elements: Sequence[str], problems: list[ElementProblem]) -> None:
        for index in range(self._width, len(elements)):
            if elements[index]:
                problems.append(
                    ElementProblem(
                        ElementError.TOO_MANY_ELEMENTS,
                        index + 1,
                        None,
                        None,
                        elements[index],
                        f"the segment has {self._width} elements, data found at {index + 1}",
                    )
                )
                return

    def note_problems(self, elements: Sequence[str]) -> list[ElementProblem]:
        """The problems of the syntax notes alone, for a segment whose values are clean."""
        problems: list[ElementProblem] = []
        self._check_notes(elements, problems)
        return problems

    def _check_notes(self, elements: Sequence[str], problems: list[ElementProblem]) -> None:
        count = len(elements)
        for note in self._notes:
            blamed = note.test(elements, count)
            if blamed is not None:
                problems.append(
                    ElementProblem(
                        note.code,
                        blamed + 1,
                        None,
                        self._references[blamed] if blamed < self._width else None,
                        elements[blamed] if blamed < count else "",
                        note.message,
                    )
                )


# Defined after ``SegmentChecker``, which it names: compiled with mypyc, a NamedTuple must
# follow the native classes in its fields.
class BoundCheck(NamedTuple):
    """``SegmentChecker.check`` taken apart for one set of delimiters.

    A clean segment is one that ``fullmatch`` accepts (joined by the element
    separator), whose long code lists ``codes`` finds listed (when not
    ``None``), and whose syntax notes all hold. Anything else is checked by
    ``checker``.

    The notes depend only on which elements are present. When the pattern
    tells that (``presence``), the verdict for each presence seen is kept in
    ``verdicts`` (``checker.notes_hold``): partners send the same few shapes
    of a segment, so its notes run only for the first of each. Otherwise the
    notes that can fail for the element count (``note_tests``, by count, at
    most ``width``) are run.
    """

    delimiters: Delimiters
    fullmatch: Callable[[str], re.Match[str] | None] | None
    codes: SegmentPattern | None
    presence: Presence | None
    verdicts: dict[object, bool]
    note_tests: tuple[tuple[NoteTest, ...], ...]
    width: int
    checker: SegmentChecker


def _reference_of(use: ElementUse) -> str:
    target = use.element
    if isinstance(target, Composite):
        # AK402 holds a data element number; a composite as a whole is named
        # by its first component.
        first = target.components[0].element if target.components else None
        return first.reference if isinstance(first, Element) else target.reference
    return target.reference


def _as_element(use: ElementUse) -> Element:
    if isinstance(use.element, Element):
        return use.element
    raise TypeError(f"composite {use.element.reference} nests a composite")


_DESCRIPTIONS = MappingProxyType(
    {
        ElementError.TOO_SHORT: "too short",
        ElementError.TOO_LONG: "too long",
        ElementError.INVALID_CHARACTER: "invalid character",
        ElementError.INVALID_CODE: "not a valid code",
        ElementError.INVALID_DATE: "not a valid date",
        ElementError.INVALID_TIME: "not a valid time",
    }
)


def _problem(
    code: ElementError,
    index: int,
    component: int | None,
    element: Element,
    value: str,
) -> ElementProblem:
    detail = _DESCRIPTIONS.get(code, code.name.lower().replace("_", " "))
    if code in (ElementError.TOO_SHORT, ElementError.TOO_LONG):
        detail += f" (length {element.min_length} to {element.max_length})"
    elif code is ElementError.INVALID_CHARACTER and not value.isprintable():
        bad = next(character for character in value if not character.isprintable())
        detail += f" (U+{ord(bad):04X})"
    elif code is ElementError.INVALID_CHARACTER:
        detail += f" for type {element.type.value}"
    return ElementProblem(code, index + 1, component, element.reference, value, detail)


def _in_segment_order(problem: ElementProblem) -> tuple[int, int]:
    return (problem.element_position, problem.component_position or 0)
