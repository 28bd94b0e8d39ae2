"""OrderRequest <-> ``PurchaseOrder`` (type new) and ``PurchaseOrderChange`` (update, delete).

``OrderRequestHeader``: ``orderID`` the order number, ``orderDate`` its date
(for an update or delete, the date of that version: the change's
``issued_on``), ``orderType`` regular (standard; dropship with ``Extrinsic
name="orderKind"`` dropship), blanket or release, ``agreementID`` the blanket
order a release draws on (``Extrinsic name="releaseNumber"`` its release
number), ``orderVersion`` the revision plus one (the original order is version
1; for a change, its change number plus one), ``requestedDeliveryDate`` and
``pickUpDate`` the requested delivery and ship dates. ``Total/Money`` the
order's total and its currency. ``ShipTo`` the ship-to, with the ship method
as ``TransportInformation/Route method="custom"`` (``Extrinsic
name="shipMethod"`` when there is no ship-to); ``BillTo`` the bill-to (the DTD
requires one: an order without a bill-to is written with the buyer as its
bill-to); ``Contact role="buyerCorporate"`` the buyer and ``role=
"supplierCorporate"`` the supplier (read from the BillTo and from the first To
credential when absent); ``PaymentTerm`` the terms (see ``common``);
``Comments`` without a type the notes; ``TermsOfDelivery`` the Incoterms:
``TransportTerms@value`` the rule (Other, with the rule as its text, for one
cXML does not list) and a ``Comments type="namedPlace"`` its place. Each
``ItemOut`` is a line (``order_lines``).

An update or delete restates the whole order: encoding one needs the order
(``EncodeContext.order``, the order before or after the change: the change's
values win). Each line of the change is marked: ``operation="delete"`` a
cancelled line, ``isItemChanged="yes"`` any other change, with the change
type in ``ItemDetail/Extrinsic name="changeType"`` (a changed line without it
reads as ``replace``); lines of the order outside the change are restated
unmarked and are not lines of the change. A delete (cancellation) carries no
line changes. ``Comments type="reason"`` is the change's reason. Reading an
update or delete gives the change, and the order it restates in ``Mapped.order``.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from lxml import etree

from posync.codecs.cxml.common import (
    Currency,
    EncodeContext,
    Mapped,
    amount_of,
    comments,
    exact,
    extrinsics,
    read_payment_terms,
    write_comments,
    write_extrinsic,
    write_money,
    write_payment_terms,
)
from posync.codecs.cxml.envelope import CxmlEnvelope
from posync.codecs.cxml.order_lines import ItemMarks, ItemRead, read_item_outs, write_item_out
from posync.codecs.cxml.parties import (
    NOBODY,
    read_addressed,
    read_contact,
    write_addressed,
    write_contact,
    write_identifiers,
)
from posync.codecs.cxml.reading import Node, Reader
from posync.codecs.cxml.writing import Writer
from posync.domain.documents import (
    ChangedLine,
    ChangePurpose,
    LineChangeType,
    OrderKind,
    PurchaseOrder,
    PurchaseOrderChange,
    PurchaseOrderLine,
)
from posync.domain.values import Incoterms, Party, PartyIdentifier

BUYER_ROLES = ("buyerCorporate", "buyer", "buyerAccount")
SUPPLIER_ROLES = ("supplierCorporate", "supplierMasterAccount", "supplierAccount")
REASON, NAMED_PLACE = "reason", "namedPlace"
_ORDER_TYPES = {
    OrderKind.STANDARD: "regular",
    OrderKind.DROPSHIP: "regular",
    OrderKind.BLANKET: "blanket",
    OrderKind.RELEASE: "release",
}
_KINDS = {"blanket": OrderKind.BLANKET, "release": OrderKind.RELEASE}
_INCOTERMS = frozenset(
    [
        "EXW",
        "FCA",
        "FAS",
        "FOB",
        "CFR",
        "CIF",
        "CPT",
        "CIP",
        "DAT",
        "DAP",
        "DPU",
        "DDP",
        "DAF",
        "DES",
        "DEQ",
        "DDU",
    ]
)


class OrderRequestMapper:
    request = "OrderRequest"
    dtd = "cXML.dtd"

    # --- writing ---------------------------------------------------------------------------

    def encode(
        self, document: object, writer: Writer, parent: etree._Element, context: EncodeContext
    ) -> None:
        if isinstance(document, PurchaseOrder):
            self._write(
                writer, parent, document, "new", document.order_date, document.revision, None
            )
            return
        assert isinstance(document, PurchaseOrderChange)
        order = context.order
        if order is None:
            writer.fail("order", "is required: a cXML update or delete restates the whole order")
            return
        if order.number != document.purchase_order_number:
            writer.fail(
                "order.number",
                f"must be {document.purchase_order_number!r}, the order the change is for, "
                f"got {order.number!r}",
            )
        cancelling = document.purpose is ChangePurpose.CANCELLATION
        if cancelling and document.lines:
            writer.fail(
                "lines", "must be empty for a cancellation: a cXML delete cancels the whole order"
            )
        self._write(
            writer, parent, order, "delete" if cancelling else "update",
            document.issued_on, document.change_number, document,
        )  # fmt: skip

    def _write(
        self,
        writer: Writer,
        parent: etree._Element,
        order: PurchaseOrder,
        kind: str,
        dated: date,
        revision: int,
        change: PurchaseOrderChange | None,
    ) -> None:
        request = writer.add(parent, "OrderRequest")
        header = writer.add(
            request,
            "OrderRequestHeader",
            field="number",
            orderID=order.number,
            orderDate=dated,
            type=kind,
            orderType=_ORDER_TYPES[order.kind],
            orderVersion=revision + 1,
            requestedDeliveryDate=order.requested_delivery_date,
            pickUpDate=order.requested_ship_date,
            agreementID=order.blanket_order_number,
        )
        lines = _written_lines(writer, order, change)
        total = writer.add(header, "Total")
        with exact():
            amount = sum(
                (amount_of(line.quantity, line.unit_price) for line, _ in lines), Decimal(0)
            )
        write_money(writer, total, amount, order.currency, "currency")
        if order.ship_to is not None:
            ship_to = write_addressed(writer, header, "ShipTo", order.ship_to, "ship_to")
            if order.ship_method is not None:
                transport = writer.add(ship_to, "TransportInformation")
                writer.add(
                    transport, "Route", order.ship_method, field="ship_method", method="custom"
                )
            write_identifiers(writer, ship_to, order.ship_to, "ship_to")
        bill_to_party = order.bill_to or order.buyer
        bill_to = write_addressed(writer, header, "BillTo", bill_to_party, "bill_to")
        write_identifiers(writer, bill_to, bill_to_party, "bill_to")
        write_payment_terms(writer, header, order.payment_terms, "payment_terms")
        write_contact(writer, header, BUYER_ROLES[0], order.buyer, "buyer")
        write_contact(writer, header, SUPPLIER_ROLES[0], order.supplier, "supplier")
        for index, note in enumerate(order.notes):
            write_comments(writer, header, note, f"notes[{index}]")
        if change is not None and change.reason is not None:
            write_comments(writer, header, change.reason, "reason", REASON)
        if order.incoterms is not None:
            _write_incoterms(writer, header, order.incoterms)
        if order.kind is OrderKind.DROPSHIP:
            write_extrinsic(writer, header, "orderKind", "dropship", "kind")
        write_extrinsic(writer, header, "releaseNumber", order.release_number, "release_number")
        if order.ship_to is None:
            write_extrinsic(writer, header, "shipMethod", order.ship_method, "ship_method")
        if not lines:
            writer.fail("lines", "must hold at least one line: an OrderRequest needs an ItemOut")
        for index, (line, marks) in enumerate(lines):
            write_item_out(writer, request, line, order.currency, f"lines[{index}]", marks)

    # --- reading ---------------------------------------------------------------------------

    def decode(self, node: Node, envelope: CxmlEnvelope) -> Mapped:
        reader = Reader(self.request)
        header = reader.required(node, "OrderRequestHeader", "the order's header")
        if header is None:
            reader.finish()
            raise AssertionError("unreachable: finish() raised")
        kind = reader.code(header, "type") or "new"
        if kind not in ("new", "update", "delete"):
            reader.fail(header.field("type"), f"must be new, update or delete, got {kind!r}")
        currency = Currency(reader)
        total = reader.required(header, "Total", "the order total with its currency")
        currency.money(total, "the order total")
        order = self._order(reader, header, node, currency, envelope)
        items = read_item_outs(reader, node.children("ItemOut"), currency)
        if not items:
            reader.fail(f"{node.path}.ItemOut", "is required: at least one line")
        order = dataclasses.replace(order, lines=tuple(item.line for item in items))
        if kind == "new" or kind not in ("update", "delete"):
            reader.finish()
            return Mapped(document=order, order=order)
        version = reader.whole(header, "orderVersion", required="the version of the changed order")
        if version is not None and version < 2:
            reader.fail(
                header.field("orderVersion"), f"must be 2 or more for an {kind}, got {version}"
            )
        change_lines = [] if kind == "delete" else _change_lines(reader, items)
        reasons = comments(reader, header, REASON)
        reader.finish()
        change = PurchaseOrderChange(
            purchase_order_number=order.number,
            change_number=(version or 2) - 1,
            issued_on=order.order_date,
            purpose=ChangePurpose.CANCELLATION if kind == "delete" else ChangePurpose.CHANGE,
            lines=tuple(change_lines),
            reason=reasons[0] if reasons else None,
        )
        return Mapped(document=change, order=order)

    def _order(
        self, reader: Reader, header: Node, node: Node, currency: Currency, envelope: CxmlEnvelope
    ) -> PurchaseOrder:
        number = reader.attribute(header, "orderID", required="the purchase order number")
        order_date = reader.date(header, "orderDate", required="the date of the order")
        contacts = {
            reader.code(contact, "role"): contact
            for contact in reversed(header.children("Contact"))
        }
        bill_to_node = reader.required(header, "BillTo", "the bill-to party")
        bill_to = read_addressed(reader, bill_to_node) if bill_to_node is not None else None
        buyer = _pick(reader, contacts, BUYER_ROLES) or bill_to or NOBODY
        supplier = _pick(reader, contacts, SUPPLIER_ROLES) or _addressee(envelope)
        ship_to_node = header.child("ShipTo")
        named = extrinsics(reader, header)
        ship_method = None
        if ship_to_node is not None:
            route = ship_to_node.descend("TransportInformation", "Route")
            if route is not None:
                ship_method = reader.content(route) or reader.code(route, "method") or None
        if ship_method is None and "shipMethod" in named:
            ship_method = reader.content(named["shipMethod"])
        order_type = reader.code(header, "orderType")
        kind = _KINDS.get(order_type, OrderKind.STANDARD)
        marked = named.get("orderKind")
        if kind is OrderKind.STANDARD and marked is not None:
            kind = _marked_kind(reader, marked)
        version = reader.whole(header, "orderVersion", what="a version number (1 for the original)")
        return PurchaseOrder(
            number=number or "",
            order_date=order_date or date.min,
            buyer=buyer,
            supplier=supplier,
            currency=currency.code or "",
            lines=(),
            revision=max((version or 1) - 1, 0),
            kind=kind,
            ship_to=read_addressed(reader, ship_to_node) if ship_to_node is not None else None,
            bill_to=bill_to,
            payment_terms=read_payment_terms(reader, header),
            incoterms=_read_incoterms(reader, header),
            ship_method=ship_method,
            requested_ship_date=reader.date(header, "pickUpDate"),
            requested_delivery_date=reader.date(header, "requestedDeliveryDate"),
            blanket_order_number=reader.attribute(header, "agreementID"),
            release_number=_release_number(reader, named.get("releaseNumber")),
            notes=tuple(comments(reader, header)),
        )


def _marked_kind(reader: Reader, node: Node) -> OrderKind:
    text = (reader.content(node) or "").strip()
    if text != OrderKind.DROPSHIP.value:
        reader.fail(
            node.path, f"must be dropship (a regular order needs no orderKind), got {text!r}"
        )
    return OrderKind.DROPSHIP


def _release_number(reader: Reader, node: Node | None) -> int | None:
    if node is None:
        return None
    text = (reader.content(node) or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 18:
        reader.fail(node.path, f"must be a release number (a whole number), got {text!r}")
        return None
    return int(text)


def _pick(reader: Reader, contacts: dict[str, Node], roles: tuple[str, ...]) -> Party | None:
    for role in roles:
        if role in contacts:
            return read_contact(reader, contacts[role])
    return None


def _addressee(envelope: CxmlEnvelope) -> Party:
    """The supplier as the Header's first To credential names it."""
    if not envelope.to_credentials:
        return NOBODY
    first = envelope.to_credentials[0]
    return Party(
        name=first.identity,
        identifiers=(PartyIdentifier(scheme=first.domain, value=first.identity),),
    )


