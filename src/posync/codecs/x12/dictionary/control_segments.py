"""The control segments at 004010: the envelope, TA1 and the 997's AK segments.

Written in ``notation``; ``v005010`` says what 005010 adds (ST03, AK103,
AK203, the repeating-element position in AK401).
"""

from __future__ import annotations

from posync.codecs.x12.dictionary.notation import CompositeNotation, SegmentNotation

CONTROL_COMPOSITES_004010 = (CompositeNotation("C030", "Position in Segment", "M722 O1528"),)

ENVELOPE_SEGMENTS_004010 = (
    SegmentNotation(
        "ISA",
        "Interchange Control Header",
        "MI01 MI02 MI03 MI04 MI05 MI06 MI05 MI07 MI08 MI09 MI10 MI11 MI12 MI13 MI14 MI15",
    ),
    SegmentNotation("GS", "Functional Group Header", "M479 M142 M124 M373 M337 M28 M455 M480"),
    SegmentNotation("ST", "Transaction Set Header", "M143 M329"),
    SegmentNotation("SE", "Transaction Set Trailer", "M96 M329"),
    SegmentNotation("GE", "Functional Group Trailer", "M97 M28"),
    SegmentNotation("IEA", "Interchange Control Trailer", "MI16 MI12"),
    SegmentNotation("TA1", "Interchange Acknowledgment", "MI12 MI08 MI09 MI17 MI18"),
)

ACKNOWLEDGMENT_SEGMENTS_004010 = (
    SegmentNotation("AK1", "Functional Group Response Header", "M479 M28"),
    SegmentNotation("AK2", "Transaction Set Response Header", "M143 M329"),
    SegmentNotation("AK3", "Data Segment Note", "M721 M719 O447 O720"),
    SegmentNotation("AK4", "Data Element Note", "MC030 O725 M723 O724"),
    SegmentNotation("AK5", "Transaction Set Response Trailer", "M717 O718*5"),
    SegmentNotation("AK9", "Functional Group Response Trailer", "M715 M97 M123 M2 O716*5"),
)
