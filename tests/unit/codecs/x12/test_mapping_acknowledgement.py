"""855 <-> PurchaseOrderAcknowledgement: every line status, combined ACKs, the order's verdict."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings

from posync.codecs.errors import EncodeError
from posync.codecs.x12.mapping import EncodeOptions
from posync.codecs.x12.mapping.acknowledgement import AcknowledgementMapper
from posync.domain.documents import (
    AcknowledgedLine,
    AcknowledgementStatus,
    LineStatus,
    PurchaseOrderAcknowledgement,
)
from unit.codecs.x12.mapping_support import (
    DELIMITERS,
    acknowledgements,
    as_segments,
    problems,
    round_trip,
    segments,
)

MAPPER = AcknowledgementMapper()

# As mock-edi's README shows its answer to an 850, with ACK before PID as it writes them.
MOCK_EDI = """
BAK*00*AD*4500000042*20260924****5100002*20260924~
CUR*SE*USD~
REF*VN*5100002~
N1*SE*Mock Supplier*92*MOCKEDI~
N1*ST*Northwind Plant 1*92*NW-1~
PO1*1*100*EA*12.50**VP*WIDGET-001*UP*076123400003~
ACK*IA*100*EA*067*20260926~
PID*F****Widget~
CTT*1~
"""


def decode(text: str) -> PurchaseOrderAcknowledgement:
    return MAPPER.decode(segments(text), DELIMITERS)


def line_of(ack_segments: str, head: str = "PO1*1*100*EA*12.50**VP*WIDGET-001") -> AcknowledgedLine:
    text = f"BAK*00*AC*PO-1*20260924~{head}~{ack_segments}~"
    (line,) = decode(text).lines
    return line


def test_the_mock_edi_sample_decodes() -> None:
    acknowledgement = decode(MOCK_EDI)
    assert acknowledgement == PurchaseOrderAcknowledgement(
        purchase_order_number="4500000042",
        issued_on=date(2026, 9, 24),
        status=AcknowledgementStatus.ACCEPTED,
        supplier_order_number="5100002",
        lines=(
            AcknowledgedLine(
                line_number=1,
                status=LineStatus.ACCEPTED,
                quantity=Decimal(100),
                unit_of_measure="EA",
                unit_price=Decimal("12.50"),
                promised_delivery_date=date(2026, 9, 26),
                supplier_item="WIDGET-001",
            ),
        ),
    )
    assert acknowledgement.problems() == []


@pytest.mark.parametrize(
    ("code", "status", "reason"),
    [
        ("IA", LineStatus.ACCEPTED, None),
        ("AR", LineStatus.ACCEPTED, None),
        ("AC", LineStatus.ACCEPTED, None),
        ("IE", LineStatus.ACCEPTED, "price pending"),
        ("SP", LineStatus.ACCEPTED, "schedule date pending"),
        ("IC", LineStatus.ACCEPTED_WITH_CHANGES, None),
        ("IQ", LineStatus.QUANTITY_CHANGED, None),
        ("IP", LineStatus.PRICE_CHANGED, None),
        ("DR", LineStatus.DATE_CHANGED, None),
        ("IS", LineStatus.ITEM_CHANGED, None),
        ("IB", LineStatus.BACKORDERED, None),
        ("BP", LineStatus.PARTIALLY_BACKORDERED, None),
        ("IF", LineStatus.ON_HOLD, "on hold: incomplete description"),
        ("IH", LineStatus.ON_HOLD, None),
        ("IW", LineStatus.ON_HOLD, "on hold: waiver required"),
        ("IR", LineStatus.REJECTED, None),
        ("ID", LineStatus.REJECTED, "item deleted"),
        ("R1", LineStatus.REJECTED, "not a contract item"),
        ("R2", LineStatus.REJECTED, "invalid item product number"),
        ("R3", LineStatus.REJECTED, "invalid unit of issue"),
        ("R4", LineStatus.REJECTED, "contract item not available"),
        ("R5", LineStatus.REJECTED, "reorder item as a just-in-time order"),
    ],
)
def test_every_ack01_code_maps_to_a_line_status(
    code: str, status: LineStatus, reason: str | None
) -> None:
    line = line_of(f"ACK*{code}*100*EA*067*20260926")
    assert (line.status, line.reason) == (status, reason)


def test_a_partner_reason_wins_over_the_code_meaning() -> None:
    line = line_of("ACK*ID*0*EA~REF*ZZ**Discontinued by the maker")
    assert (line.status, line.reason) == (LineStatus.REJECTED, "Discontinued by the maker")


def test_a_short_confirmation_carries_the_confirmed_quantity_and_reason() -> None:
    line = line_of(
        "ACK*IQ*80*EA*067*20261009~REF*ZZ**Confirmed 80 of 100; the balance is not available"
    )
    assert (line.status, line.quantity, line.promised_delivery_date) == (
        LineStatus.QUANTITY_CHANGED,
        Decimal(80),
        date(2026, 10, 9),
    )
    assert line.reason == "Confirmed 80 of 100; the balance is not available"


def test_an_accepted_part_and_a_backorder_combine() -> None:
    line = line_of("ACK*IA*60*EA*067*20260926~ACK*IB*40*EA*067*20261009")
    assert (line.status, line.quantity, line.backordered_quantity) == (
        LineStatus.PARTIALLY_BACKORDERED,
        Decimal(60),
        Decimal(40),
    )
    assert line.promised_delivery_date == date(2026, 9, 26)
    assert line.problems() == []


def test_a_quantity_change_keeps_its_status_beside_a_backorder() -> None:
    line = line_of("ACK*IQ*35*EA~ACK*IB*65*EA")
    assert (line.status, line.quantity, line.backordered_quantity) == (
        LineStatus.QUANTITY_CHANGED,
        Decimal(35),
        Decimal(65),
    )


def test_a_wholly_backordered_line_owes_what_its_ack_says() -> None:
    line = line_of("ACK*IB*100*EA*067*20261009")
    assert (line.status, line.quantity, line.backordered_quantity) == (
        LineStatus.BACKORDERED,
        None,
        Decimal(100),
    )
    nothing_confirmed = line_of("ACK*IB*0*EA*067*20261009")
    assert (nothing_confirmed.quantity, nothing_confirmed.backordered_quantity) == (None, None)


def test_a_price_change_is_read_from_po104() -> None:
    line = line_of("ACK*IP*100*EA", head="PO1*1*100*EA*12.75**VP*WIDGET-001")
    assert (line.status, line.unit_price) == (LineStatus.PRICE_CHANGED, Decimal("12.75"))
    from_ctp = line_of("CTP**CON*13~ACK*IP*100*EA", head="PO1*1*100*EA***VP*WIDGET-001")
    assert from_ctp.unit_price == Decimal(13)


def test_a_substitution_names_the_new_item_in_the_ack() -> None:
    line = line_of("ACK*IS*100*EA*067*20260926**VP*WIDGET-002*BP*B-2")
    assert (line.status, line.supplier_item, line.buyer_item) == (
        LineStatus.ITEM_CHANGED,
        "WIDGET-002",
        "B-2",
    )


@pytest.mark.parametrize(
    ("dates", "ship", "delivery"),
    [
        ("ACK*DR*100*EA*068*20260930", date(2026, 9, 30), None),
        ("ACK*DR*100*EA*017*20261002", None, date(2026, 10, 2)),
        ("ACK*DR*100*EA*067*20261002~DTM*068*20260930", date(2026, 9, 30), date(2026, 10, 2)),
        ("ACK*DR*100*EA*20261002", None, date(2026, 10, 2)),
    ],
)
def test_promised_dates_come_from_ack_and_dtm(
    dates: str, ship: date | None, delivery: date | None
) -> None:
    line = line_of(dates)
    assert (line.promised_ship_date, line.promised_delivery_date) == (ship, delivery)


def test_a_line_without_ack_is_accepted_as_its_po1_states() -> None:
    line = line_of("PID*F****Widget")
    assert (line.status, line.quantity, line.unit_of_measure) == (
        LineStatus.ACCEPTED,
        Decimal(100),
        "EA",
    )


@pytest.mark.parametrize(
    ("bak02", "ack01", "status"),
    [
        ("AC", "IA", AcknowledgementStatus.ACCEPTED_WITH_CHANGES),
        ("AD", "IA", AcknowledgementStatus.ACCEPTED),
        ("AD", "IQ", AcknowledgementStatus.ACCEPTED_WITH_CHANGES),
        ("AK", "IA", AcknowledgementStatus.ACCEPTED),
        ("AE", "IH", AcknowledgementStatus.ACCEPTED),
        ("RD", "IR", AcknowledgementStatus.REJECTED),
        ("RJ", "IR", AcknowledgementStatus.REJECTED),
        ("RF", "IR", AcknowledgementStatus.REJECTED),
    ],
)
def test_bak02_and_the_lines_give_the_order_status(
    bak02: str, ack01: str, status: AcknowledgementStatus
) -> None:
    text = f"BAK*00*{bak02}*PO-1*20260924~PO1*1*1*EA*1~ACK*{ack01}*1*EA~"
    assert decode(text).status is status


def test_a_rejection_without_detail_and_its_reason() -> None:
    acknowledgement = decode("BAK*00*RJ*PO-1*20260924~REF*ZZ**Account on credit hold~")
    assert (acknowledgement.status, acknowledgement.lines, acknowledgement.reason) == (
        AcknowledgementStatus.REJECTED,
        (),
        "Account on credit hold",
    )


def test_the_acknowledgment_date_falls_back_to_dtm_097_then_bak04() -> None:
    assert decode("BAK*00*AK*PO-1*20260901~DTM*097*20260903~").issued_on == date(2026, 9, 3)
    assert decode("BAK*00*AK*PO-1*20260901~").issued_on == date(2026, 9, 1)


# --- refused input -----------------------------------------------------------------------


def test_unknown_codes_and_bad_values_are_named() -> None:
    text = MOCK_EDI.replace("ACK*IA*100*EA*067*20260926", "ACK*XX*1OO*EA*067*2026-09-26").replace(
        "BAK*00*AD", "BAK*00*ZZ"
    )
    found = problems(MAPPER, text)
    assert set(found) == {
        "BAK02",
        "PO1[1].ACK01",
        "PO1[1].ACK02",
        "PO1[1].ACK05",
    }
    assert found["PO1[1].ACK02"] == "must be a number, got '1OO'"
    assert found["PO1[1].ACK01"].startswith("must be a line item status code (AA, AC, AR, BP,")


def test_a_missing_order_number_or_date_is_named() -> None:
    assert problems(MAPPER, "BAK*00*AK~") == {
        "BAK03": "is required: the purchase order number",
        "BAK04": "is required: the date",
    }


# --- writing -----------------------------------------------------------------------------


def encode(acknowledgement: PurchaseOrderAcknowledgement) -> list[list[str]]:
    return MAPPER.encode(acknowledgement, EncodeOptions())


def with_line(**fields: Any) -> PurchaseOrderAcknowledgement:
    line = AcknowledgedLine(line_number=1, **fields)
    return PurchaseOrderAcknowledgement(
        purchase_order_number="PO-1",
        issued_on=date(2026, 9, 24),
        status=AcknowledgementStatus.ACCEPTED_WITH_CHANGES,
        lines=(line,),
    )


def acks(acknowledgement: PurchaseOrderAcknowledgement) -> list[list[str]]:
    return [segment for segment in encode(acknowledgement) if segment[0] == "ACK"]


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (LineStatus.ACCEPTED, "IA"),
        (LineStatus.ACCEPTED_WITH_CHANGES, "IC"),
        (LineStatus.QUANTITY_CHANGED, "IQ"),
        (LineStatus.PRICE_CHANGED, "IP"),
        (LineStatus.DATE_CHANGED, "DR"),
        (LineStatus.ITEM_CHANGED, "IS"),
        (LineStatus.BACKORDERED, "IB"),
        (LineStatus.PARTIALLY_BACKORDERED, "BP"),
        (LineStatus.ON_HOLD, "IH"),
        (LineStatus.REJECTED, "IR"),
    ],
)
def test_each_line_status_is_written_with_its_ack01_code(status: LineStatus, code: str) -> None:
    written = acks(with_line(status=status, quantity=Decimal(5), unit_of_measure="EA"))
    assert written[0][:3] == ["ACK", code, "5"]


def test_a_partial_backorder_is_written_as_two_acks() -> None:
    acknowledgement = with_line(
        status=LineStatus.PARTIALLY_BACKORDERED,
        quantity=Decimal(60),
        backordered_quantity=Decimal(40),
        unit_of_measure="EA",
        promised_delivery_date=date(2026, 9, 26),
        promised_ship_date=date(2026, 9, 25),
    )
    written = encode(acknowledgement)
    assert written[1:] == [
        ["PO1", "1", "60", "EA"],
        ["DTM", "068", "20260925"],
        ["ACK", "BP", "60", "EA", "067", "20260926"],
        ["ACK", "IB", "40", "EA"],
        ["CTT", "1"],
    ]
    assert MAPPER.decode(as_segments(written), DELIMITERS) == acknowledgement


def test_the_order_status_is_written_from_status_and_lines() -> None:
    def bak02(status: AcknowledgementStatus, with_lines: bool) -> str:
        acknowledgement = with_line(status=LineStatus.ACCEPTED)
        lines = acknowledgement.lines if with_lines else ()
        document = PurchaseOrderAcknowledgement(
            purchase_order_number="PO-1", issued_on=date(2026, 9, 24), status=status, lines=lines
        )
        return encode(document)[0][2]

    assert bak02(AcknowledgementStatus.ACCEPTED, True) == "AD"
    assert bak02(AcknowledgementStatus.ACCEPTED, False) == "AK"
    assert bak02(AcknowledgementStatus.ACCEPTED_WITH_CHANGES, True) == "AC"
    assert bak02(AcknowledgementStatus.REJECTED, True) == "RD"
    assert bak02(AcknowledgementStatus.REJECTED, False) == "RJ"


def test_a_quantity_needs_its_unit_to_be_written() -> None:
    with pytest.raises(EncodeError) as raised:
        encode(with_line(status=LineStatus.QUANTITY_CHANGED, quantity=Decimal(5)))
    assert {p.field for p in raised.value.problems} == {"lines[0].unit_of_measure"}


def test_a_long_reason_is_cut_at_spaces_into_several_refs() -> None:
    reason = " ".join(["backordered"] * 12)
    written = [
        s for s in encode(with_line(status=LineStatus.ON_HOLD, reason=reason)) if s[0] == "REF"
    ]
    assert len(written) == 2
    assert all(len(segment[3]) <= 80 for segment in written)


@settings(max_examples=150, deadline=None)
@given(acknowledgements())
def test_every_acknowledgement_x12_can_carry_comes_back_unchanged(
    acknowledgement: PurchaseOrderAcknowledgement,
) -> None:
    assert round_trip(MAPPER, acknowledgement) == acknowledgement