def _write_incoterms(writer: Writer, header: etree._Element, incoterms: Incoterms) -> None:
    terms = writer.add(header, "TermsOfDelivery")
    writer.add(terms, "TermsOfDeliveryCode", value="TransportCondition")
    writer.add(terms, "ShippingPaymentMethod", value="Other")
    if incoterms.code in _INCOTERMS:
        writer.add(terms, "TransportTerms", value=incoterms.code.capitalize())
    else:
        writer.add(terms, "TransportTerms", incoterms.code, field="incoterms.code", value="Other")
    if incoterms.place is not None:
        write_comments(writer, terms, incoterms.place, "incoterms.place", NAMED_PLACE)


def _read_incoterms(reader: Reader, header: Node) -> Incoterms | None:
    terms = header.child("TermsOfDelivery")
    transport = terms.child("TransportTerms") if terms is not None else None
    if terms is None or transport is None:
        return None
    value = reader.code(transport, "value")
    code = (reader.content(transport) or "").strip() if value == "Other" else value.upper()
    places = comments(reader, terms, NAMED_PLACE)
    return Incoterms(code=code, place=places[0] if places else None)


def _written_lines(
    writer: Writer, order: PurchaseOrder, change: PurchaseOrderChange | None
) -> list[tuple[PurchaseOrderLine, ItemMarks | None]]:
    """The order's lines, each with the change's values over it, then lines only the change has."""
    if change is None:
        return [(line, None) for line in order.lines]
    changes = {line.line_number: line for line in change.lines}
    written: list[tuple[PurchaseOrderLine, ItemMarks | None]] = []
    for line in order.lines:
        changed = changes.pop(line.line_number, None)
        if changed is None:
            written.append((line, None))
        else:
            written.append((_over(line, changed), _marks(changed)))
    for index, changed in enumerate(change.lines):
        if changed.line_number not in changes:
            continue
        missing = [
            name for name in ("quantity", "unit_of_measure", "unit_price")
            if getattr(changed, name) is None
        ]  # fmt: skip
        for name in missing:
            writer.fail(
                f"lines[{index}].{name}",
                f"is required: line {changed.line_number} is not in the order, and cXML "
                "restates each line whole",
            )
        if missing:
            continue
        line = PurchaseOrderLine(
            line_number=changed.line_number,
            quantity=changed.quantity or Decimal(0),
            unit_of_measure=changed.unit_of_measure or "",
            unit_price=changed.unit_price or Decimal(0),
            buyer_item=changed.buyer_item,
            supplier_item=changed.supplier_item,
            description=changed.description,
            requested_ship_date=changed.requested_ship_date,
            requested_delivery_date=changed.requested_delivery_date,
        )
        written.append((line, _marks(changed)))
    return written


