"""The HTTP transport against real servers on loopback: mock-edi, and a small partner of ours.

mock-edi takes a real X12 850 at ``/edi`` and answers with a JSON summary (kept
as the receipt), or 422 for a payload that is no interchange. The small
server answers what a test asks for by path: 503 with ``Retry-After``, 400,
an answer too late, and it records the requests it got.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from mockedi.testing import Mock

from posync.codecs.x12.codec import X12Codec
from posync.codecs.x12.writer import ControlNumbers, PartnerEnvelope
from posync.connectors.transports.http import HttpTransport
from posync.domain.delivery import DeliveryOutcome
from posync.domain.partner_values import TransportKind, TransportSettings
from support.documents import make_plain_purchase_order
from support.transport_documents import make_delivery, secrets

AT = datetime(2026, 9, 24, 10, 30, tzinfo=UTC)
MOCK_EDI_ENVELOPE = PartnerEnvelope(
    sender_qualifier="ZZ",
    sender_id="ACME",
    receiver_qualifier="ZZ",
    receiver_id="MOCKEDI",
    application_sender="ACME",
    application_receiver="MOCKEDI",
    version="004010",
)


def to(url: str, **changes: object) -> TransportSettings:
    values: dict[str, object] = {"kind": TransportKind.HTTP, "url": url}
    values.update(changes)
    return TransportSettings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def mock_edi() -> Iterator[Mock]:
    mock = Mock.start(start_at="2026-09-24T10:30:00Z")
    yield mock
    mock.close()


@pytest.fixture
def http() -> Iterator[HttpTransport]:
    with HttpTransport() as transport:
        yield transport


class Partner(BaseHTTPRequestHandler):
    """Answers by path; every request's path, headers and body go to ``server.seen``."""

    server: PartnerServer

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.server.seen.append((self.path, dict(self.headers), body))
        if self.path == "/busy":
            self._answer(503, b"maintenance", {"Retry-After": "7"})
        elif self.path == "/busy-until":
            later = format_datetime(datetime.now(UTC) + timedelta(minutes=10), usegmt=True)
            self._answer(503, b"", {"Retry-After": later})
        elif self.path == "/bad":
            self._answer(400, b"ISA13 is not numeric", {})
        elif self.path == "/slow":
            time.sleep(1.0)
            self._answer(200, b"too late", {})
        else:
            self._answer(201, b"stored", {})

    def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        # A client that gave up (the timeout test) has closed its end: nothing to tell it.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads ``seen`` instead."""


class PartnerServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Partner)
        self.seen: list[tuple[str, dict[str, str], bytes]] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(scope="module")
def partner_server() -> Iterator[PartnerServer]:
    server = PartnerServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def partner(partner_server: PartnerServer) -> PartnerServer:
    partner_server.seen.clear()
    return partner_server


def test_mock_edi_takes_a_real_850_and_its_summary_is_the_receipt(
    mock_edi: Mock, http: HttpTransport
) -> None:
    order = make_plain_purchase_order("4500000321")
    payload = X12Codec().write(
        [order], MOCK_EDI_ENVELOPE, ControlNumbers(interchange=321, group=321, sets=[1]), at=AT
    )
    delivery = make_delivery(
        to(f"{mock_edi.base}/edi", content_type="application/edi-x12"),
        payload=payload,
        idempotency_key="acme-4500000321",
    )

    result = http.deliver(delivery, {})

    assert result.outcome is DeliveryOutcome.DELIVERED, result.detail
    assert result.receipt is not None
    assert b'"accepted": true' in result.receipt
    assert b"4500000321" in result.receipt
    assert mock_edi.order("4500000321")


def test_mock_edi_refuses_what_is_no_interchange_and_says_why(
    mock_edi: Mock, http: HttpTransport
) -> None:
    delivery = make_delivery(to(f"{mock_edi.base}/edi"), payload=b"PO 4500000999, 10 widgets")

    result = http.deliver(delivery, {})

    assert result.outcome is DeliveryOutcome.REFUSED
    assert "422" in result.detail
    assert "not an EDI interchange" in result.detail


def test_the_partner_gets_body_type_key_and_credentials(
    partner: PartnerServer, http: HttpTransport
) -> None:
    settings = to(f"{partner.base}/in", username="buyer", secrets=("password",))
    given = secrets(password="s3cret-pass")
    for attempt in (1, 2):
        delivery = make_delivery(settings, attempt=attempt, idempotency_key="acme-77")
        assert http.deliver(delivery, given).receipt == b"stored"

    assert len(partner.seen) == 2
    for path, headers, body in partner.seen:
        assert path == "/in"
        assert body == delivery.payload
        assert headers["Content-Type"] == "application/edi-x12"
        assert headers["Idempotency-Key"] == "acme-77"
        assert headers["Authorization"].startswith("Basic ")


def test_503_with_retry_after_seconds_is_a_retry_after_that_long(
    partner: PartnerServer, http: HttpTransport
) -> None:
    result = http.deliver(make_delivery(to(f"{partner.base}/busy")), {})

    assert result.outcome is DeliveryOutcome.RETRY
    assert result.retry_after == timedelta(seconds=7)
    assert "503" in result.detail
    assert "maintenance" in result.detail


def test_503_with_retry_after_date_is_a_retry_until_then(
    partner: PartnerServer, http: HttpTransport
) -> None:
    result = http.deliver(make_delivery(to(f"{partner.base}/busy-until")), {})

    assert result.outcome is DeliveryOutcome.RETRY
    assert result.retry_after is not None
    assert timedelta(minutes=9) <= result.retry_after <= timedelta(minutes=10)


def test_400_is_refused_with_the_partners_words(
    partner: PartnerServer, http: HttpTransport
) -> None:
    result = http.deliver(make_delivery(to(f"{partner.base}/bad")), secrets(password="pw-0"))

    assert result.outcome is DeliveryOutcome.REFUSED
    assert "400" in result.detail
    assert "ISA13 is not numeric" in result.detail


def test_an_answer_later_than_the_partners_timeout_is_a_retry(
    partner: PartnerServer, http: HttpTransport
) -> None:
    delivery = make_delivery(to(f"{partner.base}/slow", timeout=timedelta(milliseconds=200)))

    started = time.monotonic()
    result = http.deliver(delivery, {})

    assert result.outcome is DeliveryOutcome.RETRY
    assert "did not answer within 0.2 seconds" in result.detail
    assert time.monotonic() - started < 0.9


def test_nobody_listening_is_a_retry(http: HttpTransport) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    result = http.deliver(make_delivery(to(f"http://127.0.0.1:{port}/edi")), {})

    assert result.outcome is DeliveryOutcome.RETRY
    assert "could not be reached" in result.detail
