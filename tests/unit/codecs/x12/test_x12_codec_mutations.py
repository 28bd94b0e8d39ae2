"""Whatever bytes arrive, the codec answers with its own findings or its own error."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posync.codecs.x12.codec import DecodedSet, X12Codec
from posync.codecs.x12.syntax import X12SyntaxError
from posync.codecs.x12.writer import ControlNumbers, PartnerEnvelope
from posync.domain.documents import Pack, TaxAmount
from support.documents import (
    make_acknowledgement,
    make_invoice,
    make_plain_purchase_order,
    make_ship_notice,
)

CODEC = X12Codec()
ENVELOPE = PartnerEnvelope(
    sender_qualifier="ZZ",
    sender_id="ACME",
    receiver_qualifier="ZZ",
    receiver_id="NORTHWIND",
    application_sender="ACME",
    application_receiver="NORTHWIND",
)
# X12 writes packaging as a TD1 code and units as 355 codes (KG, not KGM).
SHIP_NOTICE = make_ship_notice(
    packs=(
        Pack(
            pack_id="PALLET-1", packaging="PLT94", gross_weight=Decimal("120.5"), weight_unit="KG"
        ),
        Pack(pack_id="CARTON-1", packaging="CTN25", parent_pack_id="PALLET-1"),
    )
)
INVOICE = make_invoice(taxes=(TaxAmount(tax_type="VAT", amount=Decimal("4.50")),))
DOCUMENTS = [make_plain_purchase_order(), make_acknowledgement(), SHIP_NOTICE, INVOICE]
VALID = CODEC.write(
    DOCUMENTS,
    ENVELOPE,
    ControlNumbers(interchange=7, group=7, sets=[1, 2, 3, 4]),
    at=datetime(2026, 9, 24, tzinfo=UTC),
)

mutation = st.tuples(
    st.sampled_from(["replace", "insert", "delete"]),
    st.integers(min_value=0, max_value=len(VALID) - 1),
    st.binary(min_size=1, max_size=4),
)


def _mutate(data: bytes, mutations: list[tuple[str, int, bytes]]) -> bytes:
    for kind, at, value in mutations:
        at = min(at, len(data))
        if kind == "replace":
            data = data[:at] + value + data[at + len(value) :]
        elif kind == "insert":
            data = data[:at] + value + data[at:]
        else:
            data = data[:at] + data[at + len(value) :]
    return data


def test_the_valid_interchange_reads_clean() -> None:
    sets = list(CODEC.decode([VALID]))

    assert [s.code for s in sets] == ["850", "855", "856", "810"]
    assert all(s.accepted and not s.findings for s in sets)
    assert [type(s.document) for s in sets] == [type(d) for d in DOCUMENTS]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=6))
def test_mutated_bytes_give_findings_or_the_codec_error_never_a_crash(
    mutations: list[tuple[str, int, bytes]],
) -> None:
    data = _mutate(VALID, mutations)
    try:
        events = list(CODEC.read([data]))
    except X12SyntaxError:
        return
    for event in events:
        if isinstance(event, DecodedSet) and not event.accepted:
            assert event.findings or event.problems or event.read.rejected
