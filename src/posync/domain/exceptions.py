"""Exceptions for people: work posync could not finish on its own and will not drop.

Not Python exceptions: a ``RaisedException`` is a record that a person must
look at, such as a delivery a partner refused or kept failing, an answer that
is overdue, a document that could not be decoded or one received twice. Each
has a ``kind``, the partner and purchase order it concerns when known, a
``reference`` to the work it is about (an outbox message, an archived
document) and a ``detail`` saying what went wrong, for people and never with a
secret. It is raised ``open``; the exception queue (a later issue) lets people
work it off.

Raising one is recorded on the audit log as ``ExceptionRaised`` on the
purchase order's stream (or the partner's, ``partner:<id>``, when there is no
order).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final

from posync.domain.events import DomainEvent

LONGEST_DETAIL = 4000
"""Details longer than this are cut: they are for people, not a log file."""


class ExceptionKind(StrEnum):
    DELIVERY_FAILED = "delivery_failed"
    """A partner refused a delivery, or it kept failing until its attempts ran out."""
    OVERDUE_ANSWER = "overdue_answer"
    """A partner's functional ack, acknowledgement or ship notice is late."""
    UNDECODABLE_DOCUMENT = "undecodable_document"
    """Received bytes that no codec could read."""
    DUPLICATE = "duplicate"
    """A document received again (the same interchange or invoice number)."""


def exception_stream(purchase_order_number: str | None, partner_id: str | None) -> str:
    """Where an exception is recorded: its purchase order's stream, else its partner's."""
    if purchase_order_number:
        return purchase_order_number
    return f"partner:{partner_id}" if partner_id else "exceptions"


class ExceptionState(StrEnum):
    OPEN = "open"


@dataclass(frozen=True, slots=True, kw_only=True)
class RaisedException:
    """Something a person must look at; ``reference`` names the work it is about."""

    kind: ExceptionKind
    partner_id: str | None
    purchase_order_number: str | None
    reference: str
    detail: str
    raised_at: datetime
    state: ExceptionState = ExceptionState.OPEN

    def __post_init__(self) -> None:
        if len(self.detail) > LONGEST_DETAIL:
            object.__setattr__(self, "detail", self.detail[: LONGEST_DETAIL - 1] + "…")

    @property
    def stream(self) -> str:
        """The audit stream it belongs on: its purchase order's, else its partner's."""
        return exception_stream(self.purchase_order_number, self.partner_id)

    def raised_event(self, *, actor: str) -> ExceptionRaised:
        return ExceptionRaised(
            purchase_order_number=self.purchase_order_number,
            occurred_at=self.raised_at,
            actor=actor,
            kind=self.kind,
            partner_id=self.partner_id,
            reference=self.reference,
            detail=self.detail,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ExceptionRaised(DomainEvent):
    """An exception was raised for people; the event's stream is the order's or partner's."""

    kind: ExceptionKind
    partner_id: str | None
    purchase_order_number: str | None
    reference: str
    detail: str

    @property
    def stream(self) -> str:
        return exception_stream(self.purchase_order_number, self.partner_id)


EXCEPTION_EVENTS: Final = (ExceptionRaised,)
