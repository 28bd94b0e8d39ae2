"""Valid parties, orders, changes and acknowledgements that a standard carries whole.

Each strategy takes the standard's ``StandardProfile`` (``support.standard_profile``)
for the values that must fit its elements; the rules between fields are the
canonical documents' own and the same for every standard. Left out for every
EDI standard: a line's item category, account assignments, capitalisation and
sales-order line, and a party's second identifier (neither X12 nor EDIFACT
carries them); ``support.strategies.valid_purchase_orders`` has them.
"""

from __future__ import annotations

from hypothesis import strategies as st

from posync.domain.documents import (
    AcknowledgedLine,
    AcknowledgementStatus,
    ChangedLine,
    ChangePurpose,
    LineChangeType,
    LineStatus,
    OrderKind,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    PurchaseOrderLine,
    ScheduleLine,
)
from posync.domain.values import Address, Contact, Incoterms, Party, PartyIdentifier, PaymentTerms
from support.standard_profile import StandardProfile
from support.strategies import (
    DIGITS,
    VALID_GTINS,
    codes,
    dates,
    emails,
    split,
    unique_line_numbers,
)

# --- parties and terms ---------------------------------------------------------------------


@st.composite
def identifiers(draw: st.DrawFn, profile: StandardProfile) -> PartyIdentifier:
    numbered = [(scheme, size) for scheme, size in profile.numbered_identifiers]
    assigned = [(scheme, None) for scheme in profile.assigned_schemes]
    scheme, size = draw(st.sampled_from(numbered + assigned))
    if size is None:
        return PartyIdentifier(scheme=scheme, value=draw(profile.assigned_values))
    return PartyIdentifier(scheme=scheme, value=draw(st.text(DIGITS, min_size=size, max_size=size)))


@st.composite
def addresses(draw: st.DrawFn, profile: StandardProfile) -> Address:
    address = Address(
        lines=tuple(draw(st.lists(profile.address_lines, max_size=4))),
        city=draw(st.none() | profile.cities),
        region=draw(st.none() | st.sampled_from(profile.regions)),
        postal_code=draw(st.none() | profile.postal_codes),
        country=draw(st.none() | st.sampled_from(profile.countries)),
    )
    return address if address != Address() else Address(city=draw(profile.cities))


@st.composite
def contacts(draw: st.DrawFn, profile: StandardProfile) -> Contact:
    contact = Contact(
        name=draw(st.none() | profile.contact_names),
        email=draw(st.none() | emails),
        phone=draw(st.none() | profile.phones),
    )
    return contact if contact != Contact() else Contact(phone=draw(profile.phones))


@st.composite
def parties(draw: st.DrawFn, profile: StandardProfile) -> Party:
    return Party(
        name=draw(profile.party_names),
        identifiers=tuple(draw(st.lists(identifiers(profile), max_size=1))),
        address=draw(st.none() | addresses(profile)),
        contact=draw(st.none() | contacts(profile)),
    )


@st.composite
def payment_terms(draw: st.DrawFn, profile: StandardProfile) -> PaymentTerms:
    discounted = draw(st.booleans())
    terms = PaymentTerms(
        net_days=draw(st.none() | st.integers(min_value=0, max_value=999)),
        discount_percent=draw(profile.discount_percents) if discounted else None,
        discount_days=draw(st.integers(min_value=0, max_value=999)) if discounted else None,
        description=draw(st.none() | profile.terms_descriptions),
    )
    # Terms with nothing in them are no terms: no standard writes them.
    return terms if terms != PaymentTerms() else PaymentTerms(net_days=draw(st.integers(0, 999)))


# --- purchase orders -----------------------------------------------------------------------


@st.composite
def order_lines(draw: st.DrawFn, profile: StandardProfile, line_number: int) -> PurchaseOrderLine:
    quantity = draw(profile.ordered_quantities)
    delivery_dates = dates if profile.schedule_needs_delivery_date else st.none() | dates
    schedule = tuple(
        ScheduleLine(
            quantity=part,
            requested_delivery_date=draw(delivery_dates),
            requested_ship_date=draw(st.none() | dates),
        )
        for part in draw(split(quantity))
    )
    return PurchaseOrderLine(
        line_number=line_number,
        quantity=quantity,
        unit_of_measure=draw(st.sampled_from(profile.units)),
        unit_price=draw(profile.unit_prices),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(codes),  # a line must name its item somehow
        gtin=draw(st.none() | st.sampled_from(VALID_GTINS)),
        description=draw(st.none() | profile.order_line_descriptions),
        requested_ship_date=draw(st.none() | dates),
        requested_delivery_date=draw(st.none() | dates),
        schedule=schedule if draw(st.booleans()) else (),
    )


