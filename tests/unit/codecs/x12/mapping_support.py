"""Helpers for the X12 mapping tests: segments from text, and documents X12 can carry.

``segments("BEG*00*SA*PO1**20260924~PO1*1*...")`` reads the notation the
standard's examples use (``*`` between elements, ``~`` or a line break after
each segment, ``>`` between components). The strategies build valid canonical
documents holding only what X12 carries (see each mapping module's docstring),
within the element lengths of 004010.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import strategies as st

from posync.codecs.errors import DecodeError
from posync.codecs.x12.mapping import EncodeOptions
from posync.codecs.x12.mapping.registry import SetMapper
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import (
    AcknowledgedLine,
    AcknowledgementStatus,
    ChangedLine,
    ChangePurpose,
    Charge,
    ChargeKind,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    LineChangeType,
    LineStatus,
    Lot,
    OrderKind,
    Pack,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    PurchaseOrderLine,
    ScheduleLine,
    ShipNotice,
    ShippedLine,
    TaxAmount,
)
from posync.domain.values import Address, Contact, Incoterms, Party, PartyIdentifier, PaymentTerms

DELIMITERS = Delimiters()


def segments(text: str) -> list[Segment]:
    """Segments from the standard's notation; blank lines and surrounding spaces ignored."""
    found = []
    for offset, raw in enumerate(text.replace("\n", "~").split("~")):
        body = raw.strip()
        if body:
            tag, *elements = body.split("*")
            found.append(Segment(tag, elements, offset))
    return found


def as_segments(encoded: list[list[str]]) -> list[Segment]:
    return [Segment(tag, list(elements), offset) for offset, (tag, *elements) in enumerate(encoded)]


def as_text(encoded: list[list[str]]) -> str:
    return "~".join("*".join(segment) for segment in encoded) + "~"


def round_trip(mapper: SetMapper[Any], document: object, version: str = "004010") -> object:
    encoded = mapper.encode(document, EncodeOptions(version=version))
    decoded: object = mapper.decode(as_segments(encoded), DELIMITERS)
    return decoded


def problem_pairs(mapper: SetMapper[Any], text: str) -> list[tuple[str, str]]:
    """Each problem's field and message, when decoding ``text`` must fail."""
    with pytest.raises(DecodeError) as raised:
        mapper.decode(segments(text), DELIMITERS)
    return [(problem.field, problem.message) for problem in raised.value.problems]


def problems(mapper: SetMapper[Any], text: str) -> dict[str, str]:
    """The problems of ``text`` by field, when each field has one."""
    pairs = problem_pairs(mapper, text)
    assert len({field for field, _ in pairs}) == len(pairs), pairs
    return dict(pairs)


# --- strategies for documents X12 carries ------------------------------------------------

VALID_GTINS = ("96385074", "036000291452", "4006381333931", "10012345678902")
UNITS = ("EA", "KGM", "LBR", "CS", "H87", "CA")  # canonical: UN/ECE Recommendation 20
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzäöüßéÅ0123456789&.,'/()#-"

CODE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"
codes = st.text(CODE_CHARACTERS, min_size=1, max_size=20)
long_codes = st.text(CODE_CHARACTERS, min_size=2, max_size=20)
words = st.text(LETTERS, min_size=1, max_size=12)


def sentences(max_words: int) -> st.SearchStrategy[str]:
    return st.lists(words, min_size=1, max_size=max_words).map(" ".join)


