"""Moving a purchase order along its lifecycle, and the timeline of what happened."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from posync.connectors.clock import ManualClock

OrderJson = dict[str, Any]
MakeOrder = Callable[..., OrderJson]


def test_allowed_transitions_move_the_status(client: TestClient, order_json: MakeOrder) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1"))

    answers = [
        client.post("/api/purchase-orders/PO-1/status", json={"status": status})
        for status in ("approved", "pending_submission", "sent")
    ]

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert [answer.json()["status"] for answer in answers] == [
        "approved",
        "pending_submission",
        "sent",
    ]
    assert client.get("/api/purchase-orders/PO-1").json()["status"] == "sent"


def test_a_transition_the_lifecycle_forbids_is_a_conflict(
    client: TestClient, order_json: MakeOrder
) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1"))

    response = client.post("/api/purchase-orders/PO-1/status", json={"status": "shipped"})

    assert response.status_code == 409
    assert "cannot go from draft to shipped" in response.json()["detail"]
    assert client.get("/api/purchase-orders/PO-1").json()["status"] == "draft"


def test_an_unknown_status_is_refused_naming_status(
    client: TestClient, order_json: MakeOrder
) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1"))

    response = client.post("/api/purchase-orders/PO-1/status", json={"status": "lost"})

    assert response.status_code == 422
    assert [problem["field"] for problem in response.json()["problems"]] == ["status"]


def test_a_status_change_that_is_not_json_is_refused_clearly(
    client: TestClient, order_json: MakeOrder
) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1"))

    response = client.post(
        "/api/purchase-orders/PO-1/status",
        content=b'{"status": approved}',
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == ""
    assert "is not valid JSON" in response.json()["detail"]


def test_changing_the_status_of_an_unknown_order_is_404(client: TestClient) -> None:
    response = client.post("/api/purchase-orders/PO-9/status", json={"status": "approved"})

    assert response.status_code == 404


def test_a_cancelled_order_can_no_longer_be_revised(
    client: TestClient, order_json: MakeOrder
) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1"))
    client.post("/api/purchase-orders/PO-1/status", json={"status": "cancelled"})
    changed = order_json("PO-1")
    changed["lines"][0]["quantity"] = "11"

    response = client.put("/api/purchase-orders/PO-1", json=changed)

    assert response.status_code == 409
    assert "can no longer change" in response.json()["detail"]


def test_the_timeline_lists_events_oldest_first_with_their_content(
    client: TestClient, order_json: MakeOrder, clock: ManualClock
) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1"))
    client.post("/api/purchase-orders", json=order_json("PO-2"))
    clock.advance(timedelta(minutes=1))
    changed = order_json("PO-1")
    changed["lines"][0]["unit_price"] = "2.75"
    client.put("/api/purchase-orders/PO-1", json=changed)
    clock.advance(timedelta(minutes=1))
    client.post(
        "/api/purchase-orders/PO-1/status",
        json={"status": "approved", "reason": "within budget"},
        headers={"X-Posync-Actor": "maria"},
    )

    timeline = client.get("/api/purchase-orders/PO-1/timeline").json()

    assert [entry["event_type"] for entry in timeline] == [
        "PurchaseOrderCreated",
        "PurchaseOrderRevised",
        "PurchaseOrderStatusChanged",
    ]
    sequences = [entry["sequence"] for entry in timeline]
    assert sequences == sorted(sequences)
    assert len(set(sequences)) == 3
    assert timeline[2]["recorded_at"] == "2026-03-02T09:02:00+00:00"
    assert timeline[0]["event"]["total_amount"] == "50.00"
    assert timeline[1]["event"]["diff"]["lines"][0]["changes"] == [
        {"field": "unit_price", "before": "2.50", "after": "2.75"}
    ]
    assert timeline[2]["event"] | {"occurred_at": None} == {
        "purchase_order_number": "PO-1",
        "occurred_at": None,
        "actor": "maria",
        "from_status": "draft",
        "to_status": "approved",
        "reason": "within budget",
    }


def test_the_timeline_of_an_unknown_order_is_404(client: TestClient) -> None:
    assert client.get("/api/purchase-orders/PO-9/timeline").status_code == 404
