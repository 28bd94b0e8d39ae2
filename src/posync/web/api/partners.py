"""Trading partners over HTTP: list, read, create or replace, and set or delete secrets.

A partner's JSON is the format of a partners file's ``[[partner]]`` table
(``posync.codecs.partner_data``). Views show secrets by name with whether
each is set; a secret's value goes in (``PUT .../secrets/{name}``) and never
comes out, not even in the answer to that request.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from http import HTTPStatus
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Header, Path, Request, Response

from posync.bootstrap import Application
from posync.codecs.partner_data import decode_partner, encode_partner, partner_json_schema
from posync.domain.errors import ConcurrentUpdate, NotFound, Problem
from posync.domain.partner_values import Secret
from posync.services.commands import (
    AddPartner,
    DeletePartnerSecret,
    SetPartnerSecret,
    UpdatePartner,
)
from posync.services.partner_queries import PartnerView
from posync.web.deps import Actor, ApplicationDep, parse_json
from posync.web.errors import InvalidRequest
from posync.web.openapi import answers, json_body, reference

PREFIX = "/api/partners"

PartnerId = Annotated[str, Path(description="The partner's id, e.g. acme.", max_length=40)]
SecretName = Annotated[str, Path(description="The secret's name, e.g. as2_key.", max_length=40)]
JsonObject = dict[str, Any]

_VERSION_TAG = re.compile(r'(?:W/)?"?(\d{1,9})"?')
_REFUSED = (HTTPStatus.NOT_FOUND, HTTPStatus.CONFLICT, HTTPStatus.UNPROCESSABLE_ENTITY)


def _expected_version(if_match: str | None) -> int | None:
    if if_match is None or if_match.strip() == "*":
        return None
    match = _VERSION_TAG.fullmatch(if_match.strip())
    if match is None:
        raise InvalidRequest(
            [Problem("If-Match", f'must be a version number like "3"; got {if_match!r}')]
        )
    return int(match.group(1))


def partner_routes() -> APIRouter:
    """The routing table of ``/api/partners``."""
    router = APIRouter(prefix=PREFIX, tags=["trading partners"])

    def route(path: str, endpoint: Callable[..., Any], method: str, **options: Any) -> None:
        router.add_api_route(path, endpoint, methods=[method], response_model=None, **options)

    view = reference("PartnerView")
    route(
        "",
        list_partners,
        "GET",
        responses=answers(HTTPStatus.OK, {"type": "object", "properties": {"items": {}}}),
        summary="List the trading partners by id",
    )
    route(
        "/{partner_id}",
        get_partner,
        "GET",
        responses=answers(HTTPStatus.OK, view, [HTTPStatus.NOT_FOUND]),
        summary="Read a trading partner",
    )
    route(
        "/{partner_id}",
        put_partner,
        "PUT",
        openapi_extra=json_body(reference("TradingPartner")),
        responses=answers(HTTPStatus.OK, view, _REFUSED),
        summary="Create a trading partner (201) or replace it (200, If-Match)",
    )
    route(
        "/{partner_id}/secrets/{name}",
        set_secret,
        "PUT",
        status_code=HTTPStatus.NO_CONTENT,
        openapi_extra=json_body(
            {
                "type": "object",
                "properties": {"value": {"type": "string", "minLength": 1}},
                "required": ["value"],
                "additionalProperties": False,
            }
        ),
        responses=answers(HTTPStatus.NO_CONTENT, {}, _REFUSED),
        summary="Store a partner's secret; its value is never shown again",
    )
    route(
        "/{partner_id}/secrets/{name}",
        delete_secret,
        "DELETE",
        status_code=HTTPStatus.NO_CONTENT,
        responses=answers(HTTPStatus.NO_CONTENT, {}, [HTTPStatus.NOT_FOUND]),
        summary="Forget a partner's secret",
    )
    return router


def partner_schemas() -> dict[str, Any]:
    """The JSON Schemas of a partner and of its view, for the OpenAPI document."""
    secret = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "is_set": {"type": "boolean"},
            "used": {"type": "boolean", "description": "whether the transport names it"},
        },
    }
    return {
        "TradingPartner": partner_json_schema(),
        "PartnerView": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "version": {"type": "integer"},
                "created_at": {"type": "string", "format": "date-time"},
                "updated_at": {"type": "string", "format": "date-time"},
                "secrets": {"type": "array", "items": secret},
                "partner": reference("TradingPartner"),
            },
        },
    }


def list_partners(application: ApplicationDep) -> JsonObject:
    return {"items": [_view(view) for view in application.partners.list()]}


def get_partner(
    partner_id: PartnerId, response: Response, application: ApplicationDep
) -> JsonObject:
    view = _partner(application, partner_id)
    response.headers["ETag"] = _entity_tag(view)
    return _view(view)


async def put_partner(
    partner_id: PartnerId,
    request: Request,
    response: Response,
    application: ApplicationDep,
    actor: Actor,
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description='The version a replacement is based on (the ETag, e.g. "3"); '
            "a replacement is refused with 409 if the partner has moved on.",
        ),
    ] = None,
) -> JsonObject:
    expected_version = _expected_version(if_match)
    partner = decode_partner(parse_json(await request.body()))
    if partner.id != partner_id:
        raise InvalidRequest(
            [Problem("id", f"must be {partner_id!r}, the id in the URL; got {partner.id!r}")],
            "request body",
        )
    if application.partners.get(partner_id) is None:
        if expected_version is not None:
            raise ConcurrentUpdate(
                f"partner {partner_id} does not exist; leave out If-Match to create it"
            )
        application.bus.handle(AddPartner(actor=actor, partner=partner))
        response.status_code = HTTPStatus.CREATED
        response.headers["Location"] = f"{PREFIX}/{quote(partner_id, safe='')}"
    else:
        application.bus.handle(
            UpdatePartner(actor=actor, partner=partner, expected_version=expected_version)
        )
    view = _partner(application, partner_id)
    response.headers["ETag"] = _entity_tag(view)
    return _view(view)


async def set_secret(
    partner_id: PartnerId,
    name: SecretName,
    request: Request,
    application: ApplicationDep,
    actor: Actor,
) -> Response:
    body = parse_json(await request.body())
    value = body.get("value") if isinstance(body, dict) else None
    if not isinstance(body, dict) or set(body) != {"value"} or not isinstance(value, str):
        raise InvalidRequest(
            [Problem("value", 'send {"value": "..."}: the secret as a string, and nothing else')],
            "request body",
        )
    application.bus.handle(
        SetPartnerSecret(actor=actor, partner_id=partner_id, name=name, value=Secret(value))
    )
    return Response(status_code=HTTPStatus.NO_CONTENT)


def delete_secret(
    partner_id: PartnerId, name: SecretName, application: ApplicationDep, actor: Actor
) -> Response:
    application.bus.handle(DeletePartnerSecret(actor=actor, partner_id=partner_id, name=name))
    return Response(status_code=HTTPStatus.NO_CONTENT)


def _partner(application: Application, partner_id: str) -> PartnerView:
    view = application.partners.get(partner_id)
    if view is None:
        raise NotFound(f"partner {partner_id} does not exist")
    return view


def _view(view: PartnerView) -> JsonObject:
    return {
        "id": view.partner.id,
        "version": view.version,
        "created_at": view.created_at.isoformat(),
        "updated_at": view.updated_at.isoformat(),
        "secrets": [{"name": s.name, "is_set": s.is_set, "used": s.used} for s in view.secrets],
        "partner": encode_partner(view.partner),
    }


def _entity_tag(view: PartnerView) -> str:
    """The partner's version as a weak ETag, to send back in ``If-Match``."""
    return f'W/"{view.version}"'
