"""The embedded dispatcher: delivers outbox messages to partners, at least once, in order.

One pass (``run_once``) goes in three steps, each in its own unit of work so
that no transaction stays open while a partner answers:

1. claim the messages due (``OutboxQueue.claim``: the earliest undelivered
   message of each ordering key, marked ``sending`` under a lease) and read
   each one's partner and secrets; commit;
2. hand each message to its partner's transport, with the same idempotency
   key on every attempt;
3. record each result while the claim still holds: ``delivered``; a retry at
   the time ``RetryPolicy`` gives (backoff with jitter from the injected random
   source, never before the partner's Retry-After); or ``failed``, with an
   exception for people and an ``ExceptionRaised`` event on the audit trail,
   when the partner refused the message or its attempts ran out.

A dispatcher that dies between 1 and 3 loses nothing: the lease runs out and
the message is claimed and delivered again, under the same idempotency key.
``start`` runs passes on a background thread until ``stop``.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from posync.domain.delivery import DeliveryOutcome, DeliveryResult, RetryPolicy
from posync.domain.errors import NotFound
from posync.domain.exceptions import ExceptionKind, RaisedException
from posync.domain.partner_values import Secret
from posync.domain.partners import TradingPartner
from posync.services.ports import (
    Clock,
    Delivery,
    DispatchReport,
    QueuedMessage,
    Transport,
    TransportDirectory,
    UnitOfWork,
    UnitOfWorkFactory,
)

_LOG = logging.getLogger(__name__)

DISPATCHER_ACTOR = "dispatcher"


@dataclass(frozen=True, slots=True, kw_only=True)
class DispatcherSettings:
    """How the dispatcher paces itself."""

    batch_size: int = 50
    """Messages claimed per pass."""
    lease: timedelta = timedelta(minutes=5)
    """How long a claim holds: longer than any transport's timeout."""
    poll_interval: timedelta = timedelta(seconds=1)
    """The pause between passes when a pass found less than a full batch."""
    retry_policy: RetryPolicy = field(default_factory=RetryPolicy)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Claimed:
    """A claimed message with what its delivery needs, or why it cannot be delivered."""

    queued: QueuedMessage
    partner: TradingPartner | None = None
    transport: Transport | None = None
    secrets: Mapping[str, Secret] | None = None
    refusal: str | None = None


