"""The structure of the D.96A messages posync trades, UNH to UNT.

Each message is written as the directory lays it out: one line per segment
or segment group with its status (``M``/``C``) and maximum use or
repetitions; a group's body is indented under it and opens with its trigger
segment. Only segments and groups that purchase orders and their answers
use in practice are carried, with the full group nesting around them; a
segment posync does not carry is reported as not supported in its position.
ORDCHG and ORDRSP share the order's layout (D.96A gives the three the same
header, line and summary groups).
"""

from __future__ import annotations

from posync.codecs.edifact.dictionary.schema import MessageSpec, SegmentGroup, SegmentUse

_ORDER_HEADER = """
UNH M 1
BGM M 1
DTM M 35
PAI C 1
ALI C 5
IMD C 999
FTX C 99
SG1 C 9999
  RFF M 1
  DTM C 5
SG2 C 99
  NAD M 1
  LOC C 99
  FII C 5
  SG3 C 10
    RFF M 1
    DTM C 5
  SG4 C 5
    DOC M 1
    DTM C 5
  SG5 C 5
    CTA M 1
    COM C 5
SG6 C 5
  TAX M 1
  MOA C 1
  LOC C 5
SG7 C 5
  CUX M 1
  PCD C 5
  DTM C 5
SG8 C 10
  PAT M 1
  DTM C 5
  PCD C 1
  MOA C 1
SG9 C 10
  TDT M 1
  SG10 C 10
    LOC M 1
    DTM C 5
SG11 C 5
  TOD M 1
  LOC C 2
SG12 C 10
  PAC M 1
  MEA C 5
  SG13 C 5
    PCI M 1
    RFF C 1
    DTM C 5
    GIN C 10
SG14 C 10
  EQD M 1
  HAN C 5
  MEA C 5
  FTX C 5
SG15 C 10
  SCC M 1
  FTX C 5
  RFF C 5
  SG16 C 10
    QTY M 1
    DTM C 5
SG17 C 25
  APR M 1
  DTM C 5
  RNG C 1
SG18 C 15
  ALC M 1
  ALI C 5
  DTM C 5
  SG19 C 1
    QTY M 1
    RNG C 1
  SG20 C 1
    PCD M 1
    RNG C 1
  SG21 C 2
    MOA M 1
    RNG C 1
  SG22 C 1
    RTE M 1
    RNG C 1
  SG23 C 5
    TAX M 1
    MOA C 1
SG24 C 10
  RCS M 1
  RFF C 5
  DTM C 5
  FTX C 5
"""

_ORDER_LINES = """
SG25 C 200000
  LIN M 1
  PIA C 25
  IMD C 99
  MEA C 99
  QTY C 99
  PCD C 5
  ALI C 5
  DTM C 35
  MOA C 10
  GIN C 127
  QVR C 1
  DOC C 5
  PAI C 1
  FTX C 99
  SG26 C 25
    PRI M 1
    CUX C 1
    APR C 1
    RNG C 1
    DTM C 5
  SG27 C 10
    RFF M 1
    DTM C 5
  SG28 C 10
    PAC M 1
    MEA C 10
    QTY C 5
    DTM C 5
    SG29 C 10
      RFF M 1
      DTM C 5
    SG30 C 10
      PCI M 1
      RFF C 1
      DTM C 5
      GIN C 10
  SG31 C 9999
    LOC M 1
    QTY C 1
    DTM C 5
  SG32 C 10
    TAX M 1
    MOA C 1
    LOC C 5
  SG33 C 999
    NAD M 1
    LOC C 5
    SG34 C 5
      RFF M 1
      DTM C 5
    SG35 C 5
      DOC M 1
      DTM C 5
    SG36 C 5
      CTA M 1
      COM C 5
  SG37 C 99
    ALC M 1
    ALI C 5
    DTM C 5
    SG38 C 1
      QTY M 1
      RNG C 1
    SG39 C 1
      PCD M 1
      RNG C 1
    SG40 C 2
      MOA M 1
      RNG C 1
    SG41 C 1
      RTE M 1
      RNG C 1
    SG42 C 5
      TAX M 1
      MOA C 1
  SG43 C 10
    TDT M 1
    SG44 C 10
      LOC M 1
      DTM C 5
  SG45 C 5
    TOD M 1
    LOC C 2
  SG46 C 10
    EQD M 1
    HAN C 5
    MEA C 5
    FTX C 5
  SG47 C 10
    SCC M 1
    FTX C 5
    RFF C 5
    SG48 C 10
      QTY M 1
      DTM C 5
  SG49 C 99
    RCS M 1
    RFF C 5
    DTM C 5
    FTX C 5
UNS M 1
MOA C 12
CNT C 10
SG50 C 10
  ALC M 1
  ALI C 1
  MOA C 2
UNT M 1
"""

