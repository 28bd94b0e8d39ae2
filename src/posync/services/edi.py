"""Writing EDI: interchanges for partners, numbered for good and recorded as exchanges.

Every interchange posync writes (X12 or EDIFACT) is numbered from the store
(control numbers and references are never reused for a partner), archived
as sent and recorded as an ``OutboundExchange``. The partner is the
receiver, filed as ``x12:QUALIFIER:ID`` or ``edifact:QUALIFIER:ID``. An
EDIFACT interchange has no functional group (posync writes no UNG), so its
messages stand in the group of the interchange reference: the number a
CONTRL answers (UCI 0020).

Receiving their answers is ``services.receiving``.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from posync.codecs.edifact.codec import (
    ControlReferences,
    EdifactCodec,
)
from posync.codecs.edifact.codec import PartnerEnvelope as EdifactEnvelope
from posync.codecs.edifact.mapping.registry import message_type_for
from posync.codecs.errors import EncodeError
from posync.codecs.formats import edifact_format, x12_format
from posync.codecs.formats.model import EncodeTarget, PartyIdentity, Standard
from posync.codecs.formats.registry import FormatRegistry
from posync.codecs.x12.codec import X12Codec
from posync.codecs.x12.guide import ImplementationGuide
from posync.codecs.x12.writer import ControlNumbers
from posync.codecs.x12.writer import PartnerEnvelope as X12Envelope
from posync.domain.errors import DomainRuleViolated, NotFound, Problem
from posync.domain.exchanges import ExchangedMessage, ExchangeState, OutboundExchange
from posync.domain.partners import TradingPartner
from posync.services.commands import WriteInterchange, WriteInterchangeForPartner
from posync.services.partner_guides import x12_guide
from posync.services.ports import Clock, UnitOfWork

X12_MEDIA_TYPE = "application/edi-x12"
EDIFACT_MEDIA_TYPE = "application/edifact"
UNKNOWN_MEDIA_TYPE = "application/octet-stream"
X12 = Standard.X12.value
EDIFACT = Standard.EDIFACT.value


def x12_partner(qualifier: str, identifier: str) -> str:
    """The key posync files a partner's X12 control numbers and exchanges under."""
    return f"{X12}:{qualifier.strip()}:{identifier.strip()}"


def edifact_partner(qualifier: str, identifier: str) -> str:
    """The key posync files a partner's EDIFACT control references and exchanges under."""
    return f"{EDIFACT}:{qualifier.strip()}:{identifier.strip()}"


@dataclass(frozen=True, slots=True, kw_only=True)
class InterchangeCodecs:
    """What the EDI use cases write and read with: the formats, and each codec made once."""

    formats: FormatRegistry
    x12: Callable[[], X12Codec]
    edifact: Callable[[], EdifactCodec]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Written:
    """An interchange written, and what its exchange records."""

    standard: str
    media_type: str
    partner: str
    data: bytes
    interchange_control_number: str
    messages: tuple[ExchangedMessage, ...]


# --- writing --------------------------------------------------------------------------------


def write_interchange(
    command: WriteInterchange, uow: UnitOfWork, clock: Clock, codecs: InterchangeCodecs
) -> bytes:
    """Write ``command.documents`` as one X12 or EDIFACT interchange for the receiver."""
    _check_target(command.standard, command.target, command.documents, codecs)
    with uow:
        data = _write(
            uow, codecs, command.standard, command.documents, command.target, None, clock.now()
        )
        uow.commit()
    return data


def write_interchange_for_partner(
    command: WriteInterchangeForPartner,
    uow: UnitOfWork,
    clock: Clock,
    codecs: InterchangeCodecs,
) -> bytes:
    """Write ``command.documents`` for a registered partner: its standard, ids, version, guide."""
    with uow:
        record = uow.partners.get(command.partner_id)
        if record is None:
            raise NotFound(f"no trading partner {command.partner_id!r}")
        partner = record.partner
        if not partner.active:
            raise DomainRuleViolated(f"trading partner {partner.id} is inactive")
        standard = Standard(partner.standard.value)
        target = EncodeTarget(
            sender=PartyIdentity(
                identifier=partner.our_identity.identifier,
                qualifier=partner.our_identity.qualifier or None,
            ),
            receiver=PartyIdentity(
                identifier=partner.their_identity.identifier,
                qualifier=partner.their_identity.qualifier or None,
            ),
            version=partner.version,
            syntax=partner.syntax_identifier if standard is Standard.EDIFACT else None,
        )
        _check_target(standard, target, command.documents, codecs)
        data = _write(uow, codecs, standard, command.documents, target, partner, clock.now())
        uow.commit()
    return data


def _check_target(
    standard: Standard,
    target: EncodeTarget,
    documents: Sequence[object],
    codecs: InterchangeCodecs,
) -> None:
    what = f"{standard.value} interchange"
    if standard not in (Standard.X12, Standard.EDIFACT):
        raise EncodeError(
            what,
            [
                Problem(
                    "standard", f"must be x12 or edifact (numbered interchanges), not {standard}"
                )
            ],
        )
    problems = codecs.formats.format_for(standard).target_problems(target)
    if not documents:
        problems.append(Problem("documents", "an interchange needs at least one document"))
    if problems:
        raise EncodeError(what, problems)


def _write(
    uow: UnitOfWork,
    codecs: InterchangeCodecs,
    standard: Standard,
    documents: Sequence[object],
    target: EncodeTarget,
    partner: TradingPartner | None,
    now: datetime,
) -> bytes:
    """The interchange, numbered from ``uow`` and recorded there (the caller commits)."""
    if standard is Standard.X12:
        envelope = x12_format.partner_envelope(target)
        guide = None
        if partner is not None:
            envelope = dataclasses.replace(
                envelope,
                application_sender=partner.application_sender_code or envelope.application_sender,
                application_receiver=(
                    partner.application_receiver_code or envelope.application_receiver
                ),
            )
            guide = x12_guide(partner) if partner.guide else None
        written = _write_x12(uow, codecs.x12(), documents, envelope, now, guide)
    else:
        edifact_envelope = edifact_format.partner_envelope(target)
        written = _write_edifact(uow, codecs.edifact(), documents, edifact_envelope, now)
    _record(uow, written, now)
    return written.data


def _write_x12(
    uow: UnitOfWork,
    codec: X12Codec,
    documents: Sequence[object],
    envelope: X12Envelope,
    at: datetime,
    guide: ImplementationGuide | None = None,
) -> _Written:
    partner = x12_partner(envelope.receiver_qualifier, envelope.receiver_id)
    count = len(documents)
    numbers = ControlNumbers(
        interchange=uow.control_numbers.reserve(partner, "interchange")[0],
        group=uow.control_numbers.reserve(partner, "group", count)[0],
        sets=uow.control_numbers.reserve(partner, "set", count),
    )
    written = codec.written(documents, envelope, numbers, at=at, guide=guide)
    return _Written(
        standard=X12,
        media_type=X12_MEDIA_TYPE,
        partner=partner,
        data=written.data,
        interchange_control_number=written.interchange_control_number,
        messages=tuple(
            ExchangedMessage(
                group_control_number=s.group_control_number,
                control_number=s.control_number,
                document_type=s.code,
                reference=_reference(s.document),
            )
            for s in written.sets
        ),
    )


def _write_edifact(
    uow: UnitOfWork,
    codec: EdifactCodec,
    documents: Sequence[object],
    envelope: EdifactEnvelope,
    at: datetime,
) -> _Written:
    recipient = envelope.recipient
    partner = edifact_partner(recipient.qualifier, recipient.id)
    interchange = str(uow.control_numbers.reserve(partner, "interchange")[0])
    messages = [str(n) for n in uow.control_numbers.reserve(partner, "message", len(documents))]
    data = codec.write(
        documents, envelope, ControlReferences(interchange=interchange, messages=messages), at=at
    )
    return _Written(
        standard=EDIFACT,
        media_type=EDIFACT_MEDIA_TYPE,
        partner=partner,
        data=data,
        interchange_control_number=interchange,
        messages=tuple(
            ExchangedMessage(
                group_control_number=interchange,  # no UNG: a CONTRL answers the interchange
                control_number=reference,
                document_type=message_type_for(document),
                reference=_reference(document),
            )
            for document, reference in zip(documents, messages, strict=True)
        ),
    )


def _record(uow: UnitOfWork, written: _Written, at: datetime) -> None:
    archived = uow.archive.store(
        written.data,
        media_type=written.media_type,
        source=f"sent to {written.partner}",
        received_at=at,
    )
    uow.exchanges.add(
        OutboundExchange(
            id=str(uuid.uuid4()),
            partner=written.partner,
            standard=written.standard,
            interchange_control_number=written.interchange_control_number,
            messages=written.messages,
            archive_sha256=archived.sha256,
            state=ExchangeState.WRITTEN,
            created_at=at,
            updated_at=at,
        )
    )


def _reference(document: object) -> str:
    reference = getattr(document, "purchase_order_number", None) or getattr(document, "number", "")
    return str(reference)
