"""Partners and their secrets on SQLite and PostgreSQL: versions, identities, secrets apart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from posync.bootstrap import Application, bootstrap
from posync.config import Settings
from posync.connectors.clock import ManualClock
from posync.domain.errors import AlreadyExists, ConcurrentUpdate, NotFound
from posync.domain.partner_values import PartnerIdentity, PartnerStandard, Secret
from posync.services.commands import AddPartner, ImportPartners, SetPartnerSecret, UpdatePartner
from posync.store.engine import create_store_engine
from posync.store.tables import partner_secrets, partners
from support.partner_documents import make_edifact_partner, make_x12_partner

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def app(settings: Settings) -> Iterator[Application]:
    application = bootstrap(settings, clock=ManualClock(START))
    yield application
    application.close()


def test_a_partner_reads_back_whole_and_is_found_by_identity(app: Application) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner()))
    app.bus.handle(AddPartner(actor="maria", partner=make_edifact_partner()))

    with app.uow_factory() as uow:
        acme = uow.partners.get("acme")
        found = uow.partners.find_by_identity(PartnerStandard.X12, "ZZ ", " ACME")
        listed = [record.partner.id for record in uow.partners.list()]
        missing = uow.partners.get("nobody")

    assert acme is not None
    assert acme.partner == make_x12_partner()
    assert (acme.version, acme.created_at) == (1, START)
    assert found is not None
    assert found.partner.id == "acme"
    assert listed == ["acme", "eurodis"]
    assert missing is None


def test_saves_name_the_version_they_replace(app: Application) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_x12_partner()))
    first, second = app.uow_factory(), app.uow_factory()
    with first:
        assert first.partners.save(make_x12_partner(name="one"), expected_version=1, at=START) == 2
        first.commit()
    with second, pytest.raises(ConcurrentUpdate, match="since version 1"):
        second.partners.save(make_x12_partner(name="two"), expected_version=1, at=START)
    with app.uow_factory() as third, pytest.raises(NotFound):
        third.partners.save(make_x12_partner("globex"), expected_version=1, at=START)

    view = app.partners.get("acme")
    assert view is not None
    assert (view.partner.name, view.version) == ("one", 2)


def test_the_database_keeps_their_identity_unique_per_standard(app: Application) -> None:
    with app.uow_factory() as uow:
        uow.partners.add(make_x12_partner(), at=START)
        with pytest.raises(AlreadyExists):
            uow.partners.add(
                make_x12_partner(
                    "other", their_identity=PartnerIdentity(qualifier="ZZ", identifier="ACME")
                ),
                at=START,
            )
        uow.partners.add(
            make_edifact_partner(their_identity=PartnerIdentity(qualifier="ZZ", identifier="ACME")),
            at=START,
        )
        uow.commit()

    assert [view.partner.id for view in app.partners.list()] == ["acme", "eurodis"]


def test_secrets_live_in_their_own_table_only(app: Application, settings: Settings) -> None:
    app.bus.handle(AddPartner(actor="maria", partner=make_edifact_partner()))
    app.bus.handle(
        SetPartnerSecret(
            actor="maria", partner_id="eurodis", name="as2_private_key", value=Secret("k-1")
        )
    )
    app.bus.handle(
        SetPartnerSecret(
            actor="maria", partner_id="eurodis", name="as2_private_key", value=Secret("k-2")
        )
    )
    app.bus.handle(UpdatePartner(actor="maria", partner=make_edifact_partner(name="EURODIS AG")))

    engine = create_store_engine(settings.store_url)
    with engine.connect() as connection:
        secret_rows = connection.execute(select(partner_secrets)).all()
        partner_rows = connection.execute(select(partners)).all()
    engine.dispose()
    with app.uow_factory() as uow:
        names = uow.secrets.names("eurodis")
        value = uow.secrets.get("eurodis", "as2_private_key")
        deleted = uow.secrets.delete("eurodis", "as2_private_key")
        deleted_again = uow.secrets.delete("eurodis", "as2_private_key")
        uow.commit()

    assert [(r.partner, r.name, r.value) for r in secret_rows] == [
        ("eurodis", "as2_private_key", "k-2")
    ]
    assert all("k-2" not in str(tuple(row)) for row in partner_rows)
    assert names == ["as2_private_key"]
    assert value == Secret("k-2")
    assert (deleted, deleted_again) == (True, False)
    assert app.partners.get("eurodis").secrets[0].is_set is False  # type: ignore[union-attr]


def test_an_import_twice_changes_nothing_and_the_audit_trail_holds(app: Application) -> None:
    data = {
        "partner": [
            {
                "id": "acme",
                "name": "ACME",
                "role": "supplier",
                "standard": "x12",
                "version": "005010",
                "our_identity": {"qualifier": "ZZ", "identifier": "BUYER"},
                "their_identity": {"qualifier": "ZZ", "identifier": "ACME"},
                "transport": {"kind": "memory"},
                "tolerances": {"price_percent": "1.5"},
            }
        ]
    }

    first = app.bus.handle(ImportPartners(actor="cli", data=data, secret_values={}))
    second = app.bus.handle(ImportPartners(actor="cli", data=data, secret_values={}))

    assert (first.created, second.unchanged) == (("acme",), ("acme",))
    report = app.verify_audit_trail()
    assert report.intact
    assert report.entries_checked == 1
