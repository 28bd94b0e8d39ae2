"""EdifactCodec: documents written into a partner's interchange, read back with their CONTRL."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posync.codecs.edifact.codec import (
    ControlReferences,
    DecodedMessage,
    EdifactCodec,
    InterchangeAnswered,
    PartnerEnvelope,
)
from posync.codecs.edifact.envelope_events import Party
from posync.codecs.edifact.syntax import EdifactSyntaxError, ServiceCharacters
from posync.codecs.errors import EncodeError
from posync.domain.documents import (
    FunctionalAcknowledgement,
    FunctionalAckStatus,
    PurchaseOrder,
)
from support.documents import (
    make_acknowledgement,
    make_change,
    make_invoice,
    make_purchase_order,
    make_ship_notice,
)

AT = datetime(2026, 9, 24, 10, 30, tzinfo=UTC)
CODEC = EdifactCodec()
ENVELOPE = PartnerEnvelope(
    sender=Party(id="ACME", qualifier="ZZ"), recipient=Party(id="EURODIS", qualifier="14")
)
DOCUMENTS = [
    make_purchase_order(),
    make_change(),
    make_acknowledgement(),
    make_ship_notice(),
    make_invoice(),
]


def _write(documents: list[object], envelope: PartnerEnvelope = ENVELOPE) -> bytes:
    references = ControlReferences(
        interchange="42", messages=[str(n) for n in range(1, len(documents) + 1)]
    )
    return CODEC.write(documents, envelope, references, at=AT)


def test_every_document_written_reads_back_with_an_accepting_contrl() -> None:
    events = list(CODEC.read([_write(DOCUMENTS)]))

    messages = [event for event in events if isinstance(event, DecodedMessage)]
    assert [m.type for m in messages] == ["ORDERS", "ORDCHG", "ORDRSP", "DESADV", "INVOIC"]
    assert [m.findings for m in messages] == [()] * 5
    assert all(m.accepted for m in messages)
    assert [m.document for m in messages[:3]] == DOCUMENTS[:3]
    assert messages[4].document == DOCUMENTS[4]
    answered = events[-1]
    assert isinstance(answered, InterchangeAnswered)
    assert answered.acknowledgement is not None
    assert [s.tag for s in answered.acknowledgement] == ["UCI", *["UCM"] * 5]
    assert answered.acknowledgement[0].component(4) == "7"


@pytest.mark.parametrize(
    "documents",
    [
        pytest.param([DOCUMENTS[0], DOCUMENTS[3], DOCUMENTS[4]], id="orders-desadv-invoic"),
        pytest.param(DOCUMENTS, id="with-ordchg-and-ordrsp"),
    ],
)
def test_the_contrl_posync_answers_with_reads_back_as_accepted(documents: list[object]) -> None:
    answered = next(
        e for e in CODEC.read([_write(documents)]) if isinstance(e, InterchangeAnswered)
    )
    back = ControlReferences(interchange="43", messages=["1"])
    contrl = CODEC.answer(answered, ENVELOPE, back, at=AT)

    (message,) = CODEC.decode([contrl])
    document = message.document
    assert isinstance(document, FunctionalAcknowledgement)
    assert document.status is FunctionalAckStatus.ACCEPTED
    assert len(document.sets) == len(documents)
    # A CONTRL is never answered.
    last = list(CODEC.read([contrl]))[-1]
    assert isinstance(last, InterchangeAnswered)
    assert last.acknowledgement is None
    with pytest.raises(EncodeError):
        CODEC.answer(last, ENVELOPE, back, at=AT)


def test_numbers_are_read_with_the_decimal_comma_the_una_declares() -> None:
    comma = PartnerEnvelope(
        sender=ENVELOPE.sender,
        recipient=ENVELOPE.recipient,
        characters=ServiceCharacters(decimal=","),
    )
    order = make_purchase_order()
    payload = _write([order], comma).replace(b"PRI+AAA:2.5", b"PRI+AAA:2,5")
    assert payload.startswith(b"UNA:+,? '")

    (message,) = CODEC.decode([payload])

    assert message.problems == ()
    assert isinstance(message.document, PurchaseOrder)
    assert message.document.lines[0].unit_price == Decimal("2.5")


def test_a_message_that_cannot_be_mapped_keeps_its_problems() -> None:
    payload = _write([make_purchase_order()]).replace(b"QTY+21:10:EA'", b"QTY+21:ten:EA'", 1)

    (message,) = CODEC.decode([payload])

    assert message.document is None
    assert not message.accepted
    assert [p.field for p in message.problems] + [f.code for f in message.findings] != []


def test_one_reference_per_document_is_required() -> None:
    with pytest.raises(EncodeError) as raised:
        CODEC.write(DOCUMENTS, ENVELOPE, ControlReferences(interchange="1", messages=["1"]), at=AT)
    assert [p.field for p in raised.value.problems] == ["references.messages"]


VALID = _write(DOCUMENTS)
mutation = st.tuples(
    st.sampled_from(["replace", "insert", "delete"]),
    st.integers(min_value=0, max_value=len(VALID) - 1),
    st.binary(min_size=1, max_size=4),
)


def _mutate(data: bytes, mutations: list[tuple[str, int, bytes]]) -> bytes:
    for kind, at, value in mutations:
        at = min(at, len(data))
        if kind == "replace":
            data = data[:at] + value + data[at + len(value) :]
        elif kind == "insert":
            data = data[:at] + value + data[at:]
        else:
            data = data[:at] + data[at + len(value) :]
    return data


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=3))
def test_mutated_bytes_give_findings_or_problems_never_another_exception(
    mutations: list[tuple[str, int, bytes]],
) -> None:
    try:
        events = list(CODEC.read([_mutate(VALID, mutations)]))
    except EdifactSyntaxError:
        return  # not EDIFACT at all any more: the reader's own error
    for event in events:
        if isinstance(event, DecodedMessage) and event.document is None and not event.read.rejected:
            assert event.problems
            assert all(p.field for p in event.problems)