@st.composite
def purchase_orders(draw: st.DrawFn, profile: StandardProfile) -> PurchaseOrder:
    kind = draw(st.sampled_from(OrderKind))
    return PurchaseOrder(
        number=draw(codes),
        order_date=draw(dates),
        buyer=draw(parties(profile)),
        supplier=draw(parties(profile)),
        currency=draw(st.sampled_from(profile.currencies)),
        lines=tuple(draw(order_lines(profile, number)) for number in draw(unique_line_numbers())),
        revision=draw(st.integers(min_value=0, max_value=20)),
        kind=kind,
        ship_to=draw(st.none() | parties(profile)),
        bill_to=draw(st.none() | parties(profile)),
        payment_terms=draw(st.none() | payment_terms(profile)),
        incoterms=draw(
            st.none()
            | st.builds(
                Incoterms,
                code=st.sampled_from(["FCA", "EXW", "DDP"]),
                place=st.none() | profile.incoterms_places,
            )
        ),
        ship_method=draw(st.none() | profile.ship_methods),
        requested_ship_date=draw(st.none() | dates),
        requested_delivery_date=draw(st.none() | dates),
        blanket_order_number=draw(codes) if kind is OrderKind.RELEASE else draw(st.none() | codes),
        release_number=draw(st.integers(min_value=1, max_value=10**6))
        if kind is OrderKind.RELEASE
        else None,
        notes=tuple(draw(st.lists(profile.notes, max_size=2))),
    )


# --- changes -------------------------------------------------------------------------------


@st.composite
def changed_lines(draw: st.DrawFn, profile: StandardProfile, line_number: int) -> ChangedLine:
    quantity = draw(st.none() | profile.answered_quantities)
    units: st.SearchStrategy[str | None] = st.sampled_from(profile.units)
    if quantity is None:
        units = st.none() if profile.changed_unit_needs_quantity else st.none() | units
    return ChangedLine(
        line_number=line_number,
        change=draw(st.sampled_from(LineChangeType)),
        quantity=quantity,
        unit_of_measure=draw(units),
        unit_price=draw(st.none() | profile.unit_prices),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(st.none() | codes),
        description=draw(st.none() | profile.line_descriptions),
        requested_ship_date=draw(st.none() | dates),
        requested_delivery_date=draw(st.none() | dates),
    )


@st.composite
def changes(draw: st.DrawFn, profile: StandardProfile) -> PurchaseOrderChange:
    purpose = draw(st.sampled_from(ChangePurpose))
    least = 1 if purpose is ChangePurpose.CHANGE else 0
    return PurchaseOrderChange(
        purchase_order_number=draw(codes),
        change_number=draw(st.integers(min_value=1, max_value=10**7)),
        issued_on=draw(dates),
        purpose=purpose,
        lines=tuple(
            draw(changed_lines(profile, number)) for number in draw(unique_line_numbers(least))
        ),
        reason=draw(st.none() | profile.document_reasons),
    )


# --- acknowledgements ----------------------------------------------------------------------


@st.composite
def acknowledged_lines(
    draw: st.DrawFn, profile: StandardProfile, line_number: int, status: LineStatus
) -> AcknowledgedLine:
    quantity = draw(st.none() | profile.answered_quantities)
    backordered = draw(st.none() | profile.answered_quantities)
    if profile.backorder_needs_backorder_status:
        if status is LineStatus.BACKORDERED:
            quantity = None
        elif status is not LineStatus.PARTIALLY_BACKORDERED:
            backordered = None
    if status is LineStatus.QUANTITY_CHANGED and quantity is None:
        quantity = draw(profile.answered_quantities)
    if status is LineStatus.PARTIALLY_BACKORDERED and backordered is None:
        backordered = draw(profile.answered_quantities)
    counted = quantity is not None or backordered is not None
    return AcknowledgedLine(
        line_number=line_number,
        status=status,
        quantity=quantity,
        unit_of_measure=draw(st.sampled_from(profile.units)) if counted else None,
        unit_price=draw(profile.unit_prices)
        if status is LineStatus.PRICE_CHANGED
        else draw(st.none() | profile.unit_prices),
        backordered_quantity=backordered,
        promised_ship_date=draw(st.none() | dates),
        promised_delivery_date=draw(
            dates if status is LineStatus.DATE_CHANGED else st.none() | dates
        ),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(st.none() | codes),
        reason=draw(st.none() | profile.line_reasons),
    )


@st.composite
def acknowledgements(
    draw: st.DrawFn, profile: StandardProfile, *, change_number: bool = False
) -> PurchaseOrderAcknowledgement:
    status = draw(st.sampled_from(AcknowledgementStatus))
    allowed = list(LineStatus)
    if status is AcknowledgementStatus.ACCEPTED:
        # An accepted order with a line that changes it reads as accepted with changes.
        allowed = [s for s in LineStatus if not s.changes_the_order]
    numbers = draw(unique_line_numbers(0))
    return PurchaseOrderAcknowledgement(
        purchase_order_number=draw(codes),
        issued_on=draw(dates),
        status=status,
        lines=tuple(
            draw(acknowledged_lines(profile, number, draw(st.sampled_from(allowed))))
            for number in numbers
        ),
        supplier_order_number=draw(st.none() | codes),
        change_number=draw(st.integers(min_value=1, max_value=10**7)) if change_number else None,
        reason=draw(st.none() | profile.document_reasons),
    )
