"""The composites and segments of D.96A (and the service segments) that posync reads.

One line per composite or segment: its tag, its name, and after the colon
its constituents in order, each with its status (``M`` mandatory, ``C``
conditional); an indented line continues the one above. The service
segments follow ISO 9735 version 4, which reads version 3 as well (its
additions are conditional and at the end).
"""

from __future__ import annotations

from posync.codecs.edifact.dictionary.schema import (
    Component,
    Composite,
    DataElement,
    ElementUse,
    SegmentSpec,
)

_COMPOSITES = """
C002 Document/message name: 1001 C, 1131 C, 3055 C, 1000 C
C040 Carrier: 3127 C, 1131 C, 3055 C, 3128 C
C056 Department or employee details: 3413 C, 3412 C
C058 Name and address: 3124 M, 3124 C, 3124 C, 3124 C, 3124 C
C059 Street: 3042 M, 3042 C, 3042 C, 3042 C
C076 Communication contact: 3148 M, 3155 M
C078 Account identification: 3194 C, 3192 C, 3192 C, 6345 C
C080 Party name: 3036 M, 3036 C, 3036 C, 3036 C, 3036 C, 3045 C
C082 Party identification details: 3039 M, 1131 C, 3055 C
C088 Institution identification: 3433 C, 1131 C, 3055 C, 3434 C, 1131 C, 3055 C, 3432 C, 3436 C
C100 Terms of delivery or transport: 4053 C, 1131 C, 3055 C, 4052 C, 4052 C
C107 Text reference: 4441 M, 1131 C, 3055 C
C108 Text literal: 4440 M, 4440 C, 4440 C, 4440 C, 4440 C
C110 Payment terms: 4277 M, 1131 C, 3055 C, 4276 C, 4276 C
C112 Terms/time information: 2475 M, 2009 C, 2151 C, 2152 C
C128 Rate details: 5419 M, 5420 M, 5284 C, 6411 C
C138 Price multiplier information: 5394 M, 5393 C
C174 Value/range: 6411 M, 6314 C, 6162 C, 6152 C, 6432 C
C186 Quantity details: 6063 M, 6060 M, 6411 C
C202 Package type: 7065 C, 1131 C, 3055 C, 7064 C
C206 Identification number: 7402 M, 7405 C, 4405 C
C208 Identity number range: 7402 M, 7402 C
C210 Marks and labels: 7102 M, 7102 C, 7102 C, 7102 C, 7102 C, 7102 C,
  7102 C, 7102 C, 7102 C, 7102 C
C212 Item number identification: 7140 C, 7143 C, 1131 C, 3055 C
C214 Special services identification: 7161 C, 1131 C, 3055 C, 7160 C, 7160 C
C215 Seal issuer: 9303 C, 1131 C, 3055 C, 9302 C
C218 Hazardous material: 7419 C, 1131 C, 3055 C
C220 Mode of transport: 8067 C, 8066 C
C222 Transport identification: 8213 C, 1131 C, 3055 C, 8212 C, 8453 C
C224 Equipment size and type: 8155 C, 1131 C, 3055 C, 8154 C
C228 Transport means: 8179 C, 8178 C
C237 Equipment identification: 8260 C, 1131 C, 3055 C, 3207 C
C241 Duty/tax/fee type: 5153 C, 1131 C, 3055 C, 5152 C
C243 Duty/tax/fee detail: 5279 C, 1131 C, 3055 C, 5278 C
C270 Control: 6069 M, 6066 M, 6411 C
C272 Item characteristic: 7081 C, 1131 C, 3055 C
C273 Item description: 7009 C, 1131 C, 3055 C, 7008 C, 7008 C, 3453 C
C279 Quantity difference information: 6064 M, 6063 C
C280 Range: 6411 M, 6162 C, 6152 C
C329 Pattern description: 2013 C, 2015 C, 2017 C
C401 Excess transportation information: 8457 M, 8459 M, 7130 C
C402 Package type identification: 7077 M, 7064 M, 7143 C, 7064 C, 7143 C
C501 Percentage details: 5245 M, 5482 C, 5249 C, 1131 C, 3055 C
C502 Measurement details: 6313 C, 6321 C, 6155 C, 6154 C
C503 Document/message details: 1004 C, 1373 C, 1366 C, 3453 C
C504 Currency details: 6347 M, 6345 C, 6343 C, 6348 C
C506 Reference: 1153 M, 1154 C, 1156 C, 4000 C
C507 Date/time/period: 2005 M, 2380 C, 2379 C
C509 Price information: 5125 M, 5118 C, 5375 C, 5387 C, 5284 C, 6411 C
C516 Monetary amount: 5025 M, 5004 C, 6345 C, 6343 C, 4405 C
C517 Location identification: 3225 C, 1131 C, 3055 C, 3224 C
C519 Related location one identification: 3223 C, 1131 C, 3055 C, 3222 C
C522 Instruction: 4403 M, 4401 C, 1131 C, 3055 C, 4400 C
C524 Handling instructions: 4079 C, 1131 C, 3055 C, 4078 C
C531 Packaging details: 7075 C, 7233 C, 7073 C
C532 Returnable package details: 8395 C, 8393 C
C533 Duty/tax/fee account detail: 5289 M, 1131 C, 3055 C
C534 Payment instruction details: 4439 C, 4431 C, 4461 C, 1131 C, 3055 C, 4435 C
C550 Requirement/regulation identification: 7295 M, 1131 C, 3055 C, 7294 C
C552 Allowance/charge information: 1230 C, 5189 C
C553 Related location two identification: 3233 C, 1131 C, 3055 C, 3232 C
C827 Type of marking: 7511 M, 1131 C, 3055 C
C829 Sub-line information: 5495 C, 1082 C
C960 Reason for change: 4295 C, 1131 C, 3055 C, 4294 C
"""

