"""`posync edi encode --partner`: the registered partner's envelope, version and guide."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from posync.cli import command_line

ROOT = Path(__file__).resolve().parents[2]
PARTNERS = ROOT / "examples" / "partners.toml"
DEMO = ROOT / "examples" / "demo-purchase-orders.json"


@pytest.fixture
def workdir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("POSYNC_DATA_DIR", str(tmp_path / "data"))
    for name in ("POSYNC_DATABASE_URL", "POSYNC_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    assert run("db", "upgrade").exit_code == 0
    assert run("partner", "import", str(PARTNERS)).exit_code == 0
    return tmp_path


def run(*arguments: str) -> Result:
    return CliRunner().invoke(command_line(), list(arguments))


def demo_order(*, short_names: bool = True, contacts: bool = True) -> dict[str, Any]:
    """The first demo order, with party names ACME's guide takes (N102 at most 35)."""
    order: dict[str, Any] = json.loads(DEMO.read_text(encoding="utf-8"))["purchase_orders"][0]
    for role in ("buyer", "supplier", "ship_to", "bill_to"):
        if order.get(role):
            if short_names:
                order[role]["name"] = order[role]["name"][:35]
            if not contacts:
                order[role].pop("contact", None)
    return order


def test_an_x12_partner_gets_its_ids_version_and_application_codes(workdir: Path) -> None:
    (workdir / "orders.json").write_text(json.dumps([demo_order()]))
    written = run("edi", "encode", "orders.json", "--partner", "acme")
    assert written.exit_code == 0, written.output
    isa = written.stdout[:106]
    assert isa[32:50] == "ZZ*ACME           "
    assert isa[51:69] == "ZZ*MOCKEDI        "
    assert "GS*PO*ACME*MOCKEDI*" in written.stdout
    assert "*X*004010~" in written.stdout


def test_a_set_that_breaks_the_partners_guide_is_refused_by_rule(workdir: Path) -> None:
    (workdir / "long.json").write_text(json.dumps([demo_order(short_names=False)]))
    (workdir / "no-contact.json").write_text(json.dumps([demo_order(contacts=False)]))
    too_long = run("edi", "encode", "long.json", "--partner", "acme")
    no_contact = run("edi", "encode", "no-contact.json", "--partner", "acme")
    assert too_long.exit_code == no_contact.exit_code == 1
    assert "guide 'acme': N102 holds 42 characters, the guide allows 35" in too_long.output
    assert "guide 'acme'" in no_contact.output
    assert "PER" in no_contact.output


def test_partner_settings_are_not_given_twice_and_unknown_partners_are_named(
    workdir: Path,
) -> None:
    (workdir / "orders.json").write_text(json.dumps([demo_order()]))
    clash = run("edi", "encode", "orders.json", "--partner", "acme", "--version", "005010")
    unknown = run("edi", "encode", "orders.json", "--partner", "nobody")
    assert clash.exit_code == 2
    assert "--version cannot be given with --partner" in clash.output
    assert unknown.exit_code == 1
    assert "no trading partner 'nobody'" in unknown.output
