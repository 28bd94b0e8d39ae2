"""Trading partners on the command line: list, show, import, export, and their secrets.

Secret values go in only: ``secret set`` reads the value from standard input
or a hidden prompt (never from an argument, which would land in the shell's
history and the process list), ``import`` from ``POSYNC_SECRET_*`` variables.
Nothing here prints a value; partners show their secrets by name, set or not.
"""

from __future__ import annotations

import json
import os
import sys
import tomllib
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from posync.cli.terminal import (
    EXIT_CANNOT_START,
    EXIT_FAILED,
    load_settings,
    open_application,
    stderr_console,
    stdout_console,
    stop,
)
from posync.codecs.partner_data import encode_partner
from posync.codecs.partner_file import write_partners_file
from posync.codecs.plain_data import format_duration
from posync.domain.errors import InvalidDocument
from posync.domain.partner_values import MessageRules, Secret
from posync.services.commands import (
    SECRETS_VARIABLES_PREFIX,
    DeletePartnerSecret,
    ImportPartners,
    PartnersImported,
    SetPartnerSecret,
    secret_variable,
)
from posync.services.partner_queries import PartnerView

CLI_ACTOR = "cli"

PartnerId = Annotated[str, typer.Argument(help="The partner's id, e.g. acme.", show_default=False)]
SecretName = Annotated[
    str, typer.Argument(help="The secret's name, e.g. as2_key.", show_default=False)
]
Actor = Annotated[str, typer.Option(help="Who makes the change, for the audit trail.")]


def list_partners() -> None:
    """List the trading partners by id, with their standard, transport and secrets."""
    with open_application(load_settings()) as application:
        views = application.partners.list()
    if not views:
        stdout_console().print("no trading partners; add some with `posync partner import FILE`")
        return
    table = Table("Id", "Name", "Role", "Standard", "Their identity", "Transport", "Secrets")
    for view in views:
        partner = view.partner
        standard = " ".join(filter(None, (partner.standard.value, partner.version)))
        table.add_row(
            Text(partner.id + ("" if partner.active else " (inactive)")),
            Text(partner.name),
            partner.role.value,
            standard,
            Text(str(partner.their_identity)),
            partner.transport.kind.value,
            Text(_secrets(view)),
        )
    table.caption = f"{len(views)} trading partners"
    stdout_console().print(table)


def show_partner(
    partner_id: PartnerId,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the partner as JSON, as the API reads it.")
    ] = False,
) -> None:
    """Show a trading partner: identities, transport, guide, deadlines, tolerances, secrets."""
    with open_application(load_settings()) as application:
        view = application.partners.get(partner_id)
    if view is None:
        stop(f"partner {partner_id} does not exist", EXIT_FAILED)
    if as_json:
        typer.echo(json.dumps(encode_partner(view.partner), indent=2, ensure_ascii=False))
        return
    stdout_console().print(_details(view))


def import_partners(
    file: Annotated[
        Path, typer.Argument(help="TOML file of [[partner]] tables.", show_default=False)
    ],
    actor: Actor = CLI_ACTOR,
) -> None:
    """Add new partners and replace changed ones from a TOML partners file, all or none.

    Secret values come from POSYNC_SECRET_<PARTNER>_<NAME> variables. Importing
    the same file again changes nothing.
    """
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        stop(f"cannot read {file}: {error.strerror or error}", EXIT_CANNOT_START)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        stop(f"{file} is not valid TOML: {error}", EXIT_CANNOT_START)
    secret_values = {
        name: Secret(value)
        for name, value in os.environ.items()
        if name.startswith(SECRETS_VARIABLES_PREFIX)
    }
    with open_application(load_settings()) as application:
        try:
            report = application.bus.handle(
                ImportPartners(actor=actor, data=data, secret_values=secret_values)
            )
        except InvalidDocument as error:
            _print_problems(f"{file} was not imported: it is not a valid partners file", error)
            raise typer.Exit(EXIT_CANNOT_START) from None
    _print_import_report(file, report)


def export_partners(
    output: Annotated[
        Path | None,
        typer.Option(help="Write to this file instead of standard output.", show_default=False),
    ] = None,
) -> None:
    """Write every partner as a TOML partners file; secrets appear by name only."""
    with open_application(load_settings()) as application:
        partners = [view.partner for view in application.partners.list()]
    text = write_partners_file(
        partners,
        header="Trading partners exported by posync. Secrets are named, never written:\n"
        "set them with `posync partner secret set` or POSYNC_SECRET_<PARTNER>_<NAME>.",
    )
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        stop(f"cannot write {output}: {error.strerror or error}", EXIT_FAILED)
    stdout_console().print(Text(f"{len(partners)} partners written to {output}"))