def short_text(max_size: int) -> st.SearchStrategy[str]:
    return sentences(max_size // 13 + 1).map(lambda text: _within(text, max_size))


def _within(text: str, max_size: int) -> str:
    """``text`` without its last words until it fits."""
    while len(text) > max_size:
        text = text.rsplit(" ", 1)[0] if " " in text else text[:max_size]
    return text


@st.composite
def amounts(draw: st.DrawFn, *, digits: int = 10, places: int = 4, minimum: int = 1) -> Decimal:
    scale = draw(st.integers(min_value=0, max_value=places))
    units = draw(st.integers(min_value=minimum, max_value=10 ** (digits - 1) - 1))
    return Decimal(units).scaleb(-scale)


money = st.integers(min_value=0, max_value=10**11).map(lambda cents: Decimal(cents).scaleb(-2))
dates = st.dates()


@st.composite
def identifiers(draw: st.DrawFn) -> PartyIdentifier:
    scheme = draw(
        st.sampled_from(["duns", "duns+4", "gln", "buyer-assigned", "seller-assigned", "ZZ"])
    )
    digits = st.text("0123456789", min_size=1, max_size=1)
    if scheme == "duns":
        return PartyIdentifier(
            scheme="duns", value="".join(draw(st.lists(digits, min_size=9, max_size=9)))
        )
    if scheme == "duns+4":
        return PartyIdentifier(
            scheme="duns", value="".join(draw(st.lists(digits, min_size=13, max_size=13)))
        )
    if scheme == "gln":
        return PartyIdentifier(
            scheme="gln", value="".join(draw(st.lists(digits, min_size=13, max_size=13)))
        )
    return PartyIdentifier(scheme=scheme, value=draw(long_codes))


@st.composite
def addresses(draw: st.DrawFn) -> Address:
    address = Address(
        lines=tuple(draw(st.lists(short_text(55), max_size=4))),
        city=draw(st.none() | st.text(LETTERS, min_size=2, max_size=30)),
        region=draw(st.none() | st.sampled_from(["OH", "NY", "BY", "ON"])),
        postal_code=draw(st.none() | st.text("0123456789ABC-", min_size=3, max_size=15)),
        country=draw(st.none() | st.sampled_from(["US", "DE", "CA"])),
    )
    return address if address != Address() else Address(city="Dayton")


@st.composite
def contacts(draw: st.DrawFn) -> Contact:
    contact = Contact(
        name=draw(st.none() | short_text(60)),
        email=draw(st.none() | codes.map(lambda local: f"{local}@example.com")),
        phone=draw(st.none() | st.text("0123456789+", min_size=1, max_size=20)),
    )
    return contact if contact != Contact() else Contact(phone="+1 555 0100")


@st.composite
def parties(draw: st.DrawFn) -> Party:
    return Party(
        name=draw(short_text(120)),
        identifiers=tuple(draw(st.lists(identifiers(), max_size=1))),
        address=draw(st.none() | addresses()),
        contact=draw(st.none() | contacts()),
    )


@st.composite
def payment_terms(draw: st.DrawFn) -> PaymentTerms:
    discounted = draw(st.booleans())
    return PaymentTerms(
        net_days=draw(st.integers(min_value=0, max_value=999)),
        discount_percent=draw(amounts(digits=4, places=2, minimum=0)) if discounted else None,
        discount_days=draw(st.integers(min_value=0, max_value=999)) if discounted else None,
        description=draw(st.none() | short_text(80)),
    )


@st.composite
def split(draw: st.DrawFn, total: Decimal) -> tuple[Decimal, ...]:
    """``total`` as one part or two parts of its own scale."""
    exponent = int(total.as_tuple().exponent)
    units = int(total.scaleb(-exponent))
    if units < 2 or draw(st.booleans()):
        return (total,)
    first = Decimal(draw(st.integers(min_value=1, max_value=units - 1))).scaleb(exponent)
    return (first, total - first)


@st.composite
def order_lines(draw: st.DrawFn, line_number: int) -> PurchaseOrderLine:
    quantity = draw(amounts(digits=12))
    schedule = tuple(
        ScheduleLine(
            quantity=part,
            requested_delivery_date=draw(dates),
            requested_ship_date=draw(st.none() | dates),
        )
        for part in draw(split(quantity))
    )
    return PurchaseOrderLine(
        line_number=line_number,
        quantity=quantity,
        unit_of_measure=draw(st.sampled_from(UNITS)),
        unit_price=draw(amounts(digits=15, places=6, minimum=0)),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(codes),
        gtin=draw(st.none() | st.sampled_from(VALID_GTINS)),
        description=draw(st.none() | sentences(40)),
        requested_ship_date=draw(st.none() | dates),
        requested_delivery_date=draw(st.none() | dates),
        schedule=schedule if draw(st.booleans()) else (),
    )


@st.composite
def purchase_orders(draw: st.DrawFn) -> PurchaseOrder:
    numbers = draw(st.lists(st.integers(1, 999_999), min_size=1, max_size=4, unique=True))
    kind = draw(st.sampled_from(OrderKind))
    return PurchaseOrder(
        number=draw(codes),
        order_date=draw(dates),
        buyer=draw(parties()),
        supplier=draw(parties()),
        currency=draw(st.sampled_from(["USD", "EUR", "JPY"])),
        lines=tuple(draw(order_lines(number)) for number in numbers),
        revision=draw(st.integers(min_value=0, max_value=20)),
        kind=kind,
        ship_to=draw(st.none() | parties()),
        bill_to=draw(st.none() | parties()),
        payment_terms=draw(st.none() | payment_terms()),
        incoterms=draw(
            st.none()
            | st.builds(
                Incoterms,
                code=st.sampled_from(["FCA", "EXW", "DDP"]),
                place=st.none() | short_text(80),
            )
        ),
        ship_method=draw(st.none() | short_text(35)),
        requested_ship_date=draw(st.none() | dates),
        requested_delivery_date=draw(st.none() | dates),
        blanket_order_number=draw(codes) if kind is OrderKind.RELEASE else draw(st.none() | codes),
        release_number=draw(st.integers(min_value=1, max_value=10**6))
        if kind is OrderKind.RELEASE
        else None,
        notes=tuple(draw(st.lists(sentences(80), max_size=2))),
    )


@st.composite
def acknowledged_lines(draw: st.DrawFn, line_number: int, status: LineStatus) -> AcknowledgedLine:
    quantity = draw(st.none() | amounts())
    backordered = None
    if status is LineStatus.BACKORDERED:
        quantity, backordered = None, draw(st.none() | amounts())
    elif status in (LineStatus.PARTIALLY_BACKORDERED, LineStatus.QUANTITY_CHANGED):
        backordered = draw(amounts()) if status is LineStatus.PARTIALLY_BACKORDERED else None
    if status is LineStatus.QUANTITY_CHANGED and quantity is None:
        quantity = draw(amounts())
    counted = quantity is not None or backordered is not None
    return AcknowledgedLine(
        line_number=line_number,
        status=status,
        quantity=quantity,
        unit_of_measure=draw(st.sampled_from(UNITS)) if counted else None,
        unit_price=draw(amounts(digits=15, places=6, minimum=0))
        if status is LineStatus.PRICE_CHANGED
        else draw(st.none() | amounts(digits=15, places=6, minimum=0)),
        backordered_quantity=backordered,
        promised_ship_date=draw(st.none() | dates),
        promised_delivery_date=draw(
            dates if status is LineStatus.DATE_CHANGED else st.none() | dates
        ),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(st.none() | codes),
        reason=draw(st.none() | sentences(30)),
    )


@st.composite
def acknowledgements(
    draw: st.DrawFn, *, change_number: bool = False
) -> PurchaseOrderAcknowledgement:
    numbers = draw(st.lists(st.integers(1, 999_999), max_size=4, unique=True))
    status = draw(st.sampled_from(AcknowledgementStatus))
    allowed = list(LineStatus)
    if status is AcknowledgementStatus.ACCEPTED:
        allowed = [s for s in LineStatus if not s.changes_the_order]
    lines = tuple(
        draw(acknowledged_lines(number, draw(st.sampled_from(allowed)))) for number in numbers
    )
    return PurchaseOrderAcknowledgement(
        purchase_order_number=draw(codes),
        issued_on=draw(dates),
        status=status,
        lines=lines,
        supplier_order_number=draw(st.none() | codes),
        change_number=draw(st.integers(min_value=1, max_value=10**7)) if change_number else None,
        reason=draw(st.none() | sentences(40)),
    )


@st.composite
def changed_lines(draw: st.DrawFn, line_number: int) -> ChangedLine:
    quantity = draw(st.none() | amounts())
    return ChangedLine(
        line_number=line_number,
        change=draw(st.sampled_from(LineChangeType)),
        quantity=quantity,
        unit_of_measure=draw(
            st.sampled_from(UNITS) if quantity is not None else st.none() | st.sampled_from(UNITS)
        ),
        unit_price=draw(st.none() | amounts(digits=15, places=6, minimum=0)),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(st.none() | codes),
        description=draw(st.none() | sentences(30)),
        requested_ship_date=draw(st.none() | dates),
        requested_delivery_date=draw(st.none() | dates),
    )


@st.composite
def changes(draw: st.DrawFn) -> PurchaseOrderChange:
    purpose = draw(st.sampled_from(ChangePurpose))
    least = 1 if purpose is ChangePurpose.CHANGE else 0
    numbers = draw(st.lists(st.integers(1, 999_999), min_size=least, max_size=4, unique=True))
    return PurchaseOrderChange(
        purchase_order_number=draw(codes),
        change_number=draw(st.integers(min_value=1, max_value=10**7)),
        issued_on=draw(dates),
        purpose=purpose,
        lines=tuple(draw(changed_lines(number)) for number in numbers),
        reason=draw(st.none() | sentences(40)),
    )


pack_ids = codes | st.text("0123456789", min_size=18, max_size=18)


@st.composite
def packs(draw: st.DrawFn) -> tuple[Pack, ...]:
    ids = draw(st.lists(pack_ids, max_size=4, unique=True))
    made: list[Pack] = []
    for index, pack_id in enumerate(ids):
        weight = draw(st.none() | amounts(digits=8, places=3))
        made.append(
            Pack(
                pack_id=pack_id,
                packaging=draw(st.none() | st.sampled_from(["CTN25", "PLT94", "BOX"])),
                parent_pack_id=draw(st.none() | st.sampled_from(ids[:index])) if index else None,
                gross_weight=weight,
                weight_unit=draw(st.sampled_from(["KGM", "LBR"])) if weight is not None else None,
            )
        )
    return tuple(made)


@st.composite
def shipped_lines(
    draw: st.DrawFn, order: str, line_number: int, pack_id: str | None
) -> ShippedLine:
    quantity = draw(amounts(digits=8, places=3))
    lots = ()
    if draw(st.booleans()):
        lots = tuple(
            Lot(lot_number=draw(codes), quantity=part, expires_on=draw(st.none() | dates))
            for part in draw(split(quantity))
        )
    return ShippedLine(
        purchase_order_number=order,
        line_number=line_number,
        quantity=quantity,
        unit_of_measure=draw(st.sampled_from(UNITS)),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(st.none() | codes),
        gtin=draw(st.none() | st.sampled_from(VALID_GTINS)),
        pack_id=pack_id,
        lots=lots,
        serial_numbers=tuple(draw(st.lists(codes, max_size=3, unique=True))),
    )


@st.composite
def ship_notices(draw: st.DrawFn) -> ShipNotice:
    made_packs = draw(packs())
    orders = draw(st.lists(codes, min_size=1, max_size=2, unique=True))
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(orders), st.integers(1, 999_999)),
            min_size=1,
            max_size=5,
            unique=True,
        )
    )
    pack_choice = (
        st.none() | st.sampled_from([p.pack_id for p in made_packs]) if made_packs else st.none()
    )
    return ShipNotice(
        shipment_id=draw(long_codes),
        issued_on=draw(dates),
        ship_date=draw(dates),
        lines=tuple(
            draw(shipped_lines(order, number, draw(pack_choice))) for order, number in keys
        ),
        estimated_delivery_date=draw(st.none() | dates),
        carrier=draw(st.none() | long_codes),
        tracking_number=draw(st.none() | codes),
        ship_method=draw(st.none() | short_text(35)),
        ship_from=draw(st.none() | parties()),
        ship_to=draw(st.none() | parties()),
        packs=made_packs,
    )


