"""Checking the data elements of one segment against its ``SegmentSpec``.

Each segment spec is compiled once into a ``SegmentChecker``: per position a
small function per simple data element (or per component of a composite)
that knows its representation, length and code list. What it finds carries
the 0085 code:

- a mandatory element or component left empty: 13 (missing);
- more elements than the segment has, or more components than the composite,
  holding data: 16 (too many constituents); a repeating element (syntax
  version 4) repeated more often than allowed: 35;
- a numeric value with a character that is not a digit, a sign or one decimal
  mark, or an alphabetic one with a digit: 37 (invalid type of characters);
  the decimal mark the UNA did not declare: 19, noted; a decimal mark with no
  digit before it: 38, noted;
- longer or shorter than the representation allows: 39 or 40, noted (a
  numeric length counts digits only, as ISO 9735 says);
- a code outside a complete list: 12; outside the codes posync knows of a
  longer list: 14, noted;
- a DTM date/time that is not a date in the format its 2379 names: 12.

Segments repeat (the same UNS, CUX and NAD in every message), so a checker
remembers the verdict for up to ``VERDICTS_KEPT`` segments it has seen (and as
many more with repetitions or another decimal mark).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from posync.codecs.edifact.dictionary.codes import DATE_FORMATS
from posync.codecs.edifact.dictionary.schema import Composite, DataElement, Kind, SegmentSpec
from posync.codecs.edifact.findings import Severity, SyntaxErrorCode, quotable, severity_of
from posync.codecs.edifact.segments import Element, Segment

VERDICTS_KEPT = 4096
_NUMBER = re.compile(r"-?(\d*)([.,]?)(\d*)")


class ElementProblem(NamedTuple):
    """What is wrong with one element (or component) of a segment."""

    code: SyntaxErrorCode
    severity: Severity
    element_position: int
    component_position: int | None
    reference: str
    value: str | None
    message: str
    repetition: int | None = None


ValueCheck = Callable[[str, str], tuple[SyntaxErrorCode, str] | None]
"""A value and the declared decimal mark -> the code and what is wrong, or ``None``."""


def value_check(element: DataElement) -> ValueCheck:
    """The check of one data element's values, compiled from its representation and codes."""
    low, high, codes = element.min_length, element.max_length, element.codes
    listed = codes.codes if codes is not None else None
    complete = codes is not None and codes.complete

    def check(value: str, decimal: str) -> tuple[SyntaxErrorCode, str] | None:
        size = len(value)
        if element.kind is Kind.NUMERIC:
            match = _NUMBER.fullmatch(value)
            if match is None or not (match[1] or match[3]):
                return SyntaxErrorCode.INVALID_TYPE_OF_CHARACTERS, "is not a number"
            size = len(match[1]) + len(match[3])
            if match[2] and match[2] != decimal:
                return (
                    SyntaxErrorCode.INVALID_DECIMAL_NOTATION,
                    f"uses {match[2]!r} as decimal mark, the interchange declares {decimal!r}",
                )
            if match[2] and not match[1]:
                return (
                    SyntaxErrorCode.MISSING_DIGIT_BEFORE_DECIMAL_MARK,
                    "has no digit before the decimal mark",
                )
        elif element.kind is Kind.ALPHABETIC and any(c.isdigit() for c in value):
            return SyntaxErrorCode.INVALID_TYPE_OF_CHARACTERS, "holds a digit, it is alphabetic"
        if size > high:
            return SyntaxErrorCode.DATA_ELEMENT_TOO_LONG, f"is {size} long, at most {high}"
        if size < low:
            return SyntaxErrorCode.DATA_ELEMENT_TOO_SHORT, f"is {size} long, at least {low}"
        if listed is not None and value not in listed:
            if complete:
                return SyntaxErrorCode.INVALID_VALUE, f"is not a code of {element.tag}"
            return (
                SyntaxErrorCode.VALUE_NOT_SUPPORTED_IN_POSITION,
                f"is not a code of {element.tag} posync knows",
            )
        return None

    return check


