"""Hypothesis building blocks for canonical documents, shared by every codec's tests.

Texts come from a ``Wording`` (the characters a standard's texts may hold):
words, sentences of a number of words, texts cut at spaces to a length, and
texts that cut at spaces fill a number of components of a width. Numbers
come from ``amounts`` (a non-negative Decimal of so many digits, so many of
them decimals) and ``cents``; ``split`` cuts a quantity into exact parts and
``lots`` shares a quantity among lots. ``values_of(SomeDocument)`` builds any
well-typed instance, field by field from the type hints, valid or not;
``valid_purchase_orders()`` builds orders that pass every rule, with what no
EDI standard carries (account assignments, capitalisation) for the formats
that carry everything (canonical JSON, CSV).

What a standard cannot carry is the business of ``support.carried_documents``
and each standard's own test helpers, not of this module.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum
from typing import Any

from hypothesis import strategies as st

from posync.domain.documents import (
    AccountAssignment,
    Lot,
    OrderKind,
    PurchaseOrder,
    PurchaseOrderLine,
    ScheduleLine,
)
from posync.domain.values import Party, PartyIdentifier, PaymentTerms

# Real GS1 numbers of each length: EAN-8, UPC-A, EAN-13 and GTIN-14.
VALID_GTINS = ("96385074", "036000291452", "4006381333931", "10012345678902")

CODE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"
DIGITS = "0123456789"


def code_texts(min_size: int = 1, max_size: int = 20) -> st.SearchStrategy[str]:
    """Upper-case letters, digits and hyphens: order numbers, item numbers, ids."""
    return st.text(CODE_CHARACTERS, min_size=min_size, max_size=max_size)


codes = code_texts()
# Any printable character from ASCII to Latin Extended-B, no spaces: names of one word.
names = st.text(
    st.characters(min_codepoint=0x21, max_codepoint=0x24F, exclude_categories=("Cc", "Zs")),
    min_size=1,
    max_size=30,
)
dates = st.dates()
emails = codes.map(lambda local: f"{local}@example.com")


@dataclasses.dataclass(frozen=True)
class Wording:
    """Texts made of words of ``characters``, joined by single spaces."""

    characters: str

    @property
    def words(self) -> st.SearchStrategy[str]:
        return st.text(self.characters, min_size=1, max_size=12)

    def sentences(self, max_words: int) -> st.SearchStrategy[str]:
        """One to ``max_words`` words, however long that makes them."""
        return st.lists(self.words, min_size=1, max_size=max_words).map(" ".join)

    def short(self, max_size: int) -> st.SearchStrategy[str]:
        """Words, without the last ones until the text holds at most ``max_size`` characters."""
        return self.sentences(max_size // 6 + 1).map(lambda text: within(text, max_size))

    def pieces(self, width: int, count: int) -> st.SearchStrategy[str]:
        """A text that, cut at spaces, fills at most ``count`` components of ``width``."""
        return st.lists(self.short(width), min_size=1, max_size=count).map(" ".join)


def within(text: str, max_size: int) -> str:
    """``text`` without its last words until it fits (cut when one word is too long)."""
    while len(text) > max_size:
        text = text.rsplit(" ", 1)[0] if " " in text else text[:max_size]
    return text


@st.composite
def amounts(draw: st.DrawFn, *, digits: int, places: int, minimum: int = 1) -> Decimal:
    """A non-negative Decimal of at most ``digits`` digits, up to ``places`` of them decimals."""
    scale = draw(st.integers(min_value=0, max_value=places))
    units = draw(st.integers(min_value=minimum, max_value=10**digits - 1))
    return Decimal(units).scaleb(-scale)


def cents(most: int) -> st.SearchStrategy[Decimal]:
    """Money with two decimals, from 0.00 to ``most`` hundredths."""
    return st.integers(min_value=0, max_value=most).map(lambda whole: Decimal(whole).scaleb(-2))


@st.composite
def split(draw: st.DrawFn, total: Decimal) -> tuple[Decimal, ...]:
    """``total`` as one part or as two exact parts of its own scale."""
    exponent = int(total.as_tuple().exponent)
    units = int(total.scaleb(-exponent))
    if units < 2 or draw(st.booleans()):
        return (total,)
    first = Decimal(draw(st.integers(min_value=1, max_value=units - 1))).scaleb(exponent)
    return (first, total - first)


@st.composite
def lots(draw: st.DrawFn, quantity: Decimal) -> tuple[Lot, ...]:
    """No lots, or lots that share ``quantity`` exactly."""
    if not draw(st.booleans()):
        return ()
    return tuple(
        Lot(lot_number=draw(codes), quantity=part, expires_on=draw(st.none() | dates))
        for part in draw(split(quantity))
    )


def unique_line_numbers(min_size: int = 1) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(1, 999_999), min_size=min_size, max_size=4, unique=True)


# --- any value of a canonical type ---------------------------------------------------------

# Whole-minute offsets from -23:59 to +23:59, as real time zones use today.
minute_offsets = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)

texts = st.text(st.characters(codec="utf-8"), max_size=12)

_SCALARS: dict[type, st.SearchStrategy[Any]] = {
    Decimal: st.decimals(allow_nan=False, allow_infinity=False),
    int: st.integers(min_value=-(2**31), max_value=2**31),
    bool: st.booleans(),
    str: texts,
    date: st.dates(),
    datetime: st.datetimes(
        min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=minute_offsets
    ),
}


def values_of(annotation: Any) -> st.SearchStrategy[Any]:
    """Any value of the annotated type that canonical JSON claims to carry."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (types.UnionType, typing.Union):
        (present,) = (arg for arg in args if arg is not type(None))
        return st.none() | values_of(present)
    if origin is tuple:
        return st.lists(values_of(args[0]), max_size=2).map(tuple)
    if dataclasses.is_dataclass(annotation):
        hints = typing.get_type_hints(annotation)
        fields = {f.name: values_of(hints[f.name]) for f in dataclasses.fields(annotation)}
        return st.builds(typing.cast("type[Any]", annotation), **fields)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return st.sampled_from(annotation)
    return _SCALARS[annotation]


