"""Interchanges, groups and sets as a stream of events, each envelope checked as it closes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posync.codecs.x12.envelope import (
    GroupClosed,
    InterchangeAcknowledgementRead,
    InterchangeClosed,
    InterchangeEvent,
    SetRead,
    read_interchanges,
)
from posync.codecs.x12.findings import (
    Finding,
    GroupError,
    InterchangeError,
    SetError,
    SyntaxCode,
)
from posync.codecs.x12.syntax import X12SyntaxError
from unit.codecs.x12.x12_sample_dictionary import (
    VALIDATORS,
    interchange,
    isa,
    purchase_order_body,
    purchase_order_interchange,
    severity_of,
    transaction_set,
    with_delimiters,
)

TWO_INTERCHANGES = (
    purchase_order_interchange(2, control=1)
    + with_delimiters(
        interchange(
            [
                transaction_set("850", purchase_order_body(1, "PO-2001"), "0001"),
                transaction_set("850", purchase_order_body(3, "PO-2002"), "0002"),
            ],
            control=2,
            version="005010",
            isa_version="00501",
        ),
        "|",
        ":",
        "\n",
    )
).encode()


def events_of(data: bytes | str, chunk: int | None = None) -> list[InterchangeEvent]:
    raw = data.encode() if isinstance(data, str) else data
    chunks = [raw] if chunk is None else [raw[i : i + chunk] for i in range(0, len(raw), chunk)]
    return list(read_interchanges(chunks, VALIDATORS, severity_of))


def comparable(events: list[InterchangeEvent]) -> list[object]:
    """Events with their segments as text and offsets (segments compare by identity)."""
    seen: list[object] = []
    for event in events:
        if isinstance(event, SetRead):
            lines = [(s.tag, tuple(s.elements), s.offset) for s in event.segments]
            seen.append((replace(event, segments=()), lines))
        elif isinstance(event, InterchangeAcknowledgementRead):
            seen.append((event.interchange, event.segment.elements))
        else:
            seen.append(event)
    return seen


def codes(findings: tuple[Finding, ...]) -> list[SyntaxCode]:
    return [finding.code for finding in findings]


def kinds(events: list[InterchangeEvent]) -> list[str]:
    return [type(event).__name__ for event in events]


def test_two_interchanges_with_their_own_delimiters_read_set_by_set() -> None:
    events = events_of(TWO_INTERCHANGES)

    assert kinds(events) == [
        "SetRead", "GroupClosed", "InterchangeClosed",
        "SetRead", "SetRead", "GroupClosed", "InterchangeClosed",
    ]  # fmt: skip
    sets = [event for event in events if isinstance(event, SetRead)]
    assert [(s.code, s.control_number, s.segments[1].get(3)) for s in sets] == [
        ("850", "0001", "PO-1001"),
        ("850", "0001", "PO-2001"),
        ("850", "0002", "PO-2002"),
    ]
    assert [s.delimiters.element for s in sets] == ["*", "|", "|"]
    assert sets[1].delimiters.repetition == "^"
    assert all(not s.findings and not s.rejected for s in sets)
    closed = [event for event in events if isinstance(event, InterchangeClosed)]
    assert [(c.interchange.control_number, c.group_count, c.findings) for c in closed] == [
        ("000000001", 1, ()),
        ("000000002", 1, ()),
    ]


@given(st.integers(min_value=1, max_value=400))
def test_any_chunking_reads_the_same_events(size: int) -> None:
    assert comparable(events_of(TWO_INTERCHANGES, chunk=size)) == comparable(
        events_of(TWO_INTERCHANGES)
    )


def test_a_set_carries_its_envelope_context() -> None:
    event = events_of(TWO_INTERCHANGES)[3]
    assert isinstance(event, SetRead)

    header, group = event.interchange, event.group
    assert (header.sender_qualifier, header.sender_id) == ("ZZ", "NORTHWIND")
    assert (header.receiver_qualifier, header.receiver_id) == ("ZZ", "ACME")
    assert (header.date, header.time, header.version) == ("260924", "1030", "00501")
    assert (header.usage, header.acknowledgement_requested) == ("T", False)
    assert (group.functional_id, group.control_number, group.version) == ("PO", "7", "005010")
    assert (group.sender_code, group.receiver_code) == ("NORTHWIND", "ACME")
    assert [segment.tag for segment in event.segments][:2] == ["ST", "BEG"]
    assert event.segments[-1].tag == "SE"


def test_a_group_close_lists_the_result_of_each_set() -> None:
    closed = events_of(TWO_INTERCHANGES)[5]
    assert isinstance(closed, GroupClosed)

    assert [(result.code, result.control_number) for result in closed.sets] == [
        ("850", "0001"),
        ("850", "0002"),
    ]
    assert closed.declared_set_count == "2"
    assert not closed.rejected


def test_set_trailer_errors() -> None:
    text = interchange(
        [
            transaction_set("850", purchase_order_body(), "0001", count=12),
            ["ST*850*0002", *purchase_order_body(), f"SE*{len(purchase_order_body()) + 2}*0003"],
        ]
    )

    first, second = events_of(text)[:2]

    assert isinstance(first, SetRead)
    assert isinstance(second, SetRead)
    assert codes(first.findings) == [SetError.SEGMENT_COUNT_MISMATCH]
    assert codes(second.findings) == [SetError.CONTROL_NUMBER_MISMATCH]
    assert first.rejected
    assert second.rejected


def test_group_trailer_errors_reject_the_group() -> None:
    text = interchange(
        [transaction_set("850", purchase_order_body())], set_count=2, group_trailer_control="8"
    )

    closed = events_of(text)[1]

    assert isinstance(closed, GroupClosed)
    assert codes(closed.findings) == [
        GroupError.SET_COUNT_MISMATCH,
        GroupError.CONTROL_NUMBER_MISMATCH,
    ]
    assert closed.rejected


def test_interchange_trailer_errors() -> None:
    text = interchange([transaction_set("850", purchase_order_body())], group_count=2)
    text = text.replace("IEA*2*000000001", "IEA*2*000000009")

    closed = events_of(text)[-1]

    assert isinstance(closed, InterchangeClosed)
    assert codes(closed.findings) == [
        InterchangeError.GROUP_COUNT_INVALID,
        InterchangeError.CONTROL_NUMBER_MISMATCH,
    ]


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("*260924*", "*260931*", InterchangeError.DATE_INVALID),
        ("*1030*U*", "*2460*U*", InterchangeError.TIME_INVALID),
        ("*0*T*>", "*2*T*>", InterchangeError.ACKNOWLEDGEMENT_REQUESTED_INVALID),
        ("*0*T*>", "*0*X*>", InterchangeError.TEST_INDICATOR_INVALID),
        ("*00401*", "*0040A*", InterchangeError.VERSION_ID_INVALID),
        ("*000000001*0", "*00000000A*0", InterchangeError.CONTROL_NUMBER_INVALID),
        ("*ZZ*NORTHWIND", "*Z!*NORTHWIND", InterchangeError.SENDER_QUALIFIER_INVALID),
        ("ISA*00*", "ISA*09*", InterchangeError.AUTHORIZATION_QUALIFIER_INVALID),
        ("*1030*U*", "*1030*^*", InterchangeError.STANDARDS_IDENTIFIER_INVALID),
    ],
)
def test_isa_fields_are_checked_when_the_interchange_opens(
    old: str, new: str, code: InterchangeError
) -> None:
    events = events_of(purchase_order_interchange().replace(old, new, 1))

    first, closed = events[0], events[-1]
    assert isinstance(first, SetRead)
    assert isinstance(closed, InterchangeClosed)
    assert codes(first.interchange.findings) == [code]
    assert codes(closed.findings)[0] == code
    assert first.rejected is (severity_of(code).value == "error")


def test_a_field_of_the_wrong_width_is_reported_with_its_field_code() -> None:
    text = purchase_order_interchange().replace(
        "*ZZ*NORTHWIND      *ZZ*ACME           *", "*ZZ*NORTHWIND     *ZZ*ACME            *", 1
    )

    closed = events_of(text)[-1]

    assert isinstance(closed, InterchangeClosed)
    assert codes(closed.findings) == [
        InterchangeError.SENDER_ID_INVALID,
        InterchangeError.RECEIVER_ID_INVALID,
    ]


def test_the_input_ending_inside_a_set_closes_everything_with_findings() -> None:
    text = purchase_order_interchange()
    cut = text[: text.index("CTT")]

    events = events_of(cut)

    assert kinds(events) == ["SetRead", "GroupClosed", "InterchangeClosed"]
    read, group, closed = events
    assert isinstance(read, SetRead)
    assert isinstance(group, GroupClosed)
    assert isinstance(closed, InterchangeClosed)
    assert codes(read.findings) == [SetError.TRAILER_MISSING]
    assert codes(group.findings) == [GroupError.TRAILER_MISSING]
    assert codes(closed.findings) == [InterchangeError.PREMATURE_END_OF_FILE]


def test_the_input_ending_inside_a_segment_is_a_premature_end_too() -> None:
    text = purchase_order_interchange()
    cut = text[: text.index("CTT") + 2]

    closed = events_of(cut)[-1]

    assert isinstance(closed, InterchangeClosed)
    assert codes(closed.findings) == [InterchangeError.PREMATURE_END_OF_FILE]
    assert "ends inside a segment" in closed.findings[0].message


def test_a_new_isa_before_the_iea_closes_the_first_interchange() -> None:
    first = purchase_order_interchange(control=1)
    text = first[: first.index("IEA")] + purchase_order_interchange(control=2)

    closed = [event for event in events_of(text) if isinstance(event, InterchangeClosed)]

    assert [c.interchange.control_number for c in closed] == ["000000001", "000000002"]
    assert codes(closed[0].findings) == [InterchangeError.PREMATURE_END_OF_FILE]
    assert closed[1].findings == ()


def test_a_ta1_in_an_interchange_is_handed_on() -> None:
    text = isa(3) + "TA1*000000001*260924*1030*A*000~IEA*0*000000003~"

    events = events_of(text)

    assert kinds(events) == ["InterchangeAcknowledgementRead", "InterchangeClosed"]
    assert isinstance(events[0], InterchangeAcknowledgementRead)
    assert events[0].segment.get(4) == "A"
    assert isinstance(events[1], InterchangeClosed)
    assert events[1].findings == ()


def test_segments_outside_any_group_or_set_are_reported() -> None:
    text = purchase_order_interchange().replace("GE*1*7~\n", "GE*1*7~\nREF*DP*1~\nSE*2*0001~\n")

    closed = events_of(text)[-1]

    assert isinstance(closed, InterchangeClosed)
    assert codes(closed.findings) == [
        InterchangeError.CONTENT_INVALID,
        InterchangeError.CONTROL_STRUCTURE_INVALID,
    ]


def test_a_version_posync_does_not_read_rejects_the_group_and_its_sets() -> None:
    text = interchange([transaction_set("850", purchase_order_body())], version="003050")

    read, group = events_of(text)[:2]

    assert isinstance(read, SetRead)
    assert isinstance(group, GroupClosed)
    assert read.findings == ()  # not validated against rules it was not written to
    assert read.rejected
    assert codes(group.findings) == [GroupError.VERSION_NOT_SUPPORTED]


def test_a_functional_group_posync_does_not_read() -> None:
    text = interchange([transaction_set("850", purchase_order_body())], functional_id="IN")

    group = events_of(text)[1]

    assert isinstance(group, GroupClosed)
    assert codes(group.findings) == [GroupError.NOT_SUPPORTED]


def test_a_set_the_group_does_not_carry() -> None:
    text = interchange([transaction_set("855", ["BAK*00*AC*PO-1*20260924"])])

    read = events_of(text)[0]

    assert isinstance(read, SetRead)
    assert codes(read.findings) == [SetError.NOT_SUPPORTED]


def test_a_set_is_validated_against_its_dictionary() -> None:
    body = purchase_order_body()
    body[0] = "BEG*00*XX*PO-1**20260924"

    read = events_of(interchange([transaction_set("850", body)]))[0]

    assert isinstance(read, SetRead)
    assert [(f.segment, f.element_position, f.code.value) for f in read.findings] == [
        ("BEG", 2, "7")
    ]


def test_bytes_that_are_not_x12_raise() -> None:
    with pytest.raises(X12SyntaxError):
        events_of(b"UNB+UNOC:3+SENDER+RECEIVER'")


def test_garbage_after_a_complete_interchange_raises_after_its_events() -> None:
    reader = read_interchanges(
        [(purchase_order_interchange() + "garbage" * 20).encode()], VALIDATORS, severity_of
    )

    assert kinds([next(reader), next(reader), next(reader)]) == [
        "SetRead",
        "GroupClosed",
        "InterchangeClosed",
    ]
    with pytest.raises(X12SyntaxError):
        next(reader)
