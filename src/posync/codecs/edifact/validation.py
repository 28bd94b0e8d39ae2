"""Holding one message (UNH..UNT) against the D.96A structure and segments.

Two checks, both compiled once per message type and reused for every message:

Structure. Segments are placed in order, innermost open group first, then
outwards; a group's trigger met again closes the repetition and opens the
next. A segment with no place ahead is looked for behind: found there, it is
out of sequence, noted (0085 code 15 as a warning) and read where the
standard puts it, the way a forgiving translator reads partners that write
FTX after PRI. A segment with no place at all is not supported in this
position (15, an error): unknown to the directory, not part of the message,
or not where it stands. A mandatory segment or group passed over is missing
(13), reported at the position of the segment after which it was expected;
a segment used more often than allowed is 35, a group repeated more often
than allowed is 36.

Elements. Each placed segment's data elements are checked by its
``SegmentChecker`` (``element_checks``) with the interchange's decimal mark.

The envelope checks UNH and UNT themselves; this module sees the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from posync.codecs.edifact.dictionary import D96A, directory_for
from posync.codecs.edifact.dictionary.schema import Directory, MessageSpec
from posync.codecs.edifact.element_checks import ElementProblem, SegmentChecker, ValueCheck
from posync.codecs.edifact.envelope_events import MessageIdentifier
from posync.codecs.edifact.findings import Finding, Level, Severity, SyntaxErrorCode, severity_of
from posync.codecs.edifact.message_structure import Frame, message_level
from posync.codecs.edifact.message_structure import Level as StructureLevel
from posync.codecs.edifact.segments import Segment


class MessageValidator:
    """Validates messages of one ``MessageSpec``; build once, call ``validate`` often."""

    __slots__ = ("_checkers", "_known", "_tags_in_message", "_top", "type")

    def __init__(
        self,
        spec: MessageSpec,
        directory: Directory,
        checkers: dict[str, SegmentChecker] | None = None,
    ) -> None:
        self.type = spec.type
        self._top = message_level(spec.body)
        self._tags_in_message = frozenset({"UNH", "UNT", *self._top.tags()})
        self._known = frozenset(directory.segments)
        if checkers is None:
            shared: dict[str, ValueCheck] = {}
            checkers = {
                tag: SegmentChecker(directory.segments[tag], shared)
                for tag in self._tags_in_message
                if tag in directory.segments
            }
        self._checkers = checkers

    def validate(self, segments: Sequence[Segment], decimal: str = ".") -> list[Finding]:
        """Every finding of the message ``segments`` (UNH first, UNT last), in segment order."""
        findings: list[Finding] = []
        count = len(segments)
        start = 1 if count and segments[0].tag == "UNH" else 0
        stop = count - 1 if count > start and segments[-1].tag == "UNT" else count
        stack = [Frame(self._top, -1)]
        checkers = self._checkers
        for index in range(start, stop):
            segment = segments[index]
            tag = segment.tag
            position = index + 1
            depth = len(stack) - 1
            frame = stack[depth]
            step = frame.ahead.get(tag)
            while step is None and depth:
                depth -= 1
                frame = stack[depth]
                step = frame.ahead.get(tag)
            if step is None:
                placed, group = self._place_behind(stack, tag, position, findings)
                if not placed:
                    continue
            else:
                # ``_step``, inline for the segments that simply come next.
                while len(stack) > depth + 1:
                    self._close(stack.pop(), position - 1, findings)
                target, passed_over, nested, after, limit = step
                counts = frame.counts
                for missed in passed_over:
                    if not counts[missed]:
                        self._missing(frame.level, missed, position - 1, findings)
                frame.place, frame.ahead = target, after
                counts[target] += 1
                if nested is None:
                    group = frame.level.group
                    if counts[target] > limit:
                        self._over_use(frame.level, target, counts[target], position, findings)
                else:
                    group = nested.group
                    if counts[target] > limit:
                        self._over_repeat(frame.level, target, counts[target], position, findings)
                    opened = Frame(nested, 0)
                    opened.counts[0] = 1
                    stack.append(opened)
            checker = checkers.get(tag)
            if checker is not None:
                problems = checker.check(segment, decimal)
                if problems:
                    _report(segment, position, group, problems, findings)
        last = max(stop, 1)
        while stack:
            self._close(stack.pop(), last, findings)
        if len(findings) > 1:
            findings.sort(key=_segment_order)
        return findings

    def _step(
        self, stack: list[Frame], depth: int, target: int, position: int, findings: list[Finding]
    ) -> str | None:
        """Place a segment at entry ``target`` of the level open at ``depth``."""
        while len(stack) > depth + 1:
            self._close(stack.pop(), position - 1, findings)
        frame = stack[depth]
        level, counts = frame.level, frame.counts
        for missed in level.mandatory_after[frame.place + 1]:
            if missed >= target:
                break
            if not counts[missed]:
                self._missing(level, missed, position - 1, findings)
        frame.move(target)
        counts[target] += 1
        entry = level.entries[target]
        if entry.level is None:
            if counts[target] > entry.limit:
                self._over_use(level, target, counts[target], position, findings)
            return level.group
        if counts[target] > entry.limit:
            self._over_repeat(level, target, counts[target], position, findings)
        opened = Frame(entry.level, 0)
        opened.counts[0] = 1
        stack.append(opened)
        return entry.group

    def _over_use(
        self, level: StructureLevel, target: int, used: int, position: int, findings: list[Finding]
    ) -> None:
        entry = level.entries[target]
        findings.append(
            _structure_finding(
                SyntaxErrorCode.TOO_MANY_SEGMENT_REPETITIONS,
                entry.tag,
                position,
                level.group,
                f"{entry.tag} stands {used} times here, at most {entry.limit}",
            )
        )

    def _over_repeat(
        self, level: StructureLevel, target: int, used: int, position: int, findings: list[Finding]
    ) -> None:
        entry = level.entries[target]
        findings.append(
            _structure_finding(
                SyntaxErrorCode.TOO_MANY_SEGMENT_GROUP_REPETITIONS,
                entry.tag,
                position,
                entry.group,
                f"group {entry.group} repeats {used} times, at most {entry.limit}",
            )
        )

    def _place_behind(
        self, stack: list[Frame], tag: str, position: int, findings: list[Finding]
    ) -> tuple[bool, str | None]:
        """A segment with no place ahead: out of sequence if it has one behind, else unplaced.

        Returns whether it was placed, and the group it was placed in.
        """
        for depth in range(len(stack) - 1, -1, -1):
            frame = stack[depth]
            behind = [i for i in frame.level.behind.get(tag, ()) if i < frame.place]
            if behind:
                target = behind[-1]
                level = frame.level
                entry = level.entries[target]
                findings.append(
                    Finding(
                        level=Level.SEGMENT,
                        code=SyntaxErrorCode.NOT_SUPPORTED_IN_POSITION,
                        severity=Severity.WARNING,
                        message=f"{tag} is out of sequence; read where the standard places it",
                        segment=tag,
                        segment_position=position,
                        group=entry.group or level.group,
                    )
                )
                # Behind the place: the step passes over nothing, so reports no missing entry.
                return True, self._step(stack, depth, target, position, findings)
        if tag not in self._known:
            why = f"{tag} is not a segment of D.96A"
        elif tag not in self._tags_in_message:
            why = f"{tag} is not a segment of the {self.type} message"
        else:
            why = f"{tag} cannot stand here"
        findings.append(
            _structure_finding(
                SyntaxErrorCode.NOT_SUPPORTED_IN_POSITION, tag, position, stack[-1].level.group, why
            )
        )
        return False, None

    def _close(self, frame: Frame, after: int, findings: list[Finding]) -> None:
        counts = frame.counts
        for index in frame.level.mandatory_after[frame.place + 1]:
            if not counts[index]:
                self._missing(frame.level, index, after, findings)

    def _missing(
        self, level: StructureLevel, index: int, after: int, findings: list[Finding]
    ) -> None:
        entry = level.entries[index]
        what = f"group {entry.group} ({entry.tag})" if entry.level is not None else entry.tag
        findings.append(
            _structure_finding(
                SyntaxErrorCode.MISSING,
                entry.tag,
                after,
                entry.group or level.group,
                f"mandatory {what} is missing after segment {after}",
            )
        )


def _structure_finding(
    code: SyntaxErrorCode, tag: str, position: int, group: str | None, message: str
) -> Finding:
    return Finding(
        level=Level.SEGMENT,
        code=code,
        severity=severity_of(code),
        message=message,
        segment=tag,
        segment_position=position,
        group=group,
    )


def _report(
    segment: Segment,
    position: int,
    group: str | None,
    problems: Sequence[ElementProblem],
    findings: list[Finding],
) -> None:
    for problem in problems:
        findings.append(
            Finding(
                level=Level.ELEMENT,
                code=problem.code,
                severity=problem.severity,
                message=f"{segment.tag}{problem.element_position:02d}: {problem.message}",
                segment=segment.tag,
                segment_position=position,
                group=group,
                element_position=problem.element_position,
                component_position=problem.component_position,
                repetition=problem.repetition,
                element_reference=problem.reference or None,
                value=problem.value,
            )
        )


def _segment_order(finding: Finding) -> tuple[int, int, int]:
    return (
        finding.segment_position or 0,
        0 if finding.level is Level.SEGMENT else 1,
        finding.element_position or 0,
    )


class DirectoryValidator:
    """Every message of the directories posync has, each compiled on first use."""

    __slots__ = ("_checkers", "_messages")

    def __init__(self) -> None:
        self._messages: dict[MessageIdentifier, MessageValidator | None] = {}
        self._checkers: dict[str, dict[str, SegmentChecker]] = {}

    def for_message(self, identifier: MessageIdentifier) -> MessageValidator | None:
        """The validator of the message UNH S009 names, or ``None`` when posync has none."""
        key = identifier._replace(association="") if identifier.association else identifier
        if key in self._messages:
            return self._messages[key]
        if identifier.type == "CONTRL":
            # A CONTRL names its syntax version (D:3, 4:1...), not a directory.
            directory: Directory | None = D96A
        else:
            directory = directory_for(identifier.version, identifier.release, identifier.agency)
        spec = directory.messages.get(identifier.type) if directory is not None else None
        validator = None
        if directory is not None and spec is not None:
            checkers = self._checkers.get(directory.name)
            if checkers is None:
                shared: dict[str, ValueCheck] = {}
                checkers = {
                    tag: SegmentChecker(segment_spec, shared)
                    for tag, segment_spec in directory.segments.items()
                }
                self._checkers[directory.name] = checkers
            validator = MessageValidator(spec, directory, checkers)
        self._messages[key] = validator
        return validator


def validate_message(
    segments: Sequence[Segment], spec: MessageSpec, directory: Directory, decimal: str = "."
) -> list[Finding]:
    """Findings of one message, compiling its validator on the spot (for one-off checks)."""
    return MessageValidator(spec, directory).validate(segments, decimal)
