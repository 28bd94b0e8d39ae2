"""860 <-> PurchaseOrderChange: every change type, cancellations, and bad values named."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings

from posync.codecs.errors import EncodeError
from posync.codecs.x12.mapping import EncodeOptions
from posync.codecs.x12.mapping.change import ChangeMapper
from posync.domain.documents import ChangedLine, ChangePurpose, LineChangeType, PurchaseOrderChange
from unit.codecs.x12.mapping_support import (
    DELIMITERS,
    as_segments,
    changes,
    problems,
    round_trip,
    segments,
)

MAPPER = ChangeMapper()

# Scenario 10 as the buyer sends it: quantity down, a date changed, a line added.
CHANGE = """
BCH*04*SA*4500000042**2*20260924*****20261001~
CUR*BY*USD~
REF*ZZ**Plan revised~
POC*1*QD*60**EA*12.50**VP*WIDGET-001~
POC*2*CT****4.15**VP*BRKT-050~
DTM*002*20261020~
POC*3*AI*25**EA>1*3.10**VP*NUT-010*BP*N-10~
PID*F****Lock nut~
CTT*3*85~
"""


def decode(text: str) -> PurchaseOrderChange:
    return MAPPER.decode(segments(text), DELIMITERS)


def test_a_change_decodes_line_by_line() -> None:
    assert decode(CHANGE) == PurchaseOrderChange(
        purchase_order_number="4500000042",
        change_number=2,
        issued_on=date(2026, 10, 1),
        purpose=ChangePurpose.CHANGE,
        reason="Plan revised",
        lines=(
            ChangedLine(
                line_number=1,
                change=LineChangeType.QUANTITY_DECREASE,
                quantity=Decimal(60),
                unit_of_measure="EA",
                unit_price=Decimal("12.50"),
                supplier_item="WIDGET-001",
            ),
            ChangedLine(
                line_number=2,
                change=LineChangeType.DATE_CHANGE,
                unit_price=Decimal("4.15"),
                supplier_item="BRKT-050",
                requested_delivery_date=date(2026, 10, 20),
            ),
            ChangedLine(
                line_number=3,
                change=LineChangeType.ADD,
                quantity=Decimal(25),
                unit_of_measure="EA",
                unit_price=Decimal("3.10"),
                buyer_item="N-10",
                supplier_item="NUT-010",
                description="Lock nut",
            ),
        ),
    )


def test_the_mock_edi_change_sample_decodes() -> None:
    text = (
        "BCH*04*SA*4500000042**1*20260924~"
        "POC*1*QD*60**EA*12.50**VP*WIDGET-001~"
        "POC*2*DI*40**EA*4.15**VP*BRKT-050~"
    )
    first, second = decode(text).lines
    assert (first.change, first.quantity) == (LineChangeType.QUANTITY_DECREASE, Decimal(60))
    assert second.change is LineChangeType.CANCEL


@pytest.mark.parametrize(
    ("code", "change"),
    [
        ("AI", LineChangeType.ADD),
        ("DI", LineChangeType.CANCEL),
        ("QI", LineChangeType.QUANTITY_INCREASE),
        ("QD", LineChangeType.QUANTITY_DECREASE),
        ("PC", LineChangeType.PRICE_CHANGE),
        ("CT", LineChangeType.DATE_CHANGE),
        ("RS", LineChangeType.DATE_CHANGE),
        ("RB", LineChangeType.DATE_CHANGE),
        ("RE", LineChangeType.ITEM_CHANGE),
        ("RM", LineChangeType.ITEM_CHANGE),
        ("RZ", LineChangeType.REPLACE),
        ("CA", LineChangeType.REPLACE),
        ("PQ", LineChangeType.REPLACE),
        ("PR", LineChangeType.REPLACE),
        ("RQ", LineChangeType.REPLACE),
        ("MU", LineChangeType.REPLACE),
        ("NC", LineChangeType.NO_CHANGE),
    ],
)
def test_every_poc02_code_maps_to_a_change_type(code: str, change: LineChangeType) -> None:
    (line,) = decode(f"BCH*04*SA*PO-1**1*20260924~POC*1*{code}*5**EA~").lines
    assert line.change is change


def test_a_cancellation_needs_no_lines() -> None:
    change = decode("BCH*01*SA*PO-1**3*20260924~REF*ZZ**Project stopped~")
    assert (change.purpose, change.lines, change.reason) == (
        ChangePurpose.CANCELLATION,
        (),
        "Project stopped",
    )


def test_a_replacing_860_is_a_change() -> None:
    assert decode("BCH*05*SA*PO-1**3*20260924~POC*1*RZ*5**EA~").purpose is ChangePurpose.CHANGE


def test_unknown_codes_and_missing_values_are_named() -> None:
    found = problems(MAPPER, "BCH*07*SA*PO-1***20260924~POC*X*ZZ*five**EA~")
    assert found == {
        "BCH01": "must be 01 (cancellation), 04 (change) or 05 (replace), got '07'",
        "BCH05": "is required: the change order sequence number",
        "POC[1].POC01": "must be a line number (a whole number greater than zero), got 'X'",
        "POC[1].POC02": (
            "must be a change type (AI, CA, CT, DI, MU, NC, PC, PQ, PR, QD, QI, RB, RE, RM, RQ, "
            "RS, RZ), got 'ZZ'"
        ),
        "POC[1].POC03": "must be a number, got 'five'",
    }


# --- writing -----------------------------------------------------------------------------


def test_a_change_is_written_as_the_standard_shows_it() -> None:
    change = decode(CHANGE)
    written = MAPPER.encode(change, EncodeOptions())
    assert written[0] == [
        "BCH", "04", "SA", "4500000042", "", "2", "20261001", "", "", "", "", "20261001"
    ]  # fmt: skip
    pocs = [segment[:3] for segment in written if segment[0] == "POC"]
    assert pocs == [["POC", "1", "QD"], ["POC", "2", "CT"], ["POC", "3", "AI"]]
    assert ["POC", "3", "AI", "25", "", "EA", "3.1", "", "BP", "N-10", "VP", "NUT-010"] in written
    assert MAPPER.decode(as_segments(written), DELIMITERS) == change


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (LineChangeType.ADD, "AI"),
        (LineChangeType.CANCEL, "DI"),
        (LineChangeType.QUANTITY_INCREASE, "QI"),
        (LineChangeType.QUANTITY_DECREASE, "QD"),
        (LineChangeType.PRICE_CHANGE, "PC"),
        (LineChangeType.DATE_CHANGE, "CT"),
        (LineChangeType.ITEM_CHANGE, "RE"),
        (LineChangeType.REPLACE, "RZ"),
        (LineChangeType.NO_CHANGE, "NC"),
    ],
)
def test_each_change_type_is_written_with_its_code(change: LineChangeType, code: str) -> None:
    document = PurchaseOrderChange(
        purchase_order_number="PO-1",
        change_number=1,
        issued_on=date(2026, 9, 24),
        lines=(ChangedLine(line_number=1, change=change),),
    )
    (poc,) = (s for s in MAPPER.encode(document, EncodeOptions()) if s[0] == "POC")
    assert poc[2] == code


def test_a_cancellation_is_written_with_bch01_01() -> None:
    document = PurchaseOrderChange(
        purchase_order_number="PO-1",
        change_number=4,
        issued_on=date(2026, 9, 24),
        purpose=ChangePurpose.CANCELLATION,
    )
    assert MAPPER.encode(document, EncodeOptions()) == [
        ["BCH", "01", "SA", "PO-1", "", "4", "20260924", "", "", "", "", "20260924"]
    ]


def test_a_quantity_without_its_unit_cannot_be_written() -> None:
    document = PurchaseOrderChange(
        purchase_order_number="PO-1",
        change_number=1,
        issued_on=date(2026, 9, 24),
        lines=(
            ChangedLine(
                line_number=1, change=LineChangeType.QUANTITY_INCREASE, quantity=Decimal(3)
            ),
        ),
    )
    with pytest.raises(EncodeError) as raised:
        MAPPER.encode(document, EncodeOptions())
    assert [(p.field, p.message) for p in raised.value.problems] == [
        ("lines[0].unit_of_measure", "POC05 must accompany the quantity")
    ]


@settings(max_examples=150, deadline=None)
@given(changes())
def test_every_change_x12_can_carry_comes_back_unchanged(change: PurchaseOrderChange) -> None:
    assert round_trip(MAPPER, change) == change
