"""The OpenAPI document: FastAPI's own, plus the JSON Schemas FastAPI cannot know.

Purchase orders are read and written by the canonical JSON codec, not by
pydantic, so their schemas (and those of the views around them) are written
here and published under ``#/components/schemas/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI

from posync.codecs.canonical_json import Schema
from posync.domain.lifecycle import OrderStatus

COMPONENTS = "#/components/schemas/"


def publish_schemas(app: FastAPI, schemas: Mapping[str, Schema]) -> None:
    """Add ``schemas`` to the components of the app's OpenAPI document."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            document.setdefault("components", {}).setdefault("schemas", {}).update(schemas)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented extension point


def reference(name: str) -> Schema:
    return {"$ref": f"{COMPONENTS}{name}"}


def json_body(schema: Schema) -> dict[str, Any]:
    """``openapi_extra`` for a route that reads its JSON body itself."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def answers(
    status: HTTPStatus, schema: Schema, errors: Iterable[HTTPStatus] = ()
) -> dict[int | str, dict[str, Any]]:
    """``responses`` for a route: its success body and its error answers."""
    documented: dict[int | str, dict[str, Any]] = {
        status.value: {"content": {"application/json": {"schema": schema}}}
    }
    for error in errors:
        documented[error.value] = {
            "description": error.phrase,
            "content": {"application/json": {"schema": reference("ErrorBody")}},
        }
    return documented


def view_schemas() -> dict[str, Schema]:
    """JSON Schemas of the API's own views (the documents come from the codecs)."""
    moment = {"type": "string", "format": "date-time"}
    amount = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}
    status = {"type": "string", "enum": [member.value for member in OrderStatus]}
    return {
        "Health": _object(status={"type": "string"}, version={"type": "string"}),
        "PurchaseOrderView": _object(
            number={"type": "string"},
            revision={"type": "integer"},
            status=status,
            created_at=moment,
            updated_at=moment,
            total_amount=amount,
            document=reference("PurchaseOrder"),
        ),
        "PurchaseOrderSummary": _object(
            number={"type": "string"},
            revision={"type": "integer"},
            status=status,
            supplier={"type": "string"},
            currency={"type": "string"},
            total_amount=amount,
            line_count={"type": "integer"},
            updated_at=moment,
        ),
        "PurchaseOrderPage": _object(
            items={"type": "array", "items": reference("PurchaseOrderSummary")},
            total={"type": "integer"},
            limit={"type": "integer"},
            offset={"type": "integer"},
        ),
        "RevisionView": _object(
            revision={"type": "integer"},
            created_at=moment,
            actor={"type": "string"},
            reason={"anyOf": [{"type": "string"}, {"type": "null"}]},
            diff=reference("OrderDiff"),
            document=reference("PurchaseOrder"),
            optional=("document",),
        ),
        "TimelineEntryView": _object(
            sequence={"type": "integer"},
            event_type={"type": "string"},
            recorded_at=moment,
            event={"type": "object", "description": "The event in canonical JSON."},
        ),
        "Problem": _object(field={"type": "string"}, message={"type": "string"}),
        "ErrorBody": _object(
            detail={"type": "string"},
            problems={"type": "array", "items": reference("Problem")},
            optional=("problems",),
        ),
    }


def _object(*, optional: tuple[str, ...] = (), **properties: Schema) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
    }
