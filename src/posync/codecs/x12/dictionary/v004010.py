"""The 004010 dictionary: elements, composites, segments and sets put together."""

from __future__ import annotations

from posync.codecs.x12.dictionary.control_segments import (
    ACKNOWLEDGMENT_SEGMENTS_004010,
    CONTROL_COMPOSITES_004010,
    ENVELOPE_SEGMENTS_004010,
)
from posync.codecs.x12.dictionary.elements import ELEMENTS_004010
from posync.codecs.x12.dictionary.notation import build_composites, build_segments
from posync.codecs.x12.dictionary.schema import Dictionary
from posync.codecs.x12.dictionary.segments import (
    BUSINESS_COMPOSITES_004010,
    BUSINESS_SEGMENTS_004010,
)
from posync.codecs.x12.dictionary.sets_004010 import SETS_004010

VERSION = "004010"

COMPOSITES_004010 = (*CONTROL_COMPOSITES_004010, *BUSINESS_COMPOSITES_004010)
SEGMENTS_004010 = (
    *ENVELOPE_SEGMENTS_004010,
    *ACKNOWLEDGMENT_SEGMENTS_004010,
    *BUSINESS_SEGMENTS_004010,
)

DICTIONARY_004010 = Dictionary(
    version=VERSION,
    elements=ELEMENTS_004010,
    segments=build_segments(
        SEGMENTS_004010,
        ELEMENTS_004010,
        build_composites(COMPOSITES_004010, ELEMENTS_004010),
    ),
    sets={spec.code: spec for spec in SETS_004010},
)
