"""Trading partners' use cases: add, replace, import a partners file, set and delete secrets.

Every change is recorded in the audit log on the partner's stream
(``partner:<id>``) in the same transaction; secrets are recorded by name,
never by value. A partner's own envelope identity (``their_identity``) is
unique per standard: it is how an inbound interchange's sender is found.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from posync.codecs.partner_file import decode_partners_file
from posync.domain.errors import AlreadyExists, ConcurrentUpdate, InvalidDocument, NotFound, Problem
from posync.domain.events import DomainEvent
from posync.domain.partner_values import HOW_SECRETS_ARE_NAMED, SECRET_NAME
from posync.domain.partners import (
    PartnerAdded,
    PartnerChanged,
    PartnerSecretDeleted,
    PartnerSecretSet,
    TradingPartner,
    changed_fields,
)
from posync.services.commands import (
    AddPartner,
    DeletePartnerSecret,
    ImportPartners,
    PartnerSaved,
    PartnersImported,
    SetPartnerSecret,
    UpdatePartner,
    secret_variable,
)
from posync.services.ports import Clock, PartnerRecord, UnitOfWork


def add_partner(command: AddPartner, uow: UnitOfWork, clock: Clock) -> PartnerSaved:
    partner = command.partner
    partner.validate()
    with uow:
        if uow.partners.get(partner.id) is not None:
            raise AlreadyExists(f"partner {partner.id} exists already; replace it instead")
        at = clock.now()
        _add(uow, partner, at)
        _audit(uow, at, [_added(partner, command.actor, at)])
        uow.commit()
    return PartnerSaved(partner_id=partner.id, version=1, created=True, changed=True)


def update_partner(command: UpdatePartner, uow: UnitOfWork, clock: Clock) -> PartnerSaved:
    partner = command.partner
    partner.validate()
    with uow:
        record = _existing(uow, partner.id)
        if command.expected_version is not None and command.expected_version != record.version:
            raise ConcurrentUpdate(
                f"partner {partner.id} is at version {record.version}, not "
                f"{command.expected_version}: read it again and apply the change to that"
            )
        if record.partner == partner:
            return PartnerSaved(
                partner_id=partner.id, version=record.version, created=False, changed=False
            )
        at = clock.now()
        version = _replace(uow, record, partner, at)
        _audit(uow, at, [_changed(record.partner, partner, version, command.actor, at)])
        uow.commit()
    return PartnerSaved(partner_id=partner.id, version=version, created=False, changed=True)


def set_partner_secret(command: SetPartnerSecret, uow: UnitOfWork, clock: Clock) -> None:
    problems = _secret_name_problems(command.name) + command.value.problems()
    if problems:
        raise InvalidDocument("secret", problems)
    with uow:
        _existing(uow, command.partner_id)
        at = clock.now()
        uow.secrets.set(command.partner_id, command.name, command.value)
        _audit(uow, at, [_secret_set(command.partner_id, command.name, command.actor, at)])
        uow.commit()


def delete_partner_secret(command: DeletePartnerSecret, uow: UnitOfWork, clock: Clock) -> None:
    with uow:
        _existing(uow, command.partner_id)
        if not uow.secrets.delete(command.partner_id, command.name):
            raise NotFound(f"partner {command.partner_id} has no secret {command.name!r}")
        at = clock.now()
        event = PartnerSecretDeleted(
            occurred_at=at,
            actor=command.actor,
            partner_id=command.partner_id,
            name=command.name,
        )
        _audit(uow, at, [event])
        uow.commit()


def import_partners(command: ImportPartners, uow: UnitOfWork, clock: Clock) -> PartnersImported:
    """Add the file's new partners, replace the changed ones, then set the secrets given."""
    partners = decode_partners_file(command.data)
    created: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    events: list[DomainEvent] = []
    with uow:
        at = clock.now()
        for partner in partners:
            record = uow.partners.get(partner.id)
            if record is None:
                _add(uow, partner, at)
                events.append(_added(partner, command.actor, at))
                created.append(partner.id)
            elif record.partner == partner:
                unchanged.append(partner.id)
            else:
                version = _replace(uow, record, partner, at)
                events.append(_changed(record.partner, partner, version, command.actor, at))
                updated.append(partner.id)
        secrets_set, missing = _import_secrets(uow, partners, command, events, at)
        _audit(uow, at, events)
        uow.commit()
    return PartnersImported(
        created=tuple(created),
        updated=tuple(updated),
        unchanged=tuple(unchanged),
        secrets_set=tuple(secrets_set),
        secrets_missing=tuple(missing),
    )


