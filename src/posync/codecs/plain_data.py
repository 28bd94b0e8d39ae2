"""Reading plain data (parsed JSON or TOML) field by field, with every problem by path.

``FieldReader`` reads the fields of one object: texts, choices from an
enumeration, booleans, whole numbers, exact decimals (a number with a fraction
is refused, it has already lost exactness), ISO 8601 durations and lists of
texts, adding a ``Problem`` (``transport.port: must be a whole number; got
...``) for each field of the wrong shape instead of stopping at the first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from posync.domain.errors import Problem

E = TypeVar("E", bound=Enum)

_DURATION = re.compile(
    r"(-)?P(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\.[0-9]{1,6})?)S)?)?"
)
_PLAIN_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_MISSING = object()


def format_duration(value: timedelta) -> str:
    """``value`` as an ISO 8601 duration in days, hours, minutes and seconds."""
    sign = "-" if value < timedelta(0) else ""
    value = abs(value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}P{value.days}D" if value.days else f"{sign}P"
    clock = ""
    if hours:
        clock += f"{hours}H"
    if minutes:
        clock += f"{minutes}M"
    if seconds or value.microseconds:
        fraction = f".{value.microseconds:06d}".rstrip("0") if value.microseconds else ""
        clock += f"{seconds}{fraction}S"
    if clock:
        text += f"T{clock}"
    return text if text not in ("P", "-P") else "PT0S"


def parse_duration(text: str) -> timedelta | None:
    """An ISO 8601 duration of days, hours, minutes and seconds; ``None`` if it is not one."""
    match = _DURATION.fullmatch(text)
    if match is None or text.endswith(("P", "T")):
        return None
    sign, days, hours, minutes, seconds = match.groups()
    value = timedelta(
        days=int(days or 0),
        hours=int(hours or 0),
        minutes=int(minutes or 0),
        seconds=float(Decimal(seconds or 0)),
    )
    return -value if sign else value


def fields_of(
    data: object, path: str, problems: list[Problem], known: Iterable[str], what: str
) -> Mapping[str, object] | None:
    if not isinstance(data, Mapping) or not all(isinstance(key, str) for key in data):
        problems.append(Problem(path, f"must be an object (a table) holding {what}"))
        return None
    allowed = tuple(known)
    for unknown in sorted(set(data) - set(allowed)):
        problems.append(
            Problem(
                join_path(path, unknown), f"is not a field of {what}; known: {', '.join(allowed)}"
            )
        )
    return data


class FieldReader:
    """Reads the fields of one object, adding a problem for each of the wrong shape."""

    def __init__(self, fields: Mapping[str, object], path: str, problems: list[Problem]) -> None:
        self.fields = fields
        self.path = path
        self.problems = problems

    def _value(self, name: str, required: bool) -> object:
        value = self.fields.get(name, _MISSING)
        if value is _MISSING and required:
            self.problems.append(Problem(self.at(name), "is required"))
        return value

    def at(self, name: str) -> str:
        return join_path(self.path, name)

    def wrong(self, name: str, expected: str, value: object) -> None:
        self.problems.append(Problem(self.at(name), f"must be {expected}; got {kind_of(value)}"))

    def text(self, name: str) -> str | None:
        value = self._value(name, required=True)
        if value is _MISSING:
            return None
        if not isinstance(value, str):
            self.wrong(name, "a string", value)
            return None
        return value

    def optional_text(self, name: str) -> str | None:
        value = self._value(name, required=False)
        if value is _MISSING or value is None:
            return None
        if not isinstance(value, str):
            self.wrong(name, "a string", value)
            return None
        return value

    def choice(self, name: str, enumeration: type[E]) -> E | None:
        value = self.text(name)
        if value is None:
            return None
        for member in enumeration:
            if member.value == value:
                return member
        allowed = ", ".join(str(member.value) for member in enumeration)
        self.problems.append(Problem(self.at(name), f"must be one of {allowed}; got {value!r}"))
        return None

    def boolean(self, name: str, default: bool) -> bool | None:
        value = self._value(name, required=False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.wrong(name, "true or false", value)
            return None
        return value

    def integer(self, name: str) -> int | None:
        value = self._value(name, required=False)
        if value is _MISSING or value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong(name, "a whole number", value)
            return None
        return value

    def decimal(self, name: str) -> Decimal | None:
        value = self._value(name, required=False)
        if value is _MISSING or value is None:
            return None
        if isinstance(value, str) and _PLAIN_DECIMAL.fullmatch(value):
            return Decimal(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return Decimal(value)
        if isinstance(value, float):
            self.problems.append(
                Problem(
                    self.at(name),
                    f'must be a decimal number written as a string, such as "{value}"; got the '
                    f"number {value!r}, which cannot carry an amount exactly",
                )
            )
            return None
        self.wrong(name, 'a decimal number as a string like "2.5"', value)
        return None

    def duration(self, name: str) -> timedelta | None:
        value = self._value(name, required=False)
        if value is _MISSING or value is None:
            return None
        parsed = parse_duration(value) if isinstance(value, str) else None
        if parsed is None:
            self.wrong(name, 'an ISO 8601 duration like "PT4H", "P2D" or "PT30S"', value)
        return parsed

    def texts(self, name: str) -> tuple[str, ...]:
        value = self._value(name, required=False)
        if value is _MISSING or value is None:
            return ()
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            self.wrong(name, "a list of strings", value)
            return ()
        return tuple(value)

    def nested(
        self,
        name: str,
        read: Callable[[object, str, list[Problem]], Any],
        default: object = _MISSING,
    ) -> Any:
        value = self._value(name, required=default is _MISSING)
        if value is _MISSING:
            return None if default is _MISSING else default
        return read(value, self.at(name), self.problems)


def join_path(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def kind_of(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__
