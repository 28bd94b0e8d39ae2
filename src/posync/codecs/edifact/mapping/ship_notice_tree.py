"""Writing a DESADV's CPS hierarchy: the shipment, the packs, and the lines in them.

CPS 1 is the shipment (consignment). Lines are written in their order: a
line's packs, outermost first, each a CPS group pointing at its parent
(7166) with PAC (7224 1, one package; C202 7065 the packaging), MEA PD G (its
gross weight: C174 6411 the unit, 6314 the weight) and the pack id in a PCI
group's GIN (BJ, serial shipping container code, for an 18-digit id; ML,
marking label number, otherwise). Levels written for the line before are
reused while the packs are the same; a line in an outer pack (or in none)
after lines deeper down opens a CPS without a package under that pack's
level (or the shipment's), since a level's lines belong to the pack above. A pack holding no
line comes after, under its parent pack or the shipment.

Each line is a LIN group per lot (LIN 1082 the order's line number, item
numbers, QTY 12 the quantity despatched, GIN BX the lot, DTM 36 its expiry)
or one LIN group when there are no lots; the serial numbers go on the first,
GIN BN with up to five to a segment; RFF ON names the order and its line.
"""

from __future__ import annotations

from decimal import Decimal

from posync.codecs.edifact.mapping.items import ItemNumbers, write_line_head
from posync.codecs.edifact.mapping.purchase_order import write_quantity
from posync.codecs.edifact.mapping.writing import Writer
from posync.domain.documents import Lot, Pack, ShipNotice, ShippedLine

DESPATCHED, EXPIRES = "12", "36"
SSCC, LABEL, LOT, SERIAL = "BJ", "ML", "BX", "BN"
WEIGHT_APPLICATION, GROSS_WEIGHT = "PD", "G"
MARKED = "ZZZ"
_SERIALS_PER_GIN = 5


def write_tree(writer: Writer, notice: ShipNotice) -> None:
    _Tree(writer, notice).write()


class _Tree:
    def __init__(self, writer: Writer, notice: ShipNotice) -> None:
        self.writer = writer
        self.notice = notice
        self.packs = {pack.pack_id: pack for pack in notice.packs}
        self.indexes = {pack.pack_id: index for index, pack in enumerate(notice.packs)}
        self.count = 0
        self.written: dict[str, str] = {}  # pack id: the first level it was written at

    def level(self, parent: str | None) -> str:
        self.count += 1
        identifier = str(self.count)
        self.writer.add("CPS", identifier, parent or "")
        return identifier

    def write(self) -> None:
        shipment = self.level(None)
        path: list[tuple[str, str]] = []  # (pack id, level), from the outermost pack down
        for index, line in enumerate(self.notice.lines):
            chain = self._chain(line.pack_id, f"lines[{index}].pack_id")
            if [pack.pack_id for pack in chain] != [pack_id for pack_id, _ in path]:
                kept: list[tuple[str, str]] = []
                for pack, step in zip(chain, path, strict=False):
                    if pack.pack_id != step[0]:
                        break
                    kept.append(step)
                for pack in chain[len(kept) :]:
                    kept.append((pack.pack_id, self._pack(pack, kept[-1][1] if kept else shipment)))
                target = kept[-1][1] if kept else shipment
                if str(self.count) != target:
                    self.level(target)  # back up the tree: a level without a package of its own
                path = kept
            self._items(line, f"lines[{index}]")
        for loose in self.notice.packs:
            if loose.pack_id in self.written:
                continue
            parent = shipment
            for outer in self._chain(loose.pack_id, f"packs[{self.indexes[loose.pack_id]}]"):
                known = self.written.get(outer.pack_id)
                parent = known if known is not None else self._pack(outer, parent)

    def _chain(self, pack_id: str | None, field: str) -> list[Pack]:
        chain: list[Pack] = []
        while pack_id is not None:
            pack = self.packs.get(pack_id)
            if pack is None or pack in chain:
                self.writer.fail(field, f"names pack {pack_id!r}, which EDIFACT cannot place")
                return []
            chain.insert(0, pack)
            pack_id = pack.parent_pack_id
        return chain

    def _pack(self, pack: Pack, parent: str) -> str:
        """A CPS level for ``pack`` under ``parent``, with its package; the level's id."""
        writer = self.writer
        level = self.level(parent)
        where = f"packs[{self.indexes[pack.pack_id]}]"
        self.written.setdefault(pack.pack_id, level)
        packaging = writer.text("PAC", 3, 1, pack.packaging, f"{where}.packaging")
        writer.add("PAC", "1", "", (packaging,))
        if pack.gross_weight is not None:
            weight = writer.decimal("MEA", 3, 2, pack.gross_weight, f"{where}.gross_weight")
            unit = writer.text("MEA", 3, 1, pack.weight_unit, f"{where}.weight_unit")
            writer.add("MEA", WEIGHT_APPLICATION, (GROSS_WEIGHT,), (unit, weight))
        elif pack.weight_unit is not None:
            writer.fail(
                f"{where}.weight_unit", "EDIFACT carries a weight unit only beside a weight"
            )
        sscc = len(pack.pack_id) == 18 and pack.pack_id.isdigit()
        writer.add("PCI", MARKED)
        pack_id = writer.text("GIN", 2, 1, pack.pack_id, f"{where}.pack_id")
        writer.add("GIN", SSCC if sscc else LABEL, (pack_id,))
        return level

    def _items(self, line: ShippedLine, field: str) -> None:
        writer = self.writer
        numbers = ItemNumbers(line.buyer_item, line.supplier_item, line.gtin)
        parts: list[tuple[Decimal, Lot | None]] = [(lot.quantity, lot) for lot in line.lots]
        for index, (amount, lot) in enumerate(parts or [(line.quantity, None)]):
            write_line_head(writer, line.line_number, "", numbers, field)
            write_quantity(writer, DESPATCHED, amount, line.unit_of_measure, field)
            if lot is not None:
                lot_number = writer.text(
                    "GIN", 2, 1, lot.lot_number, f"{field}.lots[{index}].lot_number"
                )
                writer.add("GIN", LOT, (lot_number,))
            if index == 0:
                serials = [
                    (writer.text("GIN", 2, 1, serial, f"{field}.serial_numbers[{n}]"),)
                    for n, serial in enumerate(line.serial_numbers)
                ]
                for start in range(0, len(serials), _SERIALS_PER_GIN):
                    writer.add("GIN", SERIAL, *serials[start : start + _SERIALS_PER_GIN])
            if lot is not None:
                writer.date(EXPIRES, lot.expires_on)
            order = writer.text(
                "RFF", 1, 2, line.purchase_order_number, f"{field}.purchase_order_number"
            )
            writer.add(
                "RFF",
                ("ON", order, writer.whole("RFF", 1, 3, line.line_number, f"{field}.line_number")),
            )
