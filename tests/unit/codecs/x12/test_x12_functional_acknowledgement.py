"""The 997 and TA1 posync answers with, and reading the ones partners send.

Each syntax error class is followed from the bytes to the code that lands in
the answer. Policy: an out-of-sequence segment (ACK before PID) is a warning,
so its set is accepted with errors noted: ``AK5*E*5`` and ``AK9*E``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from posync.codecs.errors import DecodeError
from posync.codecs.x12.acknowledgement import (
    InterchangeAcknowledgement,
    functional_acknowledgement,
    interchange_acknowledgement,
    read_functional_acknowledgement,
    read_interchange_acknowledgement,
)
from posync.codecs.x12.envelope import GroupClosed, InterchangeClosed, read_interchanges
from posync.codecs.x12.findings import InterchangeError
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import FunctionalAckStatus, SyntaxFinding
from unit.codecs.x12.x12_sample_dictionary import (
    VALIDATORS,
    interchange,
    purchase_order_body,
    purchase_order_interchange,
    severity_of,
    transaction_set,
)

Body = list[list[str]]


def answer(
    text: str, version: str | None = None, delimiters: Delimiters | None = None
) -> tuple[list[Body], list[list[str]]]:
    """The 997 bodies (one per group) and the TA1s (one per interchange) for ``text``."""
    bodies, acknowledgements = [], []
    for event in read_interchanges([text.encode()], VALIDATORS, severity_of):
        if isinstance(event, GroupClosed):
            bodies.append(functional_acknowledgement(event, version, delimiters=delimiters))
        elif isinstance(event, InterchangeClosed):
            acknowledgements.append(interchange_acknowledgement(event.interchange, event.findings))
    return bodies, acknowledgements


def only_997(text: str, version: str | None = None) -> Body:
    bodies, _ = answer(text, version)
    assert len(bodies) == 1
    return bodies[0]


def tagged(body: Body, tag: str) -> list[list[str]]:
    return [segment for segment in body if segment[0] == tag]


def order_with(index: int, line: str | None) -> str:
    body = purchase_order_body()
    if line is None:
        del body[index]
    else:
        body[index] = line
    return interchange([transaction_set("850", body)])


def test_a_clean_group_is_accepted() -> None:
    bodies, acknowledgements = answer(purchase_order_interchange())

    assert bodies == [
        [["AK1", "PO", "7"], ["AK2", "850", "0001"], ["AK5", "A"], ["AK9", "A", "1", "1", "1"]]
    ]
    assert acknowledgements == [["TA1", "000000001", "260924", "1030", "A", "000"]]


def test_missing_mandatory_segment_gives_ak304_3() -> None:
    body = only_997(order_with(0, None))

    assert tagged(body, "AK3") == [["AK3", "BEG", "1", "", "3"]]
    assert tagged(body, "AK5") == [["AK5", "R", "5"]]
    assert tagged(body, "AK9") == [["AK9", "R", "1", "1", "0"]]


def test_unexpected_segment_gives_ak304_2() -> None:
    body = only_997(order_with(1, "N3*1 MILL ROAD"))

    assert tagged(body, "AK3") == [["AK3", "N3", "3", "", "2"]]
    assert tagged(body, "AK5") == [["AK5", "R", "5"]]


def test_element_too_long_gives_ak403_5() -> None:
    body = only_997(order_with(0, "BEG*00*SA*" + "X" * 23 + "**20260924"))

    assert tagged(body, "AK3") == [["AK3", "BEG", "2", "", "8"]]
    assert tagged(body, "AK4") == [["AK4", "3", "324", "5", "X" * 23]]


def test_invalid_code_gives_ak403_7() -> None:
    body = only_997(order_with(0, "BEG*00*XX*PO-1**20260924"))

    assert tagged(body, "AK4") == [["AK4", "2", "92", "7", "XX"]]


def test_invalid_date_gives_ak403_8() -> None:
    body = only_997(order_with(0, "BEG*00*SA*PO-1**20260231"))

    assert tagged(body, "AK4") == [["AK4", "5", "373", "8", "20260231"]]


def test_element_errors_inside_a_loop_name_the_loop() -> None:
    body = only_997(order_with(6, "PO1*1*5*EA*12.50**BP*ITEM-0001*XX*SUP-1"))

    assert tagged(body, "AK3") == [["AK3", "PO1", "8", "PO1", "8"]]
    assert tagged(body, "AK4") == [["AK4", "8", "235", "7", "XX"]]


def test_segment_count_gives_ak502_4() -> None:
    body = purchase_order_body()
    text = interchange([transaction_set("850", body, count=len(body) + 3)])

    assert tagged(only_997(text), "AK5") == [["AK5", "R", "4"]]


def test_control_number_mismatch_gives_ak502_3() -> None:
    body = purchase_order_body()
    text = interchange([["ST*850*0001", *body, f"SE*{len(body) + 2}*0002"]])

    assert tagged(only_997(text), "AK5") == [["AK5", "R", "3"]]


def test_group_count_gives_ak905_5_and_rejects_every_set() -> None:
    text = interchange([transaction_set("850", purchase_order_body())], set_count=2)

    body = only_997(text)

    assert tagged(body, "AK5") == [["AK5", "R"]]
    assert tagged(body, "AK9") == [["AK9", "R", "2", "1", "0", "5"]]


def test_interchange_control_number_mismatch_gives_ta105_001() -> None:
    text = interchange([transaction_set("850", purchase_order_body())], trailer_control=2)

    _, acknowledgements = answer(text)

    assert acknowledgements == [["TA1", "000000001", "260924", "1030", "R", "001"]]


def test_premature_end_of_file_gives_ta105_023() -> None:
    text = purchase_order_interchange()
    cut = text[: text.index("CTT")]

    bodies, acknowledgements = answer(cut)

    assert acknowledgements == [["TA1", "000000001", "260924", "1030", "R", "023"]]
    assert tagged(bodies[0], "AK5") == [["AK5", "R", "2"]]
    assert tagged(bodies[0], "AK9") == [["AK9", "R", "1", "1", "0", "3"]]


def test_ack_before_pid_is_accepted_with_errors_noted() -> None:
    body = [
        "BAK*00*AC*PO-1001*20260924",
        "PO1*1*5*EA*12.50**BP*ITEM-0001",
        "ACK*IA*5*EA*068*20261015",
        "PID*F****Widget",
        "CTT*1",
    ]
    text = interchange([transaction_set("855", body)], functional_id="PR")

    answer_997 = only_997(text)

    assert answer_997 == [
        ["AK1", "PR", "7"],
        ["AK2", "855", "0001"],
        ["AK3", "PID", "5", "PID", "7"],
        ["AK5", "E", "5"],
        ["AK9", "E", "1", "1", "1"],
    ]


def test_some_sets_rejected_is_partial_acceptance() -> None:
    bad = purchase_order_body()
    bad[0] = "BEG*00*XX*PO-2**20260924"
    text = interchange(
        [
            transaction_set("850", purchase_order_body(), "0001"),
            transaction_set("850", bad, "0002"),
        ]
    )

    body = only_997(text)

    assert tagged(body, "AK5") == [["AK5", "A"], ["AK5", "R", "5"]]
    assert tagged(body, "AK9") == [["AK9", "P", "2", "2", "1"]]


def test_at_005010_ak1_names_the_version_and_ak401_the_component() -> None:
    body = purchase_order_body(1)
    body.insert(8, "MEA*WT*1**XX>2")
    text = interchange([transaction_set("850", body)], version="005010", isa_version="00501")

    answer_997 = only_997(text)

    assert answer_997[0] == ["AK1", "PO", "7", "005010"]
    assert tagged(answer_997, "AK4") == [["AK4", "4>1", "355", "7", "XX"]]
    assert tagged(only_997(text, "004010"), "AK4") == [["AK4", "4", "355", "7", "XX"]]


def test_a_copy_of_bad_data_is_left_out_when_it_cannot_be_written() -> None:
    text = order_with(0, "BEG*00*S~X*PO-1**20260924").replace("S~X", "S^X")

    bodies, _ = answer(text, delimiters=Delimiters(repetition="^"))
    with_control = only_997(order_with(3, "N1*ST*NORTH\x07WIND*92*PLANT1"))

    assert tagged(bodies[0], "AK4") == [["AK4", "2", "92", "5", ""]]
    assert tagged(with_control, "AK4") == [["AK4", "2", "93", "6", ""]]


# --- reading a partner's 997 and TA1 ------------------------------------------------------


def segments(body: Sequence[Sequence[str]]) -> list[Segment]:
    return [Segment(line[0], list(line[1:]), 0) for line in body]


def parse(text: str) -> list[Segment]:
    return segments([line.split("*") for line in text.split("~") if line])


def test_our_997_reads_back_as_a_canonical_functional_acknowledgement() -> None:
    bad = purchase_order_body()
    bad[0] = "BEG*00*XX*PO-2**20260924"
    text = interchange(
        [transaction_set("850", purchase_order_body(), "0001"), transaction_set("850", bad, "0002")]
    )

    document = read_functional_acknowledgement(segments(only_997(text)))

    assert document.control_number == "7"
    assert document.status is FunctionalAckStatus.PARTIALLY_ACCEPTED
    assert [(s.control_number, s.document_type, s.status) for s in document.sets] == [
        ("0001", "purchase_order", FunctionalAckStatus.ACCEPTED),
        ("0002", "purchase_order", FunctionalAckStatus.REJECTED),
    ]
    assert document.sets[1].findings == (
        SyntaxFinding(
            code="8",
            message="segment: element errors",
            segment="BEG",
            segment_position=2,
        ),
        SyntaxFinding(
            code="7",
            message="element: invalid code",
            segment="BEG",
            segment_position=2,
            element_position=2,
        ),
        SyntaxFinding(code="5", message="transaction set: segments in error"),
    )
    assert document.problems() == []


def test_a_partners_997_with_group_codes_and_a_composite_position() -> None:
    text = (
        "ST*997*0001~AK1*PO*12*005010~AK2*850*0001~AK3*PO1*8*PO1*8~AK4*4:1*355*7*XX~"
        "AK5*R*5~AK9*R*2*1*0*5~SE*8*0001~"
    )

    document = read_functional_acknowledgement(parse(text))

    assert document.status is FunctionalAckStatus.REJECTED
    assert [finding.code for finding in document.findings] == ["5"]
    assert document.sets[0].findings[1].element_position == 4


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("AK1*PO*7~AK9*Z*1*1*1", "AK901"),
        ("AK1*PO*7~AK2*850*0001~AK5*A", "AK9"),
        ("AK2*850*0001~AK5*A~AK9*A*1*1*1", "AK1"),
        ("AK1*PO*7~AK2*850*0001~AK4*1*92*7~AK5*R~AK9*R*1*1*0", "AK4[3]"),
        ("AK1*PO*7~AK2*850*0001~AK9*A*1*1*1", "AK2[3]"),
        ("AK1*PO*seven~AK9*A*0*0*0", "AK102"),
    ],
)
def test_a_997_that_cannot_be_read_names_the_segment_and_element(text: str, field: str) -> None:
    with pytest.raises(DecodeError) as raised:
        read_functional_acknowledgement(parse(text))

    assert field in [problem.field for problem in raised.value.problems]


def test_a_ta1_reads_into_its_answer() -> None:
    segment = parse("TA1*000000001*260924*1030*R*001")[0]

    assert read_interchange_acknowledgement(segment) == InterchangeAcknowledgement(
        control_number="000000001",
        date="260924",
        time="1030",
        status=FunctionalAckStatus.REJECTED,
        note=InterchangeError.CONTROL_NUMBER_MISMATCH,
    )


def test_our_ta1_reads_back() -> None:
    _, acknowledgements = answer(purchase_order_interchange())

    read = read_interchange_acknowledgement(segments(acknowledgements)[0])

    assert (read.status, read.note, read.rejected) == (
        FunctionalAckStatus.ACCEPTED,
        InterchangeError.NO_ERROR,
        False,
    )


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("TA1*000000001*260924*1030*Q*000", "TA104"),
        ("TA1*000000001*260924*1030*A*999", "TA105"),
        ("TA1*1*260924*1030*A*000", "TA101"),
        ("AK1*PO*7", "TA1"),
    ],
)
def test_a_ta1_that_cannot_be_read(text: str, field: str) -> None:
    with pytest.raises(DecodeError) as raised:
        read_interchange_acknowledgement(parse(text)[0])

    assert [problem.field for problem in raised.value.problems] == [field]
