"""One regular expression per segment that accepts its clean instances in one call.

The fast path of ``SegmentChecker``: the segment's elements, joined again by
the element separator, are matched against a pattern compiled from the
``SegmentSpec`` for the delimiters in force. The pattern is *conservative*:
whatever it accepts is valid (types, lengths, codes, mandatory elements, no
data past the last element), but it may refuse valid data (letters outside
ASCII, the 29th to 31st of a month, long code lists); a refused segment is
simply checked element by element, which finds the problems or none.

Syntax notes (P/R/E/C/L) are not in the pattern; the checker tests them after.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Collection, Sequence

from posync.codecs.x12.dictionary.schema import (
    Composite,
    Element,
    ElementType,
    ElementUse,
    SegmentSpec,
    Usage,
)
from posync.codecs.x12.syntax import Delimiters

INLINE_CODES = 48
"""Code lists up to this size are alternatives in the pattern; longer ones are checked after."""

_DAY = "(?:0[1-9]|1[0-9]|2[0-8])"  # every month has these days; 29 to 31 go the slow way
_MONTH = "(?:0[1-9]|1[0-2])"
_HOUR_MINUTE = "(?:[01][0-9]|2[0-3])[0-5][0-9]"


Presence = Callable[[re.Match[str]], object]
"""Which marked elements a match found present, as a key: ``""`` for each, ``None`` if absent."""


class SegmentPattern:
    """The compiled pattern, and the code lists too long to inline, by capture group.

    ``presence`` reads, from a match, which of the elements asked for when
    compiling were present (an empty group follows each of them); ``None``
    when the pattern cannot tell (an element asked for is a composite).
    """

    __slots__ = ("code_groups", "fullmatch", "presence", "regex")

    def __init__(
        self,
        regex: re.Pattern[str],
        code_groups: tuple[tuple[int, frozenset[str]], ...],
        markers: tuple[int, ...] | None = None,
    ):
        self.regex = regex
        self.fullmatch = regex.fullmatch
        self.code_groups = code_groups
        self.presence: Presence | None = None
        if markers and markers == tuple(range(1, regex.groups + 1)):
            self.presence = re.Match.groups  # every group is a marker: one call reads them all
        elif markers:
            self.presence = operator.methodcaller("group", *markers)

    def accepts(self, text: str) -> bool:
        match = self.fullmatch(text)
        return match is not None and (not self.code_groups or self.codes_listed(match))

    def codes_listed(self, match: re.Match[str]) -> bool:
        """Whether the values of the long code lists matched are codes of their lists."""
        for group, codes in self.code_groups:
            value = match.group(group)
            if value is not None and value not in codes:
                return False
        return True


class _Builder:
    def __init__(self, delimiters: Delimiters) -> None:
        reserved = delimiters.element + delimiters.component + delimiters.segment
        if delimiters.repetition:
            reserved += delimiters.repetition
        self.text = _printable_ascii_except(reserved)
        self.separator = re.escape(delimiters.element)
        self.component = re.escape(delimiters.component)
        self.code_groups: list[tuple[int, frozenset[str]]] = []
        self.markers: list[int] | None = []
        self.groups = 0

    def value(self, element: Element) -> str | None:
        low, high = element.min_length, element.max_length
        kind = element.type
        if kind in (ElementType.NUMERIC, ElementType.NUMERIC_2, ElementType.NUMERIC_4):
            return f"-?[0-9]{{{low},{high}}}"
        if kind is ElementType.DECIMAL:
            whole = f"[0-9]{{{low},{high}}}"
            if high < 2:
                return f"-?{whole}"
            point = f"(?=[0-9.]{{{max(low + 1, 3)},{high + 1}}}(?:{self.separator}|$))"
            return f"-?(?:{whole}|{point}[0-9]+\\.[0-9]+)"
        if kind is ElementType.DATE:
            forms = []
            if low <= 8 <= high:
                forms.append(f"(?:19|20)[0-9]{{2}}{_MONTH}{_DAY}")
            if low <= 6 <= high:
                forms.append(f"[0-9]{{2}}{_MONTH}{_DAY}")
            return f"(?:{'|'.join(forms)})" if forms else None
        if kind is ElementType.TIME:
            seconds = {4: "", 6: "[0-5][0-9]", 7: "[0-5][0-9][0-9]", 8: "[0-5][0-9][0-9]{2}"}
            forms = [_HOUR_MINUTE + tail for size, tail in seconds.items() if low <= size <= high]
            return f"(?:{'|'.join(forms)})" if forms else None
        if kind is ElementType.BINARY:
            return None
        if kind is ElementType.IDENTIFIER and element.codes is not None and element.codes_complete:
            codes = sorted(
                (code for code in element.codes if low <= len(code) <= high),
                key=lambda code: (-len(code), code),
            )
            if not codes:
                return None
            if len(codes) <= INLINE_CODES:
                return "(?:" + "|".join(re.escape(code) for code in codes) + ")"
            self.groups += 1
            self.code_groups.append((self.groups, frozenset(codes)))
            return f"({self.text}{{{low},{high}}})"
        return f"{self.text}{{{low},{high}}}"

    def composite(self, composite: Composite) -> str | None:
        parts = []
        for use in composite.components:
            if not isinstance(use.element, Element):
                return None
            value = self.value(use.element)
            if value is None:
                return None
            parts.append((value, use.usage is Usage.MANDATORY))
        return _sequence(parts, self.component)

    def segment(self, uses: Sequence[ElementUse], marked: Collection[int]) -> str | None:
        """The pattern of a segment; an empty group follows each element of ``marked``
        (positions from 0) when present, or ``markers`` is set to ``None``."""
        parts = []
        for index, use in enumerate(uses):
            target = use.element
            value = self.composite(target) if isinstance(target, Composite) else self.value(target)
            if value is None:
                return None
            if index in marked and self.markers is not None:
                if isinstance(target, Composite) or target.min_length < 1:
                    self.markers = None  # its pattern may match an empty value
                else:
                    self.groups += 1
                    self.markers.append(self.groups)
                    value += "()"
            parts.append((value, use.usage is Usage.MANDATORY))
        return _sequence(parts, self.separator) + f"(?:{self.separator})*"


def _printable_ascii_except(reserved: str) -> str:
    """A class of the printable ASCII characters but ``reserved``, written as ranges.

    Positive and ASCII only: a negated class spanning all of Unicode takes the
    regular expression compiler a hundred times longer, once per element.
    """
    allowed = [code for code in range(0x20, 0x7F) if chr(code) not in reserved]
    ranges: list[tuple[int, int]] = []
    for code in allowed:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    parts = (
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )
    return "[" + "".join(parts) + "]"


def _sequence(parts: Sequence[tuple[str, bool]], separator: str) -> str:
    """Values in order, each optional unless mandatory; the text may stop after any
    position from which on nothing is mandatory.

    Optional parts are written ``(?:X|)``, not ``(?:X)?``: the same language,
    but the regular expression engine runs the alternation twice as fast.
    """
    pattern = ""
    mandatory_after = False
    for value, mandatory in reversed(parts):
        own = value if mandatory else f"(?:{value}|)"
        if pattern:
            tail = f"{separator}{pattern}"
            pattern = own + (tail if mandatory_after else f"(?:{tail}|)")
        else:
            pattern = own
        mandatory_after = mandatory_after or mandatory
    return pattern


def compile_pattern(
    spec: SegmentSpec, delimiters: Delimiters, marked: Collection[int] = ()
) -> SegmentPattern | None:
    """The fast pattern of ``spec`` under ``delimiters``; ``None`` when it cannot have one.

    The match tells the presence of the elements at positions ``marked`` (from 0).
    """
    if not spec.elements:
        return None
    builder = _Builder(delimiters)
    text = builder.segment(spec.elements, marked)
    if text is None:
        return None
    markers = tuple(builder.markers) if builder.markers is not None else None
    return SegmentPattern(re.compile(text, re.DOTALL), tuple(builder.code_groups), markers)
