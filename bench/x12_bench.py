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
import tempfile
from collections.abc import Callable
from pathlib import Path

from reading_harness import build_of, compare, measure_here

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


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sets", type=int, default=20000)
    parser.add_argument("--lines", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--readers", default=",".join(READERS))
    parser.add_argument("--measure", nargs=2, metavar=("READER", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure_here(READERS, args.measure[0], Path(args.measure[1]))
        return
    import posync.codecs.x12.syntax

    with tempfile.TemporaryDirectory(prefix="posync-x12-bench-") as directory:
        path = Path(directory) / "orders.x12"
        generate(path, args.sets, args.lines)
        print(
            f"{args.sets} 850 sets of {args.lines} lines: {path.stat().st_size / 1e6:.1f} MB; "
            f"median of {args.runs} runs, each reader in its own process; "
            f"posync {build_of(posync.codecs.x12.syntax.__file__)}"
        )
        compare(
            __file__,
            args.readers.split(","),
            path,
            expected=args.sets,
            unit="sets",
            runs=args.runs,
        )


if __name__ == "__main__":
    main()
