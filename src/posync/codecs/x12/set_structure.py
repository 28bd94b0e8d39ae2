"""A transaction set's structure, compiled for reading segments in one pass.

Each level (the set's body, or the body of one loop) becomes a ``Body``: its
entries (a segment, or a loop with its own ``Body``) and two tables
precomputed from every place the reader can stand at:

- ``forward[place + 1][tag]``: the entry the tag goes to next at this level
  (the first one at or after ``place``), with the mandatory entries that the
  step passes over (a ``Step``, which also holds what the reader needs next);
- ``mandatory_after[place + 1]``: the mandatory entries still ahead, which
  are missing if the level closes now.

So placing a segment in order costs a dictionary lookup per open level. A
loop's own trigger (its entry 0) never places a segment inside the loop: met
again, it ends this repetition and opens the next one, one level up.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from posync.codecs.x12.dictionary.schema import Loop, SegmentUse, Usage

Step = tuple[int, tuple[int, ...], "Body | None", dict[str, "Step"], int]
"""Where a tag goes next at a level: the entry's index, the mandatory entries the step passes
over, the entry's loop (``None`` for a segment), the steps from there, the entry's limit."""


class Entry:
    """A segment or a loop at one place of a level."""

    __slots__ = ("level", "limit", "loop_id", "mandatory", "tag")

    def __init__(self, tag: str, mandatory: bool, limit: int, level: Body | None) -> None:
        self.tag = tag
        self.mandatory = mandatory
        self.limit = limit
        self.level = level
        self.loop_id = level.loop_id if level is not None else None


class Body:
    """The set's body or one loop's body: entries, and where each tag may go from each place."""

    __slots__ = ("by_tag", "entries", "forward", "loop_id", "mandatory_after", "zeros")

    def __init__(self, body: Sequence[SegmentUse | Loop], loop_id: str | None) -> None:
        self.loop_id = loop_id
        self.entries = tuple(_entry(part) for part in body)
        self.zeros = (0,) * len(self.entries)
        by_tag: dict[str, list[int]] = {}
        first = 0 if loop_id is None else 1
        for index in range(first, len(self.entries)):
            by_tag.setdefault(self.entries[index].tag, []).append(index)
        self.by_tag = {tag: tuple(indices) for tag, indices in by_tag.items()}
        # Indices in ascending order, so each lookup below is a bisection.
        mandatory = [index for index, entry in enumerate(self.entries) if entry.mandatory]
        places = range(-1, len(self.entries))
        self.forward: tuple[dict[str, Step], ...] = tuple({} for _ in places)
        for place in places:
            steps = self.forward[place + 1]
            passed_from = bisect_right(mandatory, place)
            for tag, indices in self.by_tag.items():
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
    """An open level while a set is read: where the reader stands, what each entry has had.

    ``ahead`` is ``level.forward[place + 1]``, kept in step with ``place`` by ``move``.
    """

    __slots__ = ("ahead", "counts", "level", "place")

    def __init__(self, level: Body, place: int) -> None:
        self.level = level
        self.place = place
        self.ahead = level.forward[place + 1]
        self.counts = [0] * len(level.entries)

    def restart(self) -> None:
        """Back to the start of the level, nothing counted: a new repetition of its loop."""
        self.place = 0
        self.ahead = self.level.forward[1]
        self.counts[:] = self.level.zeros

    def move(self, place: int) -> None:
        self.place = place
        self.ahead = self.level.forward[place + 1]


def _entry(part: SegmentUse | Loop) -> Entry:
    if isinstance(part, Loop):
        return Entry(
            part.trigger,
            part.usage is Usage.MANDATORY,
            part.max_repeat,
            Body(part.body, part.loop_id),
        )
    return Entry(part.tag, part.usage is Usage.MANDATORY, part.max_use, None)


def set_body(body: Sequence[SegmentUse | Loop]) -> Body:
    """The top level of a set: its body without the ST and SE that frame every set."""
    parts = list(body)
    if parts and isinstance(parts[0], SegmentUse) and parts[0].tag == "ST":
        parts.pop(0)
    if parts and isinstance(parts[-1], SegmentUse) and parts[-1].tag == "SE":
        parts.pop()
    return Body(parts, None)
