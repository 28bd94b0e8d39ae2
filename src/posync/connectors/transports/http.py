"""The HTTP transport: each message is one POST to the partner's ``url``.

The body is the payload as is, sent with the partner's ``content_type`` (or
the message's media type) and an ``Idempotency-Key`` header that is the same
on every attempt of a message, so the partner can apply it once. When the
partner names the secrets ``username`` and ``password`` the request carries
basic authentication (the ``username`` setting stands in for a ``username``
secret); a ``token`` secret is sent as a bearer token instead. The partner's
``timeout`` bounds each attempt (``DEFAULT_TIMEOUT`` without one).

What the answer means is decided in ``http_answers``; a network failure or a
timeout is a retry; a URL or header that cannot be sent at all is refused.
No detail ever carries a secret: values are taken out of every text shown.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from datetime import timedelta
from types import TracebackType
from typing import Final, Self
from urllib.parse import urlsplit

import httpx

from posync.connectors.clock import SystemClock
from posync.connectors.transports.credentials import (
    CredentialsIncomplete,
    named_secret,
    redact,
    revealed,
)
from posync.connectors.transports.http_answers import HttpAnswer, outcome_of
from posync.domain.delivery import DeliveryOutcome, DeliveryResult
from posync.domain.partner_values import Secret
from posync.services.ports import Clock, Delivery

DEFAULT_TIMEOUT: Final = timedelta(seconds=30)
USER_AGENT: Final = "posync"
_HEADER_SAFE = re.compile(r"[\x21-\x7e]+")


class HttpTransport:
    """POSTs each delivery with one pooled ``httpx.Client``; ``close()`` when done.

    ``transport`` replaces httpx's network transport (an ``httpx.MockTransport``
    in unit tests); ``clock`` dates a ``Retry-After`` when the answer has no
    ``Date`` header.
    """

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        transport: httpx.BaseTransport | None = None,
        default_timeout: timedelta = DEFAULT_TIMEOUT,
    ) -> None:
        self._clock = clock or SystemClock()
        self._default_timeout = default_timeout
        self._client = httpx.Client(
            transport=transport,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": USER_AGENT},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def deliver(self, delivery: Delivery, secrets: Mapping[str, Secret]) -> DeliveryResult:
        hidden = revealed(secrets)
        try:
            headers = request_headers(delivery, secrets)
        except CredentialsIncomplete as error:
            result = _refused(str(error))
        else:
            if "Authorization" in headers:
                hidden.append(headers["Authorization"].split(" ", 1)[1])
            result = self._post(delivery, headers)
        return DeliveryResult(
            outcome=result.outcome,
            detail=redact(result.detail, hidden),
            retry_after=result.retry_after,
            receipt=result.receipt,
        )

    def _post(self, delivery: Delivery, headers: Mapping[str, str]) -> DeliveryResult:
        settings = delivery.partner.transport
        if not settings.url:
            return _refused(f"partner {delivery.partner.id!r} has an HTTP transport without a url")
        target = shown_address(settings.url)
        if not target.startswith(("http://", "https://")):
            return _refused(f"partner {delivery.partner.id!r}'s url {target} is not http or https")
        timeout = (settings.timeout or self._default_timeout).total_seconds()
        try:
            response = self._client.post(
                settings.url, content=delivery.payload, headers=headers, timeout=timeout
            )
        except httpx.TimeoutException:
            return DeliveryResult(
                outcome=DeliveryOutcome.RETRY,
                detail=f"{target} did not answer within {timeout:g} seconds",
            )
        except (httpx.UnsupportedProtocol, httpx.LocalProtocolError, httpx.InvalidURL) as error:
            return _refused(f"the request to {target} could not be made: {error}")
        except httpx.HTTPError as error:
            return DeliveryResult(
                outcome=DeliveryOutcome.RETRY,
                detail=f"{target} could not be reached: {type(error).__name__}: {error}",
            )
        answer = HttpAnswer(
            status=response.status_code,
            reason=response.reason_phrase,
            body=response.content,
            retry_after=response.headers.get("Retry-After"),
            date=response.headers.get("Date"),
            location=response.headers.get("Location"),
        )
        return outcome_of(answer, target=target, now=self._clock.now())


def request_headers(delivery: Delivery, secrets: Mapping[str, Secret]) -> dict[str, str]:
    """The headers of a delivery's POST; ``CredentialsIncomplete`` if they cannot be made."""
    settings = delivery.partner.transport
    headers = {
        "Content-Type": settings.content_type or delivery.media_type,
        "Idempotency-Key": delivery.idempotency_key,
    }
    for name, value in headers.items():
        if not _HEADER_SAFE.fullmatch(value):
            raise CredentialsIncomplete(
                f"the {name} {value!r} cannot be sent as a header: "
                "it must be printable ASCII without spaces"
            )
    authorization = _authorization(delivery, secrets)
    if authorization is not None:
        headers["Authorization"] = authorization
    return headers


def _authorization(delivery: Delivery, secrets: Mapping[str, Secret]) -> str | None:
    token = named_secret(delivery, secrets, "token")
    password = named_secret(delivery, secrets, "password")
    username_secret = named_secret(delivery, secrets, "username")
    partner = delivery.partner.id
    if token is not None:
        if password is not None or username_secret is not None:
            raise CredentialsIncomplete(
                f"partner {partner!r} names a token and a username or password; "
                "HTTP sends one kind of authorization: keep the token or the pair"
            )
        if not _HEADER_SAFE.fullmatch(token.reveal()):
            raise CredentialsIncomplete(
                f"partner {partner!r}'s token holds characters a header cannot carry"
            )
        return f"Bearer {token.reveal()}"
    username = (
        username_secret.reveal()
        if username_secret is not None
        else delivery.partner.transport.username
    )
    if password is None:
        if username_secret is not None:
            raise CredentialsIncomplete(
                f"partner {partner!r} names a username secret but no password secret"
            )
        return None
    if not username:
        raise CredentialsIncomplete(
            f"partner {partner!r} names a password but neither a username setting "
            "nor a username secret"
        )
    pair = f"{username}:{password.reveal()}".encode()
    return "Basic " + base64.b64encode(pair).decode("ascii")


def shown_address(url: str) -> str:
    """``url`` without user, password, query or fragment: fit for a log line."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        port = f":{parts.port}" if parts.port is not None else ""
    except ValueError:
        return "the partner's url"
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}{port}{parts.path}"


def _refused(detail: str) -> DeliveryResult:
    return DeliveryResult(outcome=DeliveryOutcome.REFUSED, detail=detail)
