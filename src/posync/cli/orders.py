"""Purchase orders on the command line: import, show, list."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from posync.bootstrap import Application
from posync.cli.terminal import (
    EXIT_CANNOT_START,
    EXIT_FAILED,
    load_settings,
    open_application,
    stderr_console,
    stdout_console,
    stop,
)
from posync.codecs.canonical_json import JsonCodec
from posync.domain.documents import PurchaseOrder
from posync.domain.errors import InvalidDocument, PosyncError
from posync.domain.lifecycle import OrderStatus
from posync.domain.values import Party
from posync.services.commands import ImportFailure, ImportPurchaseOrders, ImportReport
from posync.services.queries import PurchaseOrderFilter, PurchaseOrderView

IMPORT_ACTOR = "cli"


def import_purchase_orders(
    file: Annotated[
        Path,
        typer.Argument(
            help='JSON file: a list of purchase orders, or {"purchase_orders": [...]}.',
            show_default=False,
        ),
    ],
    batch_size: Annotated[
        int, typer.Option(min=1, max=10_000, help="Purchase orders per transaction.")
    ] = 100,
    actor: Annotated[str, typer.Option(help="Who imports, for the audit trail.")] = IMPORT_ACTOR,
) -> None:
    """Create new purchase orders and revise known ones from a JSON file.

    Orders that cannot be read or break a rule are reported with their place in
    the file; the others are imported all the same. Exits 1 if any failed.
    """
    entries = _import_entries(file)
    settings = load_settings()
    decoded, failures = _decode_purchase_orders(entries)
    with open_application(settings) as application:
        report = _import_in_batches(application, decoded, batch_size, actor)
    report = replace(report, failures=tuple(sorted(failures + report.failures, key=_by_index)))
    _print_import_report(file, report)
    if report.failures:
        raise typer.Exit(EXIT_FAILED)


def show_purchase_order(
    number: Annotated[str, typer.Argument(help="The purchase order number.", show_default=False)],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the document as canonical JSON instead.")
    ] = False,
) -> None:
    """Show a purchase order: its header and its lines."""
    with open_application(load_settings()) as application:
        view = application.queries.get(number)
    if view is None:
        stop(f"purchase order {number} does not exist", EXIT_FAILED)
    if as_json:
        document = JsonCodec(PurchaseOrder).encode(view.document)
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    console = stdout_console()
    console.print(_order_header(view))
    console.print(_order_lines(view.document))


def list_purchase_orders(
    status: Annotated[OrderStatus | None, typer.Option(help="Only orders in this status.")] = None,
    supplier: Annotated[
        str | None, typer.Option(help="Only orders from the supplier of this name.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=500, help="Show at most this many.")] = 50,
) -> None:
    """List purchase orders, most recently changed first."""
    query = PurchaseOrderFilter(status=status, supplier=supplier, limit=limit)
    with open_application(load_settings()) as application:
        found = application.queries.search(query)
        total = application.queries.count(query)
    if not found:
        stdout_console().print("no purchase orders match")
        return
    table = Table("Number", "Rev", "Status", "Supplier", "Currency", "Total", "Lines", "Updated")
    for column in (1, 5, 6):
        table.columns[column].justify = "right"
    for summary in found:
        table.add_row(
            Text(summary.number),
            str(summary.revision),
            summary.status.value,
            Text(summary.supplier),
            summary.currency,
            _number(summary.total_amount),
            str(summary.line_count),
            summary.updated_at.strftime("%Y-%m-%d %H:%M %Z"),
        )
    table.caption = f"{len(found)} of {total} purchase orders"
    stdout_console().print(table)


# --- importing --------------------------------------------------------------------------


def _import_entries(path: Path) -> list[object]:
    """The purchase orders of an import file, still as parsed JSON."""
    try:
        parsed = json.loads(path.read_bytes())
    except OSError as error:
        stop(f"cannot read {path}: {error.strerror or error}", EXIT_CANNOT_START)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        stop(f"{path} is not valid JSON: {error}", EXIT_CANNOT_START)
    if isinstance(parsed, dict) and isinstance(parsed.get("purchase_orders"), list):
        parsed = parsed["purchase_orders"]
    if not isinstance(parsed, list):
        stop(
            f'{path} must hold a list of purchase orders or {{"purchase_orders": [...]}}',
            EXIT_CANNOT_START,
        )
    return parsed


def _decode_purchase_orders(
    entries: Sequence[object],
) -> tuple[list[tuple[int, PurchaseOrder]], tuple[ImportFailure, ...]]:
    """Each entry that reads as a purchase order, with its index; a failure for each other."""
    codec = JsonCodec(PurchaseOrder)
    decoded: list[tuple[int, PurchaseOrder]] = []
    failures: list[ImportFailure] = []
    for index, entry in enumerate(entries):
        try:
            decoded.append((index, codec.decode(entry)))
        except InvalidDocument as error:
            number = entry.get("number") if isinstance(entry, dict) else None
            failures.append(
                ImportFailure(
                    index=index, number=number if isinstance(number, str) else "?", error=str(error)
                )
            )
    return decoded, tuple(failures)


def _import_in_batches(
    application: Application,
    documents: Sequence[tuple[int, PurchaseOrder]],
    batch_size: int,
    actor: str,
) -> ImportReport:
    """Send the documents batch by batch; failure indexes are places in the file."""
    report = ImportReport()
    with Progress(console=stderr_console(), transient=True) as progress:
        task = progress.add_task("importing purchase orders", total=len(documents))
        for start in range(0, len(documents), batch_size):
            batch = documents[start : start + batch_size]
            try:
                result = application.bus.handle(
                    ImportPurchaseOrders(
                        actor=actor,
                        documents=[document for _, document in batch],
                        batch_size=batch_size,
                    )
                )
            except PosyncError as error:  # the whole batch was rolled back
                result = ImportReport(
                    failures=tuple(
                        ImportFailure(index=position, number=document.number, error=str(error))
                        for position, (_, document) in enumerate(batch)
                    )
                )
            report = ImportReport(
                created=report.created + result.created,
                revised=report.revised + result.revised,
                unchanged=report.unchanged + result.unchanged,
                failures=report.failures
                + tuple(
                    replace(failure, index=batch[failure.index][0]) for failure in result.failures
                ),
            )
            progress.advance(task, len(batch))
    return report


def _by_index(failure: ImportFailure) -> int:
    return failure.index


def _print_import_report(path: Path, report: ImportReport) -> None:
    failed = len(report.failures)
    total = report.created + report.revised + report.unchanged + failed
    stdout_console().print(
        Text.assemble(
            f"{total} purchase orders in {path}: ",
            (f"{report.created} created", "green"),
            f", {report.revised} revised, {report.unchanged} unchanged, ",
            (f"{failed} failed", "bold red" if failed else ""),
        )
    )
    errors = stderr_console()
    for failure in report.failures:
        errors.print(Text(f"  #{failure.index} {failure.number}: {failure.error}", style="red"))


# --- showing ----------------------------------------------------------------------------


def _order_header(view: PurchaseOrderView) -> Table:
    document = view.document
    header = Table.grid(padding=(0, 2))
    header.add_column(style="bold")
    header.add_column()
    rows = [
        ("Purchase order", document.number),
        ("Status", view.status.value),
        ("Revision", str(document.revision)),
        ("Kind", document.kind.value),
        ("Order date", document.order_date.isoformat()),
        ("Buyer", _party(document.buyer)),
        ("Supplier", _party(document.supplier)),
        ("Ship to", _party(document.ship_to) if document.ship_to else "-"),
        ("Currency", document.currency),
        ("Total", _number(document.total_amount)),
        ("Updated", view.updated_at.isoformat(timespec="seconds")),
    ]
    for label, value in rows:
        header.add_row(label, Text(value))
    return header


def _order_lines(document: PurchaseOrder) -> Table:
    table = Table("#", "Item", "Description", "Quantity", "Unit", "Price", "Amount", title="Lines")
    for column in (0, 3, 5, 6):
        table.columns[column].justify = "right"
    for line in document.lines:
        table.add_row(
            str(line.line_number),
            Text(line.buyer_item or line.supplier_item or line.gtin or "-"),
            Text(line.description or ""),
            _number(line.quantity),
            line.unit_of_measure,
            _number(line.unit_price),
            _number(line.amount),
        )
    return table


def _party(party: Party) -> str:
    place = party.address.city if party.address and party.address.city else None
    return f"{party.name} ({place})" if place else party.name


def _number(value: Decimal) -> str:
    return format(value, "f")
