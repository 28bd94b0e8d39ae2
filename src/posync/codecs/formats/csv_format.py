"""CSV as a ``DocumentFormat``: the tabular codec behind the standard-neutral protocol.

Each document of the file is one ``Decoded``, labelled by its rows
(``rows 2-4``); a document that cannot be read carries its problems, each
naming row and column. Validation adds the canonical documents' own rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

from posync.codecs.errors import EncodeError
from posync.codecs.formats.json_format import with_rule_findings
from posync.codecs.formats.model import (
    Checked,
    ControlNumberSource,
    Decoded,
    EncodeTarget,
    ReadOptions,
    Standard,
)
from posync.codecs.tabular.codec import CsvCodec
from posync.codecs.tabular.rows import DELIMITERS
from posync.domain.errors import Problem


class CsvFormat:
    standard = Standard.CSV
    media_type = "text/csv"
    numbered = False

    def decode(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Decoded]:
        codec = CsvCodec(decimal_comma=options.decimal_comma, delimiter=options.delimiter)
        for read in codec.read(chunks):
            yield Decoded(
                standard=self.standard,
                label=read.rows,
                document=read.document,
                accepted=read.document is not None,
                problems=read.problems,
                reference={"rows": read.rows.removeprefix("rows ").removeprefix("row ")},
            )

    def validate(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Checked]:
        for decoded in self.decode(chunks, options):
            yield with_rule_findings(decoded)

    def target_problems(self, target: EncodeTarget) -> list[Problem]:
        problems = target.unused(("decimal_comma", "delimiter"), self.standard)
        if target.delimiter is not None and target.delimiter not in DELIMITERS:
            problems.append(
                Problem(
                    "delimiter", f"must be a comma, a semicolon or a tab; got {target.delimiter!r}"
                )
            )
        return problems

    def encode(
        self,
        documents: Sequence[object],
        target: EncodeTarget,
        *,
        numbers: ControlNumberSource | None,
        at: datetime,
    ) -> bytes:
        problems = self.target_problems(target)
        if problems:
            raise EncodeError("CSV", problems)
        codec = CsvCodec(decimal_comma=target.decimal_comma, delimiter=target.delimiter)
        return codec.write(documents)
