"""What the X12 856 and EDIFACT DESADV mappings share: shipped items, lots folded into lines.

Both standards may send one item level (HL item, CPS/LIN) per lot of a line.
Each level is read as a ``ShippedItem``; ``shipped_lines`` folds the items in
a row that continue the same line (same order, line, unit, item numbers and
pack, each with one lot) into one line with its lots and serials.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from posync.domain.documents import Lot, ShippedLine


class ItemNumbers(Hashable, Protocol):
    """A standard's reading of an item's numbers (buyer's, supplier's, GTIN)."""

    @property
    def buyer_item(self) -> str | None: ...

    @property
    def supplier_item(self) -> str | None: ...

    @property
    def gtin(self) -> str | None: ...


@dataclass
class ShippedItem:
    """One item level as read, before the levels of one line are folded together."""

    purchase_order_number: str
    line_number: int
    quantity: Decimal
    unit: str
    numbers: ItemNumbers
    pack_id: str | None
    lots: list[Lot] = field(default_factory=list)
    serials: list[str] = field(default_factory=list)

    def _key(self) -> tuple[object, ...]:
        return (self.purchase_order_number, self.line_number, self.unit, self.numbers, self.pack_id)

    def continues(self, other: ShippedItem) -> bool:
        """Whether ``other`` is the next lot of this line, as item levels in a row say."""
        return bool(self.lots) and len(other.lots) == 1 and self._key() == other._key()

    def absorb(self, lot: ShippedItem) -> None:
        """Take ``lot``, the next lot of this line, into it."""
        self.quantity += lot.quantity
        self.lots.extend(lot.lots)
        self.serials.extend(s for s in lot.serials if s not in self.serials)

    def line(self) -> ShippedLine:
        return ShippedLine(
            purchase_order_number=self.purchase_order_number,
            line_number=self.line_number,
            quantity=self.quantity,
            unit_of_measure=self.unit,
            buyer_item=self.numbers.buyer_item,
            supplier_item=self.numbers.supplier_item,
            gtin=self.numbers.gtin,
            pack_id=self.pack_id,
            lots=tuple(self.lots),
            serial_numbers=tuple(self.serials),
        )


def shipped_lines(items: Iterable[ShippedItem | None]) -> tuple[ShippedLine, ...]:
    """The lines of ``items`` in order, each line's lots folded in; ``None`` items skipped."""
    folded: list[ShippedItem] = []
    for item in items:
        if item is None:
            continue
        if folded and folded[-1].continues(item):
            folded[-1].absorb(item)
        else:
            folded.append(item)
    return tuple(item.line() for item in folded)
