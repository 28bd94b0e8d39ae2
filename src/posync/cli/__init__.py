"""The posync command line: thin commands over ``posync.bootstrap``.

Each command reads the settings (``POSYNC_*`` variables over ``posync.toml``),
opens the application, does one thing and closes it again. Exit codes:

- 0: done;
- 1: the work failed (an order refused, an unknown order, a broken audit trail);
- 2: posync could not start it (invalid settings or input file, or a database
  without posync's schema: run ``posync db upgrade``).

Every command and option is described in docs/cli.md.
"""

from __future__ import annotations

import typer

from posync.cli import edi, orders, outbox, partners, receiving, service


def command_line() -> typer.Typer:
    """The ``posync`` command and its groups: ``db``, ``po``, ``audit``, ``edi``, ``partner``,
    ``outbox``."""
    cli = typer.Typer(
        name="posync",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_show_locals=False,
    )
    cli.callback()(service.root)
    cli.command("serve")(service.serve)

    database = typer.Typer(help="The database schema.", no_args_is_help=True)
    database.command("upgrade")(service.upgrade_database_schema)
    cli.add_typer(database, name="db")

    purchase_orders = typer.Typer(help="Purchase orders.", no_args_is_help=True)
    purchase_orders.command("import")(orders.import_purchase_orders)
    purchase_orders.command("show")(orders.show_purchase_order)
    purchase_orders.command("list")(orders.list_purchase_orders)
    cli.add_typer(purchase_orders, name="po")

    audit = typer.Typer(help="The audit trail of every change.", no_args_is_help=True)
    audit.command("verify")(service.verify_audit_trail)
    cli.add_typer(audit, name="audit")

    interchange = typer.Typer(help="EDI files: read, check, write, receive.", no_args_is_help=True)
    interchange.command("decode")(edi.decode)
    interchange.command("validate")(edi.validate)
    interchange.command("encode")(edi.encode)
    interchange.command("receive")(receiving.receive)
    cli.add_typer(interchange, name="edi")

    trading_partners = typer.Typer(help="Trading partners and their secrets.", no_args_is_help=True)
    trading_partners.command("list")(partners.list_partners)
    trading_partners.command("show")(partners.show_partner)
    trading_partners.command("import")(partners.import_partners)
    trading_partners.command("export")(partners.export_partners)
    secrets = typer.Typer(help="A partner's secrets, stored apart.", no_args_is_help=True)
    secrets.command("set")(partners.set_secret)
    secrets.command("delete")(partners.delete_secret)
    trading_partners.add_typer(secrets, name="secret")
    cli.add_typer(trading_partners, name="partner")

    outbound = typer.Typer(help="Outbound work waiting for partners.", no_args_is_help=True)
    outbound.command("list")(outbox.list_messages)
    outbound.command("retry")(outbox.retry_messages)
    cli.add_typer(outbound, name="outbox")
    return cli


def main() -> None:
    command_line()()
