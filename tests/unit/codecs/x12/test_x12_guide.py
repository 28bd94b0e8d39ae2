"""A partner's guide narrows the standard; posync writes within it or refuses to send."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from posync.codecs.errors import EncodeError
from posync.codecs.x12.codec import X12Codec
from posync.codecs.x12.findings import ElementError, SegmentError
from posync.codecs.x12.guide import ImplementationGuide, SetRules
from posync.codecs.x12.writer import ControlNumbers, PartnerEnvelope
from posync.domain.documents import ChangedLine, LineChangeType, PurchaseOrderChange
from support.documents import make_plain_purchase_order

GUIDE = ImplementationGuide(
    name="Acme 850 v2",
    sets={
        "850": SetRules(
            required_segments=frozenset({"REF"}),
            forbidden_segments=frozenset({"PO4"}),
            codes={"PO103": frozenset({"EA", "CS"})},
            max_lengths={"REF02": 15},
            required_elements=frozenset({"BEG05"}),
        ),
        "860": SetRules(codes={"POC02": frozenset({"AI", "CA", "DI", "QD", "QI", "RZ"})}),
    },
)
ENVELOPE = PartnerEnvelope(
    sender_qualifier="ZZ",
    sender_id="NORTHWIND",
    receiver_qualifier="ZZ",
    receiver_id="ACME",
    application_sender="NORTHWIND",
    application_receiver="ACME",
)
AT = datetime(2026, 9, 24, 10, 30, tzinfo=UTC)


def test_each_rule_names_what_breaks_it() -> None:
    body = [
        ["BEG", "00", "SA", "PO-1"],
        ["PO1", "1", "10", "DZ", "2.5"],
        ["PO4", "12"],
        ["REF", "IA", "A-REFERENCE-TOO-LONG"],
    ]

    findings = GUIDE.check("850", body)

    assert [(f.code, f.segment, f.element_position) for f in findings] == [
        (ElementError.MANDATORY_MISSING, "BEG", 5),
        (ElementError.INVALID_CODE, "PO1", 3),
        (SegmentError.UNEXPECTED, "PO4", None),
        (ElementError.TOO_LONG, "REF", 2),
    ]
    assert all("Acme 850 v2" in f.message for f in findings)


def test_a_missing_required_segment_is_named() -> None:
    findings = GUIDE.check("850", [["BEG", "00", "SA", "PO-1", "", "20260924"]])

    assert [(f.code, f.segment) for f in findings] == [(SegmentError.MANDATORY_MISSING, "REF")]


def test_sets_the_guide_does_not_mention_are_not_held_to_it() -> None:
    assert GUIDE.check("810", [["PO4", "1"]]) == []


def test_writing_prefers_a_code_the_partner_accepts() -> None:
    change = PurchaseOrderChange(
        purchase_order_number="PO-1",
        change_number=1,
        issued_on=date(2026, 9, 24),
        lines=(
            ChangedLine(
                line_number=1,
                change=LineChangeType.DATE_CHANGE,
                requested_delivery_date=date(2026, 10, 9),
            ),
        ),
    )
    numbers = ControlNumbers(interchange=1, group=1, sets=[1])

    standard = X12Codec().write([change], ENVELOPE, numbers, at=AT)
    guided = X12Codec().write([change], ENVELOPE, numbers, at=AT, guide=GUIDE)

    assert b"POC*1*CT~" in standard
    assert b"POC*1*CA~" in guided
    decoded = next(X12Codec().decode([guided])).document
    assert isinstance(decoded, PurchaseOrderChange)
    assert decoded.lines[0].change is LineChangeType.DATE_CHANGE


def test_a_document_that_breaks_the_guide_is_not_written() -> None:
    order = make_plain_purchase_order(lines=1)

    with pytest.raises(EncodeError, match="REF is required by the guide"):
        X12Codec().write(
            [order], ENVELOPE, ControlNumbers(interchange=1, group=1, sets=[1]), at=AT, guide=GUIDE
        )
