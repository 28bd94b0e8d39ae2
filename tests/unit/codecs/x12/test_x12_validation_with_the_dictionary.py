"""Validation and answers with posync's own dictionary and policy, not the test fixture."""

from __future__ import annotations

from posync.codecs.x12.acknowledgement import functional_acknowledgement
from posync.codecs.x12.dictionary.policy import severity_of
from posync.codecs.x12.dictionary.registry import dictionary_for
from posync.codecs.x12.envelope import GroupClosed, InterchangeEvent, SetRead, read_interchanges
from posync.codecs.x12.findings import SegmentError, Severity
from posync.codecs.x12.validation import DictionaryValidator
from unit.codecs.x12.x12_sample_dictionary import interchange, transaction_set

VALIDATORS = tuple(
    DictionaryValidator(dictionary_for(version), severity_of) for version in ("004010", "005010")
)


def purchase_order(lines: int) -> list[str]:
    """An 850 body shaped like the ones ERPs send (and bench/x12_bench.py generates)."""
    body = [
        "BEG*00*SA*PO-1001**20261120",
        "CUR*BY*USD",
        "REF*DP*038",
        "PER*BD*ADA BUYER*TE*5550100",
        "ITD*01*3*2**10**30",
        "DTM*002*20261215",
        "N1*BY*NORTHWIND MANUFACTURING*1*123456789",
        "N1*ST*NORTHWIND PLANT 1*92*PLANT1",
        "N3*1 MILL ROAD",
        "N4*DAYTON*OH*45402*US",
        "N1*SE*ACME INDUSTRIAL SUPPLY*1*987654321",
    ]
    for line in range(1, lines + 1):
        body += [
            f"PO1*{line}*{line * 3}*EA*12.3456**BP*ITEM-{line:04d}*VP*SUP-{line:04d}",
            f"PID*F****PART NUMBER {line}",
            "DTM*002*20261215",
        ]
    return [*body, f"CTT*{lines}"]


def events_of(text: str) -> list[InterchangeEvent]:
    return list(read_interchanges([text.encode()], VALIDATORS, severity_of))


def test_a_twenty_line_purchase_order_is_clean() -> None:
    events = events_of(interchange([transaction_set("850", purchase_order(20))]))

    read, closed = events[0], events[1]
    assert isinstance(read, SetRead)
    assert isinstance(closed, GroupClosed)
    assert read.findings == ()
    assert functional_acknowledgement(closed)[-1] == ["AK9", "A", "1", "1", "1"]


def test_mock_edi_writing_ack_before_pid_is_accepted_with_a_warning() -> None:
    body = [
        "BAK*00*AC*PO-1001*20261120",
        "PO1*1*10*EA*12.50**BP*ITEM-0001*VP*SUP-0001",
        "ACK*IA*10*EA*068*20261215",
        "PID*F****WIDGET",
        "PO1*2*5*EA*3.25**BP*ITEM-0002",
        "ACK*IR*5*EA",
        "PID*F****GADGET",
        "CTT*2",
    ]
    events = events_of(interchange([transaction_set("855", body)], functional_id="PR"))

    read, closed = events[0], events[1]
    assert isinstance(read, SetRead)
    assert isinstance(closed, GroupClosed)
    assert [(f.segment, f.segment_position, f.loop, f.code) for f in read.findings] == [
        ("PID", 5, "PID", SegmentError.OUT_OF_SEQUENCE),
        ("PID", 8, "PID", SegmentError.OUT_OF_SEQUENCE),
    ]
    assert {finding.severity for finding in read.findings} == {Severity.WARNING}
    assert not read.rejected
    assert functional_acknowledgement(closed)[-2:] == [
        ["AK5", "E", "5"],
        ["AK9", "E", "1", "1", "1"],
    ]


def test_a_corrupt_document_with_se01_off_by_one_is_rejected() -> None:
    body = purchase_order(2)
    text = interchange([transaction_set("850", body, count=len(body) + 1)])

    closed = events_of(text)[1]

    assert isinstance(closed, GroupClosed)
    assert functional_acknowledgement(closed)[-2:] == [
        ["AK5", "R", "4"],
        ["AK9", "R", "1", "1", "0"],
    ]