# --- valid purchase orders, with what only the carry-everything formats hold ---------------

# Quantities (from 1) and amounts (from 0) of many scales: 0 to 6 places, up to 18 digits.
any_quantities = amounts(digits=18, places=6)
any_amounts = amounts(digits=18, places=6, minimum=0)


@st.composite
def valid_order_lines(draw: st.DrawFn, line_number: int) -> PurchaseOrderLine:
    quantity = draw(any_quantities)
    schedule = tuple(ScheduleLine(quantity=part) for part in draw(split(quantity)))
    shares = draw(split(Decimal("100.00")))
    return PurchaseOrderLine(
        line_number=line_number,
        quantity=quantity,
        unit_of_measure=draw(st.sampled_from(["EA", "KGM", "MTR", "H87"])),
        unit_price=draw(any_amounts),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(codes),
        gtin=draw(st.none() | st.sampled_from(VALID_GTINS)),
        description=draw(st.none() | names),
        requested_delivery_date=draw(st.none() | dates),
        schedule=schedule if draw(st.booleans()) else (),
        account_assignments=tuple(
            AccountAssignment(category="K", cost_center=f"CC-{index}", percentage=share)
            for index, share in enumerate(shares)
        ),
        capitalized=draw(st.booleans()),
    )


@st.composite
def valid_purchase_orders(draw: st.DrawFn) -> PurchaseOrder:
    line_count = draw(st.integers(min_value=1, max_value=4))
    return PurchaseOrder(
        number=draw(codes),
        order_date=draw(dates),
        buyer=Party(
            name=draw(names),
            identifiers=(PartyIdentifier(scheme="duns", value=draw(codes)),),
        ),
        supplier=Party(name=draw(names)),
        currency=draw(st.sampled_from(["USD", "EUR", "JPY", "CHF"])),
        lines=tuple(draw(valid_order_lines(number)) for number in range(1, line_count + 1)),
        kind=draw(st.sampled_from([OrderKind.STANDARD, OrderKind.BLANKET, OrderKind.DROPSHIP])),
        payment_terms=draw(
            st.none()
            | st.builds(
                PaymentTerms,
                net_days=st.integers(min_value=0, max_value=120),
                discount_percent=st.integers(min_value=0, max_value=9999).map(
                    lambda hundredths: Decimal(hundredths).scaleb(-2)
                ),
                discount_days=st.integers(min_value=0, max_value=30),
            )
        ),
        notes=tuple(draw(st.lists(names, max_size=2))),
    )
