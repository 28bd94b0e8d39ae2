"""The values a trading partner is made of: identities, transport, guide, deadlines, tolerances.

Each value checks itself (``problems()``, field paths relative to itself);
``posync.domain.partners.TradingPartner`` adds the rules that depend on the
partner's standard. A ``Secret`` is a password or a private key: it is never
part of a partner, only named by it (``TransportSettings.secrets``), and it
never shows its value in ``repr``, ``str`` or a format string.
"""

from __future__ import annotations

import hmac
import re
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Final
from urllib.parse import urlsplit

from posync.domain.errors import Problem
from posync.domain.validation import Checks

SECRET_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
HOW_SECRETS_ARE_NAMED = "a lower-case name of letters, digits and underscores, like 'as2_key'"
LONGEST_SECRET = 100_000
_MEDIA_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*")
_AS2_NAME = re.compile(r"[\x21-\x7e]([\x20-\x7e]{0,126}[\x21-\x7e])?")


class PartnerRole(StrEnum):
    """What the partner is to the buyer posync works for."""

    SUPPLIER = "supplier"
    CUSTOMER = "customer"


class PartnerStandard(StrEnum):
    """The standard a partner's documents are written in."""

    X12 = "x12"
    EDIFACT = "edifact"
    CXML = "cxml"
    CSV = "csv"
    JSON = "json"


class TransportKind(StrEnum):
    """How documents travel to and from a partner."""

    HTTP = "http"
    AS2 = "as2"
    SFTP = "sftp"
    FOLDER = "folder"
    MEMORY = "memory"


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerIdentity:
    """Who a party is in an envelope: a qualifier (or cXML domain) and an identifier."""

    qualifier: str
    identifier: str

    def __str__(self) -> str:
        return f"{self.qualifier}:{self.identifier}" if self.qualifier else self.identifier

    def problems(self) -> list[Problem]:
        checks = Checks()
        for name, value in (("qualifier", self.qualifier), ("identifier", self.identifier)):
            if value != value.strip():
                checks.add(name, f"must not start or end with spaces, got {value!r}")
            elif not value.isprintable():
                checks.add(name, f"must hold printable characters only, got {value!r}")
        if not self.identifier.strip():
            checks.add("identifier", "is required")
        return checks.found


