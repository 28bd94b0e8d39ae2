"""The length of every element the mappings write, in 004010 and 005010.

Each segment lists its data elements by reference number, position by
position (``BEG`` position 3 is element 324, the purchase order number);
each element has its type and length range. Only what the mappings write is
here; the full dictionary, with code lists and usage, is ``x12.dictionary``.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limit:
    type: str
    minimum: int
    maximum: int

    def describe(self) -> str:
        if self.minimum == self.maximum:
            return f"holds exactly {self.maximum} characters"
        return f"holds {self.minimum} to {self.maximum} characters"


def _ids(pairs: int) -> tuple[str, ...]:
    return ("235", "234") * pairs


# Data elements by reference number, as the 004010 dictionary gives them.
_ELEMENTS_004010: Mapping[str, Limit] = types.MappingProxyType(
    {
        "19": Limit("AN", 2, 30),
        "22": Limit("AN", 1, 30),
        "23": Limit("ID", 1, 1),
        "26": Limit("ID", 2, 3),
        "66": Limit("ID", 1, 2),
        "67": Limit("AN", 2, 80),
        "76": Limit("AN", 1, 22),
        "79": Limit("AN", 1, 50),
        "80": Limit("N0", 1, 7),
        "81": Limit("R", 1, 10),
        "87": Limit("AN", 1, 48),
        "88": Limit("ID", 1, 2),
        "91": Limit("ID", 1, 2),
        "92": Limit("ID", 2, 2),
        "93": Limit("AN", 1, 60),
        "98": Limit("ID", 2, 3),
        "100": Limit("ID", 3, 3),
        "103": Limit("AN", 3, 5),
        "116": Limit("ID", 3, 15),
        "118": Limit("R", 1, 9),
        "127": Limit("AN", 1, 30),
        "128": Limit("ID", 2, 3),
        "133": Limit("ID", 1, 2),
        "146": Limit("ID", 2, 2),
        "156": Limit("ID", 2, 2),
        "166": Limit("AN", 1, 55),
        "187": Limit("ID", 1, 2),
        "212": Limit("R", 1, 17),
        "234": Limit("AN", 1, 48),
        "235": Limit("ID", 2, 2),
        "248": Limit("ID", 1, 1),
        "309": Limit("ID", 1, 2),
        "324": Limit("AN", 1, 22),
        "326": Limit("AN", 1, 45),
        "327": Limit("AN", 1, 8),
        "328": Limit("AN", 1, 30),
        "330": Limit("R", 1, 15),
        "331": Limit("ID", 2, 2),
        "332": Limit("R", 1, 6),
        "333": Limit("ID", 1, 2),
        "334": Limit("ID", 2, 2),
        "335": Limit("ID", 3, 3),
        "336": Limit("ID", 2, 2),
        "337": Limit("TM", 4, 8),
        "338": Limit("R", 1, 6),
        "342": Limit("R", 1, 5),
        "347": Limit("R", 1, 10),
        "349": Limit("ID", 1, 1),
        "350": Limit("AN", 1, 20),
        "351": Limit("N0", 1, 3),
        "352": Limit("AN", 1, 80),
        "353": Limit("ID", 2, 2),
        "354": Limit("N0", 1, 6),
        "355": Limit("ID", 2, 2),
        "358": Limit("R", 1, 10),
        "362": Limit("N2", 1, 10),
        "364": Limit("AN", 1, 80),
        "365": Limit("ID", 2, 2),
        "366": Limit("ID", 2, 2),
        "367": Limit("AN", 1, 30),
        "369": Limit("AN", 1, 45),
        "370": Limit("DT", 8, 8),
        "373": Limit("DT", 8, 8),
        "374": Limit("ID", 3, 3),
        "378": Limit("ID", 1, 1),
        "380": Limit("R", 1, 15),
        "382": Limit("R", 1, 10),
        "386": Limit("N0", 1, 3),
        "387": Limit("AN", 1, 35),
        "388": Limit("DT", 8, 8),
        "389": Limit("N2", 1, 10),
        "396": Limit("AN", 2, 30),
        "441": Limit("ID", 1, 1),
        "446": Limit("DT", 8, 8),
        "559": Limit("ID", 2, 2),
        "587": Limit("ID", 2, 2),
        "610": Limit("N2", 1, 15),
        "628": Limit("AN", 1, 12),
        "639": Limit("ID", 2, 2),
        "640": Limit("ID", 2, 2),
        "646": Limit("R", 1, 15),
        "662": Limit("ID", 1, 1),
        "668": Limit("ID", 2, 2),
        "670": Limit("ID", 2, 2),
        "671": Limit("R", 1, 9),
        "734": Limit("AN", 1, 12),
        "735": Limit("ID", 1, 2),
        "736": Limit("ID", 1, 1),
        "750": Limit("ID", 2, 3),
        "751": Limit("AN", 1, 12),
        "770": Limit("AN", 1, 20),
        "782": Limit("R", 1, 18),
        "828": Limit("R", 1, 9),
        "933": Limit("AN", 1, 264),
        "954": Limit("R", 1, 10),
        "955": Limit("ID", 2, 2),
        "956": Limit("AN", 1, 10),
        "963": Limit("ID", 2, 2),
        "1005": Limit("ID", 4, 4),
        "1300": Limit("ID", 4, 4),
        "1301": Limit("AN", 1, 10),
    }
)

# What 005010 widened.
_WIDER_IN_005010: Mapping[str, Limit] = types.MappingProxyType(
    {
        "127": Limit("AN", 1, 50),
        "364": Limit("AN", 1, 256),
        "610": Limit("N2", 1, 18),
    }
)

# Each segment's data elements by position (index 0 is position 1); C001 is read as 355.
SEGMENTS: Mapping[str, tuple[str, ...]] = types.MappingProxyType(
    {
        "ACK": ("668", "380", "355", "374", "373", "326", *_ids(10)),
        "BAK": ("353", "587", "324", "373", "328", "326", "367", "127", "373"),
        "BCA": ("353", "587", "324", "328", "327", "373", "326", "367", "127", "373", "373"),
        "BCH": ("353", "92", "324", "328", "327", "373", "326", "367", "127", "373", "373"),
        "BEG": ("353", "92", "324", "328", "373", "367"),
        "BIG": ("373", "76", "373", "324", "328", "327", "640", "353"),
        "BSN": ("353", "396", "373", "337", "1005"),
        "CTT": ("354", "347"),
        "CUR": ("98", "100"),
        "DTM": ("374", "373", "337"),
        "FOB": ("146", "309", "352", "334", "335", "309", "352"),
        "HL": ("628", "734", "735", "736"),
        "IT1": ("350", "358", "355", "212", "639", *_ids(10)),
        "ITD": ("336", "333", "338", "370", "351", "446", "386", "362", "388", "389", "342", "352"),
        "LIN": ("350", *_ids(15)),
        "MAN": ("88", "87"),
        "MSG": ("933",),
        "N1": ("98", "93", "66", "67"),
        "N2": ("93", "93"),
        "N3": ("166", "166"),
        "N4": ("19", "156", "116", "26"),
        "N9": ("128", "127", "369"),
        "PER": ("366", "93", "365", "364", "365", "364", "365", "364"),
        "PID": ("349", "750", "559", "751", "352"),
        "PO1": ("350", "330", "355", "212", "639", *_ids(10)),
        "POC": ("350", "670", "330", "671", "355", "212", "639", *_ids(10)),
        "PRF": ("324", "328", "327", "373"),
        "REF": ("128", "127", "352"),
        "SAC": (
            "248",
            "1300",
            "559",
            "1301",
            "610",
            "378",
            "332",
            "118",
            "355",
            "380",
            "380",
            "331",
            "127",
            "770",
            "352",
        ),
        "SCH": ("380", "355", "98", "93", "374", "373", "337", "374", "373", "337"),
        "SN1": ("350", "382", "355", "646", "330", "355"),
        "TD1": ("103", "80", "23", "22", "79", "187", "81", "355"),
        "TD5": ("133", "66", "67", "91", "387"),
        "TDS": ("610", "610", "610", "610"),
        "TXI": ("963", "782", "954", "955", "956", "441", "662", "828"),
    }
)


def limit_of(element: str, version: str) -> Limit:
    """The limit of an element named as the standard does, e.g. ``BEG03``."""
    tag, position = element[:-2], int(element[-2:])
    reference = SEGMENTS[tag][position - 1]
    if version >= "005010" and reference in _WIDER_IN_005010:
        return _WIDER_IN_005010[reference]
    return _ELEMENTS_004010[reference]
