"""Envelopes around transaction sets: counts, control numbers, widths and delimiters."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from posync.codecs.errors import EncodeError
from posync.codecs.x12.syntax import Delimiters, read_segments
from posync.codecs.x12.writer import ControlNumbers, OutboundSet, PartnerEnvelope, write_interchange

AT = datetime(2026, 9, 24, 10, 30, tzinfo=UTC)
ENVELOPE = PartnerEnvelope(
    sender_qualifier="ZZ",
    sender_id="POSYNC",
    receiver_qualifier="ZZ",
    receiver_id="ACME",
    application_sender="POSYNC",
    application_receiver="ACME",
)
ORDER = OutboundSet(
    code="850",
    functional_group="PO",
    body=[["BEG", "00", "SA", "4500000042", "", "20260924"], ["PO1", "1", "100", "EA", "12.5", ""]],
)


def _segments(data: bytes) -> list[list[str]]:
    return [[segment.tag, *segment.elements] for segment, _ in read_segments([data])]


def test_an_interchange_carries_its_counts_and_control_numbers() -> None:
    data = write_interchange(
        ENVELOPE, [ORDER, ORDER], ControlNumbers(interchange=42, group=7, sets=[3, 4]), at=AT
    )

    segments = _segments(data)
    isa = data[:106].decode()
    assert isa[3] == "*"
    assert isa[105] == "~"
    assert isa[104] == ">"
    assert segments[0][13] == "000000042"
    assert segments[0][9:11] == ["260924", "1030"]
    assert segments[1] == ["GS", "PO", "POSYNC", "ACME", "20260924", "1030", "7", "X", "004010"]
    assert segments[2] == ["ST", "850", "0003"]
    assert segments[5] == ["SE", "4", "0003"]
    assert segments[6] == ["ST", "850", "0004"]
    assert segments[-2] == ["GE", "2", "7"]
    assert segments[-1] == ["IEA", "1", "000000042"]


def test_trailing_empty_elements_are_left_off() -> None:
    data = write_interchange(
        ENVELOPE, [ORDER], ControlNumbers(interchange=1, group=1, sets=[1]), at=AT
    )

    assert b"PO1*1*100*EA*12.5~" in data


def test_005010_declares_a_repetition_separator_and_its_version() -> None:
    envelope = dataclasses.replace(
        ENVELOPE,
        version="005010",
        delimiters=Delimiters(element="|", component=":", segment="\n", repetition="^"),
    )

    data = write_interchange(
        envelope, [ORDER], ControlNumbers(interchange=1, group=1, sets=[1]), at=AT
    )

    segments = _segments(data)
    assert segments[0][11:13] == ["^", "00501"]
    assert segments[1][-1] == "005010"
    assert next(delimiters for _, delimiters in read_segments([data])).repetition == "^"


def test_a_value_holding_a_delimiter_is_refused_by_segment_and_element() -> None:
    bad = OutboundSet(code="850", functional_group="PO", body=[["PID", "F", "", "", "", "Bolt*M8"]])

    with pytest.raises(EncodeError, match=r"PID05.*delimiter"):
        write_interchange(ENVELOPE, [bad], ControlNumbers(interchange=1, group=1, sets=[1]), at=AT)


def test_an_envelope_with_an_overlong_id_is_refused() -> None:
    envelope = PartnerEnvelope(
        sender_qualifier="ZZ",
        sender_id="A-SENDER-ID-TOO-LONG",
        receiver_qualifier="ZZ",
        receiver_id="ACME",
        application_sender="POSYNC",
        application_receiver="ACME",
    )

    with pytest.raises(EncodeError, match="sender_id"):
        write_interchange(
            envelope, [ORDER], ControlNumbers(interchange=1, group=1, sets=[1]), at=AT
        )
