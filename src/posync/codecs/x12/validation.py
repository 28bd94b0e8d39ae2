"""Holding one transaction set (ST..SE) against the dictionary of its version.

Two checks, both compiled once (each set's on its first use) and reused for
every set:

Structure. The set's body is a sequence of segments and loops; a loop's
first segment (its trigger) opens each repetition. Segments are placed in
order, innermost open loop first, then outwards; a trigger met again closes
the repetition and opens the next. What cannot be placed forward is looked
for behind the current place: found there, it is *out of sequence* (AK3 7)
and accepted where it belongs, the way a forgiving translator reads partners
that write ACK before PID. What cannot be placed at all is unrecognized (1:
not in the dictionary), not in the defined set (6) or unexpected (2: in the
set, but not where it stands). A mandatory segment or loop passed over is
missing (3), reported at the position of the segment after which it was
expected; a segment used more often than allowed is 5, a loop repeated more
often than allowed is 4. AK3-03 gets the identifier of the loop the segment
in error belongs to.

The structure is compiled once per set (``set_structure``). Elements: each
placed segment's elements are checked by its ``SegmentChecker``
(``element_checks``).

``SetValidator.validate`` walks millions of segments, so the common steps
are written inline there: placing a segment forward (``_step``), opening a
loop of one level (``_open``, reusing the frame of the loop's last
repetition) and the checker's fast path (``SegmentChecker.check``); every
other case calls the method named.

How much each finding matters (reject the set, or accept it with the error
noted) is a policy passed in as a callable, ``SeverityPolicy``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from posync.codecs.x12.dictionary.schema import Dictionary, TransactionSetSpec
from posync.codecs.x12.element_checks import (
    PATTERNS_KEPT,
    BoundCheck,
    ElementProblem,
    SegmentChecker,
    quotable,
)
from posync.codecs.x12.findings import (
    ElementError,
    Finding,
    GroupError,
    InterchangeError,
    Level,
    SegmentError,
    SetError,
    Severity,
    SyntaxCode,
)
from posync.codecs.x12.set_structure import Body, Entry, Frame, set_body
from posync.codecs.x12.syntax import Delimiters, Segment

SeverityPolicy = Callable[[SyntaxCode], Severity]
"""How much a finding with this code matters: ``dictionary.policy.severity_of``."""

_CODE_KINDS = (InterchangeError, GroupError, SetError, SegmentError, ElementError)


class Severities:
    """The policy asked once for every code, for lookups on the hot path.

    Looked up by the code's own enum: codes of two levels with the same value
    (``SegmentError.UNRECOGNIZED`` and ``ElementError.MANDATORY_MISSING`` are
    both "1") compare equal, so one flat table would mix them up.
    """

    __slots__ = ("_by_kind",)

    def __init__(self, policy: SeverityPolicy) -> None:
        self._by_kind: dict[type, dict[SyntaxCode, Severity]] = {
            kind: {code: policy(code) for code in kind} for kind in _CODE_KINDS
        }

    def __getitem__(self, code: SyntaxCode) -> Severity:
        return self._by_kind[type(code)][code]


class SetValidator:
    """Validates sets of one ``TransactionSetSpec``; build once, call ``validate`` often."""

    __slots__ = ("_bound", "_checkers", "_code", "_known", "_severity", "_tags_in_set", "_top")

    def __init__(
        self,
        spec: TransactionSetSpec,
        dictionary: Dictionary,
        severity: SeverityPolicy | Severities,
        *,
        checkers: Mapping[str, SegmentChecker] | None = None,
    ) -> None:
        self._code = spec.code
        self._top = set_body(spec.body)
        self._tags_in_set = frozenset({"ST", "SE", *self._top.tags()})
        self._known = frozenset(dictionary.segments)
        if checkers is None:
            checkers = {
                tag: SegmentChecker(dictionary.segments[tag])
                for tag in self._tags_in_set
                if tag in dictionary.segments
            }
        self._checkers = checkers
        self._severity = severity if isinstance(severity, Severities) else Severities(severity)
        self._bound: dict[Delimiters, dict[str, BoundCheck | None]] = {}

    @property
    def code(self) -> str:
        return self._code

    def validate(self, segments: Sequence[Segment], delimiters: Delimiters) -> list[Finding]:
        """Every finding of the set ``segments`` (ST first, SE last), in segment order."""
        findings: list[Finding] = []
        count = len(segments)
        start, stop = 0, count
        if count and segments[0].tag == "ST":
            self._check_elements(segments[0], 1, None, delimiters, findings)
            start = 1
        if count > start and segments[-1].tag == "SE":
            stop = count - 1
        stack = [Frame(self._top, -1)]
        spare: dict[Body, Frame] = {}  # the frames of closed loops, to open them again
        checks = self._bound_checks(delimiters)
        separator = delimiters.element
        for index in range(start, stop):
            segment = segments[index]
            tag = segment.tag
            position = index + 1
            # Forward from where we stand, innermost open level first.
            depth = len(stack) - 1
            frame = stack[depth]
            step = frame.ahead.get(tag)
            while step is None and depth:
                depth -= 1
                frame = stack[depth]
                step = frame.ahead.get(tag)
            if step is None:
                placed, loop_id = self._place_behind(stack, tag, position, findings)
                if not placed:
                    continue
            else:
                # ``_step``, inline for the segments that simply come next.
                while len(stack) > depth + 1:
                    closed = stack.pop()
                    if closed.level.mandatory_after[closed.place + 1]:
                        self._close(closed, position - 1, findings)
                    spare[closed.level] = closed
                target, passed_over, nested, after, limit = step
                counts = frame.counts
                for missed in passed_over:
                    if not counts[missed]:
                        self._missing(frame.level, missed, position - 1, findings)
                frame.place, frame.ahead = target, after
                counts[target] += 1
                if nested is None:
                    if counts[target] > limit:
                        self._over_use(frame.level, target, counts[target], position, findings)
                    loop_id = frame.level.loop_id
                else:
                    if counts[target] > limit:
                        entry = frame.level.entries[target]
                        self._over_repeat(entry, counts[target], position, findings)
                    if nested.entries[0].level is None:  # ``_open`` for a loop of one level
                        opened = spare.pop(nested, None)
                        if opened is None:
                            opened = Frame(nested, 0)
                        else:
                            opened.restart()
                        opened.counts[0] = 1
                        stack.append(opened)
                        loop_id = nested.loop_id
                    else:
                        loop_id = _open(stack, nested)
            bound = checks.get(tag)
            if bound is None and tag not in checks:
                unbound = self._checkers.get(tag)
                bound = checks[tag] = unbound.bound(delimiters) if unbound is not None else None
            if bound is None:
                continue
            # ``SegmentChecker.check`` inline: the pattern, its long code lists, the notes.
            _, fullmatch, codes, presence, verdicts, note_tests, width, checker = bound
            elements = segment.elements
            match = fullmatch(separator.join(elements)) if fullmatch is not None else None
            if match is not None and (codes is None or codes.codes_listed(match)):
                if presence is not None:  # the verdict for this presence of elements
                    key = presence(match)
                    holds = verdicts.get(key)
                    if holds is None:
                        holds = checker.notes_hold(elements, key, verdicts)
                    if not holds:
                        problems = checker.note_problems(elements)
                        self._report(segment, position, loop_id, problems, findings)
                    continue
                size = len(elements)
                for test in note_tests[size if size <= width else width]:
                    if test(elements, size) is not None:
                        problems = checker.note_problems(elements)
                        self._report(segment, position, loop_id, problems, findings)
                        break
            else:
                problems = checker.check_each(elements, delimiters)
                if problems:
                    self._report(segment, position, loop_id, problems, findings)
        last_body_position = max(stop, 1)
        while stack:
            self._close(stack.pop(), last_body_position, findings)
        if stop < count:
            self._check_elements(segments[stop], stop + 1, None, delimiters, findings)
        if len(findings) > 1:
            findings.sort(key=_segment_order)
        return findings

    def _bound_checks(self, delimiters: Delimiters) -> dict[str, BoundCheck | None]:
        """The element checks by tag under ``delimiters``, filled as tags are met; kept for a
        few sets of delimiters."""
        checks = self._bound.get(delimiters)
        if checks is None:
            checks = {}
            if len(self._bound) < PATTERNS_KEPT:
                self._bound[delimiters] = checks
        return checks

    def _step(
        self,
        stack: list[Frame],
        frame: Frame,
        target: int,
        passed_over: tuple[int, ...],
        position: int,
        findings: list[Finding],
    ) -> str | None:
        """Move forward in ``frame`` (the innermost open level now) to entry ``target``."""
        level = frame.level
        counts = frame.counts
        for index in passed_over:
            if not counts[index]:
                self._missing(level, index, position - 1, findings)
        frame.move(target)
        counts[target] += 1
        entry = level.entries[target]
        if entry.level is None:
            if counts[target] > entry.limit:
                self._over_use(level, target, counts[target], position, findings)
            return level.loop_id
        if counts[target] > entry.limit:
            self._over_repeat(entry, counts[target], position, findings)
        return _open(stack, entry.level)

    def _place_behind(
        self, stack: list[Frame], tag: str, position: int, findings: list[Finding]
    ) -> tuple[bool, str | None]:
        """A segment with no place ahead: out of sequence if it has one behind, else unplaced."""
        for depth in range(len(stack) - 1, -1, -1):
            frame = stack[depth]
            behind = [i for i in frame.level.by_tag.get(tag, ()) if i < frame.place]
            if behind:
                while len(stack) > depth + 1:
                    self._close(stack.pop(), position - 1, findings)
                level, target = frame.level, behind[-1]
                entry = level.entries[target]
                findings.append(
                    self._segment_finding(
                        SegmentError.OUT_OF_SEQUENCE,
                        tag,
                        position,
                        entry.loop_id or level.loop_id,
                        f"{tag} is out of sequence; read where the standard places it",
                    )
                )
                return True, self._step(stack, frame, target, (), position, findings)
        if tag not in self._known:
            code, why = SegmentError.UNRECOGNIZED, f"{tag} is not a segment of this version"
        elif tag not in self._tags_in_set:
            code, why = SegmentError.NOT_IN_SET, f"{tag} is not a segment of the {self._code}"
        else:
            code, why = SegmentError.UNEXPECTED, f"{tag} cannot stand here"
        findings.append(self._segment_finding(code, tag, position, stack[-1].level.loop_id, why))
        return False, None

    def _close(self, frame: Frame, after: int, findings: list[Finding]) -> None:
        counts = frame.counts
        for index in frame.level.mandatory_after[frame.place + 1]:
            if not counts[index]:
                self._missing(frame.level, index, after, findings)

    def _missing(self, level: Body, index: int, after: int, findings: list[Finding]) -> None:
        entry = level.entries[index]
        what = f"loop {entry.loop_id}" if entry.level is not None else entry.tag
        findings.append(
            self._segment_finding(
                SegmentError.MANDATORY_MISSING,
                entry.tag,
                after,
                entry.loop_id or level.loop_id,
                f"mandatory {what} missing after segment {after}",
            )
        )

    def _over_use(
        self, level: Body, index: int, used: int, position: int, findings: list[Finding]
    ) -> None:
        entry = level.entries[index]
        findings.append(
            self._segment_finding(
                SegmentError.OVER_MAXIMUM_USE,
                entry.tag,
                position,
                level.loop_id,
                f"{entry.tag} is used {used} times here, at most {entry.limit}",
            )
        )

    def _over_repeat(self, entry: Entry, used: int, position: int, findings: list[Finding]) -> None:
        findings.append(
            self._segment_finding(
                SegmentError.LOOP_OVER_MAXIMUM,
                entry.tag,
                position,
                entry.loop_id,
                f"loop {entry.loop_id} repeats {used} times, at most {entry.limit}",
            )
        )

    def _check_elements(
        self,
        segment: Segment,
        position: int,
        loop_id: str | None,
        delimiters: Delimiters,
        findings: list[Finding],
    ) -> None:
        checker = self._checkers.get(segment.tag)
        if checker is not None:
            problems = checker.check(segment.elements, delimiters)
            if problems:
                self._report(segment, position, loop_id, problems, findings)

    def _report(
        self,
        segment: Segment,
        position: int,
        loop_id: str | None,
        problems: Sequence[ElementProblem],
        findings: list[Finding],
    ) -> None:
        severity = self._severity
        for problem in problems:
            findings.append(
                Finding(
                    level=Level.ELEMENT,
                    code=problem.code,
                    severity=severity[problem.code],
                    message=f"{segment.tag}{problem.element_position:02d}: {problem.message}",
                    segment=segment.tag,
                    segment_position=position,
                    loop=loop_id,
                    element_position=problem.element_position,
                    component_position=problem.component_position,
                    element_reference=problem.reference,
                    value=quotable(problem.value),
                )
            )

    def _segment_finding(
        self, code: SegmentError, tag: str, position: int, loop_id: str | None, message: str
    ) -> Finding:
        return Finding(
            level=Level.SEGMENT,
            code=code,
            severity=self._severity[code],
            message=message,
            segment=tag,
            segment_position=position,
            loop=loop_id,
        )


def _open(stack: list[Frame], level: Body | None) -> str | None:
    """A new repetition of the loop ``level`` (and of loops that start it), its trigger placed."""
    while level is not None:
        opened = Frame(level, 0)
        opened.counts[0] = 1
        stack.append(opened)
        level = level.entries[0].level
    return stack[-1].level.loop_id


def _segment_order(finding: Finding) -> tuple[int, int, int]:
    return (
        finding.segment_position or 0,
        0 if finding.level is Level.SEGMENT else 1,
        finding.element_position or 0,
    )


class DictionaryValidator:
    """Every set of one dictionary, each compiled on first use; segment checkers shared."""

    __slots__ = ("_checkers", "_sets", "_severity", "dictionary", "functional_groups")

    def __init__(self, dictionary: Dictionary, severity: SeverityPolicy) -> None:
        self.dictionary = dictionary
        self._severity = Severities(severity)
        self._checkers = {tag: SegmentChecker(spec) for tag, spec in dictionary.segments.items()}
        self._sets: dict[str, SetValidator] = {}  # compiled as each set is first met
        self.functional_groups = frozenset(
            spec.functional_group for spec in dictionary.sets.values()
        )

    @property
    def version(self) -> str:
        return self.dictionary.version

    def for_set(self, code: str) -> SetValidator | None:
        """The validator of set ``code``, or ``None`` when the dictionary has no such set."""
        validator = self._sets.get(code)
        if validator is None:
            spec = self.dictionary.sets.get(code)
            if spec is None:
                return None
            validator = SetValidator(spec, self.dictionary, self._severity, checkers=self._checkers)
            self._sets[code] = validator
        return validator

    def functional_group_of(self, code: str) -> str | None:
        spec = self.dictionary.sets.get(code)
        return spec.functional_group if spec is not None else None


def validate_set(
    segments: Sequence[Segment],
    spec: TransactionSetSpec,
    dictionary: Dictionary,
    delimiters: Delimiters,
    severity: SeverityPolicy,
) -> list[Finding]:
    """Findings of one set, compiling its validator on the spot.

    For one-off checks; a reader of many sets builds a ``DictionaryValidator``
    (or a ``SetValidator``) once and calls it for each set.
    """
    return SetValidator(spec, dictionary, severity).validate(segments, delimiters)
