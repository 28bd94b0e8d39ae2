"""The partners file: trading partners as TOML, one ``[[partner]]`` table each.

Reading takes the file already parsed (``tomllib``) and gives every partner
in it, or a ``DecodeError`` listing every problem of every partner by its
place (``partner[1].transport.port``), so that a file is taken whole or not
at all. Writing gives TOML text that reads back to the same partners.
Secrets are never in the file: a transport names them (``secrets =
["as2_key"]``) and their values come from elsewhere (docs/partners.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from posync.codecs.errors import DecodeError
from posync.codecs.partner_data import encode_partner, read_partner
from posync.domain.errors import Problem
from posync.domain.partners import TradingPartner

PARTNERS_KEY = "partner"
WHAT = "partners file"
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_INLINE_TABLES = frozenset({"our_identity", "their_identity"})
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def decode_partners_file(data: object) -> list[TradingPartner]:
    """Every partner of a parsed partners file, each checked; ``DecodeError`` if any is wrong."""
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        raise DecodeError(WHAT, [Problem("", "must be a TOML document")])
    for unknown in sorted(set(data) - {PARTNERS_KEY}):
        problems.append(
            Problem(str(unknown), f"is not part of a partners file; use [[{PARTNERS_KEY}]] tables")
        )
    entries = data.get(PARTNERS_KEY, [])
    if not isinstance(entries, list):
        raise DecodeError(
            WHAT, [*problems, Problem(PARTNERS_KEY, f"must be [[{PARTNERS_KEY}]] tables")]
        )
    partners: list[TradingPartner] = []
    for index, entry in enumerate(entries):
        path = f"{PARTNERS_KEY}[{index}]"
        partner = read_partner(entry, path, problems)
        if partner is not None:
            problems.extend(problem.under(path) for problem in partner.problems())
            partners.append(partner)
    _check_unique(partners, problems)
    if problems:
        raise DecodeError(WHAT, problems)
    return partners


def _check_unique(partners: Sequence[TradingPartner], problems: list[Problem]) -> None:
    ids: dict[str, int] = {}
    identities: dict[tuple[str, str, str], int] = {}
    for index, partner in enumerate(partners):
        path = f"{PARTNERS_KEY}[{index}]"
        if partner.id in ids:
            problems.append(
                Problem(
                    f"{path}.id", f"repeats {partner.id!r} of {PARTNERS_KEY}[{ids[partner.id]}]"
                )
            )
        ids.setdefault(partner.id, index)
        their = partner.their_identity
        key = (partner.standard.value, their.qualifier, their.identifier)
        if key in identities:
            problems.append(
                Problem(
                    f"{path}.their_identity",
                    f"{their} is the {partner.standard} identity of "
                    f"{PARTNERS_KEY}[{identities[key]}] already",
                )
            )
        identities.setdefault(key, index)


def write_partners_file(partners: Sequence[TradingPartner], *, header: str = "") -> str:
    """The partners as a TOML partners file, in the order given."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    for partner in partners:
        if lines:
            lines.append("")
        lines.append(f"[[{PARTNERS_KEY}]]")
        _write_table(lines, PARTNERS_KEY, encode_partner(partner))
    return "\n".join(lines) + "\n"


def _write_table(lines: list[str], prefix: str, table: Mapping[str, Any]) -> None:
    tables = []
    for key, value in table.items():
        if isinstance(value, Mapping) and key not in _INLINE_TABLES:
            tables.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in tables:
        name = f"{prefix}.{_key(key)}"
        # A table of tables only needs its header when it is empty.
        if not value or not all(isinstance(v, Mapping) for v in value.values()):
            lines.extend(("", f"[{name}]"))
        _write_table(lines, name, value)


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"a partners file holds no {type(value).__name__}")


def _string(text: str) -> str:
    escaped = "".join(
        _ESCAPES.get(c, f"\\u{ord(c):04X}" if ord(c) < 0x20 or ord(c) == 0x7F else c) for c in text
    )
    return f'"{escaped}"'
