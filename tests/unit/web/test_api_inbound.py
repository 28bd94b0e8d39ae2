"""POST /api/inbound: the bytes are kept before the answer, and acknowledgements applied."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from posync.bootstrap import bootstrap_in_memory
from posync.codecs.formats.model import EncodeTarget, PartyIdentity, Standard
from posync.codecs.x12.codec import GroupAnswered, X12Codec
from posync.codecs.x12.writer import ControlNumbers, OutboundSet, PartnerEnvelope, write_interchange
from posync.connectors.clock import ManualClock
from posync.services.commands import WriteInterchange
from posync.web.api import inbound
from posync.web.app import create_app
from support.documents import make_plain_purchase_order

AT = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
SUPPLIER = PartnerEnvelope(
    sender_qualifier="ZZ",
    sender_id="SUPPLIER",
    receiver_qualifier="ZZ",
    receiver_id="BUYER",
    application_sender="SUPPLIER",
    application_receiver="BUYER",
    version="004010",
)


def test_a_997_posted_is_kept_and_marks_the_exchange() -> None:
    application = bootstrap_in_memory(clock=ManualClock(AT))
    sent = application.bus.handle(
        WriteInterchange(
            actor="t",
            standard=Standard.X12,
            documents=[make_plain_purchase_order("PO-1", lines=1)],
            target=EncodeTarget(
                sender=PartyIdentity(qualifier="ZZ", identifier="BUYER"),
                receiver=PartyIdentity(qualifier="ZZ", identifier="SUPPLIER"),
            ),
        )
    )
    [group] = [e for e in X12Codec().read([sent]) if isinstance(e, GroupAnswered)]
    answer = write_interchange(
        SUPPLIER,
        [OutboundSet(code="997", functional_group="FA", body=group.acknowledgement)],
        ControlNumbers(interchange=7, group=7, sets=[7]),
        at=AT,
    )
    with TestClient(create_app(application)) as client:
        posted = client.post(
            "/api/inbound", content=answer, headers={"Content-Type": "application/edi-x12"}
        )
    assert posted.status_code == 202, posted.text
    body = posted.json()
    assert body["unreadable"] is None
    [applied] = body["acknowledgements"]
    assert (applied["partner"], applied["exchange_state"]) == ("x12:ZZ:SUPPLIER", "accepted")
    with application.uow_factory() as uow:
        kept = uow.archive.get(body["archive_sha256"])
    assert kept is not None
    assert kept[1] == answer


def test_a_body_that_is_not_edi_is_kept_and_said_unreadable() -> None:
    application = bootstrap_in_memory(clock=ManualClock(AT))
    with TestClient(create_app(application)) as client:
        posted = client.post("/api/inbound", content=b"hello, posync")
    assert posted.status_code == 202
    body = posted.json()
    assert body["unreadable"].startswith("not X12 or EDIFACT")
    with application.uow_factory() as uow:
        assert uow.archive.get(body["archive_sha256"]) is not None


def test_empty_and_oversized_bodies_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    application = bootstrap_in_memory(clock=ManualClock(AT))
    monkeypatch.setattr(inbound, "LARGEST_BODY", 10)
    with TestClient(create_app(application)) as client:
        empty = client.post("/api/inbound", content=b"  ")
        large = client.post("/api/inbound", content=b"ISA" + b"*" * 20)
    assert empty.status_code == 422
    assert empty.json()["problems"][0]["field"] == "body"
    assert large.status_code == 413
    assert "larger than 10 bytes" in large.json()["detail"]
