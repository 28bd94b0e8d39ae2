"""A secret's value goes in and never comes out: not on the terminal, not from the API, not in
the partner's JSON or the audit trail, not in a log record. On both databases."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from posync.bootstrap import bootstrap
from posync.cli import command_line
from posync.config import Settings
from posync.store.engine import create_store_engine
from posync.store.tables import audit_log, partner_secrets, partners
from posync.web.app import create_app

EXAMPLE = Path(__file__).parents[2] / "examples" / "partners.toml"
FROM_ENVIRONMENT = "env-private-key-7f3a91"
FROM_STDIN = "stdin-certificate-c0ffee"
FROM_API = "api-password-5e5a3e"
VALUES = (FROM_ENVIRONMENT, FROM_STDIN, FROM_API)


def test_secret_values_appear_nowhere_but_their_own_table(
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")  # statements and their values
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POSYNC_DATABASE_URL", str(settings.database_url))
    monkeypatch.setenv("POSYNC_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("POSYNC_SECRET_EURODIS_AS2_PRIVATE_KEY", FROM_ENVIRONMENT)
    runner = CliRunner()
    cli = command_line()

    outputs = [runner.invoke(cli, ["partner", "import", str(EXAMPLE)]).output]
    outputs.append(
        runner.invoke(
            cli,
            ["partner", "secret", "set", "eurodis", "as2_partner_certificate"],
            input=FROM_STDIN,
        ).output
    )
    application = bootstrap(settings)
    try:
        with TestClient(create_app(application)) as client:
            stored = client.put(
                "/api/partners/acme/secrets/http_password", json={"value": FROM_API}
            )
            answers = [
                stored.text,
                client.get("/api/partners").text,
                client.get("/api/partners/acme").text,
                client.get("/api/partners/eurodis").text,
                client.get("/api/purchase-orders/x/timeline").text,
            ]
    finally:
        application.close()
    for arguments in (
        ["partner", "list"],
        ["partner", "show", "eurodis"],
        ["partner", "show", "acme", "--json"],
        ["partner", "export"],
        ["audit", "verify"],
    ):
        result = runner.invoke(cli, arguments)
        assert result.exit_code == 0, result.output
        outputs.append(result.output)

    engine = create_store_engine(settings.store_url)
    with engine.connect() as connection:
        documents = [str(tuple(row)) for row in connection.execute(select(partners))]
        audit = [str(tuple(row)) for row in connection.execute(select(audit_log))]
        kept = sorted(connection.execute(select(partner_secrets.c.value)).scalars())
    engine.dispose()
    logged = [record.getMessage() + repr(record.args) for record in caplog.records]

    assert stored.status_code == 204
    assert kept == sorted(VALUES)  # each went in, exactly as given
    assert len(audit) == 5  # two partners added, three secrets set
    for value in VALUES:
        for shown in (*outputs, *answers, *documents, *audit, *logged):
            assert value not in shown
