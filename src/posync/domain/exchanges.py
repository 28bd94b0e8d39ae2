"""Exchanges: the interchanges posync sends, and what the partner's translator said of them.

An ``OutboundExchange`` is one interchange written for a partner: its
interchange control number, and the messages it carries, each with its group
and message control numbers, its document type and the purchase order it is
about. Functional acknowledgements (X12 997, EDIFACT CONTRL) answer groups
message by message; an interchange acknowledgement (X12 TA1) answers the
envelope as a whole. ``ExchangeState`` is the exchange's state machine:

    written -> sent -> accepted | accepted_with_errors | partially_accepted | rejected
    sent -> delivery_failed -> written (a retry writes it out again)

An exchange is acknowledged when every group in it has been answered; until
then the answers received so far are kept on its messages. The same answer
arriving twice changes nothing; a different answer for a message already
answered is refused, so that a late or stray acknowledgement never rewrites
what the partner said first.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from posync.domain.documents.functional_acknowledgement import (
    AcknowledgedLevel,
    FunctionalAcknowledgement,
    FunctionalAckStatus,
    SyntaxFinding,
)
from posync.domain.errors import DomainRuleViolated, TransitionNotAllowed


class ExchangeState(StrEnum):
    WRITTEN = "written"
    SENT = "sent"
    DELIVERY_FAILED = "delivery_failed"
    ACCEPTED = "accepted"
    ACCEPTED_WITH_ERRORS = "accepted_with_errors"
    PARTIALLY_ACCEPTED = "partially_accepted"
    REJECTED = "rejected"


_ANSWERED = frozenset(
    {
        ExchangeState.ACCEPTED,
        ExchangeState.ACCEPTED_WITH_ERRORS,
        ExchangeState.PARTIALLY_ACCEPTED,
        ExchangeState.REJECTED,
    }
)

TRANSITIONS: Mapping[ExchangeState, frozenset[ExchangeState]] = types.MappingProxyType(
    {
        # An answer may come before posync has recorded the delivery (a file sent by hand).
        ExchangeState.WRITTEN: frozenset({ExchangeState.SENT, *_ANSWERED}),
        ExchangeState.SENT: frozenset({ExchangeState.DELIVERY_FAILED, *_ANSWERED}),
        ExchangeState.DELIVERY_FAILED: frozenset({ExchangeState.WRITTEN}),
        ExchangeState.ACCEPTED: frozenset(),
        ExchangeState.ACCEPTED_WITH_ERRORS: frozenset(),
        ExchangeState.PARTIALLY_ACCEPTED: frozenset(),
        ExchangeState.REJECTED: frozenset(),
    }
)
RETRY_RETURNS_TO: Mapping[ExchangeState, ExchangeState] = types.MappingProxyType(
    {ExchangeState.DELIVERY_FAILED: ExchangeState.WRITTEN}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExchangedMessage:
    """One message of an exchange and, once answered, the partner's verdict on it."""

    group_control_number: str
    control_number: str
    document_type: str
    reference: str
    """The purchase order the message is about."""
    status: FunctionalAckStatus | None = None
    findings: tuple[SyntaxFinding, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboundExchange:
    """One interchange sent to ``partner`` (``x12:ZZ:ACME``) and its acknowledgement state."""

    id: str
    partner: str
    standard: str
    interchange_control_number: str
    messages: tuple[ExchangedMessage, ...]
    archive_sha256: str
    state: ExchangeState
    created_at: datetime
    updated_at: datetime
    findings: tuple[SyntaxFinding, ...] = ()
    """What an interchange acknowledgement said of the envelope."""

    @property
    def group_control_numbers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.group_control_number for m in self.messages))

    def moved_to(self, state: ExchangeState, at: datetime) -> OutboundExchange:
        """The exchange in ``state``; ``TransitionNotAllowed`` when the machine forbids it."""
        if state not in TRANSITIONS[self.state]:
            raise TransitionNotAllowed(
                f"exchange {self.id} cannot go from {self.state} to {state}; "
                f"allowed: {', '.join(sorted(TRANSITIONS[self.state])) or 'nothing'}"
            )
        return dataclasses.replace(self, state=state, updated_at=at)

    def acknowledged(
        self, acknowledgement: FunctionalAcknowledgement, at: datetime
    ) -> OutboundExchange:
        """The exchange with ``acknowledgement`` applied to the messages it answers."""
        if acknowledgement.level is AcknowledgedLevel.INTERCHANGE:
            return self._envelope_answered(acknowledgement, at)
        group = acknowledgement.control_number
        if group not in self.group_control_numbers:
            raise DomainRuleViolated(
                f"exchange {self.id} has no group {group}; "
                f"its groups are {', '.join(self.group_control_numbers)}"
            )
        answers = {s.control_number: s for s in acknowledgement.sets}
        messages = []
        for message in self.messages:
            if message.group_control_number != group:
                messages.append(message)
                continue
            answer = answers.get(message.control_number)
            # A group answered without a per-set line answers every set in it alike.
            status = answer.status if answer is not None else acknowledgement.status
            findings = answer.findings if answer is not None else ()
            messages.append(_answered(self.id, message, status, findings))
        return self._settled(tuple(messages), at)

    def _envelope_answered(
        self, acknowledgement: FunctionalAcknowledgement, at: datetime
    ) -> OutboundExchange:
        if acknowledgement.control_number != self.interchange_control_number:
            raise DomainRuleViolated(
                f"exchange {self.id} is interchange {self.interchange_control_number}, "
                f"not {acknowledgement.control_number}"
            )
        noted = dataclasses.replace(
            self, findings=tuple(dict.fromkeys((*self.findings, *acknowledgement.findings)))
        )
        if acknowledgement.status is not FunctionalAckStatus.REJECTED:
            return dataclasses.replace(noted, updated_at=at)
        # The envelope was refused: no message in it was read.
        messages = tuple(
            _answered(self.id, m, FunctionalAckStatus.REJECTED, ()) for m in self.messages
        )
        return noted._settled(messages, at)

    def _settled(self, messages: tuple[ExchangedMessage, ...], at: datetime) -> OutboundExchange:
        answered = dataclasses.replace(self, messages=messages, updated_at=at)
        statuses = {m.status for m in messages}
        if None in statuses:
            return answered
        state = _overall({s for s in statuses if s is not None})
        if state == self.state:
            return answered
        return dataclasses.replace(answered.moved_to(state, at), messages=messages)


def _answered(
    exchange: str,
    message: ExchangedMessage,
    status: FunctionalAckStatus,
    findings: tuple[SyntaxFinding, ...],
) -> ExchangedMessage:
    if message.status is not None and message.status is not status:
        raise TransitionNotAllowed(
            f"message {message.control_number} of exchange {exchange} was answered "
            f"{message.status} already; a later {status} does not replace it"
        )
    return dataclasses.replace(message, status=status, findings=findings)


def _overall(statuses: set[FunctionalAckStatus]) -> ExchangeState:
    if statuses == {FunctionalAckStatus.ACCEPTED}:
        return ExchangeState.ACCEPTED
    if statuses <= {FunctionalAckStatus.ACCEPTED, FunctionalAckStatus.ACCEPTED_WITH_ERRORS}:
        return ExchangeState.ACCEPTED_WITH_ERRORS
    if statuses == {FunctionalAckStatus.REJECTED}:
        return ExchangeState.REJECTED
    return ExchangeState.PARTIALLY_ACCEPTED
