"""Trading partners: whom posync exchanges documents with, and on what terms, as data.

A ``TradingPartner`` names the partner (``id``, a slug like ``acme``), its
role, its standard and version, the identities both sides use in envelopes,
how to reach it (``TransportSettings``), its implementation-guide rules per
message type, how long it has to answer (``AnswerDeadlines``) and how far its
answers may stray (``Tolerances``). What depends on the standard is checked
here: an X12 qualifier has two characters and an identifier at most 15, an
EDIFACT identifier at most 35, and the version must be one of the standard's.

Secrets are not part of a partner; the transport names them. Changes to
partners are recorded in the audit log as ``PartnerEvent``s on the stream
``partner:<id>``.
"""

from __future__ import annotations

import re
import types
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Final

from posync.domain.errors import Problem
from posync.domain.events import DomainEvent
from posync.domain.partner_values import (
    AnswerDeadlines,
    MessageRules,
    PartnerIdentity,
    PartnerRole,
    PartnerStandard,
    Tolerances,
    TransportSettings,
)
from posync.domain.validation import Checks, Validated

PARTNER_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
PARTNER_ID_EXPECTED = "a slug of lower-case letters, digits and single hyphens, like 'acme'"
LONGEST_PARTNER_ID = 40

X12_VERSIONS: Final = ("004010", "005010")
EDIFACT_VERSIONS: Final = ("D96A",)
_CXML_VERSION = re.compile(r"1\.2\.0[0-9]{2}")
_EDIFACT_SYNTAX = re.compile(r"UNO[A-Y]")
_X12_QUALIFIER = re.compile(r"[A-Z0-9]{2}")
_EDIFACT_QUALIFIER = re.compile(r"[A-Z0-9]{0,4}")
_X12_MESSAGE = re.compile(r"[0-9]{3}")
_EDIFACT_MESSAGE = re.compile(r"[A-Z]{6}")
_SEGMENT_TAG = re.compile(r"[A-Z][A-Z0-9]{1,2}")
_X12_ELEMENT = re.compile(r"[A-Z][A-Z0-9]{1,2}[0-9]{2}")
_EDIFACT_ELEMENT = re.compile(r"[A-Z]{3}[0-9]{2}([0-9]{2})?")


@dataclass(frozen=True, slots=True, kw_only=True)
class IdentityRule:
    """What a standard allows in an envelope identity."""

    qualifier: re.Pattern[str] | None
    qualifier_expected: str
    longest_identifier: int


IDENTITY_RULES: Final[Mapping[PartnerStandard, IdentityRule]] = types.MappingProxyType(
    {
        PartnerStandard.X12: IdentityRule(
            qualifier=_X12_QUALIFIER,
            qualifier_expected="an interchange ID qualifier of 2 letters or digits, like 'ZZ'",
            longest_identifier=15,
        ),
        PartnerStandard.EDIFACT: IdentityRule(
            qualifier=_EDIFACT_QUALIFIER,
            qualifier_expected="a partner identification code qualifier of up to 4 letters "
            "or digits, like '14', or empty",
            longest_identifier=35,
        ),
        PartnerStandard.CXML: IdentityRule(
            qualifier=re.compile(r"\S.{0,59}"),
            qualifier_expected="a credential domain like 'NetworkID' (up to 60 characters)",
            longest_identifier=128,
        ),
        PartnerStandard.CSV: IdentityRule(
            qualifier=None, qualifier_expected="", longest_identifier=80
        ),
        PartnerStandard.JSON: IdentityRule(
            qualifier=None, qualifier_expected="", longest_identifier=80
        ),
    }
)


def _no_rules() -> Mapping[str, MessageRules]:
    return types.MappingProxyType({})


