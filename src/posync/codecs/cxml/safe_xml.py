"""Reading untrusted XML safely: the one place where cXML bytes become an element tree.

The parser is hardened against what XML lets a sender ask of a receiver:

- no entity is ever expanded or fetched: a document that declares entities
  (billion laughs, ``<!ENTITY x SYSTEM "file:///etc/passwd">``) or refers to
  one is refused, and so is any other internal DTD subset;
- the DTD named in the DOCTYPE is never loaded, and nothing is fetched from
  the network or the file system (a resolver refuses every request and the
  document is refused when one was made);
- the input is refused above ``max_bytes`` (``DEFAULT_MAX_BYTES``), and
  libxml2's own limits on depth and text size stay on (no ``huge_tree``).

Every refusal is an ``UnreadableXml`` (a ``DecodeError``) naming what was
wrong; a cXML Response answers it with 406 Not Acceptable.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from posync.codecs.errors import DecodeError
from posync.domain.errors import Problem

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Twenty megabytes: far above any order or invoice, far below what hurts a worker."""

_DOCUMENT = "cXML"


class UnreadableXml(DecodeError):
    """Bytes that are not a well-formed, safe XML document posync will read."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(_DOCUMENT, [Problem(field, message)])


class _RefusingResolver(etree.Resolver):
    """Answers every request for an outside resource with nothing, and remembers it."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    # lxml calls resolve(url, public id, context); its stubs leave the context out.
    def resolve(self, system_url: str, public_id: str, context: object) -> Any:  # type: ignore[override]
        self.requested.append(str(system_url))
        return self.resolve_string("", context)  # type: ignore[call-arg]


def parse(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._Element:
    """The root element of ``data``; ``UnreadableXml`` when it is unsafe or not XML."""
    if not isinstance(data, bytes | bytearray):
        raise UnreadableXml("", f"must be bytes, got {type(data).__name__}")
    if len(data) > max_bytes:
        raise UnreadableXml(
            "", f"is {len(data)} bytes, more than the limit of {max_bytes} bytes for one document"
        )
    if not data.strip():
        raise UnreadableXml("", "is empty: expected a cXML document")
    if b"<!ENTITY" in data:
        raise UnreadableXml(
            "DOCTYPE",
            "declares entities: posync never expands or fetches entities "
            "(entity expansion and external entities are refused)",
        )
    resolver = _RefusingResolver()
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    parser.resolvers.add(resolver)
    try:
        root = etree.fromstring(bytes(data), parser)
    except etree.XMLSyntaxError as error:
        raise UnreadableXml("", f"is not well-formed XML: {error}") from None
    except ValueError as error:  # lxml refuses some inputs (a bad encoding name) this way
        raise UnreadableXml("", f"is not XML posync can read: {error}") from None
    if resolver.requested:
        raise UnreadableXml(
            "DOCTYPE", f"asks for outside resources ({resolver.requested[0]}): refused"
        )
    _refuse_entities(root)
    return root


def _refuse_entities(root: etree._Element) -> None:
    internal: Any = root.getroottree().docinfo.internalDTD
    if internal is not None:
        declared = [entity.name for entity in internal.iterentities()]
        if declared:
            raise UnreadableXml(
                "DOCTYPE",
                f"declares entity {declared[0]!r}: posync never expands or fetches entities",
            )
        if any(True for _ in internal.iterelements()):
            raise UnreadableXml(
                "DOCTYPE",
                "has an internal DTD subset: a cXML document names its DTD by system id only",
            )
    for node in root.iter():
        if node.tag is etree.Entity:
            raise UnreadableXml(
                "", f"refers to entity {node.text!r}: posync never expands or fetches entities"
            )
