"""EDIFACT reading speed and memory: posync beside pydifact and a plain split.

Generates one interchange of ORDERS messages (20,000 messages of 20 lines
each by default, D.96A, written in posync's own layout), then, each in a
fresh process so that peak memory is its own:

- posync: read + envelope checks + validate against the D.96A dictionary +
  map every message to a canonical PurchaseOrder (the whole inbound path
  short of the database);
- pydifact: ``Interchange.from_str`` and every message of ``get_messages``
  (tokenizing and segment objects only, no validation, no mapping);
- split: ``bytes.split`` on the segment and element separators, nothing else.

edison-parser, named in issue 4 as a peer, is not installable here (it is not
on this machine's package index), so it is reported as unavailable rather
than measured.

Prints messages/s, MB/s and peak RSS for each (medians of --runs runs) and
the ratios of posync to each peer.

    .venv/bin/python bench/edifact_bench.py [--messages 20000] [--lines 20] [--runs 3]

pydifact comes with the `bench` extra: pip install -e '.[bench]'. At about
160 messages/s it needs two minutes a run on the default file; --readers
posync,split skips it.
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
from collections.abc import Callable
from pathlib import Path

from reading_harness import build_of, compare, measure_here

UNA = "UNA:+.? '"
UNB = "UNB+UNOC:3+NORTHWIND:ZZ+ACME:ZZ+261120:0930+{reference}'\n"


def generate(path: Path, messages: int, lines: int) -> None:
    """An interchange of ``messages`` ORDERS, each of ``lines`` lines."""
    with path.open("w", encoding="iso-8859-1") as out:
        out.write(UNA + "\n" + UNB.format(reference=1))
        for number in range(1, messages + 1):
            body = [
                f"UNH+{number}+ORDERS:D:96A:UN",
                f"BGM+220+PO{number:08d}+9",
                "DTM+137:20261120:102",
                "DTM+2:20261215:102",
                "FTX+AAI+++DELIVER TO DOCK 4",
                "NAD+BY+4012345000009::9++NORTHWIND MANUFACTURING+1 MILL ROAD+DAYTON+OH+45402+US",
                "CTA+IC+:ADA BUYER",
                "COM+5550100:TE",
                "NAD+SU+987654321::16++ACME INDUSTRIAL SUPPLY",
                "NAD+DP+PLANT1::92++NORTHWIND PLANT 1+2 MILL ROAD+DAYTON+OH+45402+US",
                "CUX+2:EUR:9",
                "PAT+1++5:3:D:30",
            ]
            for line in range(1, lines + 1):
                body += [
                    f"LIN+{line}++SUP-{line:04d}:SA",
                    f"PIA+1+ITEM-{line:04d}:IN",
                    f"IMD+F++:::PART NUMBER {line}",
                    f"QTY+21:{line * 3}:PCE",
                    "DTM+2:20261215:102",
                    "PRI+AAA:12.3456",
                ]
            body += ["UNS+S", f"CNT+2:{lines}"]
            body.append(f"UNT+{len(body) + 1}+{number}")
            out.write("'\n".join(body) + "'\n")
        out.write(f"UNZ+{messages}+1'\n")


def run_posync(path: Path) -> int:
    from posync.codecs.edifact.codec import EdifactCodec

    codec = EdifactCodec()
    count = 0
    with path.open("rb") as source:
        for decoded in codec.decode(iter(lambda: source.read(1 << 20), b"")):
            if decoded.document is None or not decoded.accepted:
                raise RuntimeError(
                    f"posync did not accept message {decoded.reference}: "
                    f"{[str(f) for f in decoded.findings]} {decoded.problems}"
                )
            count += 1
    return count


def run_pydifact(path: Path) -> int:
    from pydifact.segmentcollection import Interchange

    interchange = Interchange.from_str(path.read_text(encoding="iso-8859-1"))
    return sum(1 for _ in interchange.get_messages())


def run_split(path: Path) -> int:
    count = 0
    with path.open("rb") as source:
        for segment in source.read().split(b"'"):
            elements = segment.strip().split(b"+")
            if elements[0] == b"UNH":
                count += 1
    return count


READERS: dict[str, Callable[[Path], int]] = {
    "posync": run_posync,
    "pydifact": run_pydifact,
    "split": run_split,
}
UNAVAILABLE = {"edison-parser": "edison_parser"}
"""Peers named in issue 4 that are not installable here, by their import name."""


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--lines", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--readers", default=",".join(READERS))
    parser.add_argument("--measure", nargs=2, metavar=("READER", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure_here(READERS, args.measure[0], Path(args.measure[1]))
        return
    for name, module in UNAVAILABLE.items():
        if importlib.util.find_spec(module) is None:
            print(f"{name}: unavailable (not installed; not on this machine's package index)")
    import posync.codecs.edifact.syntax

    with tempfile.TemporaryDirectory(prefix="posync-edifact-bench-") as directory:
        path = Path(directory) / "orders.edi"
        generate(path, args.messages, args.lines)
        print(
            f"{args.messages} ORDERS of {args.lines} lines: {path.stat().st_size / 1e6:.1f} MB; "
            f"median of {args.runs} runs, each reader in its own process; "
            f"posync {build_of(posync.codecs.edifact.syntax.__file__)}"
        )
        compare(
            __file__,
            args.readers.split(","),
            path,
            expected=args.messages,
            unit="messages",
            runs=args.runs,
        )


if __name__ == "__main__":
    main()
