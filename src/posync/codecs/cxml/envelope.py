"""The cXML envelope: the ``cXML`` element, its ``Header`` of credentials, and the DOCTYPE.

``<cXML payloadID=... timestamp=... version="1.2.063" xml:lang=...>`` holds a
``Header`` (``From``, ``To`` and ``Sender``, each with ``Credential``
elements: a ``domain`` such as NetworkID or DUNS and an ``Identity``; the
Sender's also a ``SharedSecret`` and a ``UserAgent``) and a ``Request``, or a
``Response`` alone. The DOCTYPE names the DTD of the request by its system id:
``cXML.dtd`` for OrderRequest and Response, ``Fulfill.dtd`` for
ConfirmationRequest and ShipNoticeRequest, ``InvoiceDetail.dtd`` for
InvoiceDetailRequest, under ``http://xml.cxml.org/schemas/cXML/<version>/``.
posync reads cXML 1.2 (any ``1.2.0xx``) and writes ``VERSION``.

The shared secret is a password: it is kept in a ``SharedSecret``, whose
``repr`` and ``str`` hide it, and it never reaches a canonical document, a
log line or an error message.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from lxml import etree

from posync.codecs.cxml.reading import XML_LANG, Node, Reader
from posync.codecs.cxml.writing import Writer

VERSION = "1.2.063"
SCHEMAS = "http://xml.cxml.org/schemas/cXML"
USER_AGENT = "posync"
_VERSION_PATTERN = re.compile(r"1\.2\.\d{3}")
_NOT_SECRET = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class DeploymentMode(StrEnum):
    """``Request@deploymentMode``: production documents, or a partner's test traffic."""

    PRODUCTION = "production"
    TEST = "test"


_MODES = frozenset(mode.value for mode in DeploymentMode)


class SharedSecret:
    """A sender's password: hidden from ``repr``/``str``; compared in constant time."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself, for writing it into a Sender credential."""
        return self._value

    def matches(self, expected: str) -> bool:
        return hmac.compare_digest(self._value.encode("utf-8"), expected.encode("utf-8"))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SharedSecret) and other.matches(self._value)

    def __hash__(self) -> int:
        return hash(SharedSecret)

    def __repr__(self) -> str:
        return "SharedSecret('********')"

    __str__ = __repr__


@dataclass(frozen=True, slots=True, kw_only=True)
class Credential:
    """Who a party is on the network: ``domain`` (NetworkID, DUNS...) and ``identity``."""

    domain: str
    identity: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CxmlEnvelope:
    """Everything of a cXML document outside its request: ids, time, and who speaks to whom."""

    payload_id: str
    timestamp: datetime
    from_credentials: tuple[Credential, ...]
    to_credentials: tuple[Credential, ...]
    sender: Credential
    shared_secret: SharedSecret | None = field(default=None, repr=False)
    user_agent: str = USER_AGENT
    version: str = VERSION
    deployment_mode: DeploymentMode = DeploymentMode.PRODUCTION
    language: str = "en-US"


def system_id(version: str, dtd: str) -> str:
    return f"{SCHEMAS}/{version}/{dtd}"


def doctype(version: str, dtd: str) -> str:
    return f'<!DOCTYPE cXML SYSTEM "{system_id(version, dtd)}">'


