"""The business segments of posync's sets at 004010, with their syntax notes.

Every segment the 850, 855, 856, 860, 865 and 810 of ``sets_004010`` name is
here, element by element, written in ``notation`` (``M353`` mandatory data
element 353, ``X`` relational, ``*10`` ten positions of the same use) with
the syntax notes the standard prints under it. Where we could not establish
a segment's syntax notes with confidence we left them out rather than guess:
a missing note accepts what a wrong one would refuse. ``ENVELOPE`` and the
997's segments are in ``control_segments``.
"""

from __future__ import annotations

from posync.codecs.x12.dictionary.notation import CompositeNotation, SegmentNotation


def _pairs(first: int, count: int) -> str:
    """``count`` paired notes from position ``first`` on: P0607 P0809 ..."""
    return " ".join(f"P{p:02d}{p + 1:02d}" for p in range(first, first + 2 * count, 2))


# Ten optional qualifier/ID pairs (235/234), the tail of PO1, IT1, POC, ACK, SLN.
_PRODUCT_IDS = "X235 X234 " * 10

BUSINESS_COMPOSITES_004010 = (
    CompositeNotation(
        "C001",
        "Composite Unit of Measure",
        "M355 O1018 O649" + " X355 X1018 X649" * 4,
    ),
    CompositeNotation("C002", "Actions Indicated", "M704 O704 O704 O704 O704"),
    CompositeNotation("C040", "Reference Identifier", "M128 M127 X128 X127 X128 X127"),
)

BEGINNING_SEGMENTS_004010 = (
    SegmentNotation(
        "BEG",
        "Beginning Segment for Purchase Order",
        "M353 M92 M324 O328 M373 O367 O587 O1019 O1166 O1232 O786 O640",
    ),
    SegmentNotation(
        "BAK",
        "Beginning Segment for Purchase Order Acknowledgment",
        "M353 M587 M324 M373 O328 O326 O367 O127 O373 O640",
    ),
    SegmentNotation(
        "BCH",
        "Beginning Segment for Purchase Order Change",
        "M353 M92 M324 O328 O327 M373 O326 O367 O127 O373 O373 O1166 O786 O587 O640 O1232",
    ),
    SegmentNotation(
        "BCA",
        "Beginning Segment for Purchase Order Change Acknowledgment",
        "M353 O587 M324 O328 O327 M373 O326 O367 O127 O373 O373 O92 O1166 O786 O640",
    ),
    SegmentNotation(
        "BSN",
        "Beginning Segment for Ship Notice",
        "M353 M396 M373 M337 O1005 X640 O641",
        "C0706",
    ),
    SegmentNotation(
        "BIG",
        "Beginning Segment for Invoice",
        "M373 M76 O373 O324 O328 O327 O640 O353 O306 O76",
    ),
)

HEADING_SEGMENTS_004010 = (
    SegmentNotation("NTE", "Note/Special Instruction", "O363 M352"),
    SegmentNotation(
        "CUR",
        "Currency",
        "M98 M100 O280 O98 O100 O669" + " X374 O373 O337" * 5,
        "C0807 C0907 L101112 C1110 C1210 L131415 C1413 C1513 "
        "L161718 C1716 C1816 L192021 C2019 C2119",
    ),
    SegmentNotation("REF", "Reference Identification", "M128 X127 X352 OC040", "R0203"),
    SegmentNotation(
        "PER",
        "Administrative Communications Contact",
        "M366 O93 X365 X364 X365 X364 X365 X364 O443",
        "P0304 P0506 P0708",
    ),
    SegmentNotation(
        "FOB",
        "F.O.B. Related Instructions",
        "M146 X309 O352 O334 X335 X309 O352 O54 X352",
        "C0302 C0405 C0706 C0809",
    ),
    SegmentNotation(
        "CSH",
        "Sales Requirements",
        "O563 X306 X610 X508 O373 X560 O566 X954 X1004",
    ),
    SegmentNotation(
        "ITD",
        "Terms of Sale/Deferred Terms of Sale",
        "O336 O333 O338 X370 X351 O446 O386 O362 O388 X389 X342 O352 X765 O107 O954",
        "L03040513 L08040513 L091011",
    ),
    SegmentNotation(
        "DTM",
        "Date/Time Reference",
        "M374 X373 X337 O623 X1250 X1251",
        "R020305 C0403 P0506",
    ),
    SegmentNotation("LDT", "Lead Time", "M345 M380 M344 O373"),
    SegmentNotation(
        "N9", "Reference Identification", "M128 X127 X369 O373 X337 O623 OC040", "R0203 C0605"
    ),
    SegmentNotation("MSG", "Message Text", "M933 X934 O1470", "C0302"),
    SegmentNotation("N1", "Name", "M98 X93 X66 X67 O706 O98", "R0203 P0304"),
    SegmentNotation("N2", "Additional Name Information", "M93 O93"),
    SegmentNotation("N3", "Address Information", "M166 O166"),
    SegmentNotation("N4", "Geographic Location", "O19 O156 O116 O26 X309 O310", "C0605"),
    SegmentNotation(
        "TXI",
        "Tax Information",
        "M963 X782 X954 X955 X956 X441 O662 O828 O325 O350",
        "R020306 P0405 C0803",
    ),
    SegmentNotation("AMT", "Monetary Amount", "M522 M782 O478"),
    SegmentNotation(
        "CTT",
        "Transaction Totals",
        "M354 O347 X81 X355 X183 X355 O352",
        "P0304 P0506",
    ),
)

