"""The names of the files the folder and SFTP transports write.

A delivery's file is named after its idempotency key, so every attempt of the
same message writes the same file and a retry replaces it rather than adding
a second one. The extension follows the media type, for the partner's
pick-up. A file is first written under a hidden temporary name in the same
directory (``.<name>.<random>.part``) and renamed once complete, so that
nobody ever sees a partial file under the final name.
"""

from __future__ import annotations

import hashlib
import re
import types
import uuid
from collections.abc import Mapping
from typing import Final

EXTENSIONS: Final[Mapping[str, str]] = types.MappingProxyType(
    {
        "application/edi-x12": ".x12",
        "application/edifact": ".edi",
        "application/edi-consent": ".edi",
        "application/xml": ".xml",
        "text/xml": ".xml",
        "application/json": ".json",
        "text/csv": ".csv",
        "text/plain": ".txt",
    }
)
OTHER_EXTENSION = ".dat"
LONGEST_KEY_AS_NAME = 100
_PLAIN_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9._-]+")


def payload_file_name(idempotency_key: str, media_type: str) -> str:
    """The file name for a delivery: its key when safe as a name, else a cleaned key and hash.

    Different keys give different names: a key that cannot be a file name as it
    is (a slash, a space, a leading dot, too long) is cleaned and followed by
    the first 16 hex digits of its sha256.
    """
    base_type = media_type.split(";", 1)[0].strip().lower()
    extension = EXTENSIONS.get(base_type, OTHER_EXTENSION)
    key = idempotency_key
    if len(key) <= LONGEST_KEY_AS_NAME and _PLAIN_KEY.fullmatch(key) and not key.endswith("."):
        return key + extension
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    cleaned = _NOT_PLAIN.sub("_", key).strip("._-")[:64]
    stem = f"{cleaned}-{digest}" if cleaned else f"delivery-{digest}"
    return stem + extension


def temporary_file_name(final_name: str) -> str:
    """A hidden name beside ``final_name`` to write into before renaming; new on each call."""
    return f".{final_name}.{uuid.uuid4().hex[:12]}.part"
