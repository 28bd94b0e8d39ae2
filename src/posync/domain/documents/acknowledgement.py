"""A supplier's answer to a purchase order or to a buyer's change, line by line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from posync.domain.errors import Problem
from posync.domain.validation import UNIT_CODE, Checks, Validated


class AcknowledgementStatus(StrEnum):
    """The supplier's answer for the order as a whole."""

    ACCEPTED = "accepted"
    ACCEPTED_WITH_CHANGES = "accepted_with_changes"
    REJECTED = "rejected"


class LineStatus(StrEnum):
    """The supplier's answer for one line."""

    ACCEPTED = "accepted"
    ACCEPTED_WITH_CHANGES = "accepted_with_changes"
    QUANTITY_CHANGED = "quantity_changed"
    PRICE_CHANGED = "price_changed"
    DATE_CHANGED = "date_changed"
    ITEM_CHANGED = "item_changed"
    BACKORDERED = "backordered"
    PARTIALLY_BACKORDERED = "partially_backordered"
    ON_HOLD = "on_hold"
    REJECTED = "rejected"

    @property
    def changes_the_order(self) -> bool:
        return self not in (LineStatus.ACCEPTED, LineStatus.ON_HOLD)


@dataclass(frozen=True, slots=True, kw_only=True)
class AcknowledgedLine:
    """One line as the supplier confirms it; values left out mean 'as ordered'."""

    line_number: int
    status: LineStatus
    quantity: Decimal | None = None
    unit_of_measure: str | None = None
    unit_price: Decimal | None = None
    backordered_quantity: Decimal | None = None
    promised_ship_date: date | None = None
    promised_delivery_date: date | None = None
    buyer_item: str | None = None
    supplier_item: str | None = None
    reason: str | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.positive("line_number", self.line_number)
        checks.not_negative("quantity", self.quantity)
        checks.pattern("unit_of_measure", self.unit_of_measure, UNIT_CODE, "a unit code like 'EA'")
        checks.not_negative("unit_price", self.unit_price)
        checks.not_negative("backordered_quantity", self.backordered_quantity)
        checks.not_after("promised_ship_date", self.promised_ship_date, self.promised_delivery_date)
        checks.text("reason", self.reason, required=False, max_length=1000)
        needs = {
            LineStatus.QUANTITY_CHANGED: ("quantity", self.quantity),
            LineStatus.PRICE_CHANGED: ("unit_price", self.unit_price),
            LineStatus.PARTIALLY_BACKORDERED: ("backordered_quantity", self.backordered_quantity),
        }
        if self.status in needs:
            name, value = needs[self.status]
            if value is None:
                checks.add(name, f"is required when the line status is {self.status.value}")
        if self.status is LineStatus.DATE_CHANGED and (
            self.promised_ship_date is None and self.promised_delivery_date is None
        ):
            checks.add("promised_delivery_date", "is required when the line status is date_changed")
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderAcknowledgement(Validated):
    """The supplier's acknowledgement of an order, or of change ``change_number``."""

    purchase_order_number: str
    issued_on: date
    status: AcknowledgementStatus
    lines: tuple[AcknowledgedLine, ...] = ()
    supplier_order_number: str | None = None
    change_number: int | None = None
    reason: str | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("purchase_order_number", self.purchase_order_number, max_length=40)
        checks.text(
            "supplier_order_number", self.supplier_order_number, required=False, max_length=40
        )
        checks.positive("change_number", self.change_number)
        checks.text("reason", self.reason, required=False, max_length=1000)
        checks.each("lines", self.lines)
        checks.unique("lines", [line.line_number for line in self.lines], "line_number")
        return checks.found
