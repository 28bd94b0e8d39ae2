"""Delivery of outbound work to partners: what one attempt gave, and when to try again.

A transport hands a message to a partner and answers with a
``DeliveryResult``: delivered (with the receipt the partner gave back, such
as a synchronous AS2 MDN or an HTTP response body), to be retried (a
timeout, a 5xx, a 429 with ``Retry-After``) or refused for good (a 4xx, a
partner that does not exist). ``RetryPolicy`` decides when a retry happens:
exponential backoff with full jitter, never sooner than the partner's
``Retry-After``, and no more than ``max_attempts`` tries before the delivery
becomes an exception for a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

_MOST_DOUBLINGS = 32
"""Beyond this many doublings any sensible ``longest_delay`` has long been reached (and a
timedelta would overflow)."""


class DeliveryOutcome(StrEnum):
    DELIVERED = "delivered"
    RETRY = "retry"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryResult:
    """What one delivery attempt gave; ``detail`` says it for people (never a secret)."""

    outcome: DeliveryOutcome
    detail: str = ""
    retry_after: timedelta | None = None
    receipt: bytes | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    """Exponential backoff with full jitter, capped, honouring the partner's Retry-After."""

    first_delay: timedelta = timedelta(seconds=5)
    longest_delay: timedelta = timedelta(hours=1)
    max_attempts: int = 12

    def next_attempt(
        self,
        attempts: int,
        now: datetime,
        *,
        retry_after: timedelta | None,
        jitter: float,
    ) -> datetime | None:
        """When to try again after ``attempts`` failed tries; None once they are used up.

        ``jitter`` is a number in [0, 1) from the caller's random source, so that
        the policy itself stays a pure function.
        """
        if attempts >= self.max_attempts:
            return None
        doublings = min(max(attempts - 1, 0), _MOST_DOUBLINGS)
        ceiling = min(self.longest_delay, self.first_delay * (1 << doublings))
        delay = ceiling * jitter
        if retry_after is not None and retry_after > delay:
            delay = retry_after
        return now + delay
