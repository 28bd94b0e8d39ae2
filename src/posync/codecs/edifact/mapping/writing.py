"""What every EDIFACT mapping shares on the way out: segments built, values checked.

``Writer`` builds ``Segment`` values (without UNH/UNT) and checks each value
against its D.96A data element (``limits``). It never shortens a value: one
that does not fit becomes a ``Problem`` naming the canonical field, and
``finish`` raises them together as ``EncodeError``. Numbers are written with
a full stop as decimal mark (the serializer writes the interchange's own),
without exponent or needless trailing zeros; dates as CCYYMMDD (format 102).

A text longer than one component is cut at spaces into as many components
as the composite has (``pieces``), and read back by joining them with one
space; a run without a space longer than a component cannot be written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from posync.codecs.edifact.mapping.limits import limit_of, name_of
from posync.codecs.edifact.mapping.reading import DATE_FORMAT
from posync.codecs.edifact.segments import Element, Segment
from posync.codecs.errors import EncodeError
from posync.domain.errors import Problem

Value = str | Element


class Writer:
    """Builds a message's segments, checking every value against its data element."""

    def __init__(self, document_type: str) -> None:
        self.document_type = document_type
        self.segments: list[Segment] = []
        self.problems: list[Problem] = []

    def add(self, tag: str, *elements: Value) -> None:
        """A segment; trailing empty components and elements are left out."""
        built: list[Element] = []
        for element in elements:
            components = [element] if isinstance(element, str) else list(element)
            while components and not components[-1]:
                components.pop()
            built.append(tuple(components))
        while built and not built[-1]:
            built.pop()
        self.segments.append(Segment(tag, tuple(built)))

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))

    def finish(self) -> list[Segment]:
        if self.problems:
            raise EncodeError(self.document_type, self.problems)
        return self.segments

    def text(self, tag: str, position: int, component: int, value: str | None, field: str) -> str:
        """An ``an`` value; "" when absent. Too long is a problem, never a cut."""
        if value is None or value == "":
            return ""
        limit = limit_of(tag, position, component)
        if len(value) > limit.maximum:
            self.fail(
                field,
                f"{tag} {name_of(tag, position, component)} holds {limit.maximum} characters "
                f"(D.96A), got {len(value)}: {value!r}",
            )
        return value

    def decimal(
        self, tag: str, position: int, component: int, value: Decimal | None, field: str
    ) -> str:
        """An ``n`` value in plain notation: no exponent, no needless trailing zeros."""
        if value is None:
            return ""
        limit = limit_of(tag, position, component)
        text = plain(value, limit.maximum)
        if text is None:
            self.fail(
                field,
                f"{tag} {name_of(tag, position, component)} holds {limit.maximum} digits "
                f"(D.96A), got {value}",
            )
            return ""
        return text

    def whole(self, tag: str, position: int, component: int, value: int | None, field: str) -> str:
        if value is None:
            return ""
        return self.decimal(tag, position, component, Decimal(value), field)

    def date(self, qualifier: str, value: date | None) -> None:
        """A DTM with ``value`` as CCYYMMDD, when there is a value."""
        if value is not None:
            self.add("DTM", (qualifier, format_date(value), DATE_FORMAT))

    def parts(
        self, tag: str, position: int, start: int, value: str | None, field: str, *, count: int
    ) -> list[str]:
        """``value`` cut at spaces into at most ``count`` components from ``start`` on."""
        if value is None or value == "":
            return []
        width = limit_of(tag, position, start).maximum
        cut = pieces(value, width)
        if cut is None or len(cut) > count:
            name = name_of(tag, position, start)
            self.fail(
                field,
                f"{tag} {name} holds {count} x {width} characters, a text cut at spaces "
                f"(D.96A), got {value!r}",
            )
            return []
        return cut


def format_date(value: date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def plain(value: Decimal, most: int) -> str | None:
    """``value`` as a numeric element writes it, or None when it needs more than ``most`` digits."""
    if not value.is_finite():
        return None
    if value.is_zero():
        return "0"
    normal = value.normalize()
    exponent = int(normal.as_tuple().exponent)
    if normal.adjusted() >= most or -exponent > most:
        return None
    text = format(normal, "f")
    return text if sum(c.isdigit() for c in text) <= most else None


def pieces(text: str, width: int) -> list[str] | None:
    """``text`` in parts of at most ``width``, each cut at a space that is then dropped.

    Joining the parts with one space gives the text back exactly. None when a
    run of more than ``width`` characters has no space to cut at, or a part
    would be blank.
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


def padded(parts: Sequence[str], count: int) -> tuple[str, ...]:
    """``parts`` and empty strings up to ``count`` components."""
    return tuple(parts) + ("",) * (count - len(parts))
