"""ShipNoticeRequest <-> ``ShipNotice``.

``ShipNoticeHeader``: ``shipmentID``, ``noticeDate`` the date of the notice,
``shipmentDate`` the ship date, ``deliveryDate`` the estimated delivery;
``Contact role="shipFrom"`` and ``role="shipTo"`` the parties. ``ShipControl``:
``CarrierIdentifier domain="companyName"`` the carrier, ``ShipmentIdentifier``
the tracking number, ``Route`` the ship method (written ``method="custom"``
with the method as its text; a Route without text reads as its method). The
DTD requires both a CarrierIdentifier and a ShipmentIdentifier in a
ShipControl: one the notice lacks is written empty and read as absent.

One ``ShipNoticePortion`` per purchase order (``OrderReference@orderID``, its
``DocumentReference`` the payloadID from ``EncodeContext.order_payload_ids``,
empty when unknown), in the order the lines first name them: lines are read
grouped by order. Each ``ShipNoticeItem`` is a line: ``lineNumber`` the order
line, ``quantity``, ``UnitOfMeasure``, ``ItemID`` the item numbers; ``Batch``
a lot (``SupplierBatchID`` the lot number, ``batchQuantity``,
``expirationDate``); ``AssetInfo@serialNumber`` one serial number each.

Packs: an item's ``Packaging`` elements are its pack and each pack that holds
it, innermost first: ``ShippingContainerSerialCode`` the pack id,
``ShippingContainerSerialCodeReference`` the pack holding it,
``PackagingCode`` the packaging, ``Dimension type="grossWeight"`` the gross
weight and its unit. A pack is therefore written under the items it holds,
and a pack holding no line (not even through a pack inside it) cannot be
written; packs are read in the order they are first met.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lxml import etree

from posync.codecs.cxml.common import (
    EncodeContext,
    Mapped,
    read_item_id,
    write_item_id,
)
from posync.codecs.cxml.envelope import CxmlEnvelope
from posync.codecs.cxml.parties import read_contact, write_contact
from posync.codecs.cxml.reading import Node, Reader
from posync.codecs.cxml.writing import Writer
from posync.domain.documents import Lot, Pack, ShipNotice, ShippedLine

SHIP_FROM, SHIP_TO = "shipFrom", "shipTo"
CARRIER_DOMAIN = "companyName"
GROSS_WEIGHT = "grossWeight"


class ShipNoticeMapper:
    request = "ShipNoticeRequest"
    dtd = "Fulfill.dtd"

    def encode(
        self, document: object, writer: Writer, parent: etree._Element, context: EncodeContext
    ) -> None:
        assert isinstance(document, ShipNotice)
        notice = document
        request = writer.add(parent, "ShipNoticeRequest")
        header = writer.add(
            request,
            "ShipNoticeHeader",
            field="shipment_id",
            shipmentID=notice.shipment_id,
            noticeDate=notice.issued_on,
            shipmentDate=notice.ship_date,
            deliveryDate=notice.estimated_delivery_date,
            operation="new",
        )
        if notice.ship_from is not None:
            write_contact(writer, header, SHIP_FROM, notice.ship_from, "ship_from")
        if notice.ship_to is not None:
            write_contact(writer, header, SHIP_TO, notice.ship_to, "ship_to")
        if (
            notice.carrier is not None
            or notice.tracking_number is not None
            or notice.ship_method is not None
        ):
            control = writer.add(request, "ShipControl")
            writer.add(
                control,
                "CarrierIdentifier",
                notice.carrier or "",
                field="carrier",
                domain=CARRIER_DOMAIN,
            )
            writer.add(
                control, "ShipmentIdentifier", notice.tracking_number or "", field="tracking_number"
            )
            if notice.ship_method is not None:
                writer.add(
                    control, "Route", notice.ship_method, field="ship_method", method="custom"
                )
        packs = {pack.pack_id: pack for pack in notice.packs}
        held = _held_packs(notice, packs)
        for index, pack in enumerate(notice.packs):
            if pack.pack_id not in held:
                writer.fail(
                    f"packs[{index}]",
                    f"holds no line: cXML lists pack {pack.pack_id!r} under the items it holds",
                )
        orders = list(dict.fromkeys(line.purchase_order_number for line in notice.lines))
        for order in orders:
            portion = writer.add(request, "ShipNoticePortion")
            reference = writer.add(
                portion, "OrderReference", field="lines.purchase_order_number", orderID=order
            )
            writer.add(
                reference, "DocumentReference", payloadID=context.order_payload_ids.get(order, "")
            )
            for index, line in enumerate(notice.lines):
                if line.purchase_order_number == order:
                    _write_line(writer, portion, line, packs, f"lines[{index}]")

    def decode(self, node: Node, envelope: CxmlEnvelope) -> Mapped:
        reader = Reader(self.request)
        header = reader.required(node, "ShipNoticeHeader", "the ship notice's header")
        if header is None:
            reader.finish()
            raise AssertionError("unreachable: finish() raised")
        shipment_id = reader.attribute(header, "shipmentID", required="the shipment id")
        issued_on = reader.date(header, "noticeDate", required="the date of the notice")
        ship_date = reader.date(header, "shipmentDate")
        contacts = {reader.code(c, "role"): c for c in reversed(header.children("Contact"))}
        control = node.child("ShipControl")
        carrier = tracking = method = None
        if control is not None:
            carriers = control.children("CarrierIdentifier")
            chosen = next((c for c in carriers if reader.code(c, "domain") == CARRIER_DOMAIN), None)
            carrier = reader.content(chosen or (carriers[0] if carriers else None))
            tracking = reader.child_text(control, "ShipmentIdentifier")
            route = control.child("Route")
            if route is not None:
                method = reader.content(route) or reader.code(route, "method") or None
        lines: list[ShippedLine] = []
        packs: dict[str, Pack] = {}
        payloads: dict[str, str] = {}
        for portion in node.children("ShipNoticePortion"):
            reference = reader.required(portion, "OrderReference", "the order shipped against")
            order = (
                reader.attribute(reference, "orderID", required="the purchase order number")
                if reference
                else None
            )
            document_reference = reference.child("DocumentReference") if reference else None
            payload = (
                reader.attribute(document_reference, "payloadID") if document_reference else None
            )
            if order is not None and payload is not None:
                payloads[order] = payload
            for item in portion.children("ShipNoticeItem"):
                lines.append(_read_line(reader, item, order or "", packs))
        if not lines:
            reader.fail(
                f"{node.path}.ShipNoticePortion", "is required: at least one ShipNoticeItem"
            )
        if ship_date is None and issued_on is not None:
            ship_date = issued_on
        reader.finish()
        notice = ShipNotice(
            shipment_id=shipment_id or "",
            issued_on=issued_on or date.min,
            ship_date=ship_date or date.min,
            lines=tuple(lines),
            estimated_delivery_date=reader.date(header, "deliveryDate"),
            carrier=carrier,
            tracking_number=tracking,
            ship_method=method,
            ship_from=read_contact(reader, contacts[SHIP_FROM]) if SHIP_FROM in contacts else None,
            ship_to=read_contact(reader, contacts[SHIP_TO]) if SHIP_TO in contacts else None,
            packs=tuple(packs.values()),
        )
        reader.finish()
        return Mapped(document=notice, order_payload_ids=payloads)


def _held_packs(notice: ShipNotice, packs: dict[str, Pack]) -> set[str]:
    held: set[str] = set()
    for line in notice.lines:
        held.update(_chain(line.pack_id, packs))
    return held


def _chain(pack_id: str | None, packs: dict[str, Pack]) -> list[str]:
    """The pack and each pack holding it, innermost first (stopping at a loop)."""
    chain: list[str] = []
    while pack_id is not None and pack_id in packs and pack_id not in chain:
        chain.append(pack_id)
        pack_id = packs[pack_id].parent_pack_id
    return chain


def _write_line(
    writer: Writer, portion: etree._Element, line: ShippedLine, packs: dict[str, Pack], field: str
) -> None:
    item = writer.add(
        portion, "ShipNoticeItem", field=field, lineNumber=line.line_number, quantity=line.quantity
    )
    if line.supplier_item is not None or line.buyer_item is not None or line.gtin is not None:
        write_item_id(
            writer, item, supplier_item=line.supplier_item, buyer_item=line.buyer_item,
            gtin=line.gtin, field=field,
        )  # fmt: skip
    writer.add(item, "UnitOfMeasure", line.unit_of_measure, field=f"{field}.unit_of_measure")
    if line.pack_id is not None and line.pack_id not in packs:
        writer.fail(f"{field}.pack_id", f"names unknown pack {line.pack_id!r}")
    for pack_id in _chain(line.pack_id, packs):
        _write_pack(writer, item, packs[pack_id])
    for index, lot in enumerate(line.lots):
        batch = writer.add(
            item, "Batch", field=f"{field}.lots[{index}]",
            batchQuantity=lot.quantity, expirationDate=lot.expires_on,
        )  # fmt: skip
        writer.add(
            batch, "SupplierBatchID", lot.lot_number, field=f"{field}.lots[{index}].lot_number"
        )
    for index, serial in enumerate(line.serial_numbers):
        writer.add(item, "AssetInfo", field=f"{field}.serial_numbers[{index}]", serialNumber=serial)


def _write_pack(writer: Writer, item: etree._Element, pack: Pack) -> None:
    packaging = writer.add(item, "Packaging")
    if pack.packaging is not None or pack.gross_weight is None:
        writer.named(
            packaging, "PackagingCode", pack.packaging or "", f"packs[{pack.pack_id}].packaging"
        )
    if pack.gross_weight is not None:
        dimension = writer.add(
            packaging, "Dimension", quantity=pack.gross_weight, type=GROSS_WEIGHT
        )
        writer.add(dimension, "UnitOfMeasure", pack.weight_unit or "", field="packs.weight_unit")
    writer.add(packaging, "ShippingContainerSerialCode", pack.pack_id, field="packs.pack_id")
    if pack.parent_pack_id is not None:
        writer.add(
            packaging,
            "ShippingContainerSerialCodeReference",
            pack.parent_pack_id,
            field="packs.parent_pack_id",
        )


def _read_line(reader: Reader, item: Node, order: str, packs: dict[str, Pack]) -> ShippedLine:
    line_number = reader.positive(item, "lineNumber", required="the order line shipped")
    quantity = reader.decimal(item, "quantity", required="the quantity shipped")
    unit = reader.child_text(item, "UnitOfMeasure")
    if unit is None:
        reader.fail(f"{item.path}.UnitOfMeasure", "is required: the unit of the quantity")
    numbers = read_item_id(reader, item.child("ItemID"))
    own: list[str] = []
    referenced: set[str] = set()
    for packaging in item.children("Packaging"):
        pack = _read_pack(reader, packaging)
        if pack is None:
            continue
        packs.setdefault(pack.pack_id, pack)
        own.append(pack.pack_id)
        if pack.parent_pack_id is not None:
            referenced.add(pack.parent_pack_id)
    inner = [pack_id for pack_id in own if pack_id not in referenced]
    lots = []
    for batch in item.children("Batch"):
        lot_number = reader.child_text(batch, "SupplierBatchID") or reader.child_text(
            batch, "BuyerBatchID"
        )
        if lot_number is None:
            reader.fail(f"{batch.path}.SupplierBatchID", "is required: the lot number")
        amount = reader.decimal(batch, "batchQuantity")
        lots.append(
            Lot(
                lot_number=lot_number or "",
                quantity=amount if amount is not None else quantity or Decimal(0),
                expires_on=reader.date(batch, "expirationDate"),
            )
        )
    serials = tuple(
        serial
        for asset in item.children("AssetInfo")
        if (serial := reader.attribute(asset, "serialNumber"))
    )
    return ShippedLine(
        purchase_order_number=order,
        line_number=line_number or 0,
        quantity=quantity if quantity is not None else Decimal(0),
        unit_of_measure=(unit or "").strip(),
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        gtin=numbers.gtin,
        pack_id=inner[0] if inner else None,
        lots=tuple(lots),
        serial_numbers=serials,
    )


def _read_pack(reader: Reader, packaging: Node) -> Pack | None:
    pack_id = reader.child_text(packaging, "ShippingContainerSerialCode")
    if pack_id is None:
        return None
    weight = unit = None
    for dimension in packaging.children("Dimension"):
        if reader.code(dimension, "type") == GROSS_WEIGHT:
            weight = reader.decimal(dimension, "quantity", required="the gross weight")
            unit = reader.child_text(dimension, "UnitOfMeasure")
            break
    codes = packaging.children("PackagingCode")
    return Pack(
        pack_id=pack_id,
        packaging=reader.content(codes[0]) if codes else None,
        parent_pack_id=reader.child_text(packaging, "ShippingContainerSerialCodeReference"),
        gross_weight=weight,
        weight_unit=unit.strip() if unit is not None else None,
    )
