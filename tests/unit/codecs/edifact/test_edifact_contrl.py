"""CONTRL: written from the envelope's events, valid as a message, and read back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from posync.codecs.edifact.contrl import contrl_identifier, read_syntax_report, syntax_report
from posync.codecs.edifact.envelope import InterchangeClosed, MessageRead, read_interchanges
from posync.codecs.edifact.envelope_events import Party
from posync.codecs.edifact.envelope_writer import OutboundMessage, write_interchange
from posync.codecs.edifact.segments import Segment, segment
from posync.codecs.edifact.serialize import write_segments
from posync.codecs.edifact.syntax import DEFAULT_CHARACTERS, read_segments
from posync.codecs.edifact.validation import DirectoryValidator
from posync.codecs.errors import DecodeError
from posync.domain.documents.functional_acknowledgement import FunctionalAckStatus
from unit.codecs.edifact.edifact_samples import ORDER_BODY, interchange, message


def _closed(text: str) -> InterchangeClosed:
    events = list(read_interchanges([text.encode("latin-1")], DirectoryValidator()))
    closed = events[-1]
    assert isinstance(closed, InterchangeClosed)
    return closed


def _written(body: list[Segment]) -> str:
    return write_segments(body, DEFAULT_CHARACTERS)


def _sent_back(body: list[Segment]) -> list[MessageRead]:
    """The CONTRL as posync sends it, read as the partner would, validated."""
    data = write_interchange(
        [OutboundMessage(reference="C1", identifier=contrl_identifier("3"), body=body)],
        sender=Party(id="EURODIS", qualifier="14"),
        recipient=Party(id="POSYNC", qualifier="ZZ"),
        control_reference="900",
        at=datetime(2026, 9, 24, 11, 0, tzinfo=UTC),
    )
    return [
        e for e in read_interchanges([data], DirectoryValidator()) if isinstance(e, MessageRead)
    ]


def test_a_clean_interchange_is_acknowledged_message_by_message() -> None:
    body = syntax_report(_closed(interchange(message("1"), message("2"))))

    assert _written(body) == (
        "UCI+42+POSYNC:ZZ+EURODIS:14+7'UCM+1+ORDERS:D:96A:UN+7'UCM+2+ORDERS:D:96A:UN+7'"
    )
    read = _sent_back(body)
    assert read[0].findings == ()
    report = read_syntax_report(read[0].segments)
    assert report.control_number == "42"
    assert report.status is FunctionalAckStatus.ACCEPTED
    assert [(s.control_number, s.document_type, s.status) for s in report.sets] == [
        ("1", "purchase_order", FunctionalAckStatus.ACCEPTED),
        ("2", "purchase_order", FunctionalAckStatus.ACCEPTED),
    ]


def test_a_rejected_message_points_at_its_segments_and_elements() -> None:
    broken = ORDER_BODY.replace("QTY+21:12:PCE", "QTY+:1x2:PCE").replace("UNS+S'", "")
    body = syntax_report(_closed(interchange(message("1"), message("2", broken))))

    assert _written(body) == (
        "UCI+42+POSYNC:ZZ+EURODIS:14+7'"
        "UCM+1+ORDERS:D:96A:UN+7'"
        "UCM+2+ORDERS:D:96A:UN+4'"
        "UCS+8'UCD+13+1:1'UCD+37+1:2'"
        "UCS+9+13'"
    )
    read = _sent_back(body)
    assert read[0].findings == ()
    report = read_syntax_report(read[0].segments)
    assert report.status is FunctionalAckStatus.PARTIALLY_ACCEPTED
    rejected = report.sets[1]
    assert rejected.status is FunctionalAckStatus.REJECTED
    assert [(f.code, f.segment_position, f.element_position) for f in rejected.findings] == [
        ("13", 8, 1),
        ("37", 8, 1),
        ("13", 9, None),
    ]


def test_an_interchange_error_rejects_it_whole() -> None:
    body = syntax_report(_closed(interchange(message("1"), count=4)))

    assert _written(body) == "UCI+42+POSYNC:ZZ+EURODIS:14+4+29+UNZ+1'"
    report = read_syntax_report(body)
    assert report.status is FunctionalAckStatus.REJECTED
    assert [(f.code, f.segment, f.element_position) for f in report.findings] == [("29", "UNZ", 1)]


def test_an_unsupported_syntax_identifier_is_rejected_with_code_2() -> None:
    body = syntax_report(_closed(interchange(message("1"), identifier="UNOQ:3")))

    assert _written(body) == "UCI+42+POSYNC:ZZ+EURODIS:14+4+2+UNB+1:1'"


def test_receipt_only() -> None:
    body = syntax_report(_closed(interchange(message("1"))), received_only=True)

    assert _written(body) == "UCI+42+POSYNC:ZZ+EURODIS:14+8'"
    assert read_syntax_report(body).status is FunctionalAckStatus.ACCEPTED


def test_groups_are_answered_with_ucf() -> None:
    group = "UNG+ORDERS+POSYNC+EURODIS+260924:1030+G1+UN+D:96A'" + message("1") + "UNE+1+G1'"
    body = syntax_report(_closed(interchange(group)))

    assert _written(body) == (
        "UCI+42+POSYNC:ZZ+EURODIS:14+7'UCF+G1+POSYNC+EURODIS+7'UCM+1+ORDERS:D:96A:UN+7'"
    )
    assert _sent_back(body)[0].findings == ()


def _report(text: str) -> list[Segment]:
    return [s for s, _ in read_segments([f"UNB+UNOA:3+A+B+260924:1030+1'{text}UNZ+1+1'".encode()])][
        1:-1
    ]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("UCM+1+ORDERS:D:96A:UN+7'", "UCM"),
        ("UCI+42+A+B+9'", "UCI.0083"),
        ("UCI+42+A+B+7'UCD+12+1'", "UCD[2]"),
        ("UCI+42+A+B+7'UCM+1+ORDERS:D:96A:UN+7'UCS+X'", "UCS[3].0096"),
        ("UCI+42+A+B+7'FTX+AAA'", "FTX"),
        ("", "UCI"),
    ],
)
def test_a_malformed_contrl_is_refused_by_field(text: str, field: str) -> None:
    with pytest.raises(DecodeError) as raised:
        read_syntax_report(_report(text))

    assert field in [problem.field for problem in raised.value.problems]


def test_a_listed_error_under_an_acknowledged_message_is_accepted_with_errors() -> None:
    report = read_syntax_report(_report("UCI+42+A+B+7'UCM+1+INVRPT:D:96A:UN+7'UCS+4+35'"))

    assert report.sets[0].status is FunctionalAckStatus.ACCEPTED_WITH_ERRORS
    assert report.sets[0].document_type == "edifact_invrpt"


def test_a_contrl_segment_built_in_code_reads_too() -> None:
    body = [segment("UCI", "7", ("A", "ZZ"), "B", "4", "21", "UNH")]

    assert read_syntax_report(body).findings[0].code == "21"
