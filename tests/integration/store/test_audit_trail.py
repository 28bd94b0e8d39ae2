"""The audit log on a real database: tampering with a row is found, and where."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, delete, update

from posync.bootstrap import Application, bootstrap
from posync.config import Settings
from posync.domain.lifecycle import OrderStatus
from posync.services.commands import (
    ChangePurchaseOrderStatus,
    CreatePurchaseOrder,
    UpdatePurchaseOrder,
)
from posync.store.engine import store_url
from posync.store.tables import audit_log
from support.documents import make_plain_purchase_order


@pytest.fixture
def app(settings: Settings) -> Iterator[Application]:
    application = bootstrap(settings)
    order = make_plain_purchase_order()
    application.bus.handle(CreatePurchaseOrder(document=order, actor="buyer"))
    application.bus.handle(
        UpdatePurchaseOrder(document=dataclasses.replace(order, notes=("x",)), actor="buyer")
    )
    application.bus.handle(
        ChangePurchaseOrderStatus(number=order.number, status=OrderStatus.APPROVED, actor="boss")
    )
    application.bus.handle(
        CreatePurchaseOrder(document=make_plain_purchase_order("PO-2"), actor="b")
    )
    yield application
    application.close()


def _tamper(settings: Settings, statement: object) -> None:
    engine = create_engine(store_url(settings.store_url))
    with engine.begin() as connection:
        connection.execute(statement)  # type: ignore[call-overload]
    engine.dispose()


def test_an_untouched_log_verifies(app: Application) -> None:
    report = app.verify_audit_trail()

    assert report.intact
    assert report.entries_checked == 4


def test_an_altered_row_is_reported_by_its_sequence(app: Application, settings: Settings) -> None:
    _tamper(
        settings,
        update(audit_log)
        .where(audit_log.c.sequence == 2)
        .values(payload=audit_log.c.payload + " "),
    )

    report = app.verify_audit_trail()

    assert [(b.sequence, "altered" in b.reason) for b in report.breaks] == [(2, True)]


def test_a_deleted_row_breaks_the_link_of_the_next_one(
    app: Application, settings: Settings
) -> None:
    _tamper(settings, delete(audit_log).where(audit_log.c.sequence == 3))

    report = app.verify_audit_trail()

    assert [(b.sequence, "link" in b.reason) for b in report.breaks] == [(4, True)]
    assert report.entries_checked == 3


def test_entries_cut_off_the_end_are_found(app: Application, settings: Settings) -> None:
    _tamper(settings, delete(audit_log).where(audit_log.c.sequence >= 3))

    report = app.verify_audit_trail()

    assert [(b.sequence, "ends at entry 2" in b.reason) for b in report.breaks] == [(4, True)]


def test_the_chain_goes_on_after_a_restart(app: Application, settings: Settings) -> None:
    app.close()
    restarted = bootstrap(settings)
    restarted.bus.handle(CreatePurchaseOrder(document=make_plain_purchase_order("PO-3"), actor="b"))

    report = restarted.verify_audit_trail()

    assert report.intact
    assert report.entries_checked == 5
    restarted.close()
