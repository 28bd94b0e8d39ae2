"""Whatever bytes arrive as CSV, the codec answers with documents or a DecodeError by row."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posync.codecs.errors import DecodeError
from posync.codecs.tabular.codec import CsvCodec
from support.documents import (
    make_acknowledgement,
    make_invoice,
    make_purchase_order,
    make_rich_purchase_order,
    make_ship_notice,
)

ORDERS = CsvCodec().write([make_rich_purchase_order(), make_purchase_order()])
ACKNOWLEDGEMENTS = CsvCodec(decimal_comma=True).write(
    [make_acknowledgement(), make_acknowledgement(change_number=2)]
)
SHIP_NOTICES = CsvCodec().write([make_ship_notice(), make_ship_notice(shipment_id="SHP-2")])
INVOICES = CsvCodec(decimal_comma=True).write([make_invoice(), make_invoice(invoice_number="I-2")])
# A problem names its row, and its column when it is about one cell or one header cell
# (a mutated header cell may name a column that is no known one).
PLACE = re.compile(r"row [0-9]+(, column .+)?", re.DOTALL)

mutations = st.lists(
    st.tuples(
        st.sampled_from(["replace", "insert", "delete"]),
        st.integers(min_value=0, max_value=max(map(len, [ORDERS, SHIP_NOTICES, INVOICES]))),
        st.binary(min_size=1, max_size=3)
        | st.sampled_from([b",", b";", b'"', b"\n", b"\r", b"\t", b"\x00", b"\xff", b"-", b"."]),
    ),
    min_size=1,
    max_size=3,
)


def _mutate(data: bytes, changes: list[tuple[str, int, bytes]]) -> bytes:
    for kind, at, value in changes:
        at = min(at, len(data))
        if kind == "replace":
            data = data[:at] + value + data[at + len(value) :]
        elif kind == "insert":
            data = data[:at] + value + data[at:]
        else:
            data = data[:at] + data[at + len(value) :]
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(
        [(ORDERS, False), (ACKNOWLEDGEMENTS, True), (SHIP_NOTICES, False), (INVOICES, True)]
    ),
    mutations,
)
def test_mutated_csv_decodes_or_raises_only_a_decode_error_naming_the_row(
    original: tuple[bytes, bool], changes: list[tuple[str, int, bytes]]
) -> None:
    data, decimal_comma = original
    codec = CsvCodec(decimal_comma=decimal_comma)
    problems = []
    try:
        documents = codec.decode([_mutate(data, changes)])
    except DecodeError as error:
        problems = list(error.problems)
        documents = None
    if documents is None:
        assert problems
        assert all(PLACE.fullmatch(problem.field) and problem.message for problem in problems)
    else:
        assert all(document is not None for document in documents)
