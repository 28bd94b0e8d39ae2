"""Receiving EDI: keep a partner's file, tell its standard, apply its acknowledgements.

The bytes are archived before anything is read from them, so nothing
received is lost whatever reading finds. The standard is told from the first
bytes; the 997s and TA1s (X12) or CONTRLs (EDIFACT) in the file are then
applied to the exchanges they answer (``OutboundExchange.acknowledged``),
which become accepted, accepted with errors, partially accepted or rejected.
An answer posync cannot place (an unknown partner or control number, a
contradiction) is reported by name and changes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from posync.codecs.edifact.codec import (
    DecodedMessage,
    EdifactCodec,
    InterchangeAnswered,
)
from posync.codecs.edifact.envelope_events import Party
from posync.codecs.edifact.syntax import EdifactSyntaxError
from posync.codecs.errors import DecodeError
from posync.codecs.formats.model import Standard
from posync.codecs.sniff import HEAD_SIZE, sniff
from posync.codecs.x12.acknowledgement import read_interchange_acknowledgement
from posync.codecs.x12.codec import DecodedSet, X12Codec
from posync.codecs.x12.envelope_events import InterchangeAcknowledgementRead, InterchangeHeader
from posync.codecs.x12.syntax import X12SyntaxError
from posync.domain.documents import AcknowledgedLevel, FunctionalAcknowledgement
from posync.domain.errors import DomainRuleViolated, InvalidDocument, TransitionNotAllowed
from posync.services.commands import (
    AcknowledgementApplied,
    InterchangeReceived,
    ReceiveInterchange,
)
from posync.services.edi import (
    EDIFACT_MEDIA_TYPE,
    UNKNOWN_MEDIA_TYPE,
    X12_MEDIA_TYPE,
    InterchangeCodecs,
    edifact_partner,
    x12_partner,
)
from posync.services.ports import Clock, UnitOfWork


@dataclass(frozen=True, slots=True, kw_only=True)
class _Reading:
    """One thing read from a received file: an acknowledgement, a document, or a problem.

    ``answered`` is the control number the acknowledgement answers as posync
    files it (X12 interchange numbers nine digits wide, group numbers without
    leading zeros); ``level`` what it answers, for people.
    """

    partner: str
    acknowledgement: FunctionalAcknowledgement | None = None
    answered: str = ""
    level: str = ""
    problem: str | None = None


def receive_interchange(
    command: ReceiveInterchange,
    uow: UnitOfWork,
    clock: Clock,
    codecs: InterchangeCodecs,
) -> InterchangeReceived:
    """Archive ``command.data``, tell its standard, then apply the acknowledgements in it."""
    try:
        standard: Standard | None = sniff(command.data[:HEAD_SIZE])
    except DecodeError as error:
        standard = None
        said = "; ".join(p.message for p in error.problems).rpartition(": it ")[2]
        unreadable = f"not X12 or EDIFACT: it {said}"
    else:
        unreadable = f"not X12 or EDIFACT but {standard}"
    if standard is Standard.X12:
        readings = _x12_readings(codecs.x12(), command.data)
        return _receive(command.data, command.source, X12_MEDIA_TYPE, readings, uow, clock)
    if standard is Standard.EDIFACT:
        readings = _edifact_readings(codecs.edifact(), command.data)
        return _receive(command.data, command.source, EDIFACT_MEDIA_TYPE, readings, uow, clock)
    kept = _receive(command.data, command.source, UNKNOWN_MEDIA_TYPE, iter(()), uow, clock)
    return dataclasses.replace(kept, unreadable=unreadable)


def _receive(
    data: bytes,
    source: str,
    media_type: str,
    readings: Iterator[_Reading],
    uow: UnitOfWork,
    clock: Clock,
) -> InterchangeReceived:
    """Archive ``data``, then apply each acknowledgement read, each in its own unit of work.

    The bytes are committed before anything is read from them, so nothing
    received is lost whatever reading finds.
    """
    with uow:
        archived = uow.archive.store(
            data, media_type=media_type, source=source, received_at=clock.now()
        )
        uow.commit()
    applied: list[AcknowledgementApplied] = []
    documents = rejected = 0
    unreadable: str | None = None
    try:
        for reading in readings:
            if reading.acknowledgement is not None:
                with uow:
                    applied.append(_apply(uow, reading, reading.acknowledgement, clock))
                    uow.commit()
            elif reading.problem is not None:
                rejected += 1
                applied.append(_unreadable(reading.partner, reading.problem))
            else:
                documents += 1
    except X12SyntaxError as error:
        unreadable = f"not X12: {error}"
    except EdifactSyntaxError as error:
        unreadable = f"not EDIFACT: {error}"
    return InterchangeReceived(
        archive_sha256=archived.sha256,
        documents=documents,
        rejected=rejected,
        acknowledgements=tuple(applied),
        unreadable=unreadable,
    )


def _x12_readings(codec: X12Codec, data: bytes) -> Iterator[_Reading]:
    """Per set or TA1: the acknowledgement it is, or the problem with it."""
    for event in codec.read([data]):
        if isinstance(event, DecodedSet):
            document = event.document
            partner = _x12_sender(event.read.interchange)
            if isinstance(document, FunctionalAcknowledgement):
                yield _x12_acknowledgement(partner, document)
            elif not event.accepted:
                problems = "; ".join(
                    [str(f) for f in event.findings] + [str(p) for p in event.problems]
                )
                yield _Reading(
                    partner=partner, problem=f"{event.code} {event.control_number}: {problems}"
                )
            else:
                yield _Reading(partner=partner)
        elif isinstance(event, InterchangeAcknowledgementRead):
            partner = _x12_sender(event.interchange)
            try:
                ta1 = read_interchange_acknowledgement(event.segment).canonical()
            except InvalidDocument as error:
                yield _Reading(partner=partner, problem=f"TA1: {error}")
            else:
                yield _x12_acknowledgement(partner, ta1)


def _x12_sender(header: InterchangeHeader) -> str:
    return x12_partner(header.sender_qualifier, header.sender_id)


def _x12_acknowledgement(partner: str, acknowledgement: FunctionalAcknowledgement) -> _Reading:
    number = acknowledgement.control_number
    envelope = acknowledgement.level is AcknowledgedLevel.INTERCHANGE
    return _Reading(
        partner=partner,
        acknowledgement=acknowledgement,
        answered=number.zfill(9) if envelope else number.lstrip("0") or "0",
        level=acknowledgement.level.value,
    )


def _edifact_readings(codec: EdifactCodec, data: bytes) -> Iterator[_Reading]:
    """Per message, once its interchange has closed and stands: what it is, or its problem."""
    staged: list[DecodedMessage] = []
    for event in codec.read([data]):
        if isinstance(event, DecodedMessage):
            staged.append(event)
        elif isinstance(event, InterchangeAnswered):
            closed = event.closed
            partner = _edifact_party(closed.interchange.sender)
            envelope_errors = "; ".join(str(f) for f in closed.findings if f.rejects)
            for message in staged:
                yield _edifact_reading(partner, message, envelope_errors)
            staged = []


def _edifact_party(party: Party) -> str:
    return edifact_partner(party.qualifier, party.id)


def _edifact_reading(partner: str, message: DecodedMessage, envelope_errors: str) -> _Reading:
    label = f"{message.type} {message.reference}"
    if envelope_errors:
        return _Reading(partner=partner, problem=f"{label}: interchange {envelope_errors}")
    document = message.document
    if message.accepted and isinstance(document, FunctionalAcknowledgement):
        # A CONTRL answers an interchange: UCI 0020, the group posync filed its messages in.
        return _Reading(
            partner=partner,
            acknowledgement=document,
            answered=document.control_number,
            level="interchange",
        )
    if not message.accepted:
        said = [str(f) for f in message.findings if f.rejects] + [str(p) for p in message.problems]
        return _Reading(partner=partner, problem=f"{label}: {'; '.join(said) or 'rejected'}")
    return _Reading(partner=partner)


def _apply(
    uow: UnitOfWork,
    reading: _Reading,
    acknowledgement: FunctionalAcknowledgement,
    clock: Clock,
) -> AcknowledgementApplied:
    partner = reading.partner
    if acknowledgement.level is AcknowledgedLevel.INTERCHANGE:
        exchange = uow.exchanges.by_interchange(partner, reading.answered)
    else:
        exchange = uow.exchanges.by_group(partner, reading.answered)
    result = AcknowledgementApplied(
        partner=partner,
        level=reading.level,
        control_number=acknowledgement.control_number,
        status=acknowledgement.status.value,
    )
    if exchange is None:
        return result.unplaced(
            f"posync sent {partner} no {reading.level} {acknowledgement.control_number}"
        )
    try:
        updated = exchange.acknowledged(acknowledgement, clock.now())
    except (DomainRuleViolated, TransitionNotAllowed) as error:
        return result.unplaced(str(error), exchange=exchange.id)
    uow.exchanges.save(updated)
    return result.placed(exchange=updated.id, state=updated.state.value)


def _unreadable(partner: str, problem: str) -> AcknowledgementApplied:
    return AcknowledgementApplied(
        partner=partner,
        level="unknown",
        control_number="",
        status="unreadable",
        problem=problem,
    )
