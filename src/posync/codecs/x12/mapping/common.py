"""What every X12 mapping shares on the way in: options, segments found and named, values read.

``Reader`` turns element text into Python values and collects a ``Problem``
for each one it cannot map, named by segment and element (``BEG05``,
``PO1[3].PO102``, ``PO1[2].ACK[1].ACK01``); ``finish`` raises them together
as one ``DecodeError``. It never raises anything else, whatever the text.
Numbers follow the standard's types: R is a decimal with an optional leading
minus and point; N0 a whole number; N2 a whole number of hundredths
("113280" is 1132.80). Dates are CCYYMMDD. The way out is ``writing``.

``sections`` and ``groups`` cut a set into its header, loops and summary;
segments inside a loop are looked up by tag, so their order does not matter.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NoReturn

from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.segment_groups import is_decimal_text
from posync.codecs.x12.mapping.code_tables import UNITS
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.errors import Problem

VERSIONS = ("004010", "005010")

_MOST_DIGITS = 30  # far beyond any X12 numeric element; bounds the arithmetic done on reading
_ENVELOPE = frozenset({"ST", "SE"})


@dataclass(frozen=True, slots=True, kw_only=True)
class EncodeOptions:
    """How to write a set: the X12 version, and which party identifier goes in N103/N104.

    An N1 carries one identifier; the first scheme of ``identifier_preference``
    that a party has is written, else its first identifier X12 can qualify.
    """

    version: str = "004010"
    identifier_preference: tuple[str, ...] = ("duns", "gln", "buyer-assigned", "seller-assigned")
    accepted_codes: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: types.MappingProxyType({})
    )
    """Codes a partner's guide allows, by element (``"POC02"``); absent means any."""

    def choose(self, element: str, preferences: Sequence[str]) -> str:
        """The first of ``preferences`` (best first) that the partner accepts at ``element``."""
        allowed = self.accepted_codes.get(element)
        if allowed is None:
            return preferences[0]
        for code in preferences:
            if code in allowed:
                return code
        return preferences[0]  # none fits: the guide check before sending names it

    def __post_init__(self) -> None:
        if self.version not in VERSIONS:
            raise EncodeError(
                "EncodeOptions",
                [Problem("version", f"must be one of {', '.join(VERSIONS)}, got {self.version!r}")],
            )


# --- reading -----------------------------------------------------------------------------


class At:
    """A segment and the path that names it in problems (``PO1[3].`` for a loop's).

    Read-only by convention: a plain slotted class, not a frozen dataclass,
    because mappings make one for nearly every segment they read.
    """

    __slots__ = ("prefix", "segment", "tag")

    def __init__(self, segment: Segment, prefix: str = "") -> None:
        self.segment = segment
        self.prefix = prefix
        self.tag = segment.tag

    def field(self, position: int) -> str:
        return f"{self.prefix}{self.segment.tag}{position:02d}"

    def raw(self, position: int) -> str:
        """``Segment.get``, one call fewer."""
        elements = self.segment.elements
        return elements[position - 1] if position <= len(elements) else ""

    def __eq__(self, other: object) -> bool:
        if type(other) is not At:
            return NotImplemented
        return self.segment is other.segment and self.prefix == other.prefix

    def __hash__(self) -> int:
        return hash((id(self.segment), self.prefix))

    def __repr__(self) -> str:
        return f"At(segment={self.segment!r}, prefix={self.prefix!r})"


def locate(segments: Iterable[Segment], prefix: str = "") -> list[At]:
    """The segments with their names: a tag met more than once is numbered (``REF[2].``)."""
    listed = list(segments)
    counts: dict[str, int] = {}
    for segment in listed:
        counts[segment.tag] = counts.get(segment.tag, 0) + 1
    if len(counts) == len(listed):  # no tag repeats: every segment goes by the prefix alone
        return [At(segment, prefix) for segment in listed]
    seen: dict[str, int] = {}
    located = []
    for segment in listed:
        tag = segment.tag
        if counts[tag] > 1:
            seen[tag] = number = seen.get(tag, 0) + 1
            located.append(At(segment, f"{prefix}{tag}[{number}]."))
        else:
            located.append(At(segment, prefix))
    return located


