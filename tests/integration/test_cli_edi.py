"""`posync edi` as a person runs it: write X12 from canonical JSON, read it back, check it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from posync.cli import command_line

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo-purchase-orders.json"
SENDER = ["--sender", "ZZ:NORTHWIND", "--receiver", "ZZ:ACME"]


@pytest.fixture
def workdir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("POSYNC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("POSYNC_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert run("db", "upgrade").exit_code == 0
    orders = json.loads(DEMO.read_text(encoding="utf-8"))
    orders = orders["purchase_orders"] if isinstance(orders, dict) else orders
    (tmp_path / "orders.json").write_text(json.dumps(orders[:3]), encoding="utf-8")
    return tmp_path


def run(*arguments: str) -> Result:
    return CliRunner().invoke(command_line(), list(arguments))


def test_encode_then_decode_gives_back_the_orders(workdir: Path) -> None:
    written = run("edi", "encode", "orders.json", *SENDER, "--output", "orders.x12")
    assert written.exit_code == 0, written.output

    decoded = run("edi", "decode", "orders.x12", "--json")

    assert decoded.exit_code == 0, decoded.output
    sets = json.loads(decoded.stdout)
    originals = json.loads((workdir / "orders.json").read_text(encoding="utf-8"))
    assert [s["set"] for s in sets] == ["850", "850", "850"]
    assert all(s["accepted"] for s in sets)
    assert [s["document"]["number"] for s in sets] == [o["number"] for o in originals]
    assert sets[0]["document"]["lines"][0]["unit_price"] == originals[0]["lines"][0]["unit_price"]


def test_control_numbers_are_never_reused_across_runs(workdir: Path) -> None:
    first = run("edi", "encode", "orders.json", *SENDER)
    second = run("edi", "encode", "orders.json", *SENDER)

    assert first.exit_code == second.exit_code == 0
    isa13 = [result.stdout[90:99] for result in (first, second)]
    assert isa13 == ["000000001", "000000002"]
    assert "ST*850*0004~" in second.stdout


def test_validate_prints_the_997_it_would_send(workdir: Path) -> None:
    run("edi", "encode", "orders.json", *SENDER, "--output", "orders.x12")

    checked = run("edi", "validate", "orders.x12")

    assert checked.exit_code == 0, checked.output
    assert "AK9*A*3*3*3~" in checked.stdout


def test_a_corrupt_segment_count_is_rejected_with_its_code(workdir: Path) -> None:
    run("edi", "encode", "orders.json", *SENDER, "--output", "orders.x12")
    data = (workdir / "orders.x12").read_text(encoding="utf-8")
    se = data[data.index("~SE*") + 1 :].split("~")[0]
    count = int(se.split("*")[1])
    (workdir / "corrupt.x12").write_text(
        data.replace(se, se.replace(f"SE*{count}*", f"SE*{count + 1}*"), 1), encoding="utf-8"
    )

    checked = run("edi", "validate", "corrupt.x12")

    assert checked.exit_code == 1
    assert "AK5*R*4~" in checked.stdout
    assert "rejected" in checked.stdout


def test_a_file_that_is_not_x12_is_refused_plainly(workdir: Path) -> None:
    (workdir / "junk.x12").write_text("hello, this is not EDI", encoding="utf-8")

    result = run("edi", "decode", "junk.x12")

    assert result.exit_code == 1
    assert "is not X12" in result.stderr
    assert "Traceback" not in result.output


def test_encode_refuses_a_bad_identity(workdir: Path) -> None:
    result = run("edi", "encode", "orders.json", "--sender", "NORTHWIND", "--receiver", "ZZ:ACME")

    assert result.exit_code == 2
    assert "QUALIFIER:ID" in result.stderr
