"""Parties: the NAD segment group (NAD, and CTA with COM) to and from ``Party``.

NAD 3035 says the role (BY buyer, SU supplier, DP delivery party, IV
invoicee, SF ship from...). C082 carries one identifier: its agency (3055)
16 is read as scheme ``duns``, 9 as ``gln``, 91 as ``seller-assigned`` and
92 as ``buyer-assigned``; another code list qualifier (1131) becomes the
scheme as it is (written with agency ZZZ, mutually defined). A party sent
with an identifier and no name takes the identifier as its name.

C080 holds the name in up to five components of 35 characters, cut at
spaces; C059 the address lines, one to a component (four at most), then
3164 city, 3229 region, 3251 postal code and 3207 country. The contact is the
group's CTA (IC, information contact; C056 3412 the name) with its COM
segments: TE the phone, EM the e-mail.

Not carried: a party's identifiers beyond the one C082 holds (as in X12).
"""

from __future__ import annotations

from collections.abc import Sequence

from posync.codecs.edifact.mapping.reading import At, Reader, code_value, text_value
from posync.codecs.edifact.mapping.writing import Writer, padded
from posync.codecs.edifact.segments import Element, Segment
from posync.domain.values import Address, Contact, Party, PartyIdentifier

NAD_MEMBERS = frozenset({"LOC", "FII", "RFF", "DOC", "DTM", "CTA", "COM"})

_SCHEMES = {"16": "duns", "9": "gln", "91": "seller-assigned", "92": "buyer-assigned"}
_AGENCIES = {scheme: agency for agency, scheme in _SCHEMES.items()}
_MUTUALLY_DEFINED = "ZZZ"
_NO_CONTACT = Contact()
_NAME_PARTS = 5
_STREET_PARTS = 4


def party_roles(
    reader: Reader, nad_groups: Sequence[Sequence[At]], roles: Sequence[str]
) -> dict[str, Party]:
    """The party of each NAD role in ``roles``; the first group of a role wins.

    Groups of other roles are not read, so what they hold cannot refuse the message.
    """
    found: dict[str, Party] = {}
    for group in nad_groups:
        role = reader.code(group[0], 1)
        if role in roles and role not in found:
            party = read_party(reader, group)
            if party is not None:
                found[role] = party
    return found


def pick(parties: dict[str, Party], roles: Sequence[str]) -> Party | None:
    return next((parties[role] for role in roles if role in parties), None)


def read_party(reader: Reader, group: Sequence[At]) -> Party | None:
    head = group[0]
    party = party_of(head.segment, [at.segment for at in group[1:]])
    if party is None:
        reader.missing(head, 4, 1, "the party's name, or an identifier in C082")
    return party


def party_of(nad: Segment, members: Sequence[Segment]) -> Party | None:
    """The party of a NAD and its group's ``members``; ``None`` when it has no name and no
    identifier (which ``read_party`` reports)."""
    head = nad.elements
    value = text_value(head, 2, 1)
    identifiers: tuple[PartyIdentifier, ...] = ()
    if value is not None:
        agency, listed = code_value(head, 2, 3), code_value(head, 2, 2)
        scheme = _SCHEMES.get(agency) or listed or agency or _MUTUALLY_DEFINED
        identifiers = (PartyIdentifier(scheme=scheme, value=value),)
    names = [
        part for n in range(1, _NAME_PARTS + 1) if (part := text_value(head, 4, n)) is not None
    ]
    name = " ".join(names) if names else value
    if name is None:
        return None
    return Party(
        name=name,
        identifiers=identifiers,
        address=_address(head),
        contact=_contact(members),
    )


def _address(head: tuple[Element, ...]) -> Address | None:
    lines = tuple(
        line for n in range(1, _STREET_PARTS + 1) if (line := text_value(head, 5, n)) is not None
    )
    city, region = text_value(head, 6, 1), code_value(head, 7, 1) or None
    postal_code, country = text_value(head, 8, 1), code_value(head, 9, 1) or None
    if not lines and city is None and region is None and postal_code is None and country is None:
        return None
    return Address(lines=lines, city=city, region=region, postal_code=postal_code, country=country)


def _contact(members: Sequence[Segment]) -> Contact | None:
    person = next((member for member in members if member.tag == "CTA"), None)
    if person is None:
        return None
    numbers: dict[str, str] = {}
    for member in members:
        if member.tag == "COM":
            kind, number = code_value(member.elements, 1, 2), text_value(member.elements, 1, 1)
            if kind and number is not None:
                numbers.setdefault(kind, number)
    contact = Contact(
        name=text_value(person.elements, 2, 2), email=numbers.get("EM"), phone=numbers.get("TE")
    )
    return None if contact == _NO_CONTACT else contact


def write_party(writer: Writer, role: str, party: Party, field: str) -> None:
    """One NAD group for ``party`` in ``role``."""
    names = writer.parts("NAD", 4, 1, party.name, f"{field}.name", count=_NAME_PARTS)
    identifier = _identifier(party)
    c082: tuple[str, ...] = ()
    if identifier is not None:
        value, listed, agency = identifier
        c082 = (writer.text("NAD", 2, 1, value, f"{field}.identifiers"), listed, agency)
    address = party.address
    street: tuple[str, ...] = ()
    place: tuple[str, ...] = ("", "", "", "")
    if address is not None:
        where = f"{field}.address"
        if len(address.lines) > _STREET_PARTS:
            writer.fail(
                f"{where}.lines",
                f"NAD C059 holds {_STREET_PARTS} address lines (D.96A), got {len(address.lines)}",
            )
        street = tuple(
            writer.text("NAD", 5, 1, line, f"{where}.lines[{n}]")
            for n, line in enumerate(address.lines[:_STREET_PARTS])
        )
        place = (
            writer.text("NAD", 6, 1, address.city, f"{where}.city"),
            writer.text("NAD", 7, 1, address.region, f"{where}.region"),
            writer.text("NAD", 8, 1, address.postal_code, f"{where}.postal_code"),
            writer.text("NAD", 9, 1, address.country, f"{where}.country"),
        )
    writer.add("NAD", role, c082, "", padded(names, _NAME_PARTS), street, *place)
    contact = party.contact
    if contact is not None and contact != _NO_CONTACT:
        writer.add(
            "CTA", "IC", ("", writer.text("CTA", 2, 2, contact.name, f"{field}.contact.name"))
        )
        for kind, number, name in (("TE", contact.phone, "phone"), ("EM", contact.email, "email")):
            if number is not None:
                writer.add(
                    "COM", (writer.text("COM", 1, 1, number, f"{field}.contact.{name}"), kind)
                )


def _identifier(party: Party) -> tuple[str, str, str] | None:
    """The party's first identifier EDIFACT can qualify: value, code list, agency."""
    for identifier in party.identifiers:
        agency = _AGENCIES.get(identifier.scheme)
        if agency is not None:
            return identifier.value, "", agency
        scheme = identifier.scheme
        if len(scheme) <= 3 and scheme.isalnum() and scheme not in _SCHEMES:
            return identifier.value, scheme, _MUTUALLY_DEFINED
    return None
