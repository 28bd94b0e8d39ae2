"""ORDERS (purchase order message) <-> ``PurchaseOrder``.

Header: BGM (C002 1001 the kind: 220 order, 221 blanket order, 226 call-off
order, a release; 220 with the name 1000 ``DROPSHIP`` a drop shipment, any
other order code read as standard; 1004 the order number; 1225 the message
function, 9 written, 1 and 3 refused as cancellations that belong in an
ORDCHG), DTM 137 the order date (4 read too), DTM 2 and 10 the requested
delivery and ship dates, FTX AAI one per note, FTX AAB the terms' text, RFF
PP the revision (when above 0), RFF CT the blanket order as the contract
number (BO, blanket order number, read too) and RFF RE the release number,
NAD groups BY buyer, SU supplier (SE read too), DP ship-to (ST read too), IV
bill-to, CUX the currency, PAT groups the payment terms, TDT C040 3128 the
ship method, TOD the Incoterms.

Lines (LIN groups): LIN 1082 the line number (a whole number), item numbers
in LIN and PIA, IMD the description, QTY 21 the quantity and its unit (6411,
UN/ECE Recommendation 20 as canonical documents hold it), DTM 2 and 10,
PRI AAA the unit price (AAB and AAE read too), and one SCC group (4017 1,
firm) per schedule line with its QTY 21 and DTM 2 and 10. UNS, then CNT 2
the number of lines.

Not carried by EDIFACT here, as by X12: a line's item category, account
assignments, capitalisation flag and sales-order line; identifiers of a party
beyond the one NAD holds.

Decoding tries the fast paths first: ``fast_header`` for a header of the
usual shape, ``fast_lines`` for each clean LIN group. Whatever they decline
is read the careful way (``read_order``, ``_line``), which names every problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from posync.codecs.edifact.mapping import message
from posync.codecs.edifact.mapping.fast_header import (
    BLANKET,
    CALL_OFF,
    CANCELLING,
    DROPSHIP,
    NOTE,
    ROLES,
    OrderHeader,
    clean_order_header,
    order_kind,
)
from posync.codecs.edifact.mapping.fast_lines import clean_order_line
from posync.codecs.edifact.mapping.items import (
    ItemNumbers,
    description,
    item_numbers,
    texts,
    write_description,
    write_line_head,
    write_text,
)
from posync.codecs.edifact.mapping.parties import party_roles, pick, write_party
from posync.codecs.edifact.mapping.reading import (
    At,
    Reader,
    Sections,
    dated,
    first,
    references,
    sections,
)
from posync.codecs.edifact.mapping.terms import (
    ORDER_CURRENCY,
    read_currency,
    read_incoterms,
    read_terms,
    write_currency,
    write_incoterms,
    write_terms,
    write_terms_text,
)
from posync.codecs.edifact.mapping.writing import Writer
from posync.codecs.edifact.segments import Segment
from posync.domain.documents import OrderKind, PurchaseOrder, PurchaseOrderLine, ScheduleLine
from posync.domain.values import Party

ORDER = "220"
ORIGINAL = "9"
ISSUED, ORDERED = ("137", "4"), "137"
DELIVERY, SHIP = "2", "10"
ORDERED_QUANTITY = "21"
PRICES = ("AAA", "AAB", "AAE")
REVISION, BLANKET_ORDER, RELEASE = "PP", "CT", "RE"
BLANKET_ORDERS = (BLANKET_ORDER, "BO")
LINE_NUMBER = "a line number (a whole number greater than zero)"
FIRM = "1"
_NOBODY = Party(name="")


class PurchaseOrderMapper:
    message_type = "ORDERS"
    document_type = PurchaseOrder

    def decode(self, segments: Sequence[Segment], decimal_mark: str = ".") -> PurchaseOrder:
        reader = Reader("PurchaseOrder", decimal_mark)
        parts = sections(segments)
        clean = clean_order_header(parts.header)
        if clean is not None:
            # A clean header has nothing to report: only the lines can.
            lines = _lines(reader, parts.details)
            reader.finish()
            return _order(clean, lines)
        return read_order(reader, parts)

    def encode(self, document: PurchaseOrder) -> list[Segment]:
        order = document
        writer = Writer("PurchaseOrder")
        code = {OrderKind.BLANKET: BLANKET, OrderKind.RELEASE: CALL_OFF}.get(order.kind, ORDER)
        name = DROPSHIP if order.kind is OrderKind.DROPSHIP else ""
        writer.add(
            "BGM",
            (code, "", "", name),
            writer.text("BGM", 2, 1, order.number, "number"),
            ORIGINAL,
        )
        writer.date(ORDERED, order.order_date)
        writer.date(DELIVERY, order.requested_delivery_date)
        writer.date(SHIP, order.requested_ship_date)
        for index, note in enumerate(order.notes):
            write_text(writer, NOTE, note, f"notes[{index}]")
        write_terms_text(writer, order.payment_terms, "payment_terms")
        for qualifier, value, name in (
            (REVISION, str(order.revision) if order.revision else None, "revision"),
            (BLANKET_ORDER, order.blanket_order_number, "blanket_order_number"),
            (RELEASE, _text(order.release_number), "release_number"),
        ):
            if value is not None:
                writer.add("RFF", (qualifier, writer.text("RFF", 1, 2, value, name)))
        write_party(writer, "BY", order.buyer, "buyer")
        write_party(writer, "SU", order.supplier, "supplier")
        for role, party, name in (
            ("DP", order.ship_to, "ship_to"),
            ("IV", order.bill_to, "bill_to"),
        ):
            if party is not None:
                write_party(writer, role, party, name)
        write_currency(writer, order.currency, ORDER_CURRENCY)
        write_terms(writer, order.payment_terms, None, "payment_terms")
        write_ship_method(writer, order.ship_method)
        write_incoterms(writer, order.incoterms, "incoterms")
        for index, line in enumerate(order.lines):
            _write_line(writer, line, f"lines[{index}]")
        writer.add("UNS", "S")
        writer.add("CNT", ("2", str(len(order.lines))))
        return writer.finish()


def _text(value: int | None) -> str | None:
    return None if value is None else str(value)


def read_order(reader: Reader, parts: Sections) -> PurchaseOrder:
    """The order of a message cut into ``parts``, read the careful way: every problem named."""
    head = message.header(parts.header)
    bgm = first(head.own, "BGM")
    if bgm is None:
        reader.refuse("BGM", "is required: the beginning of the order message")
    function = reader.code(bgm, 3)
    if function in CANCELLING:
        reader.fail(bgm.field(3), f"is {function}, a cancellation: send it as an ORDCHG")
    number = reader.required(bgm, 2, 1, "the purchase order number")
    order_date = dated(reader, head.own, ISSUED)
    if order_date is None:
        reader.fail("DTM", "is required: a DTM 137 with the order date")
    parties = party_roles(reader, head.parties, ROLES)
    buyer, supplier = pick(parties, ("BY",)), pick(parties, ("SU", "SE"))
    if buyer is None:
        reader.fail("NAD", "is required: a NAD with 3035 BY (the buyer)")
    if supplier is None:
        reader.fail("NAD", "is required: a NAD with 3035 SU or SE (the supplier)")
    terms, _ = read_terms(reader, head.payment_terms, head.own)
    release = next(iter(references(reader, head.own, RELEASE)), None)
    order = PurchaseOrder(
        number=number,
        order_date=order_date or date.min,
        buyer=buyer or _NOBODY,
        supplier=supplier or _NOBODY,
        currency=read_currency(reader, head.own, "the currency of the order"),
        lines=_lines(reader, parts.details),
        revision=_revision(reader, head.own),
        kind=order_kind(bgm.segment.elements),
        ship_to=pick(parties, ("DP", "ST")),
        bill_to=pick(parties, ("IV",)),
        payment_terms=terms,
        incoterms=read_incoterms(reader, head.delivery_terms),
        ship_method=ship_method(reader, head.transport),
        requested_ship_date=dated(reader, head.own, (SHIP,)),
        requested_delivery_date=dated(reader, head.own, (DELIVERY,)),
        blanket_order_number=next(
            (b for q in BLANKET_ORDERS for b in references(reader, head.own, q)), None
        ),
        release_number=_release(reader, head.own) if release is not None else None,
        notes=tuple(texts(reader, head.own, NOTE)),
    )
    reader.finish()
    return order


def _order(header: OrderHeader, lines: tuple[PurchaseOrderLine, ...]) -> PurchaseOrder:
    """The order of a clean header (``fast_header``) and its lines."""
    return PurchaseOrder(
        number=header.number,
        order_date=header.order_date,
        buyer=header.buyer,
        supplier=header.supplier,
        currency=header.currency,
        lines=lines,
        kind=header.kind,
        ship_to=header.ship_to,
        bill_to=header.bill_to,
        payment_terms=header.payment_terms,
        requested_ship_date=header.requested_ship_date,
        requested_delivery_date=header.requested_delivery_date,
        notes=header.notes,
    )


def _revision(reader: Reader, header: Sequence[At]) -> int:
    at = first(header, "RFF", REVISION)
    if at is None:
        return 0
    return reader.whole(at, 1, 2, what="a revision number (a whole number)") or 0


def _release(reader: Reader, header: Sequence[At]) -> int | None:
    at = first(header, "RFF", RELEASE)
    if at is None:
        return None
    return reader.whole(
        at, 1, 2, positive=True, what="a release number (a whole number greater than zero)"
    )


def ship_method(reader: Reader, transport: Sequence[Sequence[At]]) -> str | None:
    """C040 3128 of the first TDT that names one."""
    return next((m for group in transport if (m := reader.text(group[0], 5, 4))), None)


def write_ship_method(writer: Writer, method: str | None) -> None:
    if method is not None:
        writer.add(
            "TDT", "20", "", "", "", ("", "", "", writer.text("TDT", 5, 4, method, "ship_method"))
        )


def line_number(reader: Reader, line: message.Line) -> int:
    found = reader.whole(line.head, 1, positive=True, what=LINE_NUMBER)
    return found if found is not None else line.number


def price(reader: Reader, line: message.Line) -> Decimal | None:
    """C509 5118 of the line's first PRI of the calculation net, gross or information price."""
    heads = [group[0] for group in line.prices]
    for qualifier in PRICES:
        for at in heads:
            if reader.code(at, 1, 1) == qualifier:
                return reader.decimal(at, 1, 2, required="the unit price")
    return None