class Dispatcher:
    """Delivers the outbox through the partners' transports; implements ``Dispatch``."""

    def __init__(
        self,
        *,
        uow_factory: UnitOfWorkFactory,
        transports: TransportDirectory,
        clock: Clock,
        settings: DispatcherSettings | None = None,
        jitter: Callable[[], float] | None = None,
    ) -> None:
        """``jitter`` gives numbers in [0, 1) for the retry policy (a seeded random by default)."""
        self._uow_factory = uow_factory
        self._transports = transports
        self._clock = clock
        self._settings = settings or DispatcherSettings()
        self._jitter = jitter or random.Random().random  # noqa: S311 - spreads retries, no secret
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    # --- one pass -------------------------------------------------------------------------

    def run_once(self, now: datetime) -> DispatchReport:
        report = DispatchReport()
        for claimed in self._claim(now):
            result = self._deliver(claimed)
            self._record(claimed, result, report)
        return report

    def _claim(self, now: datetime) -> list[_Claimed]:
        settings = self._settings
        with self._uow_factory() as uow:
            queued = uow.outbox_queue.claim(
                now, settings.batch_size, lease_until=now + settings.lease
            )
            claimed = [self._prepare(uow, message) for message in queued]
            uow.commit()
        return claimed

    def _prepare(self, uow: UnitOfWork, queued: QueuedMessage) -> _Claimed:
        partner_id = queued.message.destination
        record = uow.partners.get(partner_id)
        if record is None:
            return _Claimed(queued=queued, refusal=f"partner {partner_id!r} does not exist")
        partner = record.partner
        if not partner.active:
            return _Claimed(queued=queued, refusal=f"partner {partner_id!r} is inactive")
        try:
            transport = self._transports.for_kind(partner.transport.kind)
        except NotFound as error:
            return _Claimed(queued=queued, refusal=str(error))
        secrets: dict[str, Secret] = {}
        for name in partner.transport.secrets:
            secret = uow.secrets.get(partner_id, name)
            if secret is None:
                return _Claimed(
                    queued=queued,
                    refusal=f"the secret {name!r} of partner {partner_id!r} is not set "
                    "(set it with `posync partner secret set`)",
                )
            secrets[name] = secret
        return _Claimed(queued=queued, partner=partner, transport=transport, secrets=secrets)

    def _deliver(self, claimed: _Claimed) -> DeliveryResult:
        if claimed.refusal is not None:
            return DeliveryResult(outcome=DeliveryOutcome.REFUSED, detail=claimed.refusal)
        assert claimed.partner is not None
        assert claimed.transport is not None
        assert claimed.secrets is not None
        message = claimed.queued.message
        delivery = Delivery(
            partner=claimed.partner,
            payload=message.payload,
            media_type=message.media_type,
            idempotency_key=message.idempotency_key,
            attempt=claimed.queued.attempts,
        )
        try:
            return claimed.transport.deliver(delivery, claimed.secrets)
        except Exception as error:  # noqa: BLE001 - a transport's bug must not lose the message
            _LOG.exception("the %s transport raised instead of answering", claimed.partner.id)
            return DeliveryResult(
                outcome=DeliveryOutcome.RETRY,
                detail=f"the transport failed unexpectedly: {type(error).__name__}: {error}",
            )

    def _record(self, claimed: _Claimed, result: DeliveryResult, report: DispatchReport) -> None:
        queued = claimed.queued
        attempt = queued.attempts
        at = self._clock.now()
        with self._uow_factory() as uow:
            queue = uow.outbox_queue
            if result.outcome is DeliveryOutcome.DELIVERED:
                held = queue.delivered(queued.id, attempt=attempt, at=at, receipt=result.receipt)
                outcome_list = report.delivered
            else:
                error = result.detail or result.outcome.value
                when = None
                if result.outcome is DeliveryOutcome.RETRY:
                    when = self._settings.retry_policy.next_attempt(
                        attempt, at, retry_after=result.retry_after, jitter=self._jitter()
                    )
                if when is not None:
                    held = queue.retry_at(queued.id, attempt=attempt, when=when, error=error)
                    outcome_list = report.retrying
                else:
                    held = queue.failed(queued.id, attempt=attempt, at=at, error=error)
                    if held:
                        self._raise_exception(uow, queued, result, at)
                    outcome_list = report.failed
            if not held:
                report.lost_claims.append(queued.id)
                return
            uow.commit()
        outcome_list.append(queued.id)

    def _raise_exception(
        self, uow: UnitOfWork, queued: QueuedMessage, result: DeliveryResult, at: datetime
    ) -> None:
        message = queued.message
        if result.outcome is DeliveryOutcome.REFUSED:
            detail = f"refused on attempt {queued.attempts}: {result.detail}"
        else:
            detail = f"gave up after {queued.attempts} attempts; the last: {result.detail}"
        exception = RaisedException(
            kind=ExceptionKind.DELIVERY_FAILED,
            partner_id=message.destination,
            purchase_order_number=message.purchase_order_number,
            reference=f"outbox:{queued.id}",
            detail=f"delivery of {message.idempotency_key} to {message.destination} {detail}",
            raised_at=at,
        )
        uow.exceptions.raise_(exception)
        uow.audit_log.append([exception.raised_event(actor=DISPATCHER_ACTOR)], recorded_at=at)

    # --- in the background ------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._loop, name="posync-dispatcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stopping.set()
        thread.join()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _loop(self) -> None:
        pause = self._settings.poll_interval.total_seconds()
        while not self._stopping.is_set():
            try:
                report = self.run_once(self._clock.now())
            except Exception:  # noqa: BLE001 - a failed pass is logged and tried again
                _LOG.exception("a dispatch pass failed; trying again in %s s", pause)
                report = DispatchReport()
            if report.claimed < self._settings.batch_size:
                self._stopping.wait(pause)
