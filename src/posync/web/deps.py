"""What routes ask for, as ``Annotated`` aliases.

The application and the representations live on ``app.state`` (set once by
``create_app``). Request bodies holding documents are read here, by the
canonical JSON codec rather than pydantic, so that a JSON number in a money
field is seen, and refused, as the float it is.
"""

from __future__ import annotations

import json
import re
from typing import Annotated

from fastapi import Depends, Header, Request

from posync.bootstrap import Application
from posync.domain.documents.purchase_order import PurchaseOrder
from posync.domain.errors import Problem
from posync.web.errors import InvalidRequest
from posync.web.representations import Representations

DEFAULT_ACTOR = "api"

_REVISION_TAG = re.compile(r'(?:W/)?"?(\d{1,9})"?')


def get_application(request: Request) -> Application:
    application: Application = request.app.state.application
    return application


def get_representations(request: Request) -> Representations:
    representations: Representations = request.app.state.representations
    return representations


ApplicationDep = Annotated[Application, Depends(get_application)]
RepresentationsDep = Annotated[Representations, Depends(get_representations)]


def get_actor(
    actor: Annotated[
        str | None,
        Header(
            alias="X-Posync-Actor",
            description=f"Who makes the change, for the audit trail; {DEFAULT_ACTOR!r} if absent.",
            max_length=120,
        ),
    ] = None,
) -> str:
    return (actor or "").strip() or DEFAULT_ACTOR


Actor = Annotated[str, Depends(get_actor)]


def get_expected_revision(
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description="The revision the change is based on (the ETag of the order, "
            'e.g. "3"); the change is refused with 409 if the order has moved on.',
        ),
    ] = None,
) -> int | None:
    if if_match is None or if_match.strip() == "*":
        return None
    match = _REVISION_TAG.fullmatch(if_match.strip())
    if match is None:
        raise InvalidRequest(
            [Problem("If-Match", f'must be a revision number like "3"; got {if_match!r}')]
        )
    return int(match.group(1))


ExpectedRevision = Annotated[int | None, Depends(get_expected_revision)]


async def read_purchase_order(
    request: Request, representations: RepresentationsDep
) -> PurchaseOrder:
    """The purchase order in the request body, decoded from canonical JSON."""
    parsed = parse_json(await request.body())
    return representations.purchase_order.decode(parsed)


PurchaseOrderBody = Annotated[PurchaseOrder, Depends(read_purchase_order)]


def parse_json(body: bytes) -> object:
    """The request body as parsed JSON; an empty or malformed body is an ``InvalidRequest``."""
    if not body.strip():
        raise InvalidRequest([Problem("", "is empty; send a JSON document")], "request body")
    try:
        parsed: object = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InvalidRequest(
            [Problem("", f"is not valid JSON: {error}")], "request body"
        ) from error
    return parsed
