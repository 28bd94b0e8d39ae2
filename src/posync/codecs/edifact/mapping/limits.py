"""The D.96A data elements of every segment the mappings read and write, with their lengths.

Each segment lists its positions: a simple data element (``1004``, an..35) or
a composite (``C186``) and its components. Positions name the values in
problems the way EDIFACT documentation does (``QTY.C186.6060``, ``BGM.1004``)
and bound what the writer puts in them. Only what the mappings use is here;
the full directory, with code lists and usage, is the codec's dictionary.

``an`` values count characters; ``n`` values count digits only (a sign and a
decimal mark are not counted, as ISO 9735 says).
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Simple:
    """A data element: its number (``1004``), ``an`` or ``n``, and its most characters."""

    number: str
    kind: str
    maximum: int


@dataclass(frozen=True, slots=True)
class Composite:
    """A composite data element (``C186``) and its components in order."""

    number: str
    components: tuple[Simple, ...]


Position = Simple | Composite


def _an(number: str, maximum: int) -> Simple:
    return Simple(number, "an", maximum)


def _n(number: str, maximum: int) -> Simple:
    return Simple(number, "n", maximum)


def _c(number: str, *components: Simple) -> Composite:
    return Composite(number, components)


_CODE = 3  # the common an..3 of qualifiers, code list qualifiers and agencies
_C212 = _c("C212", _an("7140", 35), _an("7143", _CODE), _an("1131", _CODE), _an("3055", _CODE))

SEGMENTS: Mapping[str, tuple[Position, ...]] = types.MappingProxyType(
    {
        "ALC": (
            _an("5463", _CODE),
            _c("C552", _an("1230", 35), _an("5189", _CODE)),
            _an("4471", _CODE),
            _an("1227", _CODE),
            _c(
                "C214",
                _an("7161", _CODE),
                _an("1131", _CODE),
                _an("3055", _CODE),
                _an("7160", 35),
                _an("7160", 35),
            ),
        ),
        "BGM": (
            _c("C002", _an("1001", _CODE), _an("1131", _CODE), _an("3055", _CODE), _an("1000", 35)),
            _an("1004", 35),
            _an("1225", _CODE),
            _an("4343", _CODE),
        ),
        "CNT": (_c("C270", _an("6069", _CODE), _n("6066", 18), _an("6411", _CODE)),),
        "COM": (_c("C076", _an("3148", 512), _an("3155", _CODE)),),
        "CPS": (_an("7164", 12), _an("7166", 12), _an("7075", _CODE)),
        "CTA": (_an("3139", _CODE), _c("C056", _an("3413", 17), _an("3412", 35))),
        "CUX": (
            _c("C504", _an("6347", _CODE), _an("6345", _CODE), _an("6343", _CODE), _n("6348", 4)),
        ),
        "DTM": (_c("C507", _an("2005", _CODE), _an("2380", 35), _an("2379", _CODE)),),
        "FTX": (
            _an("4451", _CODE),
            _an("4453", _CODE),
            _c("C107", _an("4441", _CODE), _an("1131", _CODE), _an("3055", _CODE)),
            _c("C108", *(_an("4440", 70) for _ in range(5))),
            _an("3453", _CODE),
        ),
        "GIN": (
            _an("7405", _CODE),
            *(_c("C208", _an("7402", 35), _an("7402", 35)) for _ in range(5)),
        ),
        "IMD": (
            _an("7077", _CODE),
            _an("7081", _CODE),
            _c(
                "C273",
                _an("7009", 7),
                _an("1131", _CODE),
                _an("3055", _CODE),
                _an("7008", 35),
                _an("7008", 35),
                _an("3453", _CODE),
            ),
        ),
        "LIN": (_an("1082", 6), _an("1229", _CODE), _C212),
        "LOC": (
            _an("3227", _CODE),
            _c("C517", _an("3225", 25), _an("1131", _CODE), _an("3055", _CODE), _an("3224", 70)),
        ),
        "MEA": (
            _an("6311", _CODE),
            _c("C502", _an("6313", _CODE), _an("6321", _CODE)),
            _c("C174", _an("6411", _CODE), _n("6314", 18)),
        ),
        "MOA": (_c("C516", _an("5025", _CODE), _n("5004", 18), _an("6345", _CODE)),),
        "NAD": (
            _an("3035", _CODE),
            _c("C082", _an("3039", 35), _an("1131", _CODE), _an("3055", _CODE)),
            _c("C058", *(_an("3124", 35) for _ in range(5))),
            _c("C080", *(_an("3036", 35) for _ in range(5)), _an("3045", _CODE)),
            _c("C059", *(_an("3042", 35) for _ in range(4))),
            _an("3164", 35),
            _an("3229", 9),
            _an("3251", 9),
            _an("3207", _CODE),
        ),
        "PAC": (
            _n("7224", 8),
            _c("C531", _an("7075", _CODE), _an("7233", _CODE), _an("7073", _CODE)),
            _c("C202", _an("7065", 17), _an("1131", _CODE), _an("3055", _CODE), _an("7064", 35)),
        ),
        "PAT": (
            _an("4279", _CODE),
            _c("C110", _an("4277", 17), _an("1131", _CODE), _an("3055", _CODE)),
            _c("C112", _an("2475", _CODE), _an("2009", _CODE), _an("2151", _CODE), _n("2152", 3)),
        ),
        "PCD": (_c("C501", _an("5245", _CODE), _n("5482", 10), _an("5249", _CODE)),),
        "PCI": (_an("4233", _CODE),),
        "PIA": (_an("4347", _CODE), *(_C212 for _ in range(5))),
        "PRI": (
            _c(
                "C509",
                _an("5125", _CODE),
                _n("5118", 15),
                _an("5375", _CODE),
                _an("5387", _CODE),
                _n("5284", 9),
                _an("6411", _CODE),
            ),
        ),
        "QTY": (_c("C186", _an("6063", _CODE), _n("6060", 15), _an("6411", _CODE)),),
        "RFF": (_c("C506", _an("1153", _CODE), _an("1154", 35), _an("1156", 6), _an("4000", 35)),),
        "SCC": (_an("4017", _CODE),),
        "TAX": (
            _an("5283", _CODE),
            _c("C241", _an("5153", _CODE), _an("1131", _CODE), _an("3055", _CODE), _an("5152", 35)),
            _c("C533", _an("5289", 6)),
            _an("5286", 15),
            _c(
                "C243",
                _an("5279", 7),
                _an("1131", _CODE),
                _an("3055", _CODE),
                _an("5278", 17),
            ),
            _an("5305", _CODE),
        ),
        "TDT": (
            _an("8051", _CODE),
            _an("8028", 17),
            _c("C220", _an("8067", _CODE), _an("8066", 17)),
            _c("C228", _an("8179", 8), _an("8178", 17)),
            _c("C040", _an("3127", 17), _an("1131", _CODE), _an("3055", _CODE), _an("3128", 35)),
        ),
        "TOD": (
            _an("4055", _CODE),
            _an("4215", _CODE),
            _c("C100", _an("4053", _CODE), _an("1131", _CODE), _an("3055", _CODE)),
        ),
        "UNS": (_an("0081", 1),),
    }
)


def position_of(tag: str, position: int) -> Position | None:
    """What stands at ``position`` (from 1) of segment ``tag``; None when the table has nothing."""
    positions = SEGMENTS.get(tag)
    if positions is None or not 1 <= position <= len(positions):
        return None
    return positions[position - 1]


def name_of(tag: str, position: int, component: int = 1) -> str:
    """The standard's name of a value: ``C186.6060``, ``1004``; ``03.1`` when unknown."""
    found = position_of(tag, position)
    if isinstance(found, Simple):
        return found.number
    if isinstance(found, Composite) and 1 <= component <= len(found.components):
        return f"{found.number}.{found.components[component - 1].number}"
    return f"{position:02d}.{component}"


def limit_of(tag: str, position: int, component: int = 1) -> Simple:
    """The data element at that place, for writing; ``KeyError`` names a place not in the table."""
    found = position_of(tag, position)
    if isinstance(found, Composite) and 1 <= component <= len(found.components):
        return found.components[component - 1]
    if isinstance(found, Simple) and component == 1:
        return found
    raise KeyError(f"{tag} position {position} component {component} is not in the table")
