"""Helpers for the cXML tests: an envelope, the sample documents, and documents cXML carries.

The strategies build canonical documents from ``support.strategies`` and
hold them to what cXML carries, each limit named where it is made (the
mapping modules' docstrings say why): a line's capitalisation flag and
sales-order line are not carried; a schedule line needs a delivery date; an
order always has a bill-to (the DTD requires one: posync writes the buyer
when there is none); a confirmed quantity equal to the ordered one reads as
"as ordered".
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from hypothesis import strategies as st

from posync.codecs.cxml import Credential, CxmlEnvelope, SharedSecret
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
    Pack,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ShipNotice,
    ShippedLine,
)
from posync.domain.values import Address, Contact, Party, PartyIdentifier, PaymentTerms
from support.carried_deliveries import charges, taxes
from support.strategies import (
    VALID_GTINS,
    any_amounts,
    any_quantities,
    codes,
    dates,
    emails,
    lots,
    names,
    valid_purchase_orders,
)

REPOSITORY = Path(__file__).resolve().parents[4]
FIXTURES = REPOSITORY / "tests" / "fixtures" / "cxml"
SECRET = "orchard-lantern-42"
ENVELOPE = CxmlEnvelope(
    payload_id="20261120.101500.1@posync.example",
    timestamp=datetime(2026, 11, 20, 15, 15, tzinfo=UTC),
    from_credentials=(Credential(domain="NetworkID", identity="AN01000000147"),),
    to_credentials=(Credential(domain="DUNS", identity="987654321"),),
    sender=Credential(domain="NetworkID", identity="AN01000000147"),
    shared_secret=SharedSecret(SECRET),
)
UNITS = ("EA", "KGM", "BX", "H87")


def sample(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


# --- purchase orders ---------------------------------------------------------------------


def carried_order(order: PurchaseOrder) -> PurchaseOrder:
    """``order`` without what cXML does not carry, and with what its DTD requires."""
    lines = tuple(
        dataclasses.replace(
            line,
            capitalized=False,  # not carried by cXML
            sales_order_line=None,  # not carried by cXML
            schedule=tuple(  # a ScheduleLine requires a requestedDeliveryDate
                dataclasses.replace(part, requested_delivery_date=date(2027, 1, index + 1))
                for index, part in enumerate(line.schedule)
            ),
        )
        for line in order.lines
    )
    return dataclasses.replace(order, lines=lines, bill_to=order.bill_to or order.buyer)


parties = st.builds(
    Party,
    name=names,
    identifiers=st.lists(
        st.builds(
            PartyIdentifier, scheme=st.sampled_from(["duns", "gln", "NetworkID"]), value=codes
        ),
        max_size=2,
    ).map(tuple),
    address=st.none()
    | st.builds(
        Address,
        lines=st.lists(names, min_size=1, max_size=2).map(tuple),
        city=st.none() | names,
        region=st.none() | st.sampled_from(["OH", "BY"]),
        postal_code=st.none() | codes,
        country=st.none() | st.sampled_from(["US", "DE"]),
    ),
    contact=st.none()
    | st.builds(
        Contact,
        name=names,
        email=st.none() | emails,
        phone=st.none() | st.text("0123456789+ ", min_size=3, max_size=15).filter(str.strip),
    ),
)


@st.composite
def orders(draw: st.DrawFn) -> PurchaseOrder:
    order = carried_order(draw(valid_purchase_orders()))
    return dataclasses.replace(
        order,
        buyer=draw(parties),
        supplier=draw(parties),
        ship_to=draw(st.none() | parties),
        ship_method=draw(st.none() | names),
        requested_ship_date=draw(st.none() | dates),
        requested_delivery_date=draw(st.none() | dates),
        revision=draw(st.integers(min_value=0, max_value=50)),
        payment_terms=draw(
            st.none()
            | st.builds(
                PaymentTerms,
                net_days=st.integers(min_value=0, max_value=120),
                description=st.none() | names,
            )
        ),
    )


# --- changes -----------------------------------------------------------------------------


@st.composite
def changes(draw: st.DrawFn) -> tuple[PurchaseOrderChange, PurchaseOrder]:
    order = draw(orders())
    purpose = draw(st.sampled_from(ChangePurpose))
    lines: list[ChangedLine] = []
    if purpose is ChangePurpose.CHANGE:
        numbers = [line.line_number for line in order.lines]
        chosen = draw(st.lists(st.sampled_from(numbers), min_size=1, unique=True))
        for number in chosen:
            lines.append(
                ChangedLine(
                    line_number=number,
                    change=draw(st.sampled_from(LineChangeType)),
                    quantity=draw(st.none() | any_quantities),
                    unit_price=draw(st.none() | any_amounts),
                    description=draw(st.none() | names),
                    requested_delivery_date=draw(st.none() | dates),
                )
            )
        if draw(st.booleans()):
            lines.append(
                ChangedLine(
                    line_number=max(numbers) + 1,
                    change=LineChangeType.ADD,
                    quantity=draw(any_quantities),
                    unit_of_measure=draw(st.sampled_from(UNITS)),
                    unit_price=draw(any_amounts),
                    buyer_item=draw(st.none() | codes),
                )
            )
    change = PurchaseOrderChange(
        purchase_order_number=order.number,
        change_number=draw(st.integers(min_value=1, max_value=99)),
        issued_on=draw(dates),
        purpose=purpose,
        lines=tuple(lines),
        reason=draw(st.none() | names),
    )
    return change, order


def restated(change: PurchaseOrderChange, order: PurchaseOrder) -> PurchaseOrderChange:
    """The change as cXML carries it: each line whole, in the order's line order, then added."""
    by_number = {line.line_number: line for line in change.lines}
    lines = []
    for ordered in order.lines:
        changed = by_number.pop(ordered.line_number, None)
        if changed is None:
            continue
        values = {
            name: getattr(changed, name)
            if getattr(changed, name) is not None
            else getattr(ordered, name)
            for name in (
                "quantity", "unit_of_measure", "unit_price", "buyer_item", "supplier_item",
                "description", "requested_ship_date", "requested_delivery_date",
            )
        }  # fmt: skip
        lines.append(dataclasses.replace(changed, **values))
    lines.extend(line for line in change.lines if line.line_number in by_number)
    return dataclasses.replace(change, lines=tuple(lines))