def quantity(reader: Reader, segments: Sequence[At], qualifiers: Sequence[str]) -> At | None:
    """The first QTY of ``qualifiers``, best first."""
    for qualifier in qualifiers:
        found = first(segments, "QTY", qualifier)
        if found is not None:
            return found
    return None


def _lines(reader: Reader, groups: Sequence[Sequence[Segment]]) -> tuple[PurchaseOrderLine, ...]:
    """Each LIN group as a line: the fast path first, the careful reading when it declines."""
    known: dict[str, date] = {}
    lines = []
    for index, group in enumerate(groups, start=1):
        line = clean_order_line(group, index, reader.decimal_mark, known)
        lines.append(line if line is not None else _line(reader, message.line(group, index)))
    return tuple(lines)


def _line(reader: Reader, line: message.Line) -> PurchaseOrderLine:
    numbers = item_numbers(reader, line.head, line.own)
    ordered = quantity(reader, line.own, (ORDERED_QUANTITY, "1"))
    unit = ""
    if ordered is None:
        reader.fail(f"{line.head.inside}QTY", "is required: a QTY 21 with the quantity ordered")
    else:
        unit = reader.code(ordered, 1, 3)
        if not unit:
            reader.missing(ordered, 1, 3, "the unit of measure")
    unit_price = price(reader, line)
    if unit_price is None and not line.prices:
        reader.fail(f"{line.head.inside}PRI", "is required: a PRI AAA with the unit price")
    return PurchaseOrderLine(
        line_number=line_number(reader, line),
        quantity=(reader.decimal(ordered, 1, 2, required="the quantity") if ordered else None)
        or Decimal(0),
        unit_of_measure=unit,
        unit_price=unit_price or Decimal(0),
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        gtin=numbers.gtin,
        description=description(reader, line.own),
        requested_ship_date=dated(reader, line.own, (SHIP,)),
        requested_delivery_date=dated(reader, line.own, (DELIVERY,)),
        schedule=tuple(part for group in line.schedule for part in _schedule(reader, group)),
    )


