"""The purchase-order lifecycle as an explicit state machine.

Allowed transitions (anything else raises ``TransitionNotAllowed``)::

    draft               -> pending_approval, approved, cancelled
    pending_approval    -> approved, draft (approval declined), cancelled
    approved            -> pending_submission, draft (reopened for edits), cancelled
    pending_submission  -> sent, approved (submission withdrawn), cancelled
    sent                -> acknowledged, refused, partially_shipped, shipped, cancelled
    acknowledged        -> partially_shipped, shipped, partially_received, received,
                           pending_submission (a buyer change to send), cancelled
    refused             -> draft (reworked to send again), cancelled
    partially_shipped   -> shipped, partially_received, received
    shipped             -> partially_received, received
    partially_received  -> partially_shipped, shipped, received, invoiced
    received            -> invoiced, closed
    invoiced            -> partially_received, received, closed
    closed              (final)
    cancelled           (final)

``sent`` goes straight to ``shipped`` because many suppliers ship without
acknowledging; ``refused`` is the supplier rejecting the whole order; an
invoice may arrive before the last receipt, hence ``invoiced`` back to
``received``.
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType

from posync.domain.errors import TransitionNotAllowed


class OrderStatus(StrEnum):
    DRAFT = "draft"
    PENDING_APPROVAL = "pending_approval"
    APPROVED = "approved"
    PENDING_SUBMISSION = "pending_submission"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    REFUSED = "refused"
    PARTIALLY_SHIPPED = "partially_shipped"
    SHIPPED = "shipped"
    PARTIALLY_RECEIVED = "partially_received"
    RECEIVED = "received"
    INVOICED = "invoiced"
    CLOSED = "closed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return not TRANSITIONS[self]

    @property
    def allows_revision(self) -> bool:
        """Whether the order's content may still change (a new revision)."""
        return self not in (OrderStatus.CLOSED, OrderStatus.CANCELLED, OrderStatus.INVOICED)


_S = OrderStatus

TRANSITIONS: MappingProxyType[OrderStatus, frozenset[OrderStatus]] = MappingProxyType(
    {
        _S.DRAFT: frozenset({_S.PENDING_APPROVAL, _S.APPROVED, _S.CANCELLED}),
        _S.PENDING_APPROVAL: frozenset({_S.APPROVED, _S.DRAFT, _S.CANCELLED}),
        _S.APPROVED: frozenset({_S.PENDING_SUBMISSION, _S.DRAFT, _S.CANCELLED}),
        _S.PENDING_SUBMISSION: frozenset({_S.SENT, _S.APPROVED, _S.CANCELLED}),
        _S.SENT: frozenset(
            {_S.ACKNOWLEDGED, _S.REFUSED, _S.PARTIALLY_SHIPPED, _S.SHIPPED, _S.CANCELLED}
        ),
        _S.ACKNOWLEDGED: frozenset(
            {
                _S.PARTIALLY_SHIPPED,
                _S.SHIPPED,
                _S.PARTIALLY_RECEIVED,
                _S.RECEIVED,
                _S.PENDING_SUBMISSION,
                _S.CANCELLED,
            }
        ),
        _S.REFUSED: frozenset({_S.DRAFT, _S.CANCELLED}),
        _S.PARTIALLY_SHIPPED: frozenset({_S.SHIPPED, _S.PARTIALLY_RECEIVED, _S.RECEIVED}),
        _S.SHIPPED: frozenset({_S.PARTIALLY_RECEIVED, _S.RECEIVED}),
        _S.PARTIALLY_RECEIVED: frozenset(
            {_S.PARTIALLY_SHIPPED, _S.SHIPPED, _S.RECEIVED, _S.INVOICED}
        ),
        _S.RECEIVED: frozenset({_S.INVOICED, _S.CLOSED}),
        _S.INVOICED: frozenset({_S.PARTIALLY_RECEIVED, _S.RECEIVED, _S.CLOSED}),
        _S.CLOSED: frozenset(),
        _S.CANCELLED: frozenset(),
    }
)


def check_transition(current: OrderStatus, target: OrderStatus) -> None:
    """Raise unless the lifecycle allows moving from ``current`` to ``target``."""
    allowed = TRANSITIONS[current]
    if target not in allowed:
        expected = ", ".join(sorted(status.value for status in allowed)) or "nothing (final)"
        raise TransitionNotAllowed(
            f"a purchase order cannot go from {current.value} to {target.value}; "
            f"from {current.value} it may go to: {expected}"
        )
