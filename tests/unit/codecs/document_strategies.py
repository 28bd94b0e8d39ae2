"""Hypothesis strategies for canonical documents.

``values_of(SomeDocument)`` builds any well-typed instance, field by field from
the type hints, as the codec sees them: valid or not, the codec must carry it
unchanged. ``valid_purchase_orders()`` builds orders that pass every rule, with
quantities and prices of many scales.
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
    OrderKind,
    PurchaseOrder,
    PurchaseOrderLine,
    ScheduleLine,
)
from posync.domain.values import Party, PartyIdentifier, PaymentTerms

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


# --- valid purchase orders ---------------------------------------------------------------

VALID_GTINS = ("4006381333931", "036000291452", "96385074", "10012345678902")

names = st.text(
    st.characters(min_codepoint=0x21, max_codepoint=0x24F, exclude_categories=("Cc", "Zs")),
    min_size=1,
    max_size=30,
)
codes = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", min_size=1, max_size=20)


@st.composite
def amounts(draw: st.DrawFn, *, minimum: int = 1) -> Decimal:
    """A non-negative Decimal with 0 to 6 places, up to 18 significant digits."""
    places = draw(st.integers(min_value=0, max_value=6))
    units = draw(st.integers(min_value=minimum, max_value=10**18 - 1))
    return Decimal(units).scaleb(-places)


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
def order_lines(draw: st.DrawFn, line_number: int) -> PurchaseOrderLine:
    quantity = draw(amounts())
    schedule = tuple(ScheduleLine(quantity=part) for part in draw(split(quantity)))
    shares = draw(split(Decimal("100.00")))
    return PurchaseOrderLine(
        line_number=line_number,
        quantity=quantity,
        unit_of_measure=draw(st.sampled_from(["EA", "KGM", "MTR", "H87"])),
        unit_price=draw(amounts(minimum=0)),
        buyer_item=draw(st.none() | codes),
        supplier_item=draw(codes),
        gtin=draw(st.none() | st.sampled_from(VALID_GTINS)),
        description=draw(st.none() | names),
        requested_delivery_date=draw(st.none() | st.dates()),
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
        order_date=draw(st.dates()),
        buyer=Party(
            name=draw(names),
            identifiers=(PartyIdentifier(scheme="duns", value=draw(codes)),),
        ),
        supplier=Party(name=draw(names)),
        currency=draw(st.sampled_from(["USD", "EUR", "JPY", "CHF"])),
        lines=tuple(draw(order_lines(number)) for number in range(1, line_count + 1)),
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
