"""A partner's implementation guide: their narrowing of the standard, checked before sending.

Partners accept less than the standard allows: a segment they require, one
they never read, a code list cut down, a shorter element. A guide says so as
data, and posync holds every set it writes to it before anything leaves, so
that a partner's translator never rejects what posync sends.

Elements are named tag and position (``"POC02"``, ``"REF02"``), segments by
tag; rules are per transaction set code. A guide can only narrow: it cannot
allow what the standard does not.
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from posync.codecs.x12.findings import ElementError, Finding, Level, SegmentError, Severity
from posync.codecs.x12.mapping.common import EncodeOptions


def _frozen(mapping: Mapping[str, frozenset[str]] | None = None) -> Mapping[str, frozenset[str]]:
    return types.MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True, kw_only=True)
class SetRules:
    """One transaction set's rules in a guide."""

    required_segments: frozenset[str] = frozenset()
    forbidden_segments: frozenset[str] = frozenset()
    codes: Mapping[str, frozenset[str]] = field(default_factory=_frozen)
    max_lengths: Mapping[str, int] = field(default_factory=lambda: types.MappingProxyType({}))
    required_elements: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class ImplementationGuide:
    name: str
    sets: Mapping[str, SetRules] = field(default_factory=lambda: types.MappingProxyType({}))

    def encode_options(self, version: str, set_code: str | None = None) -> EncodeOptions:
        """Options that make the mappings prefer the codes this guide accepts."""
        accepted: dict[str, frozenset[str]] = {}
        for code, rules in self.sets.items():
            if set_code is None or code == set_code:
                accepted.update(rules.codes)
        return EncodeOptions(version=version, accepted_codes=types.MappingProxyType(accepted))

    def check(self, set_code: str, body: Sequence[Sequence[str]]) -> list[Finding]:
        """Every way ``body`` (a set's segments, without ST/SE) breaks this guide."""
        rules = self.sets.get(set_code)
        if rules is None:
            return []
        findings: list[Finding] = []
        present = {segment[0] for segment in body}
        for tag in sorted(rules.required_segments - present):
            findings.append(
                self._finding(
                    SegmentError.MANDATORY_MISSING, f"{tag} is required by the guide", segment=tag
                )
            )
        for position, segment in enumerate(body, start=2):
            tag = segment[0]
            if tag in rules.forbidden_segments:
                findings.append(
                    self._finding(
                        SegmentError.UNEXPECTED,
                        f"{tag} is not used by the guide",
                        segment=tag,
                        segment_position=position,
                    )
                )
            findings.extend(self._check_elements(rules, segment, position))
        return findings

    def _check_elements(
        self, rules: SetRules, segment: Sequence[str], position: int
    ) -> list[Finding]:
        tag = segment[0]
        findings = []
        for index in range(1, max(len(segment), 1 + _highest(rules, tag))):
            name = f"{tag}{index:02d}"
            value = segment[index] if index < len(segment) else ""
            allowed = rules.codes.get(name)
            longest = rules.max_lengths.get(name)
            if not value:
                if name in rules.required_elements:
                    findings.append(
                        self._finding(
                            ElementError.MANDATORY_MISSING,
                            f"{name} is required by the guide",
                            segment=tag,
                            segment_position=position,
                            element_position=index,
                        )
                    )
                continue
            if allowed is not None and value not in allowed:
                codes = ", ".join(sorted(allowed))
                findings.append(
                    self._finding(
                        ElementError.INVALID_CODE,
                        f"{name} {value!r} is not a code the guide accepts ({codes})",
                        segment=tag,
                        segment_position=position,
                        element_position=index,
                        value=value,
                    )
                )
            if longest is not None and len(value) > longest:
                findings.append(
                    self._finding(
                        ElementError.TOO_LONG,
                        f"{name} holds {len(value)} characters, the guide allows {longest}",
                        segment=tag,
                        segment_position=position,
                        element_position=index,
                        value=value,
                    )
                )
        return findings

    def _finding(
        self,
        code: SegmentError | ElementError,
        message: str,
        *,
        segment: str,
        segment_position: int | None = None,
        element_position: int | None = None,
        value: str | None = None,
    ) -> Finding:
        return Finding(
            level=Level.ELEMENT if isinstance(code, ElementError) else Level.SEGMENT,
            code=code,
            severity=Severity.ERROR,
            message=f"guide {self.name!r}: {message}",
            segment=segment,
            segment_position=segment_position,
            element_position=element_position,
            value=value,
        )


def _highest(rules: SetRules, tag: str) -> int:
    """The highest element position of ``tag`` that the rules mention."""
    positions = [
        int(name[len(tag) :])
        for name in (*rules.codes, *rules.max_lengths, *rules.required_elements)
        if name.startswith(tag) and name[len(tag) :].isdigit()
    ]
    return max(positions, default=0)