_SEVERE = {SyntaxErrorCode.INVALID_DECIMAL_NOTATION: Severity.WARNING}
"""Codes whose finding here is milder than their default (the number is still readable)."""


class _Part(NamedTuple):
    reference: str
    mandatory: bool
    check: ValueCheck


class _Position(NamedTuple):
    at: int
    reference: str
    mandatory: bool
    repeat: int
    parts: tuple[_Part, ...]
    composite: bool


class SegmentChecker:
    """The element checks of one segment, compiled once from its ``SegmentSpec``."""

    __slots__ = ("_date", "_plain_verdicts", "_positions", "_verdicts", "_width", "tag")

    def __init__(self, spec: SegmentSpec, checks: dict[str, ValueCheck] | None = None) -> None:
        shared = checks if checks is not None else {}
        self.tag = spec.tag
        positions = []
        for index, use in enumerate(spec.elements):
            target = use.element
            if isinstance(target, Composite):
                parts = tuple(
                    _Part(c.element.tag, c.mandatory, _shared(shared, c.element))
                    for c in target.components
                )
            else:
                parts = (_Part(target.tag, True, _shared(shared, target)),)
            positions.append(
                _Position(
                    index,
                    target.tag,
                    use.mandatory,
                    use.repeat,
                    parts,
                    isinstance(target, Composite),
                )
            )
        self._positions = tuple(positions)
        self._width = len(positions)
        self._date = spec.tag == "DTM"
        self._verdicts: dict[
            tuple[tuple[Element, ...], tuple[object, ...], str], tuple[ElementProblem, ...]
        ] = {}
        # Segments without repetitions read with the decimal mark "." (nearly all) keep their
        # verdicts by their elements alone: a smaller key is hashed and compared faster.
        self._plain_verdicts: dict[tuple[Element, ...], tuple[ElementProblem, ...]] = {}

    def check(self, segment: Segment, decimal: str) -> tuple[ElementProblem, ...]:
        """Every problem of the segment's elements, in element order; empty when clean."""
        elements = segment.elements
        if not segment.repeats and decimal == ".":
            verdict = self._plain_verdicts.get(elements)
            if verdict is None:
                verdict = tuple(self._check(segment, decimal))
                if len(self._plain_verdicts) < VERDICTS_KEPT:
                    self._plain_verdicts[elements] = verdict
            return verdict
        key = (elements, segment.repeats, decimal)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = tuple(self._check(segment, decimal))
            if len(self._verdicts) < VERDICTS_KEPT:
                self._verdicts[key] = verdict
        return verdict

    def _check(self, segment: Segment, decimal: str) -> list[ElementProblem]:
        problems: list[ElementProblem] = []
        elements = segment.elements
        count = len(elements)
        for position in self._positions:
            element = elements[position.at] if position.at < count else ()
            self._check_element(position, element, decimal, problems, None)
        for extra in range(self._width, count):
            if any(elements[extra]):
                problems.append(
                    _problem(
                        SyntaxErrorCode.TOO_MANY_CONSTITUENTS,
                        extra + 1,
                        None,
                        "",
                        "".join(elements[extra]),
                        f"{segment.tag} has {self._width} data elements, "
                        f"this is element {extra + 1}",
                    )
                )
        for index, occurrences in segment.repeats:
            if index > self._width:
                continue
            position = self._positions[index - 1]
            if len(occurrences) + 1 > position.repeat:
                problems.append(
                    _problem(
                        SyntaxErrorCode.TOO_MANY_SEGMENT_REPETITIONS,
                        index,
                        None,
                        position.reference,
                        None,
                        f"{position.reference} occurs {len(occurrences) + 1} times, "
                        f"at most {position.repeat}",
                    )
                )
            else:
                for number, occurrence in enumerate(occurrences, start=2):
                    self._check_element(position, occurrence, decimal, problems, number)
        if self._date and not problems:
            problems.extend(_date_problems(segment))
        return problems

    def _check_element(
        self,
        position: _Position,
        element: Element,
        decimal: str,
        problems: list[ElementProblem],
        repetition: int | None,
    ) -> None:
        number = position.at + 1
        if not any(element):
            if position.mandatory:
                problems.append(
                    _problem(
                        SyntaxErrorCode.MISSING,
                        number,
                        None,
                        position.reference,
                        None,
                        f"mandatory {position.reference} is missing",
                        repetition,
                    )
                )
            return
        parts = position.parts
        for index, part in enumerate(parts):
            value = element[index] if index < len(element) else ""
            component = index + 1 if position.composite else None
            if not value:
                if part.mandatory:
                    problems.append(
                        _problem(
                            SyntaxErrorCode.MISSING,
                            number,
                            component,
                            part.reference,
                            None,
                            f"mandatory {part.reference} of {position.reference} is missing",
                            repetition,
                        )
                    )
                continue
            found = part.check(value, decimal)
            if found is not None:
                code, why = found
                problems.append(
                    _problem(
                        code,
                        number,
                        component,
                        part.reference,
                        value,
                        f"{part.reference} {why}",
                        repetition,
                    )
                )
        if len(element) > len(parts) and any(element[len(parts) :]):
            problems.append(
                _problem(
                    SyntaxErrorCode.TOO_MANY_CONSTITUENTS,
                    number,
                    len(parts) + 1,
                    position.reference,
                    None,
                    f"{position.reference} has {len(parts)} components, more were sent",
                    repetition,
                )
            )


