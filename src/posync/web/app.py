"""The FastAPI app: routes, error answers and the OpenAPI document, over one Application.

The caller owns the ``Application`` and closes it (``posync serve``, tests).
"""

from __future__ import annotations

from fastapi import FastAPI

import posync
from posync.bootstrap import Application
from posync.web.api.health import health_routes
from posync.web.api.inbound import inbound_routes
from posync.web.api.partners import partner_routes, partner_schemas
from posync.web.api.purchase_orders import purchase_order_routes
from posync.web.errors import error_handlers
from posync.web.openapi import COMPONENTS, publish_schemas, view_schemas
from posync.web.representations import Representations

DESCRIPTION = """\
posync keeps purchase orders consistent across the buyer's ERP, the suppliers,
accounting and the warehouse.

Purchase orders are canonical JSON: money and quantities are strings
(`"12.50"`); a JSON number with a fraction in such a field is refused with 422.
Errors answer `{"detail": ..., "problems": [{"field": ..., "message": ...}]}`.
The `X-Posync-Actor` header names who makes a change (default `api`).
"""


def create_app(application: Application) -> FastAPI:
    """The HTTP API over ``application``; closing the application is left to the caller."""
    representations = Representations()
    app = FastAPI(
        title="posync",
        version=posync.__version__,
        description=DESCRIPTION,
        exception_handlers=error_handlers(),
    )
    app.state.application = application
    app.state.representations = representations
    app.include_router(health_routes())
    app.include_router(purchase_order_routes(representations))
    app.include_router(partner_routes())
    app.include_router(inbound_routes())
    publish_schemas(
        app,
        representations.document_schemas(COMPONENTS) | view_schemas() | partner_schemas(),
    )
    return app
