"""856 Ship Notice/Manifest <-> ``ShipNotice``.

BSN: 02 the shipment id, 03 the date of the notice (``issued_on``), 04 its
time (0000 written), 05 the structure (0001 with packs, 0004 without).

The HL tree is read by parent pointer (HL02), so any arrangement of levels
reads (packs above or below the order level); as the standard says, a parent
comes before its children. At the shipment level (S, and the header before the first HL): TD5
(TD503 the carrier's SCAC, written with TD502 2; TD505 the ship method),
REF*CN the tracking number (REF*BM when there is none), DTM*011 the ship date
(BSN03 when absent) and DTM*017 the estimated delivery, N1*SF ship-from and
N1*ST ship-to (read from an order level when the shipment has none). An order
level (O) gives PRF01, the purchase order number of every item under it.

Tare (T) and pack (P) levels are packs: MAN02 the pack id (written with MAN01
GM, as AI 00 and the SSCC, for an 18-digit id, ZZ otherwise); TD101 the
packaging code, TD107/TD108 the gross weight and its unit. A pack under a
pack is nested (``parent_pack_id``); a pack level without MAN is not a pack
of its own, and what is under it belongs to the pack above. An item (I)
under a pack is in that pack.

Items: LIN01 is the line number of the purchase order (SN101 when LIN01 is
empty), LIN02 on its item numbers, SN102/SN103 the quantity and unit.
Lots: one item level per lot, the lot number as LIN qualifier LT (REF*LT is
read too), the lot's quantity in SN102, its expiry in DTM*036; item levels in
a row for the same order line, pack and item, each with one lot, are read as
one line with several lots. Serial numbers: one REF*SE each, on the line's
first item level (LIN qualifier SN is read too). CTT01 counts the HL levels.

Not carried by X12: nothing of the canonical ship notice; the order of
``packs`` follows the tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from posync.codecs.segment_groups import groups
from posync.codecs.shipped_items import ShippedItem, shipped_lines
from posync.codecs.x12.mapping.common import (
    At,
    EncodeOptions,
    Reader,
    dated,
    every,
    first,
    locate,
    references,
    without_envelope,
)
from posync.codecs.x12.mapping.items import id_pairs, item_numbers
from posync.codecs.x12.mapping.parties import N1_MEMBERS, party_roles, pick
from posync.codecs.x12.mapping.ship_notice_tree import (
    ESTIMATED,
    EXPIRES,
    SHIPPED,
    SSCC_PREFIX,
    write_levels,
)
from posync.codecs.x12.mapping.writing import Writer
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import Lot, Pack, ShipNotice

_PACK_LEVELS = ("T", "P")
_ROLES = ("SF", "ST")
LINE_NUMBER = "a line number (a whole number greater than zero)"


@dataclass
class _Node:
    head: At
    level: str
    parent: _Node | None
    segments: list[At] = field(default_factory=list)
    pack_id: str | None = None


class ShipNoticeMapper:
    transaction_set = "856"
    functional_group = "SH"
    document_type = ShipNotice

    def decode(self, segments: Sequence[Segment], delimiters: Delimiters) -> ShipNotice:
        reader = Reader("ShipNotice", delimiters)
        header, nodes = _tree(reader, segments)
        bsn = first(header, "BSN")
        if bsn is None:
            reader.refuse("BSN", "is required: the beginning segment of the ship notice")
        issued_on = reader.date(bsn, 3, required="the date of the notice")
        shipment = header + [at for node in nodes if node.level == "S" for at in node.segments]
        orders = [at for node in nodes if node.level == "O" for at in node.segments]
        parties = party_roles(reader, groups(shipment, "N1", N1_MEMBERS)[1], _ROLES)
        order_parties = party_roles(reader, groups(orders, "N1", N1_MEMBERS)[1], _ROLES)
        packs = _packs(reader, nodes)
        lines = shipped_lines(_item(reader, node) for node in nodes if node.level == "I")
        notice = ShipNotice(
            shipment_id=reader.required(bsn, 2, "the shipment id"),
            issued_on=issued_on or date.min,
            ship_date=dated(reader, shipment, (SHIPPED,)) or issued_on or date.min,
            lines=lines,
            estimated_delivery_date=dated(reader, shipment, (ESTIMATED,)),
            carrier=next((c for at in every(shipment, "TD5") if (c := reader.text(at, 3))), None),
            tracking_number=next(
                iter(references(reader, shipment, "CN") + references(reader, shipment, "BM")),
                None,
            ),
            ship_method=next(
                (m for at in every(shipment, "TD5") if (m := reader.text(at, 5))), None
            ),
            ship_from=pick(parties, ("SF",)) or pick(order_parties, ("SF",)),
            ship_to=pick(parties, ("ST",)) or pick(order_parties, ("ST",)),
            packs=packs,
        )
        reader.finish()
        return notice

    def encode(self, document: ShipNotice, options: EncodeOptions) -> list[list[str]]:
        writer = Writer("ShipNotice", options)
        writer.add(
            "BSN",
            "00",
            writer.text("BSN02", document.shipment_id, "shipment_id"),
            writer.date(document.issued_on),
            "0000",
            "0001" if document.packs else "0004",
        )
        write_levels(writer, document)
        return writer.finish()


def _tree(reader: Reader, segments: Sequence[Segment]) -> tuple[list[At], list[_Node]]:
    """The segments before the first HL, and each HL with the segments under it."""
    header: list[Segment] = []
    nodes: list[_Node] = []
    raw: list[list[Segment]] = []
    for segment in without_envelope(segments):
        if segment.tag == "CTT":
            break
        if segment.tag == "HL":
            raw.append([segment])
        elif raw:
            raw[-1].append(segment)
        else:
            header.append(segment)
    by_id: dict[str, _Node] = {}
    for number, (head, *rest) in enumerate(raw, start=1):
        prefix = f"HL[{number}]."
        at = At(head, prefix)
        identifier, parent_id = reader.code(at, 1), reader.code(at, 2)
        parent = by_id.get(parent_id) if parent_id else None
        if parent_id and parent is None:
            reader.fail(at.field(2), f"names HL {parent_id!r}, which does not come before it")
        node = _Node(at, reader.code(at, 3), parent, locate(rest, prefix))
        if not identifier:
            reader.missing(at, 1, "the hierarchical id")
        elif identifier in by_id:
            reader.fail(at.field(1), f"repeats the hierarchical id {identifier!r}")
        else:
            by_id[identifier] = node
        nodes.append(node)
    return locate(header), nodes


def _ancestors(node: _Node) -> list[_Node]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def _packs(reader: Reader, nodes: Sequence[_Node]) -> tuple[Pack, ...]:
    packs: dict[str, Pack] = {}
    for node in nodes:
        manifest = first(node.segments, "MAN") if node.level in _PACK_LEVELS else None
        pack_id = reader.text(manifest, 2) if manifest is not None else None
        if manifest is None or pack_id is None:
            continue
        if reader.code(manifest, 1) == "GM" and len(pack_id) == 20 and pack_id.isdigit():
            pack_id = pack_id.removeprefix(SSCC_PREFIX)
        node.pack_id = pack_id
        carrier = first(node.segments, "TD1")
        weighed = carrier is not None and reader.code(carrier, 6) in ("G", "")
        packs.setdefault(
            pack_id,
            Pack(
                pack_id=pack_id,
                packaging=reader.text(carrier, 1) if carrier else None,
                parent_pack_id=_pack_above(node),
                gross_weight=reader.decimal(carrier, 7) if carrier and weighed else None,
                weight_unit=reader.unit(carrier, 8) if carrier and weighed else None,
            ),
        )
    return tuple(packs.values())


def _pack_above(node: _Node) -> str | None:
    return next((a.pack_id for a in _ancestors(node) if a.pack_id is not None), None)


def _item(reader: Reader, node: _Node) -> ShippedItem | None:
    lin, sn1 = first(node.segments, "LIN"), first(node.segments, "SN1")
    order = next(
        (at for n in (node, *_ancestors(node)) if (at := first(n.segments, "PRF")) is not None),
        None,
    )
    if order is None:
        reader.fail(
            node.head.field(2), "an item must sit under an order level with PRF01 (the order)"
        )
    if sn1 is None:
        reader.fail(f"{node.head.prefix}SN1", "is required: the quantity shipped")
        return None
    number_at = lin if lin is not None and reader.code(lin, 1) else sn1
    pairs = id_pairs(reader, lin, 2) if lin is not None else []
    quantity = reader.decimal(sn1, 2, required="the quantity shipped") or Decimal(0)
    lots = list(
        dict.fromkeys([v for q, v in pairs if q == "LT"] + references(reader, node.segments, "LT"))
    )
    if len(lots) > 1:
        reader.fail(
            node.head.field(1),
            "holds several lots whose quantities cannot be told apart: send an item level per lot",
        )
    serials = [v for q, v in pairs if q == "SN"] + references(reader, node.segments, "SE")
    expires = dated(reader, node.segments, (EXPIRES,))
    return ShippedItem(
        purchase_order_number=(
            reader.required(order, 1, "the purchase order number") if order else ""
        ),
        line_number=reader.whole(
            number_at, 1, required="the order line number", positive=True, what=LINE_NUMBER
        )
        or 0,
        quantity=quantity,
        unit=reader.unit(sn1, 3) or _missing_unit(reader, sn1),
        numbers=item_numbers(pairs),
        pack_id=_pack_above(node),
        lots=[Lot(lot_number=lot, quantity=quantity, expires_on=expires) for lot in lots[:1]],
        serials=list(dict.fromkeys(serials)),
    )


def _missing_unit(reader: Reader, at: At) -> str:
    reader.missing(at, 3, "the unit of the quantity shipped")
    return ""
