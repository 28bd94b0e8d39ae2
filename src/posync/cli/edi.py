"""EDI on the command line: read a file into canonical documents, check it, write X12."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer
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
from posync.codecs.canonical_json import JsonCodec, dumps
from posync.codecs.x12.codec import DecodedSet, GroupAnswered, InterchangeAnswered, X12Codec
from posync.codecs.x12.findings import Finding, Severity
from posync.codecs.x12.syntax import X12SyntaxError
from posync.codecs.x12.writer import PartnerEnvelope
from posync.domain.documents import (
    Invoice,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ShipNotice,
)
from posync.domain.errors import InvalidDocument
from posync.services.commands import WriteX12Interchange

CHUNK = 1 << 20


class Standard(StrEnum):
    X12 = "x12"


class DocumentKind(StrEnum):
    PURCHASE_ORDER = "purchase-order"
    CHANGE = "change"
    ACKNOWLEDGEMENT = "acknowledgement"
    SHIP_NOTICE = "ship-notice"
    INVOICE = "invoice"


DOCUMENT_TYPES: dict[DocumentKind, type[Any]] = {
    DocumentKind.PURCHASE_ORDER: PurchaseOrder,
    DocumentKind.CHANGE: PurchaseOrderChange,
    DocumentKind.ACKNOWLEDGEMENT: PurchaseOrderAcknowledgement,
    DocumentKind.SHIP_NOTICE: ShipNotice,
    DocumentKind.INVOICE: Invoice,
}

InputFile = Annotated[Path, typer.Argument(help="The EDI file to read.", show_default=False)]


def decode(
    file: InputFile,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the documents as canonical JSON.")
    ] = False,
) -> None:
    """Read an X12 file into canonical documents; exits 1 if any set is rejected."""
    rejected = False
    results: list[dict[str, object]] = []
    for decoded in _sets(file):
        rejected = rejected or not decoded.accepted
        if as_json:
            results.append(_as_json(decoded))
        else:
            _print_set(decoded)
    if as_json:
        typer.echo(json.dumps(results, indent=2, ensure_ascii=False))
    if rejected:
        raise typer.Exit(EXIT_FAILED)


def validate(file: InputFile) -> None:
    """Check an X12 file against the dictionary; prints each finding and the 997 it earns."""
    rejected = False
    console = stdout_console()
    for event in X12Codec().read(_chunks(file)):
        if isinstance(event, DecodedSet):
            rejected = rejected or not event.accepted
            _print_set(event, findings_only=True)
        elif isinstance(event, GroupAnswered):
            segments = "~".join("*".join(segment) for segment in event.acknowledgement)
            console.print(Text(f"997 for group {event.closed.group.control_number}: {segments}~"))
        elif isinstance(event, InterchangeAnswered) and event.acknowledgement:
            rejected = rejected or event.closed.rejected
            for finding in event.closed.findings:
                console.print(_finding_text(finding))
            console.print(Text("TA1: " + "*".join(event.acknowledgement) + "~"))
    if rejected:
        raise typer.Exit(EXIT_FAILED)


def encode(
    file: Annotated[
        Path,
        typer.Argument(help="Canonical JSON: one document or a list of them.", show_default=False),
    ],
    sender: Annotated[
        str, typer.Option(help="Our interchange id as QUALIFIER:ID, e.g. ZZ:NORTHWIND.")
    ],
    receiver: Annotated[str, typer.Option(help="The partner's id as QUALIFIER:ID, e.g. ZZ:ACME.")],
    kind: Annotated[DocumentKind, typer.Option(help="What the file holds.")] = (
        DocumentKind.PURCHASE_ORDER
    ),
    standard: Annotated[Standard, typer.Option(help="The standard to write.")] = Standard.X12,
    version: Annotated[str, typer.Option(help="004010 or 005010.")] = "004010",
    output: Annotated[
        Path | None, typer.Option(help="Write here instead of to standard output.")
    ] = None,
) -> None:
    """Write canonical JSON documents as one X12 interchange, with stored control numbers."""
    documents = _canonical_documents(file, DOCUMENT_TYPES[kind])
    sender_qualifier, sender_id = _identity(sender, "--sender")
    receiver_qualifier, receiver_id = _identity(receiver, "--receiver")
    envelope = PartnerEnvelope(
        sender_qualifier=sender_qualifier,
        sender_id=sender_id,
        receiver_qualifier=receiver_qualifier,
        receiver_id=receiver_id,
        application_sender=sender_id,
        application_receiver=receiver_id,
        version=version,
    )
    with open_application(load_settings()) as application:
        data = application.bus.handle(
            WriteX12Interchange(actor="cli", documents=documents, envelope=envelope)
        )
    if output is None:
        typer.echo(data.decode("utf-8"), nl=False)
    else:
        output.write_bytes(data)
        stderr_console().print(f"wrote {len(data)} bytes to {output}")


def _chunks(file: Path) -> Iterator[bytes]:
    try:
        source: IO[bytes] = file.open("rb")
    except OSError as error:
        stop(f"cannot read {file}: {error.strerror or error}", EXIT_CANNOT_START)
    with source:
        while chunk := source.read(CHUNK):
            yield chunk


def _sets(file: Path) -> Iterator[DecodedSet]:
    try:
        yield from X12Codec().decode(_chunks(file))
    except X12SyntaxError as error:
        stop(f"{file} is not X12: {error}", EXIT_FAILED)


def _print_set(decoded: DecodedSet, *, findings_only: bool = False) -> None:
    console = stdout_console()
    verdict = "accepted" if decoded.accepted else "rejected"
    style = "green" if decoded.accepted else "bold red"
    title = Text.assemble((f"{decoded.code} {decoded.control_number}: ", "bold"), (verdict, style))
    document = decoded.document
    if document is not None and not findings_only:
        title.append(f" - {_describe(document)}")
    console.print(title)
    for finding in decoded.findings:
        console.print(_finding_text(finding))
    for problem in decoded.problems:
        console.print(Text(f"  error: {problem}", style="red"))


def _finding_text(finding: Finding) -> Text:
    style = "red" if finding.severity is Severity.ERROR else "yellow"
    return Text(f"  {finding} [code {finding.code.value}]", style=style)


def _describe(document: object) -> str:
    number = getattr(document, "number", None) or getattr(document, "purchase_order_number", None)
    for attribute in ("invoice_number", "shipment_id", "control_number"):
        number = number or getattr(document, attribute, None)
    return f"{type(document).__name__} {number}" if number else type(document).__name__


def _as_json(decoded: DecodedSet) -> dict[str, object]:
    document = decoded.document
    return {
        "set": decoded.code,
        "control_number": decoded.control_number,
        "accepted": decoded.accepted,
        "document_type": type(document).__name__ if document is not None else None,
        "document": json.loads(dumps(document)) if document is not None else None,
        "findings": [
            {
                "severity": finding.severity.value,
                "code": finding.code.value,
                "segment": finding.segment,
                "segment_position": finding.segment_position,
                "element_position": finding.element_position,
                "message": finding.message,
            }
            for finding in decoded.findings
        ],
        "problems": [{"field": p.field, "message": p.message} for p in decoded.problems],
    }


def _canonical_documents(file: Path, document_type: type[Any]) -> list[object]:
    try:
        parsed = json.loads(file.read_bytes())
    except OSError as error:
        stop(f"cannot read {file}: {error.strerror or error}", EXIT_CANNOT_START)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        stop(f"{file} is not valid JSON: {error}", EXIT_CANNOT_START)
    entries = parsed if isinstance(parsed, list) else [parsed]
    codec: JsonCodec[Any] = JsonCodec(document_type)
    documents: list[object] = []
    for index, entry in enumerate(entries):
        try:
            documents.append(codec.decode(entry))
        except InvalidDocument as error:
            stop(f"{file} #{index}: {error}", EXIT_CANNOT_START)
    return documents


def _identity(value: str, option: str) -> tuple[str, str]:
    qualifier, _, identifier = value.partition(":")
    if not identifier or len(qualifier) != 2:
        stop(
            f"{option} must be QUALIFIER:ID with a two-character qualifier, got {value!r}",
            EXIT_CANNOT_START,
        )
    return qualifier, identifier
