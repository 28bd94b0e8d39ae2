"""posync's X12 against a trading partner it did not write: mock-edi.

posync (as the buyer ACME) writes an 850; mock-edi answers with what its
partner behaviour says (997, 855, 856, 810, TA1); posync reads every answer.
Corrupt answers must be rejected with the right code; all others accepted,
with warnings at most (mock-edi writes ACK before PID, a forgiving reader
notes it). mock-edi's own validator must find nothing in what posync writes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from mockedi.testing import X12, Mock

from posync.codecs.x12.codec import DecodedSet, GroupAnswered, X12Codec
from posync.codecs.x12.findings import SetError, Severity
from posync.codecs.x12.guide import ImplementationGuide, SetRules
from posync.codecs.x12.syntax import Delimiters
from posync.codecs.x12.writer import (
    ControlNumbers,
    OutboundSet,
    PartnerEnvelope,
    write_interchange,
)
from posync.domain.documents import (
    ChangedLine,
    FunctionalAcknowledgement,
    FunctionalAckStatus,
    Invoice,
    LineChangeType,
    LineStatus,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    PurchaseOrderLine,
    ShipNotice,
)
from posync.domain.values import Party, PartyIdentifier

START = "2026-09-24T10:30:00Z"
AT = datetime(2026, 9, 24, 10, 30, tzinfo=UTC)
BEHAVIOURS = (
    "accept",
    "short-ship",
    "over-ship",
    "reject-line",
    "reject-all",
    "duplicate-invoice",
    "out-of-order",
    "corrupt",
    "reject-ack",
)
VERSIONS = ("004010", "005010")
BUSINESS_SETS = {"855", "856", "810"}


@pytest.fixture(scope="module")
def mock() -> Iterator[Mock]:
    partner = Mock.start(start_at=START)
    yield partner
    partner.close()


@pytest.fixture(scope="module")
def control_numbers() -> Iterator[int]:
    return itertools.count(1)


def envelope(version: str) -> PartnerEnvelope:
    delimiters = (
        Delimiters(element="*", component=">", segment="~", repetition="^")
        if version == "005010"
        else Delimiters()
    )
    return PartnerEnvelope(
        sender_qualifier="ZZ",
        sender_id="ACME",
        receiver_qualifier="ZZ",
        receiver_id="MOCKEDI",
        application_sender="ACME",
        application_receiver="MOCKEDI",
        version=version,
        delimiters=delimiters,
    )


def purchase_order(number: str) -> PurchaseOrder:
    def line(line_number: int, item: str, quantity: str, price: str) -> PurchaseOrderLine:
        return PurchaseOrderLine(
            line_number=line_number,
            buyer_item=f"ACME-{item}",
            supplier_item=item,
            description=f"catalogue item {item}",
            quantity=Decimal(quantity),
            unit_of_measure="EA",
            unit_price=Decimal(price),
            requested_delivery_date=date(2026, 10, 5),
        )

    return PurchaseOrder(
        number=number,
        order_date=date(2026, 9, 24),
        buyer=Party(
            name="Acme Distribution Inc",
            identifiers=(PartyIdentifier(scheme="duns", value="004321789"),),
        ),
        supplier=Party(name="Mock EDI Supplies"),
        currency="USD",
        lines=(
            line(1, "WIDGET-001", "100", "12.50"),
            line(2, "GEAR-100", "40", "8.90"),
        ),
    )


# mock-edi reads a shorter POC02 list than the standard's (no CT or RE): its guide says so.
MOCK_EDI_GUIDE = ImplementationGuide(
    name="mock-edi 860",
    sets={
        "860": SetRules(
            codes={"POC02": frozenset({"AI", "CA", "DI", "NC", "PC", "QD", "QI", "RZ", "SI"})}
        )
    },
)


def write(codec: X12Codec, documents: list[object], version: str, control: int) -> bytes:
    numbers = ControlNumbers(interchange=control, group=control, sets=[control] * len(documents))
    return codec.write(documents, envelope(version), numbers, at=AT, guide=MOCK_EDI_GUIDE)


def exchange(mock: Mock, behaviour: str, version: str, control: int) -> list[dict[str, str]]:
    """Send an 850 as ACME and collect every document mock-edi answers with."""
    mock.partner("ACME", behaviour=behaviour, version=version)
    codec = X12Codec()
    payload = write(codec, [purchase_order(f"45{control:08d}")], version, control)
    summary = mock.send(payload.decode())
    # reject-ack refuses every set in its 997, however clean; all others take the order.
    assert summary["transactionSets"][0]["accepted"] is (behaviour != "reject-ack"), summary
    mock.advance(everything=True)
    rows: list[dict[str, str]] = mock.mailbox(partner="ACME", leave=False)
    return rows


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_every_answer_of_every_behaviour_is_read(
    mock: Mock, control_numbers: Iterator[int], behaviour: str, version: str
) -> None:
    rows = exchange(mock, behaviour, version, next(control_numbers))
    assert rows, "mock-edi answered nothing"
    codec = X12Codec()
    seen: set[str] = set()
    for row in rows:
        for event in codec.read([row["payload"].encode()]):
            if not isinstance(event, DecodedSet):
                continue
            seen.add(event.code)
            errors = [f for f in event.findings if f.severity is Severity.ERROR]
            if behaviour == "corrupt" and event.code in BUSINESS_SETS:
                assert not event.accepted
                assert SetError.SEGMENT_COUNT_MISMATCH in {f.code for f in errors}
                continue
            assert errors == [], [str(f) for f in errors]
            assert event.problems == (), event.problems
            assert event.accepted, event.code
            _check_meaning(behaviour, event)
    assert "997" in seen
    if behaviour not in ("reject-all", "reject-ack"):
        assert seen >= BUSINESS_SETS


def _check_meaning(behaviour: str, event: DecodedSet) -> None:
    document = event.document
    if isinstance(document, FunctionalAcknowledgement):
        expected = FunctionalAckStatus.REJECTED if behaviour == "reject-ack" else None
        if expected is not None:
            assert document.status is expected
        else:
            assert document.status in (
                FunctionalAckStatus.ACCEPTED,
                FunctionalAckStatus.ACCEPTED_WITH_ERRORS,
            )
    elif isinstance(document, PurchaseOrderAcknowledgement):
        statuses = {line.status for line in document.lines}
        if behaviour == "short-ship":
            assert LineStatus.QUANTITY_CHANGED in statuses
        if behaviour in ("reject-line", "reject-all"):
            assert LineStatus.REJECTED in statuses
    elif isinstance(document, ShipNotice):
        assert document.lines
    elif isinstance(document, Invoice):
        assert document.total_amount > 0


@pytest.mark.parametrize("version", VERSIONS)
def test_mock_edi_finds_nothing_in_posync_850(mock: Mock, version: str) -> None:
    payload = write(X12Codec(), [purchase_order("4599000001")], version, 900)

    answer = mock.post("/_mock/validate", payload.decode(), headers={"Content-Type": X12})

    _assert_clean(answer.body, "850")


@pytest.mark.parametrize("version", VERSIONS)
def test_mock_edi_finds_nothing_in_posync_860(mock: Mock, version: str) -> None:
    change = PurchaseOrderChange(
        purchase_order_number="4599000001",
        change_number=1,
        issued_on=date(2026, 9, 25),
        lines=(
            ChangedLine(
                line_number=1,
                change=LineChangeType.QUANTITY_DECREASE,
                quantity=Decimal("80"),
                unit_of_measure="EA",
                unit_price=Decimal("12.50"),
            ),
            ChangedLine(
                line_number=2,
                change=LineChangeType.DATE_CHANGE,
                requested_delivery_date=date(2026, 10, 9),
            ),
            ChangedLine(
                line_number=3,
                change=LineChangeType.ADD,
                quantity=Decimal("10"),
                unit_of_measure="EA",
                unit_price=Decimal("4.15"),
                supplier_item="BRKT-050",
            ),
        ),
    )
    payload = write(X12Codec(), [change], version, 901)

    answer = mock.post("/_mock/validate", payload.decode(), headers={"Content-Type": X12})

    _assert_clean(answer.body, "860")


@pytest.mark.parametrize("version", VERSIONS)
def test_mock_edi_finds_nothing_in_posync_997(
    mock: Mock, control_numbers: Iterator[int], version: str
) -> None:
    rows = exchange(mock, "accept", version, next(control_numbers))
    codec = X12Codec()
    answers = [
        event.acknowledgement
        for row in rows
        for event in codec.read([row["payload"].encode()])
        if isinstance(event, GroupAnswered)
    ]
    assert answers
    acknowledgement = OutboundSet(code="997", functional_group="FA", body=answers[0])
    numbers = ControlNumbers(interchange=950, group=950, sets=[950])
    payload = write_interchange(envelope(version), [acknowledgement], numbers, at=AT)

    answer = mock.post("/_mock/validate", payload.decode(), headers={"Content-Type": X12})
    _assert_clean(answer.body, "997")


def _assert_clean(verdict: dict[str, object], code: str) -> None:
    assert verdict["clean"] is True, verdict
    assert verdict["groupCode"] == "A", verdict
    messages = verdict["messages"]
    assert isinstance(messages, list)
    assert [(m["code"], m["accepted"], m["findings"]) for m in messages] == [(code, True, [])]
