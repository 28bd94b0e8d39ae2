"""Replacing a purchase order: revisions, their diffs, and lost-update protection."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from posync.connectors.clock import ManualClock

OrderJson = dict[str, Any]
MakeOrder = Callable[..., OrderJson]


@pytest.fixture
def revised_three_times(
    client: TestClient, order_json: MakeOrder, clock: ManualClock
) -> list[dict[str, Any]]:
    """PO-1 created, then a quantity changed, a line added and a line removed."""
    document = order_json("PO-1", lines=2)
    client.post("/api/purchase-orders", json=document)
    more = order_json("PO-1", lines=3)
    document["lines"][0]["quantity"] = "12"
    answers = []
    for change in (
        lambda: None,
        lambda: document["lines"].append(more["lines"][2]),
        lambda: document["lines"].pop(1),
    ):
        change()
        clock.advance(timedelta(hours=1))
        response = client.put(
            "/api/purchase-orders/PO-1", json=document, params={"reason": "buyer change"}
        )
        assert response.status_code == 200
        answers.append(response.json())
    return answers


def test_each_change_makes_the_next_revision(revised_three_times: list[dict[str, Any]]) -> None:
    assert [answer["revision"] for answer in revised_three_times] == [1, 2, 3]
    assert [len(answer["document"]["lines"]) for answer in revised_three_times] == [2, 3, 2]
    assert revised_three_times[-1]["updated_at"] == "2026-03-02T12:00:00+00:00"


def test_every_revision_is_listed_with_its_line_diff(
    client: TestClient, revised_three_times: list[dict[str, Any]]
) -> None:
    revisions = client.get("/api/purchase-orders/PO-1/revisions").json()

    assert [revision["revision"] for revision in revisions] == [0, 1, 2, 3]
    assert [revision["reason"] for revision in revisions] == [
        "created",
        "buyer change",
        "buyer change",
        "buyer change",
    ]
    assert revisions[1]["diff"] == {
        "header": [],
        "lines": [
            {
                "line_number": 1,
                "kind": "changed",
                "changes": [{"field": "quantity", "before": "10", "after": "12"}],
            }
        ],
    }
    assert [(line["line_number"], line["kind"]) for line in revisions[2]["diff"]["lines"]] == [
        (3, "added")
    ]
    assert [(line["line_number"], line["kind"]) for line in revisions[3]["diff"]["lines"]] == [
        (2, "removed")
    ]
    assert "document" not in revisions[0]


def test_one_revision_is_read_with_its_document(
    client: TestClient, revised_three_times: list[dict[str, Any]]
) -> None:
    original = client.get("/api/purchase-orders/PO-1/revisions/0").json()
    first = client.get("/api/purchase-orders/PO-1/revisions/1").json()

    assert original["document"]["lines"][0]["quantity"] == "10"
    assert first["document"]["lines"][0]["quantity"] == "12"
    assert first["document"]["revision"] == 1


def test_a_revision_that_does_not_exist_is_404(
    client: TestClient, revised_three_times: list[dict[str, Any]]
) -> None:
    response = client.get("/api/purchase-orders/PO-1/revisions/4")

    assert response.status_code == 404
    assert response.json()["detail"] == "purchase order PO-1 has no revision 4"


def test_replacing_with_the_same_content_makes_no_revision(
    client: TestClient, order_json: MakeOrder
) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1"))

    response = client.put("/api/purchase-orders/PO-1", json=order_json("PO-1"))

    assert response.status_code == 200
    assert response.json()["revision"] == 0
    assert len(client.get("/api/purchase-orders/PO-1/revisions").json()) == 1


def test_a_stale_if_match_is_a_conflict_and_changes_nothing(
    client: TestClient, order_json: MakeOrder
) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1"))
    changed = order_json("PO-1")
    changed["lines"][0]["quantity"] = "11"
    client.put("/api/purchase-orders/PO-1", json=changed, headers={"If-Match": 'W/"0"'})
    stale = order_json("PO-1")
    stale["lines"][0]["quantity"] = "99"

    response = client.put("/api/purchase-orders/PO-1", json=stale, headers={"If-Match": '"0"'})

    assert response.status_code == 409
    assert "at revision 1, not 0" in response.json()["detail"]
    current = client.get("/api/purchase-orders/PO-1").json()
    assert current["revision"] == 1
    assert current["document"]["lines"][0]["quantity"] == "11"


def test_the_etag_of_a_read_is_accepted_as_if_match(
    client: TestClient, order_json: MakeOrder
) -> None:
    client.post("/api/purchase-orders", json=order_json("PO-1"))
    etag = client.get("/api/purchase-orders/PO-1").headers["ETag"]
    changed = order_json("PO-1")
    changed["lines"][0]["quantity"] = "11"

    response = client.put("/api/purchase-orders/PO-1", json=changed, headers={"If-Match": etag})

    assert response.status_code == 200
    assert response.headers["ETag"] == 'W/"1"'


def test_replacing_an_unknown_order_is_404(client: TestClient, order_json: MakeOrder) -> None:
    response = client.put("/api/purchase-orders/PO-9", json=order_json("PO-9"))

    assert response.status_code == 404
    assert client.get("/api/purchase-orders/PO-9").status_code == 404
