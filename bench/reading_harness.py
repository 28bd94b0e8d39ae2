"""What the reading benchmarks share: each reader in its own process, medians, a table.

A benchmark script generates its file, then calls ``compare``; ``compare``
runs the same script again per reader and run with ``--measure READER FILE``,
which the script hands to ``measure_here``. Each reader thus has a fresh
process, so its peak memory is its own.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

Reader = Callable[[Path], int]


def measure_here(readers: Mapping[str, Reader], reader: str, path: Path) -> None:
    """Run one reader in this process and print its count, seconds and peak memory as JSON."""
    started = time.perf_counter()
    count = readers[reader](path)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"count": count, "seconds": elapsed, "peak_mib": peak_kib / 1024}))


def _measure(script: str, reader: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, script, "--measure", reader, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{reader} failed:\n{done.stderr[-2000:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def compare(
    script: str,
    readers: Sequence[str],
    path: Path,
    *,
    expected: int,
    unit: str,
    runs: int,
) -> None:
    """Measure every reader ``runs`` times on ``path`` and print the medians side by side."""
    megabytes = path.stat().st_size / 1e6
    results: dict[str, list[dict[str, float]]] = {reader: [] for reader in readers}
    for run in range(runs):
        for reader in readers:
            figures = _measure(script, reader, path)
            if int(figures["count"]) != expected:
                raise RuntimeError(f"{reader} read {figures['count']} {unit}, not {expected}")
            results[reader].append(figures)
            rate = expected / figures["seconds"]
            print(f"  run {run + 1}: {reader:<9} {rate:>9,.0f} {unit}/s", flush=True)
    rates = {r: statistics.median(expected / f["seconds"] for f in results[r]) for r in readers}
    heading = f"{unit}/s"
    print()
    print(f"{'reader':<10} {heading:>12} {'MB/s':>8} {'peak MiB':>9} {'posync is':>11}")
    for reader in readers:
        rate = rates[reader]
        peak = statistics.median(f["peak_mib"] for f in results[reader])
        ratio = f"{rates['posync'] / rate:.2f}x" if "posync" in rates and reader != "posync" else ""
        print(
            f"{reader:<10} {rate:>12,.0f} {rate * megabytes / expected:>8.1f} {peak:>9.0f} "
            f"{ratio:>11}"
        )


def build_of(module_file: str) -> str:
    """Whether a posync module runs compiled (scripts/compile) or as Python."""
    compiled = not module_file.endswith(".py")
    return "compiled with mypyc" if compiled else "pure Python (scripts/compile to compile)"
