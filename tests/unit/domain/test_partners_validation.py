"""A trading partner checks itself: every wrong field named, with what was expected."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import timedelta
from decimal import Decimal

import pytest

from posync.domain.errors import InvalidDocument
from posync.domain.partner_values import (
    AnswerDeadlines,
    MessageRules,
    PartnerIdentity,
    PartnerStandard,
    Secret,
    Tolerances,
    TransportKind,
    TransportSettings,
)
from posync.domain.partners import TradingPartner, changed_fields
from support.partner_documents import make_edifact_partner, make_x12_partner


def fields_of(partner: TradingPartner) -> dict[str, str]:
    return {problem.field: problem.message for problem in partner.problems()}


def test_the_factories_make_valid_partners() -> None:
    assert make_x12_partner().problems() == []
    assert make_edifact_partner().problems() == []


@pytest.mark.parametrize("partner_id", ["Acme", "acme_1", "-acme", "acme--x", "acme.com", "a" * 41])
def test_an_id_must_be_a_short_slug(partner_id: str) -> None:
    found = fields_of(make_x12_partner(partner_id))

    assert "id" in found


def test_an_x12_qualifier_has_two_characters_and_an_identifier_at_most_15() -> None:
    partner = make_x12_partner(
        their_identity=PartnerIdentity(qualifier="ZZZ", identifier="A" * 16),
        our_identity=PartnerIdentity(qualifier="zz", identifier="BUYER"),
    )

    found = fields_of(partner)

    assert "2 letters or digits" in found["their_identity.qualifier"]
    assert "'ZZZ'" in found["their_identity.qualifier"]
    assert "at most 15" in found["their_identity.identifier"]
    assert "our_identity.qualifier" in found


def test_an_edifact_identifier_may_have_35_characters_but_not_36() -> None:
    fits = make_edifact_partner(their_identity=PartnerIdentity(qualifier="", identifier="E" * 35))
    too_long = make_edifact_partner(
        their_identity=PartnerIdentity(qualifier="14", identifier="E" * 36)
    )

    assert fits.problems() == []
    assert "at most 35" in fields_of(too_long)["their_identity.identifier"]


def test_identities_must_not_carry_padding_nor_be_blank() -> None:
    partner = make_x12_partner(their_identity=PartnerIdentity(qualifier="ZZ", identifier=" ACME "))
    blank = make_x12_partner(their_identity=PartnerIdentity(qualifier="ZZ", identifier=""))

    assert "spaces" in fields_of(partner)["their_identity.identifier"]
    assert fields_of(blank)["their_identity.identifier"] == "is required"


@pytest.mark.parametrize(
    ("standard", "version", "expected"),
    [
        (PartnerStandard.X12, "D96A", "X12 version: 004010, 005010"),
        (PartnerStandard.X12, None, "is required"),
        (PartnerStandard.EDIFACT, "004010", "EDIFACT directory: D96A"),
        (PartnerStandard.CXML, "1.3", "cXML version"),
        (PartnerStandard.CSV, "1", "does not apply to csv"),
    ],
)
def test_the_version_must_be_one_of_the_standard(
    standard: PartnerStandard, version: str | None, expected: str
) -> None:
    partner = make_x12_partner(
        standard=standard,
        version=version,
        application_sender_code=None,
        application_receiver_code=None,
        guide={},
        their_identity=PartnerIdentity(qualifier="ZZ", identifier="ACME"),
        our_identity=PartnerIdentity(qualifier="ZZ", identifier="BUYER"),
    )

    assert expected in fields_of(partner)["version"]


def test_cxml_and_json_partners_are_valid_with_their_own_versions() -> None:
    cxml = make_x12_partner(
        standard=PartnerStandard.CXML,
        version="1.2.069",
        application_sender_code=None,
        application_receiver_code=None,
        guide={},
        their_identity=PartnerIdentity(qualifier="NetworkID", identifier="AN01000000001"),
    )
    json_partner = dataclasses.replace(cxml, standard=PartnerStandard.JSON, version=None)

    assert cxml.problems() == []
    assert json_partner.problems() == []


def test_envelope_options_of_another_standard_are_refused() -> None:
    x12 = make_x12_partner(syntax_identifier="UNOC")
    edifact = make_edifact_partner(application_sender_code="BUYER", syntax_identifier="UNOZ")

    assert "edifact partners only" in fields_of(x12)["syntax_identifier"]
    assert "x12 partners only" in fields_of(edifact)["application_sender_code"]
    assert (
        "UNOA to UNOY"
        in fields_of(make_edifact_partner(syntax_identifier="UNOZ"))["syntax_identifier"]
    )


def test_each_transport_requires_its_settings_and_refuses_the_others() -> None:
    http = TransportSettings(kind=TransportKind.HTTP, host="example.com", as2_to="X")
    sftp = TransportSettings(kind=TransportKind.SFTP, host="sftp.example.com", port=70000)
    memory = TransportSettings(kind=TransportKind.MEMORY)

    found = fields_of(make_x12_partner(transport=http))

    assert found["transport.url"] == "is required for a http transport"
    assert "does not apply to a http transport" in found["transport.host"]
    assert "transport.as2_to" in found
    sftp_found = fields_of(make_x12_partner(transport=sftp))
    assert sftp_found["transport.username"] == "is required for a sftp transport"
    assert "1 to 65535" in sftp_found["transport.port"]
    assert make_x12_partner(transport=memory).problems() == []


@pytest.mark.parametrize(
    "url", ["ftp://example.com/x", "http://", "example.com/edi", "http://exa mple.com/"]
)
def test_a_url_must_be_http_with_a_host(url: str) -> None:
    transport = TransportSettings(kind=TransportKind.HTTP, url=url)

    assert (
        "http:// or https://" in fields_of(make_x12_partner(transport=transport))["transport.url"]
    )


def test_secret_names_are_lower_case_and_unique() -> None:
    transport = TransportSettings(
        kind=TransportKind.HTTP, url="https://example.com", secrets=("Password", "key", "key")
    )

    found = fields_of(make_x12_partner(transport=transport))

    assert "lower-case" in found["transport.secrets[0]"]
    assert "repeats the secret key" in found["transport.secrets[2]"]


def test_deadlines_timeouts_and_tolerances_must_not_be_negative() -> None:
    partner = make_x12_partner(
        deadlines=AnswerDeadlines(ship_notice=timedelta(0)),
        tolerances=Tolerances(price_percent=Decimal("-1"), days_early=-2),
        transport=TransportSettings(
            kind=TransportKind.HTTP, url="https://example.com", timeout=timedelta(seconds=-1)
        ),
    )

    found = fields_of(partner)

    assert "longer than zero" in found["deadlines.ship_notice"]
    assert "must not be negative" in found["tolerances.price_percent"]
    assert "must not be negative" in found["tolerances.days_early"]
    assert "longer than zero" in found["transport.timeout"]


def test_guide_rules_are_checked_per_standard() -> None:
    rules = MessageRules(
        required_segments=frozenset({"PER", "per"}),
        forbidden_segments=frozenset({"PER"}),
        codes={"BEG": frozenset({"SA"}), "BEG02": frozenset()},
        max_lengths={"N102": 0},
    )
    partner = make_x12_partner(guide={"ORDERS": rules})

    found = fields_of(partner)

    assert "transaction set like '850'" in found["guide.ORDERS"]
    assert "segment tag" in found["guide.ORDERS.required_segments"]
    assert "required and forbidden" in found["guide.ORDERS.forbidden_segments"]
    assert "element like 'BEG02'" in found["guide.ORDERS.codes"]
    assert "at least one code" in found["guide.ORDERS.codes.BEG02"]
    assert "at least 1" in found["guide.ORDERS.max_lengths.N102"]
    csv = make_x12_partner(
        standard=PartnerStandard.CSV,
        version=None,
        application_sender_code=None,
        application_receiver_code=None,
    )
    assert "x12 and edifact partners only" in fields_of(csv)["guide"]


def test_validate_raises_with_every_problem() -> None:
    partner = make_x12_partner(name="", version="003050")

    with pytest.raises(InvalidDocument) as raised:
        partner.validate()

    assert {problem.field for problem in raised.value.problems} == {"name", "version"}


def test_a_guide_given_as_a_dict_cannot_be_changed_through_the_partner() -> None:
    guide = {"850": MessageRules()}
    partner = make_x12_partner(guide=guide)
    guide["855"] = MessageRules()

    assert list(partner.guide) == ["850"]
    with pytest.raises(TypeError):
        partner.guide["810"] = MessageRules()  # type: ignore[index]


def test_changed_fields_names_what_differs() -> None:
    before = make_x12_partner()
    after = dataclasses.replace(before, name="ACME Supply", active=False)

    assert changed_fields(before, after) == ("name", "active")
    assert changed_fields(before, make_x12_partner()) == ()


def test_a_secret_never_shows_its_value() -> None:
    secret = Secret("hunter2-very-secret")

    shown = [repr(secret), str(secret), f"{secret}", f"{secret!r}", repr([secret])]

    assert all("hunter2" not in text for text in shown)
    assert secret.reveal() == "hunter2-very-secret"
    assert secret == Secret("hunter2-very-secret")
    assert secret != Secret("other")
    with pytest.raises(TypeError):
        pickle.dumps(secret)


def test_an_empty_secret_is_a_problem() -> None:
    assert [p.field for p in Secret("").problems()] == ["value"]
    assert Secret("x").problems() == []
