"""Telling a file's standard from its first bytes, and saying what was expected when none fits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from posync.codecs.errors import DecodeError
from posync.codecs.formats.model import Standard
from posync.codecs.sniff import sniff, sniff_chunks
from posync.codecs.tabular.codec import CsvCodec
from posync.codecs.x12.codec import X12Codec
from posync.codecs.x12.writer import ControlNumbers, PartnerEnvelope
from support.documents import (
    make_acknowledgement,
    make_invoice,
    make_purchase_order,
    make_ship_notice,
)

X12 = X12Codec().write(
    [make_purchase_order()],
    PartnerEnvelope(
        sender_qualifier="ZZ",
        sender_id="NORTHWIND",
        receiver_qualifier="ZZ",
        receiver_id="ACME",
        application_sender="NORTHWIND",
        application_receiver="ACME",
    ),
    ControlNumbers(interchange=1, group=1, sets=[1]),
    at=datetime(2026, 1, 1, tzinfo=UTC),
)
CXML_PROLOG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n'
    b'<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.014/cXML.dtd">\n'
)

KNOWN = {
    "X12": (X12, Standard.X12),
    "X12 after a BOM and blank lines": (b"\xef\xbb\xbf\r\n  " + X12, Standard.X12),
    "EDIFACT with UNA": (
        b"UNA:+.? 'UNB+UNOC:3+SENDER:14+RECEIVER:14+260101:1200+1'",
        Standard.EDIFACT,
    ),
    "EDIFACT without UNA": (b"UNB+UNOA:1+SENDER+RECEIVER+260101:1200+1'", Standard.EDIFACT),
    "cXML with DOCTYPE": (CXML_PROLOG + b'<cXML payloadID="1" timestamp="x">', Standard.CXML),
    "cXML without DOCTYPE": (b'<?xml version="1.0"?><cXML payloadID="1">', Standard.CXML),
    "a JSON object": (b'  {"number": "PO-1"}', Standard.JSON),
    "a JSON list": (b"\n[{}]", Standard.JSON),
    "CSV of orders": (CsvCodec().write([make_purchase_order()]), Standard.CSV),
    "CSV of acknowledgements with semicolons": (
        CsvCodec(decimal_comma=True).write([make_acknowledgement()]),
        Standard.CSV,
    ),
    "CSV of ship notices": (CsvCodec().write([make_ship_notice()]), Standard.CSV),
    "CSV of invoices with semicolons": (
        CsvCodec(decimal_comma=True).write([make_invoice()]),
        Standard.CSV,
    ),
    "CSV of ship notices with spreadsheet names": (
        b"\xef\xbb\xbfShipment ID;Ship Date;PO Number;Quantity\r\nS-1;2026-01-01;PO-1;1\r\n",
        Standard.CSV,
    ),
    "CSV of invoices, a minimal header": (b"Invoice Number,Total Amount\n", Standard.CSV),
    "CSV with tabs and spreadsheet names": (
        b"PO Number\tOrder Date\tLine Number\r\nPO-1\t2026-01-01\t1\r\n",
        Standard.CSV,
    ),
}


@pytest.mark.parametrize(("data", "standard"), KNOWN.values(), ids=KNOWN.keys())
def test_each_standard_is_told_from_its_first_bytes(data: bytes, standard: Standard) -> None:
    assert sniff(data) is standard


UNKNOWN = {
    "plain text": (b"hello, this is not EDI", "it begins 'hello, this is not EDI'"),
    "XML that is not cXML": (b'<?xml version="1.0"?><order/>', "is XML, but not cXML"),
    "CSV of other columns": (b"name,amount\nx,1\n", "it begins 'name,amount"),
    "CSV of known columns that do not say what the file holds": (
        b"po_number,ship_notice_id,line_number\n",
        "it begins 'po_number,ship_notice_id",
    ),
    "nothing": (b"   \n", "it is empty"),
    "UTF-16": ("{}".encode("utf-16"), "UTF-16 text: save it as UTF-8"),
}


@pytest.mark.parametrize(("data", "said"), UNKNOWN.values(), ids=UNKNOWN.keys())
def test_anything_else_is_refused_with_what_was_expected(data: bytes, said: str) -> None:
    with pytest.raises(DecodeError) as raised:
        sniff(data)

    [problem] = raised.value.problems
    assert problem.message.startswith(
        "is not X12 (starting with an ISA segment), EDIFACT (UNA or UNB), cXML (XML with a cXML "
        "element), canonical JSON ({ or [) or CSV (a header row naming posync's columns"
    )
    assert said in problem.message


def test_sniffing_a_stream_hands_back_every_byte() -> None:
    chunks = [X12[index : index + 7] for index in range(0, len(X12), 7)]

    standard, stream = sniff_chunks(iter(chunks))

    assert standard is Standard.X12
    assert b"".join(stream) == X12


def test_sniffing_a_stream_looks_at_no_more_than_its_head() -> None:
    consumed: list[int] = []

    def chunks() -> Iterator[bytes]:
        for index in range(1000):
            consumed.append(index)
            yield b"[" if index == 0 else b" " * 1024

    standard, _ = sniff_chunks(chunks())

    assert standard is Standard.JSON
    assert len(consumed) <= 65
