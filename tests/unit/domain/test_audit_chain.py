"""The audit hash chain: every tampering is reported at the exact entry it breaks."""

from __future__ import annotations

import dataclasses
import itertools
import re
from datetime import timedelta, timezone
from typing import Any

import pytest

from posync.domain.audit import GENESIS_HASH, AuditEntry, chain, seal, verify_chain
from support.documents import utc

ALTERED = "its content no longer matches its hash (the row was altered)"
UNLINKED = "its link to the entry before it is broken (an entry was removed, inserted or re-sealed)"
START = utc(2026, 11, 20, 8)


def sealed_entry(previous_hash: str, sequence: int, payload: str | None = None) -> AuditEntry:
    fields = {
        "sequence": sequence,
        "stream": f"PO-{1000 + sequence % 2}",
        "event_type": "PurchaseOrderStatusChanged",
        "payload": payload if payload is not None else f'{{"step":{sequence}}}',
        "recorded_at": START + timedelta(minutes=sequence),
    }
    return AuditEntry(
        previous_hash=previous_hash,
        entry_hash=seal(previous_hash=previous_hash, **fields),  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )


def sealed_chain(length: int = 5) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    previous = GENESIS_HASH
    for sequence in range(1, length + 1):
        entries.append(sealed_entry(previous, sequence))
        previous = entries[-1].entry_hash
    return entries


def broken_at(entries: list[AuditEntry]) -> list[tuple[int, str]]:
    return [(b.sequence, b.reason) for b in verify_chain(entries).breaks]


def test_an_untouched_chain_verifies() -> None:
    entries = sealed_chain()

    report = verify_chain(entries)

    assert report.intact
    assert report.entries_checked == 5
    assert report.breaks == ()
    assert entries[0].previous_hash == GENESIS_HASH
    assert all(b.previous_hash == a.entry_hash for a, b in itertools.pairwise(entries))


def test_an_empty_chain_verifies() -> None:
    report = verify_chain([])

    assert report.intact
    assert report.entries_checked == 0


def test_verify_accepts_any_iterable_once() -> None:
    assert verify_chain(iter(sealed_chain())).entries_checked == 5


def test_an_altered_payload_is_reported_at_its_entry_only() -> None:
    entries = sealed_chain()
    entries[2] = dataclasses.replace(entries[2], payload='{"step":99}')

    assert broken_at(entries) == [(3, ALTERED)]
    assert not verify_chain(entries).intact


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("stream", "PO-9999"),
        ("event_type", "PurchaseOrderCreated"),
        ("recorded_at", START + timedelta(minutes=2, microseconds=1)),
    ],
)
def test_any_altered_field_is_reported_at_its_entry(field: str, value: Any) -> None:
    entries = sealed_chain()
    entries[1] = dataclasses.replace(entries[1], **{field: value})

    assert broken_at(entries) == [(2, ALTERED)]


def test_the_same_moment_in_another_time_zone_is_not_an_alteration() -> None:
    entries = sealed_chain()
    moment = entries[1].recorded_at.astimezone(timezone(timedelta(hours=-5)))
    entries[1] = dataclasses.replace(entries[1], recorded_at=moment)

    assert verify_chain(entries).intact


def test_an_altered_sequence_number_is_reported_under_the_number_it_now_has() -> None:
    entries = sealed_chain()
    entries[3] = dataclasses.replace(entries[3], sequence=40)

    assert broken_at(entries) == [(40, ALTERED)]


def test_a_deleted_entry_breaks_the_link_of_the_next_one() -> None:
    entries = sealed_chain()
    del entries[2]

    assert broken_at(entries) == [(4, UNLINKED)]


def test_deleting_the_first_entry_breaks_the_link_of_the_second() -> None:
    assert broken_at(sealed_chain()[1:]) == [(2, UNLINKED)]


def test_an_entry_re_sealed_after_a_change_breaks_the_link_after_it() -> None:
    entries = sealed_chain()
    entries[2] = sealed_entry(entries[1].entry_hash, 3, payload='{"step":"forged"}')

    assert broken_at(entries) == [(4, UNLINKED)]


