"""Alembic environment: migrations run on the connection posync hands over."""

from __future__ import annotations

from alembic import context

from posync.store.engine import create_store_engine
from posync.store.tables import metadata

config = context.config
connection = config.attributes.get("connection")


def _run(on: object) -> None:
    context.configure(
        connection=on,  # type: ignore[arg-type]
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    # Used by developers: `alembic -x url=... revision --autogenerate`.
    url = context.get_x_argument(as_dictionary=True).get("url") or "sqlite:///posync-dev.db"
    engine = create_store_engine(url)
    with engine.begin() as fresh:
        _run(fresh)
    engine.dispose()
