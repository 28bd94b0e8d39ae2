"""The outbox on the command line: list messages by state, retry those that failed."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from posync.cli.terminal import (
    EXIT_FAILED,
    load_settings,
    open_application,
    stderr_console,
    stdout_console,
)
from posync.services.ports import OutboxState


def list_messages(
    state: Annotated[
        OutboxState | None,
        typer.Option(help="Only messages in this state.", show_default=False),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000, help="At most this many.")] = 100,
) -> None:
    """List outbox messages, oldest first: partner, key, state, attempts, next try, last error."""
    with open_application(load_settings()) as application:
        messages = application.outbox.list(state=state, limit=limit)
    if not messages:
        shown = f" {state.value}" if state is not None else ""
        stdout_console().print(f"no{shown} messages in the outbox")
        return
    table = Table("Id", "Partner", "Key", "State", "Attempts", "Next attempt", "Last error")
    for queued in messages:
        next_attempt = (
            queued.next_attempt_at.isoformat(timespec="seconds")
            if queued.state is OutboxState.PENDING
            else ""
        )
        table.add_row(
            str(queued.id),
            Text(queued.message.destination),
            Text(queued.message.key),
            queued.state.value,
            str(queued.attempts),
            next_attempt,
            Text(queued.last_error or ""),
        )
    table.caption = f"{len(messages)} messages"
    stdout_console().print(table)


def retry_messages(
    message_ids: Annotated[
        list[int], typer.Argument(help="Ids of outbox messages, as listed.", show_default=False)
    ],
) -> None:
    """Send failed messages again, now, with their attempts counted afresh."""
    with open_application(load_settings()) as application:
        report = application.outbox.retry(message_ids)
    for queued in report.retried:
        stdout_console().print(
            Text(f"message {queued.id} to {queued.message.destination} is due again")
        )
    errors = stderr_console()
    for message_id, reason in report.refused:
        errors.print(Text(f"message {message_id} was not retried: {reason}", style="red"))
    if report.refused:
        raise typer.Exit(EXIT_FAILED)
