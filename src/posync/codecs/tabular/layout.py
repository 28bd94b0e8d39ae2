"""The columns of each kind of CSV file, and what maps a kind's rows to its document.

A file holds one kind of document, told by its ``marker`` column (only
purchase-order files have ``order_date``). ``key`` columns tell one document
from the next: consecutive rows with the same key are the lines of one
document. ``header`` columns belong to the document and are repeated on each
of its rows (a later row may leave them blank); ``lines`` columns belong to
the row's line. A document without lines is one row with its line columns
blank.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from posync.codecs.tabular.cells import CellReader, CellWriter

Document = TypeVar("Document")

Cells = dict[str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class Layout:
    kind: str
    """What the file holds, in words: ``purchase orders``."""
    marker: str
    key: tuple[str, ...]
    header: tuple[str, ...]
    lines: tuple[str, ...]
    required: tuple[str, ...]
    """Columns the header row must name; the others may be left out (blank)."""

    @property
    def columns(self) -> tuple[str, ...]:
        return self.header + self.lines


class TableMapping(Protocol[Document]):
    """Maps the rows of one kind of CSV file to its canonical document and back."""

    @property
    def layout(self) -> Layout: ...

    @property
    def document_type(self) -> type[Document]: ...

    def decode(self, header: CellReader, lines: Sequence[CellReader]) -> Document:
        """The document whose header cells and line rows these are; problems go to the readers."""
        ...

    def encode(self, document: Document, cells: CellWriter) -> tuple[Cells, list[Cells]]:
        """The document's header cells and one dict of line cells per line."""
        ...
