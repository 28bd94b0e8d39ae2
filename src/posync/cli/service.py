"""Running posync: serve the API, migrate the database, check the audit trail."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn
from rich.text import Text

import posync
from posync.bootstrap import upgrade_database
from posync.cli.terminal import (
    EXIT_CANNOT_START,
    EXIT_FAILED,
    load_settings,
    open_application,
    stderr_console,
    stdout_console,
    stop,
)
from posync.domain.errors import PosyncError
from posync.web.app import create_app


def _print_version(wanted: bool) -> None:
    if wanted:
        typer.echo(f"posync {posync.__version__}")
        raise typer.Exit


def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version of posync and stop.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """posync: keeps purchase orders in step across ERPs, suppliers and the warehouse."""


def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to listen on [default: POSYNC_HOST, 127.0.0.1].")
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Port to listen on [default: POSYNC_PORT, 8000]."),
    ] = None,
) -> None:
    """Run the API (and its OpenAPI documentation at /docs) and the dispatcher until stopped."""
    settings = load_settings()
    host = host or settings.host
    port = port or settings.port
    address = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    with open_application(settings) as application:  # refuses to start on a store that is not ready
        stdout_console().print(
            f"posync {posync.__version__} listening on {address} (API docs: {address}/docs)"
        )
        stdout_console().print(Text(f"store: {application.store_description}"))
        if application.dispatch_in_background:
            stdout_console().print("dispatcher: delivering the outbox to partners")
            application.dispatcher.start()
        else:
            stdout_console().print("dispatcher: off (POSYNC_DISPATCHER_ENABLED=false)")
        try:
            uvicorn.run(create_app(application), host=host, port=port, log_level=settings.log_level)
        finally:
            application.dispatcher.stop()


def upgrade_database_schema() -> None:
    """Create the database schema, or migrate it to the newest revision."""
    settings = load_settings()
    try:
        revision = upgrade_database(settings)
    except PosyncError as error:
        stop(str(error), EXIT_CANNOT_START)
    stdout_console().print(
        Text.assemble(
            ("database schema at revision ", "green"),
            (revision, "bold green"),
            f" ({settings.store_url_for_display})",
        )
    )


def verify_audit_trail() -> None:
    """Check the hash chain of the audit trail; exits 1 and names each break if broken."""
    with open_application(load_settings()) as application:
        report = application.verify_audit_trail()
    if report.intact:
        stdout_console().print(
            f"[green]The audit trail is intact:[/] {report.entries_checked} entries checked."
        )
        return
    errors = stderr_console()
    errors.print(
        f"[bold red]The audit trail is broken[/] in {len(report.breaks)} place(s); "
        f"{report.entries_checked} entries checked:"
    )
    for found in report.breaks:
        errors.print(Text(f"  entry {found.sequence}: {found.reason}"))
    raise typer.Exit(EXIT_FAILED)
