"""cXML as a ``DocumentFormat``: the cXML codec behind the standard-neutral protocol.

One input is one cXML document, so it gives one ``Decoded``, labelled with
its request and payloadID (``OrderRequest 2026...@northwind.example``).
Validation gives that ``Decoded`` and, for a request, the ``Answer`` cXML
would send back: a Response with status 200 OK, or with the code
``CxmlStatus.refusing`` chooses (406 for bytes that are not safe,
well-formed XML, 400 for anything else wrong) and each problem as an error
finding. A finding's code is that status code; notes that do not refuse the
document (a DOCTYPE naming another DTD) are warnings with code 200.

Writing takes one document per file. A change restates its order and an
acknowledgement with lines answers the order's lines, so these also need
the ``PurchaseOrder`` they refer to: given as a second document of the
input, with the same order number. The sender is ``DOMAIN:IDENTITY`` (the
From and Sender credential), the receiver the To credential; no shared
secret is written.
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

from posync.codecs.cxml import Credential, CxmlCodec, CxmlEnvelope, CxmlStatus, DecodedCxml
from posync.codecs.cxml.codec import CxmlKind, kind_for
from posync.codecs.cxml.envelope import VERSION
from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.formats.model import (
    Answer,
    Checked,
    ControlNumberSource,
    Decoded,
    EncodeTarget,
    Finding,
    PartyIdentity,
    ReadOptions,
    Severity,
    Standard,
)
from posync.domain.documents import (
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
)
from posync.domain.errors import Problem

_VERSION = re.compile(r"1\.2\.\d{3}")
_WHAT = "cXML document"


class CxmlFormat:
    standard = Standard.CXML
    media_type = "application/xml"
    numbered = False

    def __init__(self) -> None:
        self._codec = functools.cache(CxmlCodec)

    def decode(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Decoded]:
        yield _decoded(self._codec().decode(self._bytes(chunks)))

    def validate(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Checked]:
        codec = self._codec()
        try:
            read = codec.decode(self._bytes(chunks))
        except DecodeError as error:
            status = CxmlStatus.refusing(error)
            findings = tuple(
                _finding(problem, Severity.ERROR, status) for problem in error.problems
            )
            yield Decoded(
                standard=self.standard,
                label=_WHAT,
                document=None,
                accepted=False,
                findings=findings,
            )
            yield self._answer(status, to="the document")
            return
        yield _decoded(read)
        if read.kind is not CxmlKind.RESPONSE:  # a Response is not answered
            yield self._answer(CxmlStatus.ok(), to=read.payload_id)

    def target_problems(self, target: EncodeTarget) -> list[Problem]:
        problems = target.unused(("sender", "receiver", "version"), self.standard)
        for name, identity in (("sender", target.sender), ("receiver", target.receiver)):
            if identity is None or not identity.qualifier or not identity.identifier:
                problems.append(
                    Problem(
                        name,
                        "must be DOMAIN:IDENTITY, the cXML credential, like NetworkID:AN01000000147"
                        f" or DUNS:987654321; got {str(identity) if identity else 'nothing'!r}",
                    )
                )
        if target.version is not None and not _VERSION.fullmatch(target.version):
            problems.append(
                Problem(
                    "version", f"must be a cXML 1.2 version like {VERSION}, got {target.version!r}"
                )
            )
        return problems

    def encode(
        self,
        documents: Sequence[object],
        target: EncodeTarget,
        *,
        numbers: ControlNumberSource | None,
        at: datetime,
    ) -> bytes:
        problems = self.target_problems(target)
        if problems:
            raise EncodeError(_WHAT, problems)
        document, order = _document_and_order(documents)
        return self._codec().encode(document, envelope=envelope_for(target, at), order=order)

    def _bytes(self, chunks: Iterable[bytes]) -> bytes:
        """The input, read no further than just past the codec's size limit (which it refuses)."""
        limit = self._codec().max_bytes
        taken: list[bytes] = []
        size = 0
        for chunk in chunks:
            taken.append(chunk)
            size += len(chunk)
            if size > limit:
                break
        return b"".join(taken)

    def _answer(self, status: CxmlStatus, *, to: str) -> Answer:
        text = self._codec().response(status, payload_id=payload_id(), timestamp=_now())
        return Answer(
            label=f"Response {status.code} {status.text} to {to}",
            text=text.decode("utf-8"),
            rejected=not status.succeeded,
        )


def envelope_for(target: EncodeTarget, at: datetime) -> CxmlEnvelope:
    """The envelope for ``target`` (check ``target_problems`` first), stamped ``at``."""
    sender = _credential("sender", target.sender)
    return CxmlEnvelope(
        payload_id=payload_id(),
        timestamp=at,
        from_credentials=(sender,),
        to_credentials=(_credential("receiver", target.receiver),),
        sender=sender,
        version=target.version or VERSION,
    )


def payload_id() -> str:
    """A payloadID no other document carries: random, in the usual ``...@domain`` form."""
    return f"{uuid.uuid4().hex}@posync"


def _credential(name: str, identity: PartyIdentity | None) -> Credential:
    if identity is None or not identity.qualifier:
        raise EncodeError(_WHAT, [Problem(name, "must be DOMAIN:IDENTITY")])
    return Credential(domain=identity.qualifier, identity=identity.identifier)


def _document_and_order(documents: Sequence[object]) -> tuple[object, PurchaseOrder | None]:
    """The one document to write and the order it refers to, if the input gives it."""
    orders = [d for d in documents if type(d) is PurchaseOrder]
    others = [d for d in documents if type(d) is not PurchaseOrder]
    if len(documents) == 1:
        written, order = documents[0], None
    elif len(others) == 1 and len(orders) == 1 and _refers_to(others[0], orders[0]):
        written, order = others[0], orders[0]
    else:
        names = ", ".join(type(d).__name__ for d in documents) or "none"
        raise EncodeError(
            _WHAT,
            [
                Problem(
                    "",
                    f"cXML writes one document per file, got {len(documents)} ({names}); "
                    "give one document, with the purchase order it refers to if it is a change "
                    "or an acknowledgement",
                )
            ],
        )
    kind_for(written)  # refuses a document no cXML request carries
    if order is None:
        _require_order(written)
    return written, order


def _refers_to(document: object, order: PurchaseOrder) -> bool:
    return (
        isinstance(document, PurchaseOrderChange | PurchaseOrderAcknowledgement)
        and document.purchase_order_number == order.number
    )


def _require_order(document: object) -> None:
    if isinstance(document, PurchaseOrderChange):
        needs = "restates the whole order"
    elif isinstance(document, PurchaseOrderAcknowledgement) and document.lines:
        needs = "answers the order's lines"
    else:
        return
    name = type(document).__name__
    number = document.purchase_order_number
    raise EncodeError(
        name,
        [
            Problem(
                "order",
                f"is missing: a cXML {name} {needs}, so the input must also hold purchase order "
                f"{number}",
            )
        ],
    )


def _decoded(read: DecodedCxml) -> Decoded:
    notes = tuple(_finding(p, Severity.WARNING, CxmlStatus.ok()) for p in read.problems)
    return Decoded(
        standard=Standard.CXML,
        label=f"{read.kind.value} {read.payload_id}",
        document=read.document,
        accepted=True,
        findings=notes,
        reference={"kind": read.kind.value, "payload_id": read.payload_id},
    )


def _finding(problem: Problem, severity: Severity, status: CxmlStatus) -> Finding:
    return Finding(
        severity=severity,
        code=str(status.code),
        message=problem.message,
        where=problem.field,
        location={"path": problem.field},
    )


def _now() -> datetime:
    return datetime.now().astimezone()