ITEM_SEGMENTS_004010 = (
    SegmentNotation(
        "PO1",
        "Baseline Item Data",
        "O350 X330 O355 X212 O639 " + _PRODUCT_IDS,
        "C0302 C0504 " + _pairs(6, 10),
    ),
    SegmentNotation(
        "PO3",
        "Additional Item Detail",
        "M371 O373 X236 O212 X639 M380 M355 O352",
    ),
    SegmentNotation(
        "CTP",
        "Pricing Information",
        "O687 X236 X212 X380 XC001 X648 X649 O782 O639 O499 O289",
        "P0405 C0607 C0902 C1002 C1103",
    ),
    SegmentNotation(
        "PID",
        "Product/Item Description",
        "M349 O750 X559 X751 X352 O752 O822 O1073 O819",
        "C0403 R0405 C0703 C0804 C0905",
    ),
    SegmentNotation(
        "MEA",
        "Measurements",
        "O737 O738 X739 XC001 X740 X741 X935 X936 O752 O1373",
        "R03050608 C0504 C0604 L07030506 E0803",
    ),
    SegmentNotation(
        "PWK",
        "Paperwork",
        "M755 O756 O757 O98 X66 X67 O352 OC002 O1525",
        "P0506",
    ),
    SegmentNotation(
        "PKG",
        "Marking, Packaging, Loading",
        "X349 O753 X559 X754 X352 O400",
        "C0304",
    ),
    SegmentNotation(
        "PO4",
        "Item Physical Details",
        "O356 X357 X355 X103 O187 X384 X355 X385 X355 X82 X189 X65 X355 O810 O752 X350 X350 O1470",
        "C0203 C0605 C0705 P0809 C1013 C1113 C1213 L13101112",
    ),
    SegmentNotation(
        "SCH",
        "Line Item Schedule",
        "M380 M355 X98 X93 M374 M373 O337 X374 X373 O337 O326 O350",
        "C0304 L080910 C0908",
    ),
    SegmentNotation(
        "SAC",
        "Service, Promotion, Allowance, or Charge Information",
        "M248 X1300 X559 X1301 O610 X378 X332 O118 X355 X380 O380 O331 X127 O770 X352 O819",
        "R0203 P0304 P0607 P0910 C1110 C1413 C1615",
    ),
    SegmentNotation(
        "ACK",
        "Line Item Acknowledgment",
        "M668 X380 X355 O374 X373 O326 " + _PRODUCT_IDS + "X559 O822 X1271",
        "P0203 C0405 " + _pairs(7, 10),
    ),
    SegmentNotation(
        "POC",
        "Line Item Change",
        "O350 M670 O330 X671 XC001 X212 O639 " + _PRODUCT_IDS,
        "C0706 " + _pairs(8, 10),
    ),
    SegmentNotation(
        "IT1",
        "Baseline Item Data (Invoice)",
        "O350 X358 X355 X212 O639 " + _PRODUCT_IDS,
        "P020304 " + _pairs(6, 10),
    ),
    SegmentNotation(
        "SLN",
        "Subline Item Detail",
        "M350 O350 M662 X380 XC001 X212 O639 O662 " + _PRODUCT_IDS,
        "P0405 C0706 C0806 " + _pairs(9, 10),
    ),
)

SHIPMENT_SEGMENTS_004010 = (
    SegmentNotation("HL", "Hierarchical Level", "M628 O734 M735 O736"),
    SegmentNotation(
        "LIN",
        "Item Identification",
        "O350 M235 M234 " + "X235 X234 " * 14,
        _pairs(4, 14),
    ),
    SegmentNotation(
        "SN1",
        "Item Detail (Shipment)",
        "O350 M382 M355 O646 X330 X355 O728 O668",
        "P0506",
    ),
    SegmentNotation("PRF", "Purchase Order Reference", "M324 O328 O327 O373 O350 O367 O92"),
    SegmentNotation(
        "TD1",
        "Carrier Details (Quantity and Weight)",
        "O103 X80 O23 X22 O79 O187 X81 X355 X183 X355",
        "C0102 C0304 C0607 P0708 P0910",
    ),
    SegmentNotation(
        "TD5",
        "Carrier Details (Routing Sequence/Transit Time)",
        "O133 X66 X67 X91 X387 X368 O309 X310 O731 X732 X733 X284 X284 X284 X26",
        "R0204050612 C0203 C0708 C1011 C1312 C1413 C1512",
    ),
    SegmentNotation(
        "TD3",
        "Carrier Details (Equipment)",
        "X40 O206 X207 O187 X81 X355 O102 O407 O225 X24",
        "E0110 C0203 C0405 P0506",
    ),
    SegmentNotation(
        "TD4",
        "Carrier Details (Special Handling, or Hazardous Materials, or Both)",
        "X152 X208 X209 X352 O1073",
        "R010204 C0203",
    ),
    SegmentNotation("MAN", "Marks and Numbers", "M88 M87 O87 X88 X87 O87", "P0405 C0605"),
)

INVOICE_SEGMENTS_004010 = (
    SegmentNotation("TDS", "Total Monetary Value Summary", "M610 O610 O610 O610"),
    SegmentNotation(
        "CAD",
        "Carrier Detail",
        "O91 O206 O207 X140 X387 O368 O128 X127 O284",
        "R0405 C0708",
    ),
    SegmentNotation(
        "ISS",
        "Invoice Shipment Summary",
        "X382 X355 X81 X355 X183 X355 X380 X81",
        "P0102 P0304 P0506",
    ),
)

BUSINESS_SEGMENTS_004010 = (
    *BEGINNING_SEGMENTS_004010,
    *HEADING_SEGMENTS_004010,
    *ITEM_SEGMENTS_004010,
    *SHIPMENT_SEGMENTS_004010,
    *INVOICE_SEGMENTS_004010,
)
