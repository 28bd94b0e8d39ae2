"""EDI on the command line: read any standard into canonical documents, check it, write it.

Every command works through the format registry (``posync.codecs.formats``):
``--standard`` names the standard, or it is sniffed from the file's first
bytes. X12 and EDIFACT are written through the application, which draws their
control numbers (references) from the store and records each interchange as
an exchange; formats without control numbers are written directly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, NoReturn

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
from posync.codecs.canonical_json import dumps
from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.formats.model import (
    Answer,
    Decoded,
    DocumentFormat,
    DocumentKind,
    EncodeTarget,
    Finding,
    PartyIdentity,
    ReadOptions,
    Severity,
    Standard,
)
from posync.codecs.formats.registry import FormatNotAvailable, standard_formats
from posync.codecs.sniff import sniff_chunks
from posync.domain.errors import InvalidDocument, Problem
from posync.services.commands import WriteInterchange, WriteInterchangeForPartner

CHUNK = 1 << 20


class Delimiter(StrEnum):
    COMMA = "comma"
    SEMICOLON = "semicolon"
    TAB = "tab"

    @property
    def character(self) -> str:
        return {"comma": ",", "semicolon": ";", "tab": "\t"}[self.value]


OPTION_NAMES = {
    "sender": "--sender",
    "receiver": "--receiver",
    "version": "--version",
    "syntax": "--syntax",
    "decimal_comma": "--decimal-comma",
    "delimiter": "--delimiter",
}

InputFile = Annotated[Path, typer.Argument(help="The file to read.", show_default=False)]
StandardOption = Annotated[
    Standard | None,
    typer.Option(
        "--standard", help="The file's standard; sniffed from its first bytes if left out."
    ),
]
KindOption = Annotated[
    DocumentKind | None,
    typer.Option(
        "--kind", help="What a canonical JSON file holds; told from its fields if left out."
    ),
]
DecimalCommaOption = Annotated[
    bool, typer.Option("--decimal-comma", help="CSV numbers are written 12,50.")
]
DelimiterOption = Annotated[
    Delimiter | None,
    typer.Option("--delimiter", help="The CSV delimiter; sniffed from the header row if left out."),
]


def decode(
    file: InputFile,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the documents as canonical JSON.")
    ] = False,
    standard: StandardOption = None,
    kind: KindOption = None,
    decimal_comma: DecimalCommaOption = False,
    delimiter: DelimiterOption = None,
) -> None:
    """Read a file into canonical documents; exits 1 if any document is rejected."""
    adapter, chunks = _open(file, standard, EXIT_FAILED)
    options = _read_options(kind, decimal_comma, delimiter)
    rejected = False
    results: list[dict[str, object]] = []
    try:
        for decoded in adapter.decode(chunks, options):
            rejected = rejected or not decoded.accepted
            if as_json:
                results.append(_as_json(decoded))
            else:
                _print_decoded(decoded)
    except DecodeError as error:
        _refuse(file, error, EXIT_FAILED)
    if as_json:
        typer.echo(json.dumps(results, indent=2, ensure_ascii=False))
    if rejected:
        raise typer.Exit(EXIT_FAILED)


def validate(
    file: InputFile,
    standard: StandardOption = None,
    kind: KindOption = None,
    decimal_comma: DecimalCommaOption = False,
    delimiter: DelimiterOption = None,
) -> None:
    """Check a file against its standard; prints each finding and the answer it earns."""
    adapter, chunks = _open(file, standard, EXIT_FAILED)
    options = _read_options(kind, decimal_comma, delimiter)
    rejected = False
    console = stdout_console()
    try:
        for checked in adapter.validate(chunks, options):
            if isinstance(checked, Answer):
                rejected = rejected or checked.rejected
                for finding in checked.findings:
                    console.print(_finding_text(finding))
                console.print(Text(f"{checked.label}: {checked.text}"))
            else:
                rejected = rejected or not checked.accepted
                _print_decoded(checked, findings_only=True)
    except DecodeError as error:
        _refuse(file, error, EXIT_FAILED)
    if rejected:
        raise typer.Exit(EXIT_FAILED)


def encode(
    file: Annotated[
        Path,
        typer.Argument(
            help="The documents: canonical JSON, CSV, or any standard posync reads.",
            show_default=False,
        ),
    ],
    standard: Annotated[Standard, typer.Option(help="The standard to write.")] = Standard.X12,
    sender: Annotated[
        str | None,
        typer.Option(
            help="Our id: QUALIFIER:ID for X12 (ZZ:NORTHWIND) and EDIFACT (14:4012345000009), "
            "DOMAIN:ID for cXML."
        ),
    ] = None,
    receiver: Annotated[
        str | None,
        typer.Option(
            help="The partner's id: QUALIFIER:ID for X12 (ZZ:ACME) and EDIFACT (ZZZ:EURODIS), "
            "DOMAIN:ID for cXML."
        ),
    ] = None,
    kind: KindOption = None,
    version: Annotated[
        str | None,
        typer.Option(
            help="The standard's version; X12: 004010 (default) or 005010; EDIFACT: D96A; "
            "cXML: 1.2.0xx."
        ),
    ] = None,
    syntax: Annotated[
        str | None,
        typer.Option(help="The EDIFACT syntax identifier: UNOA, UNOB, UNOC (default), UNOD, UNOY."),
    ] = None,
    decimal_comma: DecimalCommaOption = False,
    delimiter: DelimiterOption = None,
    partner: Annotated[
        str | None,
        typer.Option(
            help="A registered trading partner (posync partner list): its standard, ids, "
            "version and guide make the interchange; replaces --standard, --sender, "
            "--receiver, --version and --syntax."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option(help="Write here instead of to standard output.")
    ] = None,
) -> None:
    """Write documents in a standard: X12 and EDIFACT with stored control numbers, cXML, CSV,
    canonical JSON."""
    documents = _input_documents(file, _read_options(kind, False, None))
    if partner is not None:
        given = {
            "--sender": sender,
            "--receiver": receiver,
            "--version": version,
            "--syntax": syntax,
        }
        clashing = [name for name, value in given.items() if value is not None]
        if clashing:
            stop(
                f"{', '.join(clashing)} cannot be given with --partner: the partner's "
                "registration says them",
                EXIT_CANNOT_START,
            )
        _emit(file, output, _write_for_partner(file, partner, documents))
        return
    target = EncodeTarget(
        sender=PartyIdentity.parse(sender) if sender is not None else None,
        receiver=PartyIdentity.parse(receiver) if receiver is not None else None,
        version=version,
        syntax=syntax,
        decimal_comma=decimal_comma,
        delimiter=delimiter.character if delimiter is not None else None,
    )
    adapter = _format(standard)
    problems = adapter.target_problems(target)
    if problems:
        stop("; ".join(_option_problem(p) for p in problems), EXIT_CANNOT_START)
    try:
        if adapter.numbered:
            data = _write_numbered(standard, documents, target)
        else:
            data = adapter.encode(documents, target, numbers=None, at=datetime.now(UTC))
    except EncodeError as error:
        _refuse(file, error, EXIT_FAILED)
    _emit(file, output, data)


def _emit(file: Path, output: Path | None, data: bytes) -> None:
    if output is None:
        typer.echo(data, nl=False)  # bytes as written: EDIFACT UNOC is Latin-1, not UTF-8
    else:
        output.write_bytes(data)
        stderr_console().print(f"wrote {len(data)} bytes to {output}")


def _write_for_partner(file: Path, partner: str, documents: list[object]) -> bytes:
    """The interchange for a registered partner, numbered and recorded by the application."""
    with open_application(load_settings()) as application:
        try:
            data: bytes = application.bus.handle(
                WriteInterchangeForPartner(actor="cli", partner_id=partner, documents=documents)
            )
        except EncodeError as error:
            _refuse(file, error, EXIT_FAILED)
    return data


def _write_numbered(standard: Standard, documents: list[object], target: EncodeTarget) -> bytes:
    """The interchange, numbered from the store and recorded as an exchange by the application."""
    with open_application(load_settings()) as application:
        data: bytes = application.bus.handle(
            WriteInterchange(actor="cli", standard=standard, documents=documents, target=target)
        )
    return data


def _format(standard: Standard) -> DocumentFormat:
    try:
        return standard_formats().format_for(standard)
    except FormatNotAvailable as error:
        stop(str(error), EXIT_CANNOT_START)


def _open(
    file: Path, standard: Standard | None, unknown_exit: int
) -> tuple[DocumentFormat, Iterator[bytes]]:
    chunks = _chunks(file)
    if standard is None:
        try:
            standard, chunks = sniff_chunks(chunks)
        except DecodeError as error:
            _refuse(file, error, unknown_exit)
    return _format(standard), chunks


def _read_options(
    kind: DocumentKind | None, decimal_comma: bool, delimiter: Delimiter | None
) -> ReadOptions:
    return ReadOptions(
        kind=kind,
        decimal_comma=decimal_comma,
        delimiter=delimiter.character if delimiter is not None else None,
    )


def _input_documents(file: Path, options: ReadOptions) -> list[object]:
    adapter, chunks = _open(file, None, EXIT_CANNOT_START)
    documents: list[object] = []
    try:
        for decoded in adapter.decode(chunks, options):
            if decoded.document is None or not decoded.accepted:
                reasons = [str(p) for p in decoded.problems]
                reasons += [str(f) for f in decoded.findings if f.severity is Severity.ERROR]
                stop(f"{file} {decoded.label}: {'; '.join(reasons)}", EXIT_CANNOT_START)
            documents.append(decoded.document)
    except DecodeError as error:
        _refuse(file, error, EXIT_CANNOT_START)
    return documents


def _chunks(file: Path) -> Iterator[bytes]:
    try:
        source: IO[bytes] = file.open("rb")
    except OSError as error:
        stop(f"cannot read {file}: {error.strerror or error}", EXIT_CANNOT_START)

    def read() -> Iterator[bytes]:
        with source:
            while chunk := source.read(CHUNK):
                yield chunk

    return read()


def _refuse(file: Path, error: InvalidDocument, exit_code: int) -> NoReturn:
    said = "; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in error.problems)
    stop(f"{file} {said}", exit_code)


def _option_problem(problem: Problem) -> str:
    return f"{OPTION_NAMES.get(problem.field, problem.field)} {problem.message}"


def _print_decoded(decoded: Decoded, *, findings_only: bool = False) -> None:
    console = stdout_console()
    verdict = "accepted" if decoded.accepted else "rejected"
    style = "green" if decoded.accepted else "bold red"
    title = Text.assemble((f"{decoded.label}: ", "bold"), (verdict, style))
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
    return Text(f"  {finding} [code {finding.code}]", style=style)


def _describe(document: object) -> str:
    number = getattr(document, "number", None) or getattr(document, "purchase_order_number", None)
    for attribute in ("invoice_number", "shipment_id", "control_number"):
        number = number or getattr(document, attribute, None)
    return f"{type(document).__name__} {number}" if number else type(document).__name__


def _as_json(decoded: Decoded) -> dict[str, object]:
    document = decoded.document
    return {
        "standard": decoded.standard.value,
        "label": decoded.label,
        **decoded.reference,
        "accepted": decoded.accepted,
        "document_type": type(document).__name__ if document is not None else None,
        "document": json.loads(dumps(document)) if document is not None else None,
        "findings": [
            {
                "severity": finding.severity.value,
                "code": finding.code,
                **finding.location,
                "message": finding.message,
            }
            for finding in decoded.findings
        ],
        "problems": [{"field": p.field, "message": p.message} for p in decoded.problems],
    }
