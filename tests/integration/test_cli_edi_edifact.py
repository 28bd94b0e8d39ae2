"""`posync edi` with EDIFACT: encode with stored references, decode, validate, receive a CONTRL."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from posync.cli import command_line
from posync.codecs.canonical_json import JsonCodec
from posync.codecs.edifact.codec import (
    ControlReferences,
    EdifactCodec,
    InterchangeAnswered,
    PartnerEnvelope,
)
from posync.codecs.edifact.envelope_events import Party as InterchangeParty
from posync.domain.documents import PurchaseOrder
from posync.domain.values import Party

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo-purchase-orders.json"
PARTIES = ["--sender", "14:4012345000009", "--receiver", "ZZZ:EURODIS"]
EURODIS = PartnerEnvelope(
    sender=InterchangeParty(id="EURODIS", qualifier="ZZZ"),
    recipient=InterchangeParty(id="4012345000009", qualifier="14"),
)


@pytest.fixture
def workdir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("POSYNC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("POSYNC_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert run("db", "upgrade").exit_code == 0
    orders = json.loads(DEMO.read_text(encoding="utf-8"))["purchase_orders"][:3]
    (tmp_path / "orders.json").write_text(json.dumps(orders), encoding="utf-8")
    return tmp_path


def run(*arguments: str) -> Result:
    return CliRunner().invoke(command_line(), list(arguments))


def encode(output: str, *options: str) -> bytes:
    result = run("edi", "encode", "orders.json", "--standard", "edifact", *PARTIES, *options,
                 "--output", output)  # fmt: skip
    assert result.exit_code == 0, result.output
    return Path(output).read_bytes()


def decoded_units(file: str) -> list[dict[str, object]]:
    result = run("edi", "decode", file, "--json")
    assert result.exit_code == 0, result.output
    units: list[dict[str, object]] = json.loads(result.stdout)
    return units


def as_carried(order: PurchaseOrder) -> PurchaseOrder:
    """``order`` as D.96A carries it (docs/edifact.md): not a party's second identifier, nor a
    line's item category, account assignments, capitalisation and sales-order line."""

    def first_identifier(party: Party | None) -> Party | None:
        if party is None:
            return None
        return dataclasses.replace(party, identifiers=party.identifiers[:1])

    return dataclasses.replace(
        order,
        buyer=first_identifier(order.buyer),
        supplier=first_identifier(order.supplier),
        ship_to=first_identifier(order.ship_to),
        bill_to=first_identifier(order.bill_to),
        lines=tuple(
            dataclasses.replace(
                line,
                item_category=None,
                account_assignments=(),
                capitalized=False,
                sales_order_line=None,
            )
            for line in order.lines
        ),
    )


def sent_orders(workdir: Path) -> list[PurchaseOrder]:
    codec = JsonCodec(PurchaseOrder)
    originals = json.loads((workdir / "orders.json").read_text(encoding="utf-8"))
    return [as_carried(codec.decode(order)) for order in originals]


def documents(units: list[dict[str, object]]) -> list[PurchaseOrder]:
    """The decoded canonical JSON documents, as orders (so 142 and 142.00 are one price)."""
    codec = JsonCodec(PurchaseOrder)
    return [codec.decode(unit["document"]) for unit in units]


def eurodis_answers(sent: bytes) -> bytes:
    """The CONTRL EURODIS's translator (here posync's own codec) sends back for ``sent``."""
    codec = EdifactCodec()
    [answered] = [e for e in codec.read([sent]) if isinstance(e, InterchangeAnswered)]
    return codec.answer(
        answered,
        EURODIS,
        ControlReferences(interchange="700", messages=["1"]),
        at=datetime(2026, 11, 22, 10, 0, tzinfo=UTC),
    )


def test_orders_encoded_twice_never_share_a_reference_and_decode_back(workdir: Path) -> None:
    encode("first.edi")
    encode("second.edi")

    first, second = decoded_units("first.edi"), decoded_units("second.edi")

    for units in (first, second):
        assert [u["standard"] for u in units] == ["edifact"] * 3
        assert all(u["accepted"] and u["message"] == "ORDERS" for u in units)
        assert documents(units) == sent_orders(workdir)
    assert {u["interchange"] for u in first}.isdisjoint({u["interchange"] for u in second})
    assert {u["reference"] for u in first}.isdisjoint({u["reference"] for u in second})
    assert [u["label"] for u in first] == [f"ORDERS {u['reference']}" for u in first]


def test_the_syntax_identifier_is_written_and_read_back(workdir: Path) -> None:
    data = encode("unoy.edi", "--syntax", "UNOY", "--version", "D96A")

    assert b"UNB+UNOY:4+4012345000009:14+EURODIS:ZZZ+" in data
    assert documents(decoded_units("unoy.edi")) == sent_orders(workdir)


def test_without_output_the_bytes_go_to_standard_output(workdir: Path) -> None:
    result = run("edi", "encode", "orders.json", "--standard", "edifact", *PARTIES)

    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"UNA:+.? 'UNB+UNOC:3+4012345000009:14+EURODIS:ZZZ+")


def test_validate_prints_the_contrl_posync_would_answer_with(workdir: Path) -> None:
    encode("sent.edi")

    result = run("edi", "validate", "sent.edi")

    assert result.exit_code == 0, result.output
    assert "ORDERS 1: accepted" in result.stdout
    assert "CONTRL for interchange 1: UCI+1+4012345000009:14+EURODIS:ZZZ+7'" in result.stdout


def test_validate_names_the_finding_and_rejects(workdir: Path) -> None:
    sent = encode("sent.edi")
    Path("broken.edi").write_bytes(sent.replace(b"UNZ+3+1'", b"UNZ+4+1'"))

    result = run("edi", "validate", "broken.edi")

    assert result.exit_code == 1
    assert "ORDERS 1: rejected" in result.stdout
    assert "UNZ counts 4 messages, the interchange holds 3 [code 29]" in result.stdout
    assert "+4+29+UNZ" in result.stdout


def test_a_contrl_from_the_partner_marks_the_interchange_accepted(workdir: Path) -> None:
    encode("sent.edi")
    Path("contrl.edi").write_bytes(eurodis_answers(Path("sent.edi").read_bytes()))

    received = run("edi", "receive", "contrl.edi")

    assert received.exit_code == 0, received.output
    assert "interchange 1 from edifact:ZZZ:EURODIS accepted" in received.stdout
    assert received.stdout.rstrip().endswith("is accepted")


def test_a_contrl_for_nothing_sent_fails_and_says_so(workdir: Path) -> None:
    encode("sent.edi")
    answer = eurodis_answers(Path("sent.edi").read_bytes()).replace(b"UCI+1+", b"UCI+8+")
    Path("contrl.edi").write_bytes(answer)

    received = run("edi", "receive", "contrl.edi")

    assert received.exit_code == 1
    assert "posync sent edifact:ZZZ:EURODIS no interchange 8" in received.stdout


def test_a_file_neither_x12_nor_edifact_is_kept_and_refused(workdir: Path) -> None:
    received = run("edi", "receive", "orders.json")

    assert received.exit_code == 1
    assert "kept orders.json as" in received.stdout
    assert "orders.json is not X12 or EDIFACT but json" in received.stderr
