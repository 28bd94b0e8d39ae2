"""850 <-> PurchaseOrder: an order reads right, writes back, and bad values are named."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings

from posync.codecs.errors import EncodeError
from posync.codecs.x12.mapping import EncodeOptions
from posync.codecs.x12.mapping.purchase_order import PurchaseOrderMapper
from posync.domain.documents import OrderKind, PurchaseOrder, ScheduleLine
from posync.domain.values import Address, Contact, Incoterms, Party, PartyIdentifier, PaymentTerms
from support.documents import make_line, make_purchase_order
from unit.codecs.x12.mapping_support import (
    DELIMITERS,
    as_segments,
    problems,
    purchase_orders,
    round_trip,
    segments,
)

MAPPER = PurchaseOrderMapper()

ORDER = """
BEG*00*SA*4500000042**20260924~
CUR*BY*EUR~
REF*PP*2~
PER*BD*Ada Buyer*TE*+1 555 0100~
FOB*DF***01*FCA*ZZ*Hamburg~
ITD*08*3*2**10**30~
DTM*002*20261001~
DTM*010*20260928~
TD5*****UPS GROUND~
N9*L1*1~
MSG*Deliver to dock 4.~
N1*BY*Northwind Manufacturing*1*123456789~
N3*1 Mill Road*Building 2~
N4*Dayton*OH*45402*US~
N1*SE*ACME Industrial*92*V-100~
N1*ST*Northwind Plant 1*UL*4012345000009~
N1*BT*Northwind AP*ZZ*AP-1~
PO1*1*100*EA*12.50**BP*ITEM-1*VP*WIDGET-001*UP*036000291452~
PID*F****Blue widget,~
PID*F****large~
DTM*002*20261002~
SCH*60*EA***002*20261002~
SCH*40*EA***002*20261009**010*20261005~
PO1*2*40*EA*4.15**VP*BRKT-050~
CTT*2*140~
"""


def test_a_full_order_decodes_to_its_canonical_document() -> None:
    order = MAPPER.decode(segments(ORDER), DELIMITERS)

    assert order.number == "4500000042"
    assert order.order_date == date(2026, 9, 24)
    assert order.kind is OrderKind.STANDARD
    assert order.currency == "EUR"
    assert order.revision == 2
    assert order.incoterms == Incoterms(code="FCA", place="Hamburg")
    assert order.payment_terms == PaymentTerms(
        net_days=30, discount_percent=Decimal("2"), discount_days=10
    )
    assert order.requested_delivery_date == date(2026, 10, 1)
    assert order.requested_ship_date == date(2026, 9, 28)
    assert order.ship_method == "UPS GROUND"
    assert order.notes == ("Deliver to dock 4.",)
    assert order.buyer == Party(
        name="Northwind Manufacturing",
        identifiers=(PartyIdentifier(scheme="duns", value="123456789"),),
        address=Address(
            lines=("1 Mill Road", "Building 2"),
            city="Dayton",
            region="OH",
            postal_code="45402",
            country="US",
        ),
        contact=Contact(name="Ada Buyer", phone="+1 555 0100"),
    )
    assert order.supplier.identifiers == (PartyIdentifier(scheme="buyer-assigned", value="V-100"),)
    assert order.ship_to is not None
    assert order.ship_to.identifier("gln") == "4012345000009"
    assert order.bill_to is not None
    assert order.bill_to.identifier("ZZ") == "AP-1"
    first, second = order.lines
    assert (first.line_number, first.quantity, first.unit_of_measure, first.unit_price) == (
        1,
        Decimal(100),
        "EA",
        Decimal("12.50"),
    )
    assert (first.buyer_item, first.supplier_item, first.gtin) == (
        "ITEM-1",
        "WIDGET-001",
        "036000291452",
    )
    assert first.description == "Blue widget, large"
    assert first.requested_delivery_date == date(2026, 10, 2)
    assert first.schedule == (
        ScheduleLine(quantity=Decimal(60), requested_delivery_date=date(2026, 10, 2)),
        ScheduleLine(
            quantity=Decimal(40),
            requested_delivery_date=date(2026, 10, 9),
            requested_ship_date=date(2026, 10, 5),
        ),
    )
    assert (second.line_number, second.supplier_item, second.description) == (2, "BRKT-050", None)
    assert order.problems() == []


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("SA", OrderKind.STANDARD),
        ("NE", OrderKind.STANDARD),
        ("BK", OrderKind.BLANKET),
        ("RL", OrderKind.RELEASE),
        ("DS", OrderKind.DROPSHIP),
    ],
)
def test_beg02_gives_the_kind_of_order(code: str, kind: OrderKind) -> None:
    text = ORDER.replace("BEG*00*SA*4500000042**20260924", f"BEG*00*{code}*4500000042**20260924")
    assert MAPPER.decode(segments(text), DELIMITERS).kind is kind


def test_a_release_names_its_number_and_its_blanket_order() -> None:
    text = ORDER.replace("BEG*00*SA*4500000042**20260924", "BEG*00*RL*4500000042*7*20260924*BPO-1")
    order = MAPPER.decode(segments(text), DELIMITERS)
    assert (order.kind, order.release_number, order.blanket_order_number) == (
        OrderKind.RELEASE,
        7,
        "BPO-1",
    )


def test_party_identifier_qualifiers_become_schemes() -> None:
    text = ORDER.replace("N1*SE*ACME Industrial*92*V-100", "N1*SE*ACME Industrial*9*1234567890001")
    order = MAPPER.decode(segments(text), DELIMITERS)
    assert order.supplier.identifiers == (PartyIdentifier(scheme="duns", value="1234567890001"),)
    seller = ORDER.replace("*92*V-100", "*91*OUR-ID")
    assert MAPPER.decode(segments(seller), DELIMITERS).supplier.identifier("seller-assigned") == (
        "OUR-ID"
    )


def test_a_long_name_continues_in_n2() -> None:
    text = ORDER.replace(
        "N1*SE*ACME Industrial*92*V-100", "N1*SE*ACME Industrial*92*V-100~N2*Supply Division"
    )
    assert MAPPER.decode(segments(text), DELIMITERS).supplier.name == (
        "ACME Industrial Supply Division"
    )


def test_a_party_named_only_by_its_identifier_takes_it_as_name() -> None:
    text = ORDER.replace("N1*ST*Northwind Plant 1*UL", "N1*ST**UL")
    ship_to = MAPPER.decode(segments(text), DELIMITERS).ship_to
    assert ship_to is not None
    assert ship_to.name == "4012345000009"


def test_an_order_without_cur_is_in_us_dollars() -> None:
    text = ORDER.replace("CUR*BY*EUR~", "")
    assert MAPPER.decode(segments(text), DELIMITERS).currency == "USD"


def test_st_and_se_left_in_are_ignored() -> None:
    text = "ST*850*0001~" + ORDER + "SE*27*0001~"
    assert MAPPER.decode(segments(text), DELIMITERS) == MAPPER.decode(segments(ORDER), DELIMITERS)


# --- refused input -----------------------------------------------------------------------


def test_a_line_number_that_is_not_a_number_is_refused() -> None:
    found = problems(MAPPER, ORDER.replace("PO1*2*40", "PO1*A2*40"))
    assert found == {
        "PO1[2].PO101": "must be a line number (a whole number greater than zero), got 'A2'"
    }


def test_a_quantity_that_is_not_a_number_is_refused() -> None:
    found = problems(MAPPER, ORDER.replace("PO1*1*100*EA", "PO1*1*ten*EA"))
    assert found == {"PO1[1].PO102": "must be a number, got 'ten'"}


def test_every_bad_value_is_reported_at_once() -> None:
    text = (
        ORDER.replace("20260924", "20261341")
        .replace("*4.15*", "*4,15*")
        .replace("SCH*60*EA***002*20261002", "SCH*6O*EA***002*20261002")
    )
    assert problems(MAPPER, text) == {
        "BEG05": "must be a date as CCYYMMDD, got '20261341'",
        "PO1[2].PO104": "must be a number, got '4,15'",
        "PO1[1].SCH[1].SCH01": "must be a number, got '6O'",
    }


def test_missing_mandatory_values_are_named() -> None:
    text = ORDER.replace("BEG*00*SA*4500000042**20260924", "BEG*00*SA***").replace(
        "PO1*2*40*EA*4.15", "PO1*2*40**"
    )
    found = problems(MAPPER, text)
    assert set(found) == {"BEG03", "BEG05", "PO1[2].PO103", "PO1[2].PO104"}
    assert found["BEG03"] == "is required: the purchase order number"


def test_an_order_without_a_buyer_or_beg_is_refused() -> None:
    assert "N101" in problems(MAPPER, ORDER.replace("N1*BY*", "N1*ZZ*"))
    assert problems(MAPPER, "PO1*1*1*EA*1**VP*X~") == {
        "BEG": "is required: the beginning segment of the purchase order"
    }


def test_a_cancelling_850_is_refused_as_a_purchase_order() -> None:
    found = problems(MAPPER, ORDER.replace("BEG*00*", "BEG*01*"))
    assert found == {"BEG01": "is 01, a cancellation: send it as an 860 change"}


# --- writing -----------------------------------------------------------------------------


def encode(order: PurchaseOrder, version: str = "004010") -> list[list[str]]:
    return MAPPER.encode(order, EncodeOptions(version=version))


def test_an_order_is_written_as_the_standard_shows_it() -> None:
    order = MAPPER.decode(segments(ORDER), DELIMITERS)
    written = {tuple(segment) for segment in encode(order)}
    assert ("BEG", "00", "SA", "4500000042", "", "20260924") in written
    assert (
        "PO1",
        "1",
        "100",
        "EA",
        "12.5",
        "",
        "BP",
        "ITEM-1",
        "VP",
        "WIDGET-001",
        "UP",
        "036000291452",
    ) in written
    assert ("SCH", "40", "EA", "", "", "002", "20261009", "", "010", "20261005") in written
    assert ("FOB", "DF", "", "", "01", "FCA", "ZZ", "Hamburg") in written
    assert ("ITD", "08", "3", "2", "", "10", "", "30") in written
    assert ("CTT", "2", "140") in written
    assert MAPPER.decode(as_segments(encode(order)), DELIMITERS) == order


@pytest.mark.parametrize(
    ("price", "written"),
    [("12.50", "12.5"), ("100", "100"), ("1E+2", "100"), ("0.125", "0.125"), ("0.00", "0")],
)
def test_decimals_are_written_plainly(price: str, written: str) -> None:
    order = make_purchase_order(lines=(make_line(1, unit_price=Decimal(price)),))
    (line,) = (segment for segment in encode(order) if segment[0] == "PO1")
    assert line[4] == written


def test_gtins_are_qualified_by_their_length() -> None:
    lines = tuple(
        make_line(number, buyer_item=None, gtin=gtin)
        for number, gtin in enumerate(
            ("96385074", "036000291452", "4006381333931", "10012345678902"), start=1
        )
    )
    written = [
        segment[6] for segment in encode(make_purchase_order(lines=lines)) if segment[0] == "PO1"
    ]
    assert written == ["EO", "UP", "EN", "UK"]


def test_a_value_too_long_for_its_element_is_refused_not_cut() -> None:
    order = make_purchase_order(number="P" * 23, lines=(make_line(1, unit_of_measure="BLL"),))
    with pytest.raises(EncodeError) as raised:
        encode(order)
    problems = [(p.field, p.message) for p in raised.value.problems]
    assert problems[0] == (
        "number",
        "BEG03 holds 1 to 22 characters (X12 004010), got 23: '" + "P" * 23 + "'",
    )
    assert problems[1][0] == "lines[0].unit_of_measure"
    assert problems[1][1].startswith(
        "PO103 carries a two-letter X12 code and the unit of measure "
        "(355 / Recommendation 20) 'BLL' has none; expected one of "
    )
    assert len(problems) == 2


@pytest.mark.parametrize(
    ("canonical", "x12"), [("KGM", "KG"), ("H87", "PC"), ("CS", "CA"), ("CA", "CN"), ("EA", "EA")]
)
def test_units_are_written_in_x12_codes_and_read_back_in_recommendation_20(
    canonical: str, x12: str
) -> None:
    order = make_purchase_order(lines=(make_line(1, unit_of_measure=canonical),))
    written = encode(order)
    assert next(s for s in written if s[0] == "PO1")[3] == x12
    assert MAPPER.decode(as_segments(written), DELIMITERS).lines[0].unit_of_measure == canonical


def test_an_x12_unit_given_in_a_canonical_document_is_written_and_read_as_recommendation_20() -> (
    None
):
    order = make_purchase_order(lines=(make_line(1, unit_of_measure="LB"),))
    written = encode(order)
    assert next(s for s in written if s[0] == "PO1")[3] == "LB"
    assert MAPPER.decode(as_segments(written), DELIMITERS).lines[0].unit_of_measure == "LBR"


def test_a_number_with_too_many_digits_is_refused() -> None:
    order = make_purchase_order(lines=(make_line(1, quantity=Decimal("1234567890.123456")),))
    with pytest.raises(EncodeError) as raised:
        encode(order)
    assert [p.field for p in raised.value.problems] == ["lines[0].quantity"]


def test_005010_allows_longer_references() -> None:
    contact = Contact(email="a" * 80 + "@example.com")
    order = make_purchase_order(buyer=Party(name="Buyer", contact=contact))
    with pytest.raises(EncodeError):
        encode(order, "004010")
    assert MAPPER.decode(as_segments(encode(order, "005010")), DELIMITERS).buyer.contact == contact


def test_a_schedule_line_without_a_date_cannot_be_written() -> None:
    line = make_line(1, schedule=(ScheduleLine(quantity=Decimal(10)),))
    with pytest.raises(EncodeError) as raised:
        encode(make_purchase_order(lines=(line,)))
    assert [p.field for p in raised.value.problems] == ["lines[0].schedule[0]"]


def test_a_name_too_long_for_n1_breaks_into_n2() -> None:
    name = "Northwind Manufacturing and Distribution Company of the Greater Dayton Area"
    written = encode(make_purchase_order(buyer=Party(name=name)))
    assert ["N1", "BY", "Northwind Manufacturing and Distribution Company of the"] in written
    assert ["N2", "Greater Dayton Area"] in written


def test_what_x12_cannot_carry_is_left_out() -> None:
    order = make_purchase_order()
    rich_line = dataclasses.replace(
        make_line(1), item_category="raw", capitalized=True, account_assignments=()
    )
    decoded = MAPPER.decode(
        as_segments(encode(dataclasses.replace(order, lines=(rich_line,)))), DELIMITERS
    )
    assert decoded.lines[0].item_category is None
    assert decoded.lines[0].capitalized is False


@settings(max_examples=150, deadline=None)
@given(purchase_orders())
def test_every_order_x12_can_carry_comes_back_unchanged(order: PurchaseOrder) -> None:
    assert round_trip(MAPPER, order) == order
    assert round_trip(MAPPER, order, "005010") == order
