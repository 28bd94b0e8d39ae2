"""The fast path of the ORDERS header reader: a clean header read straight from its segments.

Nearly every order a partner sends has a header of the same few segments:
BGM, DTM, FTX, NAD groups (NAD, CTA, COM), CUX and PAT. ``clean_order_header``
reads such a header in one pass, without naming a segment, and returns
``None`` for anything else: another segment (RFF, TDT, TOD, TAX, ALC...), a
segment a group would take in (a DTM after a NAD or a PAT, a CTA or COM
outside a NAD group), a value that does not read, something missing. The
mapping (``purchase_order``) then reads the header the careful way, which names
every problem. The parties, texts, whole numbers and dates are read by the
functions the careful way uses too, so both give the same header for every
one this path accepts; the tests hold them to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from posync.codecs.edifact.mapping.items import free_text
from posync.codecs.edifact.mapping.parties import party_of
from posync.codecs.edifact.mapping.reading import (
    DATE_FORMAT,
    code_value,
    date_of,
    text_value,
    whole_of,
)
from posync.codecs.edifact.segments import Element, Segment
from posync.domain.documents import OrderKind
from posync.domain.values import Party, PaymentTerms

BLANKET, CALL_OFF, DROPSHIP = "221", "226", "DROPSHIP"
CANCELLING = ("1", "3")
ROLES = ("BY", "SU", "SE", "DP", "ST", "IV")
NOTE, TERMS_TEXT = "AAI", "AAB"
_OWN = frozenset({"BGM", "DTM", "FTX", "CUX"})
_CONTACT = frozenset({"CTA", "COM"})
_DISCOUNT, _PENALTY = "22", "20"
_NO_TERMS = PaymentTerms()
_OUTSIDE, _IN_NAD, _IN_PAT = 0, 1, 2  # the group the last segment stands in


class OrderHeader(NamedTuple):
    """What a clean ORDERS header says, ready for its ``PurchaseOrder``."""

    number: str
    order_date: date
    buyer: Party
    supplier: Party
    currency: str
    kind: OrderKind
    ship_to: Party | None
    bill_to: Party | None
    payment_terms: PaymentTerms | None
    requested_ship_date: date | None
    requested_delivery_date: date | None
    notes: tuple[str, ...]


def order_kind(bgm: tuple[Element, ...]) -> OrderKind:
    """The kind of order a BGM's C002 says: 221 blanket, 226 call-off, name DROPSHIP."""
    code = code_value(bgm, 1, 1)
    if code == BLANKET:
        return OrderKind.BLANKET
    if code == CALL_OFF:
        return OrderKind.RELEASE
    if code_value(bgm, 1, 4).upper() == DROPSHIP:
        return OrderKind.DROPSHIP
    return OrderKind.STANDARD


def clean_order_header(header: Sequence[Segment]) -> OrderHeader | None:
    """The header of a clean ORDERS (its segments before the first LIN), or None to read it
    the careful way."""
    bgm: tuple[Element, ...] | None = None
    currency: str | None = None
    dates: dict[str, date] = {}
    notes: list[str] = []
    terms_texts: list[str] = []
    nad_groups: list[list[Segment]] = []
    pats: list[tuple[Element, ...]] = []
    inside = _OUTSIDE
    for segment in header:
        tag, elements = segment[0], segment[1]
        if tag in _CONTACT:
            if inside != _IN_NAD:
                return None
            nad_groups[-1].append(segment)
        elif tag == "NAD":
            nad_groups.append([segment])
            inside = _IN_NAD
        elif tag == "PAT":
            pats.append(elements)
            inside = _IN_PAT
        elif tag not in _OWN or (inside != _OUTSIDE and tag == "DTM"):
            return None
        else:
            inside = _OUTSIDE
            if tag == "DTM":
                when = date_of(
                    code_value(elements, 1, 2), code_value(elements, 1, 3) or DATE_FORMAT
                )
                if when is None:
                    return None
                dates.setdefault(code_value(elements, 1, 1), when)
            elif tag == "FTX":
                subject = code_value(elements, 1, 1)
                if subject in (NOTE, TERMS_TEXT):
                    text = free_text(elements)
                    if text is not None:
                        (notes if subject == NOTE else terms_texts).append(text)
            elif tag == "CUX":
                if currency is None:
                    currency = code_value(elements, 1, 2)
            elif bgm is None:
                bgm = elements
    if bgm is None or currency is None or not currency:
        return None
    number = text_value(bgm, 2, 1)
    order_date = dates["137"] if "137" in dates else dates.get("4")
    if number is None or order_date is None or code_value(bgm, 3, 1) in CANCELLING:
        return None
    parties: dict[str, Party] = {}
    for group in nad_groups:
        role = code_value(group[0][1], 1, 1)
        if role in ROLES and role not in parties:
            party = party_of(group[0], group[1:])
            if party is None:
                return None
            parties[role] = party
    buyer = parties.get("BY")
    supplier = parties.get("SU") or parties.get("SE")
    if buyer is None or supplier is None:
        return None
    read, terms = _terms(pats, terms_texts)
    if not read:
        return None
    return OrderHeader(
        number=number,
        order_date=order_date,
        buyer=buyer,
        supplier=supplier,
        currency=currency,
        kind=order_kind(bgm),
        ship_to=parties.get("DP") or parties.get("ST"),
        bill_to=parties.get("IV"),
        payment_terms=terms,
        requested_ship_date=dates.get("10"),
        requested_delivery_date=dates.get("2"),
        notes=tuple(notes),
    )


def _terms(pats: list[tuple[Element, ...]], texts: list[str]) -> tuple[bool, PaymentTerms | None]:
    """Whether the PATs (without group members) read, and the payment terms they and the
    FTX AAB texts say."""
    net_days: int | None = None
    discount_days: int | None = None
    for elements in pats:
        kind = code_value(elements, 1, 1)
        value = code_value(elements, 3, 4)
        days = None
        if value:
            days = whole_of(value)
            if days is None:
                return False, None
        if kind == _DISCOUNT:
            discount_days = discount_days if discount_days is not None else days
        elif kind != _PENALTY:
            net_days = net_days if net_days is not None else days
    terms = PaymentTerms(
        net_days=net_days,
        discount_percent=None,
        discount_days=discount_days,
        description=texts[0] if texts else None,
    )
    return True, (None if terms == _NO_TERMS else terms)
