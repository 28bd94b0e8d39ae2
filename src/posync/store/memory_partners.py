"""In-memory trading partners and secrets, the twins of ``posync.store.partners``.

Changes wait in the unit of work; on commit, under the database's lock,
``check`` refuses them if a partner moved on meanwhile (or its identity was
taken), then ``apply`` writes them, as the SQL versions and their unique
index would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from posync.domain.errors import AlreadyExists, ConcurrentUpdate, NotFound
from posync.domain.partner_values import PartnerStandard, Secret
from posync.domain.partners import TradingPartner
from posync.services.ports import PartnerRecord


class MemoryPartnerRepository:
    def __init__(self, committed: dict[str, PartnerRecord]) -> None:
        self._committed = committed
        self.pending: dict[str, PartnerRecord] = {}
        self.read_versions: dict[str, int | None] = {}
        """The version each pending partner was based on; None for a new one."""

    def add(self, partner: TradingPartner, *, at: datetime) -> None:
        if self.get(partner.id) is not None:
            raise AlreadyExists(f"partner {partner.id} exists already")
        self._identity_free(partner, self._merged())
        self.pending[partner.id] = PartnerRecord(
            partner=partner, version=1, created_at=at, updated_at=at
        )
        self.read_versions.setdefault(partner.id, None)

    def save(self, partner: TradingPartner, *, expected_version: int, at: datetime) -> int:
        current = self.get(partner.id)
        if current is None:
            raise NotFound(f"partner {partner.id} does not exist")
        if current.version != expected_version:
            raise ConcurrentUpdate(
                f"partner {partner.id} was changed by someone else since version {expected_version}"
            )
        self._identity_free(partner, self._merged())
        self.pending[partner.id] = PartnerRecord(
            partner=partner,
            version=expected_version + 1,
            created_at=current.created_at,
            updated_at=at,
        )
        self.read_versions.setdefault(partner.id, expected_version)
        return expected_version + 1

    def get(self, partner_id: str) -> PartnerRecord | None:
        return self.pending.get(partner_id) or self._committed.get(partner_id)

    def find_by_identity(
        self, standard: PartnerStandard, qualifier: str, identifier: str
    ) -> PartnerRecord | None:
        wanted = (standard, qualifier.strip(), identifier.strip())
        return self._first(lambda partner: _identity_key(partner) == wanted)

    def list(self) -> Sequence[PartnerRecord]:
        merged = self._merged()
        return [merged[partner_id] for partner_id in sorted(merged)]

    def check(self) -> None:
        """Refuse the pending partners if the committed ones moved on (call under the lock)."""
        for partner_id, read in self.read_versions.items():
            current = self._committed.get(partner_id)
            if (current.version if current is not None else None) != read:
                raise ConcurrentUpdate(f"partner {partner_id} was changed meanwhile")
        merged = self._merged()
        for record in self.pending.values():
            self._identity_free(record.partner, merged)

    def apply(self) -> None:
        self._committed.update(self.pending)

    def _merged(self) -> dict[str, PartnerRecord]:
        return {**self._committed, **self.pending}

    def _first(self, wanted: Callable[[TradingPartner], bool]) -> PartnerRecord | None:
        for record in self._merged().values():
            if wanted(record.partner):
                return record
        return None

    @staticmethod
    def _identity_free(partner: TradingPartner, records: dict[str, PartnerRecord]) -> None:
        key = _identity_key(partner)
        for other in records.values():
            if other.partner.id != partner.id and _identity_key(other.partner) == key:
                raise AlreadyExists(
                    f"another partner has the {partner.standard} identity {partner.their_identity}"
                )


def _identity_key(partner: TradingPartner) -> tuple[PartnerStandard, str, str]:
    their = partner.their_identity
    return partner.standard, their.qualifier, their.identifier


class MemorySecretStore:
    def __init__(self, committed: dict[tuple[str, str], Secret]) -> None:
        self._committed = committed
        self.pending: dict[tuple[str, str], Secret | None] = {}
        """Secrets set, and (as None) deleted, in this unit of work."""

    def set(self, partner: str, name: str, value: Secret) -> None:
        self.pending[(partner, name)] = value

    def get(self, partner: str, name: str) -> Secret | None:
        key = (partner, name)
        return self.pending[key] if key in self.pending else self._committed.get(key)

    def names(self, partner: str) -> Sequence[str]:
        keys = {key for key in self._committed if key[0] == partner}
        for key, value in self.pending.items():
            if key[0] == partner:
                (keys.add if value is not None else keys.discard)(key)
        return sorted(name for _, name in keys)

    def delete(self, partner: str, name: str) -> bool:
        known = self.get(partner, name) is not None
        self.pending[(partner, name)] = None
        return known

    def apply(self) -> None:
        for key, value in self.pending.items():
            if value is None:
                self._committed.pop(key, None)
            else:
                self._committed[key] = value
