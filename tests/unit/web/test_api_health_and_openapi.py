"""The health check and the OpenAPI document."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

import posync


def test_health_answers_ok_with_the_version(client: TestClient) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": posync.__version__}


def test_openapi_publishes_the_purchase_order_schema(client: TestClient) -> None:
    document = client.get("/openapi.json").json()

    schemas = document["components"]["schemas"]
    order = schemas["PurchaseOrder"]
    assert {"number", "order_date", "buyer", "supplier", "currency", "lines"} <= set(
        order["required"]
    )
    assert order["additionalProperties"] is False
    unit_price = schemas["PurchaseOrderLine"]["properties"]["unit_price"]
    assert unit_price["anyOf"][0]["pattern"] == r"^-?[0-9]+(\.[0-9]+)?$"


def test_openapi_documents_the_request_bodies_read_by_the_codec(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    for method, path in [
        ("post", "/api/purchase-orders"),
        ("put", "/api/purchase-orders/{number}"),
    ]:
        body = paths[path][method]["requestBody"]
        assert body["required"] is True
        assert body["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/PurchaseOrder"
        }
    assert "422" in paths["/api/purchase-orders"]["post"]["responses"]


def test_every_reference_in_the_openapi_document_resolves(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    schemas = document["components"]["schemas"]

    references = list(_references(document))

    assert "#/components/schemas/PurchaseOrderView" in references
    unresolved = {
        ref for ref in references if ref.removeprefix("#/components/schemas/") not in schemas
    }
    assert unresolved == set()


def test_the_interactive_documentation_is_served(client: TestClient) -> None:
    response = client.get("/docs")

    assert response.status_code == 200
    assert "/openapi.json" in response.text


def _references(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [ref for value in node.values() for ref in _references(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _references(item)]
    return []
