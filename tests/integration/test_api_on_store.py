"""The API on the real store: what goes in comes back exactly, on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from posync.bootstrap import bootstrap
from posync.config import Settings
from posync.web.app import create_app


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    application = bootstrap(settings)
    with TestClient(create_app(application)) as test_client:
        yield test_client
    application.close()


def _order(quantity: str, price: str, *, note: str | None = None) -> dict[str, Any]:
    return {
        "number": "PO-EXACT-1",
        "order_date": "2026-11-20",
        "buyer": {"name": "Northwind Manufacturing"},
        "supplier": {"name": "ACME Industrial Supply"},
        "currency": "USD",
        "notes": [note] if note else [],
        "lines": [
            {
                "line_number": 1,
                "buyer_item": "BOLT-M8",
                "quantity": quantity,
                "unit_of_measure": "EA",
                "unit_price": price,
            }
        ],
    }


def test_extreme_money_and_quantity_round_trip_exactly(client: TestClient) -> None:
    created = client.post("/api/purchase-orders", json=_order("0.0001", "12345678901234.5678"))
    assert created.status_code == 201, created.text

    fetched = client.get("/api/purchase-orders/PO-EXACT-1")

    assert fetched.status_code == 200
    line = fetched.json()["document"]["lines"][0]
    assert line["quantity"] == "0.0001"
    assert line["unit_price"] == "12345678901234.5678"
    assert fetched.json()["total_amount"] == "1234567890.12345678"


def test_a_float_in_a_money_field_is_refused_naming_the_field(client: TestClient) -> None:
    body = _order("5", "1")
    body["lines"][0]["unit_price"] = 12.5

    response = client.post("/api/purchase-orders", json=body)

    assert response.status_code == 422
    fields = [problem["field"] for problem in response.json()["problems"]]
    assert fields == ["lines[0].unit_price"]
    assert client.get("/api/purchase-orders/PO-EXACT-1").status_code == 404


def test_three_updates_show_revisions_one_to_three_with_their_diffs(client: TestClient) -> None:
    assert client.post("/api/purchase-orders", json=_order("10", "2.50")).status_code == 201
    for quantity in ("11", "12", "13"):
        response = client.put("/api/purchase-orders/PO-EXACT-1", json=_order(quantity, "2.50"))
        assert response.status_code == 200, response.text

    revisions = client.get("/api/purchase-orders/PO-EXACT-1/revisions").json()

    assert [r["revision"] for r in revisions] == [0, 1, 2, 3]
    quantities = [
        (change["before"], change["after"])
        for revision in revisions[1:]
        for line in revision["diff"]["lines"]
        for change in line["changes"]
        if change["field"] == "quantity"
    ]
    assert quantities == [("10", "11"), ("11", "12"), ("12", "13")]
    timeline = client.get("/api/purchase-orders/PO-EXACT-1/timeline").json()
    assert [entry["event_type"] for entry in timeline] == [
        "PurchaseOrderCreated",
        *["PurchaseOrderRevised"] * 3,
    ]
