"""Deliveries to hand to transports in tests: a valid one, except what a test is about.

``make_delivery`` is an X12 850 for ACME with the transport settings given;
``secrets`` builds the mapping a dispatcher passes, from plain strings.
"""

from __future__ import annotations

from collections.abc import Mapping

from posync.domain.partner_values import Secret, TransportKind, TransportSettings
from posync.services.ports import Delivery
from support.partner_documents import make_x12_partner

X12_PAYLOAD = (
    b"ISA*00*          *00*          *ZZ*BUYER          *ZZ*ACME           *260924*1030*U*"
    b"00401*000000001*0*P*>~GS*PO*BUYER*ACME*20260924*1030*1*X*004010~ST*850*0001~"
    b"BEG*00*SA*4500000001**20260924~SE*3*0001~GE*1*1~IEA*1*000000001~"
)


def make_delivery(
    transport: TransportSettings | None = None,
    *,
    payload: bytes = X12_PAYLOAD,
    media_type: str = "application/edi-x12",
    idempotency_key: str = "acme-4500000001-1",
    attempt: int = 1,
    partner_id: str = "acme",
) -> Delivery:
    settings = transport or TransportSettings(kind=TransportKind.MEMORY)
    return Delivery(
        partner=make_x12_partner(partner_id, transport=settings),
        payload=payload,
        media_type=media_type,
        idempotency_key=idempotency_key,
        attempt=attempt,
    )


def secrets(**values: str) -> Mapping[str, Secret]:
    return {name: Secret(value) for name, value in values.items()}
