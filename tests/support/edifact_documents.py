"""EDIFACT test helpers: segments from text, and canonical documents D.96A can carry.

``segments("BGM+220+PO1+9'DTM+137:20260924:102'")`` reads the notation of the
standard's examples (``+`` between elements, ``:`` between components, ``'``
after each segment, ``?`` releasing the next character; line breaks are
layout). The strategies build valid canonical documents from the project's
shared strategies (``unit.codecs.document_strategies``: names, codes, GTINs,
splits) within what D.96A carries. Each bound below the canonical document's
own is one of D.96A's, stated where it is drawn:

- numbers: QTY 6060 and PRI 5118 hold 15 digits, MOA 5004 18;
- texts: an FTX (a note, a reason) holds 5 x 70 characters, C080 (a party's
  name) 5 x 35, C059 a street line 35 (four lines), NAD 3251 a postal code 9,
  CTA 3412 a contact's name 35, TDT C040 3127 a carrier 17 and 3128 a ship
  method 35, LOC 3224 an Incoterms place 70, ALC C214 a charge's description
  2 x 70, a lot or serial number (GIN 7402) 35; texts are cut at spaces, so
  no word is longer than a component;
- what neither EDIFACT nor X12 carries is left out: a line's item category,
  account assignments, capitalisation and sales-order line, a party's second
  identifier.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from posync.codecs.edifact.segments import Segment
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
from unit.codecs.document_strategies import VALID_GTINS, codes, names, split


def segments(text: str) -> list[Segment]:
    """Segments from the standard's notation, with ``?`` as release character."""
    found: list[Segment] = []
    elements: list[tuple[str, ...]] = []
    components: list[str] = []
    current: list[str] = []
    released = False
    for character in text:
        if released:
            current.append(character)
            released = False
        elif character == "?":
            released = True
        elif character == ":":
            components.append("".join(current))
            current = []
        elif character == "+":
            components.append("".join(current))
            elements.append(tuple(components))
            components, current = [], []
        elif character == "'":
            components.append("".join(current))
            elements.append(tuple(components))
            tag, *rest = elements
            found.append(Segment(tag[0].strip(), tuple(rest), len(found)))
            elements, components, current = [], [], []
        elif character not in "\r\n":
            current.append(character)
    return found


def as_text(encoded: list[Segment]) -> str:
    """Segments back in the notation ``segments`` reads (for messages in failures)."""

    def released(value: str) -> str:
        return "".join(f"?{c}" if c in "?:+'" else c for c in value)

    return "".join(
        "+".join([s.tag, *(":".join(released(c) for c in e) for e in s.elements)]) + "'"
        for s in encoded
    )


# --- strategies for documents D.96A carries -------------------------------------------------

UNITS = ("EA", "KGM", "MTR", "H87", "PCE")
WORD_CHARACTERS = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzäöüßéÅŁł0123456789&.,'/()#+:?-"
)
words = st.text(WORD_CHARACTERS, min_size=1, max_size=12)
dates = st.dates()
long_codes = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", min_size=2, max_size=17)


def sentences(max_size: int) -> st.SearchStrategy[str]:
    """Words joined by single spaces, at most ``max_size`` characters."""
    return st.lists(words, min_size=1, max_size=max_size // 6 + 1).map(
        lambda parts: _within(" ".join(parts), max_size)
    )


def pieces_of(width: int, count: int) -> st.SearchStrategy[str]:
    """A text that cut at spaces fits ``count`` components of ``width`` characters."""
    return st.lists(sentences(width), min_size=1, max_size=count).map(" ".join)


def _within(text: str, max_size: int) -> str:
    while len(text) > max_size:
        text = text.rsplit(" ", 1)[0] if " " in text else text[:max_size]
    return text


@st.composite
def amounts(draw: st.DrawFn, *, digits: int = 15, places: int = 6, minimum: int = 1) -> Decimal:
    """A non-negative Decimal of at most ``digits`` digits, ``places`` of them decimals."""
    scale = draw(st.integers(min_value=0, max_value=places))
    units = draw(st.integers(min_value=minimum, max_value=10**digits - 1))
    return Decimal(units).scaleb(-scale)


money = st.integers(min_value=0, max_value=10**15).map(lambda cents: Decimal(cents).scaleb(-2))


@st.composite
def identifiers(draw: st.DrawFn) -> PartyIdentifier:
    scheme = draw(st.sampled_from(["duns", "gln", "buyer-assigned", "seller-assigned", "ZZ", "VA"]))
    if scheme in ("duns", "gln"):
        size = 9 if scheme == "duns" else 13
        return PartyIdentifier(
            scheme=scheme, value=draw(st.text("0123456789", min_size=size, max_size=size))
        )
    return PartyIdentifier(scheme=scheme, value=draw(codes))


@st.composite
def addresses(draw: st.DrawFn) -> Address:
    address = Address(
        lines=tuple(draw(st.lists(sentences(35), max_size=4))),
        city=draw(st.none() | sentences(35)),
        region=draw(st.none() | st.sampled_from(["OH", "NRW", "BY", "ON", "10"])),
        postal_code=draw(st.none() | st.text("0123456789ABC-", min_size=3, max_size=9)),
        country=draw(st.none() | st.sampled_from(["US", "DE", "PL"])),
    )
    return address if address != Address() else Address(city="Łódź")


