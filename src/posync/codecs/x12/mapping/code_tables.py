"""X12's own code lists beside the UN/CEFACT ones canonical documents keep.

Canonical documents speak UN/CEFACT, as EDIFACT and cXML do: units of
measure from UN/ECE Recommendation 20 (``KGM``, ``MTR``, ``H87``) and tax
types from UNTDID 5153 (``VAT``, ``GST``). X12 has its own two-letter lists
(355 units: ``KG``, ``MR``, ``PC``; 963 tax types: ``VA``, ``GS``). A
``CodeTable`` pairs them one to one, so that a document written and read back
keeps its codes. Some letters mean different things on the two lists (``CA``
is a case in X12 and a can in Recommendation 20), which is why every code is
looked up, never compared.

A code not in a table passes through unchanged when it fits X12's two
characters; a longer one cannot be carried and is refused by the writer. An
X12 code given in a canonical document (``KG``) is written as it is and reads
back as its UN/CEFACT code (``KGM``).
"""

from __future__ import annotations

import types
from collections.abc import Mapping

X12_LENGTH = 2


class CodeTable:
    """One X12 code list paired with its UN/CEFACT counterpart."""

    def __init__(self, name: str, pairs: Mapping[str, str]) -> None:
        if len(set(pairs.values())) != len(pairs):
            raise ValueError(f"the {name} table pairs a UN/CEFACT code with two X12 codes")
        self.name = name
        self._canonical = types.MappingProxyType(dict(pairs))
        self._x12 = types.MappingProxyType({c: x for x, c in pairs.items()})

    def from_x12(self, code: str) -> str:
        """The canonical code for an X12 code; codes the table does not know as they are."""
        return self._canonical.get(code, code)

    def to_x12(self, code: str) -> str | None:
        """The X12 code for a canonical code; None when X12 cannot carry it."""
        x12 = self._x12.get(code)
        if x12 is not None:
            return x12
        return code if len(code) == X12_LENGTH else None

    def canonical_codes(self) -> list[str]:
        """Every canonical code the table translates, sorted."""
        return sorted(self._x12)


UNITS = CodeTable(
    "unit of measure (355 / Recommendation 20)",
    {
        "EA": "EA",  # each
        "PC": "H87",  # piece
        "UN": "C62",  # unit (one)
        "PR": "PR",  # pair
        "DZ": "DZN",  # dozen
        "BX": "BX",  # box
        "CA": "CS",  # case
        "CN": "CA",  # can
        "CT": "CT",  # carton
        "PK": "PK",  # package
        "BG": "BG",  # bag
        "BO": "BO",  # bottle
        "KG": "KGM",  # kilogram
        "GR": "GRM",  # gram
        "LB": "LBR",  # pound
        "OZ": "ONZ",  # ounce
        "MR": "MTR",  # metre
        "CM": "CMT",  # centimetre
        "MM": "MMT",  # millimetre
        "FT": "FOT",  # foot
        "IN": "INH",  # inch
        "YD": "YRD",  # yard
        "SM": "MTK",  # square metre
        "SF": "FTK",  # square foot
        "CR": "MTQ",  # cubic metre
        "CF": "FTQ",  # cubic foot
        "LT": "LTR",  # litre
        "ML": "MLT",  # millilitre
        "GA": "GLL",  # US gallon
        "HR": "HUR",  # hour
        "DA": "DAY",  # day
        "WK": "WEE",  # week
        "MO": "MON",  # month
    },
)

TAX_TYPES = CodeTable(
    "tax type (963 / UNTDID 5153)",
    {
        "VA": "VAT",  # value added tax
        "GS": "GST",  # goods and services tax
        "ST": "STT",  # state (provincial) sales tax
        "LT": "LOC",  # local sales tax
        "FT": "EXC",  # (federal) excise tax
        "OH": "OTH",  # other taxes
    },
)
