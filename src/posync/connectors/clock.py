"""Clocks: the system's, and a settable one for tests and repeatable demos."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that stands still until moved; for tests and replays."""

    def __init__(self, start: datetime) -> None:
        if start.utcoffset() is None:
            raise ValueError("a clock's time must carry a time zone")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta
