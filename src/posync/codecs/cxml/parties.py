"""Parties: ``Contact`` (with a role), ``ShipTo``/``BillTo`` (an ``Address``) to and from ``Party``.

``Name`` is the party's name. ``PostalAddress``: each ``Street`` an address
line, then ``City``, ``State`` (the region), ``PostalCode`` and ``Country``
(its ``isoCountryCode``). The DTD requires at least one Street, a City and a
Country in a PostalAddress: a part the canonical address lacks is written
empty and read as absent, and an address with no part at all is not an
address. The contact person's name is the PostalAddress's ``DeliverTo``
(the one the goods or letters are for), the e-mail is ``Email``, the phone
the ``Number`` of ``Phone/TelephoneNumber`` (read back as
"+country area number" when the sender splits it). Identifiers are
``IdReference`` elements: ``domain`` the scheme, ``identifier`` the value;
an ``Address``'s ``addressID`` is read as one too (scheme ``addressIDDomain``).
"""

from __future__ import annotations

from lxml import etree

from posync.codecs.cxml.reading import Node, Reader
from posync.codecs.cxml.writing import Writer
from posync.domain.values import Address, Contact, Party, PartyIdentifier

NOBODY = Party(name="")


# --- writing -----------------------------------------------------------------------------


def write_contact(
    writer: Writer, parent: etree._Element, role: str, party: Party, field: str
) -> etree._Element:
    """``<Contact role=...>``: name, postal address, e-mail, phone, identifiers."""
    contact = writer.add(parent, "Contact", field=field, role=role)
    writer.named(contact, "Name", party.name, f"{field}.name")
    _write_details(writer, contact, party, field)
    write_identifiers(writer, contact, party, field)
    return contact


def write_addressed(
    writer: Writer, parent: etree._Element, tag: str, party: Party, field: str
) -> etree._Element:
    """``<ShipTo>`` or ``<BillTo>``: an Address; the caller adds what follows, then ids."""
    holder = writer.add(parent, tag, field=field)
    address = writer.add(holder, "Address", field=field)
    writer.named(address, "Name", party.name, f"{field}.name")
    _write_details(writer, address, party, field)
    return holder


def write_identifiers(writer: Writer, parent: etree._Element, party: Party, field: str) -> None:
    for index, identifier in enumerate(party.identifiers):
        writer.add(
            parent,
            "IdReference",
            field=f"{field}.identifiers[{index}]",
            identifier=identifier.value,
            domain=identifier.scheme,
        )


def _write_details(writer: Writer, parent: etree._Element, party: Party, field: str) -> None:
    address, contact = party.address, party.contact
    person = contact.name if contact is not None else None
    if address is not None or person is not None:
        postal = writer.add(parent, "PostalAddress", field=f"{field}.address")
        if person is not None:
            writer.add(postal, "DeliverTo", person, field=f"{field}.contact.name")
        shown = address or Address()
        for index, line in enumerate(shown.lines or ("",)):
            writer.add(postal, "Street", line, field=f"{field}.address.lines[{index}]")
        writer.add(postal, "City", shown.city or "", field=f"{field}.address.city")
        if shown.region is not None:
            writer.add(postal, "State", shown.region, field=f"{field}.address.region")
        if shown.postal_code is not None:
            writer.add(
                postal, "PostalCode", shown.postal_code, field=f"{field}.address.postal_code"
            )
        country = shown.country or ""
        writer.add(
            postal, "Country", country, field=f"{field}.address.country", isoCountryCode=country
        )
    if contact is not None and contact.email is not None:
        writer.add(parent, "Email", contact.email, field=f"{field}.contact.email")
    if contact is not None and contact.phone is not None:
        phone = writer.add(parent, "Phone", field=f"{field}.contact.phone")
        number = writer.add(phone, "TelephoneNumber", field=f"{field}.contact.phone")
        country_code = address.country if address is not None else None
        writer.add(number, "CountryCode", "", isoCountryCode=country_code or "")
        writer.add(number, "AreaOrCityCode", "")
        writer.add(number, "Number", contact.phone, field=f"{field}.contact.phone")


# --- reading -----------------------------------------------------------------------------


def read_contact(reader: Reader, node: Node) -> Party:
    """A party from a ``Contact`` (or ``InvoicePartner/Contact``)."""
    return _read_party(reader, node, node)


def read_addressed(reader: Reader, node: Node) -> Party:
    """A party from ``ShipTo`` or ``BillTo``: its Address and its IdReferences."""
    address = reader.required(node, "Address", "the party's Address with its Name")
    if address is None:
        return NOBODY
    party = _read_party(reader, address, node)
    domain = reader.attribute(address, "addressIDDomain")
    found = reader.attribute(address, "addressID")
    if found is not None:
        extra = PartyIdentifier(scheme=domain or "addressID", value=found)
        party = Party(
            name=party.name,
            identifiers=(extra, *party.identifiers),
            address=party.address,
            contact=party.contact,
        )
    return party


def _read_party(reader: Reader, details: Node, identified: Node) -> Party:
    name = reader.child_text(details, "Name")
    if name is None:
        reader.fail(f"{details.path}.Name", "is required: the party's name")
    postal = details.child("PostalAddress")
    address = _read_address(reader, postal) if postal is not None else None
    person = reader.child_text(postal, "DeliverTo") if postal is not None else None
    email = reader.child_text(details, "Email")
    phone_node = details.descend("Phone", "TelephoneNumber")
    phone = _read_phone(reader, phone_node) if phone_node is not None else None
    contact = None
    if person is not None or email is not None or phone is not None:
        contact = Contact(name=person, email=email, phone=phone)
    return Party(
        name=name or "",
        identifiers=read_identifiers(reader, identified),
        address=address,
        contact=contact,
    )


def read_identifiers(reader: Reader, node: Node) -> tuple[PartyIdentifier, ...]:
    found = []
    for reference in node.children("IdReference"):
        scheme = reader.attribute(reference, "domain", required="the identifier's scheme")
        value = reader.attribute(reference, "identifier", required="the identifier")
        if scheme is not None and value is not None:
            found.append(PartyIdentifier(scheme=scheme, value=value))
    return tuple(found)


def _read_address(reader: Reader, postal: Node) -> Address | None:
    lines = tuple(text for street in postal.children("Street") if (text := reader.content(street)))
    country_node = postal.child("Country")
    country = None
    if country_node is not None:
        country = reader.attribute(country_node, "isoCountryCode") or reader.content(country_node)
    address = Address(
        lines=lines,
        city=reader.child_text(postal, "City"),
        region=reader.child_text(postal, "State"),
        postal_code=reader.child_text(postal, "PostalCode"),
        country=country.strip() if country is not None else None,
    )
    return None if address == Address() else address


def _read_phone(reader: Reader, number: Node) -> str | None:
    country = reader.child_text(number, "CountryCode")
    area = reader.child_text(number, "AreaOrCityCode")
    local = reader.child_text(number, "Number")
    extension = reader.child_text(number, "Extension")
    pieces = []
    if country:
        pieces.append("+" + country.strip().lstrip("+"))
    if area:
        pieces.append(area.strip())
    if local:
        pieces.append(local)
    text = " ".join(pieces)
    if extension:
        text = f"{text} x{extension.strip()}" if text else extension
    return text or None
