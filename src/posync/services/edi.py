"""EDI use cases: writing interchanges for partners, and taking in their acknowledgements.

Every interchange posync writes is numbered from the store (numbers are
never reused), archived as sent and recorded as an ``OutboundExchange``.
Receiving an interchange archives its bytes first; the 997s and TA1s in it
are then applied to the exchanges they answer, which become accepted,
accepted with errors, partially accepted or rejected. An answer posync
cannot place (an unknown partner or control number, a contradiction) is
reported by name and changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

from posync.codecs.x12.acknowledgement import read_interchange_acknowledgement
from posync.codecs.x12.codec import DecodedSet, WrittenSet, X12Codec
from posync.codecs.x12.envelope_events import InterchangeAcknowledgementRead, InterchangeHeader
from posync.codecs.x12.syntax import X12SyntaxError
from posync.codecs.x12.writer import ControlNumbers
from posync.domain.documents import AcknowledgedLevel, FunctionalAcknowledgement
from posync.domain.errors import DomainRuleViolated, InvalidDocument, TransitionNotAllowed
from posync.domain.exchanges import ExchangedMessage, ExchangeState, OutboundExchange
from posync.services.commands import (
    AcknowledgementApplied,
    InterchangeReceived,
    ReceiveX12Interchange,
    WriteX12Interchange,
)
from posync.services.ports import Clock, UnitOfWork

X12_MEDIA_TYPE = "application/edi-x12"
X12 = "x12"


def x12_partner(qualifier: str, identifier: str) -> str:
    """The key posync files a partner's X12 control numbers and exchanges under."""
    return f"{X12}:{qualifier.strip()}:{identifier.strip()}"


def write_x12_interchange(
    command: WriteX12Interchange, uow: UnitOfWork, clock: Clock, codec: X12Codec
) -> bytes:
    envelope = command.envelope
    partner = x12_partner(envelope.receiver_qualifier, envelope.receiver_id)
    with uow:
        count = len(command.documents)
        numbers = ControlNumbers(
            interchange=uow.control_numbers.reserve(partner, "interchange")[0],
            group=uow.control_numbers.reserve(partner, "group", count)[0],
            sets=uow.control_numbers.reserve(partner, "set", count),
        )
        now = clock.now()
        written = codec.written(command.documents, envelope, numbers, at=now)
        archived = uow.archive.store(
            written.data, media_type=X12_MEDIA_TYPE, source=f"sent to {partner}", received_at=now
        )
        uow.exchanges.add(
            OutboundExchange(
                id=str(uuid.uuid4()),
                partner=partner,
                standard=X12,
                interchange_control_number=written.interchange_control_number,
                messages=tuple(_message(s) for s in written.sets),
                archive_sha256=archived.sha256,
                state=ExchangeState.WRITTEN,
                created_at=now,
                updated_at=now,
            )
        )
        uow.commit()
    return written.data


def receive_x12_interchange(
    command: ReceiveX12Interchange, uow: UnitOfWork, clock: Clock, codec: X12Codec
) -> InterchangeReceived:
    """Archive ``command.data``, then apply every 997 and TA1 in it to posync's exchanges.

    The bytes are committed before anything is read from them, so nothing
    received is lost whatever reading finds.
    """
    with uow:
        archived = uow.archive.store(
            command.data, media_type=X12_MEDIA_TYPE, source=command.source, received_at=clock.now()
        )
        uow.commit()
    applied: list[AcknowledgementApplied] = []
    documents = rejected = 0
    unreadable: str | None = None
    try:
        for header, acknowledgement, problem in _read(codec, command.data):
            if acknowledgement is not None:
                with uow:
                    applied.append(_apply(uow, header, acknowledgement, clock))
                    uow.commit()
            elif problem is not None:
                rejected += 1
                applied.append(_unreadable(header, problem))
            else:
                documents += 1
    except X12SyntaxError as error:
        unreadable = f"not X12: {error}"
    return InterchangeReceived(
        archive_sha256=archived.sha256,
        documents=documents,
        rejected=rejected,
        acknowledgements=tuple(applied),
        unreadable=unreadable,
    )


def _read(
    codec: X12Codec, data: bytes
) -> Iterator[tuple[InterchangeHeader, FunctionalAcknowledgement | None, str | None]]:
    """Per set or TA1: the interchange, the acknowledgement it is, or the problem with it.

    A business document accepted yields (header, None, None).
    """
    for event in codec.read([data]):
        if isinstance(event, DecodedSet):
            document = event.document
            header = event.read.interchange
            if isinstance(document, FunctionalAcknowledgement):
                yield header, document, None
            elif not event.accepted:
                problems = "; ".join(
                    [str(f) for f in event.findings] + [str(p) for p in event.problems]
                )
                yield header, None, f"{event.code} {event.control_number}: {problems}"
            else:
                yield header, None, None
        elif isinstance(event, InterchangeAcknowledgementRead):
            try:
                ta1 = read_interchange_acknowledgement(event.segment).canonical()
            except InvalidDocument as error:
                yield event.interchange, None, f"TA1: {error}"
            else:
                yield event.interchange, ta1, None


def _apply(
    uow: UnitOfWork,
    header: InterchangeHeader,
    acknowledgement: FunctionalAcknowledgement,
    clock: Clock,
) -> AcknowledgementApplied:
    partner = x12_partner(header.sender_qualifier, header.sender_id)
    answered = acknowledgement.control_number
    envelope = acknowledgement.level is AcknowledgedLevel.INTERCHANGE
    if envelope:
        exchange = uow.exchanges.by_interchange(partner, answered.zfill(9))
    else:
        exchange = uow.exchanges.by_group(partner, answered.lstrip("0") or "0")
    result = AcknowledgementApplied(
        partner=partner,
        level=acknowledgement.level.value,
        control_number=answered,
        status=acknowledgement.status.value,
    )
    if exchange is None:
        what = "interchange" if envelope else "group"
        return result.unplaced(f"posync sent {partner} no {what} {answered}")
    try:
        updated = exchange.acknowledged(acknowledgement, clock.now())
    except (DomainRuleViolated, TransitionNotAllowed) as error:
        return result.unplaced(str(error), exchange=exchange.id)
    uow.exchanges.save(updated)
    return result.placed(exchange=updated.id, state=updated.state.value)


def _unreadable(header: InterchangeHeader, problem: str) -> AcknowledgementApplied:
    return AcknowledgementApplied(
        partner=x12_partner(header.sender_qualifier, header.sender_id),
        level="unknown",
        control_number="",
        status="unreadable",
        problem=problem,
    )


def _message(written: WrittenSet) -> ExchangedMessage:
    document = written.document
    reference = getattr(document, "purchase_order_number", None) or getattr(document, "number", "")
    return ExchangedMessage(
        group_control_number=written.group_control_number,
        control_number=written.control_number,
        document_type=written.code,
        reference=str(reference),
    )
