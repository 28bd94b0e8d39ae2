"""Errors of the codecs: input that cannot be read as the document it claims to be."""

from __future__ import annotations

from collections.abc import Iterable

from posync.domain.errors import InvalidDocument, PosyncError


class DecodeError(InvalidDocument):
    """The input could not be turned into a canonical document; ``problems`` says where."""


class EncodeError(InvalidDocument):
    """A document that cannot be written in the format asked for; ``problems`` says why."""


class UnsupportedVersion(PosyncError, KeyError):
    """A standard's version (an X12 GS08, say) that posync has no dictionary for."""

    def __init__(self, version: str, supported: Iterable[str]) -> None:
        self.version = version
        self.supported = tuple(supported)
        self.message = (
            f"version {version!r} is not supported; supported: {', '.join(self.supported)}"
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message
