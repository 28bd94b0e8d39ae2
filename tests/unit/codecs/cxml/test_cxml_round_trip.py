"""canonical -> cXML -> canonical is the identity, within what cXML carries (see cxml_support)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from posync.codecs.cxml import CxmlCodec, CxmlKind
from posync.domain.documents import (
    Invoice,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ShipNotice,
)
from unit.codecs.cxml.cxml_support import (
    ENVELOPE,
    acknowledgements,
    changes,
    charges_in_summary_order,
    invoices,
    orders,
    packs_by_id,
    restated,
    ship_notices,
)

CODEC = CxmlCodec()
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(orders())
def test_purchase_orders_come_back_unchanged(order: PurchaseOrder) -> None:
    decoded = CODEC.decode(CODEC.encode(order, envelope=ENVELOPE))

    assert decoded.kind is CxmlKind.ORDER_REQUEST
    assert decoded.document == order
    assert decoded.payload_id == ENVELOPE.payload_id


@FAST
@given(changes())
def test_changes_come_back_with_each_changed_line_restated(
    pair: tuple[PurchaseOrderChange, PurchaseOrder],
) -> None:
    change, order = pair
    decoded = CODEC.decode(CODEC.encode(change, envelope=ENVELOPE, order=order))

    assert decoded.document == restated(change, order)
    assert decoded.order is not None
    assert decoded.order.number == order.number


@FAST
@given(acknowledgements())
def test_acknowledgements_come_back_unchanged(
    pair: tuple[PurchaseOrderAcknowledgement, PurchaseOrder],
) -> None:
    acknowledgement, order = pair
    ids = {order.number: "order-payload@posync.example"}
    data = CODEC.encode(acknowledgement, envelope=ENVELOPE, order=order, order_payload_ids=ids)
    decoded = CODEC.decode(data)

    assert decoded.document == acknowledgement
    assert decoded.order_payload_ids == ids


@FAST
@given(ship_notices())
def test_ship_notices_come_back_unchanged(notice: ShipNotice) -> None:
    decoded = CODEC.decode(CODEC.encode(notice, envelope=ENVELOPE))

    assert isinstance(decoded.document, ShipNotice)
    assert packs_by_id(decoded.document) == packs_by_id(notice)


@FAST
@given(invoices())
def test_invoices_come_back_unchanged(invoice: Invoice) -> None:
    decoded = CODEC.decode(CODEC.encode(invoice, envelope=ENVELOPE))

    assert decoded.document == charges_in_summary_order(invoice)
