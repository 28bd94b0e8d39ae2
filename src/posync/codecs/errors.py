"""Errors of the codecs: input that cannot be read as the document it claims to be."""

from __future__ import annotations

from posync.domain.errors import InvalidDocument


class DecodeError(InvalidDocument):
    """The input could not be turned into a canonical document; ``problems`` says where."""


class EncodeError(InvalidDocument):
    """A document that cannot be written in the format asked for; ``problems`` says why."""
