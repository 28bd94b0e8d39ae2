"""DESADV (despatch advice) <-> ``ShipNotice``.

Header: BGM C002 1001 351, 1004 the shipment id; DTM 137 the date of the
notice, DTM 11 the despatch date (the notice's date when absent), DTM 17 the
estimated delivery; RFF CN the tracking number (RFF BM, then TDT 8028, read
when there is none); NAD SF the ship-from (CZ consignor and SU supplier read
too) and DP the ship-to (ST and CN read too); TDT C040 3127 the carrier and
3128 the ship method.

The CPS hierarchy is read by parent pointer (7166), so any arrangement of
levels reads; a parent comes before its children. A level with a package
identified by a GIN (any 7405; an SSCC under BJ) is a pack: PAC C202 7065 its
packaging, MEA with C502 6313 G (gross weight) its weight and unit. A pack
under a pack is nested (``parent_pack_id``); a level without a package id is
not a pack, and its lines belong to the pack above. Lines (LIN groups of a
level) belong to the level's pack; RFF ON gives the order (the header's RFF
ON when a line has none) and, in 1156, its line (LIN 1082 otherwise); QTY 12
the quantity despatched; GIN BX a lot, with its expiry in DTM 36, and GIN BN
serial numbers. LIN groups in a row for the same order line, pack and item,
each with one lot, are read as one line with several lots (``ship_notice_tree``
writes them so).

Not carried: nothing of the canonical ship notice; ``packs`` are listed in
the order the hierarchy meets them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from posync.codecs.edifact.mapping import message
from posync.codecs.edifact.mapping.items import item_numbers
from posync.codecs.edifact.mapping.parties import party_roles, pick, write_party
from posync.codecs.edifact.mapping.purchase_order import LINE_NUMBER, ship_method
from posync.codecs.edifact.mapping.reading import (
    At,
    Reader,
    dated,
    every,
    first,
    locate_group,
    references,
    sections,
)
from posync.codecs.edifact.mapping.ship_notice_tree import (
    DESPATCHED,
    EXPIRES,
    GROSS_WEIGHT,
    LOT,
    SERIAL,
    write_tree,
)
from posync.codecs.edifact.mapping.writing import Writer
from posync.codecs.edifact.segments import Segment
from posync.codecs.shipped_items import ShippedItem, shipped_lines
from posync.domain.documents import Lot, Pack, ShipNotice

DESPATCH_ADVICE = "351"
ISSUED, SHIPPED, ESTIMATED = "137", "11", "17"
_ROLES = ("SF", "CZ", "SU", "DP", "ST", "CN")
_WEIGHTS = (GROSS_WEIGHT, "AAB", "AAD")


@dataclass
class _Level:
    head: At
    parent: _Level | None
    own: list[At]
    lines: list[list[At]]
    pack_id: str | None = None


class ShipNoticeMapper:
    message_type = "DESADV"
    document_type = ShipNotice

    def decode(self, segments: Sequence[Segment], decimal_mark: str = ".") -> ShipNotice:
        reader = Reader("ShipNotice", decimal_mark)
        parts = sections(segments, "CPS")
        head = message.header(parts.header)
        bgm = first(head.own, "BGM")
        if bgm is None:
            reader.refuse("BGM", "is required: the beginning of the despatch advice")
        issued = dated(reader, head.own, (ISSUED,))
        if issued is None:
            reader.fail("DTM", "is required: a DTM 137 with the date of the despatch advice")
        order = next(iter(references(reader, head.own, "ON")), None)
        levels = _levels(reader, parts.details)
        packs = _packs(reader, levels)
        lines = shipped_lines(
            _item(reader, group, level, order) for level in levels for group in level.lines
        )
        parties = party_roles(reader, head.parties, _ROLES)
        transport = [group[0] for group in head.transport]
        tracking = references(reader, head.own, "CN") + references(reader, head.own, "BM")
        tracking += [c for at in transport if (c := reader.text(at, 2)) is not None]
        notice = ShipNotice(
            shipment_id=reader.required(bgm, 2, 1, "the shipment id"),
            issued_on=issued or date.min,
            ship_date=dated(reader, head.own, (SHIPPED,)) or issued or date.min,
            lines=lines,
            estimated_delivery_date=dated(reader, head.own, (ESTIMATED,)),
            carrier=next((c for at in transport if (c := reader.text(at, 5, 1))), None),
            tracking_number=tracking[0] if tracking else None,
            ship_method=ship_method(reader, head.transport),
            ship_from=pick(parties, ("SF", "CZ", "SU")),
            ship_to=pick(parties, ("DP", "ST", "CN")),
            packs=packs,
        )
        reader.finish()
        return notice

    def encode(self, document: ShipNotice) -> list[Segment]:
        notice = document
        writer = Writer("ShipNotice")
        writer.add(
            "BGM", DESPATCH_ADVICE, writer.text("BGM", 2, 1, notice.shipment_id, "shipment_id"), "9"
        )
        writer.date(ISSUED, notice.issued_on)
        writer.date(SHIPPED, notice.ship_date)
        writer.date(ESTIMATED, notice.estimated_delivery_date)
        if notice.tracking_number is not None:
            tracking = writer.text("RFF", 1, 2, notice.tracking_number, "tracking_number")
            writer.add("RFF", ("CN", tracking))
        for role, party, name in (
            ("SF", notice.ship_from, "ship_from"),
            ("DP", notice.ship_to, "ship_to"),
        ):
            if party is not None:
                write_party(writer, role, party, name)
        if notice.carrier is not None or notice.ship_method is not None:
            carrier = writer.text("TDT", 5, 1, notice.carrier, "carrier")
            method = writer.text("TDT", 5, 4, notice.ship_method, "ship_method")
            writer.add("TDT", "20", "", "", "", (carrier, "", "", method))
        write_tree(writer, notice)
        return writer.finish()


def _levels(reader: Reader, details: Sequence[Sequence[Segment]]) -> list[_Level]:
    """Each CPS group as a level: its own segments, its LIN groups, its parent."""
    by_id: dict[str, _Level] = {}
    levels = []
    for number, group in enumerate(details, start=1):
        located = locate_group(group, number)
        head = located[0]
        own, lines = _split_at_lines(located[1:])
        identifier, parent_id = reader.code(head, 1), reader.code(head, 2)
        parent = by_id.get(parent_id) if parent_id else None
        if parent_id and parent is None:
            reader.fail(head.field(2), f"names CPS {parent_id!r}, which does not come before it")
        level = _Level(head, parent, own, lines)
        if not identifier:
            reader.missing(head, 1, 1, "the hierarchical id")
        elif identifier in by_id:
            reader.fail(head.field(1), f"repeats the hierarchical id {identifier!r}")
        else:
            by_id[identifier] = level
        levels.append(level)
    return levels


def _split_at_lines(segments: Sequence[At]) -> tuple[list[At], list[list[At]]]:
    """A level's own segments (before its first LIN), and its LIN groups."""
    own: list[At] = []
    found: list[list[At]] = []
    for at in segments:
        if at.tag == "LIN":
            found.append([at])
        elif found:
            found[-1].append(at)
        else:
            own.append(at)
    return own, found


