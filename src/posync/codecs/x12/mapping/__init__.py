"""X12 transaction sets to and from canonical documents, one module per set.

``registry`` says which mapper handles which set (850, 855, 856, 860, 865,
810) and which set carries which document. Each mapper's ``decode`` takes a
set's segments and returns the canonical document, raising ``DecodeError``
with every value it cannot map, named by segment and element; its ``encode``
returns the segments as lists ``[tag, element1, ...]`` without ST/SE, raising
``EncodeError`` for any value the standard cannot hold. Shared pieces:
``common`` (options, finding segments, reading values), ``fast_values``
(clean values read without naming segments, for the fast path of a busy
loop: the 850's PO1), ``writing`` (writing them, within ``limits``),
``parties`` (N1 loops), ``items`` (item numbers and free text), ``terms``
(ITD, FOB), ``acknowledged_lines`` (ACK, for 855 and 865) and
``ship_notice_tree`` (the 856's HL levels).
"""

from posync.codecs.x12.mapping.common import EncodeOptions
from posync.codecs.x12.mapping.registry import (
    MAPPERS,
    SetMapper,
    decode,
    encode,
    mapper_for,
    set_code_for,
)

__all__ = [
    "MAPPERS",
    "EncodeOptions",
    "SetMapper",
    "decode",
    "encode",
    "mapper_for",
    "set_code_for",
]
