"""X12 as a ``DocumentFormat``: the X12 codec behind the standard-neutral protocol.

Each transaction set is one ``Decoded`` (labelled ``850 0001``), each
finding keeps its AK3/AK4/AK5 code and segment coordinates, and validation
answers each group with its 997 and, when owed, the interchange with a TA1.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.formats.model import (
    Answer,
    Checked,
    ControlNumberSource,
    Decoded,
    EncodeTarget,
    Finding,
    ReadOptions,
    Severity,
    Standard,
)
from posync.codecs.x12 import findings as x12_findings
from posync.codecs.x12.codec import (
    SUPPORTED_VERSIONS,
    DecodedSet,
    GroupAnswered,
    InterchangeAnswered,
    X12Codec,
)
from posync.codecs.x12.syntax import X12SyntaxError
from posync.codecs.x12.writer import ControlNumbers, PartnerEnvelope
from posync.domain.errors import Problem

DEFAULT_VERSION = "004010"


class X12Format:
    standard = Standard.X12
    media_type = "application/edi-x12"
    numbered = True

    def __init__(self) -> None:
        self._codec = functools.cache(X12Codec)  # the dictionaries compile on first use

    def decode(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Decoded]:
        for event in self._read(chunks):
            if isinstance(event, DecodedSet):
                yield _decoded(event)

    def validate(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Checked]:
        for event in self._read(chunks):
            if isinstance(event, DecodedSet):
                yield _decoded(event)
            elif isinstance(event, GroupAnswered):
                segments = "~".join("*".join(segment) for segment in event.acknowledgement)
                yield Answer(
                    label=f"997 for group {event.closed.group.control_number}",
                    text=f"{segments}~",
                    rejected=event.closed.rejected,
                )
            elif isinstance(event, InterchangeAnswered) and event.acknowledgement:
                yield Answer(
                    label="TA1",
                    text="*".join(event.acknowledgement) + "~",
                    findings=tuple(_finding(f) for f in event.closed.findings),
                    rejected=event.closed.rejected,
                )

    def target_problems(self, target: EncodeTarget) -> list[Problem]:
        problems = target.unused(("sender", "receiver", "version"), self.standard)
        for name, identity in (("sender", target.sender), ("receiver", target.receiver)):
            if identity is None or identity.qualifier is None or len(identity.qualifier) != 2:
                problems.append(
                    Problem(
                        name,
                        "must be QUALIFIER:ID with a two-character qualifier, like ZZ:ACME; "
                        f"got {str(identity) if identity else 'nothing'!r}",
                    )
                )
        version = target.version or DEFAULT_VERSION
        if version not in SUPPORTED_VERSIONS:
            supported = " or ".join(SUPPORTED_VERSIONS)
            problems.append(Problem("version", f"must be {supported}, got {version!r}"))
        if not problems:
            problems.extend(partner_envelope(target).problems())
        return problems

    def encode(
        self,
        documents: Sequence[object],
        target: EncodeTarget,
        *,
        numbers: ControlNumberSource | None,
        at: datetime,
    ) -> bytes:
        problems = self.target_problems(target)
        if numbers is None:
            problems.append(Problem("numbers", "X12 needs control numbers from the store"))
        if problems or numbers is None:
            raise EncodeError("X12 interchange", problems)
        count = len(documents)
        control = ControlNumbers(
            interchange=numbers.reserve("interchange")[0],
            group=numbers.reserve("group", count)[0],
            sets=numbers.reserve("set", count),
        )
        return self._codec().write(documents, partner_envelope(target), control, at=at)

    def _read(self, chunks: Iterable[bytes]) -> Iterator[object]:
        try:
            yield from self._codec().read(chunks)
        except X12SyntaxError as error:
            raise DecodeError("X12", [Problem("", f"is not X12: {error}")]) from error


def partner_envelope(target: EncodeTarget) -> PartnerEnvelope:
    """The X12 envelope for ``target`` (check ``target_problems`` first)."""
    sender = target.sender
    receiver = target.receiver
    if sender is None or receiver is None:
        raise EncodeError("X12 interchange", [Problem("sender", "and receiver are required")])
    return PartnerEnvelope(
        sender_qualifier=sender.qualifier or "",
        sender_id=sender.identifier,
        receiver_qualifier=receiver.qualifier or "",
        receiver_id=receiver.identifier,
        application_sender=sender.identifier,
        application_receiver=receiver.identifier,
        version=target.version or DEFAULT_VERSION,
    )


def _decoded(decoded: DecodedSet) -> Decoded:
    return Decoded(
        standard=Standard.X12,
        label=f"{decoded.code} {decoded.control_number}",
        document=decoded.document,
        accepted=decoded.accepted,
        findings=tuple(_finding(f) for f in decoded.findings),
        problems=decoded.problems,
        reference={"set": decoded.code, "control_number": decoded.control_number},
    )


def _finding(finding: x12_findings.Finding) -> Finding:
    return Finding(
        severity=Severity(finding.severity.value),
        code=finding.code.value,
        message=finding.message,
        where=str(finding)
        .removeprefix(f"{finding.severity.value}: ")
        .removesuffix(finding.message)
        .removesuffix(": "),
        location={
            "segment": finding.segment,
            "segment_position": finding.segment_position,
            "element_position": finding.element_position,
        },
    )
