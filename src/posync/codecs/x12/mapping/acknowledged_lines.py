"""The line answers that 855 and 865 share: ACK segments and the verdict on the order.

ACK01 to ``LineStatus``:

    IA, AR, AC, AA   accepted                 IP   price changed
    IE, SP           accepted (reason "price  IQ   quantity changed
                     pending" / "schedule     IS   item changed (ACK07 on: new item)
                     date pending")           DR   date changed
    IC               accepted with changes    IB   backordered
    IF, IH, IW       on hold                  BP   partially backordered
    IR, ID, R1-R8    rejected (ID and R1-R8 give their meaning as the reason)

ACK02 is the quantity the status applies to, ACK03 its unit, ACK04/05 a date:
067 (current schedule delivery), 017 or 069 are the promised delivery date,
068 or 011 the promised ship date; a DTM of the loop with those qualifiers is
read too. Several ACKs on one line combine: an IB gives the backordered
quantity, the others add up to the confirmed quantity, and an accepted line
with a backorder is partially backordered (``IA*60`` + ``IB*40``). A line
with no ACK at all is accepted as its PO1 states it. REF*ZZ is the reason.

Writing takes the code from the status: accepted IA, accepted with changes
IC, quantity changed IQ, price changed IP, date changed DR, item changed IS,
backordered IB, partially backordered BP with an IB for the balance, on hold
IH, rejected IR. The promised delivery date goes in ACK04/05 as 067 (the ship
date as 068 when there is no delivery date, else in a DTM*068).

The order's verdict (BAK02, BCA02): AC is accepted with changes; AD, AE, AH,
AK, AP and AT are accepted, with changes when a line changes the order; RD,
RF and RJ are rejected. Written: AC, AD (AK without lines), RD (RJ without).

Not carried: the quantity of a wholly backordered line other than its
backordered quantity.
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from posync.codecs.x12.mapping.common import At, Reader, dated, every, first
from posync.codecs.x12.mapping.items import (
    ItemNumbers,
    id_pairs,
    item_numbers,
    reason,
    write_ids,
    write_reason,
)
from posync.codecs.x12.mapping.writing import Writer
from posync.domain.documents import AcknowledgedLine, AcknowledgementStatus, LineStatus

STATUSES: Mapping[str, LineStatus] = types.MappingProxyType(
    {
        "AA": LineStatus.ACCEPTED,
        "AC": LineStatus.ACCEPTED,
        "AR": LineStatus.ACCEPTED,
        "BP": LineStatus.PARTIALLY_BACKORDERED,
        "DR": LineStatus.DATE_CHANGED,
        "IA": LineStatus.ACCEPTED,
        "IB": LineStatus.BACKORDERED,
        "IC": LineStatus.ACCEPTED_WITH_CHANGES,
        "ID": LineStatus.REJECTED,
        "IE": LineStatus.ACCEPTED,
        "IF": LineStatus.ON_HOLD,
        "IH": LineStatus.ON_HOLD,
        "IP": LineStatus.PRICE_CHANGED,
        "IQ": LineStatus.QUANTITY_CHANGED,
        "IR": LineStatus.REJECTED,
        "IS": LineStatus.ITEM_CHANGED,
        "IW": LineStatus.ON_HOLD,
        "SP": LineStatus.ACCEPTED,
        **{f"R{n}": LineStatus.REJECTED for n in range(1, 9)},
    }
)
# What a code says that its status alone does not.
IMPLIED_REASONS: Mapping[str, str] = types.MappingProxyType(
    {
        "AA": "order forwarded to an alternate supplier location",
        "ID": "item deleted",
        "IE": "price pending",
        "IF": "on hold: incomplete description",
        "IW": "on hold: waiver required",
        "SP": "schedule date pending",
        "R1": "not a contract item",
        "R2": "invalid item product number",
        "R3": "invalid unit of issue",
        "R4": "contract item not available",
        "R5": "reorder item as a just-in-time order",
        "R6": "reorder item as an extended delivery order",
        "R7": "reorder item as a drop shipment",
        "R8": "reorder item as a surge order",
    }
)
CODES: Mapping[LineStatus, str] = types.MappingProxyType(
    {
        LineStatus.ACCEPTED: "IA",
        LineStatus.ACCEPTED_WITH_CHANGES: "IC",
        LineStatus.QUANTITY_CHANGED: "IQ",
        LineStatus.PRICE_CHANGED: "IP",
        LineStatus.DATE_CHANGED: "DR",
        LineStatus.ITEM_CHANGED: "IS",
        LineStatus.BACKORDERED: "IB",
        LineStatus.PARTIALLY_BACKORDERED: "BP",
        LineStatus.ON_HOLD: "IH",
        LineStatus.REJECTED: "IR",
    }
)
_BACKORDER = "IB"
_ISSUED = ("097",)
_DELIVERY = ("067", "017", "069")
_SHIP = ("068", "011")
_ACCEPTING = frozenset({"AD", "AE", "AH", "AK", "AP", "AT"})
_REJECTING = frozenset({"RD", "RF", "RJ"})
LINE_NUMBER = "a line number (a whole number greater than zero)"


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the line-opening segment (PO1 or POC) keeps its values."""

    quantity: int
    unit: int
    price: int
    ids: int


