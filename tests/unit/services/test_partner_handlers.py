"""Partner use cases on the in-memory store: add, replace, import, secrets, audit, queries."""

from __future__ import annotations

import dataclasses
import json
import tomllib
from datetime import UTC, datetime, timedelta

import pytest

from posync.bootstrap import Application, bootstrap_in_memory
from posync.codecs.partner_file import write_partners_file
from posync.codecs.x12.findings import ElementError, SegmentError
from posync.connectors.clock import ManualClock
from posync.domain.errors import (
    AlreadyExists,
    ConcurrentUpdate,
    DomainRuleViolated,
    InvalidDocument,
    NotFound,
)
from posync.domain.partner_values import PartnerIdentity, PartnerStandard, Secret
from posync.services.commands import (
    AddPartner,
    DeletePartnerSecret,
    ImportPartners,
    SetPartnerSecret,
    UpdatePartner,
    secret_variable,
)
from posync.services.partner_guides import x12_guide
from support.partner_documents import make_edifact_partner, make_x12_partner

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def app(clock: ManualClock) -> Application:
    return bootstrap_in_memory(clock=clock)


def partners_file(*partners: object) -> dict[str, object]:
    return tomllib.loads(write_partners_file(list(partners)))  # type: ignore[arg-type]


def audit_types(app: Application) -> list[tuple[str, str]]:
    with app.uow_factory() as uow:
        return [(entry.stream, entry.event_type) for entry in uow.audit_log.entries()]


def test_an_added_partner_reads_back_at_version_1(app: Application) -> None:
    saved = app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner()))

    view = app.partners.get("acme")

    assert saved.created
    assert saved.version == 1
    assert view is not None
    assert view.partner == make_x12_partner()
    assert (view.version, view.created_at, view.updated_at) == (1, START, START)
    assert audit_types(app) == [("partner:acme", "PartnerAdded")]


def test_an_invalid_partner_is_refused_with_its_fields(app: Application) -> None:
    partner = make_x12_partner(their_identity=PartnerIdentity(qualifier="ZZZ", identifier="A"))

    with pytest.raises(InvalidDocument) as raised:
        app.bus.handle(AddPartner(actor="maria", partner=partner))

    assert [p.field for p in raised.value.problems] == ["their_identity.qualifier"]
    assert app.partners.list() == []


def test_an_id_or_an_identity_cannot_be_taken_twice(app: Application) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner()))
    same_identity = make_x12_partner("acme-two", their_identity=make_x12_partner().their_identity)
    same_identity_other_standard = make_edifact_partner(
        their_identity=PartnerIdentity(qualifier="ZZ", identifier="ACME")
    )

    with pytest.raises(AlreadyExists, match="exists already"):
        app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner()))
    with pytest.raises(AlreadyExists, match="ZZ:ACME is partner acme's"):
        app.bus.handle(AddPartner(actor="maria", partner=same_identity))
    app.bus.handle(AddPartner(actor="maria", partner=same_identity_other_standard))
    assert [view.partner.id for view in app.partners.list()] == ["acme", "eurodis"]


def test_replacing_bumps_the_version_only_when_something_changed(
    app: Application, clock: ManualClock
) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner()))
    clock.advance(timedelta(hours=1))

    same = app.bus.handle(UpdatePartner(actor="maria", partner=make_x12_partner()))
    changed = app.bus.handle(
        UpdatePartner(
            actor="maria", partner=make_x12_partner(name="ACME Supply"), expected_version=1
        )
    )

    view = app.partners.get("acme")
    assert (same.changed, same.version) == (False, 1)
    assert (changed.changed, changed.version) == (True, 2)
    assert view is not None
    assert view.partner.name == "ACME Supply"
    assert (view.created_at, view.updated_at) == (START, START + timedelta(hours=1))
    with app.uow_factory() as uow:
        last = list(uow.audit_log.entries())[-1]
    assert last.event_type == "PartnerChanged"
    assert json.loads(last.payload)["changed"] == ["name"]


def test_a_stale_or_unknown_replacement_is_refused(app: Application) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner()))
    app.bus.handle(UpdatePartner(actor="maria", partner=make_x12_partner(name="ACME 2")))

    with pytest.raises(ConcurrentUpdate, match="at version 2, not 1"):
        app.bus.handle(UpdatePartner(actor="maria", partner=make_x12_partner(), expected_version=1))
    with pytest.raises(NotFound, match="partner globex does not exist"):
        app.bus.handle(UpdatePartner(actor="maria", partner=make_x12_partner("globex")))


def test_two_units_of_work_cannot_both_replace_the_same_version(app: Application) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner()))
    first, second = app.uow_factory(), app.uow_factory()
    with first, second:
        for uow, name in ((first, "one"), (second, "two")):
            uow.partners.save(make_x12_partner(name=name), expected_version=1, at=START)
        first.commit()
        with pytest.raises(ConcurrentUpdate):
            second.commit()

    view = app.partners.get("acme")
    assert view is not None
    assert (view.partner.name, view.version) == ("one", 2)


def test_an_import_is_idempotent_and_reports_what_it_did(app: Application) -> None:
    data = partners_file(make_x12_partner(), make_edifact_partner())
    secrets = {secret_variable("eurodis", "as2_private_key"): Secret("-----BEGIN KEY-----")}

    first = app.bus.handle(ImportPartners(actor="cli", data=data, secret_values=secrets))
    entries_after_first = len(audit_types(app))
    second = app.bus.handle(ImportPartners(actor="cli", data=data, secret_values=secrets))

    assert first.created == ("acme", "eurodis")
    assert first.secrets_set == ("eurodis.as2_private_key",)
    assert first.secrets_missing == ("acme.http_password", "eurodis.as2_partner_certificate")
    assert second.unchanged == ("acme", "eurodis")
    assert (second.created, second.updated, second.secrets_set) == ((), (), ())
    assert len(audit_types(app)) == entries_after_first == 3
    assert [v.version for v in app.partners.list()] == [1, 1]


