"""`posync po import|show|list` over an in-memory posync (the SQL store is in tests/integration)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from posync import cli
from posync.bootstrap import Application, bootstrap_in_memory
from posync.cli import terminal
from posync.codecs.canonical_json import JsonCodec
from posync.connectors.clock import ManualClock
from posync.domain.documents import PurchaseOrder
from posync.domain.lifecycle import OrderStatus
from posync.services.commands import ChangePurchaseOrderStatus, CreatePurchaseOrder
from support.documents import make_plain_purchase_order

DEMO = Path(__file__).parents[2] / "examples" / "demo-purchase-orders.json"


@pytest.fixture
def application(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Application:
    """The application every command of this module opens instead of the configured store."""
    application = bootstrap_in_memory(clock=ManualClock(datetime(2026, 3, 2, 9, tzinfo=UTC)))
    monkeypatch.setattr(terminal, "bootstrap", lambda settings: application)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    return application


def run(*arguments: str) -> Result:
    return CliRunner().invoke(cli.command_line(), list(arguments))


def write_json(path: Path, content: Any) -> Path:
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def encoded(number: str, **changes: object) -> dict[str, Any]:
    document: dict[str, Any] = JsonCodec(PurchaseOrder).encode(  # type: ignore[assignment]
        make_plain_purchase_order(number, **changes)
    )
    return document


def test_import_creates_every_order_of_the_demo_file(application: Application) -> None:
    result = run("po", "import", str(DEMO))

    assert result.exit_code == 0, result.output
    assert "8 created, 0 revised, 0 unchanged, 0 failed" in result.stdout
    assert application.queries.get("PO-2026-0004") is not None
    release = application.queries.get("PO-2026-0006")
    assert release is not None
    assert release.document.blanket_order_number == "PO-2026-0005"


def test_import_again_revises_changed_orders_and_leaves_the_rest(
    application: Application, tmp_path: Path
) -> None:
    first = [encoded("PO-1"), encoded("PO-2")]
    run("po", "import", str(write_json(tmp_path / "first.json", first)))
    second = [encoded("PO-1"), encoded("PO-2", currency="EUR"), encoded("PO-3")]

    result = run("po", "import", str(write_json(tmp_path / "second.json", second)))

    assert result.exit_code == 0, result.output
    assert "1 created, 1 revised, 1 unchanged, 0 failed" in result.stdout
    revised = application.queries.get("PO-2")
    assert revised is not None
    assert (revised.document.revision, revised.document.currency) == (1, "EUR")


def test_import_reports_each_failed_order_by_its_place_in_the_file(
    application: Application, tmp_path: Path
) -> None:
    with_float = encoded("PO-2")
    with_float["lines"][0]["unit_price"] = 2.5
    entries = {
        "purchase_orders": [
            encoded("PO-1"),
            with_float,
            encoded("PO-3"),
            encoded("PO-4", currency="usd"),
            encoded("PO-5"),
        ]
    }

    result = run(
        "po", "import", str(write_json(tmp_path / "orders.json", entries)), "--batch-size", "2"
    )

    assert result.exit_code == 1
    assert "3 created, 0 revised, 0 unchanged, 2 failed" in result.stdout
    failures = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    assert failures[0].startswith("#1 PO-2: invalid PurchaseOrder: lines[0].unit_price:")
    assert failures[1].startswith("#3 PO-4: invalid PurchaseOrder: currency:")
    assert [application.queries.get(n) is not None for n in ("PO-1", "PO-3", "PO-5")] == [True] * 3
    assert application.queries.get("PO-4") is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'[{"number": "PO-1",', "is not valid JSON"),
        (b'{"orders": []}', 'must hold a list of purchase orders or {"purchase_orders": [...]}'),
    ],
)
def test_import_of_an_unusable_file_stops_with_exit_code_2(
    application: Application, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "orders.json"
    path.write_bytes(content)

    result = run("po", "import", str(path))

    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.output


def test_import_of_a_missing_file_stops_with_exit_code_2(application: Application) -> None:
    result = run("po", "import", "nowhere.json")

    assert result.exit_code == 2
    assert "cannot read nowhere.json: No such file or directory" in result.stderr


def test_show_prints_the_header_and_every_line(application: Application) -> None:
    run("po", "import", str(DEMO))

    result = run("po", "show", "PO-2026-0004")

    assert result.exit_code == 0, result.output
    assert "EURODIS Logistik GmbH (Hamburg)" in result.stdout
    assert "Northwind Manufacturing Polska Sp. z o.o. (Łódź)" in result.stdout
    assert "3617.40" in result.stdout
    rows = [line for line in result.stdout.splitlines() if "NW-5000" in line]
    assert len(rows) == 3
    assert all(cell in rows[0] for cell in ("NW-500020", "480", "KGM", "2.18", "1046.40"))


def test_show_json_prints_the_canonical_document(application: Application) -> None:
    order = make_plain_purchase_order("PO-1")
    application.bus.handle(CreatePurchaseOrder(actor="test", document=order))

    result = run("po", "show", "PO-1", "--json")

    assert result.exit_code == 0, result.output
    assert JsonCodec(PurchaseOrder).decode(json.loads(result.stdout)) == order


def test_show_of_an_unknown_order_fails_with_exit_code_1(application: Application) -> None:
    result = run("po", "show", "PO-404")

    assert result.exit_code == 1
    assert "purchase order PO-404 does not exist" in result.stderr


def test_list_shows_orders_filtered_by_status(application: Application) -> None:
    for number in ("PO-1", "PO-2", "PO-3"):
        application.bus.handle(
            CreatePurchaseOrder(actor="t", document=make_plain_purchase_order(number))
        )
    application.bus.handle(
        ChangePurchaseOrderStatus(actor="t", number="PO-2", status=OrderStatus.APPROVED)
    )

    everything = run("po", "list")
    approved = run("po", "list", "--status", "approved")

    assert everything.exit_code == 0, everything.output
    assert all(number in everything.stdout for number in ("PO-1", "PO-2", "PO-3"))
    assert "3 of 3 purchase orders" in everything.stdout
    assert "PO-2" in approved.stdout
    assert "PO-1" not in approved.stdout
    assert "1 of 1 purchase orders" in approved.stdout


def test_list_limits_the_rows_but_counts_every_match(application: Application) -> None:
    for number in ("PO-1", "PO-2", "PO-3"):
        application.bus.handle(
            CreatePurchaseOrder(actor="t", document=make_plain_purchase_order(number))
        )

    result = run("po", "list", "--limit", "2")

    assert "2 of 3 purchase orders" in result.stdout


def test_list_refuses_a_limit_outside_1_to_500(application: Application) -> None:
    result = run("po", "list", "--limit", "501")

    assert result.exit_code == 2
    assert "--limit" in result.stderr