PO1_LAYOUT = Layout(quantity=2, unit=3, price=4, ids=6)
POC_LAYOUT = Layout(quantity=3, unit=5, price=6, ids=8)


def read_order_status(
    reader: Reader, at: At, position: int, lines: Sequence[AcknowledgedLine]
) -> AcknowledgementStatus:
    code = reader.code(at, position)
    if code in _REJECTING:
        return AcknowledgementStatus.REJECTED
    if code == "AC" or (
        code in _ACCEPTING and any(line.status.changes_the_order for line in lines)
    ):
        return AcknowledgementStatus.ACCEPTED_WITH_CHANGES
    if code in _ACCEPTING:
        return AcknowledgementStatus.ACCEPTED
    known = ", ".join(sorted(_ACCEPTING | _REJECTING | {"AC"}))
    if code:
        reader.fail(at.field(position), f"must be an acknowledgment type ({known}), got {code!r}")
    else:
        reader.missing(at, position, f"the acknowledgment type ({known})")
    return AcknowledgementStatus.ACCEPTED


def order_status_code(status: AcknowledgementStatus, lines: Sequence[AcknowledgedLine]) -> str:
    if status is AcknowledgementStatus.REJECTED:
        return "RD" if lines else "RJ"
    if status is AcknowledgementStatus.ACCEPTED_WITH_CHANGES:
        return "AC"
    return "AD" if lines else "AK"


def read_line(
    reader: Reader, loop: Sequence[At], position: int, layout: Layout
) -> AcknowledgedLine:
    head, rest = loop[0], loop[1:]
    numbers = item_numbers(id_pairs(reader, head, layout.ids))
    unit = reader.unit(head, layout.unit)
    quantity = reader.decimal(head, layout.quantity)
    price = reader.decimal(head, layout.price)
    price_segment = first(rest, "CTP")
    if price is None and price_segment is not None:
        price = reader.decimal(price_segment, 3)
    status, backordered, implied = LineStatus.ACCEPTED, None, None
    delivery, ship = dated(reader, rest, _DELIVERY), dated(reader, rest, _SHIP)
    answers = [_answer(reader, at) for at in every(rest, "ACK")]
    if answers:
        status, quantity, backordered = _combined(answers)
        unit = next((a.unit for a in answers if a.unit), unit)
        delivery = next((a.delivery for a in answers if a.delivery), delivery)
        ship = next((a.ship for a in answers if a.ship), ship)
        implied = next(
            (IMPLIED_REASONS[a.code] for a in answers if a.code in IMPLIED_REASONS), None
        )
        numbers = next((a.numbers for a in answers if a.numbers != ItemNumbers()), numbers)
    return AcknowledgedLine(
        line_number=reader.whole(head, 1, positive=True, what=LINE_NUMBER) or position,
        status=status,
        quantity=quantity,
        unit_of_measure=unit,
        unit_price=price,
        backordered_quantity=backordered,
        promised_ship_date=ship,
        promised_delivery_date=delivery,
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        reason=reason(reader, rest) or implied,
    )


