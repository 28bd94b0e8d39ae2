"""A supplier's advance ship notice: what left, how, packed how."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from posync.domain.errors import Problem
from posync.domain.validation import UNIT_CODE, Checks, Validated
from posync.domain.values import Party


@dataclass(frozen=True, slots=True, kw_only=True)
class Lot:
    lot_number: str
    quantity: Decimal
    expires_on: date | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("lot_number", self.lot_number, max_length=48)
        checks.positive("quantity", self.quantity)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class Pack:
    """A package or pallet; ``parent_pack_id`` nests cartons on pallets."""

    pack_id: str
    packaging: str | None = None
    parent_pack_id: str | None = None
    gross_weight: Decimal | None = None
    weight_unit: str | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("pack_id", self.pack_id, max_length=48)
        checks.not_negative("gross_weight", self.gross_weight)
        checks.pattern("weight_unit", self.weight_unit, UNIT_CODE, "a unit code like 'KGM'")
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class ShippedLine:
    purchase_order_number: str
    line_number: int
    quantity: Decimal
    unit_of_measure: str
    buyer_item: str | None = None
    supplier_item: str | None = None
    gtin: str | None = None
    pack_id: str | None = None
    lots: tuple[Lot, ...] = ()
    serial_numbers: tuple[str, ...] = ()

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("purchase_order_number", self.purchase_order_number, max_length=40)
        checks.positive("line_number", self.line_number)
        checks.positive("quantity", self.quantity)
        checks.pattern("unit_of_measure", self.unit_of_measure, UNIT_CODE, "a unit code like 'EA'")
        checks.gtin("gtin", self.gtin)
        checks.each("lots", self.lots)
        if self.lots and all(lot.quantity.is_finite() for lot in self.lots):
            in_lots = sum((lot.quantity for lot in self.lots), Decimal(0))
            if self.quantity.is_finite() and in_lots != self.quantity:
                checks.add("lots", f"quantities add up to {in_lots}, but {self.quantity} shipped")
        checks.unique("serial_numbers", self.serial_numbers, "serial number")
        serials = len(self.serial_numbers)
        if serials and self.quantity.is_finite() and Decimal(serials) != self.quantity:
            checks.add(
                "serial_numbers", f"lists {serials} serials for a quantity of {self.quantity}"
            )
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class ShipNotice(Validated):
    shipment_id: str
    issued_on: date
    ship_date: date
    lines: tuple[ShippedLine, ...]
    estimated_delivery_date: date | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    ship_method: str | None = None
    ship_from: Party | None = None
    ship_to: Party | None = None
    packs: tuple[Pack, ...] = ()

    @property
    def purchase_order_numbers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(line.purchase_order_number for line in self.lines))

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("shipment_id", self.shipment_id, max_length=48)
        checks.not_after("ship_date", self.ship_date, self.estimated_delivery_date)
        checks.text("carrier", self.carrier, required=False, max_length=80)
        checks.text("tracking_number", self.tracking_number, required=False, max_length=80)
        checks.nested("ship_from", self.ship_from)
        checks.nested("ship_to", self.ship_to)
        if not self.lines:
            checks.add("lines", "must hold at least one line")
        checks.each("lines", self.lines)
        checks.each("packs", self.packs)
        pack_ids = [pack.pack_id for pack in self.packs]
        checks.unique("packs", pack_ids, "pack_id")
        known = set(pack_ids)
        for index, pack in enumerate(self.packs):
            if pack.parent_pack_id is not None and pack.parent_pack_id not in known:
                checks.add(
                    f"packs[{index}].parent_pack_id", f"names unknown pack {pack.parent_pack_id!r}"
                )
        for index, line in enumerate(self.lines):
            if line.pack_id is not None and line.pack_id not in known:
                checks.add(f"lines[{index}].pack_id", f"names unknown pack {line.pack_id!r}")
        return checks.found
