"""Whatever happens to the bytes, reading ends in findings or an ``EdifactSyntaxError``.

Arbitrary byte mutations (replace, insert, delete, cut) of a valid file of
interchanges (defaults, UNA, a functional group, UTF-8), read in arbitrary
chunks; every closed interchange is answered with a CONTRL as posync would,
and the CONTRL is read back, so the writing side is held to the same promise.
"""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posync.codecs.edifact.contrl import read_syntax_report, syntax_report
from posync.codecs.edifact.envelope import InterchangeClosed, MessageRead, read_interchanges
from posync.codecs.edifact.envelope_writer import REFERENCE_LENGTH
from posync.codecs.edifact.serialize import write_segments
from posync.codecs.edifact.syntax import DEFAULT_CHARACTERS, EdifactSyntaxError
from posync.codecs.edifact.validation import DirectoryValidator
from posync.codecs.errors import DecodeError
from unit.codecs.edifact.edifact_samples import ORDER_BODY, interchange, message

ORIGINAL = (
    interchange(message("1"), message("2")).encode("latin-1")
    + interchange(
        "UNG+ORDERS+A+B+260924:1030+G1+UN+D:96A'"
        + message("3", ORDER_BODY.replace("9.95", "9,95"))
        + "UNE+1+G1'",
        control="43",
        una="\nUNA:+,? '",
    ).encode("latin-1")
    + interchange(
        message("4", ORDER_BODY.replace("LODZ", "Łódź")),
        control="44",
        identifier="UNOY:4",
        date="20260924:1030",
    ).encode()
)

INTERESTING = b"+:'?*,.\n\r UNABHTZGE0123\x00\x1c\x1d\x1f\xc5\x81\xff"

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


def answer_everything(chunks: list[bytes], validator: DirectoryValidator) -> None:
    for event in read_interchanges(chunks, validator):
        if isinstance(event, MessageRead):
            assert event.segments[0].tag == "UNH"
            for finding in event.findings:
                assert str(finding)
        elif isinstance(event, InterchangeClosed):
            body = syntax_report(event)
            assert body[0].tag == "UCI"
            write_segments(body, DEFAULT_CHARACTERS)
            try:
                report = read_syntax_report(body)
            except DecodeError:
                # Only an answer that cannot name what it answers (an interchange or message
                # without its reference or type) is refused when read back.
                assert not _identifiable(event)
            else:
                assert report.control_number == event.interchange.control_reference


def _reference(value: str) -> bool:
    return 1 <= len(value) <= REFERENCE_LENGTH and value.isprintable()


def _identifiable(closed: InterchangeClosed) -> bool:
    messages = [*closed.messages, *(m for group in closed.groups for m in group.messages)]
    return _reference(closed.interchange.control_reference) and all(
        _reference(m.reference) and 1 <= len(m.identifier.type) <= 6 for m in messages
    )


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=6), st.integers(min_value=1, max_value=400))
def test_mutated_input_gives_findings_or_a_syntax_error(
    mutations: list[tuple[str, int, int]], chunk: int
) -> None:
    data = mutate(ORIGINAL, mutations)
    chunks = [data[start : start + chunk] for start in range(0, len(data), chunk)]

    with contextlib.suppress(EdifactSyntaxError):
        answer_everything(chunks, DirectoryValidator())


def test_the_unmutated_file_reads_clean() -> None:
    events = list(read_interchanges([ORIGINAL], DirectoryValidator()))

    assert all(not getattr(event, "findings", ()) for event in events)
    assert sum(isinstance(event, InterchangeClosed) for event in events) == 3
