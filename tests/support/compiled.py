"""Compiled modules (scripts/compile) that are older than their Python source."""

from __future__ import annotations

from pathlib import Path


def stale_extensions(root: Path) -> list[str]:
    """The compiled modules under ``root`` whose Python source is newer than they are."""
    stale = []
    for extension in root.rglob("*.cpython-*.so"):
        source = extension.with_name(extension.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > extension.stat().st_mtime:
            stale.append(str(source.relative_to(root)))
    return sorted(stale)
