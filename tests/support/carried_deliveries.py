"""Valid ship notices and invoices that a standard carries whole.

As in ``support.carried_orders``, each strategy takes the standard's
``StandardProfile`` for the values that must fit its elements; the rules
between fields (packs nested only in packs listed before them, lots that add
up to their line, a unit beside every quantity) are the same for every
standard. ``charges`` and ``taxes`` take their values directly, so that a
standard with its own way of building an invoice (cXML) draws them too.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from posync.domain.documents import (
    Charge,
    ChargeKind,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    Pack,
    ShipNotice,
    ShippedLine,
    TaxAmount,
)
from support.carried_orders import parties, payment_terms
from support.standard_profile import StandardProfile
from support.strategies import DIGITS, VALID_GTINS, codes, dates, lots, unique_line_numbers

# --- ship notices --------------------------------------------------------------------------

# Any code, or an 18-digit SSCC.
pack_ids = codes | st.text(DIGITS, min_size=18, max_size=18)


@st.composite
def packs(draw: st.DrawFn, profile: StandardProfile) -> tuple[Pack, ...]:
    ids = draw(st.lists(pack_ids, max_size=4, unique=True))
    made: list[Pack] = []
    for index, pack_id in enumerate(ids):
        weight = draw(st.none() | profile.pack_weights)
        made.append(
            Pack(
                pack_id=pack_id,
                packaging=draw(st.none() | st.sampled_from(profile.packaging)),
                parent_pack_id=draw(st.none() | st.sampled_from(ids[:index])) if index else None,
                gross_weight=weight,
                weight_unit=draw(st.sampled_from(["KGM", "LBR"])) if weight is not None else None,
            )
        )
    return tuple(made)


@st.composite
def shipped_lines(
    draw: st.DrawFn, profile: StandardProfile, order: str, line_number: int, pack_id: str | None
) -> ShippedLine:
    quantity = draw(profile.shipped_quantities)
    return ShippedLine(
        purchase_order_number=order,
        line_number=line_number,
        quantity=quantity,
        unit_of_measure=draw(st.sampled_from(profile.units)),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(st.none() | codes),
        gtin=draw(st.none() | st.sampled_from(VALID_GTINS)),
        pack_id=pack_id,
        lots=draw(lots(quantity)),
        serial_numbers=tuple(
            draw(st.lists(codes, max_size=profile.most_serial_numbers, unique=True))
        ),
    )


@st.composite
def ship_notices(draw: st.DrawFn, profile: StandardProfile) -> ShipNotice:
    made = draw(packs(profile))
    orders = draw(st.lists(codes, min_size=1, max_size=2, unique=True))
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(orders), st.integers(1, 999_999)),
            min_size=1,
            max_size=5,
            unique=True,
        )
    )
    held_in = st.none() | st.sampled_from([p.pack_id for p in made]) if made else st.none()
    return ShipNotice(
        shipment_id=draw(profile.shipment_ids),
        issued_on=draw(dates),
        ship_date=draw(dates),
        lines=tuple(
            draw(shipped_lines(profile, order, number, draw(held_in))) for order, number in keys
        ),
        estimated_delivery_date=draw(st.none() | dates),
        carrier=draw(st.none() | profile.carriers),
        tracking_number=draw(st.none() | codes),
        ship_method=draw(st.none() | profile.ship_methods),
        ship_from=draw(st.none() | parties(profile)),
        ship_to=draw(st.none() | parties(profile)),
        packs=made,
    )


# --- invoices ------------------------------------------------------------------------------


def charges(
    code: st.SearchStrategy[str],
    amount: st.SearchStrategy[Decimal],
    description: st.SearchStrategy[str],
) -> st.SearchStrategy[tuple[Charge, ...]]:
    """Up to three allowances or charges."""
    charge = st.builds(
        Charge,
        kind=st.sampled_from(ChargeKind),
        code=code,
        amount=amount,
        description=st.none() | description,
    )
    return st.lists(charge, max_size=3).map(tuple)


@st.composite
def taxes(
    draw: st.DrawFn,
    *,
    tax_types: tuple[str, ...],
    amount: st.SearchStrategy[Decimal],
    rate: st.SearchStrategy[Decimal],
    taxable_amount: st.SearchStrategy[Decimal],
    taxable_amount_needs_rate: bool = False,
) -> TaxAmount:
    rate_percent = draw(st.none() | rate)
    taxed = rate_percent is not None or not taxable_amount_needs_rate
    return TaxAmount(
        tax_type=draw(st.sampled_from(tax_types)),
        amount=draw(amount),
        rate_percent=rate_percent,
        taxable_amount=draw(st.none() | taxable_amount) if taxed else None,
    )


def profile_taxes(profile: StandardProfile) -> st.SearchStrategy[TaxAmount]:
    return taxes(
        tax_types=profile.tax_types,
        amount=profile.tax_amounts,
        rate=profile.tax_rates,
        taxable_amount=profile.taxable_amounts,
        taxable_amount_needs_rate=profile.taxable_amount_needs_rate,
    )


@st.composite
def invoice_lines(
    draw: st.DrawFn, profile: StandardProfile, line_number: int, order: str
) -> InvoiceLine:
    return InvoiceLine(
        line_number=line_number,
        purchase_order_number=order,
        purchase_order_line=draw(st.integers(1, 999_999)),
        quantity=draw(profile.invoiced_quantities),
        unit_of_measure=draw(st.sampled_from(profile.units)),
        unit_price=draw(profile.unit_prices),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(st.none() | codes),
        description=draw(st.none() | profile.line_descriptions),
    )


@st.composite
def invoices(draw: st.DrawFn, profile: StandardProfile) -> Invoice:
    orders = draw(st.lists(codes, min_size=1, max_size=2, unique=True))
    return Invoice(
        invoice_number=draw(codes),
        issued_on=draw(dates),
        supplier=draw(parties(profile)),
        buyer=draw(parties(profile)),
        currency=draw(st.sampled_from(profile.currencies)),
        lines=tuple(
            draw(invoice_lines(profile, number, draw(st.sampled_from(orders))))
            for number in draw(unique_line_numbers())
        ),
        total_amount=draw(profile.money),
        kind=draw(st.sampled_from(InvoiceKind)),
        charges=draw(charges(profile.charge_codes, profile.money, profile.charge_descriptions)),
        taxes=tuple(draw(st.lists(profile_taxes(profile), max_size=2))),
        payment_terms=draw(st.none() | payment_terms(profile)),
        due_on=draw(st.none() | dates),
        ship_notice_id=draw(st.none() | codes),
    )