def _pack_above(level: _Level | None) -> str | None:
    while level is not None:
        if level.pack_id is not None:
            return level.pack_id
        level = level.parent
    return None


def _packs(reader: Reader, levels: Sequence[_Level]) -> tuple[Pack, ...]:
    packs: dict[str, Pack] = {}
    for level in levels:
        label = first(level.own, "GIN")
        pack_id = reader.text(label, 2, 1) if label is not None else None
        if pack_id is None:
            continue
        level.pack_id = pack_id
        package = first(level.own, "PAC")
        weight = next(
            (at for at in every(level.own, "MEA") if reader.code(at, 2, 1) in _WEIGHTS), None
        )
        packs.setdefault(
            pack_id,
            Pack(
                pack_id=pack_id,
                packaging=reader.text(package, 3, 1) if package else None,
                parent_pack_id=_pack_above(level.parent),
                gross_weight=reader.decimal(weight, 3, 2) if weight else None,
                weight_unit=(reader.code(weight, 3, 1) or None) if weight else None,
            ),
        )
    return tuple(packs.values())


def _item(
    reader: Reader, group: Sequence[At], level: _Level, order: str | None
) -> ShippedItem | None:
    head, own = group[0], group[1:]
    reference = first(own, "RFF", "ON")
    ordered_in = (reader.text(reference, 1, 2) if reference else None) or order
    if ordered_in is None:
        reader.fail(f"{head.inside}RFF", "is required: an RFF ON with the purchase order number")
    despatched = first(own, "QTY", DESPATCHED)
    if despatched is None:
        reader.fail(f"{head.inside}QTY", "is required: a QTY 12 with the quantity despatched")
        return None
    numbered = reference is not None and bool(reader.code(reference, 1, 3))
    number_at, component = (reference, 3) if reference is not None and numbered else (head, 1)
    amount = reader.decimal(despatched, 1, 2, required="the quantity despatched") or Decimal(0)
    unit = reader.code(despatched, 1, 3)
    if not unit:
        reader.missing(despatched, 1, 3, "the unit of the quantity despatched")
    lots = [lot for at in every(own, "GIN", (LOT,)) if (lot := reader.text(at, 2, 1)) is not None]
    if len(lots) > 1:
        reader.fail(
            head.field(1),
            "holds several lots whose quantities cannot be told apart: send a LIN group per lot",
        )
    serials = [
        serial
        for at in every(own, "GIN", (SERIAL,))
        for n in range(2, 7)
        if (serial := reader.text(at, n, 1)) is not None
    ]
    expires = dated(reader, own, (EXPIRES,))
    return ShippedItem(
        purchase_order_number=ordered_in or "",
        line_number=reader.whole(
            number_at,
            1,
            component,
            required="the order line number",
            positive=True,
            what=LINE_NUMBER,
        )
        or 0,
        quantity=amount,
        unit=unit,
        numbers=item_numbers(reader, head, own),
        pack_id=_pack_above(level),
        lots=[Lot(lot_number=lot, quantity=amount, expires_on=expires) for lot in lots[:1]],
        serials=list(dict.fromkeys(serials)),
    )
