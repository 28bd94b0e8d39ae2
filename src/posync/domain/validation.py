"""Self-validation for documents: each one lists its problems with field paths.

A document is built first and checked after, so that a decoder or an API can
report every wrong field at once instead of the first one only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from posync.domain.errors import InvalidDocument, Problem

CURRENCY_CODE = re.compile(r"[A-Z]{3}")
COUNTRY_CODE = re.compile(r"[A-Z]{2}")
UNIT_CODE = re.compile(r"[A-Z0-9]{1,8}")


class Checkable(Protocol):
    def problems(self) -> list[Problem]: ...


class Validated:
    """Mixin for documents: ``validate()`` raises with every problem found."""

    __slots__ = ()

    def problems(self) -> list[Problem]:
        raise NotImplementedError

    def validate(self) -> None:
        found = self.problems()
        if found:
            raise InvalidDocument(type(self).__name__, found)


class Checks:
    """Collects problems while a document checks its fields."""

    __slots__ = ("found",)

    def __init__(self) -> None:
        self.found: list[Problem] = []

    def add(self, field_path: str, message: str) -> None:
        self.found.append(Problem(field_path, message))

    def text(
        self, name: str, value: str | None, *, required: bool = True, max_length: int = 256
    ) -> None:
        if value is None:
            if required:
                self.add(name, "is required")
            return
        if not value or value.isspace():
            self.add(name, "must not be blank")
        elif len(value) > max_length:
            self.add(name, f"must be at most {max_length} characters, got {len(value)}")

    def pattern(
        self, name: str, value: str | None, pattern: re.Pattern[str], expected: str
    ) -> None:
        if value is not None and not pattern.fullmatch(value):
            self.add(name, f"must be {expected}, got {value!r}")

    def positive(self, name: str, value: Decimal | int | None) -> None:
        if value is not None and (not _finite(value) or value <= 0):
            self.add(name, f"must be greater than zero, got {value}")

    def not_negative(self, name: str, value: Decimal | int | None) -> None:
        if value is not None and (not _finite(value) or value < 0):
            self.add(name, f"must not be negative, got {value}")

    def finite(self, name: str, value: Decimal | None) -> None:
        if value is not None and not _finite(value):
            self.add(name, f"must be a finite number, got {value}")

    def not_after(self, earlier_name: str, earlier: date | None, later: date | None) -> None:
        if earlier is not None and later is not None and earlier > later:
            self.add(earlier_name, f"must not be after {later.isoformat()}, got {earlier}")

    def gtin(self, name: str, value: str | None) -> None:
        if value is None:
            return
        if not (value.isascii() and value.isdigit()) or len(value) not in (8, 12, 13, 14):
            self.add(name, f"must be a GTIN of 8, 12, 13 or 14 digits, got {value!r}")
        elif gtin_check_digit(value[:-1]) != int(value[-1]):
            expected = gtin_check_digit(value[:-1])
            self.add(name, f"has check digit {value[-1]}, but {value[:-1]} needs {expected}")

    def aware(self, name: str, value: datetime | None) -> None:
        if value is not None and value.utcoffset() is None:
            self.add(name, "must carry a time zone (for example 2026-01-31T12:00:00Z)")

    def nested(self, name: str, child: Checkable | None) -> None:
        if child is not None:
            self.found.extend(problem.under(name) for problem in child.problems())

    def each(self, name: str, children: Iterable[Checkable]) -> None:
        for index, child in enumerate(children):
            self.nested(f"{name}[{index}]", child)

    def unique(self, name: str, keys: Sequence[object], what: str) -> None:
        seen: set[object] = set()
        for index, key in enumerate(keys):
            if key in seen:
                self.add(f"{name}[{index}]", f"repeats {what} {key}")
            seen.add(key)


def gtin_check_digit(digits: str) -> int:
    """The GS1 mod-10 check digit for the digits before it."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def _finite(value: Decimal | int) -> bool:
    return value.is_finite() if isinstance(value, Decimal) else True
