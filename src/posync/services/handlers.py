"""Command handlers: open the unit of work, call the domain, commit."""

from __future__ import annotations

from posync.domain.aggregate import PurchaseOrderAggregate
from posync.domain.errors import AlreadyExists, ConcurrentUpdate, NotFound, PosyncError
from posync.services.commands import (
    ArchiveDocument,
    ChangePurchaseOrderStatus,
    CreatePurchaseOrder,
    ImportFailure,
    ImportPurchaseOrders,
    ImportReport,
    OrderRevisionResult,
    UpdatePurchaseOrder,
)
from posync.services.ports import ArchivedDocument, Clock, UnitOfWork


def create_purchase_order(
    command: CreatePurchaseOrder, uow: UnitOfWork, clock: Clock
) -> OrderRevisionResult:
    with uow:
        number = command.document.number
        if uow.purchase_orders.numbers_present([number]):
            raise AlreadyExists(f"purchase order {number} exists already; update it instead")
        order = PurchaseOrderAggregate.create(
            command.document, at=clock.now(), actor=command.actor, status=command.status
        )
        uow.purchase_orders.add(order)
        uow.commit()
        return _result(order, changed=True)


def update_purchase_order(
    command: UpdatePurchaseOrder, uow: UnitOfWork, clock: Clock
) -> OrderRevisionResult:
    with uow:
        order = _existing(uow, command.document.number)
        if command.expected_revision is not None and command.expected_revision != order.revision:
            raise ConcurrentUpdate(
                f"purchase order {order.number} is at revision {order.revision}, "
                f"not {command.expected_revision}: reload it and apply the change again"
            )
        revision = order.revise(
            command.document, at=clock.now(), actor=command.actor, reason=command.reason
        )
        uow.commit()
        return _result(order, changed=revision is not None)


def change_purchase_order_status(
    command: ChangePurchaseOrderStatus, uow: UnitOfWork, clock: Clock
) -> OrderRevisionResult:
    with uow:
        order = _existing(uow, command.number)
        order.transition(command.status, at=clock.now(), actor=command.actor, reason=command.reason)
        uow.commit()
        return _result(order, changed=True)


def import_purchase_orders(
    command: ImportPurchaseOrders, uow: UnitOfWork, clock: Clock
) -> ImportReport:
    created = revised = unchanged = 0
    failures: list[ImportFailure] = []
    with uow:
        known = uow.purchase_orders.numbers_present([doc.number for doc in command.documents])
        at = clock.now()
        for index, document in enumerate(command.documents):
            try:
                if document.number in known:
                    order = _existing(uow, document.number)
                    if order.revise(document, at=at, actor=command.actor, reason="imported"):
                        revised += 1
                    else:
                        unchanged += 1
                else:
                    order = PurchaseOrderAggregate.create(document, at=at, actor=command.actor)
                    uow.purchase_orders.add(order)
                    known.add(document.number)
                    created += 1
            except PosyncError as error:
                failures.append(
                    ImportFailure(index=index, number=document.number, error=str(error))
                )
        uow.commit()
    return ImportReport(
        created=created, revised=revised, unchanged=unchanged, failures=tuple(failures)
    )


def archive_document(command: ArchiveDocument, uow: UnitOfWork, clock: Clock) -> ArchivedDocument:
    with uow:
        archived = uow.archive.store(
            command.content,
            media_type=command.media_type,
            source=command.source,
            received_at=clock.now(),
        )
        uow.commit()
        return archived


def _existing(uow: UnitOfWork, number: str) -> PurchaseOrderAggregate:
    order = uow.purchase_orders.get(number)
    if order is None:
        raise NotFound(f"purchase order {number} does not exist")
    return order


def _result(order: PurchaseOrderAggregate, *, changed: bool) -> OrderRevisionResult:
    return OrderRevisionResult(
        number=order.number, revision=order.revision, status=order.status, changed=changed
    )