_SERVICE_COMPOSITES = """
S001 Syntax identifier: 0001 M, 0002 M
S002 Interchange sender: 0004 M, 0007 C, 0008 C
S003 Interchange recipient: 0010 M, 0007 C, 0014 C
S004 Date and time of preparation: 0017 M, 0019 M
S005 Recipient's reference/password details: 0022 M, 0025 C
S006 Application sender identification: 0040 M, 0007 C
S007 Application recipient identification: 0044 M, 0007 C
S008 Message version: 0052 M, 0054 M, 0057 C
S009 Message identifier: 0065 M, 0052 M, 0054 M, 0051 M, 0057 C
S010 Status of the transfer: 0070 M, 0073 C
S011 Data element identification: 0098 M, 0104 C, 0136 C
"""

_SEGMENTS = """
ALC Allowance or charge: 5463 M, C552 C, 4471 C, 1227 C, C214 C
ALI Additional information: 3239 C, 9213 C, 4183 C, 4183 C, 4183 C, 4183 C, 4183 C
APR Additional price information: 4043 C, C138 C, C960 C
BGM Beginning of message: C002 C, 1004 C, 1225 C, 4343 C
CNT Control total: C270 M
COM Communication contact: C076 M
CPS Consignment packing sequence: 7164 M, 7166 C, 7075 C
CTA Contact information: 3139 C, C056 C
CUX Currencies: C504 C, C504 C, 5402 C, 6341 C
DLM Delivery limitations: 4455 C, C522 C, C214 C, 4457 C
DOC Document/message details: C002 M, C503 C, 3153 C, 1220 C, 1218 C
DTM Date/time/period: C507 M
EQA Attached equipment: 8053 M, C237 C
EQD Equipment details: 8053 M, C237 C, C224 C, 8077 C, 8249 C, 8169 C
FII Financial institution information: 3035 M, C078 C, C088 C, 3207 C
FTX Free text: 4451 M, 4453 C, C107 C, C108 C, 3453 C
GIN Goods identity number: 7405 M, C208 M, C208 C, C208 C, C208 C, C208 C
GIR Related identification numbers: 7297 M, C206 M, C206 C, C206 C, C206 C, C206 C
HAN Handling instructions: C524 C, C218 C
IMD Item description: 7077 C, C272 C, C273 C, 7383 C
LIN Line item: 1082 C, 1229 C, C212 C, C829 C, 1222 C, 7083 C
LOC Place/location identification: 3227 M, C517 C, C519 C, C553 C, 5479 C
MEA Measurements: 6311 M, C502 C, C174 C, 7383 C
MOA Monetary amount: C516 M
NAD Name and address: 3035 M, C082 C, C058 C, C080 C, C059 C, 3164 C, 3229 C, 3251 C, 3207 C
PAC Package: 7224 C, C531 C, C202 C, C402 C, C532 C
PAI Payment instructions: C534 M
PAT Payment terms basis: 4279 M, C110 C, C112 C
PCD Percentage details: C501 M
PCI Package identification: 4233 C, C210 C, 8275 C, C827 C
PIA Additional product id: 4347 M, C212 M, C212 C, C212 C, C212 C, C212 C
PRI Price details: C509 C, 5213 C
QTY Quantity: C186 M
QVR Quantity variances: C279 C, 4221 C, C960 C
RCS Requirements and conditions: 7293 M, C550 C, 1229 C
RFF Reference: C506 M
RNG Range details: 6167 M, C280 C
RTE Rate details: C128 M
SCC Scheduling conditions: 4017 M, 4493 C, C329 C
SEL Seal number: 9308 M, C215 C, 4517 C
TAX Duty/tax/fee details: 5283 M, C241 C, C533 C, 5286 C, C243 C, 5305 C, 3446 C
TDT Details of transport: 8051 M, 8028 C, C220 C, C228 C, C040 C, 8101 C, C401 C, C222 C, 8281 C
TOD Terms of delivery or transport: 4055 C, 4215 C, C100 C
UNS Section control: 0081 M
"""

