"""Liveness: whether the server answers, and which posync it is."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import APIRouter

import posync
from posync.web.openapi import answers, reference
from posync.web.representations import JsonObject


def health_routes() -> APIRouter:
    router = APIRouter(tags=["health"])
    router.add_api_route(
        "/health",
        health,
        methods=["GET"],
        response_model=None,
        responses=answers(HTTPStatus.OK, reference("Health")),
        summary="Check that the server answers",
    )
    return router


def health() -> JsonObject:
    return {"status": "ok", "version": posync.__version__}