def _shared(checks: dict[str, ValueCheck], element: DataElement) -> ValueCheck:
    check = checks.get(element.tag)
    if check is None:
        check = checks[element.tag] = value_check(element)
    return check


def _problem(
    code: SyntaxErrorCode,
    element_position: int,
    component_position: int | None,
    reference: str,
    value: str | None,
    message: str,
    repetition: int | None = None,
) -> ElementProblem:
    return ElementProblem(
        code,
        _SEVERE.get(code) or severity_of(code),
        element_position,
        component_position,
        reference,
        quotable(value) if value else None,
        message,
        repetition,
    )


_FORMATS = {
    "101": ("%y%m%d",),
    "102": ("%Y%m%d",),
    "201": ("%y%m%d%H%M",),
    "202": ("%y%m%d%H%M%S",),
    "203": ("%Y%m%d%H%M",),
    "204": ("%Y%m%d%H%M%S",),
    "401": ("%H%M",),
    "402": ("%H%M%S",),
    "602": ("%Y",),
    "609": ("%y%m",),
    "610": ("%Y%m",),
    "718": ("%Y%m%d", "%Y%m%d"),
    "719": ("%Y%m%d%H%M", "%Y%m%d%H%M"),
}
_LENGTHS = {"%Y": 4, "%y": 2, "%m": 2, "%d": 2, "%H": 2, "%M": 2, "%S": 2}


def _date_problems(segment: Segment) -> list[ElementProblem]:
    """DTM C507: the date/time (2380) read in the format its qualifier (2379) names."""
    value, form = segment.component(1, 2), segment.component(1, 3)
    formats = _FORMATS.get(form)
    if not value or formats is None:
        return []
    pieces = value.split("-") if len(formats) > 1 else [value]
    if len(pieces) == len(formats) and all(map(_is_date, pieces, formats)):
        return []
    return [
        _problem(
            SyntaxErrorCode.INVALID_VALUE,
            1,
            2,
            "2380",
            value,
            f"2380 is not a date/time in format {form} ({DATE_FORMATS[form]})",
        )
    ]


def _is_date(value: str, form: str) -> bool:
    width = sum(_LENGTHS[form[i : i + 2]] for i in range(0, len(form), 2))
    if len(value) != width or not value.isdigit() or not value.isascii():
        return False
    try:
        datetime.strptime(value, form)  # noqa: DTZ007 - a calendar check, no time zone involved
    except ValueError:
        return False
    return True
