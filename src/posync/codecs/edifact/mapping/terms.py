"""Currency (CUX), payment terms (the PAT group) and Incoterms (the TOD group).

CUX: C504 6345 the currency (written with 6347 2, reference currency, and
6343 9 for an order, 4 for an invoice); a message without one is refused.

PAT: one group per kind of term. 4279 1 (basic) carries the net days in C112
(2475 5 date of invoice, 2009 3 after, 2151 D days, 2152 the number) and the
net due date as DTM 13 (an invoice's ``due_on``); 4279 22 (discount) the
discount days in C112 and the percentage in PCD 12. Any other 4279 but 20
(penalty) is read as the basic term. The description of the terms is an FTX
with subject AAB (terms of payments).

TOD: C100 4053 the Incoterms rule (4055 6, delivery condition) and, in a LOC
of the group with qualifier 1 (place of terms of delivery), C517 3224 the
named place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from posync.codecs.edifact.mapping.items import texts, write_text
from posync.codecs.edifact.mapping.reading import At, Reader, dated, every, first
from posync.codecs.edifact.mapping.writing import Writer
from posync.domain.values import Incoterms, PaymentTerms

PAT_MEMBERS = frozenset({"DTM", "PCD", "MOA"})
TOD_MEMBERS = frozenset({"LOC"})
TERMS_TEXT = "AAB"
ORDER_CURRENCY, INVOICE_CURRENCY = "9", "4"
_BASIC, _DISCOUNT, _PENALTY = "1", "22", "20"
_DUE = ("13",)
_DISCOUNT_PERCENT = "12"
_NO_TERMS = PaymentTerms()
_INCOTERMS_PLACE = "1"


def read_currency(reader: Reader, header: Sequence[At], what: str) -> str:
    at = first(header, "CUX")
    currency = reader.code(at, 1, 2) if at is not None else ""
    if not currency:
        reader.fail("CUX", f"is required: {what} (C504 6345)")
    return currency


def write_currency(writer: Writer, currency: str, qualifier: str) -> None:
    writer.add("CUX", ("2", writer.text("CUX", 1, 2, currency, "currency"), qualifier))


def read_terms(
    reader: Reader, pat_groups: Sequence[Sequence[At]], header: Sequence[At]
) -> tuple[PaymentTerms | None, date | None]:
    """The payment terms of the PAT groups and the header's FTX AAB, and the net due date."""
    net_days = discount_days = None
    percent = due_on = None
    for group in pat_groups:
        head = group[0]
        kind = reader.code(head, 1)
        days = reader.whole(head, 3, 4, what="a number of days")
        if kind == _DISCOUNT:
            discount_days = discount_days if discount_days is not None else days
            for at in every(group[1:], "PCD"):
                if percent is None and reader.code(at, 1, 1) in (_DISCOUNT_PERCENT, ""):
                    percent = reader.decimal(at, 1, 2)
        elif kind != _PENALTY:
            net_days = net_days if net_days is not None else days
            due_on = due_on or dated(reader, group[1:], _DUE)
    described = texts(reader, header, TERMS_TEXT)
    terms = PaymentTerms(
        net_days=net_days,
        discount_percent=percent,
        discount_days=discount_days,
        description=described[0] if described else None,
    )
    return (None if terms == _NO_TERMS else terms), due_on


def write_terms_text(writer: Writer, terms: PaymentTerms | None, field: str) -> None:
    """The FTX AAB with the description of the terms (it stands among the header's FTX)."""
    if terms is not None:
        write_text(writer, TERMS_TEXT, terms.description, f"{field}.description")


def write_terms(
    writer: Writer, terms: PaymentTerms | None, due_on: date | None, field: str
) -> None:
    """The PAT groups of ``terms`` and the net due date."""
    terms = terms or _NO_TERMS
    if terms.net_days is not None or due_on is not None:
        days = writer.whole("PAT", 3, 4, terms.net_days, f"{field}.net_days")
        writer.add("PAT", _BASIC, "", ("5", "3", "D", days) if days else ())
        writer.date(_DUE[0], due_on)
    if terms.discount_percent is not None or terms.discount_days is not None:
        days = writer.whole("PAT", 3, 4, terms.discount_days, f"{field}.discount_days")
        writer.add("PAT", _DISCOUNT, "", ("5", "3", "D", days) if days else ())
        percent = writer.decimal("PCD", 1, 2, terms.discount_percent, f"{field}.discount_percent")
        if percent:
            writer.add("PCD", (_DISCOUNT_PERCENT, percent))


def read_incoterms(reader: Reader, tod_groups: Sequence[Sequence[At]]) -> Incoterms | None:
    for group in tod_groups:
        rule = reader.code(group[0], 3, 1)
        if rule:
            place = first(group[1:], "LOC", _INCOTERMS_PLACE)
            return Incoterms(code=rule, place=reader.text(place, 2, 4) if place else None)
    return None


def write_incoterms(writer: Writer, incoterms: Incoterms | None, field: str) -> None:
    if incoterms is None:
        return
    writer.add("TOD", "6", "", (writer.text("TOD", 3, 1, incoterms.code, f"{field}.code"),))
    if incoterms.place is not None:
        place = writer.text("LOC", 2, 4, incoterms.place, f"{field}.place")
        writer.add("LOC", _INCOTERMS_PLACE, ("", "", "", place))