@dataclass(frozen=True, slots=True, kw_only=True)
class TradingPartner(Validated):
    """A trading partner and the terms documents are exchanged on."""

    id: str
    name: str
    role: PartnerRole
    standard: PartnerStandard
    version: str | None
    our_identity: PartnerIdentity
    their_identity: PartnerIdentity
    transport: TransportSettings
    application_sender_code: str | None = None
    """X12 only: the application sender's code posync writes (GS02)."""
    application_receiver_code: str | None = None
    """X12 only: the partner's application receiver's code (GS03)."""
    syntax_identifier: str | None = None
    """EDIFACT only: the syntax identifier (UNOA to UNOY); the codec's default if absent."""
    guide: Mapping[str, MessageRules] = field(default_factory=_no_rules)
    """Implementation-guide rules by message type (``850``, ``ORDERS``)."""
    deadlines: AnswerDeadlines = field(default_factory=AnswerDeadlines)
    tolerances: Tolerances = field(default_factory=Tolerances)
    active: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "guide", types.MappingProxyType(dict(self.guide)))

    @property
    def secret_names(self) -> tuple[str, ...]:
        """The secrets this partner's transport needs."""
        return self.transport.secrets

    def problems(self) -> list[Problem]:
        checks = Checks()
        checks.text("id", self.id, max_length=LONGEST_PARTNER_ID)
        if self.id.strip():
            checks.pattern("id", self.id, PARTNER_ID, PARTNER_ID_EXPECTED)
        checks.text("name", self.name, max_length=120)
        self._check_version(checks)
        for name, identity in (
            ("our_identity", self.our_identity),
            ("their_identity", self.their_identity),
        ):
            checks.nested(name, identity)
            _check_identity(checks, name, identity, self.standard)
        self._check_envelope_options(checks)
        checks.nested("transport", self.transport)
        self._check_guide(checks)
        checks.nested("deadlines", self.deadlines)
        checks.nested("tolerances", self.tolerances)
        return checks.found

    def _check_version(self, checks: Checks) -> None:
        version, standard = self.version, self.standard
        if standard in (PartnerStandard.CSV, PartnerStandard.JSON):
            if version is not None:
                checks.add("version", f"does not apply to {standard} partners; leave it out")
            return
        if version is None:
            checks.add("version", f"is required for {standard} partners")
        elif standard is PartnerStandard.X12 and version not in X12_VERSIONS:
            checks.add(
                "version", f"must be an X12 version: {', '.join(X12_VERSIONS)}; got {version!r}"
            )
        elif standard is PartnerStandard.EDIFACT and version not in EDIFACT_VERSIONS:
            checks.add(
                "version",
                f"must be an EDIFACT directory: {', '.join(EDIFACT_VERSIONS)}; got {version!r}",
            )
        elif standard is PartnerStandard.CXML and not _CXML_VERSION.fullmatch(version):
            checks.add("version", f"must be a cXML version like '1.2.069'; got {version!r}")

    def _check_envelope_options(self, checks: Checks) -> None:
        for name in ("application_sender_code", "application_receiver_code"):
            value: str | None = getattr(self, name)
            if value is None:
                continue
            if self.standard is not PartnerStandard.X12:
                checks.add(name, f"applies to x12 partners only, not {self.standard}")
            else:
                checks.text(name, value, max_length=15)
        if self.syntax_identifier is not None:
            if self.standard is not PartnerStandard.EDIFACT:
                checks.add(
                    "syntax_identifier", f"applies to edifact partners only, not {self.standard}"
                )
            else:
                checks.pattern(
                    "syntax_identifier",
                    self.syntax_identifier,
                    _EDIFACT_SYNTAX,
                    "a syntax identifier from UNOA to UNOY",
                )

    def _check_guide(self, checks: Checks) -> None:
        if not self.guide:
            return
        if self.standard is PartnerStandard.X12:
            message, element, expected = _X12_MESSAGE, _X12_ELEMENT, "a transaction set like '850'"
        elif self.standard is PartnerStandard.EDIFACT:
            message, element, expected = (
                _EDIFACT_MESSAGE,
                _EDIFACT_ELEMENT,
                "a message like 'ORDERS'",
            )
        else:
            checks.add("guide", f"applies to x12 and edifact partners only, not {self.standard}")
            return
        for name, rules in sorted(self.guide.items()):
            if not message.fullmatch(name):
                checks.add(f"guide.{name}", f"must be named for {expected}")
            checks.found.extend(
                problem.under(f"guide.{name}")
                for problem in rules.problems_with(_SEGMENT_TAG, element)
            )


def _check_identity(
    checks: Checks, name: str, identity: PartnerIdentity, standard: PartnerStandard
) -> None:
    rule = IDENTITY_RULES[standard]
    if rule.qualifier is not None and not rule.qualifier.fullmatch(identity.qualifier):
        checks.add(
            f"{name}.qualifier",
            f"must be {rule.qualifier_expected} for {standard}; got {identity.qualifier!r}",
        )
    if len(identity.identifier) > rule.longest_identifier:
        checks.add(
            f"{name}.identifier",
            f"must be at most {rule.longest_identifier} characters for {standard}, "
            f"got {len(identity.identifier)}",
        )


def changed_fields(before: TradingPartner, after: TradingPartner) -> tuple[str, ...]:
    """The names of the partner's fields that differ, in declaration order."""
    return tuple(
        f.name for f in fields(TradingPartner) if getattr(before, f.name) != getattr(after, f.name)
    )


# --- events ---------------------------------------------------------------------------------


def partner_stream(partner_id: str) -> str:
    """The audit stream a partner's events are recorded on."""
    return f"partner:{partner_id}"


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerEvent(DomainEvent):
    """A fact about one trading partner, recorded on the partner's stream."""

    partner_id: str

    @property
    def stream(self) -> str:
        return partner_stream(self.partner_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerAdded(PartnerEvent):
    standard: PartnerStandard
    role: PartnerRole


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerChanged(PartnerEvent):
    version: int
    changed: tuple[str, ...]
    """The names of the fields that changed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerSecretSet(PartnerEvent):
    """A secret was stored for a partner; the event holds its name, never its value."""

    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerSecretDeleted(PartnerEvent):
    name: str


PARTNER_EVENTS: Final = (PartnerAdded, PartnerChanged, PartnerSecretSet, PartnerSecretDeleted)
