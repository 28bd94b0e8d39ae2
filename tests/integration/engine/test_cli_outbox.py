"""`posync outbox list` and `posync outbox retry` on a real SQLite database."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from posync.bootstrap import bootstrap
from posync.cli import command_line
from posync.config import Settings
from posync.connectors.clock import ManualClock
from support.dispatch_documents import (
    OneTransport,
    ScriptedTransport,
    add_partner,
    make_memory_partner,
    make_message,
    put,
    refused,
)

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("POSYNC_DATA_DIR", str(data_dir))
    for name in ("POSYNC_DATABASE_URL", "POSYNC_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "250")
    assert run("db", "upgrade").exit_code == 0
    return data_dir


def run(*arguments: str) -> Result:
    return CliRunner().invoke(command_line(), list(arguments))


def test_a_failed_message_is_listed_and_retried(data_dir: Path) -> None:
    transport = ScriptedTransport({"PO-1/1": [refused("400 unknown buyer")]})
    application = bootstrap(
        Settings(data_dir=data_dir), clock=ManualClock(START), transports=OneTransport(transport)
    )
    try:
        add_partner(application.uow_factory, make_memory_partner("acme"), START)
        put(
            application.uow_factory,
            make_message("PO-1", 1, created_at=START),
            make_message("PO-2", 1, created_at=START),
        )
        (failed_id,) = application.dispatcher.run_once(START).failed
    finally:
        application.close()

    failed = run("outbox", "list", "--state", "failed")
    everything = run("outbox", "list")
    retried = run("outbox", "retry", str(failed_id), "999")
    pending = run("outbox", "list", "--state", "pending")

    assert failed.exit_code == 0, failed.output
    assert "PO-1" in failed.stdout
    assert "400 unknown buyer" in failed.stdout
    assert "PO-2" not in failed.stdout
    assert "delivered" in everything.stdout
    assert retried.exit_code == 1
    assert f"message {failed_id} to acme is due again" in retried.stdout
    assert "message 999 was not retried: outbox message 999 does not exist" in retried.stderr
    assert "PO-1" in pending.stdout


def test_an_empty_outbox_says_so(data_dir: Path) -> None:
    result = run("outbox", "list", "--state", "sending")

    assert result.exit_code == 0
    assert "no sending messages in the outbox" in result.stdout
