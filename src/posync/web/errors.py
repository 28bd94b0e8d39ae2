"""HTTP answers for posync's errors: one status per family of the error hierarchy.

Every error body has a ``detail`` sentence; errors about input also list
``problems``, each naming its ``field`` and what is wrong with it::

    {"detail": "invalid PurchaseOrder: lines[0].unit_price: ...",
     "problems": [{"field": "lines[0].unit_price", "message": "..."}]}

FastAPI's own checks of query parameters, headers and small bodies answer
in the same shape.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Iterable, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from posync.domain.errors import (
    AlreadyExists,
    ConcurrentUpdate,
    DomainRuleViolated,
    InvalidDocument,
    NotFound,
    PosyncError,
    Problem,
)

logger = logging.getLogger(__name__)

ErrorHandler = Callable[[Request, Any], Coroutine[Any, Any, Response]]


class InvalidRequest(InvalidDocument):
    """A request whose body, headers or parameters cannot be used as they are."""

    def __init__(self, problems: Iterable[Problem], part: str = "request") -> None:
        super().__init__(part, problems)


class BodyTooLarge(InvalidRequest):
    """A request body larger than the route takes."""


STATUS_BY_ERROR: tuple[tuple[type[PosyncError], HTTPStatus], ...] = (
    (BodyTooLarge, HTTPStatus.REQUEST_ENTITY_TOO_LARGE),
    (InvalidDocument, HTTPStatus.UNPROCESSABLE_ENTITY),
    (NotFound, HTTPStatus.NOT_FOUND),
    (AlreadyExists, HTTPStatus.CONFLICT),
    (ConcurrentUpdate, HTTPStatus.CONFLICT),
    (DomainRuleViolated, HTTPStatus.CONFLICT),
)

# Where FastAPI found a parameter; the field path a client sees comes after it.
_PARAMETER_SOURCES = frozenset({"body", "query", "path", "header", "cookie"})


def error_handlers() -> dict[int | type[Exception], ErrorHandler]:
    """The handlers to give ``FastAPI(exception_handlers=...)``."""
    return {
        PosyncError: posync_error_response,
        RequestValidationError: request_validation_response,
    }


def status_for(error: PosyncError) -> HTTPStatus:
    """The HTTP status of an error: that of the first family in ``STATUS_BY_ERROR`` it is in."""
    for family, status in STATUS_BY_ERROR:
        if isinstance(error, family):
            return status
    return HTTPStatus.INTERNAL_SERVER_ERROR


async def posync_error_response(request: Request, error: PosyncError) -> Response:
    status = status_for(error)
    if status is HTTPStatus.INTERNAL_SERVER_ERROR:
        logger.error("%s %s failed: %s", request.method, request.url.path, error)
    problems = error.problems if isinstance(error, InvalidDocument) else None
    return error_response(status, str(error), problems)


async def request_validation_response(request: Request, error: RequestValidationError) -> Response:
    problems = [_problem_of(item) for item in error.errors()]
    listed = "; ".join(str(problem) for problem in problems)
    return error_response(HTTPStatus.UNPROCESSABLE_ENTITY, f"invalid request: {listed}", problems)


def error_response(
    status: HTTPStatus, detail: str, problems: Sequence[Problem] | None = None
) -> JSONResponse:
    body: dict[str, Any] = {"detail": detail}
    if problems is not None:
        body["problems"] = [
            {"field": problem.field, "message": problem.message} for problem in problems
        ]
    return JSONResponse(body, status_code=status)


def _problem_of(item: Any) -> Problem:
    """A pydantic error item (``loc``, ``msg``) as a Problem with a field path like ``a[0].b``."""
    if item.get("type") == "json_invalid":  # its loc holds a character offset, not a field
        reason = item.get("ctx", {}).get("error", "malformed")
        return Problem("", f"is not valid JSON: {reason} (at character {item['loc'][-1]})")
    location = list(item.get("loc", ()))
    source = ""
    if location and location[0] in _PARAMETER_SOURCES:
        source = str(location.pop(0))
    field = ""
    for part in location:
        if isinstance(part, int):
            field += f"[{part}]"
        else:
            field = f"{field}.{part}" if field else str(part)
    message = str(item.get("msg", "is not valid"))
    if source not in ("", "body"):
        message = f"{message} (in the {source})"
    return Problem(field, message)