def test_an_import_replaces_changed_partners_and_leaves_others_alone(app: Application) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner("globex")))
    app.bus.handle(
        ImportPartners(actor="cli", data=partners_file(make_x12_partner()), secret_values={})
    )
    changed = make_x12_partner(active=False)

    report = app.bus.handle(
        ImportPartners(actor="cli", data=partners_file(changed), secret_values={})
    )

    assert report.updated == ("acme",)
    acme, globex = app.partners.list()
    assert (acme.partner.active, acme.version) == (False, 2)
    assert globex.version == 1


def test_a_wrong_file_imports_nothing(app: Application) -> None:
    data = partners_file(make_x12_partner(), make_x12_partner("globex", version="D96A"))

    with pytest.raises(InvalidDocument) as raised:
        app.bus.handle(ImportPartners(actor="cli", data=data, secret_values={}))

    assert [p.field for p in raised.value.problems] == ["partner[1].version"]
    assert app.partners.list() == []


def test_an_empty_secret_value_from_the_environment_imports_nothing(app: Application) -> None:
    data = partners_file(make_edifact_partner())
    secrets = {secret_variable("eurodis", "as2_private_key"): Secret("")}

    with pytest.raises(InvalidDocument, match="POSYNC_SECRET_EURODIS_AS2_PRIVATE_KEY"):
        app.bus.handle(ImportPartners(actor="cli", data=data, secret_values=secrets))

    assert app.partners.list() == []


def test_secrets_are_set_replaced_and_deleted_by_name(app: Application) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_edifact_partner()))

    for value in ("first", "second"):
        app.bus.handle(
            SetPartnerSecret(
                actor="maria", partner_id="eurodis", name="as2_private_key", value=Secret(value)
            )
        )
    app.bus.handle(
        SetPartnerSecret(actor="maria", partner_id="eurodis", name="spare", value=Secret("x"))
    )
    with app.uow_factory() as uow:
        stored = uow.secrets.get("eurodis", "as2_private_key")
    view = app.partners.get("eurodis")
    app.bus.handle(DeletePartnerSecret(actor="maria", partner_id="eurodis", name="spare"))

    assert stored == Secret("second")
    assert view is not None
    assert [(s.name, s.is_set, s.used) for s in view.secrets] == [
        ("as2_private_key", True, True),
        ("as2_partner_certificate", False, True),
        ("spare", True, False),
    ]
    after = app.partners.get("eurodis")
    assert after is not None
    assert [s.name for s in after.secrets if s.is_set] == ["as2_private_key"]
    assert audit_types(app)[1:] == [("partner:eurodis", "PartnerSecretSet")] * 3 + [
        ("partner:eurodis", "PartnerSecretDeleted")
    ]


def test_secret_commands_name_what_is_wrong(app: Application) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_edifact_partner()))

    with pytest.raises(NotFound, match="partner nobody does not exist"):
        app.bus.handle(
            SetPartnerSecret(actor="maria", partner_id="nobody", name="key", value=Secret("x"))
        )
    with pytest.raises(InvalidDocument) as raised:
        app.bus.handle(
            SetPartnerSecret(actor="maria", partner_id="eurodis", name="Key!", value=Secret(""))
        )
    with pytest.raises(NotFound, match="has no secret 'key'"):
        app.bus.handle(DeletePartnerSecret(actor="maria", partner_id="eurodis", name="key"))

    assert {p.field for p in raised.value.problems} == {"name", "value"}


def test_the_audit_trail_stays_intact_with_partner_events(app: Application) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner()))
    app.bus.handle(UpdatePartner(actor="maria", partner=make_x12_partner(name="ACME 2")))

    assert app.verify_audit_trail().intact


def test_a_partner_is_found_by_its_own_identity(app: Application) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner()))
    app.bus.handle(AddPartner(actor="maria", partner=make_edifact_partner()))

    with app.uow_factory() as uow:
        x12 = uow.partners.find_by_identity(PartnerStandard.X12, "ZZ", "ACME           ")
        edifact = uow.partners.find_by_identity(PartnerStandard.EDIFACT, "ZZZ", "EURODIS")
        nobody = uow.partners.find_by_identity(PartnerStandard.EDIFACT, "ZZ", "ACME")

    assert x12 is not None
    assert x12.partner.id == "acme"
    assert edifact is not None
    assert edifact.partner.id == "eurodis"
    assert nobody is None


def test_the_x12_guide_is_built_from_the_partner_and_holds_what_is_sent() -> None:
    guide = x12_guide(make_x12_partner())
    body = [["BEG", "00", "XX", "PO-1"], ["N1", "ST", "A very long name that is over the limit"]]

    codes = {finding.code for finding in guide.check("850", body)}

    assert codes == {
        SegmentError.MANDATORY_MISSING,
        ElementError.INVALID_CODE,
        ElementError.TOO_LONG,
    }
    assert guide.name == "acme"
    assert guide.check("855", body) == []


def test_only_an_x12_partner_has_an_x12_guide() -> None:
    with pytest.raises(DomainRuleViolated, match="needs an x12 partner"):
        x12_guide(make_edifact_partner())


def test_a_partner_is_replaced_whole(app: Application) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner()))
    replacement = dataclasses.replace(
        make_x12_partner(), guide={}, deadlines=make_edifact_partner().deadlines
    )

    app.bus.handle(UpdatePartner(actor="maria", partner=replacement))

    view = app.partners.get("acme")
    assert view is not None
    assert view.partner == replacement
