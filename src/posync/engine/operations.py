"""Operating the outbox by hand: list messages by state, and retry those that failed.

A retry returns a ``failed`` message (or one waiting for its next attempt) to
``pending``, due at once with its attempts counted afresh; a ``delivered``
message or one being sent cannot be retried. Each retry is its own unit of
work, so one message that cannot be retried does not hold back the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from posync.domain.errors import NotFound, TransitionNotAllowed
from posync.services.ports import Clock, OutboxState, QueuedMessage, UnitOfWorkFactory


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryReport:
    retried: list[QueuedMessage]
    refused: list[tuple[int, str]]
    """Messages that were not retried, with the reason."""


class OutboxOperations:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    def list(
        self, *, state: OutboxState | None = None, limit: int = 100
    ) -> Sequence[QueuedMessage]:
        """Messages oldest first, in one ``state`` when given."""
        with self._uow_factory() as uow:
            return uow.outbox_queue.list(state=state, limit=limit)

    def retry(self, message_ids: Iterable[int]) -> RetryReport:
        """Make each message due now; those that cannot be retried are reported, not raised."""
        retried: list[QueuedMessage] = []
        refused: list[tuple[int, str]] = []
        for message_id in message_ids:
            with self._uow_factory() as uow:
                try:
                    queued = uow.outbox_queue.retry_now(message_id, at=self._clock.now())
                except (NotFound, TransitionNotAllowed) as error:
                    refused.append((message_id, str(error)))
                    continue
                uow.commit()
            retried.append(queued)
        return RetryReport(retried=retried, refused=refused)
