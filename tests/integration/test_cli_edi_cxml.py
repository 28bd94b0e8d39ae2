"""`posync edi` with cXML: decode, validate and encode through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from posync.cli import command_line
from posync.codecs.cxml import CxmlCodec, CxmlResponse

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cxml"
PARTIES = ["--sender", "NetworkID:AN01000000147", "--receiver", "DUNS:987654321"]


@pytest.fixture
def workdir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("POSYNC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("POSYNC_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*arguments: str) -> Result:
    return CliRunner().invoke(command_line(), list(arguments))


@pytest.mark.parametrize(
    ("name", "document_type"),
    [
        ("order_request_new.xml", "PurchaseOrder"),
        ("order_request_update.xml", "PurchaseOrderChange"),
        ("confirmation_detail.xml", "PurchaseOrderAcknowledgement"),
        ("ship_notice.xml", "ShipNotice"),
        ("invoice_detail.xml", "Invoice"),
    ],
)
@pytest.mark.parametrize("named", [True, False], ids=["named", "sniffed"])
def test_decode_reads_each_sample(
    workdir: Path, name: str, document_type: str, named: bool
) -> None:
    standard = ["--standard", "cxml"] if named else []

    result = run("edi", "decode", str(FIXTURES / name), "--json", *standard)

    assert result.exit_code == 0, result.output
    (unit,) = json.loads(result.stdout)
    assert unit["standard"] == "cxml"
    assert unit["accepted"]
    assert unit["document_type"] == document_type


def test_validate_prints_the_ok_response(workdir: Path) -> None:
    result = run("edi", "validate", str(FIXTURES / "order_request_new.xml"), "--standard", "cxml")

    assert result.exit_code == 0, result.output
    assert "accepted" in result.stdout
    assert 'code="200"' in result.stdout


def test_validate_reports_problems_and_the_refusing_response(workdir: Path) -> None:
    broken = (FIXTURES / "ship_notice.xml").read_bytes().replace(b"shipmentID=", b"shipmentNo=")
    (workdir / "broken.xml").write_bytes(broken)

    result = run("edi", "validate", "broken.xml")

    assert result.exit_code == 1
    assert "rejected" in result.stdout
    assert "shipmentID" in result.stdout
    assert "[code 400]" in result.stdout
    assert 'code="400"' in result.stdout


def test_encode_writes_one_document_that_reads_back(workdir: Path) -> None:
    source = FIXTURES / "order_request_new.xml"

    result = run("edi", "encode", str(source), "--standard", "cxml", *PARTIES, "--output", "po.xml")

    assert result.exit_code == 0, result.output
    written = CxmlCodec().decode((workdir / "po.xml").read_bytes())
    assert written.document == CxmlCodec().decode(source.read_bytes()).document
    assert written.envelope is not None
    assert written.envelope.shared_secret is None
    assert written.envelope.to_credentials[0].identity == "987654321"


def test_encode_writes_a_change_given_with_its_order(workdir: Path) -> None:
    units = []
    for name in ("order_request_new.xml", "order_request_update.xml"):
        decoded = run("edi", "decode", str(FIXTURES / name), "--json")
        (unit,) = json.loads(decoded.stdout)
        units.append({"document_type": unit["document_type"], "document": unit["document"]})
    (workdir / "both.json").write_text(json.dumps(units), encoding="utf-8")

    result = run("edi", "encode", "both.json", "--standard", "cxml", *PARTIES)

    assert result.exit_code == 0, result.output
    read = CxmlCodec().decode(result.stdout.encode("utf-8"))
    assert type(read.document).__name__ == "PurchaseOrderChange"
    assert read.order is not None
    assert read.order.number == units[0]["document"]["number"]


@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("order_request_update.xml", "order: is missing"),
        ("confirmation_detail.xml", "must also hold purchase order PO-4500012345"),
    ],
)
def test_encode_refuses_a_change_or_acknowledgement_without_its_order(
    workdir: Path, source: str, said: str
) -> None:
    result = run("edi", "encode", str(FIXTURES / source), "--standard", "cxml", *PARTIES)

    assert result.exit_code == 1
    assert said in result.stderr


def test_encode_refuses_several_documents(workdir: Path) -> None:
    demo = Path(__file__).resolve().parents[2] / "examples" / "demo-purchase-orders.json"

    result = run("edi", "encode", str(demo), "--standard", "cxml", *PARTIES)

    assert result.exit_code == 1
    assert "cXML writes one document per file" in result.stderr


def test_encode_needs_domain_and_identity(workdir: Path) -> None:
    source = str(FIXTURES / "order_request_new.xml")

    result = run("edi", "encode", source, "--standard", "cxml", "--sender", "AN01")

    assert result.exit_code == 2
    assert "--sender must be DOMAIN:IDENTITY" in result.stderr
    assert "--receiver must be DOMAIN:IDENTITY" in result.stderr


def test_a_response_decodes_to_its_status(workdir: Path) -> None:
    result = run("edi", "decode", str(FIXTURES / "response.xml"), "--json")

    assert result.exit_code == 0, result.output
    (unit,) = json.loads(result.stdout)
    assert unit["document_type"] == CxmlResponse.__name__
