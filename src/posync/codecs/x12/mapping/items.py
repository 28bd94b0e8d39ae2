"""Item numbers, descriptions and free text, as every set writes them.

Item numbers come in qualifier/identifier pairs at the end of PO1, POC, ACK,
LIN and IT1. Read: BP, IN or PI is the buyer's item, VP, VN or SA the
supplier's, UP, EN, UK or EO a GTIN; other qualifiers are not carried.
Written: BP and VP, and the GTIN under the qualifier of its length (EO 8, UP
12, EN 13, UK 14 digits).

A description is a run of free-form PID segments (PID01 F, text in PID05),
a reason a run of ``REF*ZZ`` (text in REF03), a note an N9 loop (``N9*L1``)
with its text in MSG01. A text too long for one element is cut at spaces into
as many segments as it takes, and read back by joining them with one space.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from posync.codecs.x12.mapping.common import At, Reader, every, joined, pieces
from posync.codecs.x12.mapping.writing import Writer

BUYER_ITEM = ("BP", "IN", "PI")
SUPPLIER_ITEM = ("VP", "VN", "SA")
GTIN = ("UP", "EN", "UK", "EO")
_GTIN_QUALIFIERS = {8: "EO", 12: "UP", 13: "EN", 14: "UK"}
_PID_WIDTH = 80
_REF_WIDTH = 80
_MSG_WIDTH = 264


@dataclass(frozen=True, slots=True)
class ItemNumbers:
    buyer_item: str | None = None
    supplier_item: str | None = None
    gtin: str | None = None


def id_pairs(reader: Reader, at: At, start: int) -> list[tuple[str, str]]:
    """The qualifier/identifier pairs of a segment from position ``start`` on."""
    pairs = []
    for position in range(start, len(at.segment) + 1, 2):
        qualifier, value = reader.code(at, position), reader.text(at, position + 1)
        if qualifier and value is not None:
            pairs.append((qualifier, value))
    return pairs


def item_numbers(pairs: Iterable[tuple[str, str]]) -> ItemNumbers:
    found: dict[str, str] = {}
    for qualifier, value in pairs:
        found.setdefault(qualifier, value)
    return ItemNumbers(
        best_of(found, BUYER_ITEM), best_of(found, SUPPLIER_ITEM), best_of(found, GTIN)
    )


def best_of(found: Mapping[str, str], qualifiers: Sequence[str]) -> str | None:
    """The identifier under the first of ``qualifiers`` that ``found`` holds."""
    for qualifier in qualifiers:
        if qualifier in found:
            return found[qualifier]
    return None


def write_ids(
    writer: Writer,
    tag: str,
    start: int,
    numbers: ItemNumbers,
    field: str,
    extra: Sequence[tuple[str, str, str]] = (),
) -> list[str]:
    """The pairs for ``numbers`` and ``extra`` (qualifier, value, field), the first qualifier
    at position ``start``."""
    wanted: list[tuple[str, str, str]] = []
    if numbers.buyer_item is not None:
        wanted.append(("BP", numbers.buyer_item, f"{field}buyer_item"))
    if numbers.supplier_item is not None:
        wanted.append(("VP", numbers.supplier_item, f"{field}supplier_item"))
    if numbers.gtin is not None:
        qualifier = _GTIN_QUALIFIERS.get(len(numbers.gtin))
        if qualifier is None:
            writer.fail(
                f"{field}gtin",
                f"X12 qualifies a GTIN of 8, 12, 13 or 14 digits, got {numbers.gtin!r}",
            )
        else:
            wanted.append((qualifier, numbers.gtin, f"{field}gtin"))
    wanted.extend(extra)
    elements = []
    for index, (qualifier, value, name) in enumerate(wanted):
        position = start + 2 * index + 1
        elements += [qualifier, writer.text(f"{tag}{position:02d}", value, name)]
    return elements


def description(reader: Reader, segments: Iterable[At]) -> str | None:
    """The free-form PID05 texts of a loop, joined; structured PIDs are not descriptions."""
    return joined(
        text
        for at in every(segments, "PID")
        if reader.code(at, 1) in ("F", "") and (text := reader.text(at, 5)) is not None
    )


def write_description(writer: Writer, text: str | None, field: str) -> None:
    for part in _parts(writer, text, _PID_WIDTH, "PID05", field):
        writer.add("PID", "F", "", "", "", part)


def reason(reader: Reader, segments: Iterable[At]) -> str | None:
    """The text of the ``REF*ZZ`` segments of a loop, joined."""
    texts = []
    for at in every(segments, "REF"):
        if reader.code(at, 1) == "ZZ":
            text = reader.text(at, 3) or reader.text(at, 2)
            if text is not None:
                texts.append(text)
    return joined(texts)


def write_reason(writer: Writer, text: str | None, field: str) -> None:
    for part in _parts(writer, text, _REF_WIDTH, "REF03", field):
        writer.add("REF", "ZZ", "", part)


N9_MEMBERS = frozenset({"DTM", "MSG"})


def notes(reader: Reader, loops: Iterable[Sequence[At]]) -> tuple[str, ...]:
    """One note for each N9 loop that holds message text."""
    found = []
    for loop in loops:
        text = joined(t for at in every(loop, "MSG") if (t := reader.text(at, 1)) is not None)
        if text is not None:
            found.append(text)
    return tuple(found)


def write_notes(writer: Writer, texts: Sequence[str], field: str) -> None:
    for index, text in enumerate(texts):
        parts = _parts(writer, text, _MSG_WIDTH, "MSG01", f"{field}[{index}]")
        if parts:
            writer.add("N9", "L1", str(index + 1))
            for part in parts:
                writer.add("MSG", part)


def _parts(writer: Writer, text: str | None, width: int, element: str, field: str) -> list[str]:
    if text is None or text == "":
        return []
    parts = pieces(text, width)
    if parts is None:
        writer.fail(
            field,
            f"{element} holds {width} characters; a longer text must break at spaces "
            f"into several segments, got {text!r}",
        )
        return []
    return parts
