"""What every EDIFACT mapping shares on the way in: segments located and named, values read.

``Reader`` turns component text into Python values and collects a
``Problem`` for each one it cannot map, named by segment group, segment and
the standard's element numbers (``BGM.1004``, ``LIN[3].QTY.C186.6060``);
``finish`` raises them together as one ``DecodeError``. It never raises
anything else, whatever the text.

Numbers (``n`` elements) take an optional leading minus and one decimal mark:
the mark the interchange declares in UNA3, or a full stop, which is the
default mark and which ISO 9735 admits beside a declared comma. A comma in an
interchange whose mark is the full stop is refused. Dates are read by their
format qualifier (2379): 102 CCYYMMDD, 203 CCYYMMDDHHMM, 204 CCYYMMDDHHMMSS
(the time is dropped); without a qualifier, eight digits are read as 102.

``sections`` cuts a message into its header, its line groups (each opened by
``LIN``, or ``CPS`` for a despatch advice) and the summary after ``UNS``;
``groups`` cuts a run of segments into segment groups by their trigger.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NoReturn

from posync.codecs.edifact.mapping.limits import name_of
from posync.codecs.edifact.segments import Element, Segment
from posync.codecs.errors import DecodeError
from posync.codecs.segment_groups import is_decimal_text
from posync.domain.errors import Problem

_MOST_DIGITS = 30  # far beyond any D.96A numeric element; bounds the arithmetic done on reading
_LEFT_OUT, _OPENS, _ENDS = 0, 1, 2  # what a tag does to the sections of a message
_DATE_FORMATS = {"102": 8, "203": 12, "204": 14}
DATE_FORMAT = "102"


class At:
    """A segment and the path that names it in problems (``LIN[3].QTY[2].C186.6060``).

    ``prefix`` is the path of the group the segment stands in, ``label`` its
    own name there: its tag, numbered when the tag repeats (``QTY[2]``), or a
    group's trigger numbered among the groups (``LIN[3]``).
    """

    __slots__ = ("label", "prefix", "segment", "tag")

    def __init__(self, segment: Segment, prefix: str = "", label: str | None = None) -> None:
        self.segment = segment
        self.prefix = prefix
        self.tag = segment.tag
        self.label = label or segment.tag

    @property
    def inside(self) -> str:
        """The path of what stands in this segment's group, when it is the group's trigger."""
        return f"{self.prefix}{self.label}."

    def field(self, position: int, component: int = 1) -> str:
        return f"{self.prefix}{self.label}.{name_of(self.tag, position, component)}"

    def raw(self, position: int, component: int = 1) -> str:
        elements = self.segment.elements
        if position > len(elements):
            return ""
        element = elements[position - 1]
        return element[component - 1] if component <= len(element) else ""

    def __repr__(self) -> str:
        return f"At(segment={self.segment!r}, prefix={self.prefix!r}, label={self.label!r})"


def locate(segments: Iterable[Segment], prefix: str = "") -> list[At]:
    """The segments with their names: a tag met more than once is numbered (``RFF[2]``)."""
    listed = list(segments)
    counts: dict[str, int] = {}
    for segment in listed:
        counts[segment.tag] = counts.get(segment.tag, 0) + 1
    seen: dict[str, int] = {}
    located = []
    for segment in listed:
        tag = segment.tag
        if counts[tag] > 1:
            seen[tag] = number = seen.get(tag, 0) + 1
            located.append(At(segment, prefix, f"{tag}[{number}]"))
        else:
            located.append(At(segment, prefix))
    return located


def locate_group(group: Sequence[Segment], number: int, prefix: str = "") -> list[At]:
    """A segment group's segments, named under its trigger's number: ``LIN[3]``, ``LIN[3].QTY``."""
    head = group[0]
    label = f"{head.tag}[{number}]"
    return [At(head, prefix, label), *locate(group[1:], f"{prefix}{label}.")]


@dataclass(frozen=True, slots=True)
class Sections:
    """A message cut at its detail groups: the header, each group, and the summary after UNS."""

    header: list[Segment]
    details: list[list[Segment]]
    summary: list[Segment]


def sections(segments: Iterable[Segment], trigger: str = "LIN") -> Sections:
    """Cut a message body where each ``trigger`` opens a group and UNS ends the detail.

    One pass: each tag is looked up once in a small table of the tags that cut (UNH and
    UNT are left out, the trigger opens a group, the first UNS ends the detail).
    """
    cuts = {trigger: _OPENS, "UNH": _LEFT_OUT, "UNT": _LEFT_OUT, "UNS": _ENDS}
    listed: list[Segment] = []
    starts: list[int] = []
    end = -1
    for segment in segments:
        cut = cuts.get(segment[0])
        if cut is not None:
            if cut == _LEFT_OUT:
                continue
            if end < 0:
                if cut == _OPENS:
                    starts.append(len(listed))
                else:
                    end = len(listed)
        listed.append(segment)
    if end < 0:
        end = len(listed)
    summary = listed[end + 1 :]
    if not starts:
        return Sections(listed[:end], [], summary)
    starts.append(end)
    details = [listed[starts[n] : starts[n + 1]] for n in range(len(starts) - 1)]
    return Sections(listed[: starts[0]], details, summary)


def first(segments: Iterable[At], tag: str, qualifier: str | None = None) -> At | None:
    """The first ``tag`` (whose first component is ``qualifier``, when given)."""
    for at in segments:
        if at.tag == tag and (qualifier is None or at.raw(1).strip() == qualifier):
            return at
    return None


def every(
    segments: Iterable[At], tag: str, qualifiers: Iterable[str] | None = None
) -> Iterator[At]:
    """Every ``tag`` (whose first component is one of ``qualifiers``, when given)."""
    wanted = None if qualifiers is None else frozenset(qualifiers)
    return iter(
        [at for at in segments if at.tag == tag and (wanted is None or at.raw(1).strip() in wanted)]
    )


class Reader:
    """Reads component values, recording a problem for each one that cannot be mapped."""

    def __init__(self, document_type: str, decimal_mark: str = ".") -> None:
        self.document_type = document_type
        self.decimal_mark = decimal_mark
        self.problems: list[Problem] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))

    def finish(self) -> None:
        if self.problems:
            raise DecodeError(self.document_type, self.problems)

    def refuse(self, field: str, message: str) -> NoReturn:
        """Record a problem that leaves nothing else to read, and raise what was found."""
        self.fail(field, message)
        raise DecodeError(self.document_type, self.problems)

    def missing(self, at: At, position: int, component: int, what: str) -> None:
        self.fail(at.field(position, component), f"is required: {what}")

    def text(self, at: At, position: int, component: int = 1) -> str | None:
        """The value as sent, or None when it is empty or only spaces."""
        value = at.raw(position, component)
        return value if value.strip() else None

    def code(self, at: At, position: int, component: int = 1) -> str:
        """A code or qualifier without surrounding spaces ("" when absent)."""
        return at.raw(position, component).strip()

    def required(self, at: At, position: int, component: int, what: str) -> str:
        value = self.text(at, position, component)
        if value is None:
            self.missing(at, position, component, what)
            return ""
        return value

    def decimal(
        self, at: At, position: int, component: int = 1, *, required: str | None = None
    ) -> Decimal | None:
        """A numeric value, with the interchange's decimal mark or a full stop."""
        value = at.raw(position, component).strip()
        if not value:
            if required:
                self.missing(at, position, component, required)
            return None
        mark = self.decimal_mark
        normal = value.replace(mark, ".", 1) if mark != "." and mark in value else value
        if not is_decimal_text(normal) or _too_long(normal):
            expected = "a number" if mark == "." else f"a number (decimal mark {mark!r} or '.')"
            if mark == "." and "," in value and is_decimal_text(value.replace(",", ".", 1)):
                expected = "a number with the interchange's decimal mark '.' (UNA3)"
            self.fail(at.field(position, component), f"must be {expected}, got {value!r}")
            return None
        return Decimal(normal)

    def whole(
        self,
        at: At,
        position: int,
        component: int = 1,
        *,
        required: str | None = None,
        positive: bool = False,
        what: str = "a whole number",
    ) -> int | None:
        """A whole number (a line number, a count); with ``positive``, above zero."""
        value = at.raw(position, component).strip()
        if not value:
            if required:
                self.missing(at, position, component, required)
            return None
        number = whole_of(value, positive)
        if number is None:
            self.fail(at.field(position, component), f"must be {what}, got {value!r}")
        return number

    def date(self, at: At, *, required: str | None = None) -> date | None:
        """The date of a DTM (C507: 2380 the value, 2379 its format)."""
        value = at.raw(1, 2).strip()
        if not value:
            if required:
                self.missing(at, 1, 2, required)
            return None
        form = at.raw(1, 3).strip() or DATE_FORMAT
        length = _DATE_FORMATS.get(form)
        if length is None:
            known = ", ".join(_DATE_FORMATS)
            self.fail(at.field(1, 3), f"must be a date format posync reads ({known}), got {form!r}")
            return None
        found = date_of(value, form)
        if found is None:
            self.fail(at.field(1, 2), f"must be a date as format {form} says, got {value!r}")
        return found


