"""Errors of the store."""

from __future__ import annotations

from posync.domain.errors import PosyncError


class StoreNotReady(PosyncError):
    """The database has no posync schema, or an older one: run ``posync db upgrade``."""
