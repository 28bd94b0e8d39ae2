"""Whatever happens to the bytes, reading ends in findings or an ``X12SyntaxError``, never a crash.

Arbitrary byte mutations (replace, insert, delete, cut) of a valid file of two
interchanges, read in arbitrary chunks; every event is answered (997 and TA1)
as posync would, so the writing side is held to the same promise.
"""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posync.codecs.errors import DecodeError
from posync.codecs.x12.acknowledgement import (
    functional_acknowledgement,
    interchange_acknowledgement,
    read_interchange_acknowledgement,
)
from posync.codecs.x12.envelope import (
    GroupClosed,
    InterchangeAcknowledgementRead,
    InterchangeClosed,
    SetRead,
    read_interchanges,
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

ORIGINAL = (
    purchase_order_interchange(2, control=1)
    + with_delimiters(
        interchange(
            [transaction_set("855", ["BAK*00*AC*PO-1*20260924", "PO1*1*5*EA", "ACK*IA"])],
            functional_id="PR",
            control=2,
            version="005010",
            isa_version="00501",
        ),
        "|",
        ":",
        "\n",
    )
    + isa(3)
    + "TA1*000000001*260924*1030*A*000~IEA*0*000000003~"
    + interchange([transaction_set("850", purchase_order_body(1))], control=4)
).encode()

INTERESTING = b"*|~:>^\n\r ISTGEAK01-.\x00\x07\xc3\xa9\xff"

mutation = st.tuples(
    st.sampled_from(["replace", "insert", "delete", "cut"]),
    st.integers(min_value=0, max_value=len(ORIGINAL) - 1),
    st.one_of(st.sampled_from(list(INTERESTING)), st.integers(min_value=0, max_value=255)),
)


def mutate(data: bytes, mutations: list[tuple[str, int, int]]) -> bytes:
    for kind, where, byte in mutations:
        at = where % (len(data) or 1)
        if kind == "replace":
            data = data[:at] + bytes([byte]) + data[at + 1 :]
        elif kind == "insert":
            data = data[:at] + bytes([byte]) + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + 1 :]
        else:
            data = data[:at]
    return data


def answer_everything(chunks: list[bytes]) -> None:
    """Read every event and answer it as posync would."""
    for event in read_interchanges(chunks, VALIDATORS, severity_of):
        if isinstance(event, SetRead):
            assert event.segments[0].tag == "ST"
        elif isinstance(event, GroupClosed):
            body = functional_acknowledgement(event)
            assert body[0][0] == "AK1"
            assert body[-1][0] == "AK9"
            assert all(isinstance(value, str) for segment in body for value in segment)
        elif isinstance(event, InterchangeClosed):
            answer = interchange_acknowledgement(event.interchange, event.findings)
            assert answer[4] in ("A", "E", "R")
        elif isinstance(event, InterchangeAcknowledgementRead):
            with contextlib.suppress(DecodeError):
                read_interchange_acknowledgement(event.segment)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=6), st.integers(min_value=1, max_value=700))
def test_mutated_input_gives_findings_or_a_syntax_error(
    mutations: list[tuple[str, int, int]], chunk: int
) -> None:
    data = mutate(ORIGINAL, mutations)
    chunks = [data[start : start + chunk] for start in range(0, len(data), chunk)]

    with contextlib.suppress(X12SyntaxError):
        answer_everything(chunks)


def test_the_unmutated_file_reads_clean() -> None:
    events = list(read_interchanges([ORIGINAL], VALIDATORS, severity_of))

    assert all(not getattr(event, "findings", ()) for event in events)
    assert sum(isinstance(event, InterchangeClosed) for event in events) == 4