def _schedule(reader: Reader, group: Sequence[At]) -> list[ScheduleLine]:
    """The schedule lines of one SCC group: each QTY with the DTMs after it."""
    found: list[ScheduleLine] = []
    runs: list[list[At]] = []
    for at in group[1:]:
        if at.tag == "QTY":
            runs.append([at])
        elif runs:
            runs[-1].append(at)
    for run in runs:
        found.append(
            ScheduleLine(
                quantity=reader.decimal(run[0], 1, 2, required="the scheduled quantity")
                or Decimal(0),
                requested_ship_date=dated(reader, run[1:], (SHIP,)),
                requested_delivery_date=dated(reader, run[1:], (DELIVERY,)),
            )
        )
    return found


def write_quantity(
    writer: Writer,
    qualifier: str,
    amount: Decimal | None,
    unit: str | None,
    field: str,
    name: str = "quantity",
) -> None:
    """A QTY of ``amount`` (at ``field.name``) in ``unit`` (at ``field.unit_of_measure``)."""
    if amount is None:
        return
    writer.add(
        "QTY",
        (
            qualifier,
            writer.decimal("QTY", 1, 2, amount, f"{field}.{name}"),
            writer.text("QTY", 1, 3, unit, f"{field}.unit_of_measure"),
        ),
    )


def write_price(writer: Writer, amount: Decimal | None, field: str) -> None:
    if amount is not None:
        writer.add("PRI", (PRICES[0], writer.decimal("PRI", 1, 2, amount, f"{field}.unit_price")))


def _write_line(writer: Writer, line: PurchaseOrderLine, field: str) -> None:
    numbers = ItemNumbers(line.buyer_item, line.supplier_item, line.gtin)
    write_line_head(writer, line.line_number, "", numbers, field)
    write_description(writer, line.description, f"{field}.description")
    write_quantity(writer, ORDERED_QUANTITY, line.quantity, line.unit_of_measure, field)
    writer.date(DELIVERY, line.requested_delivery_date)
    writer.date(SHIP, line.requested_ship_date)
    write_price(writer, line.unit_price, field)
    for index, part in enumerate(line.schedule):
        writer.add("SCC", FIRM)
        write_quantity(
            writer,
            ORDERED_QUANTITY,
            part.quantity,
            line.unit_of_measure,
            f"{field}.schedule[{index}]",
        )
        writer.date(DELIVERY, part.requested_delivery_date)
        writer.date(SHIP, part.requested_ship_date)
