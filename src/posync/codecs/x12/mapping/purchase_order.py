"""850 Purchase Order <-> ``PurchaseOrder``.

Header: BEG (01 purpose, 00 written; 02 type: SA standalone, BK blanket, RL
release, DS dropship, any other read as standalone; 03 the order number; 04
the release number; 05 the order date; 06 the blanket order a release draws
on, as the contract number), CUR (CUR02, USD when absent), REF*PP (the
revision, when above 0), FOB (Incoterms), ITD (payment terms), DTM 002 and
010 (requested delivery and ship dates), TD5 (TD505, the ship method), N9/MSG
(one loop per note), N1 loops BY buyer, SE supplier (VN or SU read too), ST
ship-to, BT bill-to; a header PER is the buyer's contact when its N1 has none.

Lines: PO1 (01 the line number, which must be a whole number; 02 quantity;
03 unit; 04 unit price; 06 on, item numbers), PID description, DTM 002/010,
and SCH schedule lines (quantity, unit, and 002/010 dates in SCH05/06 and
SCH08/09). CTT gives the line count and the hash total of the quantities.

Not carried by X12: a line's item category, account assignments,
capitalisation flag and sales-order line; a party's identifiers beyond the
one N1 holds. A schedule line needs a date (SCH05/06 are mandatory), so one
without is refused on writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from posync.codecs.segment_groups import groups
from posync.codecs.x12.mapping.code_tables import UNITS
from posync.codecs.x12.mapping.common import (
    At,
    EncodeOptions,
    Reader,
    dated,
    every,
    first,
    locate,
    loop_head,
    sections,
)
from posync.codecs.x12.mapping.fast_values import clean_date, clean_decimal, clean_positive
from posync.codecs.x12.mapping.items import (
    BUYER_ITEM,
    GTIN,
    N9_MEMBERS,
    SUPPLIER_ITEM,
    ItemNumbers,
    best_of,
    description,
    id_pairs,
    item_numbers,
    notes,
    write_description,
    write_ids,
    write_notes,
)
from posync.codecs.x12.mapping.parties import (
    N1_MEMBERS,
    party_roles,
    pick,
    read_contact,
    with_contact,
    write_party,
)
from posync.codecs.x12.mapping.terms import (
    read_incoterms,
    read_terms,
    write_incoterms,
    write_terms,
)
from posync.codecs.x12.mapping.writing import Writer, plain
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import OrderKind, PurchaseOrder, PurchaseOrderLine, ScheduleLine
from posync.domain.values import Party

_KINDS = {"BK": OrderKind.BLANKET, "RL": OrderKind.RELEASE, "DS": OrderKind.DROPSHIP}
_KIND_CODES = {
    OrderKind.STANDARD: "SA",
    OrderKind.BLANKET: "BK",
    OrderKind.RELEASE: "RL",
    OrderKind.DROPSHIP: "DS",
}
_CANCELLING = ("01", "03")
_ROLES = ("BY", "SE", "VN", "SU", "ST", "BT")
_SUMMARY = frozenset({"CTT", "AMT"})
DELIVERY, SHIP = "002", "010"
LINE_NUMBER = "a line number (a whole number greater than zero)"
_NOBODY = Party(name="")
_ZERO = Decimal(0)


class PurchaseOrderMapper:
    transaction_set = "850"
    functional_group = "PO"
    document_type = PurchaseOrder

    def decode(self, segments: Sequence[Segment], delimiters: Delimiters) -> PurchaseOrder:
        reader = Reader("PurchaseOrder", delimiters)
        parts = sections(segments, "PO1", _SUMMARY)
        header, party_loops = groups(locate(parts.header), "N1", N1_MEMBERS)
        header, note_loops = groups(header, "N9", N9_MEMBERS)
        beg = first(header, "BEG")
        if beg is None:
            reader.refuse("BEG", "is required: the beginning segment of the purchase order")
        purpose = reader.code(beg, 1)
        if purpose in _CANCELLING:
            reader.fail("BEG01", f"is {purpose}, a cancellation: send it as an 860 change")
        number = reader.text(beg, 3)
        if number is None:
            reader.missing(beg, 3, "the purchase order number")
        order_date = reader.date(beg, 5, required="the purchase order date")
        currency = first(header, "CUR")
        parties = party_roles(reader, party_loops, _ROLES)
        buyer = pick(parties, ("BY",))
        if buyer is None:
            reader.fail("N101", "is required: an N1 loop with N101 BY (the buyer)")
        elif buyer.contact is None and (contact := read_contact(reader, header)) is not None:
            buyer = with_contact(buyer, contact)
        supplier = pick(parties, ("SE", "VN", "SU"))
        if supplier is None:
            reader.fail("N101", "is required: an N1 loop with N101 SE, VN or SU (the supplier)")
        terms = first(header, "ITD")
        incoterms = first(header, "FOB")
        lines = _lines(reader, parts.loops)
        order = PurchaseOrder(
            number=number or "",
            order_date=order_date or date.min,
            buyer=buyer or _NOBODY,
            supplier=supplier or _NOBODY,
            currency=(reader.code(currency, 2) if currency else "") or "USD",
            lines=lines,
            revision=_revision(reader, header),
            kind=_KINDS.get(reader.code(beg, 2), OrderKind.STANDARD),
            ship_to=pick(parties, ("ST",)),
            bill_to=pick(parties, ("BT",)),
            payment_terms=read_terms(reader, terms)[0] if terms else None,
            incoterms=read_incoterms(reader, incoterms) if incoterms else None,
            ship_method=next(
                (m for at in every(header, "TD5") if (m := reader.text(at, 5)) is not None), None
            ),
            requested_ship_date=dated(reader, header, (SHIP,)),
            requested_delivery_date=dated(reader, header, (DELIVERY,)),
            blanket_order_number=reader.text(beg, 6),
            release_number=reader.whole(beg, 4, positive=True, what="a release number"),
            notes=notes(reader, note_loops),
        )
        reader.finish()
        return order

    def encode(self, document: PurchaseOrder, options: EncodeOptions) -> list[list[str]]:
        order = document
        writer = Writer("PurchaseOrder", options)
        release = None if order.release_number is None else str(order.release_number)
        writer.add(
            "BEG",
            "00",
            _KIND_CODES[order.kind],
            writer.text("BEG03", order.number, "number"),
            writer.text("BEG04", release, "release_number"),
            writer.date(order.order_date),
            writer.text("BEG06", order.blanket_order_number, "blanket_order_number"),
        )
        writer.add("CUR", "BY", writer.text("CUR02", order.currency, "currency"))
        if order.revision:
            writer.add("REF", "PP", writer.text("REF02", str(order.revision), "revision"))
        write_incoterms(writer, order.incoterms, "incoterms")
        write_terms(writer, order.payment_terms, None, "payment_terms")
        write_dates(writer, order.requested_delivery_date, order.requested_ship_date)
        if order.ship_method is not None:
            writer.add(
                "TD5", "", "", "", "", writer.text("TD505", order.ship_method, "ship_method")
            )
        write_notes(writer, order.notes, "notes")
        write_party(writer, "BY", order.buyer, "buyer")
        write_party(writer, "SE", order.supplier, "supplier")
        for role, party, name in (
            ("ST", order.ship_to, "ship_to"),
            ("BT", order.bill_to, "bill_to"),
        ):
            if party is not None:
                write_party(writer, role, party, name)
        for index, line in enumerate(order.lines):
            _write_line(writer, line, f"lines[{index}]")
        write_totals(writer, [line.quantity for line in order.lines])
        return writer.finish()


def _revision(reader: Reader, header: Sequence[At]) -> int:
    for at in every(header, "REF"):
        if reader.code(at, 1) == "PP":
            return reader.whole(at, 2, what="a revision number") or 0
    return 0


def _lines(reader: Reader, loops: Sequence[Sequence[Segment]]) -> tuple[PurchaseOrderLine, ...]:
    """Each PO1 loop as a line; problems are named under the loop's number (``PO1[3].PO102``).

    Fast path: a loop is read straight from its segments by ``_clean_line``;
    one with anything to report is read again, segments named, by ``_line``.
    """
    known: dict[str, date] = {}
    lines = []
    for position, loop in enumerate(loops, start=1):
        line = _clean_line(loop, position, known)
        if line is None:
            line = _line(reader, loop_head(loop, position), position)
        lines.append(line)
    return tuple(lines)


def _clean_line(
    loop: Sequence[Segment], position: int, known: dict[str, date]
) -> PurchaseOrderLine | None:
    """What ``_line`` reads from a loop in which every value is clean; else ``None``."""
    elements = loop[0].elements
    count = len(elements)
    if count < 4:
        return None  # PO102 to PO104 are required
    unit = UNITS.from_x12(elements[2].strip())
    quantity = clean_decimal(elements[1])
    price = clean_decimal(elements[3])
    if not unit or quantity is None or price is None:
        return None
    line_number = clean_positive(elements[0]) if elements[0].strip() else position
    if line_number is None:
        return None
    found: dict[str, str] = {}  # item numbers: the first of each qualifier (PO106 on)
    for index in range(5, count - 1, 2):
        qualifier, value = elements[index].strip(), elements[index + 1]
        if qualifier and value.strip():
            found.setdefault(qualifier, value)
    texts: list[str] = []
    ship = delivery = None
    schedule = []
    for index in range(1, len(loop)):
        segment = loop[index]
        tag, values = segment.tag, segment.elements
        if tag == "PID":
            if len(values) > 4 and values[4].strip() and values[0].strip() in ("F", ""):
                texts.append(values[4])
        elif tag == "DTM" and len(values) > 1:
            qualifier = values[0].strip()
            if (qualifier == SHIP and ship is None) or (qualifier == DELIVERY and delivery is None):
                value = values[1].strip()
                if value:
                    when = clean_date(value, known)
                    if when is None:
                        return None
                    if qualifier == SHIP:
                        ship = when
                    else:
                        delivery = when
        elif tag == "SCH":
            part = _clean_schedule_line(values, known)
            if part is None:
                return None
            schedule.append(part)
    return PurchaseOrderLine(
        line_number=line_number,
        quantity=quantity or _ZERO,
        unit_of_measure=unit,
        unit_price=price or _ZERO,
        # BP and VP, the qualifiers posync writes and most partners send, looked up first.
        buyer_item=found.get("BP") or best_of(found, BUYER_ITEM),
        supplier_item=found.get("VP") or best_of(found, SUPPLIER_ITEM),
        gtin=best_of(found, GTIN) if found else None,
        description=" ".join(texts) if texts else None,
        requested_ship_date=ship,
        requested_delivery_date=delivery,
        schedule=tuple(schedule),
    )


def _clean_schedule_line(values: Sequence[str], known: dict[str, date]) -> ScheduleLine | None:
    """What ``_schedule_line`` reads from a clean SCH; else ``None``."""
    count = len(values)
    dates: dict[str, date] = {}
    for index in (4, 7):
        value = values[index + 1].strip() if index + 1 < count else ""
        if value:
            when = clean_date(value, known)
            if when is None:
                return None
            dates.setdefault(values[index].strip(), when)
    quantity = clean_decimal(values[0]) if count else None
    if quantity is None:
        return None
    return ScheduleLine(
        quantity=quantity or _ZERO,
        requested_ship_date=dates.get(SHIP),
        requested_delivery_date=dates.get(DELIVERY),
    )


def _line(reader: Reader, loop: Sequence[At], position: int) -> PurchaseOrderLine:
    head, rest = loop[0], loop[1:]
    numbers = item_numbers(id_pairs(reader, head, 6))
    unit = reader.unit(head, 3) or ""
    if not unit:
        reader.missing(head, 3, "the unit of measure")
    return PurchaseOrderLine(
        line_number=reader.whole(head, 1, positive=True, what=LINE_NUMBER) or position,
        quantity=reader.decimal(head, 2, required="the quantity ordered") or Decimal(0),
        unit_of_measure=unit,
        unit_price=reader.decimal(head, 4, required="the unit price") or Decimal(0),
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        gtin=numbers.gtin,
        description=description(reader, rest),
        requested_ship_date=dated(reader, rest, (SHIP,)),
        requested_delivery_date=dated(reader, rest, (DELIVERY,)),
        schedule=tuple(_schedule_line(reader, at) for at in every(rest, "SCH")),
    )


def _schedule_line(reader: Reader, at: At) -> ScheduleLine:
    dates: dict[str, date] = {}
    for position in (5, 8):
        qualifier, when = reader.code(at, position), reader.date(at, position + 1)
        if when is not None:
            dates.setdefault(qualifier, when)
    return ScheduleLine(
        quantity=reader.decimal(at, 1, required="the scheduled quantity") or Decimal(0),
        requested_ship_date=dates.get(SHIP),
        requested_delivery_date=dates.get(DELIVERY),
    )


def _write_line(writer: Writer, line: PurchaseOrderLine, field: str) -> None:
    numbers = ItemNumbers(line.buyer_item, line.supplier_item, line.gtin)
    writer.add(
        "PO1",
        writer.text("PO101", str(line.line_number), f"{field}.line_number"),
        writer.decimal("PO102", line.quantity, f"{field}.quantity"),
        writer.unit_code("PO103", line.unit_of_measure, f"{field}.unit_of_measure"),
        writer.decimal("PO104", line.unit_price, f"{field}.unit_price"),
        "",
        *write_ids(writer, "PO1", 6, numbers, f"{field}."),
    )
    write_description(writer, line.description, f"{field}.description")
    write_dates(writer, line.requested_delivery_date, line.requested_ship_date)
    for index, part in enumerate(line.schedule):
        where = f"{field}.schedule[{index}]"
        dates = [
            (qualifier, writer.date(when))
            for qualifier, when in (
                (DELIVERY, part.requested_delivery_date),
                (SHIP, part.requested_ship_date),
            )
            if when is not None
        ]
        if not dates:
            writer.fail(where, "SCH05 and SCH06 are mandatory: a schedule line needs a date")
            continue
        second = ["", *dates[1]] if len(dates) > 1 else []
        writer.add(
            "SCH",
            writer.decimal("SCH01", part.quantity, f"{where}.quantity"),
            writer.unit_code("SCH02", line.unit_of_measure, f"{field}.unit_of_measure"),
            "",
            "",
            *dates[0],
            *second,
        )


def write_dates(writer: Writer, delivery: date | None, ship: date | None) -> None:
    if delivery is not None:
        writer.add("DTM", DELIVERY, writer.date(delivery))
    if ship is not None:
        writer.add("DTM", SHIP, writer.date(ship))


def write_totals(writer: Writer, quantities: Sequence[Decimal]) -> None:
    """CTT: the number of lines, and the hash total of their quantities when it fits."""
    hashed = None
    if all(quantity.is_finite() for quantity in quantities):
        hashed = plain(sum(quantities, Decimal(0)), 10)
    writer.add("CTT", str(len(quantities)), hashed or "")
