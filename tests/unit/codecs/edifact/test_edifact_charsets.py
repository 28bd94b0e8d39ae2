"""Repertoires: level A folds, what a repertoire cannot carry is transliterated or refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs.edifact.charsets import (
    REPERTOIRES,
    UnsupportedSyntaxIdentifier,
    fit,
    repertoire_of,
)
from posync.codecs.edifact.segments import segment
from posync.codecs.edifact.serialize import SegmentWriter, write_segments
from posync.codecs.edifact.syntax import LEVEL_B_CHARACTERS, ServiceCharacters
from posync.codecs.errors import EncodeError


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        ("UNOA", "LODZ"),
        ("UNOB", "Lodz"),
        ("UNOC", "Lódz"),  # ISO 8859-1 has ó but neither Ł nor ź
        ("UNOD", "Łódź"),
        ("UNOY", "Łódź"),
    ],
)
def test_lodz_in_each_repertoire(identifier: str, expected: str) -> None:
    assert fit("Łódź", repertoire_of(identifier)) == expected


def test_letters_that_do_not_decompose_are_transliterated() -> None:
    assert fit("Øresund Straße Æble Œuvre Þór", REPERTOIRES["UNOA"]) == (
        "ORESUND STRASSE AEBLE OEUVRE THOR"
    )
    assert fit("Crème brûlée", REPERTOIRES["UNOB"]) == "Creme brulee"


@pytest.mark.parametrize(
    ("identifier", "text"), [("UNOA", "a@b"), ("UNOC", "数"), ("UNOY", "\x00")]
)
def test_what_cannot_be_carried_is_refused_by_name(identifier: str, text: str) -> None:
    with pytest.raises(EncodeError) as raised:
        fit(text, repertoire_of(identifier), field="COM01")

    problem = raised.value.problems[0]
    assert problem.field == "COM01"
    assert identifier in problem.message
    assert "U+" in problem.message


def test_unknown_syntax_identifier_is_a_clear_error() -> None:
    with pytest.raises(UnsupportedSyntaxIdentifier, match=r"UNOZ.*UNOA"):
        repertoire_of("UNOZ")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=20), st.sampled_from(sorted(REPERTOIRES)))
def test_fitted_text_is_carried_and_encodes_or_is_refused(text: str, identifier: str) -> None:
    repertoire = REPERTOIRES[identifier]
    try:
        fitted = fit(text, repertoire)
    except EncodeError:
        return

    assert repertoire.outside(fitted) == ""
    assert repertoire.decode(repertoire.encode(fitted)) == fitted


def test_decoding_keeps_every_byte() -> None:
    data = bytes(range(256))
    for repertoire in REPERTOIRES.values():
        assert repertoire.encode(repertoire.decode(data)) == data


def test_writer_releases_separators_and_fits_values() -> None:
    writer = SegmentWriter(ServiceCharacters(), REPERTOIRES["UNOA"])

    assert writer.segment(segment("NAD", "ST", "", "", "", "ul. Łąkowa 5+6", "Łódź")) == (
        "NAD+ST++++UL. LAKOWA 5?+6+LODZ'"
    )


def test_no_release_character_refuses_a_separator_in_data() -> None:
    with pytest.raises(EncodeError, match="release character"):
        write_segments([segment("FTX", "A\x1dB")], LEVEL_B_CHARACTERS)


def test_una_is_written_when_asked() -> None:
    text = write_segments([segment("UNZ", "1", "42")], ServiceCharacters(decimal=","), una=True)

    assert text == "UNA:+,? 'UNZ+1+42'"
