"""ORDRSP (purchase order response) <-> ``PurchaseOrderAcknowledgement``, for orders and changes.

EDIFACT has one response message for both: an ORDRSP that answers an ORDCHG
carries the change it answers in RFF PP (purchase order change number) and
maps to an acknowledgement with ``change_number`` set, as X12's 865 does.

Header: BGM C002 1001 231, 1004 the supplier's order number (the order's
when there is none), 1225 the message function and 4343 the response type.
The verdict: 1225 29 (accepted without amendment) is accepted, 4 (change),
28, 30 and 34 (accepted with amendment) accepted with changes, 27 (not
accepted) rejected; any other 1225 (9, original, most often) leaves it to
4343: AP, AB, AD, AI and CA accepted (with changes when a line changes the
order), AC accepted with changes, RE and NA rejected. Written: 29 AP, 4 AC,
27 RE. DTM 137 is the date of the response, RFF ON the order, RFF VN the
supplier's order, FTX AAO the reason (ACD read too).

Lines: LIN 1229 5 (accepted without amendment), 6 (accepted with amendment),
7 (not accepted); QTY 113 the quantity confirmed (to be delivered), QTY 83
the quantity backordered, each with its unit; DTM 69 the promised delivery
date (67, 17 and 2 read too), DTM 11 the promised ship date; PRI AAA the
price; FTX AAO the reason. Which change a line makes is kept in a mutually
defined FTX in the vocabulary of X12's element 668 (IQ quantity, IP price,
DR date, IS item, IB backordered, BP partially backordered, IC accepted with
changes, IH on hold: 1229 4, no action). A line without it is read by 1229,
and without 1229 (or with an ORDCHG's action code) by its quantities, as a
partner that says nothing else means them: nothing confirmed is a rejection,
or a backorder when a delivery date is promised; less than QTY 21 ordered is
a quantity change; the rest is accepted. A line so read as rejected has no
backorder, whatever QTY 83 says of its shortfall.
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from posync.codecs.edifact.mapping import message
from posync.codecs.edifact.mapping.items import (
    ItemNumbers,
    item_numbers,
    read_code,
    texts,
    write_code,
    write_line_head,
    write_text,
)
from posync.codecs.edifact.mapping.purchase_order import (
    line_number,
    price,
    quantity,
    write_price,
    write_quantity,
)
from posync.codecs.edifact.mapping.reading import At, Reader, dated, first, references, sections
from posync.codecs.edifact.mapping.writing import Writer
from posync.codecs.edifact.segments import Segment
from posync.domain.documents import (
    AcknowledgedLine,
    AcknowledgementStatus,
    LineStatus,
    PurchaseOrderAcknowledgement,
)

RESPONSE = "231"
CONFIRMED, BACKORDERED, ORDERED = "113", "83", "21"
PROMISED_DELIVERY = ("69", "67", "17", "2")
PROMISED_SHIP = ("11",)
REASONS = ("AAO", "ACD")
_FUNCTIONS = {
    "29": AcknowledgementStatus.ACCEPTED,
    "4": AcknowledgementStatus.ACCEPTED_WITH_CHANGES,
    "28": AcknowledgementStatus.ACCEPTED_WITH_CHANGES,
    "30": AcknowledgementStatus.ACCEPTED_WITH_CHANGES,
    "34": AcknowledgementStatus.ACCEPTED_WITH_CHANGES,
    "27": AcknowledgementStatus.REJECTED,
}
_RESPONSE_TYPES = {
    "AP": AcknowledgementStatus.ACCEPTED,
    "AB": AcknowledgementStatus.ACCEPTED,
    "AD": AcknowledgementStatus.ACCEPTED,
    "AI": AcknowledgementStatus.ACCEPTED,
    "CA": AcknowledgementStatus.ACCEPTED,
    "AC": AcknowledgementStatus.ACCEPTED_WITH_CHANGES,
    "RE": AcknowledgementStatus.REJECTED,
    "NA": AcknowledgementStatus.REJECTED,
}
_WRITTEN = {
    AcknowledgementStatus.ACCEPTED: ("29", "AP"),
    AcknowledgementStatus.ACCEPTED_WITH_CHANGES: ("4", "AC"),
    AcknowledgementStatus.REJECTED: ("27", "RE"),
}
ACCEPTED_AS_IS, AMENDED, NOT_ACCEPTED, NO_ACTION = "5", "6", "7", "4"
STATUSES: Mapping[str, LineStatus] = types.MappingProxyType(
    {
        "IA": LineStatus.ACCEPTED,
        "IC": LineStatus.ACCEPTED_WITH_CHANGES,
        "IQ": LineStatus.QUANTITY_CHANGED,
        "IP": LineStatus.PRICE_CHANGED,
        "DR": LineStatus.DATE_CHANGED,
        "IS": LineStatus.ITEM_CHANGED,
        "IB": LineStatus.BACKORDERED,
        "BP": LineStatus.PARTIALLY_BACKORDERED,
        "IH": LineStatus.ON_HOLD,
        "IR": LineStatus.REJECTED,
    }
)
_CODES = {status: code for code, status in STATUSES.items()}
_ACTIONS = {
    LineStatus.ACCEPTED: ACCEPTED_AS_IS,
    LineStatus.REJECTED: NOT_ACCEPTED,
    LineStatus.ON_HOLD: NO_ACTION,
}
_SAID_BY_ACTION = frozenset({LineStatus.ACCEPTED, LineStatus.REJECTED})
ORDER_NUMBER, SUPPLIER_ORDER, CHANGE_NUMBER = "ON", "VN", "PP"


class AcknowledgementMapper:
    message_type = "ORDRSP"
    document_type = PurchaseOrderAcknowledgement

    def decode(
        self, segments: Sequence[Segment], decimal_mark: str = "."
    ) -> PurchaseOrderAcknowledgement:
        reader = Reader("PurchaseOrderAcknowledgement", decimal_mark)
        parts = sections(segments)
        head = message.header(parts.header)
        bgm = first(head.own, "BGM")
        if bgm is None:
            reader.refuse("BGM", "is required: the beginning of the response message")
        order = next(iter(references(reader, head.own, ORDER_NUMBER)), None)
        if order is None:
            reader.fail("RFF", "is required: an RFF ON with the purchase order number")
        issued = dated(reader, head.own, ("137",))
        if issued is None:
            reader.fail("DTM", "is required: a DTM 137 with the date of the response")
        lines = tuple(
            _line(reader, message.line(group, index))
            for index, group in enumerate(parts.details, start=1)
        )
        change = first(head.own, "RFF", CHANGE_NUMBER)
        own = reader.text(bgm, 2)
        reasons = [text for subject in REASONS for text in texts(reader, head.own, subject)]
        acknowledgement = PurchaseOrderAcknowledgement(
            purchase_order_number=order or "",
            issued_on=issued or date.min,
            status=_order_status(reader, bgm, lines),
            lines=lines,
            supplier_order_number=next(iter(references(reader, head.own, SUPPLIER_ORDER)), None)
            or (own if own != order else None),
            change_number=reader.whole(
                change, 1, 2, positive=True, what="a change number (a whole number above zero)"
            )
            if change is not None
            else None,
            reason=reasons[0] if reasons else None,
        )
        reader.finish()
        return acknowledgement

    def encode(self, document: PurchaseOrderAcknowledgement) -> list[Segment]:
        writer = Writer("PurchaseOrderAcknowledgement")
        function, response = _WRITTEN[document.status]
        own = document.supplier_order_number or document.purchase_order_number
        writer.add(
            "BGM",
            RESPONSE,
            writer.text("BGM", 2, 1, own, "supplier_order_number"),
            function,
            response,
        )
        writer.date("137", document.issued_on)
        write_text(writer, REASONS[0], document.reason, "reason")
        for qualifier, value, name in (
            (ORDER_NUMBER, document.purchase_order_number, "purchase_order_number"),
            (SUPPLIER_ORDER, document.supplier_order_number, "supplier_order_number"),
            (CHANGE_NUMBER, _text(document.change_number), "change_number"),
        ):
            if value is not None:
                writer.add("RFF", (qualifier, writer.text("RFF", 1, 2, value, name)))
        for index, line in enumerate(document.lines):
            _write_line(writer, line, f"lines[{index}]")
        writer.add("UNS", "S")
        writer.add("CNT", ("2", str(len(document.lines))))
        return writer.finish()


def _text(value: int | None) -> str | None:
    return None if value is None else str(value)


def _order_status(
    reader: Reader, bgm: At, lines: Sequence[AcknowledgedLine]
) -> AcknowledgementStatus:
    status = _FUNCTIONS.get(reader.code(bgm, 3)) or _RESPONSE_TYPES.get(reader.code(bgm, 4))
    if status is None:
        functions, types_ = ", ".join(_FUNCTIONS), ", ".join(_RESPONSE_TYPES)
        reader.fail(
            bgm.field(4),
            f"must say the verdict: 1225 one of {functions}, or 4343 one of {types_}; "
            f"got {reader.code(bgm, 3)!r} and {reader.code(bgm, 4)!r}",
        )
        return AcknowledgementStatus.ACCEPTED
    if status is AcknowledgementStatus.ACCEPTED and any(
        line.status.changes_the_order for line in lines
    ):
        return AcknowledgementStatus.ACCEPTED_WITH_CHANGES
    return status


def _line(reader: Reader, line: message.Line) -> AcknowledgedLine:
    own = line.own
    confirmed, owed = first(own, "QTY", CONFIRMED), first(own, "QTY", BACKORDERED)
    ordered = quantity(reader, own, (ORDERED,))
    amount = reader.decimal(confirmed, 1, 2) if confirmed else None
    backordered = reader.decimal(owed, 1, 2) if owed else None
    unit = next(
        (u for at in (confirmed, owed, ordered) if at is not None and (u := reader.code(at, 1, 3))),
        None,
    )
    delivery = dated(reader, own, PROMISED_DELIVERY)
    code = read_code(reader, own)
    status = STATUSES.get(code or "")
    if status is None:
        status = _by_action(reader.code(line.head, 2))
    if status is None:
        ordered_amount = reader.decimal(ordered, 1, 2) if ordered else None
        status = _by_quantities(amount, ordered_amount, delivery)
        if status is LineStatus.REJECTED:
            backordered = None  # nothing confirmed, no date: the shortfall is not to follow
    numbers = item_numbers(reader, line.head, own)
    reasons = [text for subject in REASONS for text in texts(reader, own, subject)]
    return AcknowledgedLine(
        line_number=line_number(reader, line),
        status=status,
        quantity=amount,
        unit_of_measure=unit,
        unit_price=price(reader, line),
        backordered_quantity=backordered,
        promised_ship_date=dated(reader, own, PROMISED_SHIP),
        promised_delivery_date=delivery,
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        reason=reasons[0] if reasons else None,
    )


def _by_action(action: str) -> LineStatus | None:
    return {
        ACCEPTED_AS_IS: LineStatus.ACCEPTED,
        AMENDED: LineStatus.ACCEPTED_WITH_CHANGES,
        NOT_ACCEPTED: LineStatus.REJECTED,
    }.get(action)


def _by_quantities(
    confirmed: Decimal | None, ordered: Decimal | None, delivery: date | None
) -> LineStatus:
    if confirmed is None:
        return LineStatus.ACCEPTED
    if confirmed <= 0:
        return LineStatus.BACKORDERED if delivery is not None else LineStatus.REJECTED
    if ordered is not None and confirmed < ordered:
        return LineStatus.QUANTITY_CHANGED
    return LineStatus.ACCEPTED


def _write_line(writer: Writer, line: AcknowledgedLine, field: str) -> None:
    action = _ACTIONS.get(line.status, AMENDED)
    write_line_head(
        writer, line.line_number, action, ItemNumbers(line.buyer_item, line.supplier_item), field
    )
    if (
        line.unit_of_measure is not None
        and line.quantity is None
        and line.backordered_quantity is None
    ):
        writer.fail(
            f"{field}.unit_of_measure", "EDIFACT carries a unit only beside a quantity (QTY 6411)"
        )
    write_quantity(writer, CONFIRMED, line.quantity, line.unit_of_measure, field)
    if line.backordered_quantity is not None:
        write_quantity(
            writer,
            BACKORDERED,
            line.backordered_quantity,
            line.unit_of_measure,
            field,
            "backordered_quantity",
        )
    writer.date(PROMISED_DELIVERY[0], line.promised_delivery_date)
    writer.date(PROMISED_SHIP[0], line.promised_ship_date)
    write_text(writer, REASONS[0], line.reason, f"{field}.reason")
    if line.status not in _SAID_BY_ACTION:
        write_code(writer, _CODES[line.status])
    write_price(writer, line.unit_price, field)
