"""What one EDI standard carries of a canonical document, as the shared strategies need it.

``support.carried_orders`` and ``support.carried_deliveries`` build valid
canonical documents of every kind from a ``StandardProfile``: the same
documents, the same rules between their fields, for every standard. A profile
holds only what differs between standards: the strategies for values that
must fit the standard's elements (texts, numbers, ids), its code lists, and
the few places where the standard's structure cannot carry a combination of
values (each a flag, named for the rule). Each standard's test helpers build
its profile and say, beside each value, which element sets the bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hypothesis import strategies as st


@dataclass(frozen=True)
class StandardProfile:
    """The values a standard can carry, field by field of the canonical documents."""

    # --- code lists -----------------------------------------------------------------------
    units: tuple[str, ...]
    """Units of measure (canonical: UN/ECE Recommendation 20) the standard writes and reads."""
    currencies: tuple[str, ...]
    regions: tuple[str, ...]
    countries: tuple[str, ...]
    packaging: tuple[str, ...]
    """A pack's packaging codes."""
    tax_types: tuple[str, ...]
    charge_codes: st.SearchStrategy[str]

    # --- party identifiers ----------------------------------------------------------------
    numbered_identifiers: tuple[tuple[str, int], ...]
    """Schemes whose values are so many digits (``("duns", 9)``), each drawn as often as
    any assigned scheme."""
    assigned_schemes: tuple[str, ...]
    """Schemes with any code as their value."""
    assigned_values: st.SearchStrategy[str]

    # --- texts ----------------------------------------------------------------------------
    party_names: st.SearchStrategy[str]
    address_lines: st.SearchStrategy[str]
    cities: st.SearchStrategy[str]
    postal_codes: st.SearchStrategy[str]
    contact_names: st.SearchStrategy[str]
    phones: st.SearchStrategy[str]
    terms_descriptions: st.SearchStrategy[str]
    incoterms_places: st.SearchStrategy[str]
    ship_methods: st.SearchStrategy[str]
    notes: st.SearchStrategy[str]
    order_line_descriptions: st.SearchStrategy[str]
    line_descriptions: st.SearchStrategy[str]
    """The description of a changed or invoiced line."""
    line_reasons: st.SearchStrategy[str]
    document_reasons: st.SearchStrategy[str]
    """The reason of an acknowledgement or a change."""
    charge_descriptions: st.SearchStrategy[str]
    shipment_ids: st.SearchStrategy[str]
    carriers: st.SearchStrategy[str]
    most_serial_numbers: int
    """Serial numbers of one shipped line."""

    # --- numbers --------------------------------------------------------------------------
    ordered_quantities: st.SearchStrategy[Decimal]
    answered_quantities: st.SearchStrategy[Decimal]
    """Quantities of acknowledged and changed lines (confirmed, backordered, new)."""
    shipped_quantities: st.SearchStrategy[Decimal]
    invoiced_quantities: st.SearchStrategy[Decimal]
    unit_prices: st.SearchStrategy[Decimal]
    pack_weights: st.SearchStrategy[Decimal]
    money: st.SearchStrategy[Decimal]
    """An invoice's total and its charges."""
    tax_amounts: st.SearchStrategy[Decimal]
    tax_rates: st.SearchStrategy[Decimal]
    taxable_amounts: st.SearchStrategy[Decimal]
    discount_percents: st.SearchStrategy[Decimal]

    # --- combinations the standard's structure cannot carry -------------------------------
    schedule_needs_delivery_date: bool
    """A schedule line is written only with its requested delivery date."""
    backorder_needs_backorder_status: bool
    """A backordered quantity is carried only by a (partially) backordered line, and a wholly
    backordered line carries no other quantity."""
    changed_unit_needs_quantity: bool
    """A changed line's unit is carried only beside its quantity."""
    taxable_amount_needs_rate: bool
    """A tax's taxable amount is carried only beside its rate."""
