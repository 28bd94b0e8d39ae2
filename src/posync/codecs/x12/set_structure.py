"""A transaction set's structure, compiled for reading segments in one pass.

Each level (the set's body, or the body of one loop) becomes a ``Body``: its
entries (a segment, or a loop with its own ``Body``) and two tables
precomputed from every place the reader can stand at:

- ``forward[place + 1][tag]``: the entry the tag goes to next at this level
  (the first one at or after ``place``), with the mandatory entries that the
  step passes over;
- ``mandatory_after[place + 1]``: the mandatory entries still ahead, which
  are missing if the level closes now.

So placing a segment in order costs a dictionary lookup per open level. A
loop's own trigger (its entry 0) never places a segment inside the loop: met
again, it ends this repetition and opens the next one, one level up.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from posync.codecs.x12.dictionary.schema import Loop, SegmentUse, Usage


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

    __slots__ = ("by_tag", "entries", "forward", "loop_id", "mandatory_after")

    def __init__(self, body: Sequence[SegmentUse | Loop], loop_id: str | None) -> None:
        self.loop_id = loop_id
        self.entries = tuple(_entry(part) for part in body)
        by_tag: dict[str, list[int]] = {}
        first = 0 if loop_id is None else 1
        for index in range(first, len(self.entries)):
            by_tag.setdefault(self.entries[index].tag, []).append(index)
        self.by_tag = {tag: tuple(indices) for tag, indices in by_tag.items()}
        places = range(-1, len(self.entries))
        self.forward = tuple(self._steps_from(place) for place in places)
        self.mandatory_after = tuple(
            self._mandatory_between(place, len(self.entries)) for place in places
        )

    def _steps_from(self, place: int) -> dict[str, tuple[int, tuple[int, ...]]]:
        steps = {}
        for tag, indices in self.by_tag.items():
            ahead = [index for index in indices if index >= place]
            if ahead:
                steps[tag] = (ahead[0], self._mandatory_between(place, ahead[0]))
        return steps

    def _mandatory_between(self, place: int, stop: int) -> tuple[int, ...]:
        return tuple(index for index in range(place + 1, stop) if self.entries[index].mandatory)

    def tags(self) -> Iterator[str]:
        """Every tag of this level and the levels inside it."""
        for entry in self.entries:
            yield entry.tag
            if entry.level is not None:
                yield from entry.level.tags()


class Frame:
    """An open level while a set is read: where the reader stands, what each entry has had."""

    __slots__ = ("counts", "level", "place")

    def __init__(self, level: Body, place: int) -> None:
        self.level = level
        self.place = place
        self.counts = [0] * len(level.entries)


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
