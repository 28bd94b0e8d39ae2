"""Terms of sale (ITD) and Incoterms (FOB).

ITD: ITD01 the terms type (08 basic discount offered when there is a
discount, 01 basic otherwise), ITD02 the basis date (3, the invoice date),
ITD03 the discount percent, ITD05 the discount days, ITD06 the net due date
(an invoice's ``due_on``), ITD07 the net days, ITD12 the description.

FOB: FOB01 DF (defined by buyer and seller), FOB04 01 (Incoterms), FOB05 the
rule, FOB06 ZZ with the named place in FOB07. An FOB05 read without FOB04 is
taken as an Incoterms rule too.
"""

from __future__ import annotations

from datetime import date

from posync.codecs.x12.mapping.common import At, Reader
from posync.codecs.x12.mapping.writing import Writer
from posync.domain.values import Incoterms, PaymentTerms

_NO_TERMS = PaymentTerms()


def read_terms(reader: Reader, at: At) -> tuple[PaymentTerms | None, date | None]:
    """The payment terms of an ITD, and its net due date."""
    terms = PaymentTerms(
        net_days=reader.whole(at, 7),
        discount_percent=reader.decimal(at, 3),
        discount_days=reader.whole(at, 5),
        description=reader.text(at, 12),
    )
    return (None if terms == _NO_TERMS else terms), reader.date(at, 6)


def write_terms(
    writer: Writer, terms: PaymentTerms | None, due_on: date | None, field: str
) -> None:
    if (terms is None or terms == _NO_TERMS) and due_on is None:
        return
    terms = terms or PaymentTerms()
    counts_days = terms.net_days is not None or terms.discount_days is not None
    writer.add(
        "ITD",
        "08" if terms.discount_percent is not None else "01",
        "3" if counts_days else "",
        writer.decimal("ITD03", terms.discount_percent, f"{field}.discount_percent"),
        "",
        writer.whole("ITD05", terms.discount_days, f"{field}.discount_days"),
        writer.date(due_on),
        writer.whole("ITD07", terms.net_days, f"{field}.net_days"),
        "",
        "",
        "",
        "",
        writer.text("ITD12", terms.description, f"{field}.description"),
    )


def read_incoterms(reader: Reader, at: At) -> Incoterms | None:
    qualifier, rule = reader.code(at, 4), reader.code(at, 5)
    if not rule or qualifier not in ("01", ""):
        return None
    return Incoterms(code=rule, place=reader.text(at, 7))


def write_incoterms(writer: Writer, incoterms: Incoterms | None, field: str) -> None:
    if incoterms is None:
        return
    place = writer.text("FOB07", incoterms.place, f"{field}.place")
    writer.add(
        "FOB",
        "DF",
        "",
        "",
        "01",
        writer.text("FOB05", incoterms.code, f"{field}.code"),
        "ZZ" if place else "",
        place,
    )
