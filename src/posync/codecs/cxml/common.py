"""What every cXML request mapping shares: money, item ids, comments, extrinsics, terms.

``Money`` carries its ``currency`` attribute; every amount of one document
must be in one currency (``Currency`` checks it on reading). ``ItemID`` holds
the supplier's part number (``SupplierPartID``, which the DTD requires:
written empty when the canonical line has none, and read back as none), the
buyer's (``BuyerPartID``) and a GTIN as ``IdReference domain="GTIN"``.
``Extrinsic`` elements, cXML's own way to carry what it has no element for,
hold the few values posync writes beyond the standard's elements; each
mapping module names them. ``PaymentTerm``: one with ``payInNumberOfDays``
and no discount is the net term; one with ``Discount/DiscountPercent`` the
early-payment discount (its days and percent); the description is an
``Extrinsic name="description"`` of the first.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from lxml import etree

from posync.codecs.cxml.reading import Node, Reader
from posync.codecs.cxml.writing import Writer
from posync.domain.documents import PurchaseOrder
from posync.domain.values import PaymentTerms

GTIN = "GTIN"
_GTIN_DOMAINS = frozenset({"gtin", "ean", "ean-13", "ean13", "upc", "eanid"})


@dataclass(frozen=True, slots=True, kw_only=True)
class EncodeContext:
    """What a mapping may need beyond the document: the order it answers, and payload ids."""

    order: PurchaseOrder | None = None
    order_payload_ids: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class Mapped:
    """A request read: its canonical document, the order it restates, the orders it cites."""

    document: object
    order: PurchaseOrder | None = None
    order_payload_ids: Mapping[str, str] = field(default_factory=dict)


@contextmanager
def exact() -> Iterator[None]:
    """Decimal arithmetic without rounding, for totals computed on writing."""
    with decimal.localcontext() as context:
        context.prec = 200
        yield


def amount_of(quantity: Decimal, price: Decimal) -> Decimal:
    """``quantity * price`` exactly; 0 when either is not a finite number (refused elsewhere)."""
    if not (quantity.is_finite() and price.is_finite()):
        return Decimal(0)
    with exact():
        return quantity * price


# --- money -------------------------------------------------------------------------------


def write_money(
    writer: Writer, parent: etree._Element, amount: Decimal, currency: str, field: str
) -> etree._Element:
    return writer.add(parent, "Money", amount, field=field, currency=currency)


class Currency:
    """The one currency of a document's amounts: the first one read, then checked."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.code: str | None = None

    def money(self, node: Node | None, what: str, *, required: bool = True) -> Decimal | None:
        """The amount of ``node`` (a ``Money``, or an element holding one)."""
        if node is None:
            return None
        money = node if node.name == "Money" else node.child("Money")
        if money is None:
            if required:
                self.reader.fail(f"{node.path}.Money", f"is required: {what}")
            return None
        currency = self.reader.attribute(money, "currency", required="the ISO 4217 currency")
        if currency is not None:
            currency = currency.strip()
            if self.code is None:
                self.code = currency
            elif currency != self.code:
                self.reader.fail(
                    money.field("currency"),
                    f"must be {self.code}, the currency of the document's other amounts, "
                    f"got {currency!r}",
                )
        return self.reader.amount(money, required=what)


# --- items ------------------------------------------------------------------------------


def write_item_id(
    writer: Writer,
    parent: etree._Element,
    *,
    supplier_item: str | None,
    buyer_item: str | None,
    gtin: str | None,
    field: str,
) -> None:
    item = writer.add(parent, "ItemID")
    writer.add(item, "SupplierPartID", supplier_item or "", field=f"{field}.supplier_item")
    if buyer_item is not None:
        writer.add(item, "BuyerPartID", buyer_item, field=f"{field}.buyer_item")
    if gtin is not None:
        writer.add(item, "IdReference", field=f"{field}.gtin", identifier=gtin, domain=GTIN)


@dataclass(frozen=True, slots=True)
class ItemNumbers:
    supplier_item: str | None = None
    buyer_item: str | None = None
    gtin: str | None = None


def read_item_id(reader: Reader, node: Node | None) -> ItemNumbers:
    if node is None:
        return ItemNumbers()
    gtin = None
    for reference in node.children("IdReference"):
        if reader.code(reference, "domain").lower() in _GTIN_DOMAINS:
            gtin = reader.attribute(reference, "identifier")
            break
    return ItemNumbers(
        supplier_item=reader.child_text(node, "SupplierPartID"),
        buyer_item=reader.child_text(node, "BuyerPartID"),
        gtin=gtin,
    )


# --- comments and extrinsics --------------------------------------------------------------


def write_comments(
    writer: Writer, parent: etree._Element, text: str, field: str, kind: str | None = None
) -> None:
    writer.add(parent, "Comments", text, field=field, type=kind)


def comments(reader: Reader, node: Node, kind: str | None = None) -> list[str]:
    """The text of each ``Comments`` of ``type`` ``kind`` (None: those without a type)."""
    found = []
    for comment in node.children("Comments"):
        given = reader.code(comment, "type") or None
        text = reader.content(comment)
        if given == kind and text is not None:
            found.append(text)
    return found


def write_extrinsic(
    writer: Writer, parent: etree._Element, name: str, value: str | int | None, field: str
) -> None:
    if value is not None:
        writer.add(parent, "Extrinsic", str(value), field=field, name=name)


def extrinsics(reader: Reader, node: Node) -> dict[str, Node]:
    """Each ``Extrinsic`` child by name (the first of a name)."""
    found: dict[str, Node] = {}
    for extrinsic in node.children("Extrinsic"):
        name = reader.code(extrinsic, "name")
        if name and name not in found:
            found[name] = extrinsic
    return found


# --- payment terms -----------------------------------------------------------------------


def write_payment_terms(
    writer: Writer, parent: etree._Element, terms: PaymentTerms | None, field: str
) -> None:
    if terms is None:
        return
    written = []
    if terms.net_days is not None:
        written.append(writer.add(parent, "PaymentTerm", payInNumberOfDays=terms.net_days))
    if terms.discount_days is not None and terms.discount_percent is not None:
        term = writer.add(parent, "PaymentTerm", payInNumberOfDays=terms.discount_days)
        discount = writer.add(term, "Discount")
        writer.add(
            discount, "DiscountPercent", field=f"{field}.discount_percent",
            percent=terms.discount_percent,
        )  # fmt: skip
        written.append(term)
    if not written:
        writer.fail(
            field,
            "cannot be written: a cXML PaymentTerm needs a number of days "
            "(give net_days, or a discount with its days)",
        )
        return
    write_extrinsic(writer, written[0], "description", terms.description, f"{field}.description")


def read_payment_terms(reader: Reader, node: Node) -> PaymentTerms | None:
    net_days = discount_days = None
    percent = description = None
    for term in node.children("PaymentTerm"):
        days = reader.whole(term, "payInNumberOfDays", required="the days to pay in")
        found = term.descend("Discount", "DiscountPercent")
        if found is not None:
            if percent is None:
                percent = reader.decimal(found, "percent", required="the discount percent")
                discount_days = days
        elif net_days is None:
            net_days = days
        named = extrinsics(reader, term).get("description")
        if description is None and named is not None:
            description = reader.content(named)
    if net_days is None and discount_days is None and percent is None:
        return None
    return PaymentTerms(
        net_days=net_days,
        discount_percent=percent,
        discount_days=discount_days if percent is not None else None,
        description=description,
    )