def whole_of(value: str, positive: bool = False) -> int | None:
    """The whole number ``value`` (stripped, not empty) says; with ``positive``, above zero.

    None when it is not one: a sign only when it may be negative, at most 18 digits.
    """
    figures = value if positive or value[:1] != "-" else value[1:]
    if not (figures.isdigit() and figures.isascii()) or len(figures) > 18:
        return None
    number = int(value)
    if positive and number == 0:
        return None
    return number


def date_of(value: str, form: str) -> date | None:
    """The date ``value`` (stripped) says in the date format ``form`` (2379); None when it
    does not read as one, or the format is not one posync reads."""
    length = _DATE_FORMATS.get(form)
    if length is None or len(value) != length or not (value.isdigit() and value.isascii()):
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


def dated(reader: Reader, segments: Iterable[At], qualifiers: Sequence[str]) -> date | None:
    """The date of the first DTM whose qualifier (2005) is one of ``qualifiers``, best first."""
    listed = [at for at in segments if at.tag == "DTM"]
    for qualifier in qualifiers:
        for at in listed:
            if reader.code(at, 1) == qualifier:
                found = reader.date(at)
                if found is not None:
                    return found
    return None


def references(reader: Reader, segments: Iterable[At], qualifier: str) -> list[str]:
    """C506 1154 of every RFF whose qualifier (1153) is ``qualifier``."""
    return [
        value
        for at in every(segments, "RFF", (qualifier,))
        if (value := reader.text(at, 1, 2)) is not None
    ]


def _too_long(value: str) -> bool:
    return len(value) > _MOST_DIGITS and sum(c.isdigit() for c in value) > _MOST_DIGITS


def raw_value(elements: tuple[Element, ...], position: int, component: int = 1) -> str:
    """Component ``component`` of element ``position`` (both from 1); ``""`` when absent."""
    if position > len(elements):
        return ""
    element = elements[position - 1]
    return element[component - 1] if component <= len(element) else ""


def text_value(elements: tuple[Element, ...], position: int, component: int = 1) -> str | None:
    """``Reader.text`` of a segment's elements: the value as sent, None when blank."""
    value = raw_value(elements, position, component)
    return value if value.strip() else None


def code_value(elements: tuple[Element, ...], position: int, component: int = 1) -> str:
    """``Reader.code`` of a segment's elements: the value without surrounding spaces."""
    return raw_value(elements, position, component).strip()


def joined(parts: Iterable[str]) -> str | None:
    """Parts of a text cut at spaces, joined again with one space."""
    listed = [part for part in parts if part]
    return " ".join(listed) if listed else None
