"""A message's structure, compiled for placing its segments in one pass.

Each level (the message body, or the body of one segment group) becomes a
``Level``: its entries (a segment, or a group with its own ``Level``) and,
for every place the reader can stand at, the entry each tag goes to next
(the first at or after the place, as a ``Step`` that also holds the mandatory
entries the step passes over and the steps from there) and the mandatory
entries still ahead. So placing a segment costs one dictionary lookup per
open level. A group's own
trigger never places a segment inside the group: met again, it ends this
repetition and opens the next, one level up.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from posync.codecs.edifact.dictionary.schema import SegmentGroup, SegmentUse

Step = tuple[int, tuple[int, ...], "Level | None", dict[str, "Step"], int]
"""Where a tag goes next at a level: the entry's index, the mandatory entries the step passes
over, the entry's group level (``None`` for a segment), the steps from there, the entry's limit."""


class Entry:
    """A segment or a group at one place of a level."""

    __slots__ = ("group", "level", "limit", "mandatory", "tag")

    def __init__(self, tag: str, mandatory: bool, limit: int, level: Level | None) -> None:
        self.tag = tag
        self.mandatory = mandatory
        self.limit = limit
        self.level = level
        self.group = level.group if level is not None else None


class Level:
    """A message body or a group body: entries, and where each tag goes from each place."""

    __slots__ = ("behind", "entries", "forward", "group", "mandatory_after")

    def __init__(self, body: Sequence[SegmentUse | SegmentGroup], group: str | None) -> None:
        self.group = group
        self.entries = tuple(_entry(part) for part in body)
        first = 0 if group is None else 1
        by_tag: dict[str, list[int]] = {}
        for index in range(first, len(self.entries)):
            by_tag.setdefault(self.entries[index].tag, []).append(index)
        self.behind = {tag: tuple(indices) for tag, indices in by_tag.items()}
        mandatory = [index for index, entry in enumerate(self.entries) if entry.mandatory]
        places = range(-1, len(self.entries))
        self.forward: tuple[dict[str, Step], ...] = tuple({} for _ in places)
        for place in places:
            steps = self.forward[place + 1]
            passed_from = bisect_right(mandatory, place)
            for tag, indices in by_tag.items():
                ahead = bisect_left(indices, place)
                if ahead < len(indices):
                    target = indices[ahead]
                    entry = self.entries[target]
                    passed_over = tuple(mandatory[passed_from : bisect_left(mandatory, target)])
                    steps[tag] = (
                        target,
                        passed_over,
                        entry.level,
                        self.forward[target + 1],
                        entry.limit,
                    )
        self.mandatory_after = tuple(
            tuple(mandatory[bisect_right(mandatory, place) :]) for place in places
        )

    def tags(self) -> Iterator[str]:
        """Every tag of this level and the levels inside it."""
        for entry in self.entries:
            yield entry.tag
            if entry.level is not None:
                yield from entry.level.tags()


class Frame:
    """An open level while a message is read: where the reader stands, what each entry has had."""

    __slots__ = ("ahead", "counts", "level", "place")

    def __init__(self, level: Level, place: int) -> None:
        self.level = level
        self.place = place
        self.ahead = level.forward[place + 1]
        self.counts = [0] * len(level.entries)

    def move(self, place: int) -> None:
        self.place = place
        self.ahead = self.level.forward[place + 1]


def _entry(part: SegmentUse | SegmentGroup) -> Entry:
    if isinstance(part, SegmentGroup):
        return Entry(part.trigger, part.mandatory, part.max_repeat, Level(part.body, part.name))
    return Entry(part.tag, part.mandatory, part.max_use, None)


def message_level(body: Sequence[SegmentUse | SegmentGroup]) -> Level:
    """The top level of a message: its body without the UNH and UNT that frame every message."""
    parts = list(body)
    if parts and isinstance(parts[0], SegmentUse) and parts[0].tag == "UNH":
        parts.pop(0)
    if parts and isinstance(parts[-1], SegmentUse) and parts[-1].tag == "UNT":
        parts.pop()
    return Level(parts, None)
