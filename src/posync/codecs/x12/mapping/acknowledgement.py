"""855 Purchase Order Acknowledgment <-> ``PurchaseOrderAcknowledgement``.

BAK: 01 purpose (00 written), 02 the verdict on the order, 03 the order
number, 04 the order date, 08 the seller's order number (REF*VN read when it
is empty), 09 the date of the acknowledgment. ``issued_on`` is BAK09, else a
DTM*097, else BAK04; since the canonical acknowledgement does not hold the
order date, BAK04 is written with ``issued_on`` too. A header REF*ZZ is the
reason. Each PO1 loop is a line, answered by its ACK segments
(``acknowledged_lines``); PO102-104 restate the line as confirmed.
"""

from __future__ import annotations

from collections.abc import Sequence

from posync.codecs.segment_groups import groups
from posync.codecs.x12.mapping.acknowledged_lines import (
    PO1_LAYOUT,
    head_numbers,
    issued_on,
    order_status_code,
    read_line,
    read_order_status,
    write_answers,
)
from posync.codecs.x12.mapping.common import (
    EncodeOptions,
    Reader,
    first,
    locate,
    loop_heads,
    references,
    sections,
)
from posync.codecs.x12.mapping.items import N9_MEMBERS, reason, write_ids, write_reason
from posync.codecs.x12.mapping.parties import N1_MEMBERS
from posync.codecs.x12.mapping.writing import Writer
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import PurchaseOrderAcknowledgement

_SUMMARY = frozenset({"CTT"})


class AcknowledgementMapper:
    transaction_set = "855"
    functional_group = "PR"
    document_type = PurchaseOrderAcknowledgement

    def decode(
        self, segments: Sequence[Segment], delimiters: Delimiters
    ) -> PurchaseOrderAcknowledgement:
        reader = Reader("PurchaseOrderAcknowledgement", delimiters)
        parts = sections(segments, "PO1", _SUMMARY)
        header, _ = groups(locate(parts.header), "N1", N1_MEMBERS)
        header, _ = groups(header, "N9", N9_MEMBERS)
        bak = first(header, "BAK")
        if bak is None:
            reader.refuse("BAK", "is required: the beginning segment of the acknowledgment")
        lines = tuple(
            read_line(reader, loop, position, PO1_LAYOUT)
            for position, loop in enumerate(loop_heads(parts.loops), start=1)
        )
        acknowledgement = PurchaseOrderAcknowledgement(
            purchase_order_number=reader.required(bak, 3, "the purchase order number"),
            issued_on=issued_on(reader, header, bak, answered=9, ordered=4),
            status=read_order_status(reader, bak, 2, lines),
            lines=lines,
            supplier_order_number=reader.text(bak, 8)
            or next(iter(references(reader, header, "VN")), None),
            reason=reason(reader, header),
        )
        reader.finish()
        return acknowledgement

    def encode(
        self, document: PurchaseOrderAcknowledgement, options: EncodeOptions
    ) -> list[list[str]]:
        writer = Writer("PurchaseOrderAcknowledgement", options)
        issued = writer.date(document.issued_on)
        writer.add(
            "BAK",
            "00",
            order_status_code(document.status, document.lines),
            writer.text("BAK03", document.purchase_order_number, "purchase_order_number"),
            issued,
            "",
            "",
            "",
            writer.text("BAK08", document.supplier_order_number, "supplier_order_number"),
            issued,
        )
        write_reason(writer, document.reason, "reason")
        for index, line in enumerate(document.lines):
            field = f"lines[{index}]"
            writer.add(
                "PO1",
                writer.text("PO101", str(line.line_number), f"{field}.line_number"),
                writer.decimal("PO102", line.quantity, f"{field}.quantity"),
                writer.unit(
                    "PO103", line.quantity, line.unit_of_measure, f"{field}.unit_of_measure"
                ),
                writer.decimal("PO104", line.unit_price, f"{field}.unit_price"),
                "",
                *write_ids(writer, "PO1", 6, head_numbers(line), f"{field}."),
            )
            write_answers(writer, line, field)
        writer.add("CTT", str(len(document.lines)))
        return writer.finish()
