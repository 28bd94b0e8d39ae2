"""The HTTP transport's request and what each answer means, against httpx.MockTransport."""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from posync.connectors.clock import ManualClock
from posync.connectors.transports.http import HttpTransport
from posync.domain.delivery import DeliveryOutcome, DeliveryResult
from posync.domain.partner_values import Secret, TransportKind, TransportSettings
from posync.services.ports import Delivery
from support.transport_documents import make_delivery, secrets

NOW = datetime(2026, 9, 24, 10, 30, tzinfo=UTC)
URL = "https://partner.example.com/edi/in?session=xyz"


def http_settings(**changes: object) -> TransportSettings:
    values: dict[str, object] = {"kind": TransportKind.HTTP, "url": URL}
    values.update(changes)
    return TransportSettings(**values)  # type: ignore[arg-type]


def send(
    handler: Callable[[httpx.Request], httpx.Response],
    delivery: Delivery | None = None,
    given: Mapping[str, Secret] | None = None,
) -> DeliveryResult:
    with HttpTransport(clock=ManualClock(NOW), transport=httpx.MockTransport(handler)) as http:
        return http.deliver(delivery or make_delivery(http_settings()), given or {})


class Recorder:
    """A partner that answers ``status`` and remembers every request."""

    def __init__(self, status: int = 200, **answer: object) -> None:
        self.requests: list[httpx.Request] = []
        self.status = status
        self.answer = answer

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(self.status, **self.answer)  # type: ignore[arg-type]


def test_the_payload_is_posted_with_its_type_and_the_same_key_on_every_attempt() -> None:
    partner = Recorder(202)
    for attempt in (1, 2):
        delivery = make_delivery(http_settings(), attempt=attempt, idempotency_key="acme-42")
        send(partner, delivery)

    for request in partner.requests:
        assert request.method == "POST"
        assert str(request.url) == URL
        assert request.content == delivery.payload
        assert request.headers["Content-Type"] == "application/edi-x12"
        assert request.headers["Idempotency-Key"] == "acme-42"
        assert "Authorization" not in request.headers
    assert len(partner.requests) == 2


def test_the_partners_content_type_wins_over_the_media_type() -> None:
    partner = Recorder()
    delivery = make_delivery(http_settings(content_type="text/plain"), media_type="application/x")

    send(partner, delivery)

    assert partner.requests[0].headers["Content-Type"] == "text/plain"


def test_a_2xx_is_delivered_and_keeps_a_non_empty_body_as_receipt() -> None:
    with_body = send(Recorder(200, content=b'{"accepted": true}'))
    without_body = send(Recorder(204))

    assert with_body.outcome is DeliveryOutcome.DELIVERED
    assert with_body.receipt == b'{"accepted": true}'
    assert "200" in with_body.detail
    assert without_body.outcome is DeliveryOutcome.DELIVERED
    assert without_body.receipt is None


@pytest.mark.parametrize("status", [408, 425, 429, 500, 502, 503, 504, 599])
def test_busy_and_server_errors_are_retried(status: int) -> None:
    result = send(Recorder(status, content=b"try later"))

    assert result.outcome is DeliveryOutcome.RETRY
    assert str(status) in result.detail
    assert "try later" in result.detail
    assert result.retry_after is None


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 409, 410, 413, 415, 422])
def test_other_client_errors_are_refused_with_status_and_body(status: int) -> None:
    result = send(Recorder(status, content=b"BEG03 missing\n\n  on line 3"))

    assert result.outcome is DeliveryOutcome.REFUSED
    assert str(status) in result.detail
    assert "BEG03 missing on line 3" in result.detail


def test_a_long_body_is_cut_short_in_the_detail() -> None:
    result = send(Recorder(400, content=b"x" * 5000))

    assert result.outcome is DeliveryOutcome.REFUSED
    assert len(result.detail) < 400


def test_a_redirect_is_refused_and_not_followed() -> None:
    partner = Recorder(301, headers={"Location": "https://new.example.com/edi"})

    result = send(partner)

    assert result.outcome is DeliveryOutcome.REFUSED
    assert "https://new.example.com/edi" in result.detail
    assert len(partner.requests) == 1


def test_retry_after_in_seconds_is_honoured() -> None:
    result = send(Recorder(503, headers={"Retry-After": "120"}))

    assert result.outcome is DeliveryOutcome.RETRY
    assert result.retry_after == timedelta(seconds=120)


def test_retry_after_as_a_date_counts_from_the_answers_date() -> None:
    headers = {
        "Retry-After": "Thu, 24 Sep 2026 08:05:00 GMT",
        "Date": "Thu, 24 Sep 2026 08:00:00 GMT",
    }

    result = send(Recorder(429, headers=headers))

    assert result.retry_after == timedelta(minutes=5)


