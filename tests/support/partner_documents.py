"""Valid trading partners to start tests from: change only what a test is about.

``make_x12_partner`` is ACME over HTTP with a guide, deadlines and
tolerances; ``make_edifact_partner`` is EURODIS over AS2 with two secrets.
Keyword ``changes`` replace fields, so a test reads "a valid partner, except ...".
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from decimal import Decimal
from typing import Any

from posync.codecs.partner_data import encode_partner
from posync.domain.partner_values import (
    AnswerDeadlines,
    MessageRules,
    PartnerIdentity,
    PartnerRole,
    PartnerStandard,
    Tolerances,
    TransportKind,
    TransportSettings,
)
from posync.domain.partners import TradingPartner


def make_x12_partner(partner_id: str = "acme", **changes: Any) -> TradingPartner:
    partner = TradingPartner(
        id=partner_id,
        name="ACME Industrial Supply",
        role=PartnerRole.SUPPLIER,
        standard=PartnerStandard.X12,
        version="004010",
        our_identity=PartnerIdentity(qualifier="ZZ", identifier="BUYER"),
        their_identity=PartnerIdentity(qualifier="ZZ", identifier=partner_id.upper()[:15]),
        application_sender_code="BUYER",
        application_receiver_code=partner_id.upper()[:15],
        transport=TransportSettings(
            kind=TransportKind.HTTP,
            url="http://127.0.0.1:8080/edi",
            content_type="application/edi-x12",
            timeout=timedelta(seconds=30),
            secrets=("http_password",),
        ),
        guide={
            "850": MessageRules(
                required_segments=frozenset({"PER"}),
                codes={"BEG02": frozenset({"SA", "NE"})},
                max_lengths={"N102": 35},
            )
        },
        deadlines=AnswerDeadlines(
            functional_acknowledgement=timedelta(hours=4), acknowledgement=timedelta(days=2)
        ),
        tolerances=Tolerances(
            quantity_over_percent=Decimal("5"), price_absolute=Decimal("0.01"), days_late=1
        ),
    )
    return dataclasses.replace(partner, **changes)


def make_edifact_partner(partner_id: str = "eurodis", **changes: Any) -> TradingPartner:
    partner = TradingPartner(
        id=partner_id,
        name="EURODIS Logistik GmbH",
        role=PartnerRole.SUPPLIER,
        standard=PartnerStandard.EDIFACT,
        version="D96A",
        our_identity=PartnerIdentity(qualifier="14", identifier="4012345000009"),
        their_identity=PartnerIdentity(qualifier="ZZZ", identifier=partner_id.upper()),
        syntax_identifier="UNOC",
        transport=TransportSettings(
            kind=TransportKind.AS2,
            url="https://as2.example.com/receive",
            as2_from="BUYER",
            as2_to=partner_id.upper(),
            secrets=("as2_private_key", "as2_partner_certificate"),
        ),
        deadlines=AnswerDeadlines(functional_acknowledgement=timedelta(hours=24)),
    )
    return dataclasses.replace(partner, **changes)


def partner_json(partner: TradingPartner | None = None) -> dict[str, Any]:
    """The partner (ACME by default) as the JSON the API and the partners file speak."""
    return encode_partner(partner or make_x12_partner())
