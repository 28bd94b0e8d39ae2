"""The in-memory store keeps exchanges as the SQL one does: a 997 posync itself writes marks one."""

from __future__ import annotations

from datetime import UTC, datetime

from posync.bootstrap import bootstrap_in_memory
from posync.codecs.formats.model import EncodeTarget, PartyIdentity, Standard
from posync.codecs.x12.codec import GroupAnswered, X12Codec
from posync.codecs.x12.writer import ControlNumbers, OutboundSet, PartnerEnvelope, write_interchange
from posync.connectors.clock import ManualClock
from posync.domain.exchanges import ExchangeState
from posync.services.commands import ReceiveInterchange, WriteInterchange
from support.documents import make_plain_purchase_order

AT = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def envelope(sender: str, receiver: str) -> PartnerEnvelope:
    return PartnerEnvelope(
        sender_qualifier="ZZ",
        sender_id=sender,
        receiver_qualifier="ZZ",
        receiver_id=receiver,
        application_sender=sender,
        application_receiver=receiver,
        version="004010",
    )


def answer_of(sent: bytes) -> bytes:
    """The 997 the receiving side's posync would send back for ``sent``."""
    [group] = [e for e in X12Codec().read([sent]) if isinstance(e, GroupAnswered)]
    return write_interchange(
        envelope("SUPPLIER", "BUYER"),
        [OutboundSet(code="997", functional_group="FA", body=group.acknowledgement)],
        ControlNumbers(interchange=9, group=9, sets=[9]),
        at=AT,
    )


def test_two_orders_sent_and_acknowledged_are_accepted_message_by_message() -> None:
    application = bootstrap_in_memory(clock=ManualClock(AT))
    orders = [
        make_plain_purchase_order("PO-1", lines=2),
        make_plain_purchase_order("PO-2", lines=1),
    ]
    sent = application.bus.handle(
        WriteInterchange(
            actor="t",
            standard=Standard.X12,
            documents=orders,
            target=EncodeTarget(
                sender=PartyIdentity.parse("ZZ:BUYER"), receiver=PartyIdentity.parse("ZZ:SUPPLIER")
            ),
        )
    )
    received = application.bus.handle(
        ReceiveInterchange(actor="t", data=answer_of(sent), source="t")
    )
    [applied] = received.acknowledgements
    assert applied.exchange_state == ExchangeState.ACCEPTED.value
    with application.uow_factory() as uow:
        exchange = uow.exchanges.by_group("x12:ZZ:SUPPLIER", "1")
    assert exchange is not None
    assert [(m.control_number, m.reference, m.status) for m in exchange.messages] == [
        ("0001", "PO-1", "accepted"),
        ("0002", "PO-2", "accepted"),
    ]
    assert received.documents == 0
