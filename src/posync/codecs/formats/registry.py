"""Which adapter reads and writes which standard: an explicit registry, keyed by standard.

``standard_formats()`` is the registry posync runs with: an adapter class per
standard implementing ``DocumentFormat`` (see ``model``). A registry without
an adapter for a standard (one built for a test, say) answers a request for
it with a ``FormatNotAvailable`` error naming what is available.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping

from posync.codecs.formats.csv_format import CsvFormat
from posync.codecs.formats.cxml_format import CxmlFormat
from posync.codecs.formats.edifact_format import EdifactFormat
from posync.codecs.formats.json_format import JsonFormat
from posync.codecs.formats.model import DocumentFormat, Standard
from posync.codecs.formats.x12_format import X12Format
from posync.domain.errors import PosyncError


class FormatNotAvailable(PosyncError):
    """A standard posync knows of but has no adapter registered for."""

    def __init__(self, standard: Standard, available: Iterable[Standard]) -> None:
        self.standard = standard
        names = ", ".join(s.value for s in available)
        super().__init__(f"{standard.value} is not available yet; available: {names}")


class FormatRegistry:
    """One ``DocumentFormat`` per standard; registering a standard twice is a mistake."""

    def __init__(self, formats: Iterable[DocumentFormat]) -> None:
        by_standard: dict[Standard, DocumentFormat] = {}
        for adapter in formats:
            if adapter.standard in by_standard:
                raise ValueError(f"{adapter.standard.value} is registered twice")
            by_standard[adapter.standard] = adapter
        self._formats: Mapping[Standard, DocumentFormat] = types.MappingProxyType(by_standard)

    @property
    def standards(self) -> tuple[Standard, ...]:
        return tuple(self._formats)

    def format_for(self, standard: Standard) -> DocumentFormat:
        adapter = self._formats.get(standard)
        if adapter is None:
            raise FormatNotAvailable(standard, self._formats)
        return adapter


def standard_formats() -> FormatRegistry:
    """Every format posync reads and writes."""
    return FormatRegistry(
        [
            X12Format(),
            EdifactFormat(),
            CxmlFormat(),
            JsonFormat(),
            CsvFormat(),
        ]
    )