_DESPATCH_ADVICE = """
UNH M 1
BGM M 1
DTM C 10
ALI C 5
MEA C 5
MOA C 5
SG1 C 10
  RFF M 1
  DTM C 1
SG2 C 99
  NAD M 1
  LOC C 10
  SG3 C 10
    RFF M 1
    DTM C 1
  SG4 C 10
    CTA M 1
    COM C 5
SG5 C 10
  TOD M 1
  LOC C 5
  FTX C 5
SG6 C 10
  TDT M 1
  PCD C 10
  SG7 C 10
    LOC M 1
    DTM C 5
SG8 C 10
  EQD M 1
  MEA C 5
  SEL C 25
  EQA C 5
  SG9 C 99
    HAN M 1
    FTX C 5
SG10 M 9999
  CPS M 1
  FTX C 5
  SG11 C 9999
    PAC M 1
    MEA C 10
    QTY C 10
    SG12 C 10
      HAN M 1
      FTX C 5
    SG13 C 1000
      PCI M 1
      RFF C 1
      DTM C 5
      GIN C 10
  SG15 C 9999
    LIN M 1
    PIA C 10
    IMD C 25
    MEA C 10
    QTY C 10
    ALI C 10
    GIN C 100
    GIR C 100
    DLM C 100
    DTM C 5
    FTX C 5
    MOA C 5
    SG16 C 10
      RFF M 1
      DTM C 1
    SG18 C 100
      LOC M 1
      NAD C 1
      DTM C 1
      QTY C 1
    SG20 C 1000
      PCI M 1
      DTM C 5
      QTY C 10
      GIN C 10
    SG22 C 10
      QVR M 1
      DTM C 5
      RFF C 5
      FTX C 5
CNT C 5
UNT M 1
"""

