"""Checking the audit trail: every entry's seal and link, in order."""

from __future__ import annotations

from posync.domain.audit import AuditReport, verify_chain
from posync.services.ports import UnitOfWorkFactory


def verify_audit_trail(uow_factory: UnitOfWorkFactory) -> AuditReport:
    with uow_factory() as uow:
        return verify_chain(uow.audit_log.entries(), head=uow.audit_log.head())
