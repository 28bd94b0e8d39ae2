"""Partners as plain data: JSON and TOML read back to the same partner; wrong shapes are named."""

from __future__ import annotations

import json
import tomllib
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.codecs import canonical_json
from posync.codecs.errors import DecodeError
from posync.codecs.partner_data import (
    PartnerJson,
    decode_partner,
    encode_partner,
    read_partner,
)
from posync.codecs.partner_file import decode_partners_file, write_partners_file
from posync.codecs.plain_data import format_duration, parse_duration
from posync.domain.errors import Problem
from posync.domain.partner_values import (
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
from support.partner_documents import make_edifact_partner, make_x12_partner, partner_json

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
NAMES = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=6)
DURATIONS = st.timedeltas(min_value=timedelta(days=-400), max_value=timedelta(days=400))
AMOUNTS = st.decimals(allow_nan=False, allow_infinity=False, places=4, max_value=10**9)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


RULES = st.builds(
    MessageRules,
    required_segments=st.frozensets(NAMES, max_size=3),
    forbidden_segments=st.frozensets(NAMES, max_size=3),
    required_elements=st.frozensets(NAMES, max_size=2),
    codes=st.dictionaries(NAMES, st.frozensets(TEXT, max_size=3), max_size=3),
    max_lengths=st.dictionaries(NAMES, st.integers(-5, 500), max_size=3),
)
PARTNERS = st.builds(
    TradingPartner,
    id=TEXT,
    name=TEXT,
    role=st.sampled_from(PartnerRole),
    standard=st.sampled_from(PartnerStandard),
    version=optional(TEXT),
    our_identity=st.builds(PartnerIdentity, qualifier=TEXT, identifier=TEXT),
    their_identity=st.builds(PartnerIdentity, qualifier=TEXT, identifier=TEXT),
    application_sender_code=optional(TEXT),
    application_receiver_code=optional(TEXT),
    syntax_identifier=optional(TEXT),
    guide=st.dictionaries(NAMES, RULES, max_size=2),
    transport=st.builds(
        TransportSettings,
        kind=st.sampled_from(TransportKind),
        url=optional(TEXT),
        host=optional(TEXT),
        port=optional(st.integers(-10, 70000)),
        path=optional(TEXT),
        username=optional(TEXT),
        as2_from=optional(TEXT),
        as2_to=optional(TEXT),
        content_type=optional(TEXT),
        timeout=optional(DURATIONS),
        secrets=st.lists(TEXT, max_size=3).map(tuple),
    ),
    deadlines=st.builds(
        AnswerDeadlines,
        functional_acknowledgement=optional(DURATIONS),
        acknowledgement=optional(DURATIONS),
        ship_notice=optional(DURATIONS),
    ),
    tolerances=st.builds(
        Tolerances,
        quantity_over_percent=optional(AMOUNTS),
        price_absolute=optional(AMOUNTS),
        freight_absolute=optional(AMOUNTS),
        days_late=optional(st.integers(-30, 30)),
    ),
    active=st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(PARTNERS)
def test_any_partner_survives_canonical_json(partner: TradingPartner) -> None:
    codec = PartnerJson()

    assert codec.loads(codec.dumps(partner)) == partner


@settings(max_examples=60, deadline=None)
@given(PARTNERS)
def test_any_partner_survives_a_toml_partners_file(partner: TradingPartner) -> None:
    parsed = tomllib.loads(write_partners_file([partner], header="a header\nof two lines"))
    problems: list[Problem] = []

    read = read_partner(parsed["partner"][0], "partner[0]", problems)

    assert problems == []
    assert read == partner


@settings(max_examples=200, deadline=None)
@given(DURATIONS)
def test_durations_read_back_as_written(duration: timedelta) -> None:
    text = format_duration(duration)

    assert parse_duration(text) == duration


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("PT4H", timedelta(hours=4)),
        ("P2D", timedelta(days=2)),
        ("P1DT12H30M", timedelta(days=1, hours=12, minutes=30)),
        ("PT0.5S", timedelta(milliseconds=500)),
    ],
)
def test_iso_durations_are_read(text: str, duration: timedelta) -> None:
    assert parse_duration(text) == duration


@pytest.mark.parametrize("text", ["P", "PT", "4h", "P1Y", "PT1.2345678S", "P1W", ""])
def test_other_texts_are_not_durations(text: str) -> None:
    assert parse_duration(text) is None