_INVOICE = """
UNH M 1
BGM M 1
DTM M 35
PAI C 1
ALI C 5
IMD C 1
FTX C 99
SG1 C 99999
  RFF M 1
  DTM C 5
  GIR C 5
  LOC C 10
  MEA C 5
  QTY C 2
  FTX C 5
  MOA C 2
SG2 C 99
  NAD M 1
  LOC C 25
  FII C 5
  SG3 C 9999
    RFF M 1
    DTM C 5
  SG4 C 5
    DOC M 1
    DTM C 5
  SG5 C 5
    CTA M 1
    COM C 5
SG6 C 5
  TAX M 1
  MOA C 1
  LOC C 5
SG7 C 99
  CUX M 1
  DTM C 5
SG8 C 10
  PAT M 1
  DTM C 5
  PCD C 1
  MOA C 1
  PAI C 1
  FII C 1
SG9 C 10
  TDT M 1
  SG10 C 10
    LOC M 1
    DTM C 5
SG11 C 5
  TOD M 1
  LOC C 2
SG12 C 1000
  PAC M 1
  MEA C 5
  SG13 C 5
    PCI M 1
    RFF C 1
    DTM C 5
    GIN C 10
SG15 C 99
  ALC M 1
  ALI C 5
  SG16 C 5
    RFF M 1
    DTM C 5
  SG17 C 1
    QTY M 1
    RNG C 1
  SG18 C 1
    PCD M 1
    RNG C 1
  SG19 C 2
    MOA M 1
    RNG C 1
    CUX C 1
    DTM C 1
  SG20 C 1
    RTE M 1
    RNG C 1
  SG21 C 5
    TAX M 1
    MOA C 1
SG22 C 100
  RCS M 1
  RFF C 5
  DTM C 5
  FTX C 5
SG25 C 9999999
  LIN M 1
  PIA C 25
  IMD C 10
  MEA C 5
  QTY C 5
  PCD C 1
  ALI C 5
  DTM C 35
  GIN C 1000
  GIR C 1000
  QVR C 1
  EQD C 1
  FTX C 5
  SG26 C 5
    MOA M 1
    CUX C 1
  SG27 C 10
    PAT M 1
    DTM C 5
    PCD C 1
    MOA C 1
  SG28 C 25
    PRI M 1
    CUX C 1
    APR C 1
    RNG C 1
    DTM C 5
  SG29 C 10
    RFF M 1
    DTM C 5
  SG30 C 10
    PAC M 1
    MEA C 10
    SG31 C 10
      PCI M 1
      RFF C 1
      DTM C 5
      GIN C 10
  SG32 C 9999
    LOC M 1
    QTY C 1
    DTM C 5
  SG33 C 99
    TAX M 1
    MOA C 1
    LOC C 5
  SG34 C 99
    NAD M 1
    LOC C 5
    SG35 C 5
      RFF M 1
      DTM C 5
    SG36 C 5
      DOC M 1
      DTM C 5
    SG37 C 5
      CTA M 1
      COM C 5
  SG38 C 15
    ALC M 1
    ALI C 5
    DTM C 5
    SG39 C 1
      QTY M 1
      RNG C 1
    SG40 C 1
      PCD M 1
      RNG C 1
    SG41 C 2
      MOA M 1
      RNG C 1
      CUX C 1
      DTM C 1
    SG42 C 1
      RTE M 1
      RNG C 1
    SG43 C 5
      TAX M 1
      MOA C 1
  SG44 C 10
    TDT M 1
    SG45 C 10
      LOC M 1
      DTM C 5
  SG46 C 5
    TOD M 1
    LOC C 2
  SG47 C 100
    RCS M 1
    RFF C 5
    DTM C 5
    FTX C 5
UNS M 1
CNT C 10
SG48 M 100
  MOA M 1
  SG49 C 1
    RFF M 1
    DTM C 5
SG50 C 10
  TAX M 1
  MOA C 9
SG51 C 15
  ALC M 1
  ALI C 1
  MOA C 2
UNT M 1
"""

_SYNTAX_REPORT = """
UNH M 1
UCI M 1
SG1 C 999999
  UCM M 1
  SG2 C 999
    UCS M 1
    UCD C 99
SG3 C 999999
  UCF M 1
  SG4 C 999999
    UCM M 1
    SG5 C 999
      UCS M 1
      UCD C 99
UNT M 1
"""

_MESSAGES = (
    ("ORDERS", "Purchase order message", _ORDER_HEADER + _ORDER_LINES),
    ("ORDCHG", "Purchase order change request message", _ORDER_HEADER + _ORDER_LINES),
    ("ORDRSP", "Purchase order response message", _ORDER_HEADER + _ORDER_LINES),
    ("DESADV", "Despatch advice message", _DESPATCH_ADVICE),
    ("INVOIC", "Invoice message", _INVOICE),
    ("CONTRL", "Syntax and service report message", _SYNTAX_REPORT),
)


def _parse(layout: str) -> tuple[SegmentUse | SegmentGroup, ...]:
    """The indented layout as nested segments and groups."""
    lines = [line for line in layout.splitlines() if line.strip()]
    body, rest = _level(lines, 0, 0)
    if rest != len(lines):
        raise ValueError(f"layout line {rest} is indented wrongly: {lines[rest]!r}")
    return body


def _level(
    lines: list[str], index: int, depth: int
) -> tuple[tuple[SegmentUse | SegmentGroup, ...], int]:
    parts: list[SegmentUse | SegmentGroup] = []
    while index < len(lines):
        line = lines[index]
        indent = (len(line) - len(line.lstrip(" "))) // 2
        if indent < depth:
            break
        name, status, limit = line.split()
        mandatory = status == "M"
        if name.startswith("SG"):
            inner, index = _level(lines, index + 1, depth + 1)
            parts.append(SegmentGroup(int(name[2:]), inner, mandatory, int(limit)))
        else:
            parts.append(SegmentUse(name, mandatory, int(limit)))
            index += 1
    return tuple(parts), index


def message_specs() -> dict[str, MessageSpec]:
    """The messages of D.96A posync reads, by type."""
    return {kind: MessageSpec(kind, name, _parse(layout)) for kind, name, layout in _MESSAGES}
