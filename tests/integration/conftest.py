"""Real databases for integration tests: SQLite always, PostgreSQL when reachable.

PostgreSQL is found at ``POSYNC_TEST_DATABASE_URL`` (default: the local
server's ``test`` database). Absent, its tests skip on a person's machine and
fail under ``CI=true``. Each test gets a fresh database, copied from a
template that was migrated once per session.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

from posync.config import Settings
from posync.store import migrations

DEFAULT_POSTGRES_URL = "postgresql+psycopg://127.0.0.1:5432/test"


def _service_missing(what: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is required under CI=true but is not reachable")
    pytest.skip(f"{what} is not reachable")


def _libpq_conninfo(url: str) -> str:
    parsed = make_url(url)
    parts = {
        "host": parsed.host,
        "port": parsed.port,
        "user": parsed.username,
        "password": parsed.password,
        "dbname": parsed.database,
    }
    return " ".join(f"{key}={value}" for key, value in parts.items() if value is not None)


class PostgresTemplates:
    """Creates a migrated template once, then one fresh database per test from it."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.template = f"posync_template_{uuid.uuid4().hex[:12]}"

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(_libpq_conninfo(self.base_url), autocommit=True, connect_timeout=3)

    def url_for(self, database: str) -> str:
        return make_url(self.base_url).set(database=database).render_as_string(hide_password=False)

    def create_template(self) -> None:
        with self._admin() as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.template)))
        migrations.upgrade(self.url_for(self.template))

    def fresh(self) -> str:
        name = f"posync_test_{uuid.uuid4().hex[:12]}"
        with self._admin() as admin:
            admin.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(self.template)
                )
            )
        return name

    def drop(self, name: str) -> None:
        with self._admin() as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture(scope="session")
def postgres_templates() -> Iterator[PostgresTemplates]:
    base_url = os.environ.get("POSYNC_TEST_DATABASE_URL", DEFAULT_POSTGRES_URL)
    templates = PostgresTemplates(base_url)
    try:
        templates.create_template()
    except psycopg.OperationalError as error:
        _service_missing(f"PostgreSQL at {make_url(base_url).render_as_string()} ({error})")
    yield templates
    templates.drop(templates.template)


@pytest.fixture
def postgres_url(postgres_templates: PostgresTemplates) -> Iterator[str]:
    name = postgres_templates.fresh()
    yield postgres_templates.url_for(name)
    postgres_templates.drop(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{(tmp_path / 'posync.db').as_posix()}"
    migrations.upgrade(url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """A migrated, empty database: each test runs once on SQLite and once on PostgreSQL."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=database_url)
