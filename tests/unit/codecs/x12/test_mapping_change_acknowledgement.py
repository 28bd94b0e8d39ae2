"""865 <-> PurchaseOrderAcknowledgement with change_number: the answer to a change, line by line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings

from posync.codecs.errors import EncodeError
from posync.codecs.x12.mapping import EncodeOptions
from posync.codecs.x12.mapping.change_acknowledgement import ChangeAcknowledgementMapper
from posync.domain.documents import (
    AcknowledgedLine,
    AcknowledgementStatus,
    LineStatus,
    PurchaseOrderAcknowledgement,
)
from unit.codecs.x12.mapping_support import (
    DELIMITERS,
    acknowledgements,
    problems,
    round_trip,
    segments,
)

MAPPER = ChangeAcknowledgementMapper()

# As mock-edi answers the change in its README: ACK before REF, BCA dates in 06, 10, 11.
MOCK_EDI = """
BCA*00*AC*4500000042**2*20260924***5100002*20260925*20260924~
CUR*SE*USD~
REF*VN*5100002~
N1*SE*Mock Supplier*92*MOCKEDI~
POC*1*QD*60**EA*12.50**VP*WIDGET-001~
ACK*IA*60*EA*067*20260926~
POC*2*DI*40**EA*4.15**VP*BRKT-050~
ACK*IR*0*EA~
REF*ZZ**Line deleted at the buyer's request~
CTT*2~
"""


def test_the_mock_edi_sample_decodes() -> None:
    acknowledgement = MAPPER.decode(segments(MOCK_EDI), DELIMITERS)
    assert acknowledgement == PurchaseOrderAcknowledgement(
        purchase_order_number="4500000042",
        issued_on=date(2026, 9, 25),
        status=AcknowledgementStatus.ACCEPTED_WITH_CHANGES,
        change_number=2,
        supplier_order_number="5100002",
        lines=(
            AcknowledgedLine(
                line_number=1,
                status=LineStatus.ACCEPTED,
                quantity=Decimal(60),
                unit_of_measure="EA",
                unit_price=Decimal("12.50"),
                promised_delivery_date=date(2026, 9, 26),
                supplier_item="WIDGET-001",
            ),
            AcknowledgedLine(
                line_number=2,
                status=LineStatus.REJECTED,
                quantity=Decimal(0),
                unit_of_measure="EA",
                unit_price=Decimal("4.15"),
                supplier_item="BRKT-050",
                reason="Line deleted at the buyer's request",
            ),
        ),
    )


def test_the_change_number_is_required_and_numeric() -> None:
    assert problems(MAPPER, MOCK_EDI.replace("**2*20260924", "***20260924")) == {
        "BCA05": "is required: the change order sequence number"
    }
    assert problems(MAPPER, MOCK_EDI.replace("**2*20260924", "**2A*20260924")) == {
        "BCA05": "must be a change order sequence number (a whole number greater than zero), "
        "got '2A'"
    }


def test_the_date_falls_back_to_bca06() -> None:
    text = MOCK_EDI.replace("*5100002*20260925*20260924", "*5100002")
    assert MAPPER.decode(segments(text), DELIMITERS).issued_on == date(2026, 9, 24)


def test_an_acknowledgement_without_change_number_is_not_an_865() -> None:
    acknowledgement = PurchaseOrderAcknowledgement(
        purchase_order_number="PO-1",
        issued_on=date(2026, 9, 24),
        status=AcknowledgementStatus.ACCEPTED,
    )
    with pytest.raises(EncodeError) as raised:
        MAPPER.encode(acknowledgement, EncodeOptions())
    assert [p.field for p in raised.value.problems] == ["change_number"]


def test_lines_are_written_as_poc_and_ack() -> None:
    acknowledgement = MAPPER.decode(segments(MOCK_EDI), DELIMITERS)
    written = MAPPER.encode(acknowledgement, EncodeOptions())
    assert written[0] == [
        "BCA", "00", "AC", "4500000042", "", "2", "20260925", "", "", "5100002", "20260925"
    ]  # fmt: skip
    assert ["POC", "2", "CA", "0", "", "EA", "4.15", "", "VP", "BRKT-050"] in written
    assert ["ACK", "IR", "0", "EA"] in written


@settings(max_examples=150, deadline=None)
@given(acknowledgements(change_number=True))
def test_every_change_acknowledgement_comes_back_unchanged(
    acknowledgement: PurchaseOrderAcknowledgement,
) -> None:
    assert round_trip(MAPPER, acknowledgement) == acknowledgement
