"""Canonical JSON: every canonical document as a JSON object, field for field.

The rules, the same for every document:

- field names are the dataclass field names; unknown fields are refused;
- money and quantities (``Decimal``) are strings in plain notation ("12.50");
  a JSON number with a fraction is refused, because it has already lost
  exactness on the way; whole numbers are accepted;
- dates are ``YYYY-MM-DD``; datetimes are ISO 8601 with a UTC offset;
- enumerations are their lower-case values; lists are JSON arrays.

``JsonCodec(PurchaseOrder)`` compiles the converters for one document type
once; ``decode`` reports every wrong field together, by path
(``lines[2].unit_price``). ``json_schema`` describes the same format.
"""

from __future__ import annotations

import dataclasses
import json
import re
import types
import typing
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, TypeVar

import orjson

from posync.codecs.errors import DecodeError
from posync.domain.errors import Problem

T = TypeVar("T")

Decode = Callable[[object, str, list[Problem]], object]
Schema = dict[str, Any]

_MISSING = object()
_PLAIN_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LARGEST_INTEGER = 2**63 - 1


class JsonCodec(Generic[T]):
    """Converts one dataclass type, and everything it holds, to and from JSON."""

    def __init__(self, document_type: type[T]) -> None:
        self.document_type = document_type
        self._definitions: dict[str, Schema] = {}
        self._decode, self._schema = _Compiler(self._definitions).compile(document_type)

    def decode(self, data: object) -> T:
        """A document from parsed JSON; raises ``DecodeError`` naming every wrong field."""
        problems: list[Problem] = []
        value = self._decode(data, "", problems)
        if problems:
            raise DecodeError(self.document_type.__name__, problems)
        return typing.cast(T, value)

    def loads(self, text: str | bytes) -> T:
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise DecodeError(
                self.document_type.__name__, [Problem("", f"is not valid JSON: {error}")]
            ) from error
        return self.decode(data)

    def encode(self, document: T) -> Any:
        """The document as JSON-ready Python values (dicts, lists, strings...)."""
        return orjson.loads(_dump_bytes(document))

    def dumps(self, document: T) -> str:
        return _dump_bytes(document).decode("utf-8")

    def json_schema(self, ref_prefix: str = "#/$defs/") -> tuple[Schema, dict[str, Schema]]:
        """The JSON Schema of the document and of every type it refers to."""
        rewrite = _rewrite_refs(ref_prefix)
        return rewrite(self._schema), {k: rewrite(v) for k, v in self._definitions.items()}


def dumps(value: object) -> str:
    """Compact canonical JSON text of documents, or of plain JSON-ready values."""
    return _dump_bytes(value).decode("utf-8")


def _dump_bytes(value: object) -> bytes:
    # orjson writes dataclasses field by field in declaration order, tuples as
    # arrays and enums as their values; decimals, dates and times come to
    # _scalar_text so that they are written exactly as the decoder reads them.
    return orjson.dumps(value, default=_scalar_text, option=orjson.OPT_PASSTHROUGH_DATETIME)


def _scalar_text(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise TypeError(f"canonical JSON refuses a datetime without a time zone: {value}")
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"canonical JSON cannot carry {type(value).__name__}")


def _rewrite_refs(prefix: str) -> Callable[[Schema], Schema]:
    def rewrite(schema: Schema) -> Schema:
        text = json.dumps(schema).replace('"$ref": "#/$defs/', f'"$ref": "{prefix}')
        result: Schema = json.loads(text)
        return result

    return rewrite