_SERVICE_SEGMENTS = """
UNB Interchange header: S001 M, S002 M, S003 M, S004 M, 0020 M, S005 C, 0026 C, 0029 C,
  0031 C, 0032 C, 0035 C
UNZ Interchange trailer: 0036 M, 0020 M
UNG Functional group header: 0038 M, S006 M, S007 M, S004 M, 0048 M, 0051 M, S008 M, 0058 C
UNE Functional group trailer: 0060 M, 0048 M
UNH Message header: 0062 M, S009 M, 0068 C, S010 C
UNT Message trailer: 0074 M, 0062 M
UCI Interchange response: 0020 M, S002 M, S003 M, 0083 M, 0085 C, 0135 C, S011 C
UCM Message response: 0062 M, S009 M, 0083 M, 0085 C, 0135 C, S011 C
UCF Functional group response: 0048 M, S006 M, S007 M, 0083 M, 0085 C, 0135 C, S011 C
UCS Segment error indication: 0096 M, 0085 C
UCD Data element error indication: 0085 M, S011 M
"""


def _lines(table: str) -> list[tuple[str, str, list[tuple[str, bool]]]]:
    """Each line's tag, name and constituents; an indented line continues the one before."""
    parsed = []
    for line in filter(None, table.replace(",\n  ", ", ").splitlines()):
        head, _, constituents = line.partition(": ")
        tag, name = head.split(" ", 1)
        parts = [part.split() for part in constituents.split(", ")]
        parsed.append((tag, name, [(part[0], part[1] == "M") for part in parts]))
    return parsed


def composites(elements: dict[str, DataElement]) -> dict[str, Composite]:
    """Every composite, user and service, by tag; its components from ``elements``."""
    return {
        tag: Composite(
            tag,
            name,
            tuple(Component(elements[element], mandatory) for element, mandatory in parts),
        )
        for tag, name, parts in _lines(_SERVICE_COMPOSITES + _COMPOSITES)
    }


def segment_specs(
    elements: dict[str, DataElement], composites_by_tag: dict[str, Composite]
) -> dict[str, SegmentSpec]:
    """Every segment, user and service, by tag."""
    found: dict[str, DataElement | Composite] = {**elements, **composites_by_tag}
    return {
        tag: SegmentSpec(
            tag, name, tuple(ElementUse(found[element], mandatory) for element, mandatory in parts)
        )
        for tag, name, parts in _lines(_SERVICE_SEGMENTS + _SEGMENTS)
    }


SERVICE_SEGMENTS = frozenset(tag for tag, _, _ in _lines(_SERVICE_SEGMENTS))
