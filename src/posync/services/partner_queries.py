"""The read side of trading partners: each partner with its version and its secrets' state.

Secrets show by name only: whether each is set, and whether the partner's
transport uses it. Their values are never read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from posync.domain.partners import TradingPartner
from posync.services.ports import PartnerRecord, UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True, slots=True, kw_only=True)
class SecretStatus:
    """A secret by name: ``is_set`` if a value is stored, ``used`` if the transport names it."""

    name: str
    is_set: bool
    used: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerView:
    partner: TradingPartner
    version: int
    created_at: datetime
    updated_at: datetime
    secrets: tuple[SecretStatus, ...]


class PartnerQueries:
    """Partners as the CLI and the API show them, read in a unit of work of their own."""

    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow_factory = uow_factory

    def get(self, partner_id: str) -> PartnerView | None:
        with self._uow_factory() as uow:
            record = uow.partners.get(partner_id)
            return None if record is None else _view(uow, record)

    def list(self) -> list[PartnerView]:
        """Every partner, by id."""
        with self._uow_factory() as uow:
            return [_view(uow, record) for record in uow.partners.list()]


def _view(uow: UnitOfWork, record: PartnerRecord) -> PartnerView:
    stored = set(uow.secrets.names(record.partner.id))
    used = record.partner.secret_names
    names = [*used, *sorted(stored - set(used))]
    return PartnerView(
        partner=record.partner,
        version=record.version,
        created_at=record.created_at,
        updated_at=record.updated_at,
        secrets=tuple(SecretStatus(name=n, is_set=n in stored, used=n in used) for n in names),
    )
