"""Settings: environment variables ``POSYNC_*`` over a TOML file over defaults.

The TOML file is ``posync.toml`` in the working directory, or the file named
by ``POSYNC_CONFIG``. Every setting is listed in docs/configuration.md.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

_PASSWORD_IN_URL = re.compile(r"(://[^:/@]+:)[^@]*(@)")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POSYNC_", extra="forbid")

    data_dir: Path = Field(
        default=Path("posync-data"),
        description="Directory for the embedded SQLite database and other local state.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the store, e.g. postgresql+psycopg://user@host/db; "
        "SQLite in data_dir when unset.",
    )
    host: str = Field(default="127.0.0.1", description="Address `posync serve` listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `posync serve` listens on.")
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        default="info", description="Log level: debug, info, warning, error."
    )
    dispatcher_enabled: bool = Field(
        default=True,
        description="Whether `posync serve` runs the embedded dispatcher, which delivers "
        "the outbox to partners; turn it off where another process dispatches.",
    )
    dispatcher_poll_seconds: float = Field(
        default=1.0,
        gt=0,
        le=3600,
        description="Seconds the embedded dispatcher waits between passes when it is idle.",
    )
    dispatcher_lease_seconds: int = Field(
        default=300,
        ge=10,
        le=86400,
        description="Seconds a claimed message is held for one delivery attempt before "
        "another dispatcher may take it over; longer than any transport timeout.",
    )

    @property
    def store_url(self) -> str:
        """The database URL in force: ``database_url``, or SQLite inside ``data_dir``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'posync.db').as_posix()}"

    @property
    def store_url_for_display(self) -> str:
        """``store_url`` with any password replaced, safe to print and log."""
        return _PASSWORD_IN_URL.sub(r"\1***\2", self.store_url)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = Path(os.environ.get("POSYNC_CONFIG", "posync.toml"))
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=toml_file),
        )
