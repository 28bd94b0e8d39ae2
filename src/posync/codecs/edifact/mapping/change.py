"""ORDCHG (purchase order change request) <-> ``PurchaseOrderChange``.

BGM: C002 1001 230 (purchase order change request), 1004 the change
request's own number, 1225 the message function: 1 (cancellation) and 3
(deletion) cancel the order, 4 (change), 5 (replace), 33 and 36 (changes in
heading or detail) change it. D.96A asks for a number that identifies the
change itself, so 1004 is written as the order number and the change number
joined by a hyphen (``PO4711-2``); the order is named by RFF ON. The change
number is read from RFF PP (purchase order change number) when sent, else
from what follows the order number and a hyphen in 1004, else from 1004
when it is a whole number. DTM 137 is the date of the request, FTX AAO the
reason.

Lines: LIN 1229 is the action: 1 added, 2 deleted (a cancelled line), 4 no
action, 3 changed (also read when absent). What a changed line changes is
kept in a mutually defined FTX (``FTX+ZZZ++QD::ZZZ``) in the vocabulary of
X12's element 670: QI and QD quantity increase and decrease, PC price, CT
dates, RE item, RZ everything; a changed line without it is read by what it
carries (only dates: dates; only item numbers: item; else a replacement). QTY
21 is the quantity the line is to have, PRI AAA its price, IMD the
description and DTM 2 and 10 the requested delivery and ship dates; values
left out stay as they were.
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from posync.codecs.edifact.mapping import message
from posync.codecs.edifact.mapping.items import (
    ItemNumbers,
    description,
    item_numbers,
    read_code,
    texts,
    write_code,
    write_description,
    write_line_head,
    write_text,
)
from posync.codecs.edifact.mapping.purchase_order import (
    DELIVERY,
    ORDERED_QUANTITY,
    SHIP,
    line_number,
    price,
    quantity,
    write_price,
    write_quantity,
)
from posync.codecs.edifact.mapping.reading import At, Reader, dated, first, references, sections
from posync.codecs.edifact.mapping.writing import Writer
from posync.codecs.edifact.segments import Segment
from posync.domain.documents import ChangedLine, ChangePurpose, LineChangeType, PurchaseOrderChange

CHANGE_REQUEST = "230"
REASON = "AAO"
_PURPOSES = {
    "1": ChangePurpose.CANCELLATION,
    "3": ChangePurpose.CANCELLATION,
    "4": ChangePurpose.CHANGE,
    "5": ChangePurpose.CHANGE,
    "33": ChangePurpose.CHANGE,
    "36": ChangePurpose.CHANGE,
}
_PURPOSE_CODES = {ChangePurpose.CANCELLATION: "1", ChangePurpose.CHANGE: "4"}
ADDED, DELETED, CHANGED, NO_ACTION = "1", "2", "3", "4"
_ACTIONS = {
    ADDED: LineChangeType.ADD,
    DELETED: LineChangeType.CANCEL,
    NO_ACTION: LineChangeType.NO_CHANGE,
}
_ACTION_CODES = {change: action for action, change in _ACTIONS.items()}
CHANGES: Mapping[str, LineChangeType] = types.MappingProxyType(
    {
        "QI": LineChangeType.QUANTITY_INCREASE,
        "QD": LineChangeType.QUANTITY_DECREASE,
        "PC": LineChangeType.PRICE_CHANGE,
        "CT": LineChangeType.DATE_CHANGE,
        "RE": LineChangeType.ITEM_CHANGE,
        "RZ": LineChangeType.REPLACE,
    }
)
_CHANGE_CODES = {change: code for code, change in CHANGES.items()}
CHANGE_NUMBER = "PP"
ORDER_NUMBER = "ON"


class ChangeMapper:
    message_type = "ORDCHG"
    document_type = PurchaseOrderChange

    def decode(self, segments: Sequence[Segment], decimal_mark: str = ".") -> PurchaseOrderChange:
        reader = Reader("PurchaseOrderChange", decimal_mark)
        parts = sections(segments)
        head = message.header(parts.header)
        bgm = first(head.own, "BGM")
        if bgm is None:
            reader.refuse("BGM", "is required: the beginning of the change message")
        function = reader.code(bgm, 3)
        purpose = _PURPOSES.get(function)
        if purpose is None:
            known = ", ".join(sorted(_PURPOSES))
            reader.fail(bgm.field(3), f"must be a message function ({known}), got {function!r}")
        own_number = reader.code(bgm, 2)
        order = next(iter(references(reader, head.own, ORDER_NUMBER)), None)
        if order is None:
            order = own_number.rsplit("-", 1)[0] if "-" in own_number else None
        if order is None:
            reader.fail("RFF", "is required: an RFF ON with the purchase order number")
        issued = dated(reader, head.own, ("137",))
        if issued is None:
            reader.fail("DTM", "is required: a DTM 137 with the date of the change")
        reasons = texts(reader, head.own, REASON)
        change = PurchaseOrderChange(
            purchase_order_number=order or "",
            change_number=_change_number(reader, head.own, bgm, order or "") or 0,
            issued_on=issued or date.min,
            purpose=purpose or ChangePurpose.CHANGE,
            lines=tuple(
                _line(reader, message.line(group, index))
                for index, group in enumerate(parts.details, start=1)
            ),
            reason=reasons[0] if reasons else None,
        )
        reader.finish()
        return change

    def encode(self, document: PurchaseOrderChange) -> list[Segment]:
        change = document
        writer = Writer("PurchaseOrderChange")
        own_number = f"{change.purchase_order_number}-{change.change_number}"
        writer.add(
            "BGM",
            CHANGE_REQUEST,
            writer.text("BGM", 2, 1, own_number, "change_number"),
            _PURPOSE_CODES[change.purpose],
        )
        writer.date("137", change.issued_on)
        write_text(writer, REASON, change.reason, "reason")
        order = writer.text("RFF", 1, 2, change.purchase_order_number, "purchase_order_number")
        writer.add("RFF", (ORDER_NUMBER, order))
        for index, line in enumerate(change.lines):
            _write_line(writer, line, f"lines[{index}]")
        writer.add("UNS", "S")
        writer.add("CNT", ("2", str(len(change.lines))))
        return writer.finish()


def _change_number(reader: Reader, header: Sequence[At], bgm: At, order: str) -> int | None:
    what = "a change number (a whole number greater than zero)"
    stated = first(header, "RFF", CHANGE_NUMBER)
    if stated is not None:
        return reader.whole(stated, 1, 2, positive=True, what=what)
    own = reader.code(bgm, 2)
    if order and own.startswith(f"{order}-"):
        sequence = own[len(order) + 1 :]
        if sequence.isdigit() and sequence.isascii() and len(sequence) <= 18 and int(sequence):
            return int(sequence)
        reader.fail(bgm.field(2), f"must end in {what} after {order}-, got {own!r}")
        return None
    return reader.whole(bgm, 2, required="the change number", positive=True, what=what)


def _line(reader: Reader, line: message.Line) -> ChangedLine:
    action = reader.code(line.head, 2) or CHANGED
    change = _ACTIONS.get(action)
    if change is None and action != CHANGED:
        reader.fail(
            line.head.field(2),
            f"must be an action (1 added, 2 deleted, 3 changed, 4 no action), got {action!r}",
        )
    code = read_code(reader, line.own)
    if change is None:
        change = CHANGES.get(code or "")
    numbers = item_numbers(reader, line.head, line.own)
    ordered = quantity(reader, line.own, (ORDERED_QUANTITY, "1"))
    changed = ChangedLine(
        line_number=line_number(reader, line),
        change=change or LineChangeType.REPLACE,
        quantity=reader.decimal(ordered, 1, 2) if ordered else None,
        unit_of_measure=(reader.code(ordered, 1, 3) or None) if ordered else None,
        unit_price=price(reader, line),
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        description=description(reader, line.own),
        requested_ship_date=dated(reader, line.own, (SHIP,)),
        requested_delivery_date=dated(reader, line.own, (DELIVERY,)),
    )
    return replace(changed, change=_by_content(changed)) if change is None else changed


def _by_content(line: ChangedLine) -> LineChangeType:
    """What a changed line without a code changes, judged by the values it carries."""
    values = (line.quantity, line.unit_of_measure, line.unit_price, line.description)
    dates = (line.requested_ship_date, line.requested_delivery_date)
    items = (line.buyer_item, line.supplier_item)
    if all(value is None for value in (*values, *items)) and any(dates):
        return LineChangeType.DATE_CHANGE
    if all(value is None for value in (*values, *dates)) and any(items):
        return LineChangeType.ITEM_CHANGE
    return LineChangeType.REPLACE


def _write_line(writer: Writer, line: ChangedLine, field: str) -> None:
    action = _ACTION_CODES.get(line.change, CHANGED)
    numbers = ItemNumbers(line.buyer_item, line.supplier_item)
    write_line_head(writer, line.line_number, action, numbers, field)
    write_description(writer, line.description, f"{field}.description")
    if line.quantity is None and line.unit_of_measure is not None:
        writer.fail(
            f"{field}.unit_of_measure", "EDIFACT carries a unit only beside a quantity (QTY 6411)"
        )
    write_quantity(writer, ORDERED_QUANTITY, line.quantity, line.unit_of_measure, field)
    writer.date(DELIVERY, line.requested_delivery_date)
    writer.date(SHIP, line.requested_ship_date)
    if line.change in _CHANGE_CODES:
        write_code(writer, _CHANGE_CODES[line.change])
    write_price(writer, line.unit_price, field)
