"""856 <-> ShipNotice: the HL tree with orders, pallets, cartons, lots and serials."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings

from posync.codecs.errors import EncodeError
from posync.codecs.x12.mapping import EncodeOptions
from posync.codecs.x12.mapping.ship_notice import ShipNoticeMapper
from posync.domain.documents import Lot, Pack, ShipNotice, ShippedLine
from posync.domain.values import Party, PartyIdentifier
from unit.codecs.x12.mapping_support import (
    DELIMITERS,
    as_segments,
    packs_in_id_order,
    problem_pairs,
    problems,
    round_trip,
    segments,
    ship_notices,
)

MAPPER = ShipNoticeMapper()

# As mock-edi writes it: shipment, order, item.
MOCK_EDI = """
BSN*00*SHP8000002*20260925*1030*0004~
HL*1**S*1~
TD1*CTN25*6****G*42*LB~
TD5**2*UPSN*M*United Parcel Service~
REF*BM*BOL-123~
REF*CN*1Z999AA10123456784~
DTM*011*20260925~
N1*SF*Mock Supplier*92*MOCKEDI~
N1*ST*Northwind Plant 1*92*NW-1~
HL*2*1*O*1~
PRF*4500000042***20260924~
HL*3*2*I*0~
LIN*1*VP*WIDGET-001*UP*036000291452~
SN1*1*100*EA**100*EA~
HL*4*2*I*0~
LIN*2*VP*BRKT-050~
SN1*2*40*EA**40*EA~
CTT*4~
"""

# A pallet of two cartons; lots one item level each, or by REF*LT; serials both ways.
PACKED = """
BSN*00*SHP-9*20261001*0800*0001~
HL*1**S*1~
DTM*011*20261001~
DTM*017*20261004~
HL*2*1*O*1~
PRF*PO-7~
HL*3*2*T*1~
MAN*ZZ*PALLET-1~
TD1*PLT94*****G*120.5*KG~
HL*4*3*P*1~
MAN*GM*00000123450000000017~
TD1*CTN25~
HL*5*4*I*0~
LIN*1*VP*SERUM*LT*L-1~
SN1**2*EA~
DTM*036*20270630~
HL*6*4*I*0~
LIN*1*VP*SERUM*LT*L-2~
SN1**1*EA~
HL*7*3*P*1~
MAN*ZZ*CARTON-2~
HL*8*7*I*0~
LIN*2*VP*METER*SN*M-1~
SN1**2*EA~
REF*SE*M-2~
HL*9*7*I*0~
LIN*3*VP*GEL~
SN1**5*EA~
REF*LT*L-9~
CTT*9~
"""


def decode(text: str) -> ShipNotice:
    return MAPPER.decode(segments(text), DELIMITERS)


def test_the_mock_edi_sample_decodes() -> None:
    notice = decode(MOCK_EDI)
    assert notice == ShipNotice(
        shipment_id="SHP8000002",
        issued_on=date(2026, 9, 25),
        ship_date=date(2026, 9, 25),
        carrier="UPSN",
        ship_method="United Parcel Service",
        tracking_number="1Z999AA10123456784",
        ship_from=Party(
            name="Mock Supplier",
            identifiers=(PartyIdentifier(scheme="buyer-assigned", value="MOCKEDI"),),
        ),
        ship_to=Party(
            name="Northwind Plant 1",
            identifiers=(PartyIdentifier(scheme="buyer-assigned", value="NW-1"),),
        ),
        lines=(
            ShippedLine(
                purchase_order_number="4500000042",
                line_number=1,
                quantity=Decimal(100),
                unit_of_measure="EA",
                supplier_item="WIDGET-001",
                gtin="036000291452",
            ),
            ShippedLine(
                purchase_order_number="4500000042",
                line_number=2,
                quantity=Decimal(40),
                unit_of_measure="EA",
                supplier_item="BRKT-050",
            ),
        ),
    )
    assert notice.problems() == []


def test_packs_nest_and_items_know_their_pack_lots_and_serials() -> None:
    notice = decode(PACKED)
    assert notice.packs == (
        Pack(
            pack_id="PALLET-1", packaging="PLT94", gross_weight=Decimal("120.5"), weight_unit="KGM"
        ),
        Pack(pack_id="000123450000000017", packaging="CTN25", parent_pack_id="PALLET-1"),
        Pack(pack_id="CARTON-2", parent_pack_id="PALLET-1"),
    )
    serum, meter, gel = notice.lines
    assert serum == ShippedLine(
        purchase_order_number="PO-7",
        line_number=1,
        quantity=Decimal(3),
        unit_of_measure="EA",
        supplier_item="SERUM",
        pack_id="000123450000000017",
        lots=(
            Lot(lot_number="L-1", quantity=Decimal(2), expires_on=date(2027, 6, 30)),
            Lot(lot_number="L-2", quantity=Decimal(1)),
        ),
    )
    assert (meter.pack_id, meter.serial_numbers) == ("CARTON-2", ("M-1", "M-2"))
    assert gel.lots == (Lot(lot_number="L-9", quantity=Decimal(5)),)
    assert notice.estimated_delivery_date == date(2026, 10, 4)
    assert notice.problems() == []


def test_packs_above_the_order_are_read_by_parent_pointer() -> None:
    text = """
    BSN*00*SHP-3*20261001*0800~
    HL*1**S*1~
    HL*2*1*T*1~
    MAN*ZZ*PALLET-1~
    HL*3*2*P*1~
    MAN*ZZ*CARTON-1~
    HL*4*3*O*1~
    PRF*PO-1~
    HL*5*4*I*0~
    LIN*1*VP*A~
    SN1**1*EA~
    HL*6*2*O*1~
    PRF*PO-2~
    HL*7*6*I*0~
    LIN*4*VP*B~
    SN1**2*EA~
    """
    notice = decode(text)
    assert [(line.purchase_order_number, line.pack_id) for line in notice.lines] == [
        ("PO-1", "CARTON-1"),
        ("PO-2", "PALLET-1"),
    ]
    assert notice.ship_date == date(2026, 10, 1)


def test_a_pack_level_without_man_is_no_pack_of_its_own() -> None:
    text = PACKED.replace("MAN*ZZ*CARTON-2~", "")
    notice = decode(text)
    assert [pack.pack_id for pack in notice.packs] == ["PALLET-1", "000123450000000017"]
    assert notice.lines[1].pack_id == "PALLET-1"


def test_consecutive_lot_levels_of_another_line_stay_apart() -> None:
    text = PACKED.replace("LIN*1*VP*SERUM*LT*L-2", "LIN*9*VP*SERUM*LT*L-2")
    assert [line.line_number for line in decode(text).lines] == [1, 9, 2, 3]


# --- refused input -----------------------------------------------------------------------


def test_a_broken_tree_is_named_by_its_level() -> None:
    text = MOCK_EDI.replace("HL*4*2*I*0", "HL*4*8*I*0").replace("HL*3*2*I*0", "HL*2*2*I*0")
    found = problem_pairs(MAPPER, text)
    assert ("HL[3].HL01", "repeats the hierarchical id '2'") in found
    assert ("HL[4].HL02", "names HL '8', which does not come before it") in found


def test_an_item_outside_any_order_is_refused() -> None:
    text = MOCK_EDI.replace("PRF*4500000042***20260924~", "")
    found = problems(MAPPER, text)
    assert found["HL[3].HL02"] == "an item must sit under an order level with PRF01 (the order)"


def test_several_lots_in_one_item_level_are_refused() -> None:
    text = PACKED.replace("REF*LT*L-9", "REF*LT*L-9~REF*LT*L-10")
    assert problems(MAPPER, text) == {
        "HL[9].HL01": "holds several lots whose quantities cannot be told apart: "
        "send an item level per lot"
    }


def test_bad_values_are_named() -> None:
    text = MOCK_EDI.replace("SN1*2*40*EA", "SN1*2*forty*EA").replace(
        "DTM*011*20260925", "DTM*011*20260231"
    )
    assert problems(MAPPER, text) == {
        "HL[4].SN102": "must be a number, got 'forty'",
        "HL[1].DTM02": "must be a date as CCYYMMDD, got '20260231'",
    }


def test_an_item_without_quantity_or_line_number_is_refused() -> None:
    text = (
        MOCK_EDI.replace("SN1*2*40*EA**40*EA~", "")
        .replace("LIN*1*VP", "LIN**VP")
        .replace("SN1*1*100", "SN1**100")
    )
    found = problems(MAPPER, text)
    assert found["HL[4].SN1"] == "is required: the quantity shipped"
    assert found["HL[3].SN101"] == "is required: the order line number"


# --- writing -----------------------------------------------------------------------------


def tree(written: list[list[str]]) -> list[tuple[str, str, str, str]]:
    return [(s[1], s[2], s[3], s[4]) for s in written if s[0] == "HL"]


def test_the_tree_is_written_with_parent_pointers() -> None:
    notice = decode(PACKED)
    written = MAPPER.encode(notice, EncodeOptions())
    assert tree(written) == [
        ("1", "", "S", "1"),
        ("2", "1", "O", "1"),
        ("3", "2", "T", "1"),
        ("4", "3", "P", "1"),
        ("5", "4", "I", "0"),
        ("6", "4", "I", "0"),
        ("7", "3", "P", "1"),
        ("8", "7", "I", "0"),
        ("9", "7", "I", "0"),
    ]
    assert written[0] == ["BSN", "00", "SHP-9", "20261001", "0000", "0001"]
    assert ["MAN", "GM", "00000123450000000017"] in written
    assert ["LIN", "1", "VP", "SERUM", "LT", "L-1"] in written
    assert ["REF", "SE", "M-1"] in written
    assert written[-1] == ["CTT", "9"]
    assert MAPPER.decode(as_segments(written), DELIMITERS) == notice


def test_packs_holding_no_line_hang_from_the_shipment() -> None:
    notice = ShipNotice(
        shipment_id="SHP-1",
        issued_on=date(2026, 10, 1),
        ship_date=date(2026, 10, 1),
        lines=(
            ShippedLine(
                purchase_order_number="PO-1",
                line_number=1,
                quantity=Decimal(1),
                unit_of_measure="EA",
            ),
        ),
        packs=(Pack(pack_id="EMPTY-1", packaging="CTN"),),
    )
    written = MAPPER.encode(notice, EncodeOptions())
    assert tree(written)[-1] == ("4", "1", "P", "0")
    assert round_trip(MAPPER, notice) == notice


def test_an_empty_carton_hangs_from_its_pallet() -> None:
    notice = ShipNotice(
        shipment_id="SHP-1",
        issued_on=date(2026, 10, 1),
        ship_date=date(2026, 10, 1),
        lines=(
            ShippedLine(
                purchase_order_number="PO-1",
                line_number=1,
                quantity=Decimal(1),
                unit_of_measure="EA",
                pack_id="PALLET-1",
            ),
        ),
        packs=(Pack(pack_id="PALLET-1"), Pack(pack_id="CARTON-9", parent_pack_id="PALLET-1")),
    )
    assert tree(MAPPER.encode(notice, EncodeOptions())) == [
        ("1", "", "S", "1"),
        ("2", "1", "O", "1"),
        ("3", "2", "T", "1"),
        ("4", "3", "I", "0"),
        ("5", "3", "P", "0"),
    ]
    assert round_trip(MAPPER, notice) == notice


def test_a_line_in_an_unknown_pack_cannot_be_written() -> None:
    line = ShippedLine(
        purchase_order_number="PO-1",
        line_number=1,
        quantity=Decimal(1),
        unit_of_measure="EA",
        pack_id="NOWHERE",
    )
    notice = ShipNotice(
        shipment_id="SHP-1", issued_on=date(2026, 10, 1), ship_date=date(2026, 10, 1), lines=(line,)
    )
    with pytest.raises(EncodeError) as raised:
        MAPPER.encode(notice, EncodeOptions())
    assert [p.field for p in raised.value.problems] == ["lines[0].pack_id"]


@settings(max_examples=150, deadline=None)
@given(ship_notices())
def test_every_ship_notice_comes_back_unchanged(notice: ShipNotice) -> None:
    decoded = round_trip(MAPPER, notice)
    assert isinstance(decoded, ShipNotice)
    assert packs_in_id_order(decoded) == packs_in_id_order(notice)
