"""The envelope (credentials, payload id, DOCTYPE), the shared secret, and the Response."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest

from posync.codecs.cxml import (
    CxmlCodec,
    CxmlKind,
    CxmlResponse,
    CxmlStatus,
    DeploymentMode,
    SharedSecret,
)
from posync.codecs.errors import DecodeError, EncodeError
from posync.domain.documents import PurchaseOrder
from support.documents import make_goods_receipt, make_plain_purchase_order
from unit.codecs.cxml.cxml_support import ENVELOPE, SECRET, sample

CODEC = CxmlCodec()


def test_the_envelope_is_read_back_as_written() -> None:
    envelope = dataclasses.replace(
        ENVELOPE,
        deployment_mode=DeploymentMode.TEST,
        timestamp=datetime(2026, 11, 20, 10, 15, tzinfo=timezone(timedelta(hours=-5))),
    )
    data = CODEC.encode(make_plain_purchase_order(), envelope=envelope)

    decoded = CODEC.decode(data)

    assert decoded.envelope == envelope
    assert decoded.timestamp == envelope.timestamp
    assert b'<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd">' in data


def test_the_shared_secret_never_shows() -> None:
    decoded = CODEC.decode(sample("order_request_new.xml"))
    assert decoded.envelope is not None
    secret = decoded.envelope.shared_secret

    assert secret is not None
    assert secret.matches("orchard-lantern-42")
    assert not secret.matches("guess")
    for shown in (repr(decoded), str(decoded.envelope), repr(secret), str(secret)):
        assert "orchard-lantern-42" not in shown
    assert "orchard-lantern-42" not in repr(decoded.document)


def test_the_shared_secret_stays_out_of_errors() -> None:
    data = sample("order_request_new.xml").replace(b'orderID="PO-4500012345"', b"")
    with pytest.raises(DecodeError) as raised:
        CODEC.decode(data)
    assert "orchard-lantern-42" not in str(raised.value)
    bad = dataclasses.replace(ENVELOPE, shared_secret=SharedSecret(SECRET + "\x00"))
    with pytest.raises(EncodeError) as refused:
        CODEC.encode(make_plain_purchase_order(), envelope=bad)
    assert SECRET not in str(refused.value)
    assert [p.field for p in refused.value.problems] == ["envelope.shared_secret"]


def test_a_naive_timestamp_and_a_foreign_version_are_refused_on_writing() -> None:
    bad = dataclasses.replace(ENVELOPE, timestamp=datetime(2026, 1, 1), version="1.1.010")
    with pytest.raises(EncodeError) as raised:
        CODEC.encode(make_plain_purchase_order(), envelope=bad)
    assert {p.field for p in raised.value.problems} == {"envelope.timestamp", "envelope.version"}


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (
            b'timestamp="2026-11-20T10:15:00-05:00"',
            b'timestamp="2026-11-20T10:15:00"',
            "cXML@timestamp",
        ),
        (b'version="1.2.063"', b'version="2.0"', "cXML@version"),
        (b'payloadID="20261120.101500.4711@northwind.example"', b"", "cXML@payloadID"),
    ],
)
def test_a_broken_envelope_is_refused_naming_the_attribute(
    old: bytes, new: bytes, field: str
) -> None:
    with pytest.raises(DecodeError) as raised:
        CODEC.decode(sample("order_request_new.xml").replace(old, new, 1))
    assert field in [p.field for p in raised.value.problems]


def test_a_request_posync_does_not_map_is_refused() -> None:
    data = sample("order_request_new.xml").replace(b"OrderRequest>", b"ProfileRequest>")
    with pytest.raises(DecodeError) as raised:
        CODEC.decode(data)
    assert raised.value.problems[0].field == "cXML.Request.ProfileRequest"


def test_a_document_without_a_cxml_request_cannot_be_encoded() -> None:
    with pytest.raises(EncodeError):
        CODEC.encode(make_goods_receipt(), envelope=ENVELOPE)


def test_a_response_is_written_and_read_with_its_status() -> None:
    status = CxmlStatus.of(409, "Order PO-1 was received before")
    at = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)

    decoded = CODEC.decode(CODEC.response(status, payload_id="r-1@posync", timestamp=at))

    assert decoded.kind is CxmlKind.RESPONSE
    assert decoded.document == CxmlResponse(payload_id="r-1@posync", timestamp=at, status=status)
    assert status.text == "Conflict"
    assert not status.succeeded
    assert not status.retryable


def test_the_sample_response_reads_its_code_and_detail() -> None:
    response = CODEC.decode(sample("response.xml")).document

    assert isinstance(response, CxmlResponse)
    assert (response.status.code, response.status.text) == (409, "Conflict")
    assert response.status.detail.startswith("Order PO-4500012345")


def test_statuses_say_whether_they_succeeded_and_may_be_retried() -> None:
    assert CxmlStatus.ok() == CxmlStatus(code=200, text="OK")
    assert CxmlStatus.of(201).succeeded
    assert CxmlStatus.of(560).retryable
    assert not CxmlStatus.of(400).retryable


def test_a_decode_error_becomes_a_bad_request_naming_the_problem() -> None:
    data = sample("order_request_new.xml").replace(b'quantity="100"', b'quantity="lots"')
    with pytest.raises(DecodeError) as raised:
        CODEC.decode(data)

    status = CxmlStatus.refusing(raised.value)

    assert status.code == 400
    assert "cXML.Request.OrderRequest.ItemOut[1]@quantity" in status.detail
    assert "'lots'" in status.detail


def test_the_update_sample_gives_the_change_and_the_order_it_restates() -> None:
    decoded = CODEC.decode(sample("order_request_update.xml"))

    assert isinstance(decoded.order, PurchaseOrder)
    assert [line.line_number for line in decoded.order.lines] == [1, 2, 3]
    change = decoded.document
    assert [(line.line_number, line.change.value) for line in change.lines] == [  # type: ignore[attr-defined]
        (1, "replace"),
        (3, "add"),
    ]
    assert change.change_number == 1  # type: ignore[attr-defined]