# Which settings each kind of transport uses; the others must be left out.
TRANSPORT_SETTINGS: Final[Mapping[TransportKind, frozenset[str]]] = types.MappingProxyType(
    {
        TransportKind.HTTP: frozenset({"url", "username", "content_type", "timeout", "secrets"}),
        TransportKind.AS2: frozenset(
            {"url", "as2_from", "as2_to", "content_type", "timeout", "secrets"}
        ),
        TransportKind.SFTP: frozenset({"host", "port", "path", "username", "timeout", "secrets"}),
        TransportKind.FOLDER: frozenset({"path"}),
        TransportKind.MEMORY: frozenset(),
    }
)
REQUIRED_TRANSPORT_SETTINGS: Final[Mapping[TransportKind, frozenset[str]]] = types.MappingProxyType(
    {
        TransportKind.HTTP: frozenset({"url"}),
        TransportKind.AS2: frozenset({"url", "as2_from", "as2_to"}),
        TransportKind.SFTP: frozenset({"host", "username"}),
        TransportKind.FOLDER: frozenset({"path"}),
        TransportKind.MEMORY: frozenset(),
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class TransportSettings:
    """Where and how to reach a partner; ``secrets`` names the secrets it needs, never values."""

    kind: TransportKind
    url: str | None = None
    host: str | None = None
    port: int | None = None
    path: str | None = None
    username: str | None = None
    as2_from: str | None = None
    as2_to: str | None = None
    content_type: str | None = None
    timeout: timedelta | None = None
    secrets: tuple[str, ...] = ()

    def given(self) -> frozenset[str]:
        """The names of the settings that are set."""
        values = {
            "url": self.url,
            "host": self.host,
            "port": self.port,
            "path": self.path,
            "username": self.username,
            "as2_from": self.as2_from,
            "as2_to": self.as2_to,
            "content_type": self.content_type,
            "timeout": self.timeout,
            "secrets": self.secrets or None,
        }
        return frozenset(name for name, value in values.items() if value is not None)

    def problems(self) -> list[Problem]:
        checks = Checks()
        given = self.given()
        used = TRANSPORT_SETTINGS[self.kind]
        for name in sorted(given - used):
            uses = ", ".join(sorted(used)) or "no settings"
            checks.add(name, f"does not apply to a {self.kind} transport (it uses {uses})")
        for name in sorted(REQUIRED_TRANSPORT_SETTINGS[self.kind] - given):
            checks.add(name, f"is required for a {self.kind} transport")
        if self.url is not None:
            _check_url(checks, self.url)
        checks.text("host", self.host, required=False, max_length=253)
        if self.port is not None and not 1 <= self.port <= 65535:
            checks.add("port", f"must be from 1 to 65535, got {self.port}")
        checks.text("path", self.path, required=False, max_length=1024)
        checks.text("username", self.username, required=False, max_length=128)
        for name, value in (("as2_from", self.as2_from), ("as2_to", self.as2_to)):
            if value is not None and not _AS2_NAME.fullmatch(value):
                checks.add(
                    name,
                    "must be 1 to 128 printable ASCII characters, not starting or ending "
                    f"with a space, got {value!r}",
                )
        checks.pattern(
            "content_type",
            self.content_type,
            _MEDIA_TYPE,
            "a media type like 'application/edi-x12'",
        )
        if self.timeout is not None and self.timeout <= timedelta(0):
            checks.add("timeout", f"must be longer than zero, got {self.timeout}")
        for index, name in enumerate(self.secrets):
            checks.pattern(f"secrets[{index}]", name, SECRET_NAME, HOW_SECRETS_ARE_NAMED)
        checks.unique("secrets", list(self.secrets), "the secret")
        return checks.found


def _check_url(checks: Checks, url: str) -> None:
    try:
        parts = urlsplit(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
        if parts.port is not None and not 1 <= parts.port <= 65535:
            valid = False
    except ValueError:
        valid = False
    if not valid or any(c.isspace() for c in url):
        checks.add("url", f"must be an http:// or https:// address with a host, got {url!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class AnswerDeadlines:
    """How long a partner has to answer what posync sends; ``None``: no deadline."""

    functional_acknowledgement: timedelta | None = None
    acknowledgement: timedelta | None = None
    ship_notice: timedelta | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        for name in ("functional_acknowledgement", "acknowledgement", "ship_notice"):
            value: timedelta | None = getattr(self, name)
            if value is not None and value <= timedelta(0):
                checks.add(name, f"must be longer than zero, got {value}")
        return checks.found


TOLERANCE_AMOUNTS: Final = (
    "quantity_under_percent",
    "quantity_over_percent",
    "quantity_under_absolute",
    "quantity_over_absolute",
    "price_percent",
    "price_absolute",
    "invoice_total_percent",
    "invoice_total_absolute",
    "freight_absolute",
)
TOLERANCE_DAYS: Final = ("days_early", "days_late")


@dataclass(frozen=True, slots=True, kw_only=True)
class Tolerances:
    """How far a partner's answers may stray from the order before it is a discrepancy.

    Percentages are of the ordered value (``5`` is 5 %), absolutes in the order's
    unit or currency; ``None`` leaves the rule to the matching defaults.
    """

    quantity_under_percent: Decimal | None = None
    quantity_over_percent: Decimal | None = None
    quantity_under_absolute: Decimal | None = None
    quantity_over_absolute: Decimal | None = None
    price_percent: Decimal | None = None
    price_absolute: Decimal | None = None
    days_early: int | None = None
    days_late: int | None = None
    invoice_total_percent: Decimal | None = None
    invoice_total_absolute: Decimal | None = None
    freight_absolute: Decimal | None = None

    def problems(self) -> list[Problem]:
        checks = Checks()
        for name in (*TOLERANCE_AMOUNTS, *TOLERANCE_DAYS):
            checks.not_negative(name, getattr(self, name))
        return checks.found


def _frozen_codes(codes: Mapping[str, frozenset[str]]) -> Mapping[str, frozenset[str]]:
    return types.MappingProxyType({name: frozenset(values) for name, values in codes.items()})


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageRules:
    """A partner's narrowing of one message type (segments by tag, elements as ``BEG02``)."""

    required_segments: frozenset[str] = frozenset()
    forbidden_segments: frozenset[str] = frozenset()
    required_elements: frozenset[str] = frozenset()
    codes: Mapping[str, frozenset[str]] = field(default_factory=lambda: _frozen_codes({}))
    max_lengths: Mapping[str, int] = field(default_factory=lambda: types.MappingProxyType({}))

    def __post_init__(self) -> None:
        for name in ("required_segments", "forbidden_segments", "required_elements"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "codes", _frozen_codes(self.codes))
        object.__setattr__(self, "max_lengths", types.MappingProxyType(dict(self.max_lengths)))

    def problems_with(self, segment: re.Pattern[str], element: re.Pattern[str]) -> list[Problem]:
        """Every tag and element name not written as ``segment`` and ``element`` want."""
        checks = Checks()
        for name in ("required_segments", "forbidden_segments"):
            for tag in sorted(getattr(self, name)):
                checks.pattern(name, tag, segment, "a segment tag like 'PER'")
        for tag in sorted(self.required_segments & self.forbidden_segments):
            checks.add("forbidden_segments", f"{tag} is required and forbidden at once")
        for name in sorted(self.required_elements):
            checks.pattern("required_elements", name, element, "an element like 'BEG02'")
        for name, codes in sorted(self.codes.items()):
            checks.pattern("codes", name, element, "an element like 'BEG02'")
            if not codes:
                checks.add(f"codes.{name}", "must list at least one code")
            for code in sorted(codes):
                if not code.strip():
                    checks.add(f"codes.{name}", "must not hold a blank code")
        for name, longest in sorted(self.max_lengths.items()):
            checks.pattern("max_lengths", name, element, "an element like 'N102'")
            if longest < 1:
                checks.add(f"max_lengths.{name}", f"must be at least 1, got {longest}")
        return checks.found


class Secret:
    """A password or key; its value shows only through ``reveal()``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def problems(self) -> list[Problem]:
        if not self._value:
            return [Problem("value", "must not be empty")]
        if len(self._value) > LONGEST_SECRET:
            return [
                Problem(
                    "value",
                    f"must be at most {LONGEST_SECRET} characters, got {len(self._value)}",
                )
            ]
        return []

    def __repr__(self) -> str:
        return "Secret('********')"

    def __str__(self) -> str:
        return "********"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode("utf-8"), other._value.encode("utf-8"))

    def __hash__(self) -> int:
        return hash((Secret, len(self._value)))

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a Secret is not pickled: store it through the SecretStore")
