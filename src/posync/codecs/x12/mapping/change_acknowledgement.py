"""865 Purchase Order Change Acknowledgment <-> ``PurchaseOrderAcknowledgement``.

The acknowledgement of a buyer's change carries ``change_number``. BCA: 01
purpose (00 written), 02 the verdict, 03 the order number, 05 the change
order sequence number (``change_number``, a whole number), 06 the order
date, 09 the seller's order number (REF*VN read when it is empty), 10 the
date of the acknowledgment. As in the 855, ``issued_on`` is BCA10, else a
DTM*097, else BCA06, and BCA06 is written with ``issued_on``. Each POC loop is
a line (POC03 quantity, POC05 unit, POC06 price, POC08 on item numbers),
answered by its ACK segments. POC02 echoes the change type asked for, which
the canonical acknowledgement does not keep: it is written CA.
"""

from __future__ import annotations

from collections.abc import Sequence

from posync.codecs.errors import EncodeError
from posync.codecs.segment_groups import groups
from posync.codecs.x12.mapping.acknowledged_lines import (
    POC_LAYOUT,
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
from posync.domain.errors import Problem

_SUMMARY = frozenset({"CTT"})


class ChangeAcknowledgementMapper:
    transaction_set = "865"
    functional_group = "CA"
    document_type = PurchaseOrderAcknowledgement

    def decode(
        self, segments: Sequence[Segment], delimiters: Delimiters
    ) -> PurchaseOrderAcknowledgement:
        reader = Reader("PurchaseOrderAcknowledgement", delimiters)
        parts = sections(segments, "POC", _SUMMARY)
        header, _ = groups(locate(parts.header), "N1", N1_MEMBERS)
        header, _ = groups(header, "N9", N9_MEMBERS)
        bca = first(header, "BCA")
        if bca is None:
            reader.refuse("BCA", "is required: the beginning segment of the acknowledgment")
        lines = tuple(
            read_line(reader, loop, position, POC_LAYOUT)
            for position, loop in enumerate(loop_heads(parts.loops), start=1)
        )
        change_number = reader.whole(
            bca,
            5,
            required="the change order sequence number",
            positive=True,
            what="a change order sequence number (a whole number greater than zero)",
        )
        acknowledgement = PurchaseOrderAcknowledgement(
            purchase_order_number=reader.required(bca, 3, "the purchase order number"),
            issued_on=issued_on(reader, header, bca, answered=10, ordered=6),
            status=read_order_status(reader, bca, 2, lines),
            lines=lines,
            supplier_order_number=reader.text(bca, 9)
            or next(iter(references(reader, header, "VN")), None),
            change_number=change_number,
            reason=reason(reader, header),
        )
        reader.finish()
        return acknowledgement

    def encode(
        self, document: PurchaseOrderAcknowledgement, options: EncodeOptions
    ) -> list[list[str]]:
        if document.change_number is None:
            raise EncodeError(
                "PurchaseOrderAcknowledgement",
                [Problem("change_number", "is required for an 865: the change it answers")],
            )
        writer = Writer("PurchaseOrderAcknowledgement", options)
        issued = writer.date(document.issued_on)
        writer.add(
            "BCA",
            "00",
            order_status_code(document.status, document.lines),
            writer.text("BCA03", document.purchase_order_number, "purchase_order_number"),
            "",
            writer.text("BCA05", str(document.change_number), "change_number"),
            issued,
            "",
            "",
            writer.text("BCA09", document.supplier_order_number, "supplier_order_number"),
            issued,
        )
        write_reason(writer, document.reason, "reason")
        for index, line in enumerate(document.lines):
            field = f"lines[{index}]"
            writer.add(
                "POC",
                writer.text("POC01", str(line.line_number), f"{field}.line_number"),
                "CA",
                writer.decimal("POC03", line.quantity, f"{field}.quantity"),
                "",
                writer.unit(
                    "POC05", line.quantity, line.unit_of_measure, f"{field}.unit_of_measure"
                ),
                writer.decimal("POC06", line.unit_price, f"{field}.unit_price"),
                "",
                *write_ids(writer, "POC", 8, head_numbers(line), f"{field}."),
            )
            write_answers(writer, line, field)
        writer.add("CTT", str(len(document.lines)))
        return writer.finish()
