"""The cXML adapter: one Decoded per document, a Response as the answer, one document written."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from posync.codecs.cxml import CxmlCodec, CxmlResponse
from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.formats.cxml_format import CxmlFormat
from posync.codecs.formats.model import (
    Answer,
    Decoded,
    EncodeTarget,
    PartyIdentity,
    ReadOptions,
    Severity,
    Standard,
)
from posync.codecs.formats.registry import standard_formats
from posync.domain.documents import PurchaseOrder, PurchaseOrderChange
from support.documents import make_acknowledgement, make_change, make_purchase_order

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cxml"
TARGET = EncodeTarget(
    sender=PartyIdentity.parse("NetworkID:AN01000000147"),
    receiver=PartyIdentity.parse("DUNS:987654321"),
)
AT = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def fixture(name: str) -> list[bytes]:
    data = (FIXTURES / name).read_bytes()
    return [data[:100], data[100:]]  # the adapter joins the chunks


def test_the_registry_holds_cxml() -> None:
    assert standard_formats().format_for(Standard.CXML).standard is Standard.CXML


def test_an_order_request_decodes_to_one_purchase_order() -> None:
    (decoded,) = CxmlFormat().decode(fixture("order_request_new.xml"), ReadOptions())

    assert isinstance(decoded.document, PurchaseOrder)
    assert decoded.accepted
    assert decoded.standard is Standard.CXML
    assert decoded.reference["kind"] == "OrderRequest"
    assert decoded.label == f"OrderRequest {decoded.reference['payload_id']}"


def test_a_response_decodes_to_its_status() -> None:
    (decoded,) = CxmlFormat().decode(fixture("response.xml"), ReadOptions())

    assert isinstance(decoded.document, CxmlResponse)


def test_decode_refuses_what_is_not_cxml() -> None:
    with pytest.raises(DecodeError):
        list(CxmlFormat().decode([b"<cXML payloadID="], ReadOptions()))


def test_validate_answers_a_good_request_with_200() -> None:
    checked = list(CxmlFormat().validate(fixture("invoice_detail.xml"), ReadOptions()))

    decoded, answer = checked
    assert isinstance(decoded, Decoded)
    assert decoded.accepted
    assert isinstance(answer, Answer)
    assert not answer.rejected
    response = CxmlCodec().decode(answer.text.encode("utf-8")).document
    assert isinstance(response, CxmlResponse)
    assert response.status.code == 200


def test_validate_gives_no_answer_to_a_response() -> None:
    checked = list(CxmlFormat().validate(fixture("response.xml"), ReadOptions()))

    assert [type(c) for c in checked] == [Decoded]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"<cXML payloadID=", 406),
        (
            (FIXTURES / "order_request_new.xml")
            .read_bytes()
            .replace(b'orderID="PO-4500012345"', b""),
            400,
        ),
    ],
    ids=["not-xml", "missing-order-id"],
)
def test_validate_reports_decode_problems_and_the_refusing_response(data: bytes, code: int) -> None:
    decoded, answer = list(CxmlFormat().validate([data], ReadOptions()))

    assert isinstance(decoded, Decoded)
    assert not decoded.accepted
    assert decoded.document is None
    assert decoded.findings
    assert all(f.severity is Severity.ERROR and f.code == str(code) for f in decoded.findings)
    assert isinstance(answer, Answer)
    assert answer.rejected
    response = CxmlCodec().decode(answer.text.encode("utf-8")).document
    assert isinstance(response, CxmlResponse)
    assert response.status.code == code
    assert decoded.findings[0].message in response.status.detail


def test_an_order_round_trips_through_the_adapter() -> None:
    order = make_purchase_order()
    adapter = CxmlFormat()

    data = adapter.encode([order], TARGET, numbers=None, at=AT)

    (decoded,) = adapter.decode([data], ReadOptions())
    read = decoded.document
    assert isinstance(read, PurchaseOrder)  # cXML writes the buyer as the missing bill-to
    assert (read.number, read.lines, read.buyer) == (order.number, order.lines, order.buyer)
    envelope = CxmlCodec().decode(data).envelope
    assert envelope is not None
    assert [(c.domain, c.identity) for c in envelope.from_credentials] == [
        ("NetworkID", "AN01000000147")
    ]
    assert [(c.domain, c.identity) for c in envelope.to_credentials] == [("DUNS", "987654321")]
    assert envelope.shared_secret is None
    assert envelope.timestamp == AT


def test_a_change_is_written_with_the_order_the_input_gives() -> None:
    order = make_purchase_order()
    change = make_change(purchase_order_number=order.number)

    data = CxmlFormat().encode([order, change], TARGET, numbers=None, at=AT)

    assert isinstance(CxmlCodec().decode(data).document, PurchaseOrderChange)


@pytest.mark.parametrize(
    "document", [make_change(), make_acknowledgement()], ids=["change", "acknowledgement"]
)
def test_a_change_or_acknowledgement_without_its_order_is_refused(document: object) -> None:
    with pytest.raises(EncodeError) as raised:
        CxmlFormat().encode([document], TARGET, numbers=None, at=AT)

    (problem,) = raised.value.problems
    assert problem.field == "order"
    assert "purchase order" in problem.message


def test_several_documents_are_refused() -> None:
    orders = [make_purchase_order("PO-1"), make_purchase_order("PO-2")]

    with pytest.raises(EncodeError) as raised:
        CxmlFormat().encode(orders, TARGET, numbers=None, at=AT)

    assert "one document per file, got 2" in str(raised.value.problems[0])


@pytest.mark.parametrize(
    ("target", "field"),
    [
        (EncodeTarget(receiver=TARGET.receiver), "sender"),
        (EncodeTarget(sender=PartyIdentity.parse("AN01"), receiver=TARGET.receiver), "sender"),
        (EncodeTarget(sender=TARGET.sender), "receiver"),
        (EncodeTarget(sender=TARGET.sender, receiver=TARGET.receiver, version="2.0"), "version"),
        (EncodeTarget(sender=TARGET.sender, receiver=TARGET.receiver, syntax="UNOC"), "syntax"),
    ],
)
def test_target_problems_name_the_setting(target: EncodeTarget, field: str) -> None:
    assert [p.field for p in CxmlFormat().target_problems(target)] == [field]


def test_a_good_target_has_no_problems() -> None:
    assert CxmlFormat().target_problems(TARGET) == []
