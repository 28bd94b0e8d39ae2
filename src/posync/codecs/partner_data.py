"""Trading partners as plain data: the JSON objects of the API and the store, the TOML tables
of a partners file.

The format is the partner's fields by name (see docs/partners.md); what is
absent takes its default, unknown fields are refused. The rules follow
canonical JSON (``posync.codecs.canonical_json``), which cannot carry a
partner itself (it has no mappings and no durations):

- tolerances are decimals written as strings (``"2.5"``) or whole numbers;
  a number with a fraction is refused, it has already lost exactness;
- durations (deadlines, the transport's timeout) are ISO 8601 durations in
  days, hours, minutes and seconds: ``"PT4H"``, ``"P2D"``, ``"PT30S"``;
- the guide is an object by message type, each with lists of segment tags
  and element names and objects of codes and lengths by element.

``decode`` reports every wrong field at once, by path (``transport.port``);
it checks shape and types only, ``TradingPartner.problems()`` the rules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from posync.codecs import canonical_json
from posync.codecs.errors import DecodeError
from posync.codecs.plain_data import (
    FieldReader,
    fields_of,
    format_duration,
    join_path,
)
from posync.domain.errors import Problem
from posync.domain.partner_values import (
    TOLERANCE_AMOUNTS,
    TOLERANCE_DAYS,
    AnswerDeadlines,
    MessageRules,
    PartnerIdentity,
    PartnerRole,
    PartnerStandard,
    Tolerances,
    TransportKind,
    TransportSettings,
)
from posync.domain.partners import TradingPartner

Plain = dict[str, Any]

PARTNER_FIELDS = (
    "id",
    "name",
    "role",
    "standard",
    "version",
    "our_identity",
    "their_identity",
    "application_sender_code",
    "application_receiver_code",
    "syntax_identifier",
    "active",
    "transport",
    "guide",
    "deadlines",
    "tolerances",
)
_IDENTITY_FIELDS = ("qualifier", "identifier")
_TRANSPORT_TEXTS = ("url", "host", "path", "username", "as2_from", "as2_to", "content_type")
_TRANSPORT_FIELDS = ("kind", *_TRANSPORT_TEXTS, "port", "timeout", "secrets")
_DEADLINE_FIELDS = ("functional_acknowledgement", "acknowledgement", "ship_notice")
_RULE_SETS = ("required_segments", "forbidden_segments", "required_elements")
_RULE_FIELDS = (*_RULE_SETS, "codes", "max_lengths")


# --- writing --------------------------------------------------------------------------------


def encode_partner(partner: TradingPartner) -> Plain:
    """The partner as plain data; fields at their default are left out."""
    data: Plain = {
        "id": partner.id,
        "name": partner.name,
        "role": partner.role.value,
        "standard": partner.standard.value,
    }
    _put(data, "version", partner.version)
    data["our_identity"] = _identity(partner.our_identity)
    data["their_identity"] = _identity(partner.their_identity)
    _put(data, "application_sender_code", partner.application_sender_code)
    _put(data, "application_receiver_code", partner.application_receiver_code)
    _put(data, "syntax_identifier", partner.syntax_identifier)
    data["active"] = partner.active
    data["transport"] = _transport(partner.transport)
    if partner.guide:
        data["guide"] = {name: _rules(rules) for name, rules in sorted(partner.guide.items())}
    deadlines = {
        name: format_duration(getattr(partner.deadlines, name))
        for name in _DEADLINE_FIELDS
        if getattr(partner.deadlines, name) is not None
    }
    if deadlines:
        data["deadlines"] = deadlines
    tolerances: Plain = {}
    for name in (*TOLERANCE_AMOUNTS, *TOLERANCE_DAYS):
        value = getattr(partner.tolerances, name)
        if value is not None:
            tolerances[name] = format(value, "f") if isinstance(value, Decimal) else value
    if tolerances:
        data["tolerances"] = tolerances
    return data


def _put(data: Plain, name: str, value: object) -> None:
    if value is not None:
        data[name] = value


def _identity(identity: PartnerIdentity) -> Plain:
    return {"qualifier": identity.qualifier, "identifier": identity.identifier}


def _transport(transport: TransportSettings) -> Plain:
    data: Plain = {"kind": transport.kind.value}
    for name in _TRANSPORT_TEXTS:
        _put(data, name, getattr(transport, name))
    _put(data, "port", transport.port)
    if transport.timeout is not None:
        data["timeout"] = format_duration(transport.timeout)
    if transport.secrets:
        data["secrets"] = list(transport.secrets)
    return data


def _rules(rules: MessageRules) -> Plain:
    data: Plain = {}
    for name in _RULE_SETS:
        values = getattr(rules, name)
        if values:
            data[name] = sorted(values)
    if rules.codes:
        data["codes"] = {name: sorted(codes) for name, codes in sorted(rules.codes.items())}
    if rules.max_lengths:
        data["max_lengths"] = dict(sorted(rules.max_lengths.items()))
    return data


# --- reading --------------------------------------------------------------------------------


def decode_partner(data: object, what: str = "TradingPartner") -> TradingPartner:
    """A partner from plain data; ``DecodeError`` naming every field of the wrong shape."""
    problems: list[Problem] = []
    partner = read_partner(data, "", problems)
    if partner is None or problems:
        raise DecodeError(what, problems)
    return partner


def read_partner(data: object, path: str, problems: list[Problem]) -> TradingPartner | None:
    """A partner from plain data, adding to ``problems`` what is of the wrong shape."""
    fields = fields_of(data, path, problems, PARTNER_FIELDS, "a trading partner")
    if fields is None:
        return None
    before = len(problems)
    read = FieldReader(fields, path, problems)
    values: dict[str, Any] = {
        "id": read.text("id"),
        "name": read.text("name"),
        "role": read.choice("role", PartnerRole),
        "standard": read.choice("standard", PartnerStandard),
        "version": read.optional_text("version"),
        "our_identity": read.nested("our_identity", _read_identity),
        "their_identity": read.nested("their_identity", _read_identity),
        "application_sender_code": read.optional_text("application_sender_code"),
        "application_receiver_code": read.optional_text("application_receiver_code"),
        "syntax_identifier": read.optional_text("syntax_identifier"),
        "active": read.boolean("active", default=True),
        "transport": read.nested("transport", _read_transport),
        "guide": read.nested("guide", _guide, default={}),
        "deadlines": read.nested("deadlines", _read_deadlines, default=AnswerDeadlines()),
        "tolerances": read.nested("tolerances", _read_tolerances, default=Tolerances()),
    }
    # Each reader returns None only when it has added a problem.
    return None if len(problems) > before else TradingPartner(**values)


def _read_identity(data: object, path: str, problems: list[Problem]) -> PartnerIdentity | None:
    fields = fields_of(data, path, problems, _IDENTITY_FIELDS, "an identity")
    if fields is None:
        return None
    read = FieldReader(fields, path, problems)
    qualifier = read.optional_text("qualifier")
    identifier = read.text("identifier")
    if identifier is None:
        return None
    return PartnerIdentity(qualifier=qualifier or "", identifier=identifier)


def _read_transport(data: object, path: str, problems: list[Problem]) -> TransportSettings | None:
    fields = fields_of(data, path, problems, _TRANSPORT_FIELDS, "a transport")
    if fields is None:
        return None
    before = len(problems)
    read = FieldReader(fields, path, problems)
    kind = read.choice("kind", TransportKind)
    texts = {name: read.optional_text(name) for name in _TRANSPORT_TEXTS}
    port = read.integer("port")
    timeout = read.duration("timeout")
    secrets = read.texts("secrets")
    if kind is None or len(problems) > before:
        return None
    return TransportSettings(kind=kind, port=port, timeout=timeout, secrets=secrets, **texts)


def _read_deadlines(data: object, path: str, problems: list[Problem]) -> AnswerDeadlines | None:
    fields = fields_of(data, path, problems, _DEADLINE_FIELDS, "answer deadlines")
    if fields is None:
        return None
    read = FieldReader(fields, path, problems)
    return AnswerDeadlines(**{name: read.duration(name) for name in _DEADLINE_FIELDS})


def _read_tolerances(data: object, path: str, problems: list[Problem]) -> Tolerances | None:
    fields = fields_of(data, path, problems, (*TOLERANCE_AMOUNTS, *TOLERANCE_DAYS), "tolerances")
    if fields is None:
        return None
    read = FieldReader(fields, path, problems)
    values: dict[str, Any] = {name: read.decimal(name) for name in TOLERANCE_AMOUNTS}
    values.update((name, read.integer(name)) for name in TOLERANCE_DAYS)
    return Tolerances(**values)


def _guide(data: object, path: str, problems: list[Problem]) -> dict[str, MessageRules]:
    if not isinstance(data, Mapping):
        problems.append(Problem(path, "must be an object of rules by message type, like '850'"))
        return {}
    guide: dict[str, MessageRules] = {}
    for message, rules in data.items():
        read = _read_rules(rules, join_path(path, str(message)), problems)
        if read is not None:
            guide[str(message)] = read
    return guide


def _read_rules(data: object, path: str, problems: list[Problem]) -> MessageRules | None:
    fields = fields_of(data, path, problems, _RULE_FIELDS, "a message type's rules")
    if fields is None:
        return None
    read = FieldReader(fields, path, problems)
    sets = {name: frozenset(read.texts(name)) for name in _RULE_SETS}
    codes: dict[str, frozenset[str]] = {}
    lengths: dict[str, int] = {}
    raw_codes = fields.get("codes", {})
    if isinstance(raw_codes, Mapping):
        element_codes = FieldReader(raw_codes, read.at("codes"), problems)
        codes = {str(name): frozenset(element_codes.texts(str(name))) for name in raw_codes}
    else:
        read.wrong("codes", 'an object of code lists by element, like {BEG01 = ["00"]}', raw_codes)
    raw_lengths = fields.get("max_lengths", {})
    if isinstance(raw_lengths, Mapping):
        element_lengths = FieldReader(raw_lengths, read.at("max_lengths"), problems)
        for name in raw_lengths:
            length = element_lengths.integer(str(name))
            if length is not None:
                lengths[str(name)] = length
    else:
        read.wrong("max_lengths", "an object of lengths by element, like {N102 = 35}", raw_lengths)
    return MessageRules(codes=codes, max_lengths=lengths, **sets)


class PartnerJson:
    """A partner as canonical JSON text, for the store; reading checks the shape only."""

    def dumps(self, partner: TradingPartner) -> str:
        return canonical_json.dumps(encode_partner(partner))

    def loads(self, text: str | bytes) -> TradingPartner:
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise DecodeError(
                "TradingPartner", [Problem("", f"is not valid JSON: {error}")]
            ) from error
        return decode_partner(data)


def partner_json_schema() -> dict[str, Any]:
    """The JSON Schema of a partner as plain data (its shape; the rules are in docs/partners.md)."""
    text = {"type": "string"}
    texts = {"type": "array", "items": text}
    duration = {"type": "string", "description": 'ISO 8601 duration, e.g. "PT4H", "P2D"'}
    amount = {
        "anyOf": [{"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}, {"type": "integer"}]
    }
    identity = _schema_object({"qualifier": text, "identifier": text}, required=["identifier"])
    transport = _schema_object(
        {
            "kind": {"type": "string", "enum": [kind.value for kind in TransportKind]},
            **dict.fromkeys(_TRANSPORT_TEXTS, text),
            "port": {"type": "integer"},
            "timeout": duration,
            "secrets": texts,
        },
        required=["kind"],
    )
    rules = _schema_object(
        {
            **dict.fromkeys(_RULE_SETS, texts),
            "codes": {"type": "object", "additionalProperties": texts},
            "max_lengths": {"type": "object", "additionalProperties": {"type": "integer"}},
        }
    )
    return _schema_object(
        {
            "id": text,
            "name": text,
            "role": {"type": "string", "enum": [role.value for role in PartnerRole]},
            "standard": {"type": "string", "enum": [s.value for s in PartnerStandard]},
            "version": text,
            "our_identity": identity,
            "their_identity": identity,
            "application_sender_code": text,
            "application_receiver_code": text,
            "syntax_identifier": text,
            "active": {"type": "boolean"},
            "transport": transport,
            "guide": {"type": "object", "additionalProperties": rules},
            "deadlines": _schema_object(dict.fromkeys(_DEADLINE_FIELDS, duration)),
            "tolerances": _schema_object(
                {
                    **dict.fromkeys(TOLERANCE_AMOUNTS, amount),
                    **{key: {"type": "integer"} for key in TOLERANCE_DAYS},
                }
            ),
        },
        required=[
            "id",
            "name",
            "role",
            "standard",
            "our_identity",
            "their_identity",
            "transport",
        ],
    )


def _schema_object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    return schema
