"""The raw document archive: bytes kept as received, once per sha256."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from posync.services.ports import ArchivedDocument
from posync.store.tables import archived_documents

_COLUMNS = archived_documents.c


class SqlDocumentArchive:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def store(
        self, content: bytes, *, media_type: str, source: str, received_at: datetime
    ) -> ArchivedDocument:
        digest = hashlib.sha256(content).hexdigest()
        values = {
            "sha256": digest,
            "content": content,
            "size": len(content),
            "media_type": media_type,
            "source": source,
            "received_at": received_at,
        }
        dialect = postgresql if self._connection.dialect.name == "postgresql" else sqlite
        self._connection.execute(
            dialect.insert(archived_documents).values(**values).on_conflict_do_nothing()
        )
        found = self.get(digest)
        if found is None:  # pragma: no cover - the insert or an earlier one put it there
            raise RuntimeError(f"archived document {digest} vanished")
        return found[0]

    def get(self, sha256: str) -> tuple[ArchivedDocument, bytes] | None:
        row = self._connection.execute(
            select(archived_documents).where(_COLUMNS.sha256 == sha256)
        ).one_or_none()
        if row is None:
            return None
        record = ArchivedDocument(
            sha256=row.sha256,
            size=row.size,
            media_type=row.media_type,
            received_at=row.received_at,
            source=row.source,
        )
        return record, bytes(row.content)
