"""Parties: the N1 loop (N1, N2, N3, N4, PER) to and from ``Party``.

N101 says the role (BY buyer, SE seller, ST ship-to...). N102 is the name; a
name longer than N102's 60 characters continues in N201 and N202, cut at
spaces. N103/N104 carry one identifier: 1 and 9 (DUNS, DUNS+4) are read as
scheme ``duns``, UL as ``gln``, 91 as ``seller-assigned``, 92 as
``buyer-assigned``; any other qualifier becomes the scheme as it is. A party
sent with an identifier and no name takes the identifier as its name.

Address lines go two to an N3 (two N3 at most), then N4: city, state or
province, postal code, country. The contact is the loop's PER: PER02 the
name, the TE and EM communication numbers the phone and e-mail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from posync.codecs.x12.mapping.common import At, Reader, every, first, joined, pieces
from posync.codecs.x12.mapping.writing import Writer
from posync.domain.values import Address, Contact, Party, PartyIdentifier

N1_MEMBERS = frozenset(
    {"N2", "N3", "N4", "NX2", "REF", "PER", "SI", "FOB", "TD1", "TD5", "TD3", "TD4", "PKG"}
)

_SCHEMES = {"1": "duns", "9": "duns", "UL": "gln", "91": "seller-assigned", "92": "buyer-assigned"}
_QUALIFIERS = {"gln": "UL", "seller-assigned": "91", "buyer-assigned": "92"}
_RAW_QUALIFIER = re.compile(r"[A-Z0-9]{1,2}")
_NAME_WIDTH = 60
_NO_CONTACT = Contact()


def party_roles(
    reader: Reader, loops: Sequence[Sequence[At]], roles: Sequence[str]
) -> dict[str, Party]:
    """The party of each N101 role in ``roles``; the first loop of a role wins.

    Loops of other roles are not read, so what they hold cannot refuse the set.
    """
    found: dict[str, Party] = {}
    for loop in loops:
        role = reader.code(loop[0], 1)
        if role in roles and role not in found:
            party = read_party(reader, loop)
            if party is not None:
                found[role] = party
    return found


def pick(parties: dict[str, Party], roles: Sequence[str]) -> Party | None:
    return next((parties[role] for role in roles if role in parties), None)


def read_party(reader: Reader, loop: Sequence[At]) -> Party | None:
    head = loop[0]
    qualifier, value = reader.code(head, 3), reader.text(head, 4)
    identifiers: tuple[PartyIdentifier, ...] = ()
    if qualifier and value is not None:
        identifiers = (PartyIdentifier(scheme=_SCHEMES.get(qualifier, qualifier), value=value),)
    names = [reader.text(head, 2)]
    for extra in every(loop[1:], "N2"):
        names.extend((reader.text(extra, 1), reader.text(extra, 2)))
    name = joined(part for part in names if part is not None) or value
    if name is None:
        reader.missing(head, 2, "the party's name, or an identifier in N103/N104")
        return None
    return Party(
        name=name,
        identifiers=identifiers,
        address=_address(reader, loop),
        contact=read_contact(reader, loop),
    )


def _address(reader: Reader, loop: Sequence[At]) -> Address | None:
    lines: list[str] = []
    for street in every(loop, "N3"):
        lines.extend(line for line in (reader.text(street, 1), reader.text(street, 2)) if line)
    place = first(loop, "N4")
    city = region = postal_code = country = None
    if place is not None:
        city, postal_code = reader.text(place, 1), reader.text(place, 3)
        region, country = reader.code(place, 2) or None, reader.code(place, 4) or None
    if not lines and place is None:
        return None
    return Address(
        lines=tuple(lines), city=city, region=region, postal_code=postal_code, country=country
    )


def read_contact(reader: Reader, segments: Sequence[At]) -> Contact | None:
    """The contact of the first PER among ``segments``."""
    person = first(segments, "PER")
    if person is None:
        return None
    numbers: dict[str, str] = {}
    for position in (3, 5, 7):
        kind, number = reader.code(person, position), reader.text(person, position + 1)
        if kind and number is not None:
            numbers.setdefault(kind, number)
    name, email, phone = reader.text(person, 2), numbers.get("EM"), numbers.get("TE")
    if name is None and email is None and phone is None:
        return None  # a PER that names nobody and no number
    return Contact(name=name, email=email, phone=phone)


def with_contact(party: Party, contact: Contact) -> Party:
    """``dataclasses.replace(party, contact=contact)``, without its walk over the fields."""
    return Party(
        name=party.name, identifiers=party.identifiers, address=party.address, contact=contact
    )


def write_party(writer: Writer, role: str, party: Party, field: str) -> None:
    """One N1 loop for ``party`` in ``role``."""
    names = pieces(party.name, _NAME_WIDTH) if party.name else None
    if names is None or len(names) > 3:
        writer.fail(
            f"{field}.name",
            "N102 holds 60 characters; a longer name must break at spaces into N201 and N202 "
            f"(at most 180 characters), got {party.name!r}",
        )
        names = [""]
    qualifier, identifier = _identifier(writer, party)
    writer.add(
        "N1",
        role,
        writer.text("N102", names[0], f"{field}.name"),
        qualifier,
        writer.text("N104", identifier, f"{field}.identifiers"),
    )
    if len(names) > 1:
        writer.add("N2", *names[1:])
    if party.address is not None:
        _write_address(writer, party.address, f"{field}.address")
    contact = party.contact
    if contact is not None and contact != _NO_CONTACT:
        numbers = []
        for kind, number, name in (("TE", contact.phone, "phone"), ("EM", contact.email, "email")):
            if number is not None:
                numbers += [kind, writer.text("PER04", number, f"{field}.contact.{name}")]
        name = writer.text("PER02", contact.name, f"{field}.contact.name")
        writer.add("PER", "IC", name, *numbers)


def _identifier(writer: Writer, party: Party) -> tuple[str, str | None]:
    usable = [(i, q) for i in party.identifiers if (q := _qualifier_of(i)) is not None]
    for scheme in writer.options.identifier_preference:
        for identifier, qualifier in usable:
            if identifier.scheme == scheme:
                return qualifier, identifier.value
    if usable:
        identifier, qualifier = usable[0]
        return qualifier, identifier.value
    return "", None


def _qualifier_of(identifier: PartyIdentifier) -> str | None:
    if identifier.scheme == "duns":
        return "9" if len(identifier.value) == 13 else "1"
    if identifier.scheme in _QUALIFIERS:
        return _QUALIFIERS[identifier.scheme]
    raw = identifier.scheme
    return raw if _RAW_QUALIFIER.fullmatch(raw) and raw not in _SCHEMES else None


def _write_address(writer: Writer, address: Address, field: str) -> None:
    lines = [
        writer.text("N301", line, f"{field}.lines[{n}]") for n, line in enumerate(address.lines)
    ]
    if len(lines) > 4:
        writer.fail(f"{field}.lines", f"two N3 segments carry 4 lines at most, got {len(lines)}")
    for start in range(0, min(len(lines), 4), 2):
        writer.add("N3", *lines[start : start + 2])
    place = (
        writer.text("N401", address.city, f"{field}.city"),
        writer.text("N402", address.region, f"{field}.region"),
        writer.text("N403", address.postal_code, f"{field}.postal_code"),
        writer.text("N404", address.country, f"{field}.country"),
    )
    if any(place):
        writer.add("N4", *place)
