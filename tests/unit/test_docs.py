"""The documentation keeps up with the code: every command, option, setting and route."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from posync.bootstrap import bootstrap_in_memory
from posync.cli import command_line
from posync.config import Settings
from posync.web.app import create_app

DOCS = Path(__file__).parents[2] / "docs"


def _commands(command: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every command under ``command`` with its full path (Typer bundles its own click)."""
    yield path, command
    for name, child in getattr(command, "commands", {}).items():
        yield from _commands(child, f"{path} {name}")


COMMANDS = list(_commands(typer.main.get_command(command_line()), "posync"))


def test_the_command_tree_is_walked() -> None:
    paths = [path for path, _ in COMMANDS]

    assert {"posync serve", "posync db upgrade", "posync po import", "posync audit verify"} <= set(
        paths
    )


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[path for path, _ in COMMANDS])
def test_every_command_and_option_is_in_cli_md(path: str, command: Any) -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")

    assert f"## `{path}" in text
    for parameter in command.params:
        if parameter.param_type_name == "option":
            assert any(f"`{flag}" in text for flag in parameter.opts), parameter.opts


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_every_setting_is_in_configuration_md(name: str) -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")

    assert f"`{name}`" in text
    assert f"`POSYNC_{name.upper()}`" in text


def test_every_route_is_in_api_md() -> None:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    paths = create_app(bootstrap_in_memory()).openapi()["paths"]

    documented = {
        (method.upper(), path)
        for path, operations in paths.items()
        for method in operations
        if f"## `{method.upper()} {path}`" in text
    }

    every = {(method.upper(), path) for path, operations in paths.items() for method in operations}
    assert every - documented == set()