def set_secret(partner_id: PartnerId, name: SecretName, actor: Actor = CLI_ACTOR) -> None:
    """Store a partner's secret, read from standard input (or a hidden prompt on a terminal)."""
    value = _read_secret(f"value of {partner_id}'s secret {name}")
    with open_application(load_settings()) as application:
        try:
            application.bus.handle(
                SetPartnerSecret(actor=actor, partner_id=partner_id, name=name, value=value)
            )
        except InvalidDocument as error:
            _print_problems("the secret was not stored", error)
            raise typer.Exit(EXIT_CANNOT_START) from None
    stdout_console().print(Text(f"secret {name} of partner {partner_id} is set"))


def delete_secret(partner_id: PartnerId, name: SecretName, actor: Actor = CLI_ACTOR) -> None:
    """Forget a partner's secret."""
    with open_application(load_settings()) as application:
        application.bus.handle(DeletePartnerSecret(actor=actor, partner_id=partner_id, name=name))
    stdout_console().print(Text(f"secret {name} of partner {partner_id} is deleted"))


# --- helpers --------------------------------------------------------------------------------


def _read_secret(prompt: str) -> Secret:
    if sys.stdin.isatty():
        value = typer.prompt(prompt.capitalize(), hide_input=True, show_default=False)
    else:
        value = sys.stdin.read()
        # One line ending closes what `echo` or a file gives; the value is what comes before.
        value = value.removesuffix("\n").removesuffix("\r")
    if not value:
        stop("no secret value was given on standard input", EXIT_CANNOT_START)
    return Secret(value)


def _print_problems(headline: str, error: InvalidDocument) -> None:
    errors = stderr_console()
    errors.print(Text(headline, style="bold red"))
    for problem in error.problems:
        errors.print(Text(f"  {problem}", style="red"))


def _print_import_report(file: Path, report: PartnersImported) -> None:
    total = len(report.created) + len(report.updated) + len(report.unchanged)
    console = stdout_console()
    console.print(
        Text.assemble(
            f"{total} partners in {file}: ",
            (f"{len(report.created)} created", "green"),
            f", {len(report.updated)} updated, {len(report.unchanged)} unchanged",
        )
    )
    if report.secrets_set:
        console.print(Text(f"secrets set: {', '.join(report.secrets_set)}"))
    errors = stderr_console()
    for missing in report.secrets_missing:
        partner_id, _, name = missing.partition(".")
        errors.print(
            Text(
                f"secret {name} of partner {partner_id} is not set: export "
                f"{secret_variable(partner_id, name)} and import again, or run "
                f"`posync partner secret set {partner_id} {name}`",
                style="yellow",
            )
        )


def _secrets(view: PartnerView) -> str:
    return ", ".join(f"{s.name} ({'set' if s.is_set else 'not set'})" for s in view.secrets) or "-"


def _details(view: PartnerView) -> Table:
    partner = view.partner
    transport = partner.transport
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    rows = [
        ("Partner", partner.id),
        ("Name", partner.name),
        ("Role", partner.role.value),
        ("Standard", " ".join(filter(None, (partner.standard.value, partner.version)))),
        ("Our identity", str(partner.our_identity)),
        ("Their identity", str(partner.their_identity)),
        ("Active", "yes" if partner.active else "no"),
        ("Transport", transport.kind.value),
    ]
    settings = {
        "url": transport.url,
        "host": transport.host,
        "port": transport.port,
        "path": transport.path,
        "username": transport.username,
        "as2_from": transport.as2_from,
        "as2_to": transport.as2_to,
        "content_type": transport.content_type,
        "timeout": format_duration(transport.timeout) if transport.timeout else None,
    }
    rows.extend((f"  {name}", str(value)) for name, value in settings.items() if value is not None)
    rows.append(("Secrets", _secrets(view)))
    for name in ("application_sender_code", "application_receiver_code", "syntax_identifier"):
        value = getattr(partner, name)
        if value is not None:
            rows.append((name.replace("_", " ").capitalize(), value))
    for message, rules in sorted(partner.guide.items()):
        rows.append((f"Guide {message}", _rules(rules)))
    for name in ("functional_acknowledgement", "acknowledgement", "ship_notice"):
        deadline = getattr(partner.deadlines, name)
        if deadline is not None:
            rows.append((f"Deadline {name.replace('_', ' ')}", format_duration(deadline)))
    tolerances = encode_partner(partner).get("tolerances", {})
    if tolerances:
        rows.append(("Tolerances", ", ".join(f"{k} {v}" for k, v in tolerances.items())))
    rows.append(("Version", str(view.version)))
    rows.append(("Updated", view.updated_at.isoformat(timespec="seconds")))
    for label, value in rows:
        grid.add_row(label, Text(value))
    return grid


def _rules(rules: MessageRules) -> str:
    parts = [
        f"{label}: {' '.join(sorted(values))}"
        for label, values in (
            ("required", rules.required_segments),
            ("forbidden", rules.forbidden_segments),
            ("required elements", rules.required_elements),
        )
        if values
    ]
    parts.extend(
        f"{element} in {'/'.join(sorted(c))}" for element, c in sorted(rules.codes.items())
    )
    parts.extend(f"{element} <= {n}" for element, n in sorted(rules.max_lengths.items()))
    return "; ".join(parts) or "-"
