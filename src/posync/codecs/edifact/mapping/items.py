"""Item numbers, descriptions and free text, as every message writes them.

Item numbers are C212 composites (7140 the number, 7143 its type): one in
LIN, the rest in a PIA. Read: IN or BP is the buyer's item, SA, VP or VN the
supplier's, EN, UP or SRV a GTIN; a LIN number without a type is taken as
the supplier's. Written: the GTIN in LIN (UP for 12 digits, EN otherwise),
else the supplier's item (SA), else the buyer's (IN), and the others in one
PIA (4347 1, additional identification).

A description is a run of IMD segments (7077 F, free form), two 35-character
7008 components each, cut at spaces and read back joined with one space; A,
E and D (long, short and price look-up free form) are read when there is no
F. Free text is an FTX with its subject (4451) and up to five 70-character
4440 components: one FTX carries one text of at most 350 characters.

A code posync keeps beside a line (a line status, a change type) that D.96A
has no element for is an FTX with subject ZZZ (mutually defined) and the code
in C107 4441, agency ZZZ: ``write_code`` and ``read_code``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from posync.codecs.edifact.mapping.reading import At, Reader, every, joined, text_value
from posync.codecs.edifact.mapping.writing import Writer, padded
from posync.codecs.edifact.segments import Element

BUYER_ITEM = ("IN", "BP")
SUPPLIER_ITEM = ("SA", "VP", "VN")
GTIN = ("EN", "UP", "SRV")
_ADDITIONAL = "1"
_DESCRIPTIONS = (("F", ""), ("A",), ("E",), ("D",))
_IMD_PARTS = 2
_FTX_PARTS = 5
MUTUALLY_DEFINED = "ZZZ"


@dataclass(frozen=True, slots=True)
class ItemNumbers:
    buyer_item: str | None = None
    supplier_item: str | None = None
    gtin: str | None = None


def item_numbers(reader: Reader, head: At, members: Iterable[At]) -> ItemNumbers:
    """The item numbers of a LIN (``head``) and the PIA segments among ``members``."""
    found: dict[str, str] = {}
    number, kind = reader.text(head, 3, 1), reader.code(head, 3, 2)
    if number is not None:
        found.setdefault(kind or SUPPLIER_ITEM[0], number)
    for at in every(members, "PIA"):
        for position in range(2, 7):
            value = reader.text(at, position, 1)
            if value is not None:
                found.setdefault(reader.code(at, position, 2) or SUPPLIER_ITEM[0], value)
    return ItemNumbers(_best(found, BUYER_ITEM), _best(found, SUPPLIER_ITEM), _best(found, GTIN))


def _best(found: dict[str, str], kinds: Sequence[str]) -> str | None:
    return next((found[kind] for kind in kinds if kind in found), None)


def write_line_head(
    writer: Writer, line_number: int, action: str, numbers: ItemNumbers, field: str
) -> None:
    """LIN with the line number, the action (1229) and the first item number; PIA the rest."""
    wanted: list[tuple[str, str, str]] = []
    if numbers.gtin is not None:
        wanted.append((numbers.gtin, "UP" if len(numbers.gtin) == 12 else "EN", "gtin"))
    if numbers.supplier_item is not None:
        wanted.append((numbers.supplier_item, SUPPLIER_ITEM[0], "supplier_item"))
    if numbers.buyer_item is not None:
        wanted.append((numbers.buyer_item, BUYER_ITEM[0], "buyer_item"))
    coded = [
        (writer.text("LIN", 3, 1, value, f"{field}.{name}"), kind) for value, kind, name in wanted
    ]
    writer.add(
        "LIN",
        writer.whole("LIN", 1, 1, line_number, f"{field}.line_number"),
        action,
        coded[0] if coded else (),
    )
    if len(coded) > 1:
        writer.add("PIA", _ADDITIONAL, *coded[1:])


def description(reader: Reader, segments: Iterable[At]) -> str | None:
    """The free-form IMD texts of a group, joined; the first free-form type present wins."""
    described = list(every(segments, "IMD"))
    for types in _DESCRIPTIONS:
        parts = [
            part
            for at in described
            if reader.code(at, 1) in types
            for n in (4, 5)
            if (part := reader.text(at, 3, n)) is not None
        ]
        if parts:
            return joined(parts)
    return None


def write_description(writer: Writer, text: str | None, field: str) -> None:
    if not text:
        return
    parts = writer.parts("IMD", 3, 4, text, field, count=99 * _IMD_PARTS)
    for start in range(0, len(parts), _IMD_PARTS):
        writer.add("IMD", "F", "", ("", "", "", *parts[start : start + _IMD_PARTS]))


def texts(reader: Reader, segments: Iterable[At], subject: str) -> list[str]:
    """The text of every FTX with subject ``subject`` (4451), each joined from its C108."""
    found = []
    for at in every(segments, "FTX", (subject,)):
        text = free_text(at.segment.elements)
        if text is not None:
            found.append(text)
    return found


def free_text(elements: tuple[Element, ...]) -> str | None:
    """An FTX's text: the parts of its C108 that are not blank, joined with one space."""
    parts = [
        part for n in range(1, _FTX_PARTS + 1) if (part := text_value(elements, 4, n)) is not None
    ]
    return " ".join(parts) if parts else None


def write_text(writer: Writer, subject: str, text: str | None, field: str) -> None:
    """One FTX carrying ``text`` (at most five components of 70 characters)."""
    if not text:
        return
    parts = writer.parts("FTX", 4, 1, text, field, count=_FTX_PARTS)
    if parts:
        writer.add("FTX", subject, "", "", padded(parts, len(parts)))


def read_code(reader: Reader, segments: Iterable[At]) -> str | None:
    """The code of the first mutually defined FTX (``FTX+ZZZ++code::ZZZ``)."""
    for at in every(segments, "FTX", (MUTUALLY_DEFINED,)):
        code = reader.code(at, 3, 1)
        if code:
            return code
    return None


def write_code(writer: Writer, code: str) -> None:
    writer.add("FTX", MUTUALLY_DEFINED, "", (code, "", MUTUALLY_DEFINED))
