"""The secrets a transport uses, looked up by the names the partner gives them.

A transport reads a secret only when the partner's transport settings name it
(``TransportSettings.secrets``). A secret is named plainly (``password``) or
with the transport's kind in front (``http_password``, ``sftp_password``), so
that a partner with several transports' secrets can tell them apart. A secret
the partner names that has no value, or one named both ways, is a mistake in
the partner's setup that no retry mends: ``CredentialsIncomplete`` says which.

``redact`` takes secret values out of text meant for people (a result's
``detail``, a log line), whatever put them there: a server that echoes a
request, an error message quoting a URL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from posync.domain.errors import PosyncError
from posync.domain.partner_values import Secret
from posync.services.ports import Delivery

HIDDEN = "********"
SHORTEST_REDACTED = 4
"""Shorter values are not searched for: they would blank out ordinary words."""


class CredentialsIncomplete(PosyncError):
    """A secret the partner's transport needs is missing, empty or named twice."""


def named_secret(delivery: Delivery, secrets: Mapping[str, Secret], name: str) -> Secret | None:
    """The secret ``name`` (or ``<kind>_<name>``) if the partner names it; None if it does not."""
    settings = delivery.partner.transport
    candidates = (name, f"{settings.kind.value}_{name}")
    named = [candidate for candidate in candidates if candidate in settings.secrets]
    if not named:
        return None
    if len(named) > 1:
        raise CredentialsIncomplete(
            f"partner {delivery.partner.id!r} names both {named[0]!r} and {named[1]!r} "
            "as secrets of its transport; keep one of them"
        )
    value = secrets.get(named[0])
    if value is None or not value.reveal():
        raise CredentialsIncomplete(
            f"partner {delivery.partner.id!r} names the secret {named[0]!r} but it has no "
            f"value; set it with 'posync partner secret set {delivery.partner.id} {named[0]}'"
        )
    return value


def redact(text: str, values: Iterable[str]) -> str:
    """``text`` with every occurrence of each of ``values`` replaced by ``********``."""
    for value in sorted(set(values), key=len, reverse=True):
        if len(value) >= SHORTEST_REDACTED:
            text = text.replace(value, HIDDEN)
    return text


def revealed(secrets: Mapping[str, Secret]) -> list[str]:
    """Every secret's value and each of its lines, for ``redact``."""
    values: list[str] = []
    for secret in secrets.values():
        value = secret.reveal()
        values.append(value)
        values.extend(line.strip() for line in value.splitlines())
    return values
