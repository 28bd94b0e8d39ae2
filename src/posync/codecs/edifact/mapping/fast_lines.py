"""The fast path of the ORDERS line reader: a clean LIN group read straight from its segments.

A busy partner sends thousands of lines an hour, and nearly all of them are
clean. ``clean_order_line`` reads a LIN group of the usual shape (LIN, then
PIA, IMD, QTY and DTM, then PRI, then SCC groups of QTY and DTM) without
naming a segment, and returns ``None`` for anything else: another segment, a
value that does not read, something missing. The mapping then reads that
group again the careful way (``purchase_order``), which names every problem.
Both must give the same line for every group this one accepts; the tests
hold them to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from posync.codecs.edifact.mapping.items import BUYER_ITEM, GTIN, SUPPLIER_ITEM
from posync.codecs.edifact.segments import Element, Segment
from posync.domain.documents import PurchaseOrderLine, ScheduleLine

_ZERO = Decimal(0)
_DELIVERY, _SHIP = "2", "10"
_OWN = frozenset({"PIA", "IMD", "QTY", "DTM"})
_PRICES = ("AAA", "AAB", "AAE")
_MOST_DIGITS = 30


def clean_order_line(
    group: Sequence[Segment], position: int, decimal_mark: str, known: dict[str, date]
) -> PurchaseOrderLine | None:
    """The line of a clean LIN group (the ``position``-th), or None to read it the careful way.

    ``known`` caches the dates met so far, text to date.
    """
    head = group[0].elements
    number_text = _part(head, 0, 0).strip()
    if number_text:
        if not (number_text.isdigit() and number_text.isascii() and len(number_text) <= 18):
            return None
        line_number = int(number_text)
        if line_number == 0:
            return None
    else:
        line_number = position
    found: dict[str, str] = {}
    value = _part(head, 2, 0)
    if value.strip():
        found.setdefault(_part(head, 2, 1).strip() or SUPPLIER_ITEM[0], value)
    descriptions: list[str] = []
    quantities: dict[str, Element] = {}
    dates: dict[str, date] = {}
    prices: dict[str, Element] = {}
    schedule: list[ScheduleLine] = []
    stage = 0  # 0: the line's own segments, 1: its prices, 2: its schedule
    for segment in group[1:]:
        tag, elements = segment.tag, segment.elements
        if tag in _OWN and stage == 0:
            if tag == "PIA":
                for index in range(1, min(len(elements), 6)):
                    value = _part(elements, index, 0)
                    if value.strip():
                        found.setdefault(_part(elements, index, 1).strip() or "SA", value)
            elif tag == "IMD":
                if _part(elements, 0, 0).strip() not in ("F", ""):
                    return None
                descriptions.extend(
                    text for text in (_part(elements, 2, 3), _part(elements, 2, 4)) if text.strip()
                )
            elif tag == "QTY":
                quantities.setdefault(_part(elements, 0, 0).strip(), elements[0])
            elif not _take_date(elements, dates, known):
                return None
        elif tag == "PRI" and stage <= 1 and elements:
            stage = 1
            prices.setdefault(_part(elements, 0, 0).strip(), elements[0])
        elif tag == "SCC":
            stage = 2
        elif tag == "QTY" and stage == 2:
            amount = _decimal(_part(elements, 0, 1), decimal_mark)
            if amount is None:
                return None
            schedule.append(ScheduleLine(quantity=amount or _ZERO))
        elif tag == "DTM" and stage == 2 and schedule:
            if not _schedule_date(elements, schedule, known):
                return None
        else:
            return None
    ordered = quantities.get("21") or quantities.get("1")
    priced = next((prices[q] for q in _PRICES if q in prices), None)
    if ordered is None or priced is None:
        return None
    quantity = _decimal(_part((ordered,), 0, 1), decimal_mark)
    unit = _part((ordered,), 0, 2).strip()
    price = _decimal(_part((priced,), 0, 1), decimal_mark)
    if quantity is None or price is None or not unit:
        return None
    return PurchaseOrderLine(
        line_number=line_number,
        quantity=quantity or _ZERO,
        unit_of_measure=unit,
        unit_price=price or _ZERO,
        buyer_item=_best(found, BUYER_ITEM),
        supplier_item=_best(found, SUPPLIER_ITEM),
        gtin=_best(found, GTIN),
        description=" ".join(descriptions) if descriptions else None,
        requested_ship_date=dates.get(_SHIP),
        requested_delivery_date=dates.get(_DELIVERY),
        schedule=tuple(schedule),
    )


def _part(elements: Sequence[Element], position: int, component: int) -> str:
    if position >= len(elements):
        return ""
    element = elements[position]
    return element[component] if component < len(element) else ""


def _best(found: dict[str, str], kinds: Sequence[str]) -> str | None:
    return next((found[kind] for kind in kinds if kind in found), None)


def _decimal(text: str, mark: str) -> Decimal | None:
    value = text.strip()
    if mark != "." and mark in value:
        value = value.replace(mark, ".", 1)
    number = value[1:] if value[:1] == "-" else value
    figures = number.replace(".", "", 1)
    if not (figures.isdigit() and figures.isascii()) or len(value) > _MOST_DIGITS:
        return None
    return Decimal(value)


def _date(elements: Sequence[Element], known: dict[str, date]) -> tuple[str, date] | None:
    """The qualifier and date of a clean DTM (format 102, or none), else None."""
    qualifier = _part(elements, 0, 0).strip()
    value = _part(elements, 0, 1).strip()
    if _part(elements, 0, 2).strip() not in ("102", ""):
        return None
    when = known.get(value)
    if when is None:
        if not (len(value) == 8 and value.isdigit() and value.isascii()):
            return None
        try:
            when = date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            return None
        known[value] = when
    return qualifier, when


def _take_date(elements: Sequence[Element], dates: dict[str, date], known: dict[str, date]) -> bool:
    found = _date(elements, known)
    if found is None:
        return False
    dates.setdefault(*found)
    return True


def _schedule_date(
    elements: Sequence[Element], schedule: list[ScheduleLine], known: dict[str, date]
) -> bool:
    found = _date(elements, known)
    if found is None:
        return False
    qualifier, when = found
    last = schedule[-1]
    if qualifier == _DELIVERY and last.requested_delivery_date is None:
        schedule[-1] = ScheduleLine(
            quantity=last.quantity,
            requested_ship_date=last.requested_ship_date,
            requested_delivery_date=when,
        )
    elif qualifier == _SHIP and last.requested_ship_date is None:
        schedule[-1] = ScheduleLine(
            quantity=last.quantity,
            requested_ship_date=when,
            requested_delivery_date=last.requested_delivery_date,
        )
    return True