def timestamp_text(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


# --- writing -----------------------------------------------------------------------------


def write_envelope(writer: Writer, envelope: CxmlEnvelope) -> tuple[etree._Element, etree._Element]:
    """The ``cXML`` element with its Header, and the empty ``Request`` to fill."""
    root = write_root(writer, envelope.payload_id, envelope.timestamp, envelope.version)
    root.set(XML_LANG, writer.format(envelope.language, "envelope.language"))
    header = writer.add(root, "Header")
    for tag, credentials, name in (
        ("From", envelope.from_credentials, "from_credentials"),
        ("To", envelope.to_credentials, "to_credentials"),
    ):
        holder = writer.add(header, tag)
        if not credentials:
            writer.fail(f"envelope.{name}", "must hold at least one credential")
        for index, credential in enumerate(credentials):
            _credential(writer, holder, credential, f"envelope.{name}[{index}]")
    sender = writer.add(header, "Sender")
    written = _credential(writer, sender, envelope.sender, "envelope.sender")
    if envelope.shared_secret is not None:
        secret = envelope.shared_secret.reveal()
        if _NOT_SECRET.search(secret):
            writer.fail("envelope.shared_secret", "holds a character XML cannot carry")
        else:
            writer.add(written, "SharedSecret", secret)
    writer.add(sender, "UserAgent", envelope.user_agent, field="envelope.user_agent")
    request = writer.add(
        root, "Request", deploymentMode=DeploymentMode(envelope.deployment_mode).value
    )
    return root, request


def write_root(writer: Writer, payload_id: str, moment: datetime, version: str) -> etree._Element:
    """A bare ``cXML`` element (a Response has no Header)."""
    if moment.utcoffset() is None:
        writer.fail("envelope.timestamp", "must carry a time zone (cXML timestamps have offsets)")
    if not _VERSION_PATTERN.fullmatch(version):
        writer.fail(
            "envelope.version", f"must be a cXML 1.2 version like {VERSION}, got {version!r}"
        )
    if not payload_id.strip():
        writer.fail("envelope.payload_id", "must not be blank")
    root = etree.Element("cXML")
    root.set("payloadID", writer.format(payload_id, "envelope.payload_id"))
    root.set("timestamp", timestamp_text(moment))
    root.set("version", version)
    return root


def _credential(
    writer: Writer, holder: etree._Element, credential: Credential, field: str
) -> etree._Element:
    element = writer.add(holder, "Credential", field=f"{field}.domain", domain=credential.domain)
    writer.add(element, "Identity", credential.identity, field=f"{field}.identity")
    return element


# --- reading -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class RootRead:
    """What the ``cXML`` element itself says."""

    payload_id: str
    timestamp: datetime
    version: str
    language: str


def read_root(reader: Reader, root: Node) -> RootRead:
    if root.name != "cXML":
        reader.refuse(root.path, f"must be the cXML element, got <{root.name}>")
    payload_id = reader.attribute(root, "payloadID", required="the document's unique id")
    moment = reader.timestamp(root, "timestamp")
    version = reader.code(root, "version") or VERSION
    if not _VERSION_PATTERN.fullmatch(version):
        reader.fail(
            root.field("version"), f"must be a cXML 1.2 version like 1.2.063, got {version!r}"
        )
    reader.finish()
    assert payload_id is not None  # finish() raised otherwise
    assert moment is not None
    return RootRead(
        payload_id=payload_id,
        timestamp=moment,
        version=version,
        language=root.raw(XML_LANG) or "en-US",
    )


def read_envelope(reader: Reader, root: Node, read: RootRead) -> CxmlEnvelope:
    header = reader.required(root, "Header", "the Header with From, To and Sender")
    if header is None:
        reader.finish()
        raise AssertionError("unreachable: finish() raised")
    sides = {}
    for tag in ("From", "To"):
        holder = reader.required(header, tag, f"the {tag} credentials")
        sides[tag] = _credentials(reader, holder) if holder is not None else ()
        if holder is not None and not sides[tag]:
            reader.fail(f"{holder.path}.Credential", "is required: at least one Credential")
    sender_node = reader.required(header, "Sender", "the Sender credential")
    sender, secret, agent = Credential(domain="", identity=""), None, USER_AGENT
    if sender_node is not None:
        credentials = sender_node.children("Credential")
        if not credentials:
            reader.fail(f"{sender_node.path}.Credential", "is required: the sender's Credential")
        else:
            sender = _credential_of(reader, credentials[0])
            secret_node = credentials[0].child("SharedSecret")
            if secret_node is not None:
                secret = SharedSecret(secret_node.text())
        agent = reader.child_text(sender_node, "UserAgent") or USER_AGENT
    request = root.child("Request")
    mode = reader.code(request, "deploymentMode") if request is not None else ""
    if mode and mode not in _MODES:
        reader.fail(
            request.field("deploymentMode") if request else "", "must be production or test"
        )
    return CxmlEnvelope(
        payload_id=read.payload_id,
        timestamp=read.timestamp,
        from_credentials=sides.get("From", ()),
        to_credentials=sides.get("To", ()),
        sender=sender,
        shared_secret=secret,
        user_agent=agent,
        version=read.version,
        deployment_mode=DeploymentMode(mode) if mode in _MODES else DeploymentMode.PRODUCTION,
        language=read.language,
    )


def _credentials(reader: Reader, holder: Node) -> tuple[Credential, ...]:
    return tuple(_credential_of(reader, node) for node in holder.children("Credential"))


def _credential_of(reader: Reader, node: Node) -> Credential:
    domain = reader.attribute(node, "domain", required="the credential's domain")
    identity = reader.child_text(node, "Identity")
    if identity is None:
        reader.fail(f"{node.path}.Identity", "is required: the identity in the domain")
    return Credential(domain=domain or "", identity=(identity or "").strip())
