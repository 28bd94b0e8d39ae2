"""The format registry: one adapter per standard, and a plain error for a standard it lacks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

import pytest

from posync.codecs.formats.model import (
    Checked,
    ControlNumberSource,
    Decoded,
    DocumentFormat,
    EncodeTarget,
    PartyIdentity,
    ReadOptions,
    Standard,
)
from posync.codecs.formats.registry import FormatNotAvailable, FormatRegistry, standard_formats
from posync.domain.errors import Problem


class FakeEdifact:
    """A stand-in EDIFACT adapter: the protocol is all a registry needs."""

    standard = Standard.EDIFACT
    media_type = "application/edifact"
    numbered = True

    def decode(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Decoded]:
        yield Decoded(standard=self.standard, label="ORDERS 1", document=None, accepted=False)

    def validate(self, chunks: Iterable[bytes], options: ReadOptions) -> Iterator[Checked]:
        yield from self.decode(chunks, options)

    def target_problems(self, target: EncodeTarget) -> list[Problem]:
        return target.unused(("sender", "receiver", "version", "syntax"), self.standard)

    def encode(
        self,
        documents: Sequence[object],
        target: EncodeTarget,
        *,
        numbers: ControlNumberSource | None,
        at: datetime,
    ) -> bytes:
        return b"UNA:+.? '"


def test_posync_reads_and_writes_every_standard_it_knows() -> None:
    registry = standard_formats()

    assert set(registry.standards) == set(Standard)
    for standard in registry.standards:
        assert registry.format_for(standard).standard is standard


def test_a_standard_without_an_adapter_is_a_plain_error() -> None:
    registry = FormatRegistry(
        [standard_formats().format_for(s) for s in (Standard.X12, Standard.CSV)]
    )

    with pytest.raises(FormatNotAvailable) as raised:
        registry.format_for(Standard.EDIFACT)

    assert str(raised.value) == "edifact is not available yet; available: x12, csv"


def test_an_adapter_of_a_new_standard_plugs_in() -> None:
    edifact: DocumentFormat = FakeEdifact()
    registry = FormatRegistry([edifact])

    adapter = registry.format_for(Standard.EDIFACT)
    target = EncodeTarget(
        sender=PartyIdentity.parse("14:4012345000009"),
        receiver=PartyIdentity.parse("ZZ:EURODIS"),
        syntax="UNOC",
        delimiter=";",
    )

    assert adapter is edifact
    assert adapter.target_problems(target) == [Problem("delimiter", "does not apply to edifact")]


def test_a_standard_registered_twice_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="edifact is registered twice"):
        FormatRegistry([FakeEdifact(), FakeEdifact()])


@pytest.mark.parametrize(
    ("text", "qualifier", "identifier"),
    [("ZZ:ACME", "ZZ", "ACME"), ("ACME", None, "ACME"), ("14:40:12", "14", "40:12")],
)
def test_a_party_identity_is_qualifier_and_id(
    text: str, qualifier: str | None, identifier: str
) -> None:
    identity = PartyIdentity.parse(text)

    assert (identity.qualifier, identity.identifier) == (qualifier, identifier)
    assert str(identity) == text
