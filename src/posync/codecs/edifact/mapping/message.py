"""The shape every business message shares: a header with its segment groups, and line groups.

``header`` takes the NAD, PAT, TDT, TOD, TAX and ALC groups out of the
header, leaving its own segments (BGM, DTM, FTX, RFF...). ``line`` does the
same inside a LIN group: the segments of the line itself, then its PRI, SCC
and ALC groups. Segments of a group are found by tag, so their order inside
the group does not matter to reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from posync.codecs.edifact.mapping.parties import NAD_MEMBERS
from posync.codecs.edifact.mapping.reading import At, locate, locate_group
from posync.codecs.edifact.mapping.terms import PAT_MEMBERS, TOD_MEMBERS
from posync.codecs.edifact.segments import Segment
from posync.codecs.segment_groups import groups

TDT_MEMBERS = frozenset({"LOC", "DTM"})
TAX_MEMBERS = frozenset({"MOA", "LOC"})
ALC_MEMBERS = frozenset({"ALI", "DTM", "QTY", "PCD", "MOA", "RTE", "TAX", "RNG"})
PRI_MEMBERS = frozenset({"CUX", "APR", "RNG", "DTM"})
SCC_MEMBERS = frozenset({"FTX", "RFF", "QTY", "DTM"})


@dataclass(frozen=True, slots=True)
class Header:
    own: list[At]
    parties: list[list[At]]
    payment_terms: list[list[At]]
    transport: list[list[At]]
    delivery_terms: list[list[At]]
    taxes: list[list[At]]
    charges: list[list[At]]


def header(segments: Sequence[Segment]) -> Header:
    rest, parties = groups(locate(segments), "NAD", NAD_MEMBERS)
    rest, payment_terms = groups(rest, "PAT", PAT_MEMBERS)
    rest, transport = groups(rest, "TDT", TDT_MEMBERS)
    rest, delivery_terms = groups(rest, "TOD", TOD_MEMBERS)
    rest, taxes = groups(rest, "TAX", TAX_MEMBERS)
    rest, charges = groups(rest, "ALC", ALC_MEMBERS)
    return Header(rest, parties, payment_terms, transport, delivery_terms, taxes, charges)


@dataclass(frozen=True, slots=True)
class Line:
    head: At
    own: list[At]
    prices: list[list[At]]
    schedule: list[list[At]]
    charges: list[list[At]]
    number: int


def line(group: Sequence[Segment], number: int) -> Line:
    """The ``number``-th (from 1) LIN group, its segments named under ``LIN[number].``."""
    located = locate_group(group, number)
    rest, schedule = groups(located[1:], "SCC", SCC_MEMBERS)
    rest, prices = groups(rest, "PRI", PRI_MEMBERS)
    rest, charges = groups(rest, "ALC", ALC_MEMBERS)
    return Line(located[0], rest, prices, schedule, charges, number)


def summary(segments: Sequence[Segment]) -> tuple[list[At], list[list[At]], list[list[At]]]:
    """The summary after UNS: its own segments (MOA, CNT), its TAX groups and ALC groups."""
    rest, taxes = groups(locate(segments, "UNS."), "TAX", TAX_MEMBERS)
    rest, charges = groups(rest, "ALC", ALC_MEMBERS)
    return rest, taxes, charges
