"""Which standard a byte string is written in, from its first bytes.

- X12: an ``ISA`` segment first;
- EDIFACT: ``UNA`` (service string advice) or ``UNB`` first;
- cXML: XML (``<?xml`` or ``<``) with a ``<cXML`` element or a ``cXML`` DOCTYPE;
- canonical JSON: ``{`` or ``[`` first;
- CSV: a header row naming posync's CSV columns, one of them the column that
  says what the file holds (``order_date``, ``acknowledgement_status``,
  ``shipment_id``, ``invoice_number``; docs/formats.md).

A UTF-8 byte order mark and leading white space are skipped. Anything else,
and XML that is not cXML, is a ``DecodeError`` saying what was expected.
``sniff_chunks`` looks at the start of a stream and hands back the whole of it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from posync.codecs.errors import DecodeError
from posync.codecs.formats.model import Standard
from posync.codecs.tabular.codec import looks_like_csv_header
from posync.domain.errors import Problem

HEAD_SIZE = 64 * 1024
"""How many bytes are looked at: enough for an XML prolog with its comments."""

EXPECTED = (
    "X12 (starting with an ISA segment), EDIFACT (UNA or UNB), cXML (XML with a cXML "
    "element), canonical JSON ({ or [) or CSV (a header row naming posync's columns, "
    "such as po_number)"
)
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SEGMENT_START = re.compile(rb"(ISA|UNA|UNB)[^A-Za-z0-9\s]")
_CXML = re.compile(rb"<cXML[\s>/]|<!DOCTYPE\s+cXML[\s>]")


def sniff(head: bytes) -> Standard:
    """The standard of a document that starts with ``head``; ``DecodeError`` if none fits."""
    if head.startswith(_UTF16_BOMS):
        raise _unknown("is UTF-16 text: save it as UTF-8")
    text = head.removeprefix(_UTF8_BOM).lstrip()
    segment = _SEGMENT_START.match(text)
    if segment is not None:
        return Standard.X12 if segment.group(1) == b"ISA" else Standard.EDIFACT
    if text.startswith(b"<"):
        if _CXML.search(text):
            return Standard.CXML
        raise _unknown(f"is XML, but not cXML (no <cXML> element); it begins {_quote(text)}")
    if text.startswith((b"{", b"[")):
        return Standard.JSON
    first_line = text.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    if looks_like_csv_header(first_line):
        return Standard.CSV
    if not text:
        raise _unknown("is empty")
    raise _unknown(f"begins {_quote(text)}")


def sniff_chunks(chunks: Iterable[bytes]) -> tuple[Standard, Iterator[bytes]]:
    """The standard of the stream ``chunks``, and the stream again from its first byte."""
    stream = iter(chunks)
    seen: list[bytes] = []
    size = 0
    for chunk in stream:
        seen.append(chunk)
        size += len(chunk)
        if size >= HEAD_SIZE:
            break
    standard = sniff(b"".join(seen)[:HEAD_SIZE])
    return standard, itertools.chain(seen, stream)


def _unknown(what: str) -> DecodeError:
    return DecodeError("input", [Problem("", f"is not {EXPECTED}: it {what}")])


def _quote(text: bytes) -> str:
    return repr(text[:40].decode("utf-8", errors="replace"))
