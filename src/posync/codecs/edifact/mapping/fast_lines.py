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

from posync.codecs.edifact.mapping.items import SUPPLIER_ITEM
from posync.codecs.edifact.segments import Element, Segment
from posync.domain.documents import PurchaseOrderLine, ScheduleLine

_ZERO = Decimal(0)
_DELIVERY, _SHIP = "2", "10"
_OWN = frozenset({"PIA", "IMD", "QTY", "DTM"})
_MOST_DIGITS = 30


def clean_order_line(
    group: Sequence[Segment], position: int, decimal_mark: str, known: dict[str, date]
) -> PurchaseOrderLine | None:
    """The line of a clean LIN group (the ``position``-th), or None to read it the careful way.

    ``known`` caches the dates met so far, text to date.
    """
    try:
        return _clean_order_line(group, position, decimal_mark, known)
    except IndexError:
        return None  # a segment shorter than the usual shape: the careful way reads it


def _clean_order_line(
    group: Sequence[Segment], position: int, decimal_mark: str, known: dict[str, date]
) -> PurchaseOrderLine | None:
    """``clean_order_line``, reading components by index: a component missing where the
    usual shape has one raises ``IndexError``."""
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
        found[_part(head, 2, 1).strip() or SUPPLIER_ITEM[0]] = value
    descriptions: list[str] = []
    # The first QTY 21 and QTY 1, PRI AAA, AAB and AAE, DTM 10 and DTM 2: what the careful
    # reader picks from, best first.
    quantity_21: Element | None = None
    quantity_1: Element | None = None
    price_aaa: Element | None = None
    price_aab: Element | None = None
    price_aae: Element | None = None
    ship_date: date | None = None
    delivery_date: date | None = None
    schedule: list[ScheduleLine] = []
    stage = 0  # 0: the line's own segments, 1: its prices, 2: its schedule
    for tag, elements, _, _ in group[1:]:
        if stage == 0 and tag in _OWN:
            if tag == "QTY":
                first = elements[0]
                qualifier = first[0].strip()
                if qualifier == "21":
                    quantity_21 = first if quantity_21 is None else quantity_21
                elif qualifier == "1":
                    quantity_1 = first if quantity_1 is None else quantity_1
            elif tag == "DTM":
                found_date = _date(elements[0], known)
                if found_date is None:
                    return None
                qualifier, when = found_date
                if qualifier == _SHIP:
                    ship_date = when if ship_date is None else ship_date
                elif qualifier == _DELIVERY:
                    delivery_date = when if delivery_date is None else delivery_date
            elif tag == "PIA":
                for element in elements[1:6]:
                    value = element[0]
                    if value.strip():
                        kind = element[1].strip() if len(element) > 1 else ""
                        found.setdefault(kind or "SA", value)
            else:  # IMD
                if elements[0][0].strip() not in ("F", ""):
                    return None
                if len(elements) > 2:
                    descriptions.extend(text for text in elements[2][3:5] if text.strip())
        elif tag == "PRI" and stage <= 1:
            stage = 1
            first = elements[0]
            qualifier = first[0].strip()
            if qualifier == "AAA":
                price_aaa = first if price_aaa is None else price_aaa
            elif qualifier == "AAB":
                price_aab = first if price_aab is None else price_aab
            elif qualifier == "AAE":
                price_aae = first if price_aae is None else price_aae
        elif tag == "SCC":
            stage = 2
        elif tag == "QTY" and stage == 2:
            amount = _decimal(elements[0][1], decimal_mark)
            if amount is None:
                return None
            schedule.append(ScheduleLine(quantity=amount or _ZERO))
        elif tag == "DTM" and stage == 2 and schedule:
            if not _schedule_date(elements, schedule, known):
                return None
        else:
            return None
    ordered = quantity_21 if quantity_21 is not None else quantity_1
    priced = price_aaa if price_aaa is not None else price_aab
    priced = priced if priced is not None else price_aae
    if ordered is None or priced is None:
        return None
    quantity = _decimal(ordered[1], decimal_mark)
    unit = ordered[2].strip()
    price = _decimal(priced[1], decimal_mark)
    if quantity is None or price is None or not unit:
        return None
    return PurchaseOrderLine(
        line_number=line_number,
        quantity=quantity or _ZERO,
        unit_of_measure=unit,
        unit_price=price or _ZERO,
        buyer_item=found.get("IN") or found.get("BP"),
        supplier_item=found.get("SA") or found.get("VP") or found.get("VN"),
        gtin=found.get("EN") or found.get("UP") or found.get("SRV"),
        description=" ".join(descriptions) if descriptions else None,
        requested_ship_date=ship_date,
        requested_delivery_date=delivery_date,
        schedule=tuple(schedule),
    )


def _part(elements: Sequence[Element], position: int, component: int) -> str:
    if position >= len(elements):
        return ""
    element = elements[position]
    return element[component] if component < len(element) else ""


def _decimal(text: str, mark: str) -> Decimal | None:
    value = text.strip()
    if mark != "." and mark in value:
        value = value.replace(mark, ".", 1)
    number = value[1:] if value[:1] == "-" else value
    figures = number.replace(".", "", 1)
    if not (figures.isdigit() and figures.isascii()) or len(value) > _MOST_DIGITS:
        return None
    return Decimal(value)


def _date(element: Element, known: dict[str, date]) -> tuple[str, date] | None:
    """The qualifier and date of a clean DTM's C507 (format 102, or none), else None."""
    value = element[1].strip()
    if len(element) > 2 and element[2].strip() not in ("102", ""):
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
    return element[0].strip(), when


def _schedule_date(
    elements: Sequence[Element], schedule: list[ScheduleLine], known: dict[str, date]
) -> bool:
    found = _date(elements[0], known)
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
