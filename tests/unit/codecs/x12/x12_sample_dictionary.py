"""A small hand-made 004010 dictionary (850 and 855 only) and sample interchanges.

Enough of the standard's shape to exercise every check of validation and the
envelope without depending on the real dictionary's data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from posync.codecs.x12.dictionary.schema import (
    UNBOUNDED,
    Composite,
    Condition,
    Dictionary,
    Element,
    ElementType,
    ElementUse,
    Loop,
    SegmentSpec,
    SegmentUse,
    TransactionSetSpec,
    Usage,
)
from posync.codecs.x12.findings import SegmentError, Severity, SyntaxCode
from posync.codecs.x12.validation import DictionaryValidator

M, OPT = Usage.MANDATORY, Usage.OPTIONAL
AN, ID, N0, R, DT, TM = (
    ElementType.ALPHANUMERIC,
    ElementType.IDENTIFIER,
    ElementType.NUMERIC,
    ElementType.DECIMAL,
    ElementType.DATE,
    ElementType.TIME,
)


def _element(
    reference: str, kind: ElementType, low: int, high: int, codes: str | None = None
) -> Element:
    return Element(
        reference,
        f"element {reference}",
        kind,
        low,
        high,
        frozenset(codes.split()) if codes else None,
    )


ELEMENTS = {
    element.reference: element
    for element in (
        _element("143", ID, 3, 3, "850 855 997"),
        _element("329", AN, 4, 9),
        _element("96", N0, 1, 10),
        _element("353", ID, 2, 2, "00 01 05 06 07"),
        _element("92", ID, 2, 2, "SA NE KN RO"),
        _element("324", AN, 1, 22),
        _element("328", AN, 1, 30),
        _element("373", DT, 8, 8),
        _element("128", ID, 2, 3, "DP IA VN PO"),
        _element("127", AN, 1, 30),
        _element("352", AN, 1, 80),
        _element("374", ID, 3, 3, "002 010 017 068"),
        _element("337", TM, 4, 8),
        _element("98", ID, 2, 3, "BY ST SE BT"),
        _element("93", AN, 1, 60),
        _element("66", ID, 1, 2, "1 9 92"),
        _element("67", AN, 2, 80),
        _element("166", AN, 1, 55),
        _element("19", AN, 2, 30),
        _element("156", ID, 2, 2),
        _element("116", ID, 3, 15),
        _element("350", AN, 1, 20),
        _element("330", R, 1, 15),
        _element("355", ID, 2, 2, "EA CA BX LB"),
        _element("212", R, 1, 17),
        _element("639", ID, 2, 2, "PE CP"),
        _element("235", ID, 2, 2, "BP VP UP"),
        _element("234", AN, 1, 48),
        _element("349", ID, 1, 1, "F S"),
        _element("750", ID, 2, 3),
        _element("559", ID, 2, 2),
        _element("751", AN, 1, 12),
        _element("668", ID, 2, 2, "IA IR IQ IP"),
        _element("380", R, 1, 15),
        _element("587", ID, 2, 2, "AD AC RD"),
        _element("354", N0, 1, 6),
        _element("347", R, 1, 10),
        _element("738", ID, 2, 3, "WT LN"),
        _element("739", R, 1, 20),
        _element("1018", R, 1, 15),
    )
}

UNIT = Composite(
    "C001",
    "composite unit of measure",
    (ElementUse(ELEMENTS["355"], M), ElementUse(ELEMENTS["1018"], OPT)),
)


def _segment(tag: str, uses: str, conditions: str = "") -> SegmentSpec:
    elements = []
    for token in uses.split():
        usage, reference = Usage(token[0]), token[1:]
        target = UNIT if reference == UNIT.reference else ELEMENTS[reference]
        elements.append(ElementUse(target, usage))
    notes = tuple(
        Condition(note[0], tuple(int(note[i : i + 2]) for i in range(1, len(note), 2)))
        for note in conditions.split()
    )
    return SegmentSpec(tag, f"segment {tag}", tuple(elements), notes)


SEGMENTS = {
    spec.tag: spec
    for spec in (
        _segment("ST", "M143 M329"),
        _segment("SE", "M96 M329"),
        _segment("BEG", "M353 M92 M324 O328 M373"),
        _segment("BAK", "M353 M587 M324 M373"),
        _segment("REF", "M128 X127 X352", "R0203"),
        _segment("DTM", "M374 X373 X337", "R0203 C0302"),
        _segment("N1", "M98 X93 X66 X67", "R0203 P0304"),
        _segment("N3", "M166 O166"),
        _segment("N4", "O19 O156 O116"),
        _segment("PO1", "O350 X330 O355 X212 O639 X235 X234 X235 X234", "C0302 C0504 P0607 P0809"),
        _segment("PID", "M349 O750 O559 X751 X352", "R0405"),
        _segment("MEA", "O738 X739 X739 XC001", "R0203"),
        _segment("ACK", "M668 X380 X355 O374 X373", "P0203 C0504"),
        _segment("CTT", "M354 X347"),
        # Known to the dictionary, used by no set here: "not in defined set" (AK3 6).
        _segment("TD5", "O98 O66"),
    )
}


def _address_loop() -> Loop:
    return Loop(
        "N1",
        (SegmentUse("N1", M), SegmentUse("N3", OPT, 2), SegmentUse("N4", OPT)),
        OPT,
        200,
    )


PURCHASE_ORDER = TransactionSetSpec(
    "850",
    "Purchase Order",
    "PO",
    (
        SegmentUse("ST", M),
        SegmentUse("BEG", M),
        SegmentUse("REF", OPT, 12),
        SegmentUse("DTM", OPT, 10),
        _address_loop(),
        Loop(
            "PO1",
            (
                SegmentUse("PO1", M),
                SegmentUse("PID", OPT, 1000),
                SegmentUse("MEA", OPT, 40),
                SegmentUse("DTM", OPT, 10),
                _address_loop(),
            ),
            M,
            100000,
        ),
        Loop("CTT", (SegmentUse("CTT", M),), OPT, 1),
        SegmentUse("SE", M),
    ),
)

PURCHASE_ORDER_ACKNOWLEDGEMENT = TransactionSetSpec(
    "855",
    "Purchase Order Acknowledgment",
    "PR",
    (
        SegmentUse("ST", M),
        SegmentUse("BAK", M),
        SegmentUse("REF", OPT, 12),
        SegmentUse("DTM", OPT, 10),
        _address_loop(),
        Loop(
            "PO1",
            (
                SegmentUse("PO1", M),
                Loop("PID", (SegmentUse("PID", M),), OPT, 1000),
                SegmentUse("ACK", OPT, 104),
            ),
            OPT,
            UNBOUNDED,
        ),
        Loop("CTT", (SegmentUse("CTT", M),), OPT, 1),
        SegmentUse("SE", M),
    ),
)

DICTIONARY = Dictionary(
    "004010",
    ELEMENTS,
    SEGMENTS,
    {"850": PURCHASE_ORDER, "855": PURCHASE_ORDER_ACKNOWLEDGEMENT},
)


def severity_of(code: SyntaxCode) -> Severity:
    """The test policy: everything rejects but an out-of-sequence segment."""
    return Severity.WARNING if code is SegmentError.OUT_OF_SEQUENCE else Severity.ERROR


DICTIONARY_005010 = replace(DICTIONARY, version="005010")

VALIDATORS = (
    DictionaryValidator(DICTIONARY, severity_of),
    DictionaryValidator(DICTIONARY_005010, severity_of),
)


def isa(
    control: int = 1,
    *,
    element: str = "*",
    component: str = ">",
    terminator: str = "~",
    version: str = "00401",
    date: str = "260924",
    time: str = "1030",
) -> str:
    repetition = "U" if version < "00402" else "^"
    fields = [
        "ISA", "00", " " * 10, "00", " " * 10, "ZZ", "NORTHWIND".ljust(15), "ZZ",
        "ACME".ljust(15), date, time, repetition, version, f"{control:09d}", "0", "T",
        component,
    ]  # fmt: skip
    return element.join(fields) + terminator


def purchase_order_body(lines: int = 2, number: str = "PO-1001") -> list[str]:
    """The segments of an 850 between ST and SE, with ``lines`` lines."""
    body = [
        f"BEG*00*SA*{number}**20260924",
        "REF*DP*038",
        "DTM*002*20261015",
        "N1*ST*NORTHWIND PLANT 1*92*PLANT1",
        "N3*1 MILL ROAD",
        "N4*DAYTON*OH*45402",
    ]
    for line in range(1, lines + 1):
        body.append(f"PO1*{line}*{line * 5}*EA*12.50**BP*ITEM-{line:04d}*VP*SUP-{line:04d}")
        body.append(f"PID*F****Widget number {line}")
        body.append("DTM*002*20261015")
    body.append(f"CTT*{lines}")
    return body


def transaction_set(
    code: str, body: Sequence[str], control: str = "0001", *, count: int | None = None
) -> list[str]:
    """ST, ``body`` and an SE counting them (or saying ``count``)."""
    total = len(body) + 2 if count is None else count
    return [f"ST*{code}*{control}", *body, f"SE*{total}*{control}"]


def interchange(
    sets: Sequence[Sequence[str]],
    *,
    functional_id: str = "PO",
    group_control: str = "7",
    version: str = "004010",
    control: int = 1,
    isa_version: str = "00401",
    set_count: int | None = None,
    group_trailer_control: str | None = None,
    group_count: int = 1,
    trailer_control: int | None = None,
) -> str:
    """One interchange of one group holding ``sets`` (each ST..SE, '*' and '~')."""
    segments = [f"GS*{functional_id}*NORTHWIND*ACME*20260924*1030*{group_control}*X*{version}"]
    for one in sets:
        segments.extend(one)
    segments.append(
        f"GE*{len(sets) if set_count is None else set_count}*"
        f"{group_control if group_trailer_control is None else group_trailer_control}"
    )
    segments.append(
        f"IEA*{group_count}*{control if trailer_control is None else trailer_control:09d}"
    )
    return isa(control, version=isa_version) + "\n" + "~\n".join(segments) + "~\n"


def purchase_order_interchange(lines: int = 2, control: int = 1) -> str:
    return interchange([transaction_set("850", purchase_order_body(lines))], control=control)


def with_delimiters(text: str, element: str, component: str, terminator: str) -> str:
    """``text`` written with '*', '>' and '~' rewritten with other delimiters."""
    return text.replace("~\n", "~").translate(
        str.maketrans("*>~", element + component + terminator)
    )
