"""The one place that wires adapters to services.

Entry points (``posync.web``, ``posync.cli``) ask for an ``Application`` and
talk to it only: commands go to ``bus``, reads to ``queries`` (purchase orders)
and ``partners`` (trading partners); ``dispatcher`` delivers the outbox through
the partners' transports (``posync serve`` runs it in the background) and
``outbox`` lists and retries its messages.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from posync.codecs.edifact.codec import EdifactCodec
from posync.codecs.formats.registry import standard_formats
from posync.codecs.x12.codec import X12Codec
from posync.config import Settings
from posync.connectors.clock import SystemClock
from posync.connectors.transports.memory import MemoryTransport
from posync.connectors.transports.registry import TransportRegistry, standard_transports
from posync.domain.audit import AuditReport
from posync.domain.partner_values import TransportKind
from posync.engine.dispatcher import Dispatcher, DispatcherSettings
from posync.engine.operations import OutboxOperations
from posync.services import handlers
from posync.services import partners as partner_handlers
from posync.services.audit import verify_audit_trail
from posync.services.commands import (
    AddPartner,
    ArchiveDocument,
    ChangePurchaseOrderStatus,
    Command,
    CreatePurchaseOrder,
    DeletePartnerSecret,
    ImportPartners,
    ImportPurchaseOrders,
    InterchangeReceived,
    ReceiveInterchange,
    SetPartnerSecret,
    UpdatePartner,
    UpdatePurchaseOrder,
    WriteInterchange,
    WriteInterchangeForPartner,
)
from posync.services.edi import (
    InterchangeCodecs,
    write_interchange,
    write_interchange_for_partner,
)
from posync.services.message_bus import Handler, MessageBus
from posync.services.partner_queries import PartnerQueries
from posync.services.ports import (
    Clock,
    Dispatch,
    TransportDirectory,
    UnitOfWork,
    UnitOfWorkFactory,
)
from posync.services.queries import PurchaseOrderQueries
from posync.services.receiving import receive_interchange
from posync.store import migrations
from posync.store.memory import MemoryDatabase, MemoryQueries, MemoryUnitOfWork
from posync.store.serialization import audit_events
from posync.store.sql import SqlStore


@dataclass(frozen=True, slots=True, kw_only=True)
class Application:
    bus: MessageBus
    queries: PurchaseOrderQueries
    partners: PartnerQueries
    uow_factory: UnitOfWorkFactory
    clock: Clock
    store_description: str
    close: Callable[[], None]
    dispatcher: Dispatch
    outbox: OutboxOperations
    dispatch_in_background: bool = True
    """Whether ``posync serve`` starts ``dispatcher`` (setting ``dispatcher_enabled``)."""

    def verify_audit_trail(self) -> AuditReport:
        return verify_audit_trail(self.uow_factory)


def bootstrap(
    settings: Settings,
    *,
    clock: Clock | None = None,
    transports: TransportDirectory | None = None,
) -> Application:
    """posync on the configured database (SQLite in the data directory by default).

    Deliveries go through ``transports``, by default every transport posync
    has (``standard_transports``), closed with the application.
    """
    clock = clock or SystemClock()
    if settings.database_url is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = SqlStore(settings.store_url)
    try:
        store.check_schema()
    except Exception:
        store.dispose()
        raise
    owned = standard_transports(clock=clock) if transports is None else None

    def close() -> None:
        if owned is not None:
            owned.close()
        store.dispose()

    return _application(
        uow_factory=lambda: store.unit_of_work(clock),
        queries=store.queries(),
        clock=clock,
        store_description=settings.store_url_for_display,
        close=close,
        transports=transports or owned or TransportRegistry({}),
        dispatcher_settings=DispatcherSettings(
            lease=timedelta(seconds=settings.dispatcher_lease_seconds),
            poll_interval=timedelta(seconds=settings.dispatcher_poll_seconds),
        ),
        dispatch_in_background=settings.dispatcher_enabled,
    )


def bootstrap_in_memory(
    *, clock: Clock | None = None, transports: TransportDirectory | None = None
) -> Application:
    """posync with every store port in memory: for tests and throw-away demos.

    Deliveries go through ``transports``, by default an in-memory partner only
    (partners whose transport is ``memory``).
    """
    clock = clock or SystemClock()
    database = MemoryDatabase()
    codec = audit_events()
    return _application(
        uow_factory=lambda: MemoryUnitOfWork(database, clock, codec),
        queries=MemoryQueries(database),
        clock=clock,
        store_description="memory",
        close=lambda: None,
        transports=transports or TransportRegistry({TransportKind.MEMORY: MemoryTransport()}),
        dispatcher_settings=DispatcherSettings(),
        dispatch_in_background=True,
    )


def upgrade_database(settings: Settings) -> str:
    """Bring the database schema to the newest migration; returns its revision."""
    if settings.database_url is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    return migrations.upgrade(settings.store_url)


def _application(
    *,
    uow_factory: UnitOfWorkFactory,
    queries: PurchaseOrderQueries,
    clock: Clock,
    store_description: str,
    close: Callable[[], None],
    transports: TransportDirectory,
    dispatcher_settings: DispatcherSettings,
    dispatch_in_background: bool,
) -> Application:
    codecs = InterchangeCodecs(  # each codec compiled on first use, once per application
        formats=standard_formats(),
        x12=functools.cache(X12Codec),
        edifact=functools.cache(EdifactCodec),
    )

    def write(command: WriteInterchange, uow: UnitOfWork, clock: Clock) -> bytes:
        return write_interchange(command, uow, clock, codecs=codecs)

    def write_for_partner(
        command: WriteInterchangeForPartner, uow: UnitOfWork, clock: Clock
    ) -> bytes:
        return write_interchange_for_partner(command, uow, clock, codecs=codecs)

    def receive(command: ReceiveInterchange, uow: UnitOfWork, clock: Clock) -> InterchangeReceived:
        return receive_interchange(command, uow, clock, codecs=codecs)

    def bind(handler: Callable[[Any, UnitOfWork, Clock], Any]) -> Handler:
        @functools.wraps(handler)
        def bound(command: Command[Any]) -> Any:
            return handler(command, uow_factory(), clock)

        return bound

    bus = MessageBus(
        {
            CreatePurchaseOrder: bind(handlers.create_purchase_order),
            UpdatePurchaseOrder: bind(handlers.update_purchase_order),
            ChangePurchaseOrderStatus: bind(handlers.change_purchase_order_status),
            ImportPurchaseOrders: bind(handlers.import_purchase_orders),
            ArchiveDocument: bind(handlers.archive_document),
            WriteInterchange: bind(write),
            WriteInterchangeForPartner: bind(write_for_partner),
            ReceiveInterchange: bind(receive),
            AddPartner: bind(partner_handlers.add_partner),
            UpdatePartner: bind(partner_handlers.update_partner),
            SetPartnerSecret: bind(partner_handlers.set_partner_secret),
            DeletePartnerSecret: bind(partner_handlers.delete_partner_secret),
            ImportPartners: bind(partner_handlers.import_partners),
        }
    )
    dispatcher = Dispatcher(
        uow_factory=uow_factory, transports=transports, clock=clock, settings=dispatcher_settings
    )

    def close_all() -> None:
        dispatcher.stop()  # the pass under way ends before the store goes
        close()

    return Application(
        bus=bus,
        queries=queries,
        partners=PartnerQueries(uow_factory),
        uow_factory=uow_factory,
        clock=clock,
        store_description=store_description,
        close=close_all,
        dispatcher=dispatcher,
        outbox=OutboxOperations(uow_factory, clock),
        dispatch_in_background=dispatch_in_background,
    )
