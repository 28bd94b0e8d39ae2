"""`posync edi` across standards: CSV and canonical JSON in and out, sniffed or named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from posync.cli import command_line
from posync.codecs.canonical_json import JsonCodec
from posync.domain.documents import PurchaseOrder

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo-purchase-orders.json"
SENDER = ["--sender", "ZZ:NORTHWIND", "--receiver", "ZZ:ACME"]


@pytest.fixture
def workdir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("POSYNC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("POSYNC_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    orders = json.loads(DEMO.read_text(encoding="utf-8"))["purchase_orders"][:3]
    (tmp_path / "orders.json").write_text(json.dumps(orders), encoding="utf-8")
    return tmp_path


def run(*arguments: str) -> Result:
    return CliRunner().invoke(command_line(), list(arguments))


def originals(workdir: Path) -> list[dict[str, object]]:
    loaded: list[dict[str, object]] = json.loads((workdir / "orders.json").read_text())
    return loaded


def canonical(workdir: Path) -> list[object]:
    """The orders as canonical JSON writes them: every field, defaults included."""
    codec = JsonCodec(PurchaseOrder)
    return [codec.encode(codec.decode(order)) for order in originals(workdir)]


def test_json_to_csv_and_back_gives_the_same_orders(workdir: Path) -> None:
    written = run("edi", "encode", "orders.json", "--standard", "csv", "--output", "orders.csv")
    assert written.exit_code == 0, written.output

    decoded = run("edi", "decode", "orders.csv", "--json")

    assert decoded.exit_code == 0, decoded.output
    units = json.loads(decoded.stdout)
    assert [u["standard"] for u in units] == ["csv"] * 3
    assert all(u["accepted"] and u["document_type"] == "PurchaseOrder" for u in units)
    assert [u["document"] for u in units] == canonical(workdir)
    assert units[0]["label"].startswith("rows 2-")


def test_csv_converts_to_x12_and_reads_back_the_same(workdir: Path) -> None:
    assert run("db", "upgrade").exit_code == 0
    run("edi", "encode", "orders.json", "--standard", "csv", "--output", "orders.csv")

    written = run("edi", "encode", "orders.csv", *SENDER, "--output", "orders.x12")
    decoded = run("edi", "decode", "orders.x12", "--json")

    assert written.exit_code == 0, written.output
    sets = json.loads(decoded.stdout)
    assert [(s["standard"], s["set"]) for s in sets] == [("x12", "850")] * 3
    assert [s["document"]["number"] for s in sets] == [o["number"] for o in originals(workdir)]


def test_a_decimal_comma_file_uses_semicolons_and_reads_with_the_option(workdir: Path) -> None:
    run(
        "edi", "encode", "orders.json", "--standard", "csv", "--decimal-comma",
        "--output", "orders.csv",
    )  # fmt: skip
    text = (workdir / "orders.csv").read_text(encoding="utf-8")

    plain = run("edi", "decode", "orders.csv")
    with_option = run("edi", "decode", "orders.csv", "--decimal-comma", "--json")

    assert text.startswith("po_number;revision;")
    assert plain.exit_code == 1
    assert "decimal-comma option" in plain.stdout
    assert with_option.exit_code == 0, with_option.output
    assert [u["document"] for u in json.loads(with_option.stdout)] == canonical(workdir)


def test_a_bad_cell_is_reported_by_row_and_column(workdir: Path) -> None:
    run("edi", "encode", "orders.json", "--standard", "csv", "--output", "orders.csv")
    lines = (workdir / "orders.csv").read_bytes().split(b"\r\n")
    lines[2] = lines[2].replace(b",EA,", b",EA,x", 1)
    (workdir / "bad.csv").write_bytes(b"\r\n".join(lines))

    decoded = run("edi", "decode", "bad.csv")
    encoded = run("edi", "encode", "bad.csv", "--standard", "json")

    assert decoded.exit_code == 1
    assert "rejected" in decoded.stdout
    assert "row 3, column unit_price: must be a number with a decimal point" in decoded.stdout
    assert encoded.exit_code == 2
    assert "row 3, column unit_price" in encoded.stderr


def test_validate_holds_csv_documents_to_their_rules(workdir: Path) -> None:
    orders = originals(workdir)
    orders[0]["currency"] = "usd"
    (workdir / "wrong.json").write_text(json.dumps(orders), encoding="utf-8")
    run("edi", "encode", "wrong.json", "--standard", "csv", "--output", "wrong.csv")

    checked = run("edi", "validate", "wrong.csv")

    assert checked.exit_code == 1
    assert "error: currency: must be an ISO 4217 code like 'USD', got 'usd' [code rule]" in (
        checked.stdout
    )


def test_a_standard_named_is_used_even_when_the_bytes_say_otherwise(workdir: Path) -> None:
    result = run("edi", "decode", "orders.json", "--standard", "csv")

    assert result.exit_code == 1
    assert "row 1: must be the header row naming posync's CSV columns" in result.stderr


def test_json_in_json_out(workdir: Path) -> None:
    result = run("edi", "encode", "orders.json", "--standard", "json", "--kind", "purchase-order")

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == canonical(workdir)


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (
            ["--standard", "edifact"],
            "--sender must be QUALIFIER:ID with the partner identification",
        ),
        (
            [
                "--standard",
                "edifact",
                "--sender",
                "14:1",
                "--receiver",
                "ZZZ:2",
                "--syntax",
                "UNOE",
            ],
            "--syntax must be one of UNOA, UNOB, UNOC, UNOD, UNOY, got 'UNOE'",
        ),
        (["--standard", "csv", "--sender", "ZZ:X"], "--sender does not apply to csv"),
        (["--standard", "x12"], "--sender must be QUALIFIER:ID with a two-character qualifier"),
        ([*SENDER, "--version", "003050"], "--version must be 004010 or 005010"),
        ([*SENDER, "--syntax", "UNOC"], "--syntax does not apply to x12"),
    ],
)
def test_encode_refuses_what_the_standard_cannot_take(
    workdir: Path, arguments: list[str], said: str
) -> None:
    result = run("edi", "encode", "orders.json", *arguments)

    assert result.exit_code == 2
    assert said in result.stderr
    assert "Traceback" not in result.output


def test_a_file_of_no_known_format_is_refused_naming_every_expected_one(workdir: Path) -> None:
    (workdir / "notes.txt").write_text("name,amount\nx,1\n", encoding="utf-8")

    for command in ("decode", "validate"):
        result = run("edi", command, "notes.txt")

        assert result.exit_code == 1
        assert "notes.txt is not X12" in result.stderr
        assert "canonical JSON ({ or [) or CSV" in result.stderr
