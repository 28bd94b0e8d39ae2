"""The canonical purchase order: what a buyer orders from a supplier."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from posync.domain.errors import Problem
from posync.domain.validation import CURRENCY_CODE, UNIT_CODE, Checks, Validated
from posync.domain.values import Incoterms, Party, PaymentTerms

HUNDRED = Decimal(100)


class OrderKind(StrEnum):
    STANDARD = "standard"
    BLANKET = "blanket"
    RELEASE = "release"
    DROPSHIP = "dropship"


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleLine:
    """Part of a line's quantity wanted on its own dates."""

    quantity: Decimal
    requested_ship_date: date | None = None
    requested_delivery_date: date | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.positive("quantity", self.quantity)
        checks.not_after(
            "requested_ship_date", self.requested_ship_date, self.requested_delivery_date
        )
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountAssignment:
    """Where the cost of a line is booked; several split a line by percentage."""

    category: str
    gl_account: str | None = None
    cost_center: str | None = None
    project: str | None = None
    asset: str | None = None
    percentage: Decimal = HUNDRED
    prepayment: bool = False

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("category", self.category, max_length=20)
        for name in ("gl_account", "cost_center", "project", "asset"):
            checks.text(name, getattr(self, name), required=False, max_length=40)
        checks.positive("percentage", self.percentage)
        if self.percentage.is_finite() and self.percentage > HUNDRED:
            checks.add("percentage", f"must be at most 100, got {self.percentage}")
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class SalesOrderLineReference:
    """The customer's sales-order line that this purchase line fulfils."""

    sales_order_number: str
    line_number: int

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("sales_order_number", self.sales_order_number, max_length=40)
        checks.positive("line_number", self.line_number)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrderLine:
    line_number: int
    quantity: Decimal
    unit_of_measure: str
    unit_price: Decimal
    buyer_item: str | None = None
    supplier_item: str | None = None
    gtin: str | None = None
    description: str | None = None
    item_category: str | None = None
    requested_ship_date: date | None = None
    requested_delivery_date: date | None = None
    schedule: tuple[ScheduleLine, ...] = ()
    account_assignments: tuple[AccountAssignment, ...] = ()
    capitalized: bool = False
    sales_order_line: SalesOrderLineReference | None = None

    @property
    def amount(self) -> Decimal:
        return self.quantity * self.unit_price

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.positive("line_number", self.line_number)
        checks.positive("quantity", self.quantity)
        checks.text("unit_of_measure", self.unit_of_measure, max_length=8)
        checks.pattern(
            "unit_of_measure", self.unit_of_measure, UNIT_CODE, "a unit code like 'EA' or 'KGM'"
        )
        checks.not_negative("unit_price", self.unit_price)
        identified_by = (self.buyer_item, self.supplier_item, self.gtin, self.description)
        if all(value is None for value in identified_by):
            checks.add("buyer_item", "is required: give an item number, a GTIN or a description")
        checks.text("buyer_item", self.buyer_item, required=False, max_length=48)
        checks.text("supplier_item", self.supplier_item, required=False, max_length=48)
        checks.gtin("gtin", self.gtin)
        checks.text("description", self.description, required=False, max_length=1000)
        checks.text("item_category", self.item_category, required=False, max_length=40)
        checks.not_after(
            "requested_ship_date", self.requested_ship_date, self.requested_delivery_date
        )
        checks.each("schedule", self.schedule)
        if self.schedule and all(s.quantity.is_finite() for s in self.schedule):
            scheduled = sum((s.quantity for s in self.schedule), Decimal(0))
            if self.quantity.is_finite() and scheduled != self.quantity:
                checks.add(
                    "schedule",
                    f"quantities add up to {scheduled}, but the line orders {self.quantity}",
                )
        checks.each("account_assignments", self.account_assignments)
        percentages = [a.percentage for a in self.account_assignments]
        if percentages and all(p.is_finite() and 0 < p <= HUNDRED for p in percentages):
            shares = sum(percentages, Decimal(0))
            if shares != HUNDRED:
                checks.add("account_assignments", f"percentages add up to {shares}, expected 100")
        checks.nested("sales_order_line", self.sales_order_line)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class PurchaseOrder(Validated):
    """A purchase order at one revision. Revision 0 is the original order."""

    number: str
    order_date: date
    buyer: Party
    supplier: Party
    currency: str
    lines: tuple[PurchaseOrderLine, ...]
    revision: int = 0
    kind: OrderKind = OrderKind.STANDARD
    ship_to: Party | None = None
    bill_to: Party | None = None
    payment_terms: PaymentTerms | None = None
    incoterms: Incoterms | None = None
    ship_method: str | None = None
    requested_ship_date: date | None = None
    requested_delivery_date: date | None = None
    blanket_order_number: str | None = None
    release_number: int | None = None
    notes: tuple[str, ...] = ()

    @property
    def total_amount(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    def line(self, line_number: int) -> PurchaseOrderLine | None:
        return next((line for line in self.lines if line.line_number == line_number), None)

    def at_revision(self, revision: int) -> PurchaseOrder:
        return dataclasses.replace(self, revision=revision)

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("number", self.number, max_length=40)
        checks.not_negative("revision", self.revision)
        checks.nested("buyer", self.buyer)
        checks.nested("supplier", self.supplier)
        checks.nested("ship_to", self.ship_to)
        checks.nested("bill_to", self.bill_to)
        checks.pattern("currency", self.currency, CURRENCY_CODE, "an ISO 4217 code like 'USD'")
        checks.nested("payment_terms", self.payment_terms)
        checks.nested("incoterms", self.incoterms)
        checks.text("ship_method", self.ship_method, required=False, max_length=80)
        checks.not_after(
            "requested_ship_date", self.requested_ship_date, self.requested_delivery_date
        )
        if not self.lines:
            checks.add("lines", "must hold at least one line")
        checks.each("lines", self.lines)
        checks.unique("lines", [line.line_number for line in self.lines], "line_number")
        if self.kind is OrderKind.RELEASE:
            checks.text("blanket_order_number", self.blanket_order_number, max_length=40)
            checks.positive("release_number", self.release_number)
            if self.release_number is None:
                checks.add("release_number", "is required for a release")
        for index, note in enumerate(self.notes):
            checks.text(f"notes[{index}]", note, max_length=4000)
        return checks.found
