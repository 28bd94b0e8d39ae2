"""EDIFACT interchanges posync writes are numbered from the store, recorded, and marked by CONTRLs.

On SQLite and PostgreSQL: references are drawn per partner and never reused,
the bytes are archived, the exchange files its messages under the
interchange reference (no UNG), and a partner's CONTRL (written here by
posync's own EDIFACT codec, from the partner's side) marks it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from posync.bootstrap import Application, bootstrap
from posync.codecs.edifact.codec import (
    ControlReferences,
    EdifactCodec,
    InterchangeAnswered,
    PartnerEnvelope,
)
from posync.codecs.edifact.contrl import contrl_identifier
from posync.codecs.edifact.envelope_events import Party
from posync.codecs.edifact.envelope_writer import OutboundMessage, write_interchange
from posync.codecs.edifact.segments import segment
from posync.codecs.errors import EncodeError
from posync.codecs.formats.model import EncodeTarget, PartyIdentity, Standard
from posync.config import Settings
from posync.connectors.clock import ManualClock
from posync.domain.exchanges import ExchangeState, OutboundExchange
from posync.services.commands import InterchangeReceived, ReceiveInterchange, WriteInterchange
from support.documents import make_plain_purchase_order

AT = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
PARTNER = "edifact:ZZZ:EURODIS"
TO_EURODIS = EncodeTarget(
    sender=PartyIdentity.parse("14:4012345000009"), receiver=PartyIdentity.parse("ZZZ:EURODIS")
)
FROM_EURODIS = PartnerEnvelope(
    sender=Party(id="EURODIS", qualifier="ZZZ"),
    recipient=Party(id="4012345000009", qualifier="14"),
)


@pytest.fixture
def application(settings: Settings) -> Iterator[Application]:
    application = bootstrap(settings, clock=ManualClock(AT))
    yield application
    application.close()


def send(application: Application, *numbers: str) -> bytes:
    orders = [make_plain_purchase_order(number, lines=1) for number in numbers]
    data: bytes = application.bus.handle(
        WriteInterchange(actor="t", standard=Standard.EDIFACT, documents=orders, target=TO_EURODIS)
    )
    return data


def contrl_for(sent: bytes) -> bytes:
    """What EURODIS's translator answers ``sent`` with."""
    codec = EdifactCodec()
    [answered] = [e for e in codec.read([sent]) if isinstance(e, InterchangeAnswered)]
    return codec.answer(
        answered, FROM_EURODIS, ControlReferences(interchange="500", messages=["1"]), at=AT
    )


def contrl(*body: tuple[str, ...]) -> bytes:
    """A CONTRL from EURODIS with ``body``, each segment as (tag, element, ...)."""
    message = OutboundMessage(
        reference="1",
        identifier=contrl_identifier("3"),
        body=[segment(tag, *elements) for tag, *elements in body],
    )
    return write_interchange(
        [message],
        sender=FROM_EURODIS.sender,
        recipient=FROM_EURODIS.recipient,
        control_reference="501",
        at=AT,
    )


def receive(application: Application, data: bytes) -> InterchangeReceived:
    received: InterchangeReceived = application.bus.handle(
        ReceiveInterchange(actor="t", data=data, source="test")
    )
    return received


def exchange(application: Application, interchange: str) -> OutboundExchange:
    with application.uow_factory() as uow:
        found = uow.exchanges.by_interchange(PARTNER, interchange)
    assert found is not None
    return found


def test_references_are_drawn_per_partner_and_never_reused(application: Application) -> None:
    first = send(application, "PO-1", "PO-2")
    second = send(application, "PO-3")

    assert b"+EURODIS:ZZZ+261122:0900+1'UNH+1+ORDERS:D:96A:UN'" in first
    assert b"UNH+2+ORDERS:D:96A:UN'" in first
    assert b"+EURODIS:ZZZ+261122:0900+2'UNH+3+ORDERS:D:96A:UN'" in second
    recorded = exchange(application, "1")
    assert (recorded.standard, recorded.state) == ("edifact", ExchangeState.WRITTEN)
    assert [
        (m.group_control_number, m.control_number, m.document_type, m.reference)
        for m in recorded.messages
    ] == [("1", "1", "ORDERS", "PO-1"), ("1", "2", "ORDERS", "PO-2")]
    with application.uow_factory() as uow:
        archived = uow.archive.get(recorded.archive_sha256)
    assert archived is not None
    assert archived[1] == first


def test_a_contrl_accepting_the_interchange_marks_it_accepted(application: Application) -> None:
    sent = send(application, "PO-1", "PO-2")
    send(application, "PO-3")

    received = receive(application, contrl_for(sent))

    [applied] = received.acknowledgements
    assert (applied.partner, applied.level, applied.control_number, applied.problem) == (
        PARTNER,
        "interchange",
        "1",
        None,
    )
    assert applied.exchange_state == "accepted"
    assert exchange(application, "1").state is ExchangeState.ACCEPTED
    assert exchange(application, "2").state is ExchangeState.WRITTEN
    again = receive(application, contrl_for(sent))
    assert (again.acknowledgements[0].exchange_state, again.acknowledgements[0].problem) == (
        "accepted",
        None,
    )


def test_a_contrl_rejecting_one_message_partially_accepts(application: Application) -> None:
    send(application, "PO-1", "PO-2")
    answer = contrl(
        ("UCI", "1", ("4012345000009", "14"), ("EURODIS", "ZZZ"), "7"),
        ("UCM", "1", ("ORDERS", "D", "96A", "UN"), "7"),
        ("UCM", "2", ("ORDERS", "D", "96A", "UN"), "4"),
        ("UCS", "5", "13"),
    )

    [applied] = receive(application, answer).acknowledgements

    assert applied.exchange_state == "partially_accepted"
    recorded = exchange(application, "1")
    assert [(m.control_number, m.status) for m in recorded.messages] == [
        ("1", "accepted"),
        ("2", "rejected"),
    ]
    assert [(f.code, f.segment_position) for f in recorded.messages[1].findings] == [("13", 5)]


def test_a_contrl_rejecting_the_interchange_rejects_every_message(
    application: Application,
) -> None:
    send(application, "PO-1", "PO-2")
    answer = contrl(("UCI", "1", ("4012345000009", "14"), ("EURODIS", "ZZZ"), "4", "29", "UNZ"))

    [applied] = receive(application, answer).acknowledgements

    assert applied.exchange_state == "rejected"
    assert {m.status for m in exchange(application, "1").messages} == {"rejected"}


def test_a_contrl_for_an_interchange_never_sent_changes_nothing(
    application: Application,
) -> None:
    send(application, "PO-1")
    answer = contrl(("UCI", "9", ("4012345000009", "14"), ("EURODIS", "ZZZ"), "7"))

    received = receive(application, answer)

    [applied] = received.acknowledgements
    assert applied.problem == f"posync sent {PARTNER} no interchange 9"
    assert exchange(application, "1").state is ExchangeState.WRITTEN
    with application.uow_factory() as uow:
        assert uow.archive.get(received.archive_sha256) is not None


def test_an_interchange_that_cannot_be_written_uses_up_no_reference(
    application: Application,
) -> None:
    uncarried = [make_plain_purchase_order("PO-1", lines=1), object()]

    with pytest.raises(EncodeError):
        application.bus.handle(
            WriteInterchange(
                actor="t", standard=Standard.EDIFACT, documents=uncarried, target=TO_EURODIS
            )
        )

    sent = send(application, "PO-2")
    assert b"+1'UNH+1+ORDERS" in sent
    with application.uow_factory() as uow:
        assert uow.exchanges.by_interchange(PARTNER, "2") is None
