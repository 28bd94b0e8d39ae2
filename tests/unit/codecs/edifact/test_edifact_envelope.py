"""Interchanges, groups and messages: counts, references, headers, written and read back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from posync.codecs.edifact.envelope import (
    GroupClosed,
    InterchangeClosed,
    MessageRead,
    read_interchanges,
    write_interchange,
)
from posync.codecs.edifact.envelope_events import MessageIdentifier, Party
from posync.codecs.edifact.envelope_writer import OutboundMessage
from posync.codecs.edifact.findings import Level, Severity, SyntaxErrorCode
from posync.codecs.edifact.segments import segment
from posync.codecs.edifact.validation import DirectoryValidator
from posync.codecs.errors import EncodeError
from unit.codecs.edifact.edifact_samples import ORDER_BODY, interchange, message

ORDERS = MessageIdentifier("ORDERS", "D", "96A", "UN")


def _events(text: str, validate: bool = True) -> list[object]:
    return list(
        read_interchanges([text.encode("latin-1")], DirectoryValidator() if validate else None)
    )


def _codes(findings: tuple[object, ...]) -> list[tuple[str, str]]:
    return [(f.level.value, f.code.value) for f in findings]  # type: ignore[attr-defined]


def test_a_clean_file_of_two_interchanges_reads_clean() -> None:
    text = (
        interchange(message("1"), message("2"))
        + "\r\n"
        + interchange(message("9"), control="43", una="UNA:+.? '")
    )

    events = _events(text)

    assert [type(e).__name__ for e in events] == [
        "MessageRead", "MessageRead", "InterchangeClosed", "MessageRead", "InterchangeClosed",
    ]  # fmt: skip
    assert all(not e.findings for e in events)  # type: ignore[attr-defined]
    first = events[0]
    assert isinstance(first, MessageRead)
    assert first.identifier == ORDERS
    assert first.interchange.sender == Party(id="POSYNC", qualifier="ZZ")
    assert first.interchange.recipient == Party(id="EURODIS", qualifier="14")
    assert first.interchange.control_reference == "42"
    assert first.segments[0].tag == "UNH"
    assert first.segments[-1].tag == "UNT"
    closed = events[2]
    assert isinstance(closed, InterchangeClosed)
    assert [m.reference for m in closed.messages] == ["1", "2"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (interchange(message("1").replace("UNT+12+1", "UNT+11+1")), ("message", "29")),
        (interchange(message("1").replace("UNT+12+1", "UNT+12+2")), ("message", "28")),
        (interchange(message("1"), count=3), ("interchange", "29")),
        (interchange(message("1")).replace("UNZ+1+42", "UNZ+1+41"), ("interchange", "28")),
        (interchange(message("1").replace("UNT+12+1'", "")), ("message", "13")),
        (interchange(message("1"), identifier="UNOX:3"), ("interchange", "2")),
        (interchange(message("1"), identifier="UNOC:9"), ("interchange", "2")),
        (interchange(message("1"), date="261324:1030"), ("interchange", "12")),
        (interchange(message("1"), identifier="UNOC:4"), ("interchange", "12")),  # YYMMDD in 4
        (interchange(message("1"), "FTX+AAA'"), ("interchange", "33")),
        (interchange(), ("interchange", "32")),
        (interchange(message("1", kind="INVRPT")), ("message", "14")),
    ],
)
def test_envelope_errors_carry_their_code_and_level(text: str, expected: tuple[str, str]) -> None:
    found = [
        (finding.level.value, finding.code.value)
        for event in _events(text)
        for finding in event.findings  # type: ignore[attr-defined]
    ]

    assert expected in found


def test_a_missing_unz_closes_the_interchange_with_a_finding() -> None:
    events = _events(interchange(message("1")).replace("UNZ+1+42'", ""))

    closed = events[-1]
    assert isinstance(closed, InterchangeClosed)
    assert ("interchange", "13") in _codes(closed.findings)
    assert closed.rejected


def test_functional_groups_are_counted_and_referenced() -> None:
    group = "UNG+ORDERS+POSYNC+EURODIS+260924:1030+G1+UN+D:96A'{}UNE+{}+{}'"
    text = interchange(
        group.format(message("1") + message("2"), 2, "G1"),
        group.format(message("3"), 5, "G2").replace("+G1+", "+G2+"),
        control="42",
        count=2,
    )

    events = _events(text)

    groups = [e for e in events if isinstance(e, GroupClosed)]
    assert [g.group.reference for g in groups] == ["G1", "G2"]
    assert not groups[0].findings
    assert _codes(groups[1].findings) == [("group", "29")]
    closed = events[-1]
    assert isinstance(closed, InterchangeClosed)
    assert len(closed.groups) == 2
    assert not closed.findings
    assert isinstance(events[0], MessageRead)
    assert events[0].group is not None


def test_groups_and_loose_messages_do_not_mix() -> None:
    text = interchange(
        message("1"), "UNG+ORDERS+A+B+260924:1030+G1+UN+D:96A'" + message("2") + "UNE+1+G1'"
    )

    closed = _events(text)[-1]

    assert ("interchange", "30") in _codes(closed.findings)  # type: ignore[attr-defined]


def test_characters_outside_the_repertoire_are_found_in_their_message() -> None:
    text = interchange(
        message("1", ORDER_BODY.replace("LODZ", "Lodz")),
        message("2", ORDER_BODY.replace("LODZ", "\xc5\x81\xc3\xb3d\xc5\xba")),
        identifier="UNOA:3",
    )

    reads = [e for e in _events(text) if isinstance(e, MessageRead)]

    lower = [f for f in reads[0].findings if f.code is SyntaxErrorCode.INVALID_CHARACTERS]
    assert [(f.severity, f.segment, f.segment_position) for f in lower] == [
        (Severity.WARNING, "NAD", 5)
    ]
    assert not reads[0].rejected
    assert reads[1].rejected
    undecodable = [f for f in reads[1].findings if f.code is SyntaxErrorCode.INVALID_CHARACTERS]
    assert "byte 0xC5" in undecodable[0].message
    assert undecodable[0].level is Level.SEGMENT


def test_an_unvalidated_reader_still_checks_the_envelope() -> None:
    events = _events(interchange(message("1", kind="INVRPT")), validate=False)

    assert not events[0].findings  # type: ignore[attr-defined]


def test_written_interchanges_read_back_with_their_header() -> None:
    body = [
        segment("BGM", "220", "PO+1", "9"),
        segment("NAD", "DP", "", "", "Łódź"),
        segment("UNS", "S"),
    ]
    messages = [OutboundMessage(reference=str(n), identifier=ORDERS, body=body) for n in (1, 2)]

    data = write_interchange(
        messages,
        sender=Party(id="POSYNC", qualifier="ZZ"),
        recipient=Party(id="EURODIS", qualifier="14"),
        control_reference="77",
        at=datetime(2026, 9, 24, 10, 30, tzinfo=UTC),
        syntax_identifier="UNOD",
        syntax_version="4",
        una=True,
        acknowledgement_requested=True,
        test=True,
    )
    events = list(read_interchanges([data]))

    assert data.startswith(b"UNA:+.?*'UNB+UNOD:4+POSYNC:ZZ+EURODIS:14+20260924:1030+77")
    first = events[0]
    assert isinstance(first, MessageRead)
    assert first.segments[1].component(2) == "PO+1"
    assert first.segments[2].component(4) == "Łódź"
    assert first.interchange.acknowledgement_requested
    assert first.interchange.test
    assert all(not e.findings for e in events)  # type: ignore[attr-defined]


def test_writing_refuses_what_an_interchange_cannot_hold() -> None:
    with pytest.raises(EncodeError) as raised:
        write_interchange(
            [OutboundMessage(reference="", identifier=ORDERS, body=[])],
            sender=Party(id=""),
            recipient=Party(id="X"),
            control_reference="123456789012345",
            at=datetime(2026, 9, 24, tzinfo=UTC),
            syntax_identifier="UNOZ",
        )

    fields = {problem.field for problem in raised.value.problems}
    assert fields == {
        "sender.id",
        "control_reference",
        "messages[0].reference",
        "syntax_identifier",
    }
