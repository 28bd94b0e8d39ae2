"""`posync edi receive`: a partner's 997 marks what `posync edi encode` sent, from the shell."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from posync.cli import command_line
from posync.codecs.x12.codec import GroupAnswered, X12Codec
from posync.codecs.x12.writer import ControlNumbers, OutboundSet, PartnerEnvelope, write_interchange

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo-purchase-orders.json"
ACME = PartnerEnvelope(
    sender_qualifier="ZZ",
    sender_id="ACME",
    receiver_qualifier="ZZ",
    receiver_id="NORTHWIND",
    application_sender="ACME",
    application_receiver="NORTHWIND",
    version="004010",
)


@pytest.fixture
def workdir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("POSYNC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("POSYNC_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert run("db", "upgrade").exit_code == 0
    orders = json.loads(DEMO.read_text(encoding="utf-8"))["purchase_orders"][:2]
    (tmp_path / "orders.json").write_text(json.dumps(orders), encoding="utf-8")
    sent = run(
        "edi", "encode", "orders.json", "--sender", "ZZ:NORTHWIND", "--receiver", "ZZ:ACME",
        "--output", "sent.x12",
    )  # fmt: skip
    assert sent.exit_code == 0, sent.output
    return tmp_path


def run(*arguments: str) -> Result:
    return CliRunner().invoke(command_line(), list(arguments))


def acme_answers(sent: bytes) -> bytes:
    """The 997 ACME's translator sends back for ``sent``."""
    [group] = [e for e in X12Codec().read([sent]) if isinstance(e, GroupAnswered)]
    return write_interchange(
        ACME,
        [OutboundSet(code="997", functional_group="FA", body=group.acknowledgement)],
        ControlNumbers(interchange=500, group=500, sets=[500]),
        at=datetime(2026, 11, 22, 10, 0, tzinfo=UTC),
    )


def test_a_997_marks_the_interchange_sent_as_accepted(workdir: Path) -> None:
    (workdir / "997.x12").write_bytes(acme_answers((workdir / "sent.x12").read_bytes()))
    received = run("edi", "receive", "997.x12")
    assert received.exit_code == 0, received.output
    assert "group 1 from x12:ZZ:ACME accepted" in received.stdout
    assert received.stdout.rstrip().endswith("is accepted")


def test_a_997_for_nothing_sent_fails_and_says_so(workdir: Path) -> None:
    answer = acme_answers((workdir / "sent.x12").read_bytes()).replace(b"AK1*PO*1~", b"AK1*PO*9~")
    (workdir / "997.x12").write_bytes(answer)
    received = run("edi", "receive", "997.x12")
    assert received.exit_code == 1
    assert "posync sent x12:ZZ:ACME no group 9" in received.stdout


def test_a_file_that_is_not_x12_is_kept_and_refused(workdir: Path) -> None:
    (workdir / "note.txt").write_text("hello", encoding="utf-8")
    received = run("edi", "receive", "note.txt")
    assert received.exit_code == 1
    assert "kept note.txt as" in received.stdout
    assert "is not X12" in received.output
