"""`posync partner` on a real SQLite database: import, list, show, export, secrets, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from posync.cli import command_line

EXAMPLE = Path(__file__).parents[2] / "examples" / "partners.toml"


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


def run(*arguments: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(command_line(), list(arguments), input=stdin)


def test_the_example_file_imports_once_and_then_changes_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POSYNC_SECRET_EURODIS_AS2_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----")

    first = run("partner", "import", str(EXAMPLE))
    second = run("partner", "import", str(EXAMPLE))
    listed = run("partner", "list")

    assert first.exit_code == 0, first.output
    assert "2 created, 0 updated, 0 unchanged" in first.stdout
    assert "secrets set: eurodis.as2_private_key" in first.stdout
    assert "POSYNC_SECRET_EURODIS_AS2_PARTNER_CERTIFICATE" in " ".join(first.stderr.split())
    assert "0 created, 0 updated, 2 unchanged" in second.stdout
    assert "secrets set" not in second.stdout
    assert "acme" in listed.stdout
    assert "eurodis" in listed.stdout
    assert "as2_private_key (set)" in listed.stdout
    assert "as2_partner_certificate (not set)" in listed.stdout
    assert "2 trading partners" in listed.stdout


def test_show_prints_the_partner_and_its_json(data_dir: Path) -> None:
    run("partner", "import", str(EXAMPLE))

    shown = run("partner", "show", "acme")
    as_json = run("partner", "show", "acme", "--json")

    assert shown.exit_code == 0, shown.output
    assert "ZZ:MOCKEDI" in shown.stdout
    assert "http://127.0.0.1:8080/edi" in shown.stdout
    assert "BEG02 in NE/SA" in shown.stdout
    assert "PT4H" in shown.stdout
    document = json.loads(as_json.stdout)
    assert document["version"] == "004010"
    assert document["tolerances"]["freight_absolute"] == "25.00"


def test_an_export_imports_back_unchanged(data_dir: Path, tmp_path: Path) -> None:
    run("partner", "import", str(EXAMPLE))
    exported = tmp_path / "exported.toml"

    written = run("partner", "export", "--output", str(exported))
    printed = run("partner", "export")
    again = run("partner", "import", str(exported))

    assert written.exit_code == 0, written.output
    assert printed.stdout == exported.read_text(encoding="utf-8")
    assert "0 created, 0 updated, 2 unchanged" in again.stdout


def test_secrets_are_set_from_standard_input_and_deleted(data_dir: Path) -> None:
    run("partner", "import", str(EXAMPLE))

    stored = run("partner", "secret", "set", "eurodis", "as2_partner_certificate", stdin="cert\n")
    listed = run("partner", "list")
    deleted = run("partner", "secret", "delete", "eurodis", "as2_partner_certificate")
    again = run("partner", "secret", "delete", "eurodis", "as2_partner_certificate")
    verified = run("audit", "verify")

    assert stored.exit_code == 0, stored.output
    assert "as2_partner_certificate (set)" in listed.stdout
    assert deleted.exit_code == 0
    assert again.exit_code == 1
    assert "has no secret 'as2_partner_certificate'" in again.stderr
    assert "The audit trail is intact: 4 entries checked." in verified.stdout


def test_errors_are_one_line_with_the_documented_exit_code(data_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(
        EXAMPLE.read_text(encoding="utf-8")
        .replace('version = "004010"', 'version = "D96A"')
        .replace(
            'qualifier = "ZZ", identifier = "MOCKEDI" }', 'qualifier = "ZZZ", identifier = "M" }', 1
        ),
        encoding="utf-8",
    )
    not_toml = tmp_path / "not.toml"
    not_toml.write_text("[[partner]\n", encoding="utf-8")

    assert run("partner", "import", str(EXAMPLE)).exit_code == 0
    results = {
        "invalid": run("partner", "import", str(broken)),
        "not toml": run("partner", "import", str(not_toml)),
        "missing": run("partner", "import", str(tmp_path / "missing.toml")),
        "unknown show": run("partner", "show", "nobody"),
        "unknown secret": run("partner", "secret", "set", "nobody", "key", stdin="x"),
        "empty secret": run("partner", "secret", "set", "nobody", "key", stdin=""),
        "bad name": run("partner", "import", str(EXAMPLE))
        and run("partner", "secret", "set", "acme", "Bad-Name", stdin="x"),
    }

    codes = {name: result.exit_code for name, result in results.items()}
    assert codes == {
        "invalid": 2,
        "not toml": 2,
        "missing": 2,
        "unknown show": 1,
        "unknown secret": 1,
        "empty secret": 2,
        "bad name": 2,
    }
    invalid = results["invalid"].stderr
    assert "partner[0].version: must be an X12 version: 004010, 005010; got 'D96A'" in invalid
    assert "partner[0].their_identity.qualifier" in invalid
    assert "is not valid TOML" in results["not toml"].stderr
    assert "partner nobody does not exist" in results["unknown show"].stderr
    assert "name: must be a lower-case name" in results["bad name"].stderr
    assert all("Traceback" not in result.output for result in results.values())
