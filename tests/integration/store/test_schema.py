"""Migrations build exactly the tables the code maps, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from posync.bootstrap import bootstrap
from posync.config import Settings
from posync.domain.errors import PosyncError
from posync.store import migrations
from posync.store.engine import create_store_engine
from posync.store.tables import metadata


def test_migrated_schema_matches_the_tables(database_url: str) -> None:
    engine = create_store_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    engine.dispose()

    assert differences == []


def test_upgrading_twice_is_harmless(database_url: str) -> None:
    assert migrations.upgrade(database_url) == migrations.head()


def test_a_database_without_schema_is_refused_with_the_fix(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)

    with pytest.raises(PosyncError, match=r"has no posync schema.*posync db upgrade"):
        bootstrap(settings)


def test_sqlite_runs_in_wal_mode(sqlite_url: str) -> None:
    engine = create_store_engine(sqlite_url)
    with engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    engine.dispose()

    assert mode == "wal"
