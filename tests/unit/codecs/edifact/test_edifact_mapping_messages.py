"""Each D.96A message reads into its canonical document, and bad values are named.

The messages are written the way partners write them (mock-edi's profile
among them), not the way posync does, so these tests hold the readers to
what arrives rather than to posync's own writing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from posync.codecs.edifact.mapping import MAPPERS
from posync.codecs.errors import DecodeError
from posync.domain.documents import (
    AcknowledgementStatus,
    ChangePurpose,
    ChargeKind,
    InvoiceKind,
    LineChangeType,
    LineStatus,
    OrderKind,
    ScheduleLine,
)
from posync.domain.values import Address, Contact, Incoterms, PartyIdentifier, PaymentTerms
from support.edifact_documents import segments

ORDER = """
BGM+220+4500000042+9'
DTM+137:20260924:102'
DTM+2:20261001:102'
FTX+AAI+++Deliver to dock 4.'
RFF+PP:2'
NAD+BY+4012345000009::9++Northwind Manufacturing+1 Mill Road+Dayton+OH+45402+US'
CTA+IC+:Ada Buyer'
COM+?+1 555 0100:TE'
NAD+SU+V-100::92++ACME Industrial'
NAD+DP+4012345000016::9++Northwind Plant 1'
CUX+2:EUR:9'
PAT+22++5:3:D:10'
PCD+12:2'
PAT+1++5:3:D:30'
TDT+20++++:::UPS GROUND'
TOD+6++FCA'
LOC+1+:::Hamburg'
LIN+1++036000291452:UP'
PIA+1+ITEM-1:IN+WIDGET-001:SA'
IMD+F++:::Blue widget,:large'
QTY+21:100:PCE'
DTM+2:20261002:102'
PRI+AAA:12,50'
SCC+1'
QTY+21:60:PCE'
DTM+2:20261002:102'
QTY+21:40:PCE'
DTM+2:20261009:102'
DTM+10:20261005:102'
LIN+2++BRKT-050:VP'
QTY+21:40:PCE'
PRI+AAB:4,15'
UNS+S'
CNT+2:2'
"""


def test_an_order_reads_whole_with_the_interchange_decimal_comma() -> None:
    order = MAPPERS["ORDERS"].decode(segments(ORDER), ",")

    assert (order.number, order.order_date, order.kind) == (
        "4500000042",
        date(2026, 9, 24),
        OrderKind.STANDARD,
    )
    assert (order.currency, order.revision, order.notes) == ("EUR", 2, ("Deliver to dock 4.",))
    assert order.requested_delivery_date == date(2026, 10, 1)
    assert order.payment_terms == PaymentTerms(
        net_days=30, discount_percent=Decimal(2), discount_days=10
    )
    assert order.incoterms == Incoterms(code="FCA", place="Hamburg")
    assert order.ship_method == "UPS GROUND"
    assert order.buyer.identifiers == (PartyIdentifier(scheme="gln", value="4012345000009"),)
    assert order.buyer.address == Address(
        lines=("1 Mill Road",), city="Dayton", region="OH", postal_code="45402", country="US"
    )
    assert order.buyer.contact == Contact(name="Ada Buyer", phone="+1 555 0100")
    assert order.supplier.identifier("buyer-assigned") == "V-100"
    assert order.ship_to is not None
    assert order.ship_to.name == "Northwind Plant 1"
    first, second = order.lines
    assert (first.buyer_item, first.supplier_item, first.gtin) == (
        "ITEM-1",
        "WIDGET-001",
        "036000291452",
    )
    assert (first.quantity, first.unit_of_measure, first.unit_price) == (
        Decimal(100),
        "PCE",
        Decimal("12.50"),
    )
    assert first.description == "Blue widget, large"
    assert first.schedule == (
        ScheduleLine(quantity=Decimal(60), requested_delivery_date=date(2026, 10, 2)),
        ScheduleLine(
            quantity=Decimal(40),
            requested_delivery_date=date(2026, 10, 9),
            requested_ship_date=date(2026, 10, 5),
        ),
    )
    assert (second.supplier_item, second.unit_price) == ("BRKT-050", Decimal("4.15"))
    assert order.problems() == []


def test_a_comma_where_the_interchange_declares_a_full_stop_is_named() -> None:
    with pytest.raises(DecodeError) as raised:
        MAPPERS["ORDERS"].decode(segments(ORDER))
    assert [(p.field, p.message) for p in raised.value.problems] == [
        (
            "LIN[1].PRI.C509.5118",
            "must be a number with the interchange's decimal mark '.' (UNA3), got '12,50'",
        ),
        (
            "LIN[2].PRI.C509.5118",
            "must be a number with the interchange's decimal mark '.' (UNA3), got '4,15'",
        ),
    ]


@pytest.mark.parametrize(
    ("code", "name", "kind"),
    [
        ("220", "", OrderKind.STANDARD),
        ("221", "", OrderKind.BLANKET),
        ("226", "", OrderKind.RELEASE),
        ("220", "DROPSHIP", OrderKind.DROPSHIP),
        ("224", "", OrderKind.STANDARD),
    ],
)
def test_the_document_name_gives_the_kind_of_order(code: str, name: str, kind: OrderKind) -> None:
    text = ORDER.replace("BGM+220+", f"BGM+{code}:::{name}+")
    assert MAPPERS["ORDERS"].decode(segments(text), ",").kind is kind


def test_every_bad_value_of_an_order_is_named_at_once() -> None:
    text = (
        ORDER.replace("DTM+137:20260924:102", "DTM+137:20261341:102")
        .replace("LIN+2++", "LIN+X2++")
        .replace("QTY+21:60:PCE", "QTY+21:6O:PCE")
        .replace("CUX+2:EUR:9'", "")
    )
    with pytest.raises(DecodeError) as raised:
        MAPPERS["ORDERS"].decode(segments(text), ",")
    assert sorted((p.field, p.message) for p in raised.value.problems) == sorted(
        [
            ("DTM[1].C507.2380", "must be a date as format 102 says, got '20261341'"),
            ("DTM", "is required: a DTM 137 with the order date"),
            ("CUX", "is required: the currency of the order (C504 6345)"),
            (
                "LIN[2].1082",
                "must be a line number (a whole number greater than zero), got 'X2'",
            ),
            ("LIN[1].QTY[2].C186.6060", "must be a number (decimal mark ',' or '.'), got '6O'"),
        ]
    )


def test_a_cancellation_is_refused_as_an_order() -> None:
    with pytest.raises(DecodeError) as raised:
        MAPPERS["ORDERS"].decode(segments(ORDER.replace("+4500000042+9'", "+4500000042+1'")), ",")
    assert [p.field for p in raised.value.problems] == ["BGM.1225"]


# mock-edi's ORDRSP: no line action, the verdict told by the quantities.
RESPONSE = """
BGM+231+5100002+9+AC'
DTM+137:20260924:102'
RFF+ON:4500000001'
NAD+SU+MOCKEDI::92++Mock EDI Supply Co'
CUX+2:USD:9'
LIN+1++WIDGET-001:VP'
QTY+21:100:PCE'
QTY+113:80:PCE'
QTY+83:20:PCE'
DTM+67:20260926:102'
PRI+AAA:12.50'
FTX+AAO+++Confirmed 80 of 100'
LIN+2++GEAR-100:VP'
QTY+21:40:PCE'
QTY+113:0:PCE'
QTY+83:40:PCE'
PRI+AAA:8.90'
LIN+3++BOLT-7:VP'
QTY+21:5:PCE'
QTY+113:0:PCE'
QTY+83:5:PCE'
DTM+67:20261015:102'
PRI+AAA:1.00'
UNS+S'
CNT+2:3'
"""


def test_a_response_without_line_actions_is_read_by_its_quantities() -> None:
    response = MAPPERS["ORDRSP"].decode(segments(RESPONSE))

    assert response.status is AcknowledgementStatus.ACCEPTED_WITH_CHANGES
    assert (response.purchase_order_number, response.supplier_order_number) == (
        "4500000001",
        "5100002",
    )
    short, rejected, waiting = response.lines
    assert (short.status, short.quantity, short.backordered_quantity, short.reason) == (
        LineStatus.QUANTITY_CHANGED,
        Decimal(80),
        Decimal(20),
        "Confirmed 80 of 100",
    )
    assert (rejected.status, rejected.backordered_quantity) == (LineStatus.REJECTED, None)
    assert (waiting.status, waiting.promised_delivery_date) == (
        LineStatus.BACKORDERED,
        date(2026, 10, 15),
    )


@pytest.mark.parametrize(
    ("function", "response_type", "status"),
    [
        ("29", "", AcknowledgementStatus.ACCEPTED),
        ("4", "", AcknowledgementStatus.ACCEPTED_WITH_CHANGES),
        ("27", "", AcknowledgementStatus.REJECTED),
        ("9", "RE", AcknowledgementStatus.REJECTED),
        ("9", "AC", AcknowledgementStatus.ACCEPTED_WITH_CHANGES),
    ],
)
def test_the_message_function_and_response_type_give_the_verdict(
    function: str, response_type: str, status: AcknowledgementStatus
) -> None:
    header = RESPONSE[: RESPONSE.index("LIN+1")] + "UNS+S'"
    text = header.replace("BGM+231+5100002+9+AC'", f"BGM+231+5100002+{function}+{response_type}'")
    assert MAPPERS["ORDRSP"].decode(segments(text)).status is status


def test_an_accepted_verdict_with_lines_that_change_the_order_is_accepted_with_changes() -> None:
    text = RESPONSE.replace("BGM+231+5100002+9+AC'", "BGM+231+5100002+29'")
    status = MAPPERS["ORDRSP"].decode(segments(text)).status
    assert status is AcknowledgementStatus.ACCEPTED_WITH_CHANGES


def test_a_response_with_line_actions_to_a_change_carries_the_change() -> None:
    text = RESPONSE.replace("RFF+ON:4500000001'", "RFF+ON:4500000001'RFF+PP:3'").replace(
        "LIN+1++", "LIN+1+5+"
    )
    response = MAPPERS["ORDRSP"].decode(segments(text))
    assert response.change_number == 3
    assert response.lines[0].status is LineStatus.ACCEPTED


CHANGE = """
BGM+230+4500000042-2+4'
DTM+137:20260925:102'
RFF+ON:4500000042'
LIN+1+3'
QTY+21:80:PCE'
LIN+2+3'
DTM+2:20261009:102'
LIN+3+1+BRKT-050:SA'
QTY+21:10:PCE'
PRI+AAA:4.15'
LIN+4+2'
UNS+S'
"""


def test_a_change_reads_its_number_from_the_message_number_and_its_lines_by_action() -> None:
    change = MAPPERS["ORDCHG"].decode(segments(CHANGE))

    assert (change.purchase_order_number, change.change_number, change.purpose) == (
        "4500000042",
        2,
        ChangePurpose.CHANGE,
    )
    assert [line.change for line in change.lines] == [
        LineChangeType.REPLACE,
        LineChangeType.DATE_CHANGE,
        LineChangeType.ADD,
        LineChangeType.CANCEL,
    ]


def test_a_change_with_an_unknown_action_is_named() -> None:
    with pytest.raises(DecodeError) as raised:
        MAPPERS["ORDCHG"].decode(segments(CHANGE.replace("LIN+4+2'", "LIN+4+9'")))
    assert [p.field for p in raised.value.problems] == ["LIN[4].1229"]


DESPATCH = """
BGM+351+SHP-1+9'
DTM+137:20260924:102'
DTM+11:20260925:102'
RFF+ON:4500000042'
TDT+20+700002+++UPSN:::United Parcel Service'
CPS+1'
CPS+2+1'
PAC+1++PX'
MEA+PD+G+KGM:120.5'
PCI+33E'
GIN+BJ+376123450000000012'
CPS+3+2'
PAC+1++CT'
PCI+33E'
GIN+BJ+376123450000000029'
LIN+1++WIDGET-001:SA'
QTY+12:60:PCE'
GIN+BX+LOT-A'
DTM+36:20271231:102'
RFF+ON:4500000042:1'
LIN+1++WIDGET-001:SA'
QTY+12:40:PCE'
GIN+BX+LOT-B'
RFF+ON:4500000042:1'
LIN+2++GEAR-100:SA'
QTY+12:2:PCE'
GIN+BN+SN-1+SN-2'
"""


def test_a_despatch_advice_reads_its_packing_hierarchy() -> None:
    notice = MAPPERS["DESADV"].decode(segments(DESPATCH))

    assert (notice.tracking_number, notice.carrier, notice.ship_method) == (
        "700002",
        "UPSN",
        "United Parcel Service",
    )
    pallet, carton = notice.packs
    assert (pallet.pack_id, pallet.gross_weight, pallet.weight_unit) == (
        "376123450000000012",
        Decimal("120.5"),
        "KGM",
    )
    assert carton.parent_pack_id == pallet.pack_id
    lots, serialised = notice.lines
    assert (lots.quantity, [lot.lot_number for lot in lots.lots], lots.pack_id) == (
        Decimal(100),
        ["LOT-A", "LOT-B"],
        carton.pack_id,
    )
    assert lots.lots[0].expires_on == date(2027, 12, 31)
    assert (serialised.line_number, serialised.purchase_order_number) == (2, "4500000042")
    assert serialised.serial_numbers == ("SN-1", "SN-2")


def test_a_level_naming_a_parent_that_does_not_come_before_it_is_named() -> None:
    with pytest.raises(DecodeError) as raised:
        MAPPERS["DESADV"].decode(segments(DESPATCH.replace("CPS+3+2'", "CPS+3+9'")))
    assert [p.field for p in raised.value.problems] == ["CPS[3].7166"]


INVOICE = """
BGM+381+CN-77+9'
DTM+137:20261001:102'
RFF+ON:4500000042'
RFF+AAK:SHP-1'
NAD+SU+MOCKEDI::92++Mock EDI Supply Co'
NAD+BY+ACME::92++Acme Distribution Inc'
CUX+2:EUR:4'
PAT+3++5:3:D:30'
DTM+13:20261031:102'
LIN+1++WIDGET-001:VP'
QTY+47:100:PCE'
MOA+203:1250.00'
PRI+AAA:12.50'
LIN+2++GEAR-100:VP'
QTY+47:40:PCE'
PRI+AAA:8.90'
RFF+ON:4500000043:7'
UNS+S'
CNT+2:2'
MOA+77:1928.14'
TAX+7+VAT+++:::19+S'
MOA+124:305.14'
MOA+125:1606.00'
ALC+C++++FC:::Freight'
MOA+8:17.00'
"""


def test_an_invoice_reads_lines_totals_taxes_and_charges() -> None:
    invoice = MAPPERS["INVOIC"].decode(segments(INVOICE))

    assert (invoice.kind, invoice.currency, invoice.total_amount) == (
        InvoiceKind.CREDIT_NOTE,
        "EUR",
        Decimal("1928.14"),
    )
    assert (invoice.due_on, invoice.ship_notice_id) == (date(2026, 10, 31), "SHP-1")
    first, second = invoice.lines
    # Without RFF ON 1156, LIN 1082 is the order's line, and the position the invoice's.
    assert (first.line_number, first.purchase_order_line, first.purchase_order_number) == (
        1,
        1,
        "4500000042",
    )
    assert (second.line_number, second.purchase_order_line, second.purchase_order_number) == (
        2,
        7,
        "4500000043",
    )
    (tax,) = invoice.taxes
    assert (tax.tax_type, tax.amount, tax.rate_percent, tax.taxable_amount) == (
        "VAT",
        Decimal("305.14"),
        Decimal(19),
        Decimal("1606.00"),
    )
    (charge,) = invoice.charges
    assert (charge.kind, charge.code, charge.amount, charge.description) == (
        ChargeKind.CHARGE,
        "FC",
        Decimal("17.00"),
        "Freight",
    )


def test_a_charge_without_an_amount_is_named() -> None:
    with pytest.raises(DecodeError) as raised:
        MAPPERS["INVOIC"].decode(segments(INVOICE.replace("MOA+8:17.00'", "")))
    assert [(p.field, p.message) for p in raised.value.problems] == [
        (
            "UNS.ALC.MOA",
            "is required: a MOA 8 with the amount (a percentage alone cannot be read)",
        )
    ]
