"""The command line on a real SQLite database in a temporary data directory."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from posync.cli import command_line

DEMO = Path(__file__).parents[2] / "examples" / "demo-purchase-orders.json"


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Settings point at a fresh SQLite database under ``tmp_path`` and nowhere else."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("POSYNC_DATA_DIR", str(data_dir))
    for name in ("POSYNC_DATABASE_URL", "POSYNC_CONFIG", "POSYNC_HOST", "POSYNC_PORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    return data_dir


def run(*arguments: str) -> Result:
    return CliRunner().invoke(command_line(), list(arguments))


def test_a_database_without_schema_is_reported_with_the_fix(data_dir: Path) -> None:
    for command in (["po", "list"], ["po", "import", str(DEMO)], ["audit", "verify"]):
        result = run(*command)

        assert result.exit_code == 2, command
        assert "run `posync db upgrade` first" in " ".join(result.stderr.split())
        assert "Traceback" not in result.output


def test_db_upgrade_creates_the_schema_and_can_run_again(data_dir: Path) -> None:
    first = run("db", "upgrade")
    second = run("db", "upgrade")

    assert first.exit_code == 0, first.output
    assert "database schema at revision" in first.stdout
    assert first.stdout == second.stdout
    assert (data_dir / "posync.db").is_file()
    assert run("po", "list").exit_code == 0


def test_the_demo_file_imports_cleanly_and_shows(data_dir: Path) -> None:
    run("db", "upgrade")

    imported = run("po", "import", str(DEMO), "--batch-size", "3")
    shown = run("po", "show", "PO-2026-0004")
    listed = run("po", "list", "--supplier", "ACME Industrial Supply")
    again = run("po", "import", str(DEMO))
    verified = run("audit", "verify")

    assert imported.exit_code == 0, imported.output
    assert "8 created, 0 revised, 0 unchanged, 0 failed" in imported.stdout
    assert shown.exit_code == 0, shown.output
    assert "EURODIS Logistik GmbH" in shown.stdout
    assert "Łódź" in shown.stdout
    assert "Stretch film, 23 µm, machine grade" in shown.stdout
    assert "3617.40" in shown.stdout
    assert "3 of 3 purchase orders" in listed.stdout
    assert "0 created, 0 revised, 8 unchanged, 0 failed" in again.stdout
    assert "The audit trail is intact: 8 entries checked." in verified.stdout


def test_a_tampered_audit_row_is_named_by_audit_verify(data_dir: Path) -> None:
    run("db", "upgrade")
    run("po", "import", str(DEMO))
    with sqlite3.connect(data_dir / "posync.db") as connection:
        connection.execute(
            "UPDATE audit_log SET payload = replace(payload, 'draft', 'approved') "
            "WHERE sequence = 3"
        )
    connection.close()

    result = run("audit", "verify")

    assert result.exit_code == 1
    assert "entry 3: its content no longer matches its hash" in result.stderr
