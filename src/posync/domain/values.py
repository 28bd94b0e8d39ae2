"""Value objects shared by every canonical document: parties, addresses, terms."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from posync.domain.errors import Problem
from posync.domain.validation import COUNTRY_CODE, Checks


@dataclass(frozen=True, slots=True, kw_only=True)
class PartyIdentifier:
    """An identifier of a party under a scheme: ``duns``, ``gln``, ``buyer-assigned``..."""

    scheme: str
    value: str

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("scheme", self.scheme, max_length=35)
        checks.text("value", self.value, max_length=80)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class Address:
    lines: tuple[str, ...] = ()
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        for index, line in enumerate(self.lines):
            checks.text(f"lines[{index}]", line, max_length=120)
        checks.text("city", self.city, required=False, max_length=60)
        checks.text("region", self.region, required=False, max_length=60)
        checks.text("postal_code", self.postal_code, required=False, max_length=20)
        checks.pattern("country", self.country, COUNTRY_CODE, "an ISO 3166 alpha-2 code like 'DE'")
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("name", self.name, required=False, max_length=120)
        checks.text("email", self.email, required=False, max_length=254)
        if self.email is not None and "@" not in self.email:
            checks.add("email", f"must be an e-mail address, got {self.email!r}")
        checks.text("phone", self.phone, required=False, max_length=40)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    """A buyer, supplier, ship-to or bill-to: a name, identifiers and an address."""

    name: str
    identifiers: tuple[PartyIdentifier, ...] = ()
    address: Address | None = None
    contact: Contact | None = None

    def identifier(self, scheme: str) -> str | None:
        return next((i.value for i in self.identifiers if i.scheme == scheme), None)

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("name", self.name, max_length=120)
        checks.each("identifiers", self.identifiers)
        checks.nested("address", self.address)
        checks.nested("contact", self.contact)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentTerms:
    """Net days with an optional early-payment discount (e.g. 2% 10, net 30)."""

    net_days: int | None = None
    discount_percent: Decimal | None = None
    discount_days: int | None = None
    description: str | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.not_negative("net_days", self.net_days)
        checks.not_negative("discount_days", self.discount_days)
        checks.not_negative("discount_percent", self.discount_percent)
        percent = self.discount_percent
        if percent is not None and percent.is_finite() and percent >= 100:
            checks.add("discount_percent", f"must be below 100, got {percent}")
        if (self.discount_percent is None) != (self.discount_days is None):
            checks.add("discount_days", "must be given together with discount_percent")
        checks.text("description", self.description, required=False, max_length=250)
        return checks.found


@dataclass(frozen=True, slots=True, kw_only=True)
class Incoterms:
    """An Incoterms rule (three letters, e.g. FCA) and its named place."""

    code: str
    place: str | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("code", self.code, max_length=3)
        if self.code and not (len(self.code) == 3 and self.code.isalpha() and self.code.isupper()):
            checks.add(
                "code", f"must be an Incoterms code of three capitals like 'FCA', got {self.code!r}"
            )
        checks.text("place", self.place, required=False, max_length=80)
        return checks.found
