"""Helpers for the X12 mapping tests: segments from text, and documents X12 can carry.

``segments("BEG*00*SA*PO1**20260924~PO1*1*...")`` reads the notation the
standard's examples use (``*`` between elements, ``~`` or a line break after
each segment, ``>`` between components). The strategies are the shared ones
(``support.carried_orders``, ``support.carried_deliveries``) with the profile
``X12``: what X12 carries (see each mapping module's docstring), within the
element lengths of 004010, each bound named beside its value.
"""

from __future__ import annotations

import dataclasses
from functools import partial
from typing import Any

import pytest
from hypothesis import strategies as st

from posync.codecs.errors import DecodeError
from posync.codecs.x12.mapping import EncodeOptions
from posync.codecs.x12.mapping.registry import SetMapper
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import ShipNotice
from support import carried_deliveries, carried_orders
from support.standard_profile import StandardProfile
from support.strategies import Wording, amounts, cents, code_texts

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

# Texts: X12 has no release character, so no delimiter (``*``, ``~``, ``>``, ``^``) in them.
X12_WORDING = Wording(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzäöüßéÅ0123456789&.,'/()#-"
)
# Codes of two characters or more: N104, TD503 and BSN02 hold at least two.
two_or_more = code_texts(min_size=2, max_size=20)

X12 = StandardProfile(
    units=("EA", "KGM", "LBR", "CS", "H87", "CA"),  # canonical codes, see ``code_tables``
    currencies=("USD", "EUR", "JPY"),
    regions=("OH", "NY", "BY", "ON"),
    countries=("US", "DE", "CA"),
    packaging=("CTN25", "PLT94", "BOX"),  # TD101 103 AN 3/5
    tax_types=("STT", "VAT", "GST", "ZZ"),
    # SAC02 1300 holds four characters; any other code goes in SAC04 behind ZZZZ.
    charge_codes=st.sampled_from(["D240", "C310", "ZZZZ"]) | code_texts(max_size=10),
    # N103 1 is DUNS, 9 DUNS+4, UL a GLN; an N1 holds one identifier.
    numbered_identifiers=(("duns", 9), ("duns", 13), ("gln", 13)),
    assigned_schemes=("buyer-assigned", "seller-assigned", "ZZ"),
    assigned_values=two_or_more,
    party_names=X12_WORDING.short(120),  # N102 60, continued in N201/N202
    address_lines=X12_WORDING.short(55),  # N301/N302 166 AN 55
    cities=st.text(X12_WORDING.characters, min_size=2, max_size=30),  # N401 19 AN 2/30
    postal_codes=st.text("0123456789ABC-", min_size=3, max_size=15),  # N403 116 ID 3/15
    contact_names=X12_WORDING.short(60),  # PER02 93 AN 60
    phones=st.text("0123456789+", min_size=1, max_size=20),  # PER04 364
    terms_descriptions=X12_WORDING.short(80),  # ITD12 352 AN 80
    incoterms_places=X12_WORDING.short(80),  # FOB07 352 AN 80
    ship_methods=X12_WORDING.short(35),  # TD505 387 AN 35
    # Notes (MSG), descriptions (PID) and reasons (REF*ZZ) are cut at spaces into as many
    # segments as they take: any number of words.
    notes=X12_WORDING.sentences(80),
    order_line_descriptions=X12_WORDING.sentences(40),
    line_descriptions=X12_WORDING.sentences(30),
    line_reasons=X12_WORDING.sentences(30),
    document_reasons=X12_WORDING.sentences(40),
    charge_descriptions=X12_WORDING.short(80),  # SAC15 352 AN 80
    shipment_ids=two_or_more,
    carriers=two_or_more,
    most_serial_numbers=3,
    # R elements count digits: each bound is within the element's length (``limits``).
    ordered_quantities=amounts(digits=11, places=4),  # PO102 330 R 15
    answered_quantities=amounts(digits=9, places=4),  # ACK02 380, POC03 330 R 15
    shipped_quantities=amounts(digits=7, places=3),  # SN102 382 R 10
    invoiced_quantities=amounts(digits=7, places=2),  # IT102 358 R 10
    unit_prices=amounts(digits=14, places=6, minimum=0),  # 212 R 17
    pack_weights=amounts(digits=7, places=3),  # TD107 81 R 10
    money=cents(10**11),  # TDS01 610 N2 15, SAC05 610
    tax_amounts=amounts(digits=11, places=2, minimum=0),  # TXI02 782 R 18
    tax_rates=amounts(digits=4, places=3, minimum=0),  # TXI03 954 R 10
    taxable_amounts=amounts(digits=7, places=2, minimum=0),  # TXI08 828 R 9
    discount_percents=amounts(digits=3, places=2, minimum=0),  # ITD03 338 R 6
    # SCH05/06 (the delivery date) are mandatory.
    schedule_needs_delivery_date=True,
    # ACK carries one quantity with its status: an IB balance only on a (partially)
    # backordered line, and a wholly backordered line has no other quantity.
    backorder_needs_backorder_status=True,
    changed_unit_needs_quantity=False,  # POC05 stands on its own
    taxable_amount_needs_rate=True,  # TXI08 is used with TXI03 only
)

purchase_orders = partial(carried_orders.purchase_orders, X12)
changes = partial(carried_orders.changes, X12)
acknowledgements = partial(carried_orders.acknowledgements, X12)
ship_notices = partial(carried_deliveries.ship_notices, X12)
invoices = partial(carried_deliveries.invoices, X12)


def packs_in_id_order(notice: ShipNotice) -> ShipNotice:
    """X12 lists packs as its HL tree meets them: compare them in one order."""
    return dataclasses.replace(notice, packs=tuple(sorted(notice.packs, key=lambda p: p.pack_id)))
