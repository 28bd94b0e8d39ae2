"""Control numbers on SQL: one row per partner and kind, moved forward atomically."""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

from posync.store.tables import control_numbers


class SqlControlNumberSequence:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def reserve(self, partner: str, kind: str, count: int = 1) -> list[int]:
        if count < 1:
            raise ValueError(f"reserve at least one control number, not {count}")
        dialect = postgresql if self._connection.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(control_numbers).values(
            partner=partner, kind=kind, last_number=count
        )
        statement = statement.on_conflict_do_update(
            index_elements=[control_numbers.c.partner, control_numbers.c.kind],
            set_={"last_number": control_numbers.c.last_number + count},
        ).returning(control_numbers.c.last_number)
        last = int(self._connection.execute(statement).scalar_one())
        return list(range(last - count + 1, last + 1))
