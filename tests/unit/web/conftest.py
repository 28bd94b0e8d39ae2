"""The API over an in-memory posync with a clock that stands still until moved."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient

from posync.bootstrap import bootstrap_in_memory
from posync.codecs.canonical_json import JsonCodec
from posync.connectors.clock import ManualClock
from posync.domain.documents import PurchaseOrder
from posync.web.app import create_app
from support.documents import make_plain_purchase_order

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

OrderJson = dict[str, Any]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def client(clock: ManualClock) -> Iterator[TestClient]:
    with TestClient(create_app(bootstrap_in_memory(clock=clock))) as client:
        yield client


@pytest.fixture
def order_json() -> Callable[..., OrderJson]:
    """Canonical JSON of a valid purchase order; arguments as ``make_plain_purchase_order``'s."""
    codec = JsonCodec(PurchaseOrder)

    def make(number: str = "PO-1001", lines: int = 2, **changes: object) -> OrderJson:
        return cast(OrderJson, codec.encode(make_plain_purchase_order(number, lines, **changes)))

    return make
