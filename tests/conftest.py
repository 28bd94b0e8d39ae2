"""Checks for the whole test run: never test a compiled module older than its source.

scripts/compile builds some codec modules as C extensions beside their
sources (see [tool.posync.compile] in pyproject.toml); Python imports the
extension first. After a source is edited, its extension is stale and would
be tested instead of the code on disk: the run stops and says to compile again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.compiled import stale_extensions

SOURCES = Path(__file__).resolve().parents[1] / "src"


def pytest_sessionstart(session: pytest.Session) -> None:
    stale = stale_extensions(SOURCES)
    if stale:
        raise pytest.UsageError(
            "compiled modules are older than their sources: "
            f"{', '.join(stale)}; run scripts/compile (or scripts/compile --remove)"
        )
