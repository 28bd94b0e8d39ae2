"""The folder transport: drop each message as a file into the partner's directory.

The file is named after the delivery's idempotency key (``file_names``), so a
retry replaces the file of its earlier attempt instead of adding another. It
is written under a hidden temporary name in the same directory, flushed to
disk (``fsync``), then renamed over the final name in one step, and the
directory is flushed too: a partner's pick-up sees the whole file or none.

A folder that is missing or cannot be written is answered ``retry`` with the
error (someone may mount or fix it); a partner without a ``path`` is refused.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from posync.connectors.transports.file_names import payload_file_name, temporary_file_name
from posync.domain.delivery import DeliveryOutcome, DeliveryResult
from posync.domain.partner_values import Secret
from posync.services.ports import Delivery

_LOG = logging.getLogger(__name__)
FILE_MODE = 0o644


class FolderTransport:
    """Writes each delivery atomically into the directory named by the partner's ``path``."""

    def deliver(self, delivery: Delivery, secrets: Mapping[str, Secret]) -> DeliveryResult:
        settings = delivery.partner.transport
        if not settings.path:
            return DeliveryResult(
                outcome=DeliveryOutcome.REFUSED,
                detail=f"partner {delivery.partner.id!r} has a folder transport without a path",
            )
        folder = Path(settings.path)
        if not folder.is_dir():
            problem = "is not a directory" if folder.exists() else "does not exist"
            return DeliveryResult(
                outcome=DeliveryOutcome.RETRY, detail=f"folder {folder} {problem}"
            )
        final = folder / payload_file_name(delivery.idempotency_key, delivery.media_type)
        try:
            write_atomically(final, delivery.payload)
        except OSError as error:
            return DeliveryResult(
                outcome=DeliveryOutcome.RETRY,
                detail=f"could not write {final}: {error.strerror or error}",
            )
        return DeliveryResult(outcome=DeliveryOutcome.DELIVERED, detail=f"written to {final}")


def write_atomically(final: Path, content: bytes) -> None:
    """Put ``content`` at ``final`` whole or not at all; the temporary file never stays."""
    temporary = final.with_name(temporary_file_name(final.name))
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(descriptor, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, final)
    except OSError:
        _remove_leftover(temporary)
        raise
    _flush_directory(final.parent)


def _remove_leftover(temporary: Path) -> None:
    try:
        temporary.unlink(missing_ok=True)
    except OSError as error:
        _LOG.warning("could not remove the temporary file %s: %s", temporary, error)


def _flush_directory(folder: Path) -> None:
    """Make the rename itself durable (a no-op where directories cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError as error:
        _LOG.warning("could not open %s to flush the rename: %s", folder, error)
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
