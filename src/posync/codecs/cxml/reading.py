"""Reading cXML elements into Python values, with a problem for each value that is wrong.

A ``Node`` is an element and the path that names it in problems:
``OrderRequest.ItemOut[2].ItemDetail.UnitPrice.Money`` for an element,
``...ItemOut[2]@quantity`` for an attribute (``[n]`` counts from 1 among the
children of the same name). ``Reader`` turns text into values the way cXML
writes them (decimals with an optional sign and point; dates and times in ISO
8601) and records a ``Problem`` for each one it cannot take; ``finish`` raises
them together as one ``DecodeError``. Whatever the document says, nothing
else is raised.

Children are looked up by name, so the order of elements does not matter
when reading; what the DTD requires is checked where the mapping needs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import NoReturn

from lxml import etree

from posync.codecs.errors import DecodeError
from posync.domain.errors import Problem

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MOST_DIGITS = 64
"""Characters in a number: more than any total posync writes (a quantity and a price of
up to 18 digits and 6 decimals each, multiplied and summed over the lines), and a bound
on the arithmetic done on what a partner sends."""


class Node:
    """An element and its path in problems."""

    __slots__ = ("element", "path")

    def __init__(self, element: etree._Element, path: str) -> None:
        self.element = element
        self.path = path

    @property
    def name(self) -> str:
        tag = self.element.tag
        return tag if isinstance(tag, str) else ""

    def field(self, attribute: str) -> str:
        return f"{self.path}@{attribute}"

    def children(self, name: str) -> list[Node]:
        found = [child for child in self.element if child.tag == name]
        if len(found) == 1:
            return [Node(found[0], f"{self.path}.{name}")]
        return [Node(child, f"{self.path}.{name}[{n}]") for n, child in enumerate(found, start=1)]

    def child(self, name: str) -> Node | None:
        """The first child called ``name``."""
        for child in self.element:
            if child.tag == name:
                return Node(child, f"{self.path}.{name}")
        return None

    def descend(self, *names: str) -> Node | None:
        """The first of the first of ... (``descend("UnitPrice", "Money")``)."""
        node: Node | None = self
        for name in names:
            node = node.child(name) if node is not None else None
        return node

    def raw(self, attribute: str) -> str | None:
        value = self.element.get(attribute)
        return None if value is None else str(value)

    def text(self) -> str:
        """All text inside the element (children's too), as sent."""
        return "".join(str(part) for part in self.element.itertext())

    def __iter__(self) -> Iterator[Node]:
        for child in self.element:
            if isinstance(child.tag, str):
                yield Node(child, f"{self.path}.{child.tag}")


class Reader:
    """Reads values, recording a problem for each one that cannot be taken."""

    def __init__(self, document_type: str) -> None:
        self.document_type = document_type
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

    # --- elements -----------------------------------------------------------------------

    def required(self, node: Node, name: str, what: str) -> Node | None:
        found = node.child(name)
        if found is None:
            self.fail(f"{node.path}.{name}", f"is required: {what}")
        return found

    def content(self, node: Node | None) -> str | None:
        """An element's text, or None when the element is absent or holds only spaces."""
        if node is None:
            return None
        value = node.text()
        return value if value.strip() else None

    def child_text(self, node: Node, name: str) -> str | None:
        return self.content(node.child(name))

    # --- attributes ---------------------------------------------------------------------

    def attribute(self, node: Node, name: str, *, required: str | None = None) -> str | None:
        """An attribute as sent, or None when absent or blank (a problem if ``required``)."""
        value = node.raw(name)
        if value is None or not value.strip():
            if required:
                self.fail(node.field(name), f"is required: {required}")
            return None
        return value

    def code(self, node: Node, name: str) -> str:
        """An attribute that holds a code, without surrounding spaces ("" when absent)."""
        return (node.raw(name) or "").strip()

    # --- numbers, dates -----------------------------------------------------------------

    def decimal_text(
        self, field: str, value: str | None, *, required: str | None = None
    ) -> Decimal | None:
        if value is None or not value.strip():
            if required:
                self.fail(field, f"is required: {required}")
            return None
        text = value.strip()
        if not is_decimal_text(text) or len(text) > MOST_DIGITS:
            self.fail(field, f"must be a number like 12.50, got {value!r}")
            return None
        return Decimal(text)

    def decimal(self, node: Node, name: str, *, required: str | None = None) -> Decimal | None:
        """A number in attribute ``name``."""
        return self.decimal_text(node.field(name), node.raw(name), required=required)

    def amount(self, node: Node | None, *, required: str | None = None) -> Decimal | None:
        """The number an element holds as its text (a ``Money``)."""
        if node is None:
            return None
        return self.decimal_text(node.path, node.text(), required=required or "an amount")

    def whole(
        self, node: Node, name: str, *, required: str | None = None, what: str = "a whole number"
    ) -> int | None:
        """A whole number above zero in attribute ``name`` (line numbers, days)."""
        value = node.raw(name)
        if value is None or not value.strip():
            if required:
                self.fail(node.field(name), f"is required: {required}")
            return None
        text = value.strip()
        if not (text.isascii() and text.isdigit()) or len(text) > 18:
            self.fail(node.field(name), f"must be {what}, got {value!r}")
            return None
        return int(text)

    def positive(
        self, node: Node, name: str, *, required: str | None = None, what: str = "a line number"
    ) -> int | None:
        number = self.whole(node, name, required=required, what=f"{what} above zero")
        if number == 0:
            self.fail(node.field(name), f"must be {what} above zero, got 0")
            return None
        return number

    def date(self, node: Node, name: str, *, required: str | None = None) -> date | None:
        """The date of a cXML date or date-time attribute, as its sender's calendar says."""
        value = node.raw(name)
        if value is None or not value.strip():
            if required:
                self.fail(node.field(name), f"is required: {required}")
            return None
        found = parse_date(value.strip())
        if found is None:
            self.fail(
                node.field(name),
                f"must be an ISO 8601 date like 2026-11-20 or 2026-11-20T09:30:00-05:00, "
                f"got {value!r}",
            )
        return found

    def timestamp(self, node: Node, name: str) -> datetime | None:
        """A date-time with its offset from UTC (``2026-11-20T09:30:00-05:00``)."""
        value = node.raw(name)
        if value is None or not value.strip():
            self.fail(node.field(name), "is required: a date and time with its offset from UTC")
            return None
        found = parse_timestamp(value.strip())
        if found is None:
            self.fail(
                node.field(name),
                f"must be an ISO 8601 date and time with an offset, like "
                f"2026-11-20T09:30:00-05:00, got {value!r}",
            )
        return found


def is_decimal_text(value: str) -> bool:
    """An optional sign, then ASCII digits with at most one point among them."""
    number = value[1:] if value[:1] in "-+" else value
    figures = number.replace(".", "", 1)
    return figures.isdigit() and figures.isascii()


def parse_timestamp(value: str) -> datetime | None:
    """An aware date-time from ISO 8601 text; None when it is not one or has no offset."""
    if not value.isascii() or len(value) > 40 or "T" not in value:
        return None
    try:
        found = datetime.fromisoformat(value)
    except ValueError:
        return None
    return found if found.utcoffset() is not None else None


def parse_date(value: str) -> date | None:
    """The calendar date of ``2026-11-20`` or of a date-time (its own offset's date)."""
    if not value.isascii() or len(value) > 40:
        return None
    if "T" in value:
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            return None
    if len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
