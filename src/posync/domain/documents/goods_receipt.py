"""What the warehouse received against a purchase order, and what it refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from posync.domain.errors import Problem
from posync.domain.validation import UNIT_CODE, Checks, Validated


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceivedLine:
    line_number: int
    received_quantity: Decimal
    unit_of_measure: str
    rejected_quantity: Decimal = Decimal(0)
    rejection_reason: str | None = None
    location: str | None = None
    lot_number: str | None = None

    @property
    def accepted_quantity(self) -> Decimal:
        return self.received_quantity - self.rejected_quantity

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.positive("line_number", self.line_number)
        checks.not_negative("received_quantity", self.received_quantity)
        checks.not_negative("rejected_quantity", self.rejected_quantity)
        checks.pattern("unit_of_measure", self.unit_of_measure, UNIT_CODE, "a unit code like 'EA'")
        if (
            self.received_quantity.is_finite()
            and self.rejected_quantity.is_finite()
            and self.rejected_quantity > self.received_quantity
        ):
            checks.add(
                "rejected_quantity",
                f"must not exceed the received quantity {self.received_quantity}, "
                f"got {self.rejected_quantity}",
            )
        rejected = self.rejected_quantity
        if rejected.is_finite() and rejected > 0 and self.rejection_reason is None:
            checks.add("rejection_reason", "is required when a quantity is rejected")
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class GoodsReceipt(Validated):
    receipt_number: str
    purchase_order_number: str
    received_at: datetime
    lines: tuple[ReceivedLine, ...]
    location: str | None = None
    ship_notice_id: str | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("receipt_number", self.receipt_number, max_length=40)
        checks.text("purchase_order_number", self.purchase_order_number, max_length=40)
        checks.aware("received_at", self.received_at)
        if not self.lines:
            checks.add("lines", "must hold at least one line")
        checks.each("lines", self.lines)
        return checks.found
