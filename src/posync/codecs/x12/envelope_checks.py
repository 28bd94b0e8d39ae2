"""The checks of envelope headers and trailers that need no state: ISA fields, numbers.

``isa_problems`` holds an ISA to the standard's fixed widths and code values
and names the TA1 note (TA105) for each field that fails. ``same_number``
compares control numbers as most translators do: equal text, or equal
numbers when both are digits (``000000077`` and ``77`` agree).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from posync.codecs.x12.findings import InterchangeError
from posync.codecs.x12.syntax import Segment
from posync.codecs.x12.value_checks import is_date, is_time


class _IsaField(NamedTuple):
    """An ISA element: its fixed width, the TA1 note that reports it, its codes if listed."""

    width: int
    note: InterchangeError
    values: frozenset[str] | None = None


_AUTHORIZATION_QUALIFIERS = frozenset({"00", "01", "02", "03", "04", "05", "06"})
_ISA_FIELDS = (
    _IsaField(2, InterchangeError.AUTHORIZATION_QUALIFIER_INVALID, _AUTHORIZATION_QUALIFIERS),
    _IsaField(10, InterchangeError.AUTHORIZATION_INVALID),
    _IsaField(2, InterchangeError.SECURITY_QUALIFIER_INVALID, frozenset({"00", "01"})),
    _IsaField(10, InterchangeError.SECURITY_INVALID),
    _IsaField(2, InterchangeError.SENDER_QUALIFIER_INVALID),
    _IsaField(15, InterchangeError.SENDER_ID_INVALID),
    _IsaField(2, InterchangeError.RECEIVER_QUALIFIER_INVALID),
    _IsaField(15, InterchangeError.RECEIVER_ID_INVALID),
    _IsaField(6, InterchangeError.DATE_INVALID),
    _IsaField(4, InterchangeError.TIME_INVALID),
    _IsaField(1, InterchangeError.STANDARDS_IDENTIFIER_INVALID),
    _IsaField(5, InterchangeError.VERSION_ID_INVALID),
    _IsaField(9, InterchangeError.CONTROL_NUMBER_INVALID),
    _IsaField(1, InterchangeError.ACKNOWLEDGEMENT_REQUESTED_INVALID, frozenset({"0", "1"})),
    _IsaField(1, InterchangeError.TEST_INDICATOR_INVALID, frozenset({"P", "T", "I"})),
    _IsaField(1, InterchangeError.COMPONENT_SEPARATOR_INVALID),
)  # fmt: skip


def isa_problems(isa: Segment) -> Iterator[tuple[int, InterchangeError, str]]:
    """Each ISA field in error: its position, its TA1 note, and what is wrong."""
    for position, field in enumerate(_ISA_FIELDS, start=1):
        problem = _problem(position, isa.get(position), field, isa)
        if problem:
            yield position, field.note, problem


def _problem(position: int, value: str, field: _IsaField, isa: Segment) -> str | None:
    if len(value) != field.width:
        return f"is {len(value)} characters, it is fixed at {field.width}"
    if field.values is not None and value not in field.values:
        return f"is not one of {', '.join(sorted(field.values))}"
    if position in (5, 7) and not (value.isalnum() and value.isascii()):
        return "is not an identification qualifier"
    if position in (6, 8) and (not value.strip() or not value.isprintable()):
        return "is not an identifier"
    if position == 9 and not (digits(value, 6, 6) and is_date(value)):
        return "is not a date (YYMMDD)"
    if position == 10 and not (digits(value, 4, 4) and is_time(value)):
        return "is not a time (HHMM)"
    if position == 11 and isa.get(12) < "00402" and value != "U":
        return "must be U before version 00402"
    if position == 12 and not digits(value, 5, 5):
        return "is not a version number"
    if position == 13 and not digits(value, 9, 9):
        return "is not a nine-digit control number"
    if position == 16 and value.isalnum():
        return "is not a usable component separator"
    return None


def same_number(left: str, right: str) -> bool:
    """Control numbers agree: equal text, or equal numbers when both are digits."""
    left, right = left.strip(), right.strip()
    if left.isdigit() and right.isdigit() and left.isascii() and right.isascii():
        return int(left) == int(right)
    return left == right


def digits(value: str, low: int, high: int) -> bool:
    """``value`` is ASCII digits, ``low`` to ``high`` of them."""
    return value.isdigit() and value.isascii() and low <= len(value) <= high
