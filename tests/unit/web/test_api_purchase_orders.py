"""Creating, reading and listing purchase orders over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from posync.connectors.clock import ManualClock

OrderJson = dict[str, Any]
MakeOrder = Callable[..., OrderJson]


def test_a_created_order_answers_201_with_its_view_and_location(
    client: TestClient, order_json: MakeOrder
) -> None:
    sent = order_json("PO-1001")

    response = client.post("/api/purchase-orders", json=sent)

    assert response.status_code == 201
    assert response.headers["Location"] == "/api/purchase-orders/PO-1001"
    view = response.json()
    assert view["number"] == "PO-1001"
    assert view["revision"] == 0
    assert view["status"] == "draft"
    assert view["total_amount"] == "50.00"
    assert view["created_at"] == "2026-03-02T09:00:00+00:00"
    assert view["document"] == sent


def test_a_created_order_reads_back_as_it_was_sent(
    client: TestClient, order_json: MakeOrder
) -> None:
    sent = order_json("PO-1001")
    location = client.post("/api/purchase-orders", json=sent).headers["Location"]

    response = client.get(location)

    assert response.status_code == 200
    assert response.headers["ETag"] == 'W/"0"'
    assert response.json()["document"] == sent


def test_an_imported_order_may_start_in_another_status(
    client: TestClient, order_json: MakeOrder
) -> None:
    response = client.post("/api/purchase-orders?status=sent", json=order_json())

    assert response.status_code == 201
    assert client.get("/api/purchase-orders/PO-1001").json()["status"] == "sent"


def test_creating_an_existing_number_again_is_a_conflict(
    client: TestClient, order_json: MakeOrder
) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1001"))

    response = client.post("/api/purchase-orders", json=order_json("PO-1001", lines=3))

    assert response.status_code == 409
    assert "PO-1001 exists already" in response.json()["detail"]
    assert len(client.get("/api/purchase-orders/PO-1001").json()["document"]["lines"]) == 2


def test_an_unknown_order_is_404(client: TestClient) -> None:
    response = client.get("/api/purchase-orders/PO-404")

    assert response.status_code == 404
    assert response.json() == {"detail": "purchase order PO-404 does not exist"}


def test_extreme_amounts_and_quantities_round_trip_exactly(
    client: TestClient, order_json: MakeOrder
) -> None:
    sent = order_json("PO-1001", lines=1)
    sent["lines"][0]["unit_price"] = "12345678901234.5678"
    sent["lines"][0]["quantity"] = "0.0001"

    created = client.post("/api/purchase-orders", json=sent)
    read = client.get("/api/purchase-orders/PO-1001").json()

    assert created.status_code == 201
    line = read["document"]["lines"][0]
    assert line["unit_price"] == "12345678901234.5678"
    assert line["quantity"] == "0.0001"
    assert read["total_amount"] == "1234567890.12345678"


def test_the_actor_header_is_recorded_and_defaults_to_api(
    client: TestClient, order_json: MakeOrder
) -> None:
    client.post(
        "/api/purchase-orders", json=order_json("PO-1"), headers={"X-Posync-Actor": "maria"}
    )
    client.post("/api/purchase-orders", json=order_json("PO-2"))

    first = client.get("/api/purchase-orders/PO-1/revisions").json()
    second = client.get("/api/purchase-orders/PO-2/revisions").json()

    assert first[0]["actor"] == "maria"
    assert second[0]["actor"] == "api"


def test_the_list_shows_the_most_recently_changed_first_with_the_total(
    client: TestClient, order_json: MakeOrder, clock: ManualClock
) -> None:
    for number in ("PO-1", "PO-2", "PO-3"):
        client.post("/api/purchase-orders", json=order_json(number))
        clock.advance(timedelta(minutes=5))

    page = client.get("/api/purchase-orders").json()

    assert [item["number"] for item in page["items"]] == ["PO-3", "PO-2", "PO-1"]
    assert page["total"] == 3
    assert (page["limit"], page["offset"]) == (50, 0)
    assert page["items"][0] == {
        "number": "PO-3",
        "revision": 0,
        "status": "draft",
        "supplier": "ACME Industrial Supply",
        "currency": "USD",
        "total_amount": "50.00",
        "line_count": 2,
        "updated_at": "2026-03-02T09:10:00+00:00",
    }


def test_the_list_pages_with_limit_and_offset(
    client: TestClient, order_json: MakeOrder, clock: ManualClock
) -> None:
    for number in ("PO-1", "PO-2", "PO-3"):
        client.post("/api/purchase-orders", json=order_json(number))
        clock.advance(timedelta(minutes=5))

    page = client.get("/api/purchase-orders", params={"limit": 2, "offset": 2}).json()

    assert [item["number"] for item in page["items"]] == ["PO-1"]
    assert (page["total"], page["limit"], page["offset"]) == (3, 2, 2)


def test_the_list_filters_by_status_and_supplier(client: TestClient, order_json: MakeOrder) -> None:
    globex = {"name": "Globex Components", "identifiers": [], "address": None, "contact": None}
    client.post("/api/purchase-orders", json=order_json("PO-1"))
    client.post("/api/purchase-orders", json=order_json("PO-2") | {"supplier": globex})
    client.post("/api/purchase-orders?status=sent", json=order_json("PO-3"))

    by_supplier = client.get("/api/purchase-orders", params={"supplier": "Globex Components"})
    by_status = client.get("/api/purchase-orders", params={"status": "sent"})

    assert [item["number"] for item in by_supplier.json()["items"]] == ["PO-2"]
    assert by_supplier.json()["total"] == 1
    assert [item["number"] for item in by_status.json()["items"]] == ["PO-3"]


def test_a_page_limit_outside_1_to_500_is_refused_naming_limit(client: TestClient) -> None:
    for limit in (0, 501):
        response = client.get("/api/purchase-orders", params={"limit": limit})

        assert response.status_code == 422
        assert [problem["field"] for problem in response.json()["problems"]] == ["limit"]
