"""Column types that keep money exact and time zones on both databases.

SQLite has no exact decimal and no time zones: amounts are stored as text in
plain notation and datetimes as ISO 8601 text in UTC (which also sorts in
time order). PostgreSQL gets NUMERIC and TIMESTAMPTZ.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import String
from sqlalchemy.dialects.postgresql import NUMERIC, TIMESTAMP
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class ExactDecimal(TypeDecorator[Decimal]):
    impl = String(64)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(NUMERIC())
        return dialect.type_descriptor(String(64))

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None or dialect.name == "postgresql":
            return value
        return _plain_text(value)

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        # The same conversion as process_bind_param, without TypeDecorator's
        # wrapper: amounts are written by the ten thousand in bulk inserts.
        if dialect.name == "postgresql":
            return None
        return _plain_text_or_none

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None or isinstance(value, Decimal):
            return value
        return Decimal(value)


def _plain_text(value: Decimal) -> str:
    if not isinstance(value, Decimal):
        raise TypeError(f"an exact amount must be a Decimal, got {type(value).__name__}")
    return format(value, "f")


def _plain_text_or_none(value: Decimal | None) -> str | None:
    return None if value is None else _plain_text(value)


class UtcDateTime(TypeDecorator[datetime]):
    impl = String(32)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(TIMESTAMP(timezone=True))
        return dialect.type_descriptor(String(32))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError(f"refusing to store a datetime without a time zone: {value}")
        moment = value.astimezone(UTC)
        if dialect.name == "postgresql":
            return moment
        return moment.isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
        return moment.astimezone(UTC)