def test_an_inserted_entry_breaks_the_link_of_the_entry_after_it() -> None:
    entries = sealed_chain()
    entries.insert(2, sealed_entry(entries[1].entry_hash, 3, payload='{"step":"inserted"}'))

    assert broken_at(entries) == [(3, UNLINKED)]


def test_a_first_entry_not_linked_to_genesis_is_reported() -> None:
    entries = sealed_chain()
    entries[0] = sealed_entry("f" * 64, 1)

    assert broken_at(entries) == [(1, UNLINKED), (2, UNLINKED)]


def test_swapped_payloads_are_reported_at_both_entries() -> None:
    entries = sealed_chain()
    second, third = entries[1], entries[2]
    entries[1] = dataclasses.replace(second, payload=third.payload)
    entries[2] = dataclasses.replace(third, payload=second.payload)

    assert broken_at(entries) == [(2, ALTERED), (3, ALTERED)]


def test_two_swapped_entries_break_every_link_around_them() -> None:
    entries = sealed_chain()
    entries[1], entries[2] = entries[2], entries[1]

    assert broken_at(entries) == [(3, UNLINKED), (2, UNLINKED), (4, UNLINKED)]


def test_an_entry_both_altered_and_unlinked_is_reported_twice() -> None:
    entries = sealed_chain()
    del entries[1]
    entries[1] = dataclasses.replace(entries[1], payload="{}")

    assert broken_at(entries) == [(3, UNLINKED), (3, ALTERED)]


def test_the_seal_covers_every_field_and_the_predecessor() -> None:
    base: dict[str, Any] = {
        "previous_hash": GENESIS_HASH,
        "sequence": 1,
        "stream": "PO-1",
        "event_type": "PurchaseOrderCreated",
        "payload": "{}",
        "recorded_at": START,
    }
    variants: list[dict[str, Any]] = [
        {"previous_hash": "1" * 64},
        {"sequence": 2},
        {"stream": "PO-2"},
        {"event_type": "PurchaseOrderRevised"},
        {"payload": "{ }"},
        {"recorded_at": START + timedelta(microseconds=1)},
    ]

    original = seal(**base)

    assert re.fullmatch("[0-9a-f]{64}", original)
    assert seal(**base) == original
    for variant in variants:
        assert seal(**(base | variant)) != original, variant


def test_fields_cannot_be_shifted_across_the_separator() -> None:
    one = seal(
        previous_hash=GENESIS_HASH,
        sequence=1,
        stream="PO-1",
        event_type="Created",
        payload="{}",
        recorded_at=START,
    )
    shifted = seal(
        previous_hash=GENESIS_HASH,
        sequence=1,
        stream="PO-1Created",
        event_type="",
        payload="{}",
        recorded_at=START,
    )

    assert one != shifted


def test_chain_seals_records_onto_the_given_head() -> None:
    head = sealed_chain(2)
    records = [("PO-1", "PurchaseOrderRevised", "{}"), ("PO-2", "PurchaseOrderCreated", "[]")]

    more = chain(records, after_sequence=2, after_hash=head[-1].entry_hash, recorded_at=START)

    assert [(e.sequence, e.stream, e.event_type, e.payload) for e in more] == [
        (3, "PO-1", "PurchaseOrderRevised", "{}"),
        (4, "PO-2", "PurchaseOrderCreated", "[]"),
    ]
    assert {e.recorded_at for e in more} == {START}
    assert verify_chain([*head, *more]).intact


def test_chain_from_genesis_starts_at_sequence_1() -> None:
    entries = chain(
        [("PO-1", "T", "{}")], after_sequence=0, after_hash=GENESIS_HASH, recorded_at=START
    )

    assert entries[0].sequence == 1
    assert verify_chain(entries).intact
    assert chain([], after_sequence=0, after_hash=GENESIS_HASH, recorded_at=START) == []
