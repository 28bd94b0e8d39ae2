"""The CSV codec: rows in, canonical documents out, and back.

``CsvCodec.read`` yields each document of a file as a ``CsvDocument`` (its
rows, and its document or the problems that kept it from being read), so a
bad order does not hide the good ones; a file that cannot be read at all (no
header row, an unknown column, a byte that is not UTF-8) raises
``DecodeError``. ``CsvCodec.decode`` is the strict form: every document or a
``DecodeError``. ``CsvCodec.write`` writes documents of one kind with every
column of that kind, so that what posync writes, it reads back the same, and
writes again byte for byte.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.tabular.acknowledgement import AcknowledgementTable
from posync.codecs.tabular.cells import CellReader, CellWriter, NumberStyle, is_blank, place
from posync.codecs.tabular.invoice import InvoiceTable
from posync.codecs.tabular.layout import TableMapping
from posync.codecs.tabular.purchase_order import PurchaseOrderTable
from posync.codecs.tabular.rows import (
    DELIMITERS,
    DOCUMENT,
    UTF8_BOM,
    Row,
    best_delimiter,
    header_names,
    open_table,
)
from posync.codecs.tabular.ship_notice import ShipNoticeTable
from posync.domain.errors import Problem

TABLES: tuple[TableMapping[Any], ...] = (
    PurchaseOrderTable(),
    AcknowledgementTable(),
    ShipNoticeTable(),
    InvoiceTable(),
)
KNOWN_COLUMNS = frozenset(column for table in TABLES for column in table.layout.columns)
MARKERS = ", ".join(f"{t.layout.marker} ({t.layout.kind})" for t in TABLES)


def looks_like_csv_header(line: str) -> bool:
    """Whether ``line`` is the header row of a CSV file posync reads."""
    delimiter, score = best_delimiter(line, KNOWN_COLUMNS)
    names = set(header_names(line, delimiter))
    return score >= 2 and any(table.layout.marker in names for table in TABLES)


@dataclass(frozen=True, slots=True, kw_only=True)
class CsvDocument:
    """One document of a CSV file: its rows, and the document or what is wrong with it."""

    kind: str
    first_row: int
    last_row: int
    document: object | None
    problems: tuple[Problem, ...] = ()

    @property
    def rows(self) -> str:
        if self.first_row == self.last_row:
            return f"row {self.first_row}"
        return f"rows {self.first_row}-{self.last_row}"


class CsvCodec:
    """Reads and writes CSV files of purchase orders, acknowledgements, ship notices or invoices.

    ``decimal_comma`` reads and writes numbers as ``12,50``; ``delimiter``
    fixes the delimiter instead of sniffing it (reading) or choosing a comma,
    or a semicolon with a decimal comma (writing).
    """

    def __init__(self, *, decimal_comma: bool = False, delimiter: str | None = None) -> None:
        self.style = NumberStyle(decimal_comma=decimal_comma)
        self.delimiter = delimiter

    def read(self, chunks: Iterable[bytes]) -> Iterator[CsvDocument]:
        table = open_table(chunks, known=KNOWN_COLUMNS, delimiter=self.delimiter)
        mapping = _mapping_for(table.columns, table.header_row)
        key_columns = mapping.layout.key
        finished: dict[tuple[str, ...], str] = {}
        group: list[Row] = []
        current: tuple[str, ...] = ()
        for row in table.rows:
            key = tuple(row.cells.get(column, "").strip() for column in key_columns)
            if group and key != current:
                yield self._document(mapping, group, finished.get(current))
                finished.setdefault(current, _rows(group))
                group = []
            current = key
            group.append(row)
        if group:
            yield self._document(mapping, group, finished.get(current))

    def decode(self, chunks: Iterable[bytes]) -> list[object]:
        """Every document of the file; ``DecodeError`` with the problems of each bad one."""
        documents: list[object] = []
        problems: list[Problem] = []
        for read in self.read(chunks):
            problems.extend(read.problems)
            documents.append(read.document)
        if problems:
            raise DecodeError(DOCUMENT, problems)
        return documents

    def write(self, documents: Sequence[object], *, byte_order_mark: bool = False) -> bytes:
        """One CSV file of ``documents``, all of one kind; ``EncodeError`` says what cannot fit."""
        mapping = _mapping_of(documents)
        layout = mapping.layout
        delimiter = self.delimiter or (";" if self.style.decimal_comma else ",")
        if delimiter not in DELIMITERS:
            raise EncodeError(
                DOCUMENT, [Problem("delimiter", f"must be , ; or a tab: {delimiter!r}")]
            )
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(layout.columns)
        problems: list[Problem] = []
        keys: dict[tuple[str, ...], int] = {}
        blank_line = dict.fromkeys(layout.lines, "")
        for index, document in enumerate(documents):
            found: list[Problem] = []
            header, lines = mapping.encode(document, CellWriter(self.style, found))
            key = tuple(header[column].strip() for column in layout.key)
            if key in keys:
                found.append(
                    Problem(
                        "",
                        f"has the same {', '.join(layout.key)} as document #{keys[key]}: "
                        "read back, the two would be one",
                    )
                )
            keys.setdefault(key, index)
            prefix = f"#{index}" if len(documents) > 1 else ""
            problems.extend(p.under(prefix) if prefix else p for p in found)
            for line in lines or [blank_line]:
                cells = header | line
                writer.writerow([cells[column] for column in layout.columns])
        if problems:
            raise EncodeError(DOCUMENT, problems)
        data = buffer.getvalue().encode("utf-8")
        return UTF8_BOM + data if byte_order_mark else data

    def _document(
        self, mapping: TableMapping[Any], group: list[Row], earlier: str | None
    ) -> CsvDocument:
        layout = mapping.layout
        problems: list[Problem] = []
        first = group[0].number
        if earlier is not None:
            problems.append(
                Problem(
                    place(first, layout.key[0]),
                    f"repeats the document of {earlier}: the rows of one document must follow "
                    "each other",
                )
            )
        values: dict[str, str] = {}
        origins: dict[str, int] = {}
        for row in group:
            for column in layout.header:
                value = row.cells.get(column, "")
                if is_blank(value):
                    continue
                if column not in values:
                    values[column], origins[column] = value, row.number
                elif value != values[column]:
                    problems.append(
                        Problem(
                            place(row.number, column),
                            f"must be blank or repeat {values[column]!r} from row "
                            f"{origins[column]}, as each row of a document does; got {value!r}",
                        )
                    )
        header = CellReader(values, row=first, rows=origins, style=self.style, problems=problems)
        lines = [row for row in group if not _blank(row, layout.lines)]
        if len(group) > 1:
            problems.extend(
                Problem(place(row.number, "line_number"), "is required: each row is one line")
                for row in group
                if _blank(row, layout.lines)
            )
        readers = [
            CellReader(row.cells, row=row.number, style=self.style, problems=problems)
            for row in lines
        ]
        document = mapping.decode(header, readers)
        return CsvDocument(
            kind=layout.kind,
            first_row=first,
            last_row=group[-1].number,
            document=None if problems else document,
            problems=tuple(problems),
        )


def _blank(row: Row, columns: Sequence[str]) -> bool:
    return all(is_blank(row.cells.get(column, "")) for column in columns)


def _rows(group: list[Row]) -> str:
    first, last = group[0].number, group[-1].number
    return f"row {first}" if first == last else f"rows {first}-{last}"


def _mapping_for(columns: Sequence[str], header_row: int) -> TableMapping[Any]:
    marked = [table for table in TABLES if table.layout.marker in columns]
    if len(marked) != 1:
        found = "none" if not marked else " and ".join(t.layout.marker for t in marked)
        raise DecodeError(
            DOCUMENT,
            [
                Problem(
                    place(header_row),
                    f"must name exactly one of the columns that say what a file holds: {MARKERS}; "
                    f"it names {found}",
                )
            ],
        )
    mapping = marked[0]
    layout = mapping.layout
    problems = []
    for column in columns:
        if column not in layout.columns:
            close = difflib.get_close_matches(column, layout.columns, n=1)
            hint = f"; did you mean {close[0]}?" if close else ""
            problems.append(
                Problem(
                    place(header_row, column),
                    f"is not a column of a CSV file of {layout.kind}{hint}",
                )
            )
    problems.extend(
        Problem(place(header_row, column), f"is missing: a CSV file of {layout.kind} needs it")
        for column in layout.required
        if column not in columns
    )
    if problems:
        raise DecodeError(DOCUMENT, problems)
    return mapping


def _mapping_of(documents: Sequence[object]) -> TableMapping[Any]:
    types = list(dict.fromkeys(type(document) for document in documents))
    if len(types) != 1:
        found = ", ".join(t.__name__ for t in types) or "nothing"
        raise EncodeError(
            DOCUMENT, [Problem("", f"a CSV file holds documents of one kind; got {found}")]
        )
    for table in TABLES:
        if table.document_type is types[0]:
            return table
    carried = ", ".join(table.document_type.__name__ for table in TABLES)
    raise EncodeError(
        types[0].__name__, [Problem("", f"CSV carries {carried}, not {types[0].__name__}")]
    )
