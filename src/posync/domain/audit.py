"""The audit trail's hash chain: each entry seals its content and its predecessor.

Changing, inserting or deleting an entry after the fact breaks the chain at
that entry, and ``verify_chain`` names it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

GENESIS_HASH = "0" * 64


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    """One stored event: ``payload`` is its canonical JSON text."""

    sequence: int
    stream: str
    event_type: str
    payload: str
    recorded_at: datetime
    previous_hash: str
    entry_hash: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ChainBreak:
    sequence: int
    reason: str


def seal(
    *,
    previous_hash: str,
    sequence: int,
    stream: str,
    event_type: str,
    payload: str,
    recorded_at: datetime,
) -> str:
    """The hash of an entry: sha256 over its predecessor's hash and its own fields."""
    moment = recorded_at.astimezone(UTC).isoformat(timespec="microseconds")
    content = "\x1f".join((previous_hash, str(sequence), stream, event_type, moment, payload))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def chain(
    records: Iterable[tuple[str, str, str]],
    *,
    after_sequence: int,
    after_hash: str,
    recorded_at: datetime,
) -> list[AuditEntry]:
    """Seal ``(stream, event type, payload)`` records onto a chain whose head is given."""
    entries = []
    previous = after_hash
    for sequence, (stream, event_type, payload) in enumerate(records, start=after_sequence + 1):
        entry_hash = seal(
            previous_hash=previous,
            sequence=sequence,
            stream=stream,
            event_type=event_type,
            payload=payload,
            recorded_at=recorded_at,
        )
        entries.append(
            AuditEntry(
                sequence=sequence,
                stream=stream,
                event_type=event_type,
                payload=payload,
                recorded_at=recorded_at,
                previous_hash=previous,
                entry_hash=entry_hash,
            )
        )
        previous = entry_hash
    return entries


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditReport:
    entries_checked: int
    breaks: tuple[ChainBreak, ...]

    @property
    def intact(self) -> bool:
        return not self.breaks


def verify_chain(
    entries: Iterable[AuditEntry], *, head: tuple[int, str] | None = None
) -> AuditReport:
    """Check every entry in sequence order; report each whose seal or link does not hold.

    ``head`` is the last entry's sequence and hash as kept apart from the
    entries; with it, entries cut off the end of the log are found too.
    """
    checked = 0
    last_sequence = 0
    breaks: list[ChainBreak] = []
    expected_previous = GENESIS_HASH
    for entry in entries:
        checked += 1
        if entry.previous_hash != expected_previous:
            breaks.append(
                ChainBreak(
                    sequence=entry.sequence,
                    reason="its link to the entry before it is broken "
                    "(an entry was removed, inserted or re-sealed)",
                )
            )
        recomputed = seal(
            previous_hash=entry.previous_hash,
            sequence=entry.sequence,
            stream=entry.stream,
            event_type=entry.event_type,
            payload=entry.payload,
            recorded_at=entry.recorded_at,
        )
        if recomputed != entry.entry_hash:
            breaks.append(
                ChainBreak(
                    sequence=entry.sequence,
                    reason="its content no longer matches its hash (the row was altered)",
                )
            )
        expected_previous = entry.entry_hash
        last_sequence = entry.sequence
    if head is not None and head != (last_sequence, expected_previous):
        breaks.append(
            ChainBreak(
                sequence=head[0],
                reason=f"the log ends at entry {last_sequence}, but its head records entry "
                f"{head[0]} (entries were removed from the end, or the head was changed)",
            )
        )
    return AuditReport(entries_checked=checked, breaks=tuple(breaks))