def _import_secrets(
    uow: UnitOfWork,
    partners: Sequence[TradingPartner],
    command: ImportPartners,
    events: list[DomainEvent],
    at: datetime,
) -> tuple[list[str], list[str]]:
    """Set each named secret whose value is given and differs; list those that have none."""
    secrets_set: list[str] = []
    missing: list[str] = []
    problems: list[Problem] = []
    for partner in partners:
        stored = set(uow.secrets.names(partner.id))
        for name in partner.secret_names:
            variable = secret_variable(partner.id, name)
            value = command.secret_values.get(variable)
            if value is None:
                if name not in stored:
                    missing.append(f"{partner.id}.{name}")
                continue
            found = value.problems()
            if found:
                problems.extend(Problem(variable, problem.message) for problem in found)
                continue
            if uow.secrets.get(partner.id, name) == value:
                continue
            uow.secrets.set(partner.id, name, value)
            events.append(_secret_set(partner.id, name, command.actor, at))
            secrets_set.append(f"{partner.id}.{name}")
    if problems:
        raise InvalidDocument("secret", problems)
    return secrets_set, missing


def _existing(uow: UnitOfWork, partner_id: str) -> PartnerRecord:
    record = uow.partners.get(partner_id)
    if record is None:
        raise NotFound(f"partner {partner_id} does not exist")
    return record


def _add(uow: UnitOfWork, partner: TradingPartner, at: datetime) -> None:
    _check_identity_free(uow, partner)
    uow.partners.add(partner, at=at)


def _replace(uow: UnitOfWork, record: PartnerRecord, partner: TradingPartner, at: datetime) -> int:
    _check_identity_free(uow, partner)
    return uow.partners.save(partner, expected_version=record.version, at=at)


def _check_identity_free(uow: UnitOfWork, partner: TradingPartner) -> None:
    their = partner.their_identity
    holder = uow.partners.find_by_identity(partner.standard, their.qualifier, their.identifier)
    if holder is not None and holder.partner.id != partner.id:
        raise AlreadyExists(
            f"the {partner.standard} identity {their} is partner {holder.partner.id}'s already; "
            "two partners of one standard cannot share their_identity"
        )


def _secret_name_problems(name: str) -> list[Problem]:
    if SECRET_NAME.fullmatch(name):
        return []
    return [Problem("name", f"must be {HOW_SECRETS_ARE_NAMED}, got {name!r}")]


def _audit(uow: UnitOfWork, at: datetime, events: Iterable[DomainEvent]) -> None:
    listed = list(events)
    if listed:
        uow.audit_log.append(listed, recorded_at=at)


def _added(partner: TradingPartner, actor: str, at: datetime) -> PartnerAdded:
    return PartnerAdded(
        occurred_at=at,
        actor=actor,
        partner_id=partner.id,
        standard=partner.standard,
        role=partner.role,
    )


def _changed(
    before: TradingPartner, after: TradingPartner, version: int, actor: str, at: datetime
) -> PartnerChanged:
    return PartnerChanged(
        occurred_at=at,
        actor=actor,
        partner_id=after.id,
        version=version,
        changed=changed_fields(before, after),
    )


def _secret_set(partner_id: str, name: str, actor: str, at: datetime) -> PartnerSecretSet:
    return PartnerSecretSet(
        occurred_at=at,
        actor=actor,
        partner_id=partner_id,
        name=name,
    )
