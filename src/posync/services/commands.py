"""Commands: what a person or a system asks posync to do, named in the imperative."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from posync.codecs.formats.model import EncodeTarget, Standard
from posync.domain.documents.purchase_order import PurchaseOrder
from posync.domain.lifecycle import OrderStatus
from posync.domain.partner_values import Secret
from posync.domain.partners import TradingPartner
from posync.services.ports import ArchivedDocument

R = TypeVar("R")


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderRevisionResult:
    """Where an order stands after a command: its revision and status."""

    number: str
    revision: int
    status: OrderStatus
    changed: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportFailure:
    index: int
    number: str
    error: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportReport:
    created: int = 0
    revised: int = 0
    unchanged: int = 0
    failures: tuple[ImportFailure, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Command(Generic[R]):
    """A request from ``actor``; the bus answers it with an ``R``."""

    actor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CreatePurchaseOrder(Command[OrderRevisionResult]):
    document: PurchaseOrder
    status: OrderStatus = OrderStatus.DRAFT


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdatePurchaseOrder(Command[OrderRevisionResult]):
    """Replace the order's content; ``expected_revision`` guards against lost updates."""

    document: PurchaseOrder
    reason: str | None = None
    expected_revision: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangePurchaseOrderStatus(Command[OrderRevisionResult]):
    number: str
    status: OrderStatus
    reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportPurchaseOrders(Command[ImportReport]):
    """Create new orders and revise known ones; invalid ones are reported, not fatal."""

    documents: Sequence[PurchaseOrder]
    batch_size: int = 500


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchiveDocument(Command[ArchivedDocument]):
    content: bytes
    media_type: str
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class WriteInterchange(Command[bytes]):
    """Write canonical documents as one X12 or EDIFACT interchange for a partner.

    ``target`` names the sender and the receiver (the partner), as
    ``QUALIFIER:ID``, and the version (and EDIFACT syntax identifier). The
    control numbers (X12) or control references (EDIFACT) are drawn from the
    store for the receiver and never drawn again; the bytes are archived as
    sent and the interchange is recorded as an exchange awaiting its answer.
    """

    standard: Standard
    documents: Sequence[object]
    target: EncodeTarget


@dataclass(frozen=True, slots=True, kw_only=True)
class WriteInterchangeForPartner(Command[bytes]):
    """Write canonical documents as one interchange for a registered trading partner.

    The partner's standard (X12 or EDIFACT), identities, version, syntax
    identifier and application codes make the envelope; an X12 partner's
    guide is held against every set before anything is written. Numbered,
    archived and recorded as ``WriteInterchange`` is.
    """

    partner_id: str
    documents: Sequence[object]


@dataclass(frozen=True, slots=True, kw_only=True)
class AcknowledgementApplied:
    """What became of one 997, TA1 or CONTRL: the exchange it answered and its state, or why not.

    ``level`` is what it answers: ``group`` (a 997), ``interchange`` (a TA1 or
    a CONTRL), ``unknown`` for something in the file that could not be read.
    """

    partner: str
    level: str
    control_number: str
    status: str
    exchange: str | None = None
    exchange_state: str | None = None
    problem: str | None = None

    def placed(self, *, exchange: str, state: str) -> AcknowledgementApplied:
        return dataclasses.replace(self, exchange=exchange, exchange_state=state)

    def unplaced(self, problem: str, *, exchange: str | None = None) -> AcknowledgementApplied:
        return dataclasses.replace(self, exchange=exchange, problem=problem)


@dataclass(frozen=True, slots=True, kw_only=True)
class InterchangeReceived:
    """A received interchange: where its bytes are kept, and what was read from them."""

    archive_sha256: str
    documents: int
    """Business documents read without error (applied to orders by the sync engine)."""
    rejected: int
    acknowledgements: tuple[AcknowledgementApplied, ...]
    unreadable: str | None = None
    """Why the bytes could not be read as X12 or EDIFACT at all (they are kept all the same)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiveInterchange(Command[InterchangeReceived]):
    """Keep an inbound X12 or EDIFACT file (its standard told from its first bytes), and
    apply the 997s, TA1s and CONTRLs in it to posync's exchanges."""

    data: bytes
    source: str


# --- trading partners -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerSaved:
    """A partner after a command: its version, and whether the command changed it."""

    partner_id: str
    version: int
    created: bool
    changed: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class AddPartner(Command[PartnerSaved]):
    partner: TradingPartner


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdatePartner(Command[PartnerSaved]):
    """Replace a partner; ``expected_version`` (If-Match) guards against lost updates."""

    partner: TradingPartner
    expected_version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SetPartnerSecret(Command[None]):
    """Store a secret of a partner; ``value`` never shows in a repr or a log."""

    partner_id: str
    name: str
    value: Secret


@dataclass(frozen=True, slots=True, kw_only=True)
class DeletePartnerSecret(Command[None]):
    partner_id: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnersImported:
    """What an import did; ``secrets_missing`` names (``acme.as2_key``) what is still unset."""

    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    secrets_set: tuple[str, ...] = ()
    secrets_missing: tuple[str, ...] = ()


SECRETS_VARIABLES_PREFIX = "POSYNC_SECRET_"


def secret_variable(partner_id: str, name: str) -> str:
    """The environment variable an import takes a secret from: ``POSYNC_SECRET_ACME_AS2_KEY``."""
    return f"{SECRETS_VARIABLES_PREFIX}{partner_id.upper().replace('-', '_')}_{name.upper()}"


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportPartners(Command[PartnersImported]):
    """Add or replace the partners of a parsed partners file, all or none.

    ``secret_values`` holds the values of the secrets the partners name, by
    environment variable (``POSYNC_SECRET_ACME_AS2_KEY``); a secret without a
    value keeps what is stored.
    """

    data: Mapping[str, object]
    secret_values: Mapping[str, Secret]