def test_retry_after_as_a_date_counts_from_the_clock_without_a_date_header() -> None:
    result = send(Recorder(503, headers={"Retry-After": "Thu, 24 Sep 2026 10:31:30 GMT"}))

    assert result.retry_after == timedelta(seconds=90)


def test_an_unreadable_retry_after_is_ignored() -> None:
    result = send(Recorder(503, headers={"Retry-After": "soon"}))

    assert result.outcome is DeliveryOutcome.RETRY
    assert result.retry_after is None


def test_a_timeout_is_retried() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    delivery = make_delivery(http_settings(timeout=timedelta(seconds=7)))
    result = send(slow, delivery)

    assert result.outcome is DeliveryOutcome.RETRY
    assert "within 7 seconds" in result.detail


def test_a_network_failure_is_retried_without_the_query_string() -> None:
    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    result = send(unreachable)

    assert result.outcome is DeliveryOutcome.RETRY
    assert "Connection refused" in result.detail
    assert "https://partner.example.com/edi/in" in result.detail
    assert "session=xyz" not in result.detail


def test_basic_authentication_from_username_and_password_secrets() -> None:
    partner = Recorder()
    delivery = make_delivery(http_settings(secrets=("username", "password")))

    send(partner, delivery, secrets(username="buyer", password="s3cret-pass"))

    expected = base64.b64encode(b"buyer:s3cret-pass").decode()
    assert partner.requests[0].headers["Authorization"] == f"Basic {expected}"


def test_the_username_setting_pairs_with_an_http_password_secret() -> None:
    partner = Recorder()
    delivery = make_delivery(http_settings(username="buyer", secrets=("http_password",)))

    send(partner, delivery, secrets(http_password="s3cret-pass"))

    expected = base64.b64encode(b"buyer:s3cret-pass").decode()
    assert partner.requests[0].headers["Authorization"] == f"Basic {expected}"


def test_a_token_secret_is_sent_as_a_bearer_token() -> None:
    partner = Recorder()
    delivery = make_delivery(http_settings(secrets=("token",)))

    send(partner, delivery, secrets(token="tok-123456"))

    assert partner.requests[0].headers["Authorization"] == "Bearer tok-123456"


def test_a_secret_the_partner_does_not_name_is_not_sent() -> None:
    partner = Recorder()

    send(partner, make_delivery(http_settings()), secrets(token="tok-123456"))

    assert "Authorization" not in partner.requests[0].headers


@pytest.mark.parametrize(
    ("names", "given", "expected"),
    [
        (("password",), {}, "has no value"),
        (("password",), {"password": "pw-12345"}, "neither a username setting"),
        (("username",), {"username": "buyer"}, "no password secret"),
        (("token", "password"), {"token": "t-1234", "password": "pw-1234"}, "one kind"),
        (("password", "http_password"), {"password": "a", "http_password": "b"}, "both"),
    ],
)
def test_incomplete_credentials_are_refused_before_anything_is_sent(
    names: tuple[str, ...], given: dict[str, str], expected: str
) -> None:
    partner = Recorder()

    result = send(partner, make_delivery(http_settings(secrets=names)), secrets(**given))

    assert result.outcome is DeliveryOutcome.REFUSED
    assert expected in result.detail
    assert partner.requests == []
    for value in given.values():
        if len(value) >= 4:
            assert value not in result.detail


def test_no_secret_shows_in_the_detail_even_when_the_partner_echoes_it() -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, content=f"bad request: {dict(request.headers)}".encode())

    delivery = make_delivery(http_settings(username="buyer", secrets=("password",)))
    result = send(echo, delivery, secrets(password="s3cret-pass"))

    assert result.outcome is DeliveryOutcome.REFUSED
    assert "s3cret-pass" not in result.detail
    assert base64.b64encode(b"buyer:s3cret-pass").decode() not in result.detail


def test_a_url_that_cannot_be_requested_is_refused() -> None:
    delivery = make_delivery(http_settings(url="ftp://partner.example.com/in"))

    result = send(Recorder(), delivery)

    assert result.outcome is DeliveryOutcome.REFUSED
    assert "is not http or https" in result.detail


def test_a_key_that_cannot_be_a_header_is_refused() -> None:
    result = send(Recorder(), make_delivery(http_settings(), idempotency_key="po 1\r\nX-Evil: 1"))

    assert result.outcome is DeliveryOutcome.REFUSED
    assert "Idempotency-Key" in result.detail
