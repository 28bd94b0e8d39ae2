"""The raw archive keeps bytes once and unchanged; the outbox rides the transaction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, func, select

from posync.bootstrap import Application, bootstrap
from posync.config import Settings
from posync.connectors.clock import ManualClock
from posync.services.commands import ArchiveDocument
from posync.services.ports import OutboxMessage
from posync.store.engine import store_url
from posync.store.tables import outbox

START = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
RAW = b"ISA*00*          *00*          *ZZ*ACME\x85~\r\n\x00binary-safe"


@pytest.fixture
def app(settings: Settings) -> Iterator[Application]:
    application = bootstrap(settings, clock=ManualClock(START))
    yield application
    application.close()


def test_bytes_come_back_unchanged_and_are_stored_once(app: Application) -> None:
    first = app.bus.handle(
        ArchiveDocument(content=RAW, media_type="application/edi-x12", source="as2", actor="t")
    )
    again = app.bus.handle(
        ArchiveDocument(content=RAW, media_type="text/plain", source="sftp", actor="t")
    )

    assert again == first
    assert first.source == "as2"
    with app.uow_factory() as uow:
        found = uow.archive.get(first.sha256)
    assert found is not None
    assert found[1] == RAW
    assert found[0].size == len(RAW)


def test_outbox_messages_are_written_only_with_the_commit(
    app: Application, settings: Settings
) -> None:
    message = OutboxMessage(
        destination="partner:ACME",
        key="PO-1001",
        payload=b"850",
        idempotency_key="PO-1001/0/850",
        created_at=START,
    )
    with app.uow_factory() as uow:
        uow.outbox.put(message)
    with app.uow_factory() as uow:
        uow.outbox.put(message)
        uow.commit()

    engine = create_engine(store_url(settings.store_url))
    with engine.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(outbox))
    engine.dispose()
    assert count == 1
