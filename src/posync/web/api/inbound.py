"""Inbound EDI over plain HTTP: a partner (or its VAN) posts an interchange as the body.

The body is kept in the document archive before anything is read from it,
and only then answered (202 Accepted): a 2xx means posync holds the bytes.
X12 and EDIFACT are told apart by their first bytes; the 997s, TA1s and
CONTRLs in the file mark the exchanges they answer (see ``posync edi
receive``). A body that is neither is kept all the same and answered with
what is wrong with it.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import APIRouter, Request

from posync.domain.errors import Problem
from posync.services.commands import InterchangeReceived, ReceiveInterchange
from posync.web.deps import Actor, ApplicationDep
from posync.web.errors import BodyTooLarge, InvalidRequest
from posync.web.openapi import answers

PATH = "/api/inbound"
LARGEST_BODY = 64 * 1024 * 1024
"""64 MiB: far above any interchange of orders, far below what hurts a worker."""

_RECEIVED: dict[str, Any] = {
    "type": "object",
    "properties": {
        "archive_sha256": {"type": "string"},
        "documents": {"type": "integer"},
        "rejected": {"type": "integer"},
        "unreadable": {"type": ["string", "null"]},
        "acknowledgements": {"type": "array", "items": {"type": "object"}},
    },
}


def inbound_routes() -> APIRouter:
    router = APIRouter(tags=["inbound"])
    router.add_api_route(
        PATH,
        receive,
        methods=["POST"],
        response_model=None,
        status_code=HTTPStatus.ACCEPTED,
        responses=answers(
            HTTPStatus.ACCEPTED,
            _RECEIVED,
            [HTTPStatus.UNPROCESSABLE_ENTITY, HTTPStatus.REQUEST_ENTITY_TOO_LARGE],
        ),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    media: {"schema": {"type": "string", "format": "binary"}}
                    for media in ("application/edi-x12", "application/edifact", "text/plain")
                },
            }
        },
        summary="Receive an X12 or EDIFACT interchange; kept before it is answered",
    )
    return router


async def receive(request: Request, application: ApplicationDep, actor: Actor) -> dict[str, Any]:
    data = await _body(request)
    client = request.client.host if request.client is not None else "unknown"
    received: InterchangeReceived = application.bus.handle(
        ReceiveInterchange(actor=actor, data=data, source=f"http from {client}")
    )
    return {
        "archive_sha256": received.archive_sha256,
        "documents": received.documents,
        "rejected": received.rejected,
        "unreadable": received.unreadable,
        "acknowledgements": [
            {
                "partner": applied.partner,
                "level": applied.level,
                "control_number": applied.control_number,
                "status": applied.status,
                "exchange": applied.exchange,
                "exchange_state": applied.exchange_state,
                "problem": applied.problem,
            }
            for applied in received.acknowledgements
        ],
    }


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > LARGEST_BODY:
        raise _too_large()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > LARGEST_BODY:
            raise _too_large()
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data.strip():
        raise InvalidRequest([Problem("body", "is empty: expected an X12 or EDIFACT interchange")])
    return data


def _too_large() -> BodyTooLarge:
    return BodyTooLarge(
        [Problem("body", f"is larger than {LARGEST_BODY} bytes, the most one interchange may be")]
    )