@st.composite
def invoice_lines(draw: st.DrawFn, line_number: int, order: str) -> InvoiceLine:
    return InvoiceLine(
        line_number=line_number,
        purchase_order_number=order,
        purchase_order_line=draw(st.integers(1, 999_999)),
        quantity=draw(amounts(digits=8, places=2)),
        unit_of_measure=draw(st.sampled_from(UNITS)),
        unit_price=draw(amounts(digits=15, places=6, minimum=0)),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(st.none() | codes),
        description=draw(st.none() | sentences(30)),
    )


@st.composite
def taxes(draw: st.DrawFn) -> TaxAmount:
    rate = draw(st.none() | amounts(digits=5, places=3, minimum=0))
    return TaxAmount(
        tax_type=draw(st.sampled_from(["STT", "VAT", "GST", "ZZ"])),
        amount=draw(amounts(digits=12, places=2, minimum=0)),
        rate_percent=rate,
        taxable_amount=draw(st.none() | amounts(digits=8, places=2, minimum=0))
        if rate is not None
        else None,
    )


@st.composite
def invoices(draw: st.DrawFn) -> Invoice:
    orders = draw(st.lists(codes, min_size=1, max_size=2, unique=True))
    numbers = draw(st.lists(st.integers(1, 999_999), min_size=1, max_size=4, unique=True))
    return Invoice(
        invoice_number=draw(codes),
        issued_on=draw(dates),
        supplier=draw(parties()),
        buyer=draw(parties()),
        currency=draw(st.sampled_from(["USD", "EUR"])),
        lines=tuple(
            draw(invoice_lines(number, draw(st.sampled_from(orders)))) for number in numbers
        ),
        total_amount=draw(money),
        kind=draw(st.sampled_from(InvoiceKind)),
        charges=tuple(
            draw(
                st.lists(
                    st.builds(
                        Charge,
                        kind=st.sampled_from(ChargeKind),
                        code=st.sampled_from(["D240", "C310", "ZZZZ"])
                        | st.text(CODE_CHARACTERS, min_size=1, max_size=10),
                        amount=money,
                        description=st.none() | short_text(80),
                    ),
                    max_size=3,
                )
            )
        ),
        taxes=tuple(draw(st.lists(taxes(), max_size=2))),
        payment_terms=draw(st.none() | payment_terms()),
        due_on=draw(st.none() | dates),
        ship_notice_id=draw(st.none() | codes),
    )


def packs_in_id_order(notice: ShipNotice) -> ShipNotice:
    """X12 lists packs as its HL tree meets them: compare them in one order."""
    return dataclasses.replace(notice, packs=tuple(sorted(notice.packs, key=lambda p: p.pack_id)))
