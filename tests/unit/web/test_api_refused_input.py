"""Input the API refuses, each with a 422 naming the field and what is expected."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

OrderJson = dict[str, Any]
MakeOrder = Callable[..., OrderJson]


def _fields(response: Any) -> list[str]:
    return [problem["field"] for problem in response.json()["problems"]]


def test_a_float_in_a_money_field_is_refused_naming_the_field(
    client: TestClient, order_json: MakeOrder
) -> None:
    sent = order_json()
    sent["lines"][0]["unit_price"] = 12.5

    response = client.post("/api/purchase-orders", json=sent)

    assert response.status_code == 422
    body = response.json()
    assert _fields(response) == ["lines[0].unit_price"]
    assert "written as a string" in body["problems"][0]["message"]
    assert "lines[0].unit_price" in body["detail"]
    assert client.get("/api/purchase-orders/PO-1001").status_code == 404


def test_a_float_quantity_is_refused_even_when_it_looks_whole(
    client: TestClient, order_json: MakeOrder
) -> None:
    sent = order_json()
    sent["lines"][1]["quantity"] = 10.0

    response = client.post("/api/purchase-orders", json=sent)

    assert response.status_code == 422
    assert _fields(response) == ["lines[1].quantity"]


def test_an_unknown_field_is_refused_naming_it(client: TestClient, order_json: MakeOrder) -> None:
    sent = order_json()
    sent["colour"] = "blue"
    sent["lines"][0]["discount"] = "5"

    response = client.post("/api/purchase-orders", json=sent)

    assert response.status_code == 422
    assert sorted(_fields(response)) == ["colour", "lines[0].discount"]


def test_a_document_breaking_a_rule_is_refused_naming_the_field(
    client: TestClient, order_json: MakeOrder
) -> None:
    response = client.post("/api/purchase-orders", json=order_json(currency="usd"))

    assert response.status_code == 422
    assert _fields(response) == ["currency"]
    assert "ISO 4217" in response.json()["problems"][0]["message"]


def test_malformed_json_is_refused_with_a_clear_message(client: TestClient) -> None:
    response = client.post(
        "/api/purchase-orders",
        content=b'{"number": "PO-1",',
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 422
    assert "is not valid JSON" in response.json()["detail"]


def test_an_empty_body_is_refused(client: TestClient) -> None:
    response = client.post("/api/purchase-orders", content=b"")

    assert response.status_code == 422
    assert response.json()["detail"] == "invalid request body: is empty; send a JSON document"


def test_a_body_that_is_not_an_object_is_refused(client: TestClient) -> None:
    response = client.post("/api/purchase-orders", content=json.dumps(["PO-1"]))

    assert response.status_code == 422
    assert "must be an object" in response.json()["detail"]


def test_replacing_with_another_number_is_refused_naming_number(
    client: TestClient, order_json: MakeOrder
) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1"))

    response = client.put("/api/purchase-orders/PO-1", json=order_json("PO-2"))

    assert response.status_code == 422
    assert _fields(response) == ["number"]
    assert "'PO-1'" in response.json()["problems"][0]["message"]


def test_an_unknown_initial_status_is_refused_naming_status(
    client: TestClient, order_json: MakeOrder
) -> None:
    response = client.post("/api/purchase-orders?status=lost", json=order_json())

    assert response.status_code == 422
    assert _fields(response) == ["status"]
    assert "(in the query)" in response.json()["problems"][0]["message"]


def test_an_if_match_that_is_no_revision_is_refused(
    client: TestClient, order_json: MakeOrder
) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1"))

    response = client.put(
        "/api/purchase-orders/PO-1", json=order_json("PO-1"), headers={"If-Match": "yesterday"}
    )

    assert response.status_code == 422
    assert _fields(response) == ["If-Match"]