# --- acknowledgements --------------------------------------------------------------------


@st.composite
def acknowledgements(draw: st.DrawFn) -> tuple[PurchaseOrderAcknowledgement, PurchaseOrder]:
    order = draw(orders())
    status = draw(st.sampled_from(AcknowledgementStatus))
    allowed = list(LineStatus)
    if status is AcknowledgementStatus.ACCEPTED:
        allowed = [s for s in LineStatus if not s.changes_the_order]
    lines = []
    answered = draw(st.lists(st.sampled_from(order.lines), unique_by=lambda line: line.line_number))
    for ordered in answered:
        line_status = draw(st.sampled_from(allowed))
        # A quantity equal to the ordered one reads as "as ordered": draw another.
        other = any_quantities.filter(lambda q, ordered=ordered: q != ordered.quantity)
        quantity = None if line_status is LineStatus.BACKORDERED else draw(st.none() | other)
        backordered = None
        if line_status in (LineStatus.BACKORDERED, LineStatus.PARTIALLY_BACKORDERED):
            backordered = draw(any_quantities)
        if line_status is LineStatus.QUANTITY_CHANGED and quantity is None:
            quantity = draw(other)
        items = draw(st.none() | codes)
        price = draw(st.none() | any_amounts)
        if items is not None or line_status is LineStatus.PRICE_CHANGED:
            price = price or draw(any_amounts)  # ItemIn restates the item with its price
        counted = quantity is not None or backordered is not None
        lines.append(
            AcknowledgedLine(
                line_number=ordered.line_number,
                status=line_status,
                quantity=quantity,
                # A unit is carried beside a quantity only.
                unit_of_measure=draw(st.sampled_from(UNITS)) if counted else None,
                unit_price=price,
                backordered_quantity=backordered,
                promised_ship_date=draw(st.none() | dates),
                promised_delivery_date=draw(
                    dates if line_status is LineStatus.DATE_CHANGED else st.none() | dates
                ),
                supplier_item=items,
                reason=draw(st.none() | names),
            )
        )
    acknowledgement = PurchaseOrderAcknowledgement(
        purchase_order_number=order.number,
        issued_on=draw(dates),
        status=status,
        lines=tuple(lines),
        supplier_order_number=draw(st.none() | codes),
        change_number=draw(st.none() | st.integers(min_value=1, max_value=99)),
        reason=draw(st.none() | names),
    )
    return acknowledgement, order


# --- ship notices ------------------------------------------------------------------------


