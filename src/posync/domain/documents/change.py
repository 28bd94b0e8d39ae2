"""A buyer's change to, or cancellation of, a purchase order already sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from posync.domain.errors import Problem
from posync.domain.validation import UNIT_CODE, Checks, Validated


class ChangePurpose(StrEnum):
    CHANGE = "change"
    CANCELLATION = "cancellation"


class LineChangeType(StrEnum):
    ADD = "add"
    CANCEL = "cancel"
    QUANTITY_INCREASE = "quantity_increase"
    QUANTITY_DECREASE = "quantity_decrease"
    PRICE_CHANGE = "price_change"
    DATE_CHANGE = "date_change"
    ITEM_CHANGE = "item_change"
    REPLACE = "replace"
    NO_CHANGE = "no_change"


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangedLine:
    """A line as it should be after the change; values left out stay as they were."""

    line_number: int
    change: LineChangeType
    quantity: Decimal | None = None
    unit_of_measure: str | None = None
    unit_price: Decimal | None = None
    buyer_item: str | None = None
    supplier_item: str | None = None
    description: str | None = None
    requested_ship_date: date | None = None
    requested_delivery_date: date | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.positive("line_number", self.line_number)
        checks.not_negative("quantity", self.quantity)
        checks.pattern("unit_of_measure", self.unit_of_measure, UNIT_CODE, "a unit code like 'EA'")
        checks.not_negative("unit_price", self.unit_price)
        checks.not_after(
            "requested_ship_date", self.requested_ship_date, self.requested_delivery_date
        )
        if self.change is LineChangeType.ADD:
            for name in ("quantity", "unit_of_measure", "unit_price"):
                if getattr(self, name) is None:
                    checks.add(name, "is required for an added line")
        quantity_change = (LineChangeType.QUANTITY_INCREASE, LineChangeType.QUANTITY_DECREASE)
        if self.change in quantity_change and self.quantity is None:
            checks.add("quantity", f"is required for a {self.change.value}")
        if self.change is LineChangeType.PRICE_CHANGE and self.unit_price is None:
            checks.add("unit_price", "is required for a price_change")
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderChange(Validated):
    """Change ``change_number`` of an order: line changes, or the whole order cancelled."""

    purchase_order_number: str
    change_number: int
    issued_on: date
    purpose: ChangePurpose = ChangePurpose.CHANGE
    lines: tuple[ChangedLine, ...] = ()
    reason: str | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("purchase_order_number", self.purchase_order_number, max_length=40)
        checks.positive("change_number", self.change_number)
        checks.text("reason", self.reason, required=False, max_length=1000)
        if self.purpose is ChangePurpose.CHANGE and not self.lines:
            checks.add("lines", "must hold at least one line for a change")
        checks.each("lines", self.lines)
        checks.unique("lines", [line.line_number for line in self.lines], "line_number")
        return checks.found