def _combined(answers: Sequence[_Answer]) -> tuple[LineStatus, Decimal | None, Decimal | None]:
    """The status, confirmed quantity and backordered quantity a line's ACKs say together."""
    owed = [a.quantity for a in answers if a.code == _BACKORDER and a.quantity]
    backordered = sum(owed, Decimal(0)) if owed else None
    confirming = [a for a in answers if a.code != _BACKORDER]
    if not confirming:
        return LineStatus.BACKORDERED, None, backordered
    status = STATUSES.get(confirming[0].code, LineStatus.ACCEPTED)
    if backordered is not None and status is LineStatus.ACCEPTED:
        status = LineStatus.PARTIALLY_BACKORDERED
    given = [a.quantity for a in confirming if a.quantity is not None]
    return status, (sum(given, Decimal(0)) if given else None), backordered


@dataclass(frozen=True, slots=True)
class _Answer:
    code: str
    quantity: Decimal | None
    unit: str | None
    delivery: date | None
    ship: date | None
    numbers: ItemNumbers


def _answer(reader: Reader, at: At) -> _Answer:
    code = reader.code(at, 1)
    if code not in STATUSES:
        known = ", ".join(sorted(STATUSES))
        if code:
            reader.fail(at.field(1), f"must be a line item status code ({known}), got {code!r}")
        else:
            reader.missing(at, 1, f"the line item status code ({known})")
    qualifier, when = reader.code(at, 4), None
    if len(qualifier) == 8 and qualifier.isdigit() and not reader.code(at, 5):
        qualifier, when = _DELIVERY[0], reader.date(at, 4)  # a date sent without its qualifier
    elif qualifier:
        when = reader.date(at, 5)
    return _Answer(
        code=code,
        quantity=reader.decimal(at, 2),
        unit=reader.unit(at, 3),
        delivery=when if qualifier in _DELIVERY else None,
        ship=when if qualifier in _SHIP else None,
        numbers=item_numbers(id_pairs(reader, at, 7)),
    )


def write_answers(writer: Writer, line: AcknowledgedLine, field: str) -> None:
    """The REF*ZZ reason, a DTM for a second date, and the ACK segments of one line."""
    write_reason(writer, line.reason, f"{field}.reason")
    dates = [
        (qualifier, when)
        for qualifier, when in (
            (_DELIVERY[0], line.promised_delivery_date),
            (_SHIP[0], line.promised_ship_date),
        )
        if when is not None
    ]
    if len(dates) > 1:
        writer.add("DTM", dates[1][0], writer.date(dates[1][1]))
    status = line.status
    owed = line.backordered_quantity
    answers: list[tuple[str, Decimal | None, str]] = []
    if status is LineStatus.BACKORDERED:
        answers.append((_BACKORDER, owed if owed is not None else line.quantity, "quantity"))
        owed = None
    else:
        answers.append((CODES[status], line.quantity, "quantity"))
    if owed is not None:
        answers.append((_BACKORDER, owed, "backordered_quantity"))
    numbers = ItemNumbers(line.buyer_item, line.supplier_item)
    for index, (code, quantity, name) in enumerate(answers):
        when = dates[0] if dates and index == 0 else ("", None)
        ids = []
        if index == 0 and status is LineStatus.ITEM_CHANGED:
            ids = write_ids(writer, "ACK", 7, numbers, f"{field}.")
        writer.add(
            "ACK",
            code,
            writer.decimal("ACK02", quantity, f"{field}.{name}"),
            writer.unit("ACK03", quantity, line.unit_of_measure, f"{field}.unit_of_measure"),
            when[0],
            writer.date(when[1]),
            "",
            *ids,
        )
    if line.unit_of_measure is not None and all(q is None for _, q, _ in answers):
        writer.fail(
            f"{field}.unit_of_measure", "X12 carries a unit only beside a quantity (ACK02/ACK03)"
        )


def head_numbers(line: AcknowledgedLine) -> ItemNumbers:
    return ItemNumbers(line.buyer_item, line.supplier_item)


def issued_on(reader: Reader, header: Sequence[At], at: At, *, answered: int, ordered: int) -> date:
    """The acknowledgment's own date, else a DTM*097, else the order date it restates."""
    return (
        reader.date(at, answered)
        or dated(reader, header, _ISSUED)
        or reader.date(at, ordered, required="the date")
        or date.min
    )