class _Compiler:
    def __init__(self, definitions: dict[str, Schema]) -> None:
        self.definitions = definitions
        self.compiled: dict[type, Decode] = {}

    def compile(self, annotation: object) -> tuple[Decode, Schema]:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin in (types.UnionType, typing.Union):
            return self._optional(annotation, args)
        if origin is tuple:
            if len(args) != 2 or args[1] is not Ellipsis:
                raise TypeError(f"only tuple[X, ...] is supported, not {annotation}")
            return self._sequence(args[0])
        if isinstance(annotation, type):
            if dataclasses.is_dataclass(annotation):
                return self._dataclass(annotation)
            if issubclass(annotation, Enum):
                return _enumeration(annotation)
            scalar = _SCALARS.get(annotation)
            if scalar is not None:
                return scalar
        raise TypeError(f"canonical JSON cannot carry {annotation!r}")

    def _optional(self, annotation: object, args: tuple[Any, ...]) -> tuple[Decode, Schema]:
        present = [arg for arg in args if arg is not type(None)]
        if len(present) != 1 or len(args) != 2:
            raise TypeError(f"only 'X | None' unions are supported, not {annotation}")
        decode_inner, schema = self.compile(present[0])

        def decode(value: object, path: str, problems: list[Problem]) -> object:
            return None if value is None else decode_inner(value, path, problems)

        return decode, {"anyOf": [schema, {"type": "null"}]}

    def _sequence(self, item_type: object) -> tuple[Decode, Schema]:
        decode_item, schema = self.compile(item_type)

        def decode(value: object, path: str, problems: list[Problem]) -> object:
            if not isinstance(value, list):
                problems.append(Problem(path, f"must be a list, got {_json_kind(value)}"))
                return ()
            return tuple(
                decode_item(item, f"{path}[{index}]", problems) for index, item in enumerate(value)
            )

        return decode, {"type": "array", "items": schema}

    def _dataclass(self, cls: type) -> tuple[Decode, Schema]:
        name = cls.__name__
        reference: Schema = {"$ref": f"#/$defs/{name}"}
        if cls in self.compiled:
            return self.compiled[cls], reference
        hints = typing.get_type_hints(cls)
        fields: list[tuple[str, Decode, object]] = []

        def decode(value: object, path: str, problems: list[Problem]) -> object:
            if not isinstance(value, dict):
                problems.append(Problem(path, f"must be an object, got {_json_kind(value)}"))
                return None
            for unknown in value.keys() - names:
                problems.append(Problem(_join(path, unknown), f"is not a field of {name}"))
            before = len(problems)
            arguments: dict[str, object] = {}
            for field_name, decode_field, default in fields:
                raw = value.get(field_name, _MISSING)
                if raw is _MISSING:
                    if default is _MISSING:
                        problems.append(Problem(_join(path, field_name), "is required"))
                    continue
                arguments[field_name] = decode_field(raw, _join(path, field_name), problems)
            if len(problems) > before:
                return None
            return cls(**arguments)

        self.compiled[cls] = decode
        properties: dict[str, Schema] = {}
        required: list[str] = []
        for field in dataclasses.fields(cls):
            decode_field, field_schema = self.compile(hints[field.name])
            default = _default_of(field)
            fields.append((field.name, decode_field, default))
            properties[field.name] = field_schema
            if default is _MISSING:
                required.append(field.name)
        names = frozenset(name for name, *_ in fields)
        definition: Schema = {"type": "object", "properties": properties}
        if required:
            definition["required"] = required
        definition["additionalProperties"] = False
        if cls.__doc__ and not cls.__doc__.startswith(f"{name}("):
            definition["description"] = " ".join(cls.__doc__.split())
        self.definitions[name] = definition
        return decode, reference


def _default_of(field: dataclasses.Field[Any]) -> object:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory
    return _MISSING


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {json.dumps(value)}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _enumeration(cls: type[Enum]) -> tuple[Decode, Schema]:
    by_value = {member.value: member for member in cls}
    allowed = ", ".join(str(value) for value in by_value)

    def decode(value: object, path: str, problems: list[Problem]) -> object:
        member = by_value.get(value) if isinstance(value, str) else None
        if member is None:
            problems.append(Problem(path, f"must be one of {allowed}; got {_json_kind(value)}"))
        return member

    return decode, {"type": "string", "enum": list(by_value)}


def _decimal(value: object, path: str, problems: list[Problem]) -> object:
    if isinstance(value, str) and _PLAIN_DECIMAL.fullmatch(value):
        return Decimal(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, float):
        problems.append(
            Problem(
                path,
                f'must be a decimal number written as a string, such as "{value}"; '
                f"got the JSON number {value!r}, which cannot carry money or quantities exactly",
            )
        )
    else:
        problems.append(
            Problem(
                path, f'must be a decimal number as a string like "12.50"; got {_json_kind(value)}'
            )
        )
    return None


def _integer(value: object, path: str, problems: list[Problem]) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        if -_LARGEST_INTEGER <= value <= _LARGEST_INTEGER:
            return value
        problems.append(Problem(path, f"must be at most {_LARGEST_INTEGER} in size; got {value}"))
        return None
    problems.append(Problem(path, f"must be a whole number; got {_json_kind(value)}"))
    return None


def _boolean(value: object, path: str, problems: list[Problem]) -> object:
    if isinstance(value, bool):
        return value
    problems.append(Problem(path, f"must be true or false; got {_json_kind(value)}"))
    return None


def _string(value: object, path: str, problems: list[Problem]) -> object:
    if isinstance(value, str):
        if value.isascii() or _is_unicode_text(value):
            return value
        problems.append(Problem(path, "contains a lone surrogate (\\ud800-\\udfff), not text"))
        return None
    problems.append(Problem(path, f"must be a string; got {_json_kind(value)}"))
    return None


def _is_unicode_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _date(value: object, path: str, problems: list[Problem]) -> object:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    problems.append(Problem(path, f"must be a date as YYYY-MM-DD; got {_json_kind(value)}"))
    return None


def _datetime(value: object, path: str, problems: list[Problem]) -> object:
    if isinstance(value, str) and len(value) >= 19:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.utcoffset() is not None:
                return moment.astimezone(UTC)
    problems.append(
        Problem(
            path,
            "must be an ISO 8601 date and time with its UTC offset, like "
            f"2026-01-31T09:30:00Z; got {_json_kind(value)}",
        )
    )
    return None


_DECIMAL_SCHEMA: Schema = {
    "description": 'An exact decimal number as a string, e.g. "12.50"; '
    "a whole JSON number is accepted too, a fraction is not.",
    "anyOf": [
        {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"},
        {"type": "integer"},
    ],
}

_SCALARS: dict[type, tuple[Decode, Schema]] = {
    Decimal: (_decimal, _DECIMAL_SCHEMA),
    int: (_integer, {"type": "integer"}),
    bool: (_boolean, {"type": "boolean"}),
    str: (_string, {"type": "string"}),
    date: (_date, {"type": "string", "format": "date"}),
    datetime: (_datetime, {"type": "string", "format": "date-time"}),
}
