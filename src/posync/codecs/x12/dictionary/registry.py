"""The dictionary for a version, as a functional group names it in GS08.

An industry's suffix (``004010VICS``, ``005010X222A1``) names an
implementation of a base release and is read by that release's dictionary.
Both dictionaries are built once, at import, and never changed afterwards.
"""

from __future__ import annotations

from posync.codecs.errors import UnsupportedVersion
from posync.codecs.x12.dictionary.schema import Dictionary
from posync.codecs.x12.dictionary.v004010 import DICTIONARY_004010
from posync.codecs.x12.dictionary.v005010 import DICTIONARY_005010

_BY_RELEASE = {
    DICTIONARY_004010.version: DICTIONARY_004010,
    DICTIONARY_005010.version: DICTIONARY_005010,
}
SUPPORTED_VERSIONS = tuple(_BY_RELEASE)
RELEASE_LENGTH = 6


def base_release(version: str) -> str:
    """The base release a GS08 names: its first six characters (``004010VICS`` -> ``004010``)."""
    return version.strip()[:RELEASE_LENGTH]


def dictionary_for(version: str) -> Dictionary:
    """The dictionary for a GS08 value; ``UnsupportedVersion`` (a ``KeyError``) otherwise."""
    release = base_release(version)
    if len(release) == RELEASE_LENGTH and release in _BY_RELEASE:
        return _BY_RELEASE[release]
    raise UnsupportedVersion(version, SUPPORTED_VERSIONS)
