"""Writing cXML elements from canonical values, refusing what XML cannot carry.

``Writer.add`` makes an element with its text and attributes. Text that
XML 1.0 cannot hold (control characters, lone surrogates) and numbers that
are not finite are refused: each becomes a ``Problem`` named by the
canonical field it came from, and ``finish`` raises them together as one
``EncodeError``. Numbers are written in plain notation (``1200``, never
``1.2E+3``); dates as midnight UTC on that day (``2026-11-20T00:00:00+00:00``),
which reads back as the same date.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from lxml import etree

from posync.codecs.cxml.reading import XML_LANG
from posync.codecs.errors import EncodeError
from posync.domain.errors import Problem

LANGUAGE = "en"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Value = str | Decimal | int | date | None


class Writer:
    """Builds elements, recording a problem for each value XML cannot carry."""

    def __init__(self, document_type: str) -> None:
        self.document_type = document_type
        self.problems: list[Problem] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))

    def finish(self) -> None:
        if self.problems:
            raise EncodeError(self.document_type, self.problems)

    def add(
        self,
        parent: etree._Element,
        tag: str,
        content: Value = None,
        /,
        *,
        field: str = "",
        **attributes: Value,
    ) -> etree._Element:
        """A new last child of ``parent``; attributes given as None are left out."""
        element = etree.SubElement(parent, tag)
        for attribute, value in attributes.items():
            if value is not None:
                key = XML_LANG if attribute == "lang" else attribute
                element.set(key, self.format(value, field))
        if content is not None:
            element.text = self.format(content, field)
        return element

    def named(self, parent: etree._Element, name: str, text: str | None, field: str) -> None:
        """An element with ``xml:lang`` (Name, Description, PackagingCode...)."""
        self.add(parent, name, text if text is not None else "", field=field, lang=LANGUAGE)

    def format(self, value: str | Decimal | int | date, field: str) -> str:
        if isinstance(value, Decimal):
            if not value.is_finite():
                self.fail(field, f"must be a finite number, got {value}")
                return ""
            return format(value, "f")
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, date):
            return when(value)
        bad = _NOT_XML.search(value)
        if bad is not None:
            self.fail(
                field,
                f"holds character U+{ord(bad.group()):04X}, which XML cannot carry",
            )
            return _NOT_XML.sub("", value)
        return value


def when(day: date) -> str:
    """A canonical date as a cXML date-time: midnight UTC on that day."""
    return f"{day.isoformat()}T00:00:00+00:00"