def loop_heads(loops: Sequence[Sequence[Segment]], prefix: str = "") -> list[list[At]]:
    """Each loop's segments, named under its trigger's number: ``PO1[3].``, ``PO1[3].ACK[2].``."""
    return [loop_head(loop, number, prefix) for number, loop in enumerate(loops, start=1)]


def loop_head(loop: Sequence[Segment], number: int, prefix: str = "") -> list[At]:
    """One loop of ``loop_heads``, the ``number``-th (from 1)."""
    head = loop[0]
    loop_prefix = f"{prefix}{head.tag}[{number}]."
    return [At(head, loop_prefix), *locate(loop[1:], loop_prefix)]


class Reader:
    """Reads element values, recording a problem for each one that cannot be mapped."""

    def __init__(self, document_type: str, delimiters: Delimiters) -> None:
        self.document_type = document_type
        self.delimiters = delimiters
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

    # ``text`` and ``code`` read ``At.raw`` inline: mappings call them for nearly every element.

    def text(self, at: At, position: int) -> str | None:
        """The element as sent, or None when it is empty or only spaces."""
        elements = at.segment.elements
        value = elements[position - 1] if position <= len(elements) else ""
        return value if value.strip() else None

    def code(self, at: At, position: int) -> str:
        """An identifier or qualifier, without surrounding spaces ("" when absent)."""
        elements = at.segment.elements
        return (elements[position - 1] if position <= len(elements) else "").strip()

    def component(self, at: At, position: int) -> str | None:
        """The first component of a composite element (POC05's unit in C001)."""
        value = at.raw(position).split(self.delimiters.component)[0].strip()
        return value or None

    def unit(self, at: At, position: int) -> str | None:
        """A unit of measure (355, or C001's first component) as its canonical code."""
        value = self.component(at, position)
        return UNITS.from_x12(value) if value else None

    def missing(self, at: At, position: int, what: str) -> None:
        self.fail(at.field(position), f"is required: {what}")

    def required(self, at: At, position: int, what: str) -> str:
        """A text element the mapping cannot do without ("" after recording its absence)."""
        value = self.text(at, position)
        if value is None:
            self.missing(at, position, what)
            return ""
        return value

    def decimal(self, at: At, position: int, *, required: str | None = None) -> Decimal | None:
        """An R element: digits with an optional leading minus and decimal point."""
        value = at.raw(position).strip()
        if not value:
            if required:
                self.missing(at, position, required)
            return None
        if not is_decimal_text(value) or _too_long(value, _MOST_DIGITS):
            self.fail(at.field(position), f"must be a number, got {value!r}")
            return None
        return Decimal(value)

    def implied(self, at: At, position: int, *, required: str | None = None) -> Decimal | None:
        """An N2 element: a whole number of hundredths ("113280" is 1132.80)."""
        value = at.raw(position).strip()
        if not value:
            if required:
                self.missing(at, position, required)
            return None
        if not is_whole_text(value) or _too_long(value, _MOST_DIGITS):
            self.fail(
                at.field(position),
                f"must be a whole number with two implied decimals, got {value!r}",
            )
            return None
        return Decimal(value).scaleb(-2)

    def whole(
        self,
        at: At,
        position: int,
        *,
        required: str | None = None,
        positive: bool = False,
        what: str = "a whole number",
    ) -> int | None:
        """An N0 element, or an identifier canonical documents keep as a number (a line's).

        With ``positive``, only digits making a number above zero are taken.
        """
        value = at.raw(position).strip()
        if not value:
            if required:
                self.missing(at, position, required)
            return None
        well_formed = is_whole_text(value, signed=not positive)
        if not well_formed or _too_long(value, 18) or (positive and int(value) == 0):
            self.fail(at.field(position), f"must be {what}, got {value!r}")
            return None
        return int(value)

    def date(self, at: At, position: int, *, required: str | None = None) -> date | None:
        """A DT element, CCYYMMDD."""
        value = at.raw(position).strip()
        if not value:
            if required:
                self.missing(at, position, required)
            return None
        if is_date_text(value):
            try:
                return date(int(value[:4]), int(value[4:6]), int(value[6:]))
            except ValueError:
                pass
        self.fail(at.field(position), f"must be a date as CCYYMMDD, got {value!r}")
        return None


