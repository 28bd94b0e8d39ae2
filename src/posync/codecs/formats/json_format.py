"""Canonical JSON as a ``DocumentFormat``: documents field for field (``canonical_json``).

The input is one document, a list of them, or ``{"purchase_orders": [...]}``
(what ``posync po import`` reads). An entry may also be wrapped as
``{"document_type": "Invoice", "document": {...}}``, the shape ``posync edi
decode --json`` prints. Which document an unwrapped entry is comes from
``ReadOptions.kind`` or else from its fields: the one document type whose
required fields it has and whose fields hold all of its own. Validation adds
the canonical documents' own rules as findings.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from posync.codecs.canonical_json import JsonCodec
from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.formats.model import (
    Checked,
    ControlNumberSource,
    Decoded,
    DocumentKind,
    EncodeTarget,
    Finding,
    ReadOptions,
    Severity,
    Standard,
)
from posync.domain.errors import InvalidDocument, Problem

RULE = "rule"
"""The code of a finding that a canonical document breaks one of its own rules."""

_TYPES_BY_NAME: Mapping[str, type] = {
    kind.document_type.__name__: kind.document_type for kind in DocumentKind
}
_WRAPPER = frozenset({"document_type", "document"})


class JsonFormat:
    standard = Standard.JSON
    media_type = "application/json"
    numbered = False

    def __init__(self) -> None:
        self._codecs: dict[type, JsonCodec[Any]] = {}  # each compiled on first use

    def decode(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Decoded]:
        for index, entry in enumerate(_entries(b"".join(chunks), options)):
            yield self._decode_entry(index, entry, options)

    def validate(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Checked]:
        for decoded in self.decode(chunks, options):
            yield with_rule_findings(decoded)

    def target_problems(self, target: EncodeTarget) -> list[Problem]:
        return target.unused((), self.standard)

    def encode(
        self,
        documents: Sequence[object],
        target: EncodeTarget,
        *,
        numbers: ControlNumberSource | None,
        at: datetime,
    ) -> bytes:
        problems = self.target_problems(target)
        if problems:
            raise EncodeError("canonical JSON", problems)
        values = []
        for document in documents:
            document_type = type(document)
            if document_type not in _TYPES_BY_NAME.values():
                name = document_type.__name__
                raise EncodeError(name, [Problem("", f"is not a canonical document: {name}")])
            values.append(self._codec_for(document_type).encode(document))
        return (json.dumps(values, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    def _codec_for(self, document_type: type) -> JsonCodec[Any]:
        codec = self._codecs.get(document_type)
        if codec is None:
            codec = self._codecs[document_type] = JsonCodec(document_type)
        return codec

    def _decode_entry(self, index: int, entry: object, options: ReadOptions) -> Decoded:
        label = f"#{index}"
        document_type, data, problems = _document_type(entry, options)
        if document_type is None:
            return Decoded(
                standard=self.standard,
                label=label,
                document=None,
                accepted=False,
                problems=tuple(problems),
            )
        try:
            document = self._codec_for(document_type).decode(data)
        except InvalidDocument as error:
            return Decoded(
                standard=self.standard,
                label=label,
                document=None,
                accepted=False,
                problems=error.problems,
            )
        return Decoded(standard=self.standard, label=label, document=document, accepted=True)


def with_rule_findings(decoded: Decoded) -> Decoded:
    """``decoded`` with each rule its document breaks as an error finding (code ``rule``)."""
    document = decoded.document
    check = getattr(document, "problems", None)
    if document is None or check is None:
        return decoded
    broken: list[Problem] = check()
    findings = tuple(
        Finding(
            severity=Severity.ERROR,
            code=RULE,
            message=problem.message,
            where=problem.field,
            location={"field": problem.field},
        )
        for problem in broken
    )
    return dataclasses.replace(
        decoded, findings=decoded.findings + findings, accepted=decoded.accepted and not findings
    )


def _entries(data: bytes, options: ReadOptions) -> list[object]:
    try:
        parsed = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DecodeError("canonical JSON", [Problem("", f"is not valid JSON: {error}")]) from error
    if isinstance(parsed, dict) and set(parsed) == {"purchase_orders"}:
        orders = parsed["purchase_orders"]
        if not isinstance(orders, list):
            raise DecodeError(
                "canonical JSON", [Problem("purchase_orders", "must be a list of purchase orders")]
            )
        return orders
    return parsed if isinstance(parsed, list) else [parsed]


def _document_type(
    entry: object, options: ReadOptions
) -> tuple[type | None, object, list[Problem]]:
    if isinstance(entry, dict) and entry.keys() >= _WRAPPER and isinstance(entry["document"], dict):
        name = entry["document_type"]
        document_type = _TYPES_BY_NAME.get(name) if isinstance(name, str) else None
        if document_type is None:
            known = ", ".join(_TYPES_BY_NAME)
            return None, entry, [Problem("document_type", f"must be one of {known}; got {name!r}")]
        return document_type, entry["document"], []
    if options.kind is not None:
        return options.kind.document_type, entry, []
    if not isinstance(entry, dict):
        return None, entry, [Problem("", "must be a JSON object holding a document")]
    fitting = [t for t in _TYPES_BY_NAME.values() if _fits(t, entry.keys())]
    if len(fitting) == 1:
        return fitting[0], entry, []
    kinds = ", ".join(kind.value for kind in DocumentKind)
    return (
        None,
        entry,
        [
            Problem(
                "",
                "cannot tell which document this is from its fields "
                f"({', '.join(sorted(entry)) or 'none'}); name its kind ({kinds})",
            )
        ],
    )


def _fits(document_type: type, keys: Iterable[str]) -> bool:
    fields = dataclasses.fields(document_type)
    required = {
        f.name
        for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    present = set(keys)
    return required <= present <= {f.name for f in fields}
