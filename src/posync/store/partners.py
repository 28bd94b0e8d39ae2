"""Trading partners and their secrets on SQL.

A partner is one row: its document as canonical JSON beside the columns
lookups need (its own envelope identity, unique per standard) and a
``version`` that every save must name. Secrets are rows of their own in
``partner_secrets``; nothing here writes a value anywhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, delete, exists, insert, select, update
from sqlalchemy.exc import IntegrityError

from posync.codecs.partner_data import PartnerJson
from posync.domain.errors import AlreadyExists, ConcurrentUpdate, NotFound
from posync.domain.partner_values import PartnerStandard, Secret
from posync.domain.partners import TradingPartner
from posync.services.ports import Clock, PartnerRecord
from posync.store.tables import partner_secrets, partners


class SqlPartnerRepository:
    def __init__(self, connection: Connection, codec: PartnerJson) -> None:
        self._connection = connection
        self._codec = codec

    def add(self, partner: TradingPartner, *, at: datetime) -> None:
        row = {**self._row(partner), "version": 1, "created_at": at, "updated_at": at}
        try:
            with self._connection.begin_nested():
                self._connection.execute(insert(partners).values(**row))
        except IntegrityError as error:
            raise AlreadyExists(
                f"partner {partner.id}, or another partner with the {partner.standard} "
                f"identity {partner.their_identity}, exists already"
            ) from error

    def save(self, partner: TradingPartner, *, expected_version: int, at: datetime) -> int:
        try:
            with self._connection.begin_nested():
                done = self._connection.execute(
                    update(partners)
                    .where(partners.c.id == partner.id, partners.c.version == expected_version)
                    .values(**self._row(partner), version=expected_version + 1, updated_at=at)
                )
        except IntegrityError as error:
            raise AlreadyExists(
                f"another partner has the {partner.standard} identity {partner.their_identity}"
            ) from error
        if done.rowcount == 1:
            return expected_version + 1
        if self.get(partner.id) is None:
            raise NotFound(f"partner {partner.id} does not exist")
        raise ConcurrentUpdate(
            f"partner {partner.id} was changed by someone else since version {expected_version}"
        )

    def get(self, partner_id: str) -> PartnerRecord | None:
        return self._one(self._select().where(partners.c.id == partner_id))

    def find_by_identity(
        self, standard: PartnerStandard, qualifier: str, identifier: str
    ) -> PartnerRecord | None:
        return self._one(
            self._select().where(
                partners.c.standard == standard.value,
                partners.c.their_qualifier == qualifier.strip(),
                partners.c.their_identifier == identifier.strip(),
            )
        )

    def list(self) -> Sequence[PartnerRecord]:
        rows = self._connection.execute(self._select().order_by(partners.c.id))
        return [self._record(row) for row in rows]

    def _select(self) -> Select[tuple[str, int, datetime, datetime]]:
        return select(
            partners.c.document, partners.c.version, partners.c.created_at, partners.c.updated_at
        )

    def _one(self, query: Select[tuple[str, int, datetime, datetime]]) -> PartnerRecord | None:
        row = self._connection.execute(query).first()
        return None if row is None else self._record(row)

    def _record(self, row: Any) -> PartnerRecord:
        return PartnerRecord(
            partner=self._codec.loads(row.document),
            version=int(row.version),
            created_at=row.created_at,
            updated_at=row.updated_at,
        )

    def _row(self, partner: TradingPartner) -> dict[str, object]:
        return {
            "id": partner.id,
            "name": partner.name,
            "standard": partner.standard.value,
            "their_qualifier": partner.their_identity.qualifier,
            "their_identifier": partner.their_identity.identifier,
            "document": self._codec.dumps(partner),
        }


class SqlSecretStore:
    def __init__(self, connection: Connection, clock: Clock) -> None:
        self._connection = connection
        self._clock = clock

    def set(self, partner: str, name: str, value: Secret) -> None:
        key = (partner_secrets.c.partner == partner) & (partner_secrets.c.name == name)
        known = self._connection.execute(select(exists().where(key))).scalar()
        values = {"value": value.reveal(), "updated_at": self._clock.now()}
        if known:
            self._connection.execute(update(partner_secrets).where(key).values(**values))
        else:
            self._connection.execute(
                insert(partner_secrets).values(partner=partner, name=name, **values)
            )

    def get(self, partner: str, name: str) -> Secret | None:
        value = self._connection.execute(
            select(partner_secrets.c.value).where(
                partner_secrets.c.partner == partner, partner_secrets.c.name == name
            )
        ).scalar()
        return None if value is None else Secret(value)

    def names(self, partner: str) -> Sequence[str]:
        return list(
            self._connection.execute(
                select(partner_secrets.c.name)
                .where(partner_secrets.c.partner == partner)
                .order_by(partner_secrets.c.name)
            ).scalars()
        )

    def delete(self, partner: str, name: str) -> bool:
        done = self._connection.execute(
            delete(partner_secrets).where(
                partner_secrets.c.partner == partner, partner_secrets.c.name == name
            )
        )
        return done.rowcount == 1
