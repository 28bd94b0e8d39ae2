"""Trading partners over HTTP: create, replace with If-Match, read, secrets in but never out."""

from __future__ import annotations

from fastapi.testclient import TestClient

from support.partner_documents import make_edifact_partner, partner_json


def test_a_partner_is_created_then_read_back(client: TestClient) -> None:
    sent = partner_json()

    created = client.put("/api/partners/acme", json=sent)
    read = client.get("/api/partners/acme")

    assert created.status_code == 201
    assert created.headers["Location"] == "/api/partners/acme"
    assert read.status_code == 200
    assert read.headers["ETag"] == 'W/"1"'
    view = read.json()
    assert view["partner"] == sent
    assert view["version"] == 1
    assert view["created_at"] == "2026-03-02T09:00:00+00:00"
    assert view["secrets"] == [{"name": "http_password", "is_set": False, "used": True}]


def test_a_replacement_honours_if_match(client: TestClient) -> None:
    client.put("/api/partners/acme", json=partner_json())
    changed = partner_json() | {"name": "ACME Supply"}

    replaced = client.put("/api/partners/acme", json=changed, headers={"If-Match": 'W/"1"'})
    stale = client.put("/api/partners/acme", json=partner_json(), headers={"If-Match": '"1"'})
    unchanged = client.put("/api/partners/acme", json=changed)

    assert replaced.status_code == 200
    assert replaced.json()["version"] == 2
    assert replaced.headers["ETag"] == 'W/"2"'
    assert stale.status_code == 409
    assert "at version 2, not 1" in stale.json()["detail"]
    assert unchanged.json()["version"] == 2


def test_if_match_on_a_partner_that_does_not_exist_is_a_conflict(client: TestClient) -> None:
    response = client.put("/api/partners/acme", json=partner_json(), headers={"If-Match": '"1"'})

    assert response.status_code == 409
    assert client.get("/api/partners/acme").status_code == 404


def test_a_bad_field_answers_422_naming_it(client: TestClient) -> None:
    sent = partner_json()
    sent["their_identity"]["qualifier"] = "ZZZZ"
    sent["version"] = "D96A"

    response = client.put("/api/partners/acme", json=sent)

    assert response.status_code == 422
    fields = {p["field"]: p["message"] for p in response.json()["problems"]}
    assert "2 letters or digits" in fields["their_identity.qualifier"]
    assert "X12 version" in fields["version"]


def test_shapes_that_are_not_a_partner_answer_422(client: TestClient) -> None:
    unknown_standard = partner_json() | {"standard": "x13"}
    other_id = partner_json() | {"id": "globex"}

    responses = [
        client.put("/api/partners/acme", json=unknown_standard),
        client.put("/api/partners/acme", json=other_id),
        client.put("/api/partners/acme", content=b"{nope"),
        client.put("/api/partners/acme", json=partner_json(), headers={"If-Match": "three"}),
    ]

    assert [r.status_code for r in responses] == [422] * 4
    assert responses[0].json()["problems"][0]["field"] == "standard"
    assert responses[1].json()["problems"][0]["field"] == "id"
    assert responses[3].json()["problems"][0]["field"] == "If-Match"


def test_an_unknown_partner_is_404(client: TestClient) -> None:
    response = client.get("/api/partners/nobody")

    assert response.status_code == 404
    assert response.json()["detail"] == "partner nobody does not exist"


def test_partners_are_listed_by_id(client: TestClient) -> None:
    client.put("/api/partners/eurodis", json=partner_json(make_edifact_partner()))
    client.put("/api/partners/acme", json=partner_json())

    items = client.get("/api/partners").json()["items"]

    assert [item["id"] for item in items] == ["acme", "eurodis"]


def test_a_secret_goes_in_with_204_and_shows_as_set(client: TestClient) -> None:
    client.put("/api/partners/acme", json=partner_json())

    stored = client.put("/api/partners/acme/secrets/http_password", json={"value": "pa55-word"})
    view = client.get("/api/partners/acme").json()
    deleted = client.delete("/api/partners/acme/secrets/http_password")
    deleted_again = client.delete("/api/partners/acme/secrets/http_password")

    assert stored.status_code == 204
    assert stored.content == b""
    assert view["secrets"] == [{"name": "http_password", "is_set": True, "used": True}]
    assert deleted.status_code == 204
    assert deleted_again.status_code == 404


def test_a_secret_for_nobody_or_of_the_wrong_shape_is_refused(client: TestClient) -> None:
    client.put("/api/partners/acme", json=partner_json())

    unknown = client.put("/api/partners/nobody/secrets/key", json={"value": "x"})
    bad_name = client.put("/api/partners/acme/secrets/Key", json={"value": "x"})
    empty = client.put("/api/partners/acme/secrets/key", json={"value": ""})
    not_text = client.put("/api/partners/acme/secrets/key", json={"value": 12})

    assert unknown.status_code == 404
    assert [r.status_code for r in (bad_name, empty, not_text)] == [422] * 3
    assert bad_name.json()["problems"][0]["field"] == "name"
    assert empty.json()["problems"][0]["field"] == "value"


def test_the_openapi_document_describes_the_partner(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]

    assert "transport" in schemas["TradingPartner"]["properties"]
    assert "secrets" in schemas["PartnerView"]["properties"]
