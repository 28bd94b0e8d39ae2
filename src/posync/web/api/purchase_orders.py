"""Purchase orders over HTTP: create, read, list, replace, move through the lifecycle.

Each route parses its input, hands one command to the bus or asks the
queries, and answers with a view from ``Representations``. Bodies holding a
purchase order are canonical JSON (see ``posync.web.deps``).
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from posync.bootstrap import Application
from posync.domain.errors import NotFound, Problem
from posync.domain.lifecycle import OrderStatus
from posync.services.commands import (
    ChangePurchaseOrderStatus,
    CreatePurchaseOrder,
    UpdatePurchaseOrder,
)
from posync.services.queries import PurchaseOrderFilter, PurchaseOrderView
from posync.web.deps import (
    Actor,
    ApplicationDep,
    ExpectedRevision,
    PurchaseOrderBody,
    RepresentationsDep,
)
from posync.web.errors import InvalidRequest
from posync.web.openapi import COMPONENTS, answers, json_body, reference
from posync.web.representations import JsonObject, Representations

PREFIX = "/api/purchase-orders"
MAX_PAGE = 500

OrderNumber = Annotated[str, Path(description="The purchase order number.")]
Reason = Annotated[
    str | None, Query(max_length=250, description="Why, for the revision and the audit trail.")
]

_UNKNOWN = (HTTPStatus.NOT_FOUND,)
_REFUSED = (HTTPStatus.NOT_FOUND, HTTPStatus.CONFLICT, HTTPStatus.UNPROCESSABLE_ENTITY)


class StatusChange(BaseModel):
    """A move along the purchase-order lifecycle."""

    model_config = ConfigDict(extra="forbid")

    status: OrderStatus
    reason: str | None = Field(default=None, max_length=250)


def purchase_order_routes(representations: Representations) -> APIRouter:
    """The routing table of ``/api/purchase-orders``."""
    order, _ = representations.purchase_order.json_schema(ref_prefix=COMPONENTS)
    router = APIRouter(prefix=PREFIX, tags=["purchase orders"])

    def route(path: str, endpoint: Callable[..., Any], method: str, **options: Any) -> None:
        router.add_api_route(path, endpoint, methods=[method], response_model=None, **options)

    route(
        "",
        create_purchase_order,
        "POST",
        status_code=HTTPStatus.CREATED,
        openapi_extra=json_body(order),
        responses=answers(
            HTTPStatus.CREATED,
            reference("PurchaseOrderView"),
            [HTTPStatus.CONFLICT, HTTPStatus.UNPROCESSABLE_ENTITY],
        ),
        summary="Create a purchase order",
    )
    route(
        "",
        list_purchase_orders,
        "GET",
        responses=answers(
            HTTPStatus.OK, reference("PurchaseOrderPage"), [HTTPStatus.UNPROCESSABLE_ENTITY]
        ),
        summary="List purchase orders, most recently changed first",
    )
    route(
        "/{number}",
        get_purchase_order,
        "GET",
        responses=answers(HTTPStatus.OK, reference("PurchaseOrderView"), _UNKNOWN),
        summary="Read a purchase order",
    )
    route(
        "/{number}",
        replace_purchase_order,
        "PUT",
        openapi_extra=json_body(order),
        responses=answers(HTTPStatus.OK, reference("PurchaseOrderView"), _REFUSED),
        summary="Replace a purchase order's content, making a new revision",
    )
    route(
        "/{number}/status",
        change_purchase_order_status,
        "POST",
        responses=answers(HTTPStatus.OK, reference("PurchaseOrderView"), _REFUSED),
        summary="Move a purchase order along its lifecycle",
    )
    route(
        "/{number}/revisions",
        list_revisions,
        "GET",
        responses=answers(
            HTTPStatus.OK, {"type": "array", "items": reference("RevisionView")}, _UNKNOWN
        ),
        summary="List a purchase order's revisions with what each changed",
    )
    route(
        "/{number}/revisions/{revision}",
        get_revision,
        "GET",
        responses=answers(HTTPStatus.OK, reference("RevisionView"), _UNKNOWN),
        summary="Read one revision of a purchase order, with its document",
    )
    route(
        "/{number}/timeline",
        get_timeline,
        "GET",
        responses=answers(
            HTTPStatus.OK, {"type": "array", "items": reference("TimelineEntryView")}, _UNKNOWN
        ),
        summary="List what happened to a purchase order, oldest first",
    )
    return router


def create_purchase_order(
    response: Response,
    application: ApplicationDep,
    representations: RepresentationsDep,
    document: PurchaseOrderBody,
    actor: Actor,
    status: Annotated[
        OrderStatus,
        Query(description="The status to start in, for orders imported from elsewhere."),
    ] = OrderStatus.DRAFT,
) -> JsonObject:
    application.bus.handle(CreatePurchaseOrder(actor=actor, document=document, status=status))
    view = _order(application, document.number)
    response.headers["Location"] = f"{PREFIX}/{quote(document.number, safe='')}"
    response.headers["ETag"] = _entity_tag(view)
    return representations.order(view)


def list_purchase_orders(
    application: ApplicationDep,
    representations: RepresentationsDep,
    status: Annotated[OrderStatus | None, Query(description="Only orders in this status.")] = None,
    supplier: Annotated[
        str | None, Query(description="Only orders from the supplier of this name.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> JsonObject:
    query = PurchaseOrderFilter(
        status=status, supplier=supplier or None, limit=limit, offset=offset
    )
    return {
        "items": [representations.summary(found) for found in application.queries.search(query)],
        "total": application.queries.count(query),
        "limit": limit,
        "offset": offset,
    }


def get_purchase_order(
    number: OrderNumber,
    response: Response,
    application: ApplicationDep,
    representations: RepresentationsDep,
) -> JsonObject:
    view = _order(application, number)
    response.headers["ETag"] = _entity_tag(view)
    return representations.order(view)


def replace_purchase_order(
    number: OrderNumber,
    response: Response,
    application: ApplicationDep,
    representations: RepresentationsDep,
    document: PurchaseOrderBody,
    expected_revision: ExpectedRevision,
    actor: Actor,
    reason: Reason = None,
) -> JsonObject:
    if document.number != number:
        raise InvalidRequest(
            [
                Problem(
                    "number", f"must be {number!r}, the number in the URL; got {document.number!r}"
                )
            ],
            "request body",
        )
    application.bus.handle(
        UpdatePurchaseOrder(
            actor=actor, document=document, reason=reason, expected_revision=expected_revision
        )
    )
    view = _order(application, number)
    response.headers["ETag"] = _entity_tag(view)
    return representations.order(view)


def change_purchase_order_status(
    number: OrderNumber,
    change: StatusChange,
    response: Response,
    application: ApplicationDep,
    representations: RepresentationsDep,
    actor: Actor,
) -> JsonObject:
    application.bus.handle(
        ChangePurchaseOrderStatus(
            actor=actor, number=number, status=change.status, reason=change.reason
        )
    )
    view = _order(application, number)
    response.headers["ETag"] = _entity_tag(view)
    return representations.order(view)


def list_revisions(
    number: OrderNumber, application: ApplicationDep, representations: RepresentationsDep
) -> list[JsonObject]:
    _order(application, number)
    return [representations.revision(found) for found in application.queries.revisions(number)]


def get_revision(
    number: OrderNumber,
    revision: Annotated[int, Path(ge=0, description="The revision number; 0 is the original.")],
    application: ApplicationDep,
    representations: RepresentationsDep,
) -> JsonObject:
    _order(application, number)
    for found in application.queries.revisions(number):
        if found.number == revision:
            return representations.revision(found, with_document=True)
    raise NotFound(f"purchase order {number} has no revision {revision}")


def get_timeline(
    number: OrderNumber, application: ApplicationDep, representations: RepresentationsDep
) -> list[JsonObject]:
    _order(application, number)
    return [representations.timeline_entry(entry) for entry in application.queries.timeline(number)]


def _order(application: Application, number: str) -> PurchaseOrderView:
    view = application.queries.get(number)
    if view is None:
        raise NotFound(f"purchase order {number} does not exist")
    return view


def _entity_tag(view: PurchaseOrderView) -> str:
    """The order's revision as a weak ETag, to send back in ``If-Match``."""
    return f'W/"{view.document.revision}"'
