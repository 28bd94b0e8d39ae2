"""ASC X12 005010, written as what differs from 004010.

Elements:

- ISA11 is the repetition separator (I65) rather than the control standards
  identifier (I10, always ``U`` before 00402); ISA12 (I11) knows the
  versions up to 00501.
- 127 Reference Identification grows from 30 to 50 characters and 364
  Communication Number from 80 to 256, wherever they are used.
- New elements: 1705 Implementation Convention Reference (ST03, AK203),
  1686 Repeating Data Element Position (AK401-3), 1715 Country Subdivision
  Code (N407).
- Code lists: 716 (AK905) gains 7-9 and 19 (group control number not unique)
  and loses the S1/S2 security codes 19-22; 718 (AK502) gains 18 (set not in
  group) and 19 (invalid implementation convention reference) in place of the
  S1/S2 codes; 723 (AK403) gains 12 (too many repetitions) and 13 (too many
  components); 668 (ACK01) gains AA and R6-R8.

Segments: ISA (I65), ST and AK2 (their 03), AK1 (AK103, the group's GS08),
AK4 (C030 with a third component), N4 (N407 and its notes), BIG (BIG11, the
hierarchical structure code 1005).

The sets keep their 004010 structure: 005010 still acknowledges with a 997
of AK3 and AK4 (the IK3/IK4 segments belong to the 999, which reports on an
implementation guide posync does not check).
"""

from __future__ import annotations

from dataclasses import replace

from posync.codecs.x12.dictionary import codes as c
from posync.codecs.x12.dictionary.elements import ELEMENTS_004010
from posync.codecs.x12.dictionary.notation import (
    CompositeNotation,
    SegmentNotation,
    build_composites,
    build_segments,
)
from posync.codecs.x12.dictionary.schema import Dictionary, Element, ElementType
from posync.codecs.x12.dictionary.sets_004010 import SETS_004010
from posync.codecs.x12.dictionary.v004010 import COMPOSITES_004010, SEGMENTS_004010

VERSION = "005010"

INTERCHANGE_VERSIONS_005010 = c.INTERCHANGE_VERSIONS_004010 | frozenset(
    {"00402", "00403", "00404", "00405", "00406", "00500", "00501"}
)
GROUP_SYNTAX_ERRORS_005010 = frozenset(str(n) for n in (*range(1, 20), *range(23, 27)))
SET_SYNTAX_ERRORS_005010 = frozenset(
    str(n) for n in (*range(1, 14), *range(15, 20), *range(23, 28))
)
ELEMENT_SYNTAX_ERRORS_005010 = c.ELEMENT_SYNTAX_ERRORS_004010 | frozenset({"12", "13"})
LINE_ITEM_STATUSES_005010 = c.LINE_ITEM_STATUSES_004010 | frozenset({"AA", "R6", "R7", "R8"})

_BEFORE = ELEMENTS_004010
CHANGED_ELEMENTS = (
    replace(_BEFORE["I11"], codes=INTERCHANGE_VERSIONS_005010),
    replace(_BEFORE["127"], max_length=50),
    replace(_BEFORE["364"], max_length=256),
    replace(_BEFORE["716"], codes=GROUP_SYNTAX_ERRORS_005010),
    replace(_BEFORE["718"], codes=SET_SYNTAX_ERRORS_005010),
    replace(_BEFORE["723"], codes=ELEMENT_SYNTAX_ERRORS_005010),
    replace(_BEFORE["668"], codes=LINE_ITEM_STATUSES_005010),
)

ADDED_ELEMENTS = (
    Element("I65", "Repetition Separator", ElementType.ALPHANUMERIC, 1, 1),
    Element("1705", "Implementation Convention Reference", ElementType.ALPHANUMERIC, 1, 35),
    Element("1686", "Repeating Data Element Position", ElementType.NUMERIC, 1, 4),
    Element("1715", "Country Subdivision Code", ElementType.IDENTIFIER, 1, 3),
)

ELEMENTS_005010: dict[str, Element] = {
    **ELEMENTS_004010,
    **{element.reference: element for element in (*CHANGED_ELEMENTS, *ADDED_ELEMENTS)},
}

COMPOSITES_CHANGED = (CompositeNotation("C030", "Position in Segment", "M722 O1528 O1686"),)

SEGMENTS_CHANGED = (
    SegmentNotation(
        "ISA",
        "Interchange Control Header",
        "MI01 MI02 MI03 MI04 MI05 MI06 MI05 MI07 MI08 MI09 MI65 MI11 MI12 MI13 MI14 MI15",
    ),
    SegmentNotation("ST", "Transaction Set Header", "M143 M329 O1705"),
    SegmentNotation(
        "BIG",
        "Beginning Segment for Invoice",
        "M373 M76 O373 O324 O328 O327 O640 O353 O306 O76 O1005",
    ),
    SegmentNotation("AK1", "Functional Group Response Header", "M479 M28 O480"),
    SegmentNotation("AK2", "Transaction Set Response Header", "M143 M329 O1705"),
    SegmentNotation(
        "N4",
        "Geographic Location",
        "O19 O156 O116 O26 X309 O310 X1715",
        "E0207 C0605 C0704",
    ),
)


_SEGMENT_CHANGES = {notation.tag: notation for notation in SEGMENTS_CHANGED}
_COMPOSITE_CHANGES = {notation.reference: notation for notation in COMPOSITES_CHANGED}

SEGMENTS_005010 = tuple(_SEGMENT_CHANGES.get(n.tag, n) for n in SEGMENTS_004010)
COMPOSITES_005010 = tuple(_COMPOSITE_CHANGES.get(n.reference, n) for n in COMPOSITES_004010)

DICTIONARY_005010 = Dictionary(
    version=VERSION,
    elements=ELEMENTS_005010,
    segments=build_segments(
        SEGMENTS_005010,
        ELEMENTS_005010,
        build_composites(COMPOSITES_005010, ELEMENTS_005010),
    ),
    sets={spec.code: spec for spec in SETS_004010},
)
