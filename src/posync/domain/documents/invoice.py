"""A supplier's invoice (or credit note), possibly for several purchase orders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from posync.domain.errors import Problem
from posync.domain.validation import CURRENCY_CODE, UNIT_CODE, Checks, Validated
from posync.domain.values import Party, PaymentTerms


class InvoiceKind(StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"
    DEBIT_NOTE = "debit_note"


class ChargeKind(StrEnum):
    CHARGE = "charge"
    ALLOWANCE = "allowance"


@dataclass(frozen=True, slots=True, kw_only=True)
class InvoiceLine:
    line_number: int
    purchase_order_number: str
    purchase_order_line: int
    quantity: Decimal
    unit_of_measure: str
    unit_price: Decimal
    buyer_item: str | None = None
    supplier_item: str | None = None
    description: str | None = None

    @property
    def amount(self) -> Decimal:
        return self.quantity * self.unit_price

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.positive("line_number", self.line_number)
        checks.text("purchase_order_number", self.purchase_order_number, max_length=40)
        checks.positive("purchase_order_line", self.purchase_order_line)
        checks.positive("quantity", self.quantity)
        checks.pattern("unit_of_measure", self.unit_of_measure, UNIT_CODE, "a unit code like 'EA'")
        checks.not_negative("unit_price", self.unit_price)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class Charge:
    """A header charge (freight, handling) or allowance (discount)."""

    kind: ChargeKind
    code: str
    amount: Decimal
    description: str | None = None

    @property
    def signed_amount(self) -> Decimal:
        return self.amount if self.kind is ChargeKind.CHARGE else -self.amount

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("code", self.code, max_length=20)
        checks.not_negative("amount", self.amount)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class TaxAmount:
    tax_type: str
    amount: Decimal
    rate_percent: Decimal | None = None
    taxable_amount: Decimal | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("tax_type", self.tax_type, max_length=20)
        checks.not_negative("amount", self.amount)
        checks.not_negative("rate_percent", self.rate_percent)
        checks.finite("taxable_amount", self.taxable_amount)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class Invoice(Validated):
    """Amounts are as the supplier states them; matching checks their arithmetic."""

    invoice_number: str
    issued_on: date
    supplier: Party
    buyer: Party
    currency: str
    lines: tuple[InvoiceLine, ...]
    total_amount: Decimal
    kind: InvoiceKind = InvoiceKind.INVOICE
    charges: tuple[Charge, ...] = ()
    taxes: tuple[TaxAmount, ...] = ()
    payment_terms: PaymentTerms | None = None
    due_on: date | None = None
    ship_notice_id: str | None = None

    @property
    def purchase_order_numbers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(line.purchase_order_number for line in self.lines))

    @property
    def computed_total(self) -> Decimal:
        lines = sum((line.amount for line in self.lines), Decimal(0))
        charges = sum((charge.signed_amount for charge in self.charges), Decimal(0))
        taxes = sum((tax.amount for tax in self.taxes), Decimal(0))
        return lines + charges + taxes

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("invoice_number", self.invoice_number, max_length=40)
        checks.nested("supplier", self.supplier)
        checks.nested("buyer", self.buyer)
        checks.pattern("currency", self.currency, CURRENCY_CODE, "an ISO 4217 code like 'USD'")
        if not self.lines:
            checks.add("lines", "must hold at least one line")
        checks.each("lines", self.lines)
        checks.unique("lines", [line.line_number for line in self.lines], "line_number")
        checks.each("charges", self.charges)
        checks.each("taxes", self.taxes)
        checks.not_negative("total_amount", self.total_amount)
        checks.nested("payment_terms", self.payment_terms)
        checks.not_after("issued_on", self.issued_on, self.due_on)
        return checks.found
