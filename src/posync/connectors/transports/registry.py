"""Which adapter carries which kind of transport: an explicit registry, keyed by kind.

``standard_transports()`` is the registry posync runs with: HTTP, SFTP,
folder and memory adapters. AS2 plugs in through its ``as2`` argument (or
``with_transport``) once its adapter exists; until then, asking for a kind
without an adapter raises ``TransportNotRegistered`` naming the kinds there
are. The dispatcher asks ``for_kind`` (or ``for_partner``) on every delivery.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping
from typing import Protocol, runtime_checkable

from posync.connectors.transports.folder import FolderTransport
from posync.connectors.transports.http import HttpTransport
from posync.connectors.transports.memory import MemoryTransport
from posync.connectors.transports.sftp import SftpTransport
from posync.domain.errors import NotFound
from posync.domain.partner_values import TransportKind
from posync.domain.partners import TradingPartner
from posync.services.ports import Clock, Transport


class TransportNotRegistered(NotFound):
    """A kind of transport that has no adapter in this registry."""

    def __init__(self, kind: TransportKind, available: Iterable[TransportKind]) -> None:
        self.kind = kind
        names = ", ".join(sorted(k.value for k in available)) or "none"
        super().__init__(
            f"no adapter is registered for {kind.value} transports; registered: {names}"
        )


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class TransportRegistry:
    """One ``Transport`` per ``TransportKind``; registering a kind twice is a mistake."""

    def __init__(self, transports: Mapping[TransportKind, Transport]) -> None:
        self._transports: Mapping[TransportKind, Transport] = types.MappingProxyType(
            dict(transports)
        )

    @property
    def kinds(self) -> frozenset[TransportKind]:
        return frozenset(self._transports)

    def for_kind(self, kind: TransportKind) -> Transport:
        transport = self._transports.get(kind)
        if transport is None:
            raise TransportNotRegistered(kind, self._transports)
        return transport

    def for_partner(self, partner: TradingPartner) -> Transport:
        return self.for_kind(partner.transport.kind)

    def with_transport(self, kind: TransportKind, transport: Transport) -> TransportRegistry:
        """A registry with ``transport`` added for ``kind``, which must not have one yet."""
        if kind in self._transports:
            raise ValueError(f"{kind.value} transports have an adapter already")
        return TransportRegistry({**self._transports, kind: transport})

    def close(self) -> None:
        """Close every adapter that holds connections (the HTTP client's pool)."""
        for transport in self._transports.values():
            if isinstance(transport, Closable):
                transport.close()


def standard_transports(
    *,
    clock: Clock | None = None,
    memory: MemoryTransport | None = None,
    as2: Transport | None = None,
) -> TransportRegistry:
    """Every transport posync runs with.

    ``memory`` is the in-memory partner to use (a new one when not given: pass
    your own to read what it recorded). ``as2`` is where the AS2 adapter is
    registered; without it, AS2 partners get ``TransportNotRegistered``.
    """
    transports: dict[TransportKind, Transport] = {
        TransportKind.HTTP: HttpTransport(clock=clock),
        TransportKind.SFTP: SftpTransport(),
        TransportKind.FOLDER: FolderTransport(),
        TransportKind.MEMORY: memory if memory is not None else MemoryTransport(),
    }
    if as2 is not None:
        transports[TransportKind.AS2] = as2
    return TransportRegistry(transports)
