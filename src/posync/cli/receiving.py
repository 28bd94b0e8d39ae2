"""``posync edi receive``: take in a partner's X12 or EDIFACT file, apply its acknowledgements."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from posync.cli.terminal import (
    EXIT_CANNOT_START,
    EXIT_FAILED,
    load_settings,
    open_application,
    stdout_console,
    stop,
)
from posync.services.commands import AcknowledgementApplied, ReceiveInterchange


def receive(
    file: Annotated[
        Path, typer.Argument(help="The X12 or EDIFACT file a partner sent.", show_default=False)
    ],
) -> None:
    """Archive a partner's X12 or EDIFACT file, then mark the exchanges its 997s, TA1s and
    CONTRLs answer.

    Exits 1 when an acknowledgement could not be placed or something in the
    file was rejected.
    """
    try:
        data = file.read_bytes()
    except OSError as error:
        stop(f"cannot read {file}: {error.strerror or error}", EXIT_CANNOT_START)
    with open_application(load_settings()) as application:
        received = application.bus.handle(
            ReceiveInterchange(actor="cli", data=data, source=f"file {file.name}")
        )
    console = stdout_console()
    console.print(f"kept {file} as {received.archive_sha256[:12]}")
    if received.unreadable is not None:
        stop(f"{file} is {received.unreadable}", EXIT_FAILED)
    for applied in received.acknowledgements:
        console.print(_applied_text(applied))
    if received.documents:
        console.print(f"{received.documents} business document(s) read")
    unplaced = any(a.problem for a in received.acknowledgements)
    if unplaced or received.rejected:
        raise typer.Exit(EXIT_FAILED)


def _applied_text(applied: AcknowledgementApplied) -> Text:
    what = f"{applied.level} {applied.control_number}".strip()
    if applied.problem is not None:
        return Text(f"  {what} from {applied.partner}: {applied.problem}", style="red")
    return Text(
        f"  {what} from {applied.partner} {applied.status}: "
        f"exchange {applied.exchange} is {applied.exchange_state}",
        style="green" if applied.exchange_state == "accepted" else "yellow",
    )
