"""Alembic migrations of posync's schema, run by ``posync db upgrade``."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from posync.store.engine import create_store_engine
from posync.store.errors import StoreNotReady

_HERE = Path(__file__).parent


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_HERE))
    config.attributes["connection"] = connection
    return config


def head() -> str:
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if revision is None:  # pragma: no cover - the package ships its migrations
        raise RuntimeError("posync ships without migrations")
    return revision


def upgrade(url: str) -> str:
    """Migrate the database at ``url`` to the newest schema; returns the revision."""
    engine = create_store_engine(url)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
            current = MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
    return current or ""


def check_current(engine: Engine) -> None:
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    expected = head()
    if current != expected:
        found = "has no posync schema" if current is None else f"is at schema {current}"
        raise StoreNotReady(
            f"the database {engine.url.render_as_string(hide_password=True)} {found}, "
            f"expected {expected}: run `posync db upgrade` first"
        )
