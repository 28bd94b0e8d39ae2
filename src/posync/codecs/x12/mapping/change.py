"""860 Purchase Order Change Request <-> ``PurchaseOrderChange``.

BCH: 01 purpose (01 cancellation; 04 change and 05 replace are changes), 02
the order type (SA written), 03 the order number, 05 the change order
sequence number (``change_number``, a whole number), 06 the order date, 11
the date of the change request. ``issued_on`` is BCH11, else BCH06; since the
canonical change does not hold the order date, BCH06 is written with
``issued_on`` too. A header REF*ZZ is the reason.

POC, one per line: 01 the line number, 02 the change type, 03 the quantity
the line is to have (the current order quantity; POC04, the quantity left to
receive, is neither read nor written), 05 its unit, 06 its unit price, 08 on
item numbers; then PID for the description and DTM 002/010 for the requested
delivery and ship dates. Values left out stay as they were.

POC02 to ``LineChangeType``: AI add, DI delete -> cancel, QI / QD quantity
increase / decrease, PC price change, CT (change of dates), RS (reschedule)
and RB (replace all dates) -> date change, RE and RM (replacement item) ->
item change, RZ (replace all values), CA (changes to line items), PQ, PR, RQ
and MU (several values at once) -> replace, NC -> no change. CA (changes to
line items) is read by what the line carries: only dates -> date change, only
item numbers -> item change, anything else -> replace. Written: AI, DI, QI,
QD, PC, CT, RE, RZ, NC; when a partner's guide does not accept CT or RE, the
next code that says the change and that it accepts (RS, RB, CA, RZ...).
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from posync.codecs.segment_groups import groups
from posync.codecs.x12.mapping.common import (
    At,
    EncodeOptions,
    Reader,
    dated,
    first,
    locate,
    loop_heads,
    sections,
)
from posync.codecs.x12.mapping.items import (
    N9_MEMBERS,
    ItemNumbers,
    description,
    id_pairs,
    item_numbers,
    reason,
    write_description,
    write_ids,
    write_reason,
)
from posync.codecs.x12.mapping.parties import N1_MEMBERS
from posync.codecs.x12.mapping.purchase_order import (
    DELIVERY,
    LINE_NUMBER,
    SHIP,
    write_dates,
    write_totals,
)
from posync.codecs.x12.mapping.writing import Writer
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import ChangedLine, ChangePurpose, LineChangeType, PurchaseOrderChange

_PURPOSES = {
    "01": ChangePurpose.CANCELLATION,
    "04": ChangePurpose.CHANGE,
    "05": ChangePurpose.CHANGE,
}
_PURPOSE_CODES = {ChangePurpose.CANCELLATION: "01", ChangePurpose.CHANGE: "04"}
CHANGES: Mapping[str, LineChangeType] = types.MappingProxyType(
    {
        "AI": LineChangeType.ADD,
        "DI": LineChangeType.CANCEL,
        "QI": LineChangeType.QUANTITY_INCREASE,
        "QD": LineChangeType.QUANTITY_DECREASE,
        "PC": LineChangeType.PRICE_CHANGE,
        "CT": LineChangeType.DATE_CHANGE,
        "RS": LineChangeType.DATE_CHANGE,
        "RB": LineChangeType.DATE_CHANGE,
        "RE": LineChangeType.ITEM_CHANGE,
        "RM": LineChangeType.ITEM_CHANGE,
        "RZ": LineChangeType.REPLACE,
        "CA": LineChangeType.REPLACE,
        "PQ": LineChangeType.REPLACE,
        "PR": LineChangeType.REPLACE,
        "RQ": LineChangeType.REPLACE,
        "MU": LineChangeType.REPLACE,
        "NC": LineChangeType.NO_CHANGE,
    }
)
CHANGE_CODES: Mapping[LineChangeType, tuple[str, ...]] = types.MappingProxyType(
    {
        LineChangeType.ADD: ("AI",),
        LineChangeType.CANCEL: ("DI",),
        LineChangeType.QUANTITY_INCREASE: ("QI",),
        LineChangeType.QUANTITY_DECREASE: ("QD",),
        LineChangeType.PRICE_CHANGE: ("PC",),
        LineChangeType.DATE_CHANGE: ("CT", "RS", "RB", "CA", "RZ"),
        LineChangeType.ITEM_CHANGE: ("RE", "RM", "CA", "RZ"),
        LineChangeType.REPLACE: ("RZ", "CA"),
        LineChangeType.NO_CHANGE: ("NC",),
    }
)
"""The codes that say each change, best first; a partner's guide may allow only some."""
_SUMMARY = frozenset({"CTT"})


