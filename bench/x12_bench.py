"""X12 reading speed and memory: posync beside pyx12, ansi-x12 and a plain split.

Generates one file of purchase orders (850 sets of 20 lines each by default),
then, each in a fresh process so that peak memory is its own:

- posync: decode + validate against the dictionary + map every set to a
  canonical PurchaseOrder (the whole inbound path short of the database);
- pyx12: its X12Reader walking every segment;
- ansi-x12: tokenize_x12 + parse_x12_interchange (structure only);
- split: bytes.split on the segment and element terminators, nothing else.

Prints sets/s, MB/s and peak RSS for each (medians of --runs runs) and the
ratios of posync to each peer.

    .venv/bin/python bench/x12_bench.py [--sets 20000] [--lines 20] [--runs 3]

pyx12 and ansi-x12 come with the `bench` extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ISA = (
    "ISA*00*          *00*          *ZZ*NORTHWIND      *ZZ*ACME           "
    "*261120*0930*U*00401*{control:09d}*0*P*>~\n"
)


def generate(path: Path, sets: int, lines: int) -> None:
    """An interchange of ``sets`` 850s, one group, written with posync's own layout."""
    with path.open("w", encoding="ascii") as out:
        out.write(ISA.format(control=1))
        out.write("GS*PO*NORTHWIND*ACME*20261120*0930*1*X*004010~\n")
        for number in range(1, sets + 1):
            body = [
                f"ST*850*{number:04d}",
                f"BEG*00*SA*PO{number:08d}**20261120",
                "CUR*BY*USD",
                "REF*DP*038",
                "PER*BD*ADA BUYER*TE*5550100",
                "ITD*01*3*2**10**30",
                "DTM*002*20261215",
                "N1*BY*NORTHWIND MANUFACTURING*1*123456789",
                "N1*ST*NORTHWIND PLANT 1*92*PLANT1",
                "N3*1 MILL ROAD",
                "N4*DAYTON*OH*45402*US",
                "N1*SE*ACME INDUSTRIAL SUPPLY*1*987654321",
            ]
            for line in range(1, lines + 1):
                body.append(
                    f"PO1*{line}*{line * 3}*EA*12.3456**BP*ITEM-{line:04d}*VP*SUP-{line:04d}"
                )
                body.append(f"PID*F****PART NUMBER {line}")
                body.append("DTM*002*20261215")
            body.append(f"CTT*{lines}")
            body.append(f"SE*{len(body) + 1}*{number:04d}")
            out.write("~\n".join(body) + "~\n")
        out.write(f"GE*{sets}*1~\nIEA*1*{1:09d}~\n")


def posync_build() -> str:
    """Whether posync's hot X12 modules run compiled (scripts/compile) or as Python."""
    import posync.codecs.x12.syntax

    compiled = not posync.codecs.x12.syntax.__file__.endswith(".py")
    return "compiled with mypyc" if compiled else "pure Python (scripts/compile to compile)"


def run_posync(path: Path) -> int:
    from posync.codecs.x12.codec import X12Codec

    codec = X12Codec()
    count = 0
    with path.open("rb") as source:
        for decoded in codec.decode(iter(lambda: source.read(1 << 20), b"")):
            if decoded.document is None or not decoded.accepted:
                raise RuntimeError(f"posync did not accept set {decoded.control_number}")
            count += 1
    return count


def run_pyx12(path: Path) -> int:
    import pyx12.x12file

    count = 0
    with path.open(encoding="ascii") as source:
        for segment in pyx12.x12file.X12Reader(source):
            if segment.get_seg_id() == "ST":
                count += 1
    return count


def run_ansi_x12(path: Path) -> int:
    import x12

    interchange = x12.parse_x12_interchange(x12.tokenize_x12(path.read_bytes()))
    return sum(len(group.transactions) for group in interchange.groups)


def run_split(path: Path) -> int:
    count = 0
    with path.open("rb") as source:
        for segment in source.read().split(b"~"):
            elements = segment.strip().split(b"*")
            if elements[0] == b"ST":
                count += 1
    return count


READERS: dict[str, Callable[[Path], int]] = {
    "posync": run_posync,
    "pyx12": run_pyx12,
    "ansi-x12": run_ansi_x12,
    "split": run_split,
}


def measure_here(reader: str, path: Path) -> None:
    """Run one reader in this process and print its figures as JSON."""
    started = time.perf_counter()
    sets = READERS[reader](path)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"sets": sets, "seconds": elapsed, "peak_mib": peak_kib / 1024}))


def measure(reader: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", reader, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{reader} failed:\n{done.stderr[-2000:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sets", type=int, default=20000)
    parser.add_argument("--lines", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--readers", default=",".join(READERS))
    parser.add_argument("--measure", nargs=2, metavar=("READER", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure_here(args.measure[0], Path(args.measure[1]))
        return
    readers = args.readers.split(",")
    with tempfile.TemporaryDirectory(prefix="posync-x12-bench-") as directory:
        path = Path(directory) / "orders.x12"
        generate(path, args.sets, args.lines)
        megabytes = os.path.getsize(path) / 1e6
        print(
            f"{args.sets} 850 sets of {args.lines} lines: {megabytes:.1f} MB; "
            f"median of {args.runs} runs, each reader in its own process; "
            f"posync {posync_build()}"
        )
        results: dict[str, list[dict[str, float]]] = {reader: [] for reader in readers}
        for run in range(args.runs):
            for reader in readers:
                figures = measure(reader, path)
                if int(figures["sets"]) != args.sets:
                    raise RuntimeError(f"{reader} read {figures['sets']} sets, not {args.sets}")
                results[reader].append(figures)
                print(
                    f"  run {run + 1}: {reader:<9} {args.sets / figures['seconds']:>9,.0f} sets/s",
                    flush=True,
                )
    print()
    print(f"{'reader':<10} {'sets/s':>10} {'MB/s':>8} {'peak MiB':>9} {'posync is':>11}")
    rates = {r: statistics.median(args.sets / f["seconds"] for f in results[r]) for r in readers}
    for reader in readers:
        rate = rates[reader]
        peak = statistics.median(f["peak_mib"] for f in results[reader])
        ratio = f"{rates['posync'] / rate:.2f}x" if "posync" in rates and reader != "posync" else ""
        print(
            f"{reader:<10} {rate:>10,.0f} {rate * megabytes / args.sets:>8.1f} {peak:>9.0f} "
            f"{ratio:>11}"
        )


if __name__ == "__main__":
    main()
