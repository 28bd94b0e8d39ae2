"""EDIFACT test helpers: segments from text, and canonical documents D.96A can carry.

``segments("BGM+220+PO1+9'DTM+137:20260924:102'")`` reads the notation of the
standard's examples (``+`` between elements, ``:`` between components, ``'``
after each segment, ``?`` releasing the next character; line breaks are
layout). The strategies are the shared ones (``support.carried_orders``,
``support.carried_deliveries``) with the profile ``D96A``: what D.96A
carries, each bound below the canonical document's own named beside its
value (``an`` elements count characters, ``n`` elements digits). Texts are cut
at spaces into components, so no word is longer than a component. What
neither EDIFACT nor X12 carries is left out by the shared strategies.
"""

from __future__ import annotations

from functools import partial

from hypothesis import strategies as st

from posync.codecs.edifact.segments import Segment
from support import carried_deliveries, carried_orders
from support.standard_profile import StandardProfile
from support.strategies import Wording, amounts, cents, code_texts, codes, names


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

# Texts hold the separators and the release character too: the writer must release them.
EDIFACT_WORDING = Wording(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzäöüßéÅŁł0123456789&.,'/()#+:?-"
)
short_codes = code_texts(min_size=2, max_size=17)  # C040 3127 an..17, the shortest id's

D96A = StandardProfile(
    units=("EA", "KGM", "MTR", "H87", "PCE"),
    currencies=("USD", "EUR", "PLN"),
    regions=("OH", "NRW", "BY", "ON", "10"),
    countries=("US", "DE", "PL"),
    packaging=("CT", "PX", "BOX"),
    tax_types=("VAT", "GST", "ST", "Sales tax"),
    charge_codes=st.sampled_from(["FC", "DI", "ABK", "D240", "FREIGHT"]),
    numbered_identifiers=(("duns", 9), ("gln", 13)),
    assigned_schemes=("buyer-assigned", "seller-assigned", "ZZ", "VA"),
    assigned_values=codes,
    party_names=EDIFACT_WORDING.pieces(35, 3),  # NAD C080 3036, 5 x 35
    address_lines=EDIFACT_WORDING.short(35),  # NAD C059 3042, four lines of 35
    cities=EDIFACT_WORDING.short(35),  # NAD 3164 an..35
    postal_codes=st.text("0123456789ABC-", min_size=3, max_size=9),  # NAD 3251 an..9
    contact_names=EDIFACT_WORDING.short(35),  # CTA C056 3412 an..35
    phones=st.text("0123456789+ ", min_size=1, max_size=20).filter(str.strip),
    terms_descriptions=EDIFACT_WORDING.pieces(70, 3),  # FTX C108 4440, 5 x 70
    incoterms_places=EDIFACT_WORDING.short(70),  # LOC C517 3224 an..70
    ship_methods=EDIFACT_WORDING.short(35),  # TDT C040 3128 an..35
    notes=EDIFACT_WORDING.pieces(70, 5),  # FTX C108 4440, 5 x 70
    # IMD C273 7008, 2 x 35 an IMD, as many IMD as a line may have.
    order_line_descriptions=names | EDIFACT_WORDING.pieces(35, 28),
    line_descriptions=EDIFACT_WORDING.pieces(35, 8),
    line_reasons=EDIFACT_WORDING.pieces(70, 5),  # FTX C108 4440, 5 x 70
    document_reasons=EDIFACT_WORDING.pieces(70, 5),
    charge_descriptions=EDIFACT_WORDING.pieces(35, 2),  # ALC C214 7160, 2 x 35
    shipment_ids=short_codes,
    carriers=short_codes,
    most_serial_numbers=7,  # GIN C208 7402 an..35, two to a C208
    # ``n`` elements count digits only (ISO 9735).
    ordered_quantities=amounts(digits=15, places=6),  # QTY C186 6060 n..15
    answered_quantities=amounts(digits=15, places=6),
    shipped_quantities=amounts(digits=10, places=3),
    invoiced_quantities=amounts(digits=10, places=3),
    unit_prices=amounts(digits=15, places=6, minimum=0),  # PRI C509 5118 n..15
    pack_weights=amounts(digits=8, places=3),  # MEA C174 6314 n..18
    money=cents(10**15),  # MOA C516 5004 n..18
    tax_amounts=amounts(digits=15, places=2, minimum=0),
    tax_rates=amounts(digits=5, places=3, minimum=0),  # TAX C243 5278 an..17
    taxable_amounts=amounts(digits=15, places=2, minimum=0),
    discount_percents=amounts(digits=3, places=2, minimum=0),  # PCD C501 5482 n..10
    schedule_needs_delivery_date=False,  # a schedule's QTY stands without its DTM
    backorder_needs_backorder_status=False,  # QTY 83 (backordered) beside any status
    changed_unit_needs_quantity=True,  # the unit is QTY C186 6411, beside the quantity
    taxable_amount_needs_rate=False,  # MOA 125 (taxable amount) stands on its own
)

purchase_orders = partial(carried_orders.purchase_orders, D96A)
changes = partial(carried_orders.changes, D96A)
acknowledgements = partial(carried_orders.acknowledgements, D96A)
ship_notices = partial(carried_deliveries.ship_notices, D96A)
invoices = partial(carried_deliveries.invoices, D96A)
