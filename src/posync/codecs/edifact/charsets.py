"""The character repertoires of the UNB syntax identifiers, for reading and for writing.

=========  ===================  ==============================================
Syntax id  Bytes read as        Characters it carries
=========  ===================  ==============================================
UNOA       ASCII                level A: A-Z 0-9 space . , - ( ) / = ' + : ? ! " % & * ; < >
UNOB       ASCII                level B: level A and a-z
UNOC       ISO 8859-1           the graphic characters of Latin-1
UNOD       ISO 8859-2           the graphic characters of Latin-2 (Ł, ź, ő ...)
UNOY       UTF-8                every graphic character of ISO 10646
=========  ===================  ==============================================

Reading never loses a byte: a byte the encoding cannot decode is kept as a
lone surrogate (Python's ``surrogateescape``, U+DC80..U+DCFF), which encodes
back to the same byte and which ``outside`` reports, so the validator answers
it with 0085 code 21 (invalid character).

Writing (``fit``) never corrupts silently: level A folds lower case to upper
case; a character the repertoire cannot carry is transliterated (its Unicode
decomposition without accents, or a small table for letters that do not
decompose: Ł -> L, ß -> SS, Æ -> AE ...; line breaks and tabs become spaces);
what still cannot be carried raises ``EncodeError`` naming the character and
the repertoire.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from posync.codecs.errors import EncodeError
from posync.domain.errors import Problem

LEVEL_A_PUNCTUATION = " .,-()/='+:?!\"%&*;<>"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"
_SURROGATES = "\udc80-\udcff"
_CONTROLS = "\x00-\x1f\x7f-\x9f"

LETTERS_WITHOUT_DECOMPOSITION = MappingProxyType(
    {
        "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
        "ß": "ss", "ẞ": "SS", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "TH",
        "þ": "th", "\u0131": "i", "Ħ": "H", "ħ": "h", "Ŧ": "T", "ŧ": "t", "Ŀ": "L", "ŀ": "l",
        "\n": " ", "\r": " ", "\t": " ", "\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "«": '"', "»": '"', "€": "EUR",
    }
)  # fmt: skip
"""Transliterations Unicode decomposition does not give (letters, typographic marks)."""


class UnsupportedSyntaxIdentifier(ValueError):
    """A UNB syntax identifier (S001 0001) posync has no repertoire for."""

    def __init__(self, identifier: str) -> None:
        self.identifier = identifier
        super().__init__(
            f"syntax identifier {identifier!r} is not supported; "
            f"supported: {', '.join(REPERTOIRES)}"
        )


@dataclass(frozen=True, slots=True)
class Repertoire:
    """One syntax identifier: how its bytes are decoded and which characters it carries."""

    identifier: str
    encoding: str
    errors: str
    description: str
    outside_pattern: re.Pattern[str]
    upper_case_only: bool = False

    def decode(self, data: bytes) -> str:
        """``data`` as text; undecodable bytes become lone surrogates (never lost)."""
        return data.decode(self.encoding, self.errors)

    def encode(self, text: str) -> bytes:
        """``text`` (as ``decode`` or ``fit`` made it) as bytes, surrogates back to their bytes."""
        return text.encode(self.encoding, self.errors)

    def outside(self, text: str) -> str:
        """The characters of ``text`` the repertoire does not carry, each once, in order."""
        return "".join(dict.fromkeys(self.outside_pattern.findall(text)))

    def carries(self, character: str) -> bool:
        return self.outside_pattern.match(character) is None


def _outside(allowed: str) -> re.Pattern[str]:
    return re.compile(f"[^{allowed}]")


_LEVEL_A = re.escape(_UPPER + _DIGITS + LEVEL_A_PUNCTUATION)

REPERTOIRES: Mapping[str, Repertoire] = MappingProxyType(
    {
        "UNOA": Repertoire(
            "UNOA", "ascii", "surrogateescape", "level A (ISO 646 subset, upper case)",
            _outside(_LEVEL_A), upper_case_only=True,
        ),
        "UNOB": Repertoire(
            "UNOB", "ascii", "surrogateescape", "level B (ISO 646 subset, both cases)",
            _outside(_LEVEL_A + "a-z"),
        ),
        "UNOC": Repertoire(
            "UNOC", "latin-1", "strict", "ISO 8859-1 (Latin-1)",
            _outside(" -~\u00a0-\u00ff"),
        ),
        "UNOD": Repertoire(
            "UNOD", "iso8859_2", "strict", "ISO 8859-2 (Latin-2)",
            _outside(" -~" + re.escape(bytes(range(0xA0, 0x100)).decode("iso8859_2"))),
        ),
        "UNOY": Repertoire(
            "UNOY", "utf-8", "surrogateescape", "ISO 10646 (UTF-8)",
            re.compile(f"[{_CONTROLS}{_SURROGATES}]"),
        ),
    }
)  # fmt: skip
"""The repertoires posync reads and writes, by syntax identifier."""


def repertoire_of(identifier: str) -> Repertoire:
    """The repertoire of a UNB syntax identifier; ``UnsupportedSyntaxIdentifier`` if unknown."""
    repertoire = REPERTOIRES.get(identifier)
    if repertoire is None:
        raise UnsupportedSyntaxIdentifier(identifier)
    return repertoire


def is_undecodable(character: str) -> bool:
    """A byte the interchange's encoding could not decode (kept as a lone surrogate)."""
    return "\udc80" <= character <= "\udcff"


def is_control(character: str) -> bool:
    return character < " " or "\x7f" <= character <= "\x9f"


def fit(text: str, repertoire: Repertoire, *, field: str = "") -> str:
    """``text`` as ``repertoire`` can carry it: folded, transliterated, or ``EncodeError``."""
    if repertoire.outside_pattern.search(text) is None:
        return text
    return "".join(_fit_character(character, repertoire, field) for character in text)


def _fit_character(character: str, repertoire: Repertoire, field: str) -> str:
    if repertoire.carries(character):
        return character
    candidates = []
    if repertoire.upper_case_only:
        candidates.append(character.upper())
    replacement = LETTERS_WITHOUT_DECOMPOSITION.get(character)
    if replacement is None:
        decomposed = unicodedata.normalize("NFKD", character)
        replacement = "".join(c for c in decomposed if not unicodedata.combining(c))
    if replacement:
        candidates.append(replacement)
        if repertoire.upper_case_only:
            candidates.append(replacement.upper())
    for candidate in candidates:
        if candidate and repertoire.outside_pattern.search(candidate) is None:
            return candidate
    shown = f"{character!r} (U+{ord(character):04X})"
    raise EncodeError(
        "EDIFACT",
        [
            Problem(
                field,
                f"character {shown} cannot be written in {repertoire.identifier} "
                f"({repertoire.description}) and has no transliteration; "
                "use a syntax identifier that carries it (UNOC, UNOD or UNOY)",
            )
        ],
    )
