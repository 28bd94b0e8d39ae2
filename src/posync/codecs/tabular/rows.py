"""From bytes to rows: UTF-8 with or without BOM, the delimiter, the header row.

Rows are numbered as a spreadsheet shows them: the header row is row 1, and
a cell spanning several lines (quoted, with line breaks) is still one row.
The delimiter (comma, semicolon or tab) is the one that splits the header row
into the most known column names, unless the caller fixes it. Column names
are matched without regard to case, surrounding spaces, or spaces and hyphens
in place of underscores (``Unit Price`` is ``unit_price``).

Rows are read lazily, one line of bytes at a time, so a file larger than
memory is fine; a wrong byte or broken quoting stops the reading with a
``DecodeError`` naming the row.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from posync.codecs.errors import DecodeError
from posync.codecs.tabular.cells import is_blank, place
from posync.domain.errors import Problem

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
DOCUMENT = "CSV"


@dataclass(frozen=True, slots=True)
class Row:
    """One row under the header: its number and its cells by column name."""

    number: int
    cells: dict[str, str]


@dataclass(frozen=True, slots=True)
class Table:
    delimiter: str
    header_row: int
    columns: tuple[str, ...]
    rows: Iterator[Row]


def column_name(text: str) -> str:
    """A header cell as a column name: ``" Unit Price"`` is ``unit_price``."""
    return "_".join(text.strip().lower().replace("-", " ").split())


def header_names(line: str, delimiter: str) -> list[str]:
    """The column names of a header line split with ``delimiter``."""
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []
    return [column_name(cell) for cell in cells]


def best_delimiter(line: str, known: frozenset[str]) -> tuple[str, int]:
    """The delimiter that splits ``line`` into the most known column names, and how many."""
    scores = [(sum(name in known for name in header_names(line, d)), d) for d in DELIMITERS]
    score, delimiter = max(scores, key=lambda scored: scored[0])
    return delimiter, score


def open_table(
    chunks: Iterable[bytes], *, known: frozenset[str], delimiter: str | None = None
) -> Table:
    """The header of the CSV in ``chunks`` and an iterator over its rows."""
    lines = _Lines(chunks)
    text_lines = iter(lines)
    first = ""
    for line in text_lines:
        if not is_blank(line):
            first = line
            break
        lines.row += 1
    header_row = lines.row
    if not first:
        raise _error(
            header_row, None, "the file is empty: a header row naming the columns is needed"
        )
    if delimiter is None:
        delimiter, score = best_delimiter(first, known)
        if score == 0:
            raise _error(
                header_row,
                None,
                "must be the header row naming posync's CSV columns (po_number, line_number, "
                "quantity ...) separated by commas, semicolons or tabs; "
                f"got {first.strip()[:80]!r}",
            )
    elif delimiter not in DELIMITERS:
        raise _error(
            header_row,
            None,
            f"the delimiter must be a comma, a semicolon or a tab, got {delimiter!r}",
        )
    columns = _columns(header_names(first, delimiter), header_row)
    reader = csv.reader(itertools.chain([first], text_lines), delimiter=delimiter, strict=True)
    return Table(delimiter, header_row, columns, _rows(reader, columns, lines, header_row))


def _columns(names: list[str], row: int) -> tuple[str, ...]:
    while names and not names[-1]:
        names.pop()
    seen: dict[str, int] = {}
    for position, name in enumerate(names, start=1):
        if not name:
            raise _error(row, None, f"header cell {position} is blank: every column needs a name")
        if name in seen:
            raise _error(
                row, name, f"is named twice in the header row (cells {seen[name]} and {position})"
            )
        seen[name] = position
    return tuple(names)


def _rows(
    reader: Iterator[list[str]], columns: tuple[str, ...], lines: _Lines, header_row: int
) -> Iterator[Row]:
    width = len(columns)
    number = header_row - 1
    try:
        for cells in reader:
            number += 1
            lines.row = number + 1
            if number == header_row or all(is_blank(cell) for cell in cells):
                continue
            extra = cells[width:]
            if any(not is_blank(cell) for cell in extra):
                raise _error(
                    number,
                    None,
                    f"has {len(cells)} cells, but the header row names {width} columns; "
                    "check the delimiter and the quoting of cells holding it",
                )
            cells = cells[:width] + [""] * (width - len(cells))
            yield Row(number, dict(zip(columns, cells, strict=True)))
    except csv.Error as error:
        raise _error(number + 1, None, f"cannot be read as CSV: {error}") from error


class _Lines:
    """The text lines of UTF-8 bytes, line ends kept, read one line at a time.

    ``row`` is the row being read, kept up to date by the row reader, so that
    a byte that is not UTF-8 is reported in its row.
    """

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = chunks
        self.row = 1

    def __iter__(self) -> Iterator[str]:
        pending = b""
        first = True
        for chunk in self._chunks:
            pending += chunk
            if first:
                if len(pending) < len(UTF8_BOM) and UTF8_BOM.startswith(pending):
                    continue
                if pending.startswith(UTF16_BOMS):
                    raise _error(
                        1, None, "the file is UTF-16: save it as UTF-8 (with or without BOM)"
                    )
                pending = pending.removeprefix(UTF8_BOM)
                first = False
            lines = pending.splitlines(keepends=True)
            pending = b""
            if lines and not lines[-1].endswith(b"\n"):
                pending = lines.pop()
            for line in lines:
                yield self._text(line)
        if pending:
            yield self._text(pending.removeprefix(UTF8_BOM) if first else pending)

    def _text(self, line: bytes) -> str:
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError as error:
            bad = line[error.start]
            raise _error(
                self.row,
                None,
                f"is not UTF-8: byte 0x{bad:02x} at character {error.start + 1} of its line; "
                "save the file as UTF-8",
            ) from error


def _error(row: int, column: str | None, message: str) -> DecodeError:
    return DecodeError(DOCUMENT, [Problem(place(row, column), message)])