@st.composite
def contacts(draw: st.DrawFn) -> Contact:
    contact = Contact(
        name=draw(st.none() | sentences(35)),
        email=draw(st.none() | codes.map(lambda local: f"{local}@example.com")),
        phone=draw(st.none() | st.text("0123456789+ ", min_size=1, max_size=20).filter(str.strip)),
    )
    return contact if contact != Contact() else Contact(phone="+48 42 555 0100")


@st.composite
def parties(draw: st.DrawFn) -> Party:
    return Party(
        name=draw(pieces_of(35, 3)),
        identifiers=tuple(draw(st.lists(identifiers(), max_size=1))),
        address=draw(st.none() | addresses()),
        contact=draw(st.none() | contacts()),
    )


@st.composite
def payment_terms(draw: st.DrawFn) -> PaymentTerms:
    discounted = draw(st.booleans())
    terms = PaymentTerms(
        net_days=draw(st.none() | st.integers(min_value=0, max_value=999)),
        discount_percent=draw(amounts(digits=3, places=2, minimum=0).filter(lambda p: p < 100))
        if discounted
        else None,
        discount_days=draw(st.integers(min_value=0, max_value=999)) if discounted else None,
        description=draw(st.none() | pieces_of(70, 3)),
    )
    return terms if terms != PaymentTerms() else PaymentTerms(net_days=30)


@st.composite
def order_lines(draw: st.DrawFn, line_number: int) -> PurchaseOrderLine:
    quantity = draw(amounts())
    schedule = tuple(
        ScheduleLine(
            quantity=part,
            requested_delivery_date=draw(st.none() | dates),
            requested_ship_date=draw(st.none() | dates),
        )
        for part in draw(split(quantity))
    )
    return PurchaseOrderLine(
        line_number=line_number,
        quantity=quantity,
        unit_of_measure=draw(st.sampled_from(UNITS)),
        unit_price=draw(amounts(minimum=0)),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(codes),  # a line must name its item somehow
        gtin=draw(st.none() | st.sampled_from(VALID_GTINS)),
        description=draw(st.none() | names | pieces_of(35, 28)),
        requested_ship_date=draw(st.none() | dates),
        requested_delivery_date=draw(st.none() | dates),
        schedule=schedule if draw(st.booleans()) else (),
    )


line_numbers = st.lists(st.integers(1, 999_999), min_size=1, max_size=4, unique=True)


@st.composite
def purchase_orders(draw: st.DrawFn) -> PurchaseOrder:
    kind = draw(st.sampled_from(OrderKind))
    return PurchaseOrder(
        number=draw(codes),
        order_date=draw(dates),
        buyer=draw(parties()),
        supplier=draw(parties()),
        currency=draw(st.sampled_from(["USD", "EUR", "PLN"])),
        lines=tuple(draw(order_lines(number)) for number in draw(line_numbers)),
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
                place=st.none() | sentences(70),
            )
        ),
        ship_method=draw(st.none() | sentences(35)),
        requested_ship_date=draw(st.none() | dates),
        requested_delivery_date=draw(st.none() | dates),
        blanket_order_number=draw(codes) if kind is OrderKind.RELEASE else draw(st.none() | codes),
        release_number=draw(st.integers(min_value=1, max_value=10**6))
        if kind is OrderKind.RELEASE
        else None,
        notes=tuple(draw(st.lists(pieces_of(70, 5), max_size=2))),
    )


@st.composite
def acknowledged_lines(draw: st.DrawFn, line_number: int, status: LineStatus) -> AcknowledgedLine:
    quantity = draw(st.none() | amounts())
    backordered = draw(st.none() | amounts())
    if status is LineStatus.QUANTITY_CHANGED and quantity is None:
        quantity = draw(amounts())
    if status is LineStatus.PARTIALLY_BACKORDERED and backordered is None:
        backordered = draw(amounts())
    counted = quantity is not None or backordered is not None
    return AcknowledgedLine(
        line_number=line_number,
        status=status,
        quantity=quantity,
        unit_of_measure=draw(st.sampled_from(UNITS)) if counted else None,
        unit_price=draw(amounts(minimum=0))
        if status is LineStatus.PRICE_CHANGED
        else draw(st.none() | amounts(minimum=0)),
        backordered_quantity=backordered,
        promised_ship_date=draw(st.none() | dates),
        promised_delivery_date=draw(
            dates if status is LineStatus.DATE_CHANGED else st.none() | dates
        ),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(st.none() | codes),
        reason=draw(st.none() | pieces_of(70, 5)),
    )