def test_encoding_leaves_defaults_out_and_writes_amounts_as_strings() -> None:
    data = partner_json(make_edifact_partner())

    assert "guide" not in data
    assert "tolerances" not in data
    assert "application_sender_code" not in data
    assert data["deadlines"] == {"functional_acknowledgement": "P1D"}
    assert partner_json()["tolerances"] == {
        "quantity_over_percent": "5",
        "price_absolute": "0.01",
        "days_late": 1,
    }


def wrong_fields(data: object) -> dict[str, str]:
    with pytest.raises(DecodeError) as raised:
        decode_partner(data)
    return {problem.field: problem.message for problem in raised.value.problems}


def test_every_wrong_field_is_named_at_once() -> None:
    data = partner_json()
    data["standard"] = "x13"
    data["active"] = "yes"
    data["colour"] = "red"
    data["transport"]["port"] = "8080"
    data["transport"]["timeout"] = "30 seconds"
    data["tolerances"]["price_percent"] = 2.5
    data["deadlines"]["ship_notice"] = 86400
    data["guide"]["850"]["codes"] = ["SA"]
    del data["name"]

    found = wrong_fields(data)

    assert "one of x12, edifact, cxml, csv, json; got 'x13'" in found["standard"]
    assert "true or false" in found["active"]
    assert "is not a field of a trading partner" in found["colour"]
    assert "whole number" in found["transport.port"]
    assert "ISO 8601 duration" in found["transport.timeout"]
    assert "written as a string" in found["tolerances.price_percent"]
    assert "ISO 8601 duration" in found["deadlines.ship_notice"]
    assert "object of code lists" in found["guide.850.codes"]
    assert found["name"] == "is required"


@pytest.mark.parametrize("data", [None, [], "acme", 3])
def test_a_partner_must_be_an_object(data: object) -> None:
    assert "" in wrong_fields(data)


def test_the_store_codec_refuses_text_that_is_not_json() -> None:
    with pytest.raises(DecodeError, match="not valid JSON"):
        PartnerJson().loads("{not json")


def test_the_json_is_canonical() -> None:
    partner = make_x12_partner()

    assert PartnerJson().dumps(partner) == canonical_json.dumps(encode_partner(partner))
    assert json.loads(PartnerJson().dumps(partner))["transport"]["timeout"] == "PT30S"


# --- the partners file ------------------------------------------------------------------------


def test_a_partners_file_reads_back_its_partners() -> None:
    partners = [make_x12_partner(), make_edifact_partner()]

    text = write_partners_file(partners)

    assert "[partner.guide.850.codes]" in text
    assert "[partner.guide]\n" not in text
    assert decode_partners_file(tomllib.loads(text)) == partners


def file_problems(text: str) -> dict[str, str]:
    with pytest.raises(DecodeError) as raised:
        decode_partners_file(tomllib.loads(text))
    return {problem.field: problem.message for problem in raised.value.problems}


def test_a_file_is_refused_whole_with_each_problem_by_place() -> None:
    good = make_x12_partner()
    bad_version = make_x12_partner("globex", version="D96A")
    text = write_partners_file([good, bad_version, good]) + "[other]\nx = 1\n"

    found = file_problems(text.replace('"ZZ", identifier = "GLOBEX"', '"ZZZ", identifier = "G"'))

    assert "X12 version" in found["partner[1].version"]
    assert "2 letters or digits" in found["partner[1].their_identity.qualifier"]
    assert "repeats 'acme' of partner[0]" in found["partner[2].id"]
    assert "ZZ:ACME is the x12 identity of partner[0]" in found["partner[2].their_identity"]
    assert "[[partner]]" in found["other"]


def test_a_file_of_another_shape_is_refused() -> None:
    assert "[[partner]] tables" in file_problems('partner = "acme"\n')["partner"]
    assert file_problems('[[partner]]\nid = "x"\n')["partner[0].name"] == "is required"


def test_an_empty_file_holds_no_partners() -> None:
    assert decode_partners_file({}) == []


def test_amounts_in_a_file_must_be_exact() -> None:
    text = write_partners_file([make_x12_partner()]).replace(
        'quantity_over_percent = "5"', "quantity_over_percent = 5.5"
    )

    assert (
        "written as a string" in file_problems(text)["partner[0].tolerances.quantity_over_percent"]
    )


def test_whole_numbers_are_exact_amounts() -> None:
    text = write_partners_file([make_x12_partner()]).replace(
        'quantity_over_percent = "5"', "quantity_over_percent = 5"
    )

    [partner] = decode_partners_file(tomllib.loads(text))

    assert partner.tolerances.quantity_over_percent == Decimal(5)
