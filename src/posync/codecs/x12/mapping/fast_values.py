"""Element values read on the fast path of a mapping: clean values only, nothing recorded.

A mapper's fast path reads a loop straight from its segments with these
functions. Each gives the value ``Reader`` would give for the same text when
that text is clean, and ``None`` whenever ``Reader`` might record a problem
for it (or simply when the text is unusual); the mapper then reads the loop
again with ``Reader``, which names every problem. So these are only ever
stricter than ``Reader``, never more lenient.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from posync.codecs.x12.mapping.common import is_date_text

_MOST_CHARACTERS = 30
"""A value this long has at most 30 digits, the bound ``Reader`` holds numbers to."""


# The two below test the text inline, as ``is_decimal_text`` and ``is_whole_text`` do:
# they run for every line, and a call costs as much as the test.


def clean_decimal(text: str) -> Decimal | None:
    """``Reader.decimal`` of a present, well-formed R value; ``None`` otherwise."""
    value = text.strip()
    figures = (value[1:] if value[:1] == "-" else value).replace(".", "", 1)
    if figures.isdigit() and figures.isascii() and len(value) <= _MOST_CHARACTERS:
        return Decimal(value)
    return None


def clean_positive(text: str) -> int | None:
    """``Reader.whole(positive=True)`` of a present, well-formed value; ``None`` otherwise."""
    value = text.strip()
    if value.isdigit() and value.isascii() and len(value) <= 18:
        return int(value) or None
    return None


def clean_date(value: str, known: dict[str, date]) -> date | None:
    """``Reader.date`` of ``value`` (stripped, not empty) when it is CCYYMMDD and a real day.

    ``known`` holds the dates already read from this set: a set repeats the
    same few dates on line after line.
    """
    found = known.get(value)
    if found is None and is_date_text(value):
        try:
            found = date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            return None
        known[value] = found
    return found