@st.composite
def acknowledgements(
    draw: st.DrawFn, *, change_number: bool = False
) -> PurchaseOrderAcknowledgement:
    status = draw(st.sampled_from(AcknowledgementStatus))
    allowed = list(LineStatus)
    if status is AcknowledgementStatus.ACCEPTED:
        # An accepted order with a line that changes it reads as accepted with changes.
        allowed = [s for s in LineStatus if not s.changes_the_order]
    numbers = draw(st.lists(st.integers(1, 999_999), max_size=4, unique=True))
    return PurchaseOrderAcknowledgement(
        purchase_order_number=draw(codes),
        issued_on=draw(dates),
        status=status,
        lines=tuple(draw(acknowledged_lines(n, draw(st.sampled_from(allowed)))) for n in numbers),
        supplier_order_number=draw(st.none() | codes),
        change_number=draw(st.integers(min_value=1, max_value=10**7)) if change_number else None,
        reason=draw(st.none() | pieces_of(70, 5)),
    )


@st.composite
def changed_lines(draw: st.DrawFn, line_number: int) -> ChangedLine:
    quantity = draw(st.none() | amounts())
    return ChangedLine(
        line_number=line_number,
        change=draw(st.sampled_from(LineChangeType)),
        quantity=quantity,
        unit_of_measure=draw(st.sampled_from(UNITS)) if quantity is not None else None,
        unit_price=draw(st.none() | amounts(minimum=0)),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(st.none() | codes),
        description=draw(st.none() | pieces_of(35, 8)),
        requested_ship_date=draw(st.none() | dates),
        requested_delivery_date=draw(st.none() | dates),
    )


@st.composite
def changes(draw: st.DrawFn) -> PurchaseOrderChange:
    purpose = draw(st.sampled_from(ChangePurpose))
    least = 1 if purpose is ChangePurpose.CHANGE else 0
    numbers = draw(st.lists(st.integers(1, 999_999), min_size=least, max_size=4, unique=True))
    return PurchaseOrderChange(
        purchase_order_number=draw(codes),  # with "-" and 8 digits of change, within 1004's 35
        change_number=draw(st.integers(min_value=1, max_value=10**7)),
        issued_on=draw(dates),
        purpose=purpose,
        lines=tuple(draw(changed_lines(number)) for number in numbers),
        reason=draw(st.none() | pieces_of(70, 5)),
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
                packaging=draw(st.none() | st.sampled_from(["CT", "PX", "BOX"])),
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
    quantity = draw(amounts(digits=10, places=3))
    lots: tuple[Lot, ...] = ()
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
        serial_numbers=tuple(draw(st.lists(codes, max_size=7, unique=True))),
    )


@st.composite
def ship_notices(draw: st.DrawFn) -> ShipNotice:
    made = draw(packs())
    orders = draw(st.lists(codes, min_size=1, max_size=2, unique=True))
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(orders), st.integers(1, 999_999)),
            min_size=1,
            max_size=5,
            unique=True,
        )
    )
    choice = st.none() | st.sampled_from([p.pack_id for p in made]) if made else st.none()
    return ShipNotice(
        shipment_id=draw(long_codes),
        issued_on=draw(dates),
        ship_date=draw(dates),
        lines=tuple(draw(shipped_lines(order, number, draw(choice))) for order, number in keys),
        estimated_delivery_date=draw(st.none() | dates),
        carrier=draw(st.none() | long_codes),
        tracking_number=draw(st.none() | codes),
        ship_method=draw(st.none() | sentences(35)),
        ship_from=draw(st.none() | parties()),
        ship_to=draw(st.none() | parties()),
        packs=made,
    )


@st.composite
def taxes(draw: st.DrawFn) -> TaxAmount:
    return TaxAmount(
        tax_type=draw(st.sampled_from(["VAT", "GST", "ST", "Sales tax"])),
        amount=draw(amounts(digits=15, places=2, minimum=0)),
        rate_percent=draw(st.none() | amounts(digits=5, places=3, minimum=0)),
        taxable_amount=draw(st.none() | amounts(digits=15, places=2, minimum=0)),
    )


@st.composite
def invoices(draw: st.DrawFn) -> Invoice:
    orders = draw(st.lists(codes, min_size=1, max_size=2, unique=True))
    numbers = draw(line_numbers)
    return Invoice(
        invoice_number=draw(codes),
        issued_on=draw(dates),
        supplier=draw(parties()),
        buyer=draw(parties()),
        currency=draw(st.sampled_from(["USD", "EUR", "PLN"])),
        lines=tuple(
            InvoiceLine(
                line_number=number,
                purchase_order_number=draw(st.sampled_from(orders)),
                purchase_order_line=draw(st.integers(1, 999_999)),
                quantity=draw(amounts(digits=10, places=3)),
                unit_of_measure=draw(st.sampled_from(UNITS)),
                unit_price=draw(amounts(minimum=0)),
                buyer_item=draw(st.none() | codes),
                supplier_item=draw(st.none() | codes),
                description=draw(st.none() | pieces_of(35, 8)),
            )
            for number in numbers
        ),
        total_amount=draw(money),
        kind=draw(st.sampled_from(InvoiceKind)),
        charges=tuple(
            draw(
                st.lists(
                    st.builds(
                        Charge,
                        kind=st.sampled_from(ChargeKind),
                        code=st.sampled_from(["FC", "DI", "ABK", "D240", "FREIGHT"]),
                        amount=money,
                        description=st.none() | pieces_of(35, 2),
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
