"""The transport registry: one adapter per kind, AS2 registered when it exists."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from posync.connectors.transports.folder import FolderTransport
from posync.connectors.transports.http import HttpTransport
from posync.connectors.transports.memory import MemoryTransport
from posync.connectors.transports.registry import (
    TransportNotRegistered,
    TransportRegistry,
    standard_transports,
)
from posync.connectors.transports.sftp import SftpTransport
from posync.domain.delivery import DeliveryOutcome, DeliveryResult
from posync.domain.errors import NotFound
from posync.domain.partner_values import Secret, TransportKind, TransportSettings
from posync.services.ports import Delivery
from support.transport_documents import make_delivery


class FakeAs2:
    def deliver(self, delivery: Delivery, secrets: Mapping[str, Secret]) -> DeliveryResult:
        return DeliveryResult(outcome=DeliveryOutcome.DELIVERED, receipt=b"MDN")


def test_the_standard_registry_serves_every_kind_but_as2() -> None:
    registry = standard_transports()
    try:
        assert registry.kinds == {
            TransportKind.HTTP,
            TransportKind.SFTP,
            TransportKind.FOLDER,
            TransportKind.MEMORY,
        }
        assert isinstance(registry.for_kind(TransportKind.HTTP), HttpTransport)
        assert isinstance(registry.for_kind(TransportKind.SFTP), SftpTransport)
        assert isinstance(registry.for_kind(TransportKind.FOLDER), FolderTransport)
        assert isinstance(registry.for_kind(TransportKind.MEMORY), MemoryTransport)
    finally:
        registry.close()


def test_asking_for_a_kind_without_an_adapter_names_what_there_is() -> None:
    registry = standard_transports()

    with pytest.raises(TransportNotRegistered) as raised:
        registry.for_kind(TransportKind.AS2)

    assert isinstance(raised.value, NotFound)
    assert "as2" in str(raised.value)
    assert "folder, http, memory, sftp" in str(raised.value)
    registry.close()


def test_as2_is_registered_through_the_factory_or_added_later() -> None:
    as2 = FakeAs2()
    delivery = make_delivery(
        TransportSettings(
            kind=TransportKind.AS2, url="https://as2.example.com", as2_from="A", as2_to="B"
        )
    )

    from_factory = standard_transports(as2=as2)
    added = TransportRegistry({}).with_transport(TransportKind.AS2, as2)

    assert from_factory.for_partner(delivery.partner) is as2
    assert added.for_kind(TransportKind.AS2).deliver(delivery, {}).receipt == b"MDN"
    from_factory.close()


def test_a_kind_is_registered_once() -> None:
    registry = TransportRegistry({TransportKind.MEMORY: MemoryTransport()})

    with pytest.raises(ValueError, match="memory transports have an adapter already"):
        registry.with_transport(TransportKind.MEMORY, MemoryTransport())


def test_the_registry_hands_out_the_memory_partner_it_was_given() -> None:
    memory = MemoryTransport()
    registry = standard_transports(memory=memory)
    delivery = make_delivery()

    registry.for_partner(delivery.partner).deliver(delivery, {})

    assert memory.delivered() == (delivery,)
    registry.close()