def _over(line: PurchaseOrderLine, changed: ChangedLine) -> PurchaseOrderLine:
    values = {
        name: getattr(changed, name)
        for name in (
            "quantity", "unit_of_measure", "unit_price", "buyer_item", "supplier_item",
            "description", "requested_ship_date", "requested_delivery_date",
        )
        if getattr(changed, name) is not None
    }  # fmt: skip
    return dataclasses.replace(line, **values)


def _marks(changed: ChangedLine) -> ItemMarks:
    if changed.change is LineChangeType.CANCEL:
        return ItemMarks(operation="delete", change_type=changed.change.value)
    unchanged = changed.change is LineChangeType.NO_CHANGE
    return ItemMarks(changed=not unchanged, change_type=changed.change.value)


def _change_lines(reader: Reader, items: list[ItemRead]) -> list[ChangedLine]:
    found = []
    for item in items:
        marks, line = item.marks, item.line
        if marks.operation == "delete":
            change = LineChangeType.CANCEL
        elif marks.change_type is not None:
            if marks.change_type not in LineChangeType.__members__.values():
                reader.fail(
                    f"ItemOut[{line.line_number}].ItemDetail.Extrinsic",
                    f"must be a change type ({', '.join(LineChangeType)}), "
                    f"got {marks.change_type!r}",
                )
                continue
            change = LineChangeType(marks.change_type)
        elif marks.changed:
            change = LineChangeType.REPLACE
        else:
            continue
        found.append(
            ChangedLine(
                line_number=line.line_number,
                change=change,
                quantity=line.quantity,
                unit_of_measure=line.unit_of_measure or None,
                unit_price=line.unit_price,
                buyer_item=line.buyer_item,
                supplier_item=line.supplier_item,
                description=line.description,
                requested_ship_date=line.requested_ship_date,
                requested_delivery_date=line.requested_delivery_date,
            )
        )
    return found
