"""The service characters of an interchange, and how the interchange is written.

``ServiceCharacters`` are what a UNA declares (or the defaults): separators,
decimal mark, release character. ``InterchangeSyntax`` adds the UNB's syntax
identifier and version and the repertoire its bytes are read in.
"""

from __future__ import annotations

from dataclasses import dataclass

from posync.codecs.edifact.charsets import REPERTOIRES, Repertoire


@dataclass(frozen=True, slots=True)
class ServiceCharacters:
    """The separators, decimal mark and release character of one interchange.

    ``release`` is ``None`` when the interchange has none (a space in UNA4);
    ``repetition`` is ``None`` before syntax version 4 (UNA5 is reserved).
    """

    component: str = ":"
    element: str = "+"
    decimal: str = "."
    release: str | None = "?"
    repetition: str | None = None
    segment: str = "'"

    @property
    def una(self) -> str:
        """The service string advice that declares these characters."""
        return (
            f"UNA{self.component}{self.element}{self.decimal}"
            f"{self.release or ' '}{self.repetition or ' '}{self.segment}"
        )

    @property
    def separators(self) -> str:
        """Every character that needs releasing in data."""
        return "".join(
            c
            for c in (self.component, self.element, self.segment, self.repetition, self.release)
            if c
        )


Delimiters = ServiceCharacters

DEFAULT_CHARACTERS = ServiceCharacters()
VERSION_4_CHARACTERS = ServiceCharacters(repetition="*")
LEVEL_B_CHARACTERS = ServiceCharacters(
    component="\x1f", element="\x1d", release=None, segment="\x1c"
)
LEVEL_B_VERSION_4_CHARACTERS = ServiceCharacters(
    component="\x1f", element="\x1d", release=None, repetition="\x1e", segment="\x1c"
)


@dataclass(frozen=True, slots=True)
class InterchangeSyntax:
    """How one interchange is written: its characters, syntax identifier and version."""

    characters: ServiceCharacters
    identifier: str
    version: str
    repertoire: Repertoire
    advised: bool
    """Whether a UNA declared the characters."""

    @property
    def supported(self) -> bool:
        """Whether posync knows the syntax identifier's repertoire."""
        return self.identifier in REPERTOIRES
