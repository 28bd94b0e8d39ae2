"""The check of one value of a data element, by its type and length range.

``value_check(element)`` gives a small function of a non-empty value that
returns the AK4 code of what is wrong with it, or ``None``. The rules, with
posync's forgiving reading where the standard leaves room:

- AN and ID without a code list: any printable character is allowed (the
  basic and extended X12 character sets, and letters of any script);
  control characters are invalid (AK4 6).
- ID with a complete code list: a value not in the list is AK4 7, unless its
  length is already wrong (4 or 5). A partial list (``codes_complete`` false)
  is not held against the value: it is checked as AN.
- N0, N2, N4: ASCII digits with an optional leading minus; the length counts
  digits only. R: an optional minus, digits with at most one decimal point;
  the length counts digits only. Anything else is AK4 6 (invalid character).
- DT: CCYYMMDD, or YYMMDD where the element is six long (ISA09, TA102); a
  calendar check follows (AK4 8). TM: HHMM, HHMMSS or HHMMSS with one or two
  decimal seconds (AK4 9).
"""

from __future__ import annotations

from collections.abc import Callable

from posync.codecs.x12.dictionary.schema import Element, ElementType
from posync.codecs.x12.findings import ElementError

ValueCheck = Callable[[str], ElementError | None]

_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def value_check(element: Element) -> ValueCheck:
    """The check for a non-empty value of ``element``."""
    low, high = element.min_length, element.max_length
    kind = element.type
    if kind in (ElementType.NUMERIC, ElementType.NUMERIC_2, ElementType.NUMERIC_4):
        return _integer_check(low, high)
    if kind is ElementType.DECIMAL:
        return _decimal_check(low, high)
    if kind is ElementType.DATE:
        return _date_check(low, high)
    if kind is ElementType.TIME:
        return _time_check(low, high)
    if kind is ElementType.BINARY:
        return _no_check
    if kind is ElementType.IDENTIFIER and element.codes is not None and element.codes_complete:
        return _code_check(low, high, element.codes)
    return _text_check(low, high)


def _no_check(value: str) -> ElementError | None:
    return None


def _length(size: int, low: int, high: int) -> ElementError | None:
    if size < low:
        return ElementError.TOO_SHORT
    if size > high:
        return ElementError.TOO_LONG
    return None


def _text_check(low: int, high: int) -> ValueCheck:
    def check(value: str) -> ElementError | None:
        if not value.isprintable():
            return ElementError.INVALID_CHARACTER
        size = len(value)
        if size < low:
            return ElementError.TOO_SHORT
        if size > high:
            return ElementError.TOO_LONG
        return None

    return check


def _code_check(low: int, high: int, codes: frozenset[str]) -> ValueCheck:
    def check(value: str) -> ElementError | None:
        if value in codes:
            return None
        if not value.isprintable():
            return ElementError.INVALID_CHARACTER
        return _length(len(value), low, high) or ElementError.INVALID_CODE

    return check


def _integer_check(low: int, high: int) -> ValueCheck:
    def check(value: str) -> ElementError | None:
        digits = value[1:] if value[0] == "-" else value
        if not (digits.isdigit() and digits.isascii()):
            return ElementError.INVALID_CHARACTER
        size = len(digits)
        if size < low:
            return ElementError.TOO_SHORT
        if size > high:
            return ElementError.TOO_LONG
        return None

    return check


def _decimal_check(low: int, high: int) -> ValueCheck:
    def check(value: str) -> ElementError | None:
        number = value[1:] if value[0] == "-" else value
        if "." in number:
            whole, _, fraction = number.partition(".")
            number = whole + fraction
        if not (number.isdigit() and number.isascii()):
            return ElementError.INVALID_CHARACTER
        return _length(len(number), low, high)

    return check


def _date_check(low: int, high: int) -> ValueCheck:
    def check(value: str) -> ElementError | None:
        if not (value.isdigit() and value.isascii()):
            return ElementError.INVALID_DATE
        return _length(len(value), low, high) or (
            None if is_date(value) else ElementError.INVALID_DATE
        )

    return check


def is_date(value: str) -> bool:
    """CCYYMMDD or YYMMDD (read as 20YY), a real calendar day; ``value`` is ASCII digits."""
    if len(value) == 8:
        year, month, day = int(value[:4]), int(value[4:6]), int(value[6:])
    elif len(value) == 6:
        year, month, day = 2000 + int(value[:2]), int(value[2:4]), int(value[4:])
    else:
        return False
    if not 1 <= month <= 12 or day < 1 or day > _DAYS_IN_MONTH[month]:
        return False
    return not (month == 2 and day == 29 and not _leap(year))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _time_check(low: int, high: int) -> ValueCheck:
    def check(value: str) -> ElementError | None:
        if not (value.isdigit() and value.isascii()):
            return ElementError.INVALID_TIME
        return _length(len(value), low, high) or (
            None if is_time(value) else ElementError.INVALID_TIME
        )

    return check


def is_time(value: str) -> bool:
    """HHMM, HHMMSS or HHMMSSd..; ``value`` is ASCII digits."""
    if len(value) not in (4, 6, 7, 8):
        return False
    if int(value[:2]) > 23 or int(value[2:4]) > 59:
        return False
    return len(value) == 4 or int(value[4:6]) <= 59