def digits(text: str) -> int:
    return sum(character.isdigit() for character in text)


# The forms of numbers and dates, tested with string methods rather than regular
# expressions: the readers test nearly every value, and these take a third of the time.


def is_whole_text(value: str, *, signed: bool = True) -> bool:
    """ASCII digits, after a minus when ``signed``."""
    figures = value[1:] if signed and value[:1] == "-" else value
    return figures.isdigit() and figures.isascii()


def is_date_text(value: str) -> bool:
    """Eight ASCII digits, a date's CCYYMMDD (not yet checked against the calendar)."""
    return len(value) == 8 and value.isdigit() and value.isascii()


def _too_long(value: str, most: int) -> bool:
    """More than ``most`` digits; counted only when the text is long enough to hold them."""
    return len(value) > most and digits(value) > most


def without_envelope(segments: Iterable[Segment]) -> list[Segment]:
    """The set's body: ST and SE, if the caller left them in, are not the mapping's."""
    return [segment for segment in segments if segment.tag not in _ENVELOPE]


@dataclass(frozen=True, slots=True)
class Sections:
    """A set cut at its detail loops: the header, each loop, and the summary after them."""

    header: list[Segment]
    loops: list[list[Segment]]
    summary: list[Segment]


def sections(segments: Iterable[Segment], trigger: str, summary: frozenset[str]) -> Sections:
    """Cut a set where each ``trigger`` opens a loop and the first ``summary`` tag ends them.

    Segments inside a loop are kept in the order sent, and readers look them up
    by tag, so a partner writing ACK before PID is read the same as one that
    follows the standard's order.
    """
    body = without_envelope(segments)
    header: list[Segment] = []
    loops: list[list[Segment]] = []
    current = header  # the header, then each loop in turn
    for index, segment in enumerate(body):
        tag = segment.tag
        if tag == trigger:
            current = [segment]
            loops.append(current)
        elif tag in summary:
            return Sections(header, loops, body[index:])
        else:
            current.append(segment)
    return Sections(header, loops, [])


def first(segments: Iterable[At], tag: str) -> At | None:
    for at in segments:
        if at.tag == tag:
            return at
    return None


def every(segments: Iterable[At], tag: str) -> Iterator[At]:
    return iter([at for at in segments if at.tag == tag])


def references(reader: Reader, segments: Iterable[At], qualifier: str) -> list[str]:
    """REF02 (or REF03 when REF02 is empty) of every REF with REF01 ``qualifier``."""
    found = []
    for at in every(segments, "REF"):
        if reader.code(at, 1) == qualifier:
            value = reader.text(at, 2) or reader.text(at, 3)
            if value is not None:
                found.append(value)
    return found


def dated(reader: Reader, segments: Iterable[At], qualifiers: Iterable[str]) -> date | None:
    """The date of the first DTM whose DTM01 is one of ``qualifiers``."""
    wanted = tuple(qualifiers)
    for at in every(segments, "DTM"):
        if reader.code(at, 1) in wanted:
            found = reader.date(at, 2)
            if found is not None:
                return found
    return None


def pieces(text: str, width: int) -> list[str] | None:
    """``text`` in parts of at most ``width``, each cut at a space that is then dropped.

    Joining the parts with one space gives the text back exactly. None when a
    run of more than ``width`` characters has no space to cut at.
    """
    parts = []
    rest = text
    while len(rest) > width:
        cut = rest.rfind(" ", 1, width + 1)
        if cut <= 0 or not rest[:cut].strip():
            return None
        parts.append(rest[:cut])
        rest = rest[cut + 1 :]
    parts.append(rest)
    return parts if all(part.strip() for part in parts) else None


def joined(parts: Iterable[str]) -> str | None:
    """The inverse of ``pieces``: the parts with one space between them."""
    listed = list(parts)
    return " ".join(listed) if listed else None
