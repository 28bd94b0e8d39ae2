"""The 004010 transaction sets posync trades: 850, 855, 856, 860, 865, 810 and 997.

Each set is the standard's table with its heading, detail and summary areas
flattened into one body, in position order, with each segment's usage and
maximum use and each loop's repeat (``>1`` is ``UNBOUNDED``). The first
segment of a loop is written mandatory: the standard's "if the loop is used,
its first segment is mandatory".

Segments the standard allows that posync never reads (TAX, PAM, TC2, DIS,
INC, SI, CTB, PCT, NX2, CN1, IT8, SDQ, IT3, SPI, QTY, LM/LQ, ADV, FA1/FA2,
CLD, YNQ, CRC, L7, SR, the LH1 hazardous-material loops...) are left out: a
set carrying one is read with a "segment not in set" warning and that
segment skipped, which is what posync would do with it anyway.
"""

from __future__ import annotations

from posync.codecs.x12.dictionary.schema import (
    UNBOUNDED,
    Loop,
    SegmentUse,
    TransactionSetSpec,
    Usage,
)

M = Usage.MANDATORY
O = Usage.OPTIONAL  # noqa: E741 - the standard's own letter
MANY = UNBOUNDED


def seg(tag: str, usage: Usage = O, max_use: int = 1) -> SegmentUse:
    return SegmentUse(tag, usage, max_use)


def loop(loop_id: str, max_repeat: int, *body: SegmentUse | Loop, usage: Usage = O) -> Loop:
    return Loop(loop_id, body, usage, max_repeat)


def _carrier(td1: int) -> tuple[SegmentUse, ...]:
    """TD1, TD5, TD3, TD4: the carrier details that follow each other everywhere."""
    return seg("TD1", O, td1), seg("TD5", O, 12), seg("TD3", O, 12), seg("TD4", O, 5)


def _party_loop(n4: int, per: int, *, carrier: bool) -> Loop:
    """The N1 loop: name, address, references, contacts (and, in orders, transport)."""
    extra = (seg("FOB"), *_carrier(2), seg("PKG", O, 200)) if carrier else ()
    return loop(
        "N1",
        200,
        seg("N1", M),
        seg("N2", O, 2),
        seg("N3", O, 2),
        seg("N4", O, n4),
        seg("REF", O, 12),
        seg("PER", O, per),
        *extra,
    )


def _reference_loop(msg: int = 1000) -> Loop:
    return loop("N9", 1000, seg("N9", M), seg("DTM", O, 10), seg("MSG", O, msg))


def _order_heading(beginning: str) -> tuple[SegmentUse | Loop, ...]:
    """The heading shared by 850, 855, 860 and 865, after its beginning segment."""
    return (
        seg("ST", M),
        seg(beginning, M),
        seg("CUR"),
        seg("REF", O, MANY),
        seg("PER", O, 3),
        seg("FOB", O, MANY),
        seg("CTP", O, MANY),
        seg("CSH", O, 5),
        loop("SAC", 25, seg("SAC", M), seg("CUR")),
        seg("ITD", O, MANY),
        seg("DTM", O, 10),
        seg("LDT", O, 12),
        seg("LIN", O, 5),
        seg("PID", O, 200),
        seg("MEA", O, 40),
        seg("PWK", O, 25),
        seg("PKG", O, 200),
        *_carrier(2),
        seg("MAN", O, 10),
        seg("TXI", O, MANY),
        loop("AMT", MANY, seg("AMT", M), seg("REF", O, MANY), seg("DTM")),
        _reference_loop(),
        _party_loop(MANY, MANY, carrier=True),
    )


def _line_body(*, acknowledged: bool) -> tuple[SegmentUse | Loop, ...]:
    """What follows PO1 (or POC) in a line loop of 850, 855, 860 and 865."""
    acknowledgment = (loop("ACK", 104, seg("ACK", M), seg("DTM")),) if acknowledged else ()
    return (
        seg("LIN", O, MANY),
        seg("CUR"),
        seg("PO3", O, 25),
        loop("CTP", MANY, seg("CTP", M), seg("CUR")),
        seg("MEA", O, 40),
        loop("PID", 1000, seg("PID", M), seg("MEA", O, 10)),
        seg("PWK", O, 25),
        seg("PO4", O, MANY),
        seg("REF", O, MANY),
        seg("PER", O, 3),
        loop("SAC", 25, seg("SAC", M), seg("CUR"), seg("CTP")),
        seg("CSH", O, MANY),
        seg("ITD", O, 2),
        seg("FOB", O, MANY),
        seg("DTM", O, 10),
        *_carrier(1),
        seg("MAN", O, 10),
        seg("MSG", O, MANY),
        seg("TXI", O, MANY),
        *acknowledgment,
        loop("SCH", 200, seg("SCH", M), *_carrier(2), seg("REF", O, MANY)),
        loop("PKG", 200, seg("PKG", M), seg("MEA", O, MANY)),
        loop("N9", 1000, seg("N9", M), seg("DTM", O, MANY), seg("MEA", O, 40), seg("MSG", O, 1000)),
        loop(
            "N1",
            200,
            seg("N1", M),
            seg("N2", O, 2),
            seg("N3", O, 2),
            seg("N4"),
            seg("REF", O, 12),
            seg("PER", O, 3),
            seg("DTM"),
            seg("FOB"),
            seg("SCH", O, 200),
            *_carrier(2),
            seg("PKG", O, 200),
        ),
        loop(
            "SLN",
            1000,
            seg("SLN", M),
            seg("MSG", O, MANY),
            seg("PID", O, 1000),
            seg("PO3", O, 104),
            seg("DTM", O, 10),
            seg("CTP", O, 25),
            seg("PO4"),
            loop("SAC", 25, seg("SAC", M), seg("CUR"), seg("CTP")),
            _party_loop(1, 3, carrier=False),
        ),
    )


