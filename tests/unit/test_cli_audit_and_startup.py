"""`posync audit verify`, `--version`, and how the CLI ends when posync cannot start."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

import posync
from posync import cli
from posync.bootstrap import Application, bootstrap_in_memory
from posync.cli import terminal
from posync.config import Settings
from posync.connectors.clock import ManualClock
from posync.domain.audit import AuditEntry
from posync.domain.errors import PosyncError
from posync.services.commands import CreatePurchaseOrder
from support.documents import make_plain_purchase_order


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")


def run(*arguments: str) -> Result:
    return CliRunner().invoke(cli.command_line(), list(arguments))


@pytest.fixture
def application(monkeypatch: pytest.MonkeyPatch) -> Application:
    application = bootstrap_in_memory(clock=ManualClock(datetime(2026, 3, 2, 9, tzinfo=UTC)))
    for number in ("PO-1", "PO-2"):
        application.bus.handle(
            CreatePurchaseOrder(actor="t", document=make_plain_purchase_order(number))
        )
    monkeypatch.setattr(terminal, "bootstrap", lambda settings: application)
    return application


def test_an_intact_audit_trail_is_reported_with_its_size(application: Application) -> None:
    result = run("audit", "verify")

    assert result.exit_code == 0, result.output
    assert "The audit trail is intact: 2 entries checked." in result.stdout


def test_a_broken_audit_trail_names_each_break_and_exits_1(
    application: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    with application.uow_factory() as uow:
        entries = list(uow.audit_log.entries())
    entries[1] = dataclasses.replace(entries[1], payload=entries[1].payload.replace("PO-2", "PO-X"))
    tampered = dataclasses.replace(application, uow_factory=lambda: _ReadOnlyLog(entries))
    monkeypatch.setattr(terminal, "bootstrap", lambda settings: tampered)

    result = run("audit", "verify")

    assert result.exit_code == 1
    assert "The audit trail is broken in 1 place(s); 2 entries checked:" in result.stderr
    assert "entry 2: its content no longer matches its hash" in result.stderr


def test_a_store_that_is_not_ready_stops_cleanly_with_exit_code_2(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_ready(settings: Settings) -> Application:
        raise PosyncError("the database has no posync schema: run `posync db upgrade` first")

    monkeypatch.setattr(terminal, "bootstrap", not_ready)

    for command in (["po", "list"], ["po", "show", "PO-1"], ["audit", "verify"], ["serve"]):
        result = run(*command)

        assert result.exit_code == 2, command
        assert "run `posync db upgrade` first" in result.stderr
        assert "Traceback" not in result.output


def test_invalid_settings_stop_cleanly_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POSYNC_PORT", "eighty")

    result = run("po", "list")

    assert result.exit_code == 2
    assert "the settings are not valid: POSYNC_PORT:" in " ".join(result.stderr.split())


def test_version_prints_the_version() -> None:
    result = run("--version")

    assert result.exit_code == 0
    assert result.stdout.strip() == f"posync {posync.__version__}"


def test_no_arguments_shows_the_command_groups() -> None:
    result = run()

    assert all(group in result.output for group in ("serve", "db", "po", "audit"))


def test_main_runs_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["posync", "--version"])

    with pytest.raises(SystemExit) as exited:
        cli.main()

    assert exited.value.code == 0


class _ReadOnlyLog:
    """A unit of work whose audit log holds the given entries, and nothing else."""

    def __init__(self, entries: list[AuditEntry]) -> None:
        self.audit_log = SimpleNamespace(
            entries=lambda after_sequence=0: iter(entries),
            head=lambda: (entries[-1].sequence, entries[-1].entry_hash),
        )

    def __enter__(self) -> _ReadOnlyLog:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        return None
