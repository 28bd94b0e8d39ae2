"""The columns of a party (buyer, supplier, ship-to, bill-to), prefixed by its role.

``buyer_name``, ``buyer_ids`` (one ``scheme:value`` per line of the cell,
``duns:123456789``), ``buyer_address`` (one address line per line of the
cell), ``buyer_city``, ``buyer_region``, ``buyer_postal_code``,
``buyer_country``, ``buyer_contact_name``, ``buyer_contact_email``,
``buyer_contact_phone``. A party whose cells are all blank is absent; an
address or contact with nothing in it is left out.
"""

from __future__ import annotations

from posync.codecs.tabular.cells import CellError, CellReader, CellWriter
from posync.domain.errors import Problem
from posync.domain.values import Address, Contact, Party, PartyIdentifier

ADDRESS = ("address", "city", "region", "postal_code", "country")
CONTACT = ("contact_name", "contact_email", "contact_phone")
PARTY = ("name", "ids", *ADDRESS, *CONTACT)


def party_columns(role: str) -> tuple[str, ...]:
    return tuple(f"{role}_{part}" for part in PARTY)


def read_optional_party(cells: CellReader, role: str) -> Party | None:
    """The party, or None when its cells are all blank."""
    return None if cells.blank(*party_columns(role)) else read_party(cells, role)


def read_party(cells: CellReader, role: str) -> Party:
    name = cells.required_text(f"{role}_name")
    identifiers = cells.entries(f"{role}_ids", _identifier)
    address = None
    if not cells.blank(*(f"{role}_{part}" for part in ADDRESS)):
        address = Address(
            lines=cells.items(f"{role}_address"),
            city=cells.text(f"{role}_city"),
            region=cells.text(f"{role}_region"),
            postal_code=cells.text(f"{role}_postal_code"),
            country=cells.text(f"{role}_country"),
        )
    contact = None
    if not cells.blank(*(f"{role}_{part}" for part in CONTACT)):
        contact = Contact(
            name=cells.text(f"{role}_contact_name"),
            email=cells.text(f"{role}_contact_email"),
            phone=cells.text(f"{role}_contact_phone"),
        )
    return Party(name=name, identifiers=identifiers, address=address, contact=contact)


def write_party(cells: CellWriter, role: str, field: str, party: Party | None) -> dict[str, str]:
    """The party's cells; ``field`` is its path in the document, for problems."""
    if party is None:
        return dict.fromkeys(party_columns(role), "")
    address = party.address or Address()
    contact = party.contact or Contact()
    identifiers = []
    for index, identifier in enumerate(party.identifiers):
        where = f"{field}.identifiers[{index}]"
        scheme = cells.token(f"{where}.scheme", identifier.scheme)
        if ":" in scheme:
            cells.problems.append(
                Problem(f"{where}.scheme", "holds ':', which ends the scheme in a cell")
            )
        identifiers.append(f"{scheme}:{identifier.value}")
    return {
        f"{role}_name": cells.text(f"{field}.name", party.name),
        f"{role}_ids": cells.items(f"{field}.identifiers", identifiers),
        f"{role}_address": cells.items(f"{field}.address.lines", address.lines),
        f"{role}_city": cells.text(f"{field}.address.city", address.city),
        f"{role}_region": cells.text(f"{field}.address.region", address.region),
        f"{role}_postal_code": cells.text(f"{field}.address.postal_code", address.postal_code),
        f"{role}_country": cells.text(f"{field}.address.country", address.country),
        f"{role}_contact_name": cells.text(f"{field}.contact.name", contact.name),
        f"{role}_contact_email": cells.text(f"{field}.contact.email", contact.email),
        f"{role}_contact_phone": cells.text(f"{field}.contact.phone", contact.phone),
    }


def _identifier(text: str) -> PartyIdentifier:
    scheme, colon, value = text.lstrip().partition(":")
    if not colon or not scheme or not value:
        raise CellError(f"must be scheme:value like duns:123456789, one per line; got {text!r}")
    return PartyIdentifier(scheme=scheme, value=value)
