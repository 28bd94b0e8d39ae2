"""The purchase-order aggregate: a document, its lifecycle status and its revisions.

All changes to a purchase order go through this class. It validates what it
is given, keeps the lifecycle to its state machine, turns every content change
into a new revision with its diff, and records what happened as events for
the unit of work to store.
"""

from __future__ import annotations

from datetime import datetime
from typing import Self

from posync.domain.documents.purchase_order import PurchaseOrder
from posync.domain.errors import DomainRuleViolated, RevisionNotAllowed
from posync.domain.events import (
    DomainEvent,
    PurchaseOrderCreated,
    PurchaseOrderRevised,
    PurchaseOrderStatusChanged,
)
from posync.domain.lifecycle import OrderStatus, check_transition
from posync.domain.revisions import Revision, diff_orders


class PurchaseOrderAggregate:
    def __init__(
        self,
        *,
        document: PurchaseOrder,
        status: OrderStatus,
        created_at: datetime,
        updated_at: datetime,
        version: int = 1,
    ) -> None:
        self.document = document
        self.status = status
        self.created_at = created_at
        self.updated_at = updated_at
        self.version = version
        self.events: list[DomainEvent] = []
        self.new_revisions: list[Revision] = []

    @property
    def number(self) -> str:
        return self.document.number

    @property
    def revision(self) -> int:
        return self.document.revision

    @classmethod
    def create(
        cls,
        document: PurchaseOrder,
        *,
        at: datetime,
        actor: str,
        status: OrderStatus = OrderStatus.DRAFT,
    ) -> Self:
        """A new order at revision 0; ``status`` lets an import keep the state it had."""
        original = document.at_revision(0)
        original.validate()
        order = cls(document=original, status=status, created_at=at, updated_at=at)
        order.new_revisions.append(
            Revision(
                number=0,
                document=original,
                diff=diff_orders(None, original),
                created_at=at,
                actor=actor,
                reason="created",
            )
        )
        order.events.append(
            PurchaseOrderCreated(
                purchase_order_number=original.number,
                occurred_at=at,
                actor=actor,
                revision=0,
                status=status,
                line_count=len(original.lines),
                total_amount=original.total_amount,
                currency=original.currency,
            )
        )
        return order

    def revise(
        self, document: PurchaseOrder, *, at: datetime, actor: str, reason: str | None = None
    ) -> Revision | None:
        """Make ``document`` the next revision; nothing happens when nothing changed."""
        if document.number != self.number:
            raise DomainRuleViolated(
                f"purchase order {self.number} cannot be revised with the document "
                f"of {document.number}"
            )
        if not self.status.allows_revision:
            raise RevisionNotAllowed(
                f"purchase order {self.number} is {self.status.value} and can no longer change"
            )
        candidate = document.at_revision(self.revision + 1)
        candidate.validate()
        diff = diff_orders(self.document, candidate)
        if diff.is_empty:
            return None
        revision = Revision(
            number=candidate.revision,
            document=candidate,
            diff=diff,
            created_at=at,
            actor=actor,
            reason=reason,
        )
        self.document = candidate
        self._touch(at)
        self.new_revisions.append(revision)
        self.events.append(
            PurchaseOrderRevised(
                purchase_order_number=self.number,
                occurred_at=at,
                actor=actor,
                revision=revision.number,
                diff=diff,
                reason=reason,
            )
        )
        return revision

    def transition(
        self, target: OrderStatus, *, at: datetime, actor: str, reason: str | None = None
    ) -> None:
        """Move the lifecycle to ``target`` if the state machine allows it."""
        check_transition(self.status, target)
        previous, self.status = self.status, target
        self._touch(at)
        self.events.append(
            PurchaseOrderStatusChanged(
                purchase_order_number=self.number,
                occurred_at=at,
                actor=actor,
                from_status=previous,
                to_status=target,
                reason=reason,
            )
        )

    def _touch(self, at: datetime) -> None:
        self.updated_at = at
