"""What every command shares: settings, opening posync, the terminal, exit codes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.text import Text

from posync.bootstrap import Application, bootstrap
from posync.config import Settings
from posync.domain.errors import PosyncError

EXIT_FAILED = 1
EXIT_CANNOT_START = 2


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(
            f"POSYNC_{'_'.join(str(part) for part in item['loc']).upper()}: {item['msg']}"
            for item in error.errors()
        )
        stop(f"the settings are not valid: {problems}", EXIT_CANNOT_START)


@contextmanager
def open_application(settings: Settings) -> Iterator[Application]:
    """The application on the configured store; a PosyncError ends the command cleanly."""
    try:
        application = bootstrap(settings)
    except PosyncError as error:
        stop(str(error), EXIT_CANNOT_START)
    try:
        yield application
    except PosyncError as error:
        stop(str(error), EXIT_FAILED)
    finally:
        application.close()


def stdout_console() -> Console:
    # soft_wrap: long lines (addresses, paths, messages) stay whole when piped or logged.
    return Console(soft_wrap=True)


def stderr_console() -> Console:
    return Console(stderr=True, soft_wrap=True)


def stop(message: str, exit_code: int) -> NoReturn:
    stderr_console().print(Text(message, style="bold red"))
    raise typer.Exit(exit_code)
