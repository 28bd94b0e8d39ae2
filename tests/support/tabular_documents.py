"""What a CSV file carries of the canonical documents, as a ``StandardProfile``.

A CSV cell holds any text (quotes, delimiters, line breaks, any Unicode) and
any finite number, so the profile draws wide. It keeps to what CSV cannot
carry only where docs/formats.md ("Writing") says so, each for its reason:

- no text is blank or holds a NUL: a blank cell reads as no value;
- an item of a list cell (an address line, a note, an identifier's value)
  is one line of the cell, so it holds no line break;
- a part of a list item (a packaging code, a charge code, a tax type, an
  identifier scheme) is one word, so it holds no space (nor, for a scheme,
  the ``:`` that ends it);
- a charge's description is the end of its list item, so it also does not
  start with a space, which splitting the item into its parts would lose.
"""

from __future__ import annotations

from hypothesis import strategies as st

from support.standard_profile import StandardProfile
from support.strategies import amounts, code_texts

# Any text a cell holds: not blank, no NUL, no lone surrogate.
cell_texts = st.text(
    st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=20
).filter(lambda text: not text.isspace())
# A text that is an item of a list cell: one line of the cell.
line_texts = cell_texts.filter(lambda text: text.splitlines() == [text])
# A text that ends a list item after its parts: one line, not starting with a space.
item_ends = line_texts.filter(lambda text: not text[0].isspace())
# A part of a list item: one word (no white space, no line break, no control character).
item_words = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=12,
)
any_amounts = amounts(digits=18, places=6, minimum=0)
any_quantities = amounts(digits=18, places=6)

CSV = StandardProfile(
    units=("EA", "KGM", "MTR", "H87", "C62"),
    currencies=("USD", "EUR", "JPY", "PLN"),
    regions=("OH", "NRW", "Łódzkie"),
    countries=("US", "DE", "PL"),
    packaging=("CTN25", "PLT94", "pallet", "Kartón"),
    tax_types=("VAT", "GST", "STT", "MwSt.", "ZZ"),
    charge_codes=item_words,
    numbered_identifiers=(("duns", 9), ("gln", 13)),
    assigned_schemes=("buyer-assigned", "seller-assigned", "vat", "ZZ"),
    assigned_values=line_texts,
    party_names=cell_texts,
    address_lines=line_texts,
    cities=cell_texts,
    postal_codes=cell_texts,
    contact_names=cell_texts,
    phones=cell_texts,
    terms_descriptions=cell_texts,
    incoterms_places=cell_texts,
    ship_methods=cell_texts,
    notes=line_texts,
    order_line_descriptions=cell_texts,
    line_descriptions=cell_texts,
    line_reasons=cell_texts,
    document_reasons=cell_texts,
    charge_descriptions=item_ends,
    shipment_ids=cell_texts | code_texts(),
    carriers=cell_texts,
    most_serial_numbers=5,
    ordered_quantities=any_quantities,
    answered_quantities=any_quantities,
    shipped_quantities=any_quantities,
    invoiced_quantities=any_quantities,
    unit_prices=any_amounts,
    pack_weights=any_quantities,
    money=any_amounts,
    tax_amounts=any_amounts,
    tax_rates=amounts(digits=6, places=4, minimum=0),
    taxable_amounts=any_amounts,
    discount_percents=amounts(digits=4, places=2, minimum=0),
    # Every value has its own cell or its own part of a list item: no combination is lost.
    schedule_needs_delivery_date=False,
    backorder_needs_backorder_status=False,
    changed_unit_needs_quantity=False,
    taxable_amount_needs_rate=False,
)
