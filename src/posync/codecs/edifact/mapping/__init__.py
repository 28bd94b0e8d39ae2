"""EDIFACT D.96A messages to and from canonical documents, one module per message.

``registry`` says which mapper handles which message (ORDERS, ORDCHG,
ORDRSP, DESADV, INVOIC) and which message carries which document. Each
mapper's ``decode`` takes a message's segments (without UNH/UNT) and the
interchange's decimal mark and returns the canonical document, raising
``DecodeError`` with every value it cannot map, named by segment group,
segment and the standard's element numbers; its ``encode`` returns the
segments, raising ``EncodeError`` for any value D.96A cannot hold. They
produce the same canonical documents as the X12 mappings, so that what comes
after decoding is format-blind.

Shared pieces: ``limits`` (the data elements and their lengths), ``reading``
and ``writing`` (values in and out), ``message`` (header, line and summary
groups), ``parties`` (NAD), ``items`` (item numbers, IMD, FTX), ``terms``
(CUX, PAT, TOD) and ``ship_notice_tree`` (the DESADV's CPS levels).
"""

from posync.codecs.edifact.mapping.registry import (
    MAPPERS,
    MessageMapper,
    decode,
    encode,
    mapper_for,
    message_type_for,
)

__all__ = ["MAPPERS", "MessageMapper", "decode", "encode", "mapper_for", "message_type_for"]
