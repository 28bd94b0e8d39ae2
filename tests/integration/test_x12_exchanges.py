"""Interchanges posync sends are recorded, and mock-edi's 997s and TA1s mark them.

posync writes an 850 for mock-edi (a trading partner it did not write),
mock-edi answers with a 997 that accepts it (behaviour ``accept``) or rejects
it (``reject-ack``), and receiving that answer moves posync's exchange to
accepted or rejected, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from mockedi.testing import Mock

from posync.bootstrap import Application, bootstrap
from posync.codecs.formats.model import EncodeTarget, PartyIdentity, Standard
from posync.codecs.x12.writer import ControlNumbers, OutboundSet, PartnerEnvelope, write_interchange
from posync.config import Settings
from posync.connectors.clock import ManualClock
from posync.domain.documents import PurchaseOrder, PurchaseOrderLine
from posync.domain.exchanges import ExchangeState
from posync.domain.values import Party
from posync.services.commands import ReceiveInterchange, WriteInterchange

AT = datetime(2026, 9, 24, 10, 30, tzinfo=UTC)
TO_MOCK_EDI = EncodeTarget(
    sender=PartyIdentity.parse("ZZ:ACME"),
    receiver=PartyIdentity.parse("ZZ:MOCKEDI"),
    version="004010",
)
PARTNER = "x12:ZZ:MOCKEDI"


@pytest.fixture
def application(settings: Settings) -> Iterator[Application]:
    application = bootstrap(settings, clock=ManualClock(AT))
    yield application
    application.close()


@pytest.fixture
def mock() -> Iterator[Mock]:
    partner = Mock.start(start_at="2026-09-24T10:30:00Z")
    yield partner
    partner.close()


def order(number: str) -> PurchaseOrder:
    return PurchaseOrder(
        number=number,
        order_date=date(2026, 9, 24),
        buyer=Party(name="Acme Distribution Inc"),
        supplier=Party(name="Mock EDI Supplies"),
        currency="USD",
        lines=(
            PurchaseOrderLine(
                line_number=1,
                supplier_item="WIDGET-001",
                quantity=Decimal(10),
                unit_of_measure="EA",
                unit_price=Decimal("12.50"),
            ),
        ),
    )


def send(application: Application, mock: Mock, behaviour: str) -> list[bytes]:
    """Write an order for mock-edi through posync and return mock-edi's 997s."""
    data = application.bus.handle(
        WriteInterchange(
            actor="buyer",
            standard=Standard.X12,
            documents=[order("4500000001")],
            target=TO_MOCK_EDI,
        )
    )
    mock.partner("ACME", behaviour=behaviour, version="004010")
    mock.send(data.decode())
    mock.advance(everything=True)
    rows = mock.mailbox(partner="ACME", leave=False)
    return [row["payload"].encode() for row in rows if "ST*997*" in row["payload"]]


def exchange_state(application: Application, interchange: str) -> ExchangeState:
    with application.uow_factory() as uow:
        exchange = uow.exchanges.by_interchange(PARTNER, interchange)
    assert exchange is not None
    return exchange.state


@pytest.mark.parametrize(
    ("behaviour", "expected"),
    [("accept", ExchangeState.ACCEPTED), ("reject-ack", ExchangeState.REJECTED)],
)
def test_mock_edis_997_marks_the_exchange(
    application: Application, mock: Mock, behaviour: str, expected: ExchangeState
) -> None:
    answers = send(application, mock, behaviour)
    assert len(answers) == 1
    assert exchange_state(application, "000000001") is ExchangeState.WRITTEN

    received = application.bus.handle(
        ReceiveInterchange(actor="mock-edi", data=answers[0], source="test")
    )

    [applied] = received.acknowledgements
    assert (applied.partner, applied.control_number, applied.problem) == (PARTNER, "1", None)
    assert applied.exchange_state == expected.value
    assert exchange_state(application, "000000001") is expected
    with application.uow_factory() as uow:
        archived = uow.archive.get(received.archive_sha256)
    assert archived is not None
    assert archived[1] == answers[0]


def test_the_same_997_twice_is_applied_once_and_changes_nothing(
    application: Application, mock: Mock
) -> None:
    [answer] = send(application, mock, "accept")
    first = application.bus.handle(ReceiveInterchange(actor="p", data=answer, source="t"))
    again = application.bus.handle(ReceiveInterchange(actor="p", data=answer, source="t"))
    assert first.acknowledgements[0].exchange_state == "accepted"
    assert again.acknowledgements[0].exchange_state == "accepted"
    assert again.acknowledgements[0].problem is None
    assert first.archive_sha256 == again.archive_sha256


def test_a_997_for_a_group_posync_never_sent_is_reported_and_changes_nothing(
    application: Application, mock: Mock
) -> None:
    [answer] = send(application, mock, "accept")
    stray = answer.replace(b"AK1*PO*1~", b"AK1*PO*77~")
    assert stray != answer
    received = application.bus.handle(ReceiveInterchange(actor="p", data=stray, source="t"))
    [applied] = received.acknowledgements
    assert applied.problem == "posync sent x12:ZZ:MOCKEDI no group 77"
    assert applied.exchange is None
    assert exchange_state(application, "000000001") is ExchangeState.WRITTEN


def test_a_ta1_rejecting_the_interchange_rejects_every_set_in_it(
    application: Application, mock: Mock
) -> None:
    send(application, mock, "accept")
    from_partner = PartnerEnvelope(
        sender_qualifier="ZZ",
        sender_id="MOCKEDI",
        receiver_qualifier="ZZ",
        receiver_id="ACME",
        application_sender="MOCKEDI",
        application_receiver="ACME",
        version="004010",
    )
    # A TA1 stands between the ISA and the first GS; posync's writer puts none there,
    # so it is set into an otherwise empty interchange by hand.
    carrier = write_interchange(
        from_partner,
        [
            OutboundSet(
                code="997",
                functional_group="FA",
                body=[["AK1", "PO", "5"], ["AK9", "A", "0", "0", "0"]],
            )
        ],
        ControlNumbers(interchange=41, group=41, sets=[41]),
        at=AT,
    ).decode()
    isa, _, _ = carrier.partition("GS*")
    ta1 = isa + "TA1*000000001*260924*1030*R*006~\nIEA*0*000000041~\n"
    received = application.bus.handle(ReceiveInterchange(actor="p", data=ta1.encode(), source="t"))
    [applied] = received.acknowledgements
    assert (applied.level, applied.status, applied.exchange_state) == (
        "interchange",
        "rejected",
        "rejected",
    )
    with application.uow_factory() as uow:
        exchange = uow.exchanges.by_interchange(PARTNER, "000000001")
    assert exchange is not None
    assert [f.code for f in exchange.findings] == ["006"]
    assert {m.status for m in exchange.messages} == {"rejected"}