class ChangeMapper:
    transaction_set = "860"
    functional_group = "PC"
    document_type = PurchaseOrderChange

    def decode(self, segments: Sequence[Segment], delimiters: Delimiters) -> PurchaseOrderChange:
        reader = Reader("PurchaseOrderChange", delimiters)
        parts = sections(segments, "POC", _SUMMARY)
        header, _ = groups(locate(parts.header), "N1", N1_MEMBERS)
        header, _ = groups(header, "N9", N9_MEMBERS)
        bch = first(header, "BCH")
        if bch is None:
            reader.refuse("BCH", "is required: the beginning segment of the change")
        purpose = _PURPOSES.get(reader.code(bch, 1))
        if purpose is None:
            reader.fail(
                "BCH01",
                "must be 01 (cancellation), 04 (change) or 05 (replace), "
                f"got {reader.code(bch, 1)!r}",
            )
        change_number = reader.whole(
            bch,
            5,
            required="the change order sequence number",
            positive=True,
            what="a change order sequence number (a whole number greater than zero)",
        )
        change = PurchaseOrderChange(
            purchase_order_number=reader.required(bch, 3, "the purchase order number"),
            change_number=change_number or 0,
            issued_on=reader.date(bch, 11) or reader.date(bch, 6, required="the date") or date.min,
            purpose=purpose or ChangePurpose.CHANGE,
            lines=tuple(
                _line(reader, loop, position)
                for position, loop in enumerate(loop_heads(parts.loops), start=1)
            ),
            reason=reason(reader, header),
        )
        reader.finish()
        return change

    def encode(self, document: PurchaseOrderChange, options: EncodeOptions) -> list[list[str]]:
        writer = Writer("PurchaseOrderChange", options)
        issued = writer.date(document.issued_on)
        writer.add(
            "BCH",
            _PURPOSE_CODES[document.purpose],
            "SA",
            writer.text("BCH03", document.purchase_order_number, "purchase_order_number"),
            "",
            writer.text("BCH05", str(document.change_number), "change_number"),
            issued,
            "",
            "",
            "",
            "",
            issued,
        )
        write_reason(writer, document.reason, "reason")
        for index, line in enumerate(document.lines):
            _write_line(writer, line, f"lines[{index}]")
        if document.lines:
            write_totals(writer, [line.quantity or Decimal(0) for line in document.lines])
        return writer.finish()


def _line(reader: Reader, loop: Sequence[At], position: int) -> ChangedLine:
    head, rest = loop[0], loop[1:]
    code = reader.code(head, 2)
    change = CHANGES.get(code)
    if change is None:
        known = ", ".join(sorted(CHANGES))
        if code:
            reader.fail(head.field(2), f"must be a change type ({known}), got {code!r}")
        else:
            reader.missing(head, 2, f"the change type ({known})")
    numbers = item_numbers(id_pairs(reader, head, 8))
    line = ChangedLine(
        line_number=reader.whole(head, 1, positive=True, what=LINE_NUMBER) or position,
        change=change or LineChangeType.REPLACE,
        quantity=reader.decimal(head, 3),
        unit_of_measure=reader.unit(head, 5),
        unit_price=reader.decimal(head, 6),
        buyer_item=numbers.buyer_item,
        supplier_item=numbers.supplier_item,
        description=description(reader, rest),
        requested_ship_date=dated(reader, rest, (SHIP,)),
        requested_delivery_date=dated(reader, rest, (DELIVERY,)),
    )
    return replace(line, change=_by_content(line)) if code == "CA" else line


def _by_content(line: ChangedLine) -> LineChangeType:
    """What a CA (changes to line items) changes, judged by the values it carries."""
    values = (line.quantity, line.unit_of_measure, line.unit_price, line.description)
    dates = (line.requested_ship_date, line.requested_delivery_date)
    items = (line.buyer_item, line.supplier_item)
    if all(value is None for value in (*values, *items)) and any(dates):
        return LineChangeType.DATE_CHANGE
    if all(value is None for value in (*values, *dates)) and any(items):
        return LineChangeType.ITEM_CHANGE
    return LineChangeType.REPLACE


def _write_line(writer: Writer, line: ChangedLine, field: str) -> None:
    unit = writer.unit("POC05", line.quantity, line.unit_of_measure, f"{field}.unit_of_measure")
    if line.quantity is None:
        unit = writer.unit_code("POC05", line.unit_of_measure, f"{field}.unit_of_measure")
    writer.add(
        "POC",
        writer.text("POC01", str(line.line_number), f"{field}.line_number"),
        writer.options.choose("POC02", CHANGE_CODES[line.change]),
        writer.decimal("POC03", line.quantity, f"{field}.quantity"),
        "",
        unit,
        writer.decimal("POC06", line.unit_price, f"{field}.unit_price"),
        "",
        *write_ids(writer, "POC", 8, ItemNumbers(line.buyer_item, line.supplier_item), f"{field}."),
    )
    write_description(writer, line.description, f"{field}.description")
    write_dates(writer, line.requested_delivery_date, line.requested_ship_date)
