"""One CSV cell: how numbers, dates, flags, codes and lists are written and read back.

- Numbers are plain decimals without thousands separators: ``12.50``, or
  ``12,50`` in a file read or written with the decimal-comma option.
- Dates are ``YYYY-MM-DD``; flags are ``true`` or ``false``; codes are the
  canonical lower-case values (``accepted_with_changes``).
- A list (address lines, notes, party identifiers, schedule lines, account
  assignments) holds one item per line of its cell. An item with parts is
  written ``HEAD key=value ...`` (``60.5 delivery=2026-12-15``).
- A cell holding nothing but spaces is blank: the value is absent.

``CellReader`` reads the typed values of one document and records each bad
cell as a ``Problem`` naming its row and column; ``CellWriter`` writes values
and records, by field path, each value a cell cannot carry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TypeVar

from posync.domain.errors import Problem

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

_POINT_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_COMMA_DECIMAL = re.compile(r"-?[0-9]+(,[0-9]+)?")
_INTEGER = re.compile(r"[0-9]{1,18}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FLAGS = {"true": True, "false": False}

DATE = "a date as YYYY-MM-DD"
NUMBER = "a number like 12.50"
WHOLE = "a whole number like 1"
"""What a required cell of each kind holds, for the problem of a blank one."""


class CellError(ValueError):
    """A value that is not what its column holds; the message says what was expected."""


def place(row: int, column: str | None = None) -> str:
    """Where a problem is, as its ``Problem.field``: ``row 3, column unit_price``."""
    return f"row {row}, column {column}" if column else f"row {row}"


def is_blank(text: str) -> bool:
    return not text or text.isspace()


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberStyle:
    """How a file writes the decimal separator: a point (``12.50``) or a comma (``12,50``)."""

    decimal_comma: bool = False

    def read_decimal(self, text: str) -> Decimal:
        text = text.strip()
        pattern = _COMMA_DECIMAL if self.decimal_comma else _POINT_DECIMAL
        if pattern.fullmatch(text):
            return Decimal(text.replace(",", "."))
        if self.decimal_comma:
            raise CellError(
                f"must be a number with a decimal comma like 12,50 (no thousands separators); "
                f"got {text!r}"
            )
        hint = " (for a decimal comma, read the file with the decimal-comma option)"
        raise CellError(
            "must be a number with a decimal point like 12.50 (no thousands separators); "
            f"got {text!r}" + (hint if _COMMA_DECIMAL.fullmatch(text) else "")
        )

    def write_decimal(self, value: Decimal) -> str:
        if not value.is_finite():
            raise CellError(f"must be a finite number to be written, got {value}")
        text = format(value, "f")
        return text.replace(".", ",") if self.decimal_comma else text


def read_integer(text: str) -> int:
    text = text.strip()
    if not _INTEGER.fullmatch(text):
        raise CellError(f"must be a whole number like 3 (at most 18 digits); got {text!r}")
    return int(text)


def read_date(text: str) -> date:
    text = text.strip()
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise CellError(f"must be a date as YYYY-MM-DD like 2026-12-31; got {text!r}")


def read_flag(text: str) -> bool:
    flag = _FLAGS.get(text.strip().lower())
    if flag is None:
        raise CellError(f"must be true or false; got {text!r}")
    return flag


def read_choice(text: str, choices: type[E]) -> E:
    wanted = text.strip().lower()
    for member in choices:
        if member.value == wanted:
            return member
    allowed = ", ".join(str(member.value) for member in choices)
    raise CellError(f"must be one of {allowed}; got {text!r}")


def read_items(text: str) -> list[str]:
    """The items of a list cell: its lines, without the blank ones."""
    return [line for line in text.splitlines() if not is_blank(line)]


@dataclass(frozen=True, slots=True)
class Entry:
    """A list item with parts: positional values, then ``key=value`` attributes and flags."""

    positional: tuple[str, ...]
    attributes: Mapping[str, str]
    flags: frozenset[str]


def read_entry(
    text: str, *, positional: Sequence[str], keys: Sequence[str], flags: Sequence[str] = ()
) -> Entry:
    """An item like ``K 60% cost_center=CC-1``: ``positional`` names the leading values."""
    tokens = text.split()
    shape = " ".join([*(name.upper() for name in positional), *(f"[{k}=...]" for k in keys)])
    if len(tokens) < len(positional):
        raise CellError(f"must be written {shape}; got {text!r}")
    attributes: dict[str, str] = {}
    found: set[str] = set()
    for token in tokens[len(positional) :]:
        name, equals, value = token.partition("=")
        if equals and name in keys and value and name not in attributes:
            attributes[name] = value
        elif not equals and token in flags and token not in found:
            found.add(token)
        else:
            known = ", ".join([*(f"{k}=" for k in keys), *flags])
            raise CellError(f"has {token!r}, which is not one of {known} (once each); in {text!r}")
    return Entry(tuple(tokens[: len(positional)]), attributes, frozenset(found))


def read_part(item: str, name: str, value: str, parse: Callable[[str], T]) -> T:
    """The part ``name`` (``rate=``, ``QUANTITY``) of list item ``item``, parsed.

    A bad part says which part of which item it is.
    """
    try:
        return parse(value)
    except CellError as error:
        raise CellError(f"{error} for {name} in {item!r}") from None


class CellReader:
    """Typed values out of one document's cells; a bad cell is recorded, never raised.

    ``rows`` says which row each column's value came from (header columns are
    read from the first row of a document that fills them); others come from
    ``row``. A getter whose cell is wrong records a ``Problem`` and returns a
    stand-in, so that every problem of the document is found in one pass.
    """

    def __init__(
        self,
        cells: Mapping[str, str],
        *,
        row: int,
        style: NumberStyle,
        problems: list[Problem],
        rows: Mapping[str, int] | None = None,
    ) -> None:
        self._cells = cells
        self._row = row
        self._rows = rows or {}
        self.style = style
        self.problems = problems

    def row_of(self, column: str) -> int:
        return self._rows.get(column, self._row)

    def report(self, column: str, message: str) -> None:
        self.problems.append(Problem(place(self.row_of(column), column), message))

    def blank(self, *columns: str) -> bool:
        return all(is_blank(self._cells.get(column, "")) for column in columns)

    def text(self, column: str) -> str | None:
        value = self._cells.get(column, "")
        return None if is_blank(value) else value

    def required_text(self, column: str) -> str:
        value = self.text(column)
        if value is None:
            self.report(column, "is required")
            return ""
        return value

    def read(self, column: str, parse: Callable[[str], T]) -> T | None:
        value = self.text(column)
        if value is None:
            return None
        try:
            return parse(value)
        except CellError as error:
            self.report(column, str(error))
            return None

    def required(self, column: str, parse: Callable[[str], T], expected: str, stand_in: T) -> T:
        value = self.read(column, parse)
        if value is None:
            if self.text(column) is None:
                self.report(column, f"is required: {expected}")
            return stand_in
        return value

    def decimal(self, column: str) -> Decimal | None:
        return self.read(column, self.style.read_decimal)

    def integer(self, column: str) -> int | None:
        return self.read(column, read_integer)

    def date(self, column: str) -> date | None:
        return self.read(column, read_date)

    def flag(self, column: str) -> bool:
        return bool(self.read(column, read_flag))

    def choice(self, column: str, choices: type[E], default: E) -> E:
        member = self.read(column, lambda text: read_choice(text, choices))
        return default if member is None else member

    def items(self, column: str) -> tuple[str, ...]:
        value = self.text(column)
        return () if value is None else tuple(read_items(value))

    def entries(self, column: str, parse: Callable[[str], T]) -> tuple[T, ...]:
        parsed: list[T] = []
        items = self.items(column)
        for number, item in enumerate(items, start=1):
            try:
                parsed.append(parse(item))
            except CellError as error:
                where = f"line {number} of the cell " if len(items) > 1 else ""
                self.report(column, f"{where}{error}")
        return tuple(parsed)


class CellWriter:
    """Values as cell text; a value a cell cannot carry is recorded under its field path."""

    def __init__(self, style: NumberStyle, problems: list[Problem]) -> None:
        self.style = style
        self.problems = problems

    def text(self, field: str, value: str | None) -> str:
        if value is None:
            return ""
        if is_blank(value):
            self.problems.append(Problem(field, "is blank, and a blank cell reads as no value"))
        elif "\x00" in value or not _is_unicode_text(value):
            self.problems.append(Problem(field, "holds a NUL or a lone surrogate, not text"))
        return value

    def decimal(self, field: str, value: Decimal | None) -> str:
        if value is None:
            return ""
        try:
            return self.style.write_decimal(value)
        except CellError as error:
            self.problems.append(Problem(field, str(error)))
            return ""

    def integer(self, field: str, value: int | None) -> str:
        if value is None:
            return ""
        if value < 0 or value >= 10**18:
            self.problems.append(Problem(field, f"must be 0 to 18 digits to be written: {value}"))
        return str(value)

    @staticmethod
    def date(value: date | None) -> str:
        return "" if value is None else value.isoformat()

    @staticmethod
    def flag(value: bool) -> str:
        return "true" if value else "false"

    @staticmethod
    def choice(value: Enum) -> str:
        return str(value.value)

    def items(self, field: str, values: Sequence[str]) -> str:
        for index, value in enumerate(values):
            self.text(f"{field}[{index}]", value)
            if value.splitlines() != [value]:
                self.problems.append(
                    Problem(f"{field}[{index}]", "spans lines, but a list cell holds one per line")
                )
        return "\n".join(values)

    def token(self, field: str, value: str) -> str:
        """A part of a list item: it must not be blank or hold spaces."""
        if not value or any(character.isspace() for character in value):
            self.problems.append(
                Problem(field, f"must be one word without spaces to fit a list item: {value!r}")
            )
        return value


def _is_unicode_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
