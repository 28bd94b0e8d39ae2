"""The mapping registry, the options, and decoding that refuses only with DecodeError."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.x12.mapping import (
    MAPPERS,
    EncodeOptions,
    decode,
    encode,
    mapper_for,
    set_code_for,
)
from posync.codecs.x12.mapping.limits import SEGMENTS, limit_of
from posync.codecs.x12.syntax import Delimiters, Segment
from posync.domain.documents import (
    AcknowledgementStatus,
    GoodsReceipt,
    Invoice,
    PurchaseOrder,
    PurchaseOrderAcknowledgement,
    PurchaseOrderChange,
    ShipNotice,
)
from support.documents import (
    make_change,
    make_goods_receipt,
    make_invoice,
    make_purchase_order,
    make_ship_notice,
)
from unit.codecs.x12.mapping_support import (
    DELIMITERS,
    acknowledgements,
    as_segments,
    changes,
    invoices,
    purchase_orders,
    segments,
    ship_notices,
)


def test_every_set_has_its_mapper_and_document() -> None:
    expected = {
        "850": PurchaseOrder,
        "855": PurchaseOrderAcknowledgement,
        "856": ShipNotice,
        "860": PurchaseOrderChange,
        "865": PurchaseOrderAcknowledgement,
        "810": Invoice,
    }
    assert {code: mapper.document_type for code, mapper in MAPPERS.items()} == expected
    assert all(mapper.transaction_set == code for code, mapper in MAPPERS.items())
    assert {code: mapper.functional_group for code, mapper in MAPPERS.items()} == {
        "850": "PO",
        "855": "PR",
        "856": "SH",
        "860": "PC",
        "865": "CA",
        "810": "IN",
    }


def test_the_registry_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        MAPPERS["997"] = MAPPERS["850"]  # type: ignore[index]


def test_an_acknowledgement_goes_as_855_or_as_865_when_it_answers_a_change() -> None:
    acknowledgement = PurchaseOrderAcknowledgement(
        purchase_order_number="PO-1",
        issued_on=date(2026, 9, 24),
        status=AcknowledgementStatus.ACCEPTED,
    )
    assert set_code_for(acknowledgement) == "855"
    answering = PurchaseOrderAcknowledgement(
        purchase_order_number="PO-1",
        issued_on=date(2026, 9, 24),
        status=AcknowledgementStatus.ACCEPTED,
        change_number=3,
    )
    code, body = encode(answering, EncodeOptions())
    assert (code, body[0][0]) == ("865", "BCA")
    assert decode(code, as_segments(body), DELIMITERS) == answering


@pytest.mark.parametrize(
    ("document", "code"),
    [
        (make_purchase_order(), "850"),
        (make_change(), "860"),
        (make_ship_notice(), "856"),
        (make_invoice(), "810"),
    ],
)
def test_documents_go_in_their_sets(document: object, code: str) -> None:
    assert set_code_for(document) == code


def test_a_document_without_a_set_and_a_set_without_a_mapper_are_refused() -> None:
    with pytest.raises(EncodeError) as encoding:
        set_code_for(make_goods_receipt())
    assert encoding.value.document_type == GoodsReceipt.__name__
    with pytest.raises(DecodeError) as decoding:
        mapper_for("997")
    assert [p.field for p in decoding.value.problems] == ["ST01"]


def test_only_the_versions_posync_writes_are_options() -> None:
    assert EncodeOptions(version="005010").version == "005010"
    with pytest.raises(EncodeError) as raised:
        EncodeOptions(version="003040")
    assert [p.field for p in raised.value.problems] == ["version"]


def test_every_element_the_mappings_write_has_a_limit() -> None:
    assert limit_of("BEG03", "004010").maximum == 22
    assert limit_of("REF02", "004010").maximum == 30
    assert limit_of("REF02", "005010").maximum == 50
    for tag, references in SEGMENTS.items():
        for position in range(1, len(references) + 1):
            assert limit_of(f"{tag}{position:02d}", "004010").maximum >= 1


# --- nothing but DecodeError, whatever the elements say ----------------------------------

TAGS = {
    "850": "BEG CUR REF PER FOB ITD DTM TD5 N9 MSG N1 N2 N3 N4 PO1 PID SCH CTT",
    "855": "BAK CUR REF DTM N1 N9 MSG PO1 ACK CTP PID DTM REF CTT",
    "860": "BCH CUR REF N1 POC PID DTM CTT",
    "865": "BCA REF DTM POC ACK CTP PID REF CTT",
    "856": "BSN HL TD1 TD5 REF DTM N1 N3 N4 PRF MAN LIN SN1 CTT",
    "810": "BIG CUR REF N1 N2 N3 N4 PER ITD DTM IT1 PID TDS TXI SAC CTT",
}
elements = st.one_of(
    st.text(st.sampled_from("0123456789 -.+>^:EeAZaz\u00e9\u0663"), max_size=14),
    st.sampled_from(
        [
            "", "0", "-0", ".5", "5.", "1E5", "NaN", "Infinity", "00000000", "20260231",
            "99999999999999999999999999999999999", "9" * 5000, "1", "2", "3", "S", "O", "T",
            "P", "I", "GM", "LT", "SN", "SE", "IA", "IB", "BP", "AC", "RD", "QD", "ZZZZ", "A",
            "C", "N", "BY", "SE", "ST", "PO", "FJ", "PP", "ZZ", "002", "010", "067", "068",
            "036", "011", "01", "04", "00000123450000000017",
        ]
    ),
)  # fmt: skip


@st.composite
def arbitrary_sets(draw: st.DrawFn, code: str) -> list[Segment]:
    tags = st.sampled_from(TAGS[code].split())
    return [
        Segment(draw(tags), draw(st.lists(elements, max_size=20)), offset)
        for offset in range(draw(st.integers(min_value=0, max_value=25)))
    ]


VALID: dict[str, st.SearchStrategy[Any]] = {
    "850": purchase_orders(),
    "855": acknowledgements(),
    "865": acknowledgements(change_number=True),
    "860": changes(),
    "856": ship_notices(),
    "810": invoices(),
}


@st.composite
def spoiled_sets(draw: st.DrawFn, code: str) -> list[Segment]:
    """A valid set with some of its elements replaced by anything."""
    body = [list(segment) for segment in MAPPERS[code].encode(draw(VALID[code]), EncodeOptions())]
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        segment = body[draw(st.integers(min_value=0, max_value=len(body) - 1))]
        position = draw(st.integers(min_value=1, max_value=len(segment) + 2))
        segment.extend([""] * (position + 1 - len(segment)))
        segment[position] = draw(elements)
    return as_segments(body)


def decodes_or_refuses(code: str, body: list[Segment]) -> None:
    delimiters = Delimiters(component=">", repetition="^")
    with contextlib.suppress(DecodeError):
        MAPPERS[code].decode(body, delimiters)


@pytest.mark.parametrize("code", sorted(TAGS))
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_arbitrary_elements_raise_nothing_but_decode_error(code: str, data: st.DataObject) -> None:
    decodes_or_refuses(code, data.draw(arbitrary_sets(code)))


@pytest.mark.parametrize("code", sorted(TAGS))
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_spoiled_valid_sets_raise_nothing_but_decode_error(code: str, data: st.DataObject) -> None:
    decodes_or_refuses(code, data.draw(spoiled_sets(code)))


def test_an_empty_set_is_refused_naming_its_beginning_segment() -> None:
    for code, tag in (("850", "BEG"), ("855", "BAK"), ("860", "BCH"), ("865", "BCA"),
                      ("856", "BSN"), ("810", "BIG")):  # fmt: skip
        with pytest.raises(DecodeError) as raised:
            MAPPERS[code].decode(segments(""), DELIMITERS)
        assert [p.field for p in raised.value.problems] == [tag]
