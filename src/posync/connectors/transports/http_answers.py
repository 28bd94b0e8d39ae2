"""What an HTTP partner's answer means for a delivery: pure functions, no I/O.

- 2xx: delivered; a non-empty response body is kept as the receipt.
- 408, 425, 429 and every 5xx: retry, no sooner than the ``Retry-After``
  header says (seconds, or an HTTP date measured from the response's ``Date``
  header, else from the caller's clock; at most ``LONGEST_RETRY_AFTER``).
- 3xx: refused; redirects are not followed, the partner's URL must be fixed.
- any other status: refused, with the status and an excerpt of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Final

from posync.domain.delivery import DeliveryOutcome, DeliveryResult

RETRIED_STATUSES: Final = frozenset({408, 425, 429})
"""Client errors that say "not now" rather than "never" (with every 5xx)."""
LONGEST_RETRY_AFTER: Final = timedelta(days=1)
EXCERPT_LENGTH: Final = 200
_SECONDS = re.compile(r"[0-9]+")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True, kw_only=True)
class HttpAnswer:
    """The parts of an HTTP response that decide a delivery's outcome."""

    status: int
    reason: str
    body: bytes
    retry_after: str | None = None
    date: str | None = None
    location: str | None = None


def outcome_of(answer: HttpAnswer, *, target: str, now: datetime) -> DeliveryResult:
    """The result of a delivery to ``target`` (an address fit to show) that got ``answer``."""
    said = f"{target} answered {answer.status}{' ' + answer.reason if answer.reason else ''}"
    if 200 <= answer.status < 300:
        return DeliveryResult(
            outcome=DeliveryOutcome.DELIVERED, detail=said, receipt=answer.body or None
        )
    if answer.status in RETRIED_STATUSES or 500 <= answer.status < 600:
        reference = _http_date(answer.date) or now
        wait = retry_after(answer.retry_after, now=reference)
        return DeliveryResult(
            outcome=DeliveryOutcome.RETRY,
            detail=_with_excerpt(said, answer.body),
            retry_after=wait,
        )
    if 300 <= answer.status < 400:
        where = f" to {answer.location}" if answer.location else ""
        return DeliveryResult(
            outcome=DeliveryOutcome.REFUSED,
            detail=f"{said}, a redirect{where}; redirects are not followed: "
            "change the partner's url",
        )
    return DeliveryResult(outcome=DeliveryOutcome.REFUSED, detail=_with_excerpt(said, answer.body))


def retry_after(value: str | None, *, now: datetime) -> timedelta | None:
    """A ``Retry-After`` header as a wait from ``now``; None when absent or unreadable.

    Seconds (``120``) or an HTTP date (``Wed, 21 Oct 2026 07:28:00 GMT``); a
    date in the past is no wait at all, and every wait is capped at
    ``LONGEST_RETRY_AFTER``.
    """
    if value is None:
        return None
    text = value.strip()
    if _SECONDS.fullmatch(text):
        digits = text.lstrip("0") or "0"
        longest = int(LONGEST_RETRY_AFTER.total_seconds())
        seconds = longest if len(digits) > len(str(longest)) else min(int(digits), longest)
        return timedelta(seconds=seconds)
    moment = _http_date(text)
    if moment is None:
        return None
    return min(max(moment - now, timedelta(0)), LONGEST_RETRY_AFTER)


def excerpt(body: bytes, length: int = EXCERPT_LENGTH) -> str:
    """The start of ``body`` as one line of text, for a person to read."""
    text = _WHITESPACE.sub(" ", body[: length * 4].decode("utf-8", "replace")).strip()
    return text if len(text) <= length else text[: length - 1] + "…"


def _with_excerpt(said: str, body: bytes) -> str:
    shown = excerpt(body)
    return f"{said}: {shown}" if shown else said


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
