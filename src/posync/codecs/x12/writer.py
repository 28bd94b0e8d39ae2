"""Writing X12: segments into text, sets into groups, groups into an interchange.

Control numbers are given, never invented here: the service draws them from
the store, which never hands the same one out twice for a partner, also
across restarts. A value that holds one of the delimiters cannot be written
(X12 has no release character) and is refused with the segment and element.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from posync.codecs.errors import EncodeError
from posync.codecs.x12.syntax import Delimiters
from posync.domain.errors import Problem

VERSIONS = {"004010": "00401", "005010": "00501"}


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerEnvelope:
    """What a partner's interchanges carry: identities, codes, version and delimiters."""

    sender_qualifier: str
    sender_id: str
    receiver_qualifier: str
    receiver_id: str
    application_sender: str
    application_receiver: str
    version: str = "004010"
    usage: str = "P"
    acknowledgement_requested: bool = False
    delimiters: Delimiters = field(default_factory=Delimiters)
    line_break: bool = False

    def problems(self) -> list[Problem]:
        found = []
        if self.version not in VERSIONS:
            supported = ", ".join(VERSIONS)
            found.append(Problem("version", f"must be one of {supported}, got {self.version!r}"))
        for name, width in (("sender_id", 15), ("receiver_id", 15)):
            value: str = getattr(self, name)
            if not value or len(value) > width:
                found.append(Problem(name, f"must be 1 to {width} characters, got {value!r}"))
        for name in ("sender_qualifier", "receiver_qualifier"):
            value = getattr(self, name)
            if len(value) != 2:
                found.append(Problem(name, f"must be 2 characters, got {value!r}"))
        for name in ("application_sender", "application_receiver"):
            value = getattr(self, name)
            if not value or len(value) > 15:
                found.append(Problem(name, f"must be 1 to 15 characters, got {value!r}"))
        if self.usage not in ("P", "T"):
            found.append(
                Problem("usage", f"must be P (production) or T (test), got {self.usage!r}")
            )
        return found


@dataclass(frozen=True, slots=True, kw_only=True)
class ControlNumbers:
    """The control numbers of one interchange: ISA13, GS06, and each set's ST02."""

    interchange: int
    group: int
    sets: Sequence[int]


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboundSet:
    """One transaction set to send: its code and its body (no ST/SE)."""

    code: str
    functional_group: str
    body: Sequence[Sequence[str]]


def write_interchange(
    envelope: PartnerEnvelope,
    sets: Sequence[OutboundSet],
    numbers: ControlNumbers,
    *,
    at: datetime,
) -> bytes:
    """One interchange holding one functional group per group code, in order of first use."""
    if envelope.problems():
        raise EncodeError("X12 envelope", envelope.problems())
    if len(numbers.sets) != len(sets):
        raise ValueError(
            f"{len(sets)} sets need {len(sets)} control numbers, got {len(numbers.sets)}"
        )
    moment = at.astimezone(UTC)
    writer = _SegmentWriter(envelope.delimiters, line_break=envelope.line_break)
    writer.isa(envelope, numbers.interchange, moment)
    groups = grouped(sets, numbers)
    for code, group_number, members in groups:
        writer.segment(
            [
                "GS",
                code,
                envelope.application_sender,
                envelope.application_receiver,
                moment.strftime("%Y%m%d"),
                moment.strftime("%H%M"),
                str(group_number),
                "X",
                envelope.version,
            ]
        )
        for outbound, number in members:
            control = f"{number:04d}"
            start = writer.count
            writer.segment(["ST", outbound.code, control])
            for body in outbound.body:
                writer.segment(body)
            writer.segment(["SE", str(writer.count - start + 1), control])
        writer.segment(["GE", str(len(members)), str(group_number)])
    writer.segment(["IEA", str(len(groups)), f"{numbers.interchange:09d}"])
    return writer.bytes()


def grouped(
    sets: Sequence[OutboundSet], numbers: ControlNumbers
) -> list[tuple[str, int, list[tuple[OutboundSet, int]]]]:
    """Each functional group of an interchange: its code, its control number and its sets.

    One group per group code, in order of first use, numbered from ``numbers.group``.
    """
    members: dict[str, list[tuple[OutboundSet, int]]] = {}
    for outbound, number in zip(sets, numbers.sets, strict=True):
        members.setdefault(outbound.functional_group, []).append((outbound, number))
    return [
        (code, numbers.group + offset, sets_of_group)
        for offset, (code, sets_of_group) in enumerate(members.items())
    ]


class _SegmentWriter:
    def __init__(self, delimiters: Delimiters, *, line_break: bool) -> None:
        self._delimiters = delimiters
        self._terminator = delimiters.segment + ("\n" if line_break else "")
        reserved = {delimiters.element, delimiters.segment, delimiters.component}
        if delimiters.repetition:
            reserved.add(delimiters.repetition)
        self._reserved = frozenset(reserved)
        self._parts: list[str] = []
        self.count = 0

    def isa(self, envelope: PartnerEnvelope, control: int, moment: datetime) -> None:
        delimiters = self._delimiters
        repetition = (delimiters.repetition or "^") if envelope.version >= "005010" else "U"
        elements = [
            "ISA",
            "00",
            " " * 10,
            "00",
            " " * 10,
            envelope.sender_qualifier,
            envelope.sender_id.ljust(15),
            envelope.receiver_qualifier,
            envelope.receiver_id.ljust(15),
            moment.strftime("%y%m%d"),
            moment.strftime("%H%M"),
            repetition,
            VERSIONS[envelope.version],
            f"{control:09d}",
            "1" if envelope.acknowledgement_requested else "0",
            envelope.usage,
            delimiters.component,
        ]
        self._parts.append(delimiters.element.join(elements) + self._terminator)

    def segment(self, elements: Sequence[str]) -> None:
        values = list(elements)
        while len(values) > 1 and not values[-1]:
            values.pop()
        for position, value in enumerate(values[1:], start=1):
            if any(character in self._reserved for character in value):
                raise EncodeError(
                    f"X12 {values[0]} segment",
                    [
                        Problem(
                            f"{values[0]}{position:02d}",
                            f"holds a delimiter of this interchange ({value!r}); "
                            "X12 cannot escape it",
                        )
                    ],
                )
        self._parts.append(self._delimiters.element.join(values) + self._terminator)
        self.count += 1

    def bytes(self) -> bytes:
        return "".join(self._parts).encode("utf-8")
