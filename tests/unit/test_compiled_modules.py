"""The compiled-module guard: a stale C extension is found, a fresh one is not."""

from __future__ import annotations

import os
from pathlib import Path

from support.compiled import stale_extensions


def test_an_extension_older_than_its_source_is_stale(tmp_path: Path) -> None:
    package = tmp_path / "posync" / "codecs"
    package.mkdir(parents=True)
    source = package / "syntax.py"
    extension = package / "syntax.cpython-311-x86_64-linux-gnu.so"
    extension.write_bytes(b"\x7fELF")
    source.write_text("x = 1\n", encoding="utf-8")
    os.utime(extension, (1_000_000, 1_000_000))
    os.utime(source, (2_000_000, 2_000_000))
    assert stale_extensions(tmp_path) == [os.path.join("posync", "codecs", "syntax.py")]
    os.utime(extension, (3_000_000, 3_000_000))
    assert stale_extensions(tmp_path) == []
