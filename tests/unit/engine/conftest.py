"""A memory store at a fixed clock, with partner ``acme`` reached through a scripted transport."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from posync.connectors.clock import ManualClock
from posync.store.memory import MemoryDatabase, MemoryUnitOfWork
from posync.store.serialization import audit_events
from support.dispatch_documents import ScriptedTransport, add_partner, make_memory_partner

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def database() -> MemoryDatabase:
    return MemoryDatabase()


@pytest.fixture
def uow_factory(database: MemoryDatabase, clock: ManualClock) -> Callable[[], MemoryUnitOfWork]:
    codec = audit_events()

    def factory() -> MemoryUnitOfWork:
        return MemoryUnitOfWork(database, clock, codec)

    add_partner(factory, make_memory_partner("acme"), START)
    return factory


@pytest.fixture
def transport() -> ScriptedTransport:
    return ScriptedTransport()
