"""Writing an 856's HL tree: the shipment, an order per run of lines, their packs, their items.

Levels are numbered in the order written, each pointing at its parent (HL02),
with HL04 1 when levels hang from it. Lines are written in their order: a new
order level starts where the purchase order number changes, and a line's
packs, outermost first, are written under the order (levels already written
for the line before are reused). A pack that holds no line hangs from the
level of its parent pack, or from the shipment. A pack holding packs is a
tare level (T), any other a pack (P).
"""

from __future__ import annotations

from decimal import Decimal
from itertools import takewhile

from posync.codecs.x12.mapping.items import ItemNumbers, write_ids
from posync.codecs.x12.mapping.parties import write_party
from posync.codecs.x12.mapping.writing import Writer
from posync.domain.documents import Lot, Pack, ShipNotice, ShippedLine

SHIPPED, ESTIMATED, EXPIRES = "011", "017", "036"
SSCC_PREFIX = "00"


def write_levels(writer: Writer, notice: ShipNotice) -> None:
    """The HL levels of ``notice`` and what each holds, then CTT."""
    _Levels(writer, notice).write()


class _Levels:
    """Writes the HL tree: shipment, an order per run of lines, their packs, their items."""

    def __init__(self, writer: Writer, notice: ShipNotice) -> None:
        self.writer = writer
        self.notice = notice
        self.packs = {pack.pack_id: pack for pack in notice.packs}
        self.nested = {pack.parent_pack_id for pack in notice.packs if pack.parent_pack_id}
        self.levels: list[tuple[str, str, str, list[list[str]]]] = []
        self.written: dict[str, str] = {}  # pack id: the level it was first written at

    def level(self, parent: str, code: str, body: list[list[str]]) -> str:
        identifier = str(len(self.levels) + 1)
        self.levels.append((identifier, parent, code, body))
        return identifier

    def write(self) -> None:
        notice, writer = self.notice, self.writer
        shipment = self.level("", "S", self._shipment())
        order_number: str | None = None
        order = shipment
        path: list[tuple[str, str]] = []
        for index, line in enumerate(notice.lines):
            if line.purchase_order_number != order_number:
                order_number = line.purchase_order_number
                prf = writer.text("PRF01", order_number, f"lines[{index}].purchase_order_number")
                order, path = self.level(shipment, "O", [["PRF", prf]]), []
            chain = self._chain(line.pack_id, f"lines[{index}].pack_id")
            path = self._packs_for(chain, path, order)
            parent = path[-1][1] if path else order
            for body in self._items(line, f"lines[{index}]"):
                self.level(parent, "I", body)
        for index, pack in enumerate(notice.packs):
            if pack.pack_id not in self.written:
                chain = self._chain(pack.pack_id, f"packs[{index}].parent_pack_id")
                placed = list(takewhile(lambda p: p.pack_id in self.written, chain))
                self._packs_for(
                    chain, [(p.pack_id, self.written[p.pack_id]) for p in placed], shipment
                )
        parents = {parent for _, parent, _, _ in self.levels}
        for identifier, parent, code, body in self.levels:
            writer.add("HL", identifier, parent, code, "1" if identifier in parents else "0")
            for segment in body:
                writer.add(*segment)
        writer.add("CTT", str(len(self.levels)))

    def _shipment(self) -> list[list[str]]:
        notice, writer = self.notice, self.writer
        body: list[list[str]] = []
        if notice.carrier is not None or notice.ship_method is not None:
            carrier = writer.text("TD503", notice.carrier, "carrier")
            method = writer.text("TD505", notice.ship_method, "ship_method")
            body.append(["TD5", "", "2" if carrier else "", carrier, "", method])
        if notice.tracking_number is not None:
            body.append(
                ["REF", "CN", writer.text("REF02", notice.tracking_number, "tracking_number")]
            )
        body.append(["DTM", SHIPPED, writer.date(notice.ship_date)])
        if notice.estimated_delivery_date is not None:
            body.append(["DTM", ESTIMATED, writer.date(notice.estimated_delivery_date)])
        start = len(writer.segments)
        for role, party, name in (
            ("SF", notice.ship_from, "ship_from"),
            ("ST", notice.ship_to, "ship_to"),
        ):
            if party is not None:
                write_party(writer, role, party, name)
        return body + writer.detach(start)

    def _chain(self, pack_id: str | None, field_name: str) -> list[Pack]:
        """The packs from the outermost down to ``pack_id``."""
        chain: list[Pack] = []
        while pack_id is not None:
            pack = self.packs.get(pack_id)
            if pack is None or pack in chain:
                self.writer.fail(field_name, f"names pack {pack_id!r}, which X12 cannot place")
                return []
            chain.insert(0, pack)
            pack_id = pack.parent_pack_id
        return chain

    def _packs_for(
        self, chain: list[Pack], path: list[tuple[str, str]], base: str
    ) -> list[tuple[str, str]]:
        """The levels for ``chain``, reusing those of ``path`` it shares."""
        kept: list[tuple[str, str]] = []
        for pack, step in zip(chain, path, strict=False):
            if pack.pack_id != step[0]:
                break
            kept.append(step)
        for pack in chain[len(kept) :]:
            parent = kept[-1][1] if kept else base
            level = self.level(parent, self._pack_level(pack), self._pack_body(pack))
            kept.append((pack.pack_id, level))
            self.written.setdefault(pack.pack_id, level)
        return kept

    def _pack_level(self, pack: Pack) -> str:
        return "T" if pack.pack_id in self.nested else "P"

    def _pack_body(self, pack: Pack) -> list[list[str]]:
        writer = self.writer
        index = list(self.packs).index(pack.pack_id)
        where = f"packs[{index}]"
        is_sscc = len(pack.pack_id) == 18 and pack.pack_id.isdigit()
        # TD1 stands before MAN in the HL loop; TD101 (packaging) needs TD102 (how
        # many): a pack level is one package.
        body: list[list[str]] = []
        weight = writer.decimal("TD107", pack.gross_weight, f"{where}.gross_weight")
        unit = writer.unit("TD108", pack.gross_weight, pack.weight_unit, f"{where}.weight_unit")
        if pack.weight_unit is not None and pack.gross_weight is None:
            writer.fail(f"{where}.weight_unit", "X12 carries a weight unit only beside a weight")
        packaging = writer.text("TD101", pack.packaging, f"{where}.packaging")
        if packaging or weight:
            count = "1" if packaging else ""
            body.append(["TD1", packaging, count, "", "", "", "G" if weight else "", weight, unit])
        body.append(
            ["MAN", "GM", SSCC_PREFIX + pack.pack_id]
            if is_sscc
            else ["MAN", "ZZ", writer.text("MAN02", pack.pack_id, f"{where}.pack_id")]
        )
        return body

    def _items(self, line: ShippedLine, field_name: str) -> list[list[list[str]]]:
        writer = self.writer
        numbers = ItemNumbers(line.buyer_item, line.supplier_item, line.gtin)
        parts: list[tuple[Decimal, Lot | None]] = [(lot.quantity, lot) for lot in line.lots]
        bodies = []
        for index, (quantity, lot) in enumerate(parts or [(line.quantity, None)]):
            extra = []
            if lot is not None:
                extra = [("LT", lot.lot_number, f"{field_name}.lots[{index}].lot_number")]
            body = [
                [
                    "LIN",
                    writer.text("LIN01", str(line.line_number), f"{field_name}.line_number"),
                    *write_ids(writer, "LIN", 2, numbers, f"{field_name}.", extra),
                ],
                [
                    "SN1",
                    "",
                    writer.decimal("SN102", quantity, f"{field_name}.quantity"),
                    writer.unit(
                        "SN103", quantity, line.unit_of_measure, f"{field_name}.unit_of_measure"
                    ),
                ],
            ]
            if index == 0:
                body.extend(
                    ["REF", "SE", writer.text("REF02", serial, f"{field_name}.serial_numbers[{n}]")]
                    for n, serial in enumerate(line.serial_numbers)
                )
            if lot is not None and lot.expires_on is not None:
                body.append(["DTM", EXPIRES, writer.date(lot.expires_on)])
            bodies.append(body)
        return bodies