@st.composite
def ship_notices(draw: st.DrawFn) -> ShipNotice:
    order_numbers = draw(st.lists(codes, min_size=1, max_size=2, unique=True))
    pallet = draw(st.none() | st.just("PALLET-1"))
    cartons = draw(st.lists(st.sampled_from(["C-1", "C-2", "C-3"]), max_size=3, unique=True))
    packs = (
        [
            Pack(
                pack_id=pallet,
                packaging="pallet",
                gross_weight=draw(any_quantities),
                weight_unit="KGM",
            )
        ]
        if pallet and cartons
        else []
    )
    packs += [
        Pack(pack_id=carton, packaging=draw(st.none() | names), parent_pack_id=pallet)
        for carton in cartons
    ]
    lines = []
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(order_numbers), st.integers(1, 999)),
            min_size=max(1, len(cartons)),
            max_size=5,
            unique=True,
        )
    )
    for index, (order, number) in enumerate(
        sorted(keys, key=lambda key: order_numbers.index(key[0]))
    ):
        quantity = draw(any_quantities)
        line_lots = draw(lots(quantity))
        lines.append(
            ShippedLine(
                purchase_order_number=order,
                line_number=number,
                quantity=quantity,
                unit_of_measure=draw(st.sampled_from(UNITS)),
                buyer_item=draw(st.none() | codes),
                supplier_item=draw(st.none() | codes),
                gtin=draw(st.none() | st.sampled_from(VALID_GTINS)),
                # every carton holds a line: cXML writes packs under the items they hold
                pack_id=cartons[index] if index < len(cartons) else None,
                lots=line_lots,
                serial_numbers=tuple(draw(st.lists(codes, max_size=2, unique=True)))
                if not line_lots
                else (),
            )
        )
    return ShipNotice(
        shipment_id=draw(codes),
        issued_on=draw(dates),
        ship_date=draw(dates),
        lines=tuple(lines),
        estimated_delivery_date=draw(st.none() | dates),
        carrier=draw(st.none() | names),
        tracking_number=draw(st.none() | codes),
        ship_method=draw(st.none() | names),
        ship_from=draw(st.none() | parties),
        ship_to=draw(st.none() | parties),
        packs=tuple(packs),
    )


def packs_by_id(notice: ShipNotice) -> ShipNotice:
    """cXML lists packs under the items that hold them: compare them in one order."""
    return dataclasses.replace(notice, packs=tuple(sorted(notice.packs, key=lambda p: p.pack_id)))


# --- invoices ----------------------------------------------------------------------------

_CHARGE_ORDER = {
    ("HANDLING", ChargeKind.CHARGE): 0,
    ("FREIGHT", ChargeKind.CHARGE): 1,
    ("DISCOUNT", ChargeKind.ALLOWANCE): 2,
}


cxml_taxes = taxes(
    tax_types=("VAT", "sales", "GST"),
    amount=any_amounts,
    rate=st.sampled_from([Decimal("19"), Decimal("7.25")]),
    taxable_amount=any_amounts,
)


@st.composite
def invoices(draw: st.DrawFn) -> Invoice:
    order_numbers = draw(st.lists(codes, min_size=1, max_size=2, unique=True))
    numbers = draw(st.lists(st.integers(1, 9999), min_size=1, max_size=4, unique=True))
    assigned = sorted(
        ((draw(st.sampled_from(order_numbers)), n) for n in numbers),
        key=lambda pair: order_numbers.index(pair[0]),
    )  # cXML groups the lines by order
    summary_codes = st.sampled_from(["FREIGHT", "DISCOUNT", "HANDLING", "INSURANCE"])
    return Invoice(
        invoice_number=draw(codes),
        issued_on=draw(dates),
        supplier=draw(parties),
        buyer=draw(parties),
        currency=draw(st.sampled_from(["USD", "EUR"])),
        lines=tuple(
            InvoiceLine(
                line_number=number,
                purchase_order_number=order,
                purchase_order_line=draw(st.integers(1, 999)),
                quantity=draw(any_quantities),
                unit_of_measure=draw(st.sampled_from(UNITS)),
                unit_price=draw(any_amounts),
                buyer_item=draw(st.none() | codes),
                supplier_item=draw(st.none() | codes),
                description=draw(st.none() | names),
            )
            for order, number in assigned
        ),
        total_amount=draw(any_amounts),
        kind=draw(st.sampled_from(InvoiceKind)),
        charges=draw(charges(summary_codes, any_amounts, names)),
        taxes=tuple(draw(st.lists(cxml_taxes, max_size=2))),
        payment_terms=draw(st.none() | st.builds(PaymentTerms, net_days=st.integers(0, 90))),
        due_on=draw(st.none() | dates),
        ship_notice_id=draw(st.none() | codes),
    )


def charges_in_summary_order(invoice: Invoice) -> Invoice:
    """cXML reads handling, freight and discount from their own elements first."""
    special: dict[str, int] = {}
    for index, charge in enumerate(invoice.charges):
        key = (charge.code, charge.kind)
        described = charge.description is not None and charge.code != "HANDLING"
        if key in _CHARGE_ORDER and not described and charge.code not in special:
            special[charge.code] = index

    def rank(pair: tuple[int, Charge]) -> tuple[int, int]:
        index, charge = pair
        if special.get(charge.code) == index:
            return (_CHARGE_ORDER[(charge.code, charge.kind)], index)
        return (3, index)

    ordered = [charge for _, charge in sorted(enumerate(invoice.charges), key=rank)]
    return dataclasses.replace(invoice, charges=tuple(ordered))
