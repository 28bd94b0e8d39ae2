"""ConfirmationRequest <-> ``PurchaseOrderAcknowledgement``.

``ConfirmationHeader``: ``type`` the verdict (accept is accepted, reject
rejected, detail, except, backordered, replace and allDetail accepted with
changes, except that allDetail without a changing line is accepted; posync
writes accept, detail or reject), ``noticeDate`` the date of the
acknowledgement, ``confirmID`` the supplier's order number, a ``Comments`` the
reason, and ``Extrinsic name="changeNumber"`` the buyer's change it answers.
``OrderReference``: ``orderID`` the order number, its ``DocumentReference``
the payloadID of the OrderRequest (``EncodeContext.order_payload_ids``,
empty when unknown).

Each ``ConfirmationItem`` is a line: ``lineNumber``, ``quantity`` and
``UnitOfMeasure`` the quantity and unit ordered, which is why writing lines
needs the order (``EncodeContext.order``). Its ``ConfirmationStatus``
elements say what becomes of that quantity: ``type`` accept, detail,
backordered, reject or unknown (on hold), each with its ``quantity`` and
``UnitOfMeasure``, ``deliveryDate`` and ``shipmentDate`` the promised dates,
``UnitPrice`` the confirmed price, or ``ItemIn`` (the item restated with its
price) when the supplier names other item numbers, ``Comments`` the reason.
A backordered status beside another gives the backordered quantity. A
quantity equal to the ordered one reads as "as ordered" (none), and the unit
is read only beside a quantity (confirmed or backordered).
posync writes the line status in ``Extrinsic name="lineStatus"``; without
it the status is told from the statuses: all reject rejected, all unknown on
hold, only backordered backordered, with a backorder partially backordered,
detail with ItemIn item changed, with UnitPrice price changed, with another
quantity quantity changed, with dates date changed, else accepted with
changes; accept with less than ordered quantity changed, else accepted.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lxml import etree

from posync.codecs.cxml.common import (
    Currency,
    EncodeContext,
    Mapped,
    comments,
    extrinsics,
    read_item_id,
    write_comments,
    write_extrinsic,
    write_item_id,
    write_money,
)
from posync.codecs.cxml.envelope import CxmlEnvelope
from posync.codecs.cxml.order_lines import ITEM_CATEGORY
from posync.codecs.cxml.reading import Node, Reader
from posync.codecs.cxml.writing import Writer
from posync.domain.documents import (
    AcknowledgedLine,
    AcknowledgementStatus,
    LineStatus,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderLine,
)

_HEADER_TYPES = {
    AcknowledgementStatus.ACCEPTED: "accept",
    AcknowledgementStatus.ACCEPTED_WITH_CHANGES: "detail",
    AcknowledgementStatus.REJECTED: "reject",
}
_STATUS_TYPES = {
    LineStatus.ACCEPTED: "accept",
    LineStatus.PARTIALLY_BACKORDERED: "accept",
    LineStatus.REJECTED: "reject",
    LineStatus.ON_HOLD: "unknown",
    LineStatus.BACKORDERED: "backordered",
}
_VERDICTS = frozenset(
    {"accept", "allDetail", "detail", "backordered", "except", "reject", "requestToPay", "replace"}
)
_LINE_TYPES = frozenset(
    {"accept", "allDetail", "detail", "backordered", "reject", "unknown", "requestToPay"}
)


class ConfirmationMapper:
    request = "ConfirmationRequest"
    dtd = "Fulfill.dtd"

    def encode(
        self, document: object, writer: Writer, parent: etree._Element, context: EncodeContext
    ) -> None:
        assert isinstance(document, PurchaseOrderAcknowledgement)
        ack, order = document, context.order
        if order is not None and order.number != ack.purchase_order_number:
            writer.fail(
                "order.number",
                f"must be {ack.purchase_order_number!r}, the order acknowledged, "
                f"got {order.number!r}",
            )
        if ack.lines and order is None:
            writer.fail("order", "is required: each ConfirmationItem states the quantity ordered")
        request = writer.add(parent, "ConfirmationRequest")
        header = writer.add(
            request,
            "ConfirmationHeader",
            field="supplier_order_number",
            type=_HEADER_TYPES[ack.status],
            noticeDate=ack.issued_on,
            confirmID=ack.supplier_order_number,
            operation="new",
        )
        if ack.reason is not None:
            write_comments(writer, header, ack.reason, "reason")
        write_extrinsic(writer, header, "changeNumber", ack.change_number, "change_number")
        reference = writer.add(
            request,
            "OrderReference",
            field="purchase_order_number",
            orderID=ack.purchase_order_number,
            orderDate=order.order_date if order is not None else None,
        )
        payload = context.order_payload_ids.get(ack.purchase_order_number, "")
        writer.add(reference, "DocumentReference", payloadID=payload)
        if order is None:
            return
        for index, line in enumerate(ack.lines):
            _write_item(writer, request, line, order, f"lines[{index}]")

    def decode(self, node: Node, envelope: CxmlEnvelope) -> Mapped:
        reader = Reader(self.request)
        header = reader.required(node, "ConfirmationHeader", "the confirmation's header")
        reference = reader.required(node, "OrderReference", "the order confirmed")
        if header is None or reference is None:
            reader.finish()
            raise AssertionError("unreachable: finish() raised")
        verdict = reader.code(header, "type")
        if verdict not in _VERDICTS:
            reader.fail(
                header.field("type"),
                f"must be one of {', '.join(sorted(_VERDICTS))}, got {verdict!r}",
            )
        number = reader.attribute(reference, "orderID", required="the purchase order number")
        issued_on = reader.date(header, "noticeDate", required="the date of the confirmation")
        currency = Currency(reader)
        lines = tuple(
            _read_item(reader, item, currency) for item in node.children("ConfirmationItem")
        )
        named = extrinsics(reader, header)
        change_number = None
        if "changeNumber" in named:
            change_number = _whole(reader, named["changeNumber"], "a change number")
        status = AcknowledgementStatus.ACCEPTED_WITH_CHANGES
        if verdict == "accept" or verdict == "requestToPay":
            status = AcknowledgementStatus.ACCEPTED
        elif verdict == "reject":
            status = AcknowledgementStatus.REJECTED
        elif verdict == "allDetail" and not any(line.status.changes_the_order for line in lines):
            status = AcknowledgementStatus.ACCEPTED
        reasons = comments(reader, header)
        payloads = {}
        document_reference = reference.child("DocumentReference")
        if number is not None and document_reference is not None:
            payload = reader.attribute(document_reference, "payloadID")
            if payload is not None:
                payloads[number] = payload
        reader.finish()
        acknowledgement = PurchaseOrderAcknowledgement(
            purchase_order_number=number or "",
            issued_on=issued_on or date.min,
            status=status,
            lines=lines,
            supplier_order_number=reader.attribute(header, "confirmID"),
            change_number=change_number,
            reason=reasons[0] if reasons else None,
        )
        return Mapped(document=acknowledgement, order_payload_ids=payloads)


def _whole(reader: Reader, node: Node, what: str) -> int | None:
    text = (reader.content(node) or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 18 or int(text) == 0:
        reader.fail(node.path, f"must be {what} (a whole number above zero), got {text!r}")
        return None
    return int(text)


# --- writing -----------------------------------------------------------------------------


def _write_item(
    writer: Writer,
    request: etree._Element,
    line: AcknowledgedLine,
    order: PurchaseOrder,
    field: str,
) -> None:
    ordered = order.line(line.line_number)
    if ordered is None:
        writer.fail(
            f"{field}.line_number", f"names line {line.line_number}, which the order does not have"
        )
        return
    item = writer.add(
        request, "ConfirmationItem", lineNumber=line.line_number, quantity=ordered.quantity
    )
    writer.add(item, "UnitOfMeasure", ordered.unit_of_measure)
    unit = line.unit_of_measure or ordered.unit_of_measure
    if line.status is LineStatus.BACKORDERED:
        quantity = line.backordered_quantity or line.quantity or ordered.quantity
    else:
        quantity = line.quantity if line.quantity is not None else ordered.quantity
    status = writer.add(
        item,
        "ConfirmationStatus",
        field=field,
        type=_STATUS_TYPES.get(line.status, "detail"),
        quantity=quantity,
        deliveryDate=line.promised_delivery_date,
        shipmentDate=line.promised_ship_date,
    )
    writer.add(status, "UnitOfMeasure", unit, field=f"{field}.unit_of_measure")
    if line.buyer_item is not None or line.supplier_item is not None:
        _write_item_in(writer, status, line, ordered, order.currency, unit, field)
    elif line.unit_price is not None:
        price = writer.add(status, "UnitPrice")
        write_money(writer, price, line.unit_price, order.currency, f"{field}.unit_price")
    if line.reason is not None:
        write_comments(writer, status, line.reason, f"{field}.reason")
    writer.add(status, "Extrinsic", line.status.value, name="lineStatus")
    if line.backordered_quantity is not None and line.status is not LineStatus.BACKORDERED:
        backordered = writer.add(
            item, "ConfirmationStatus", field=f"{field}.backordered_quantity",
            type="backordered", quantity=line.backordered_quantity,
        )  # fmt: skip
        writer.add(backordered, "UnitOfMeasure", unit, field=f"{field}.unit_of_measure")


def _write_item_in(
    writer: Writer,
    status: etree._Element,
    line: AcknowledgedLine,
    ordered: PurchaseOrderLine,
    currency: str,
    unit: str,
    field: str,
) -> None:
    item_in = writer.add(status, "ItemIn", quantity=line.quantity or ordered.quantity)
    write_item_id(
        writer, item_in, supplier_item=line.supplier_item, buyer_item=line.buyer_item,
        gtin=None, field=field,
    )  # fmt: skip
    detail = writer.add(item_in, "ItemDetail")
    price = writer.add(detail, "UnitPrice")
    unit_price = line.unit_price if line.unit_price is not None else ordered.unit_price
    write_money(writer, price, unit_price, currency, f"{field}.unit_price")
    writer.named(detail, "Description", ordered.description, f"{field}.description")
    writer.add(detail, "UnitOfMeasure", unit, field=f"{field}.unit_of_measure")
    writer.add(detail, "Classification", ordered.item_category or "", domain=ITEM_CATEGORY)


# --- reading -----------------------------------------------------------------------------


def _read_item(reader: Reader, item: Node, currency: Currency) -> AcknowledgedLine:
    line_number = reader.positive(item, "lineNumber", required="the line number confirmed")
    ordered = reader.decimal(item, "quantity", required="the quantity ordered")
    statuses = item.children("ConfirmationStatus")
    if not statuses:
        reader.fail(f"{item.path}.ConfirmationStatus", "is required: at least one status")
    backordered_total = None
    kept = []
    for given in statuses:
        kind = reader.code(given, "type")
        if kind not in _LINE_TYPES:
            reader.fail(
                given.field("type"),
                f"must be one of {', '.join(sorted(_LINE_TYPES))}, got {kind!r}",
            )
        quantity = reader.decimal(given, "quantity", required="the quantity this status is for")
        if kind == "backordered":
            if quantity is not None:
                backordered_total = (backordered_total or Decimal(0)) + quantity
        else:
            kept.append((given, kind, quantity))
    first = kept[0][0] if kept else (statuses[0] if statuses else item)
    unit = (reader.child_text(first, "UnitOfMeasure") or "").strip() or None
    item_in = first.child("ItemIn")
    numbers = read_item_id(reader, item_in.child("ItemID") if item_in is not None else None)
    price_holder = (
        item_in.descend("ItemDetail", "UnitPrice")
        if item_in is not None
        else first.child("UnitPrice")
    )
    unit_price = currency.money(price_holder, "the confirmed unit price")
    accepted = [q for _, kind, q in kept if q is not None and kind != "reject"] or [
        q for _, _, q in kept if q is not None
    ]
    quantity = sum(accepted, Decimal(0)) if accepted else None
    named = extrinsics(reader, first)
    status = _status(
        reader,
        named.get("lineStatus"),
        kept,
        backordered_total,
        quantity,
        ordered,
        unit_price,
        item_in,
    )
    dated = [node for node, _, _ in kept] or statuses
    as_ordered = quantity is not None and quantity == ordered
    if status is LineStatus.BACKORDERED or as_ordered:
        quantity = None
    if quantity is None and backordered_total is None:
        unit = None
    reasons = [text for node in ([first] if kept else statuses) for text in comments(reader, node)]
    return AcknowledgedLine(
        line_number=line_number or 0,
        status=status,
        quantity=quantity,
        unit_of_measure=unit,
        unit_price=unit_price,
        backordered_quantity=backordered_total,
        promised_ship_date=next(
            (found for node in dated if (found := reader.date(node, "shipmentDate"))), None
        ),
        promised_delivery_date=next(
            (found for node in dated if (found := reader.date(node, "deliveryDate"))), None
        ),
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        reason=reasons[0] if reasons else None,
    )


def _status(
    reader: Reader,
    written: Node | None,
    kept: list[tuple[Node, str, Decimal | None]],
    backordered: Decimal | None,
    quantity: Decimal | None,
    ordered: Decimal | None,
    unit_price: Decimal | None,
    item_in: Node | None,
) -> LineStatus:
    if written is not None:
        value = (reader.content(written) or "").strip()
        if value in LineStatus.__members__.values():
            return LineStatus(value)
        reader.fail(written.path, f"must be a line status ({', '.join(LineStatus)}), got {value!r}")
    kinds = {kind for _, kind, _ in kept}
    if not kept:
        return LineStatus.BACKORDERED
    if kinds == {"reject"}:
        return LineStatus.REJECTED
    if kinds == {"unknown"}:
        return LineStatus.ON_HOLD
    if backordered is not None:
        return LineStatus.PARTIALLY_BACKORDERED
    if "detail" in kinds:
        if item_in is not None:
            return LineStatus.ITEM_CHANGED
        if unit_price is not None:
            return LineStatus.PRICE_CHANGED
        if quantity is not None and ordered is not None and quantity != ordered:
            return LineStatus.QUANTITY_CHANGED
        if any(node.raw("deliveryDate") or node.raw("shipmentDate") for node, _, _ in kept):
            return LineStatus.DATE_CHANGED
        return LineStatus.ACCEPTED_WITH_CHANGES
    if quantity is not None and ordered is not None and quantity < ordered:
        return LineStatus.QUANTITY_CHANGED
    return LineStatus.ACCEPTED
