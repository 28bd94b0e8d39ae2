"""The payment-terms columns that purchase orders and invoices share.

``payment_net_days``, ``payment_discount_percent``, ``payment_discount_days``
and ``payment_terms`` (the terms in words). Terms whose cells are all blank
are absent; absent terms and terms with nothing in them are written blank.
"""

from __future__ import annotations

from posync.codecs.tabular.cells import CellReader, CellWriter
from posync.domain.values import PaymentTerms

PAYMENT_COLUMNS = (
    "payment_net_days",
    "payment_discount_percent",
    "payment_discount_days",
    "payment_terms",
)


def read_payment_terms(cells: CellReader) -> PaymentTerms | None:
    if cells.blank(*PAYMENT_COLUMNS):
        return None
    return PaymentTerms(
        net_days=cells.integer("payment_net_days"),
        discount_percent=cells.decimal("payment_discount_percent"),
        discount_days=cells.integer("payment_discount_days"),
        description=cells.text("payment_terms"),
    )


def write_payment_terms(
    cells: CellWriter, field: str, terms: PaymentTerms | None
) -> dict[str, str]:
    """The terms' cells; ``field`` is their path in the document, for problems."""
    terms = terms or PaymentTerms()
    return {
        "payment_net_days": cells.integer(f"{field}.net_days", terms.net_days),
        "payment_discount_percent": cells.decimal(
            f"{field}.discount_percent", terms.discount_percent
        ),
        "payment_discount_days": cells.integer(f"{field}.discount_days", terms.discount_days),
        "payment_terms": cells.text(f"{field}.description", terms.description),
    }