_ORDER_SUMMARY = (loop("CTT", 1, seg("CTT", M), seg("AMT")), seg("SE", M))

PURCHASE_ORDER = TransactionSetSpec(
    "850",
    "Purchase Order",
    "PO",
    (
        *_order_heading("BEG"),
        loop("PO1", 100000, seg("PO1", M), *_line_body(acknowledged=False), usage=M),
        *_ORDER_SUMMARY,
    ),
)

PURCHASE_ORDER_ACKNOWLEDGMENT = TransactionSetSpec(
    "855",
    "Purchase Order Acknowledgment",
    "PR",
    (
        *_order_heading("BAK"),
        loop("PO1", 100000, seg("PO1", M), *_line_body(acknowledged=True)),
        *_ORDER_SUMMARY,
    ),
)

PURCHASE_ORDER_CHANGE = TransactionSetSpec(
    "860",
    "Purchase Order Change Request - Buyer Initiated",
    "PC",
    (
        *_order_heading("BCH"),
        loop("POC", MANY, seg("POC", M), *_line_body(acknowledged=False)),
        *_ORDER_SUMMARY,
    ),
)

PURCHASE_ORDER_CHANGE_ACKNOWLEDGMENT = TransactionSetSpec(
    "865",
    "Purchase Order Change Acknowledgment/Request - Seller Initiated",
    "CA",
    (
        *_order_heading("BCA"),
        loop("POC", MANY, seg("POC", M), *_line_body(acknowledged=True)),
        *_ORDER_SUMMARY,
    ),
)

SHIP_NOTICE = TransactionSetSpec(
    "856",
    "Ship Notice/Manifest",
    "SH",
    (
        seg("ST", M),
        seg("BSN", M),
        seg("DTM", O, 10),
        # One HL loop for every level (shipment, order, tare, pack, item): the
        # standard gives them one table and HL03 says which level each is.
        loop(
            "HL",
            200000,
            seg("HL", M),
            seg("LIN"),
            seg("SN1"),
            seg("SLN", O, 1000),
            seg("PRF"),
            seg("PO4"),
            seg("PID", O, 200),
            seg("MEA", O, 40),
            seg("PWK", O, 25),
            seg("PKG", O, 25),
            *_carrier(20),
            seg("REF", O, MANY),
            seg("PER", O, 3),
            seg("MAN", O, MANY),
            seg("DTM", O, 10),
            seg("FOB"),
            loop(
                "N1",
                200,
                seg("N1", M),
                seg("N2", O, 2),
                seg("N3", O, 2),
                seg("N4"),
                seg("REF", O, 12),
                seg("PER", O, 3),
                seg("FOB"),
            ),
            usage=M,
        ),
        seg("CTT"),
        seg("SE", M),
    ),
)

INVOICE = TransactionSetSpec(
    "810",
    "Invoice",
    "IN",
    (
        seg("ST", M),
        seg("BIG", M),
        seg("NTE", O, 100),
        seg("CUR"),
        seg("REF", O, 12),
        seg("PER", O, 3),
        _party_loop(1, 3, carrier=False),
        seg("ITD", O, MANY),
        seg("DTM", O, 10),
        seg("FOB"),
        seg("PID", O, 200),
        seg("MEA", O, 40),
        seg("PWK", O, 25),
        seg("PKG", O, 25),
        loop("N9", 1, seg("N9", M), seg("MSG", O, 10)),
        loop(
            "IT1",
            200000,
            seg("IT1", M),
            seg("CUR"),
            seg("TXI", O, 10),
            seg("CTP", O, 25),
            seg("MEA", O, 40),
            loop("PID", 1000, seg("PID", M), seg("MEA", O, 10)),
            seg("PWK", O, 25),
            seg("PKG", O, 25),
            seg("PO4"),
            seg("ITD", O, 2),
            seg("REF", O, MANY),
            seg("PER", O, 5),
            seg("DTM", O, 10),
            seg("CAD", O, MANY),
            loop("SAC", 25, seg("SAC", M), seg("TXI", O, 10)),
            loop(
                "SLN",
                1000,
                seg("SLN", M),
                seg("DTM"),
                seg("REF", O, MANY),
                seg("PID", O, 1000),
                seg("SAC", O, 25),
                seg("TXI", O, 10),
            ),
            _party_loop(1, 3, carrier=False),
        ),
        seg("TDS", M),
        seg("TXI", O, 10),
        seg("CAD"),
        seg("AMT", O, MANY),
        loop("SAC", 25, seg("SAC", M), seg("TXI", O, 10)),
        loop("ISS", MANY, seg("ISS", M), seg("PID")),
        seg("CTT"),
        seg("SE", M),
    ),
)

FUNCTIONAL_ACKNOWLEDGMENT = TransactionSetSpec(
    "997",
    "Functional Acknowledgment",
    "FA",
    (
        seg("ST", M),
        seg("AK1", M),
        loop(
            "AK2",
            999999,
            seg("AK2", M),
            loop("AK3", 999999, seg("AK3", M), seg("AK4", O, 99)),
            seg("AK5", M),
        ),
        seg("AK9", M),
        seg("SE", M),
    ),
)

SETS_004010 = (
    PURCHASE_ORDER,
    PURCHASE_ORDER_ACKNOWLEDGMENT,
    SHIP_NOTICE,
    PURCHASE_ORDER_CHANGE,
    PURCHASE_ORDER_CHANGE_ACKNOWLEDGMENT,
    INVOICE,
    FUNCTIONAL_ACKNOWLEDGMENT,
)
