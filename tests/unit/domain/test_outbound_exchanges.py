"""The outbound exchange state machine: what acknowledgements do to an interchange sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from posync.domain.documents import (
    AcknowledgedLevel,
    AcknowledgedSet,
    FunctionalAcknowledgement,
    FunctionalAckStatus,
    SyntaxFinding,
)
from posync.domain.errors import DomainRuleViolated, TransitionNotAllowed
from posync.domain.exchanges import (
    RETRY_RETURNS_TO,
    TRANSITIONS,
    ExchangedMessage,
    ExchangeState,
    OutboundExchange,
)

SENT_AT = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LATER = SENT_AT + timedelta(minutes=5)
ACCEPTED = FunctionalAckStatus.ACCEPTED
REJECTED = FunctionalAckStatus.REJECTED
WITH_ERRORS = FunctionalAckStatus.ACCEPTED_WITH_ERRORS


def exchange(*groups: tuple[str, tuple[str, ...]]) -> OutboundExchange:
    """An exchange whose groups carry the given set control numbers."""
    return OutboundExchange(
        id="ex-1",
        partner="x12:ZZ:ACME",
        standard="x12",
        interchange_control_number="000000007",
        messages=tuple(
            ExchangedMessage(
                group_control_number=group,
                control_number=number,
                document_type="850",
                reference=f"PO-{number}",
            )
            for group, numbers in groups
            for number in numbers
        ),
        archive_sha256="0" * 64,
        state=ExchangeState.WRITTEN,
        created_at=SENT_AT,
        updated_at=SENT_AT,
    )


def group_answer(
    group: str, status: FunctionalAckStatus, *sets: tuple[str, FunctionalAckStatus]
) -> FunctionalAcknowledgement:
    return FunctionalAcknowledgement(
        control_number=group,
        status=status,
        sets=tuple(
            AcknowledgedSet(control_number=number, document_type="850", status=answer)
            for number, answer in sets
        ),
    )


def test_a_group_accepted_set_by_set_makes_the_exchange_accepted() -> None:
    answered = exchange(("1", ("0001", "0002"))).acknowledged(
        group_answer("1", ACCEPTED, ("0001", ACCEPTED), ("0002", ACCEPTED)), LATER
    )
    assert answered.state is ExchangeState.ACCEPTED
    assert [m.status for m in answered.messages] == [ACCEPTED, ACCEPTED]
    assert answered.updated_at == LATER


def test_mixed_answers_make_it_partially_accepted_and_keep_each_sets_verdict() -> None:
    finding = SyntaxFinding(code="5", message="segments in error", segment="PO1")
    answer = FunctionalAcknowledgement(
        control_number="1",
        status=FunctionalAckStatus.PARTIALLY_ACCEPTED,
        sets=(
            AcknowledgedSet(control_number="0001", document_type="850", status=ACCEPTED),
            AcknowledgedSet(
                control_number="0002", document_type="850", status=REJECTED, findings=(finding,)
            ),
        ),
    )
    answered = exchange(("1", ("0001", "0002"))).acknowledged(answer, LATER)
    assert answered.state is ExchangeState.PARTIALLY_ACCEPTED
    assert answered.messages[1].findings == (finding,)


def test_a_group_answered_without_set_lines_answers_every_set_alike() -> None:
    answered = exchange(("1", ("0001", "0002"))).acknowledged(group_answer("1", REJECTED), LATER)
    assert answered.state is ExchangeState.REJECTED
    assert {m.status for m in answered.messages} == {REJECTED}


def test_the_exchange_waits_until_every_group_is_answered() -> None:
    sent = exchange(("1", ("0001",)), ("2", ("0002",)))
    half = sent.acknowledged(group_answer("1", ACCEPTED), LATER)
    assert half.state is ExchangeState.WRITTEN
    whole = half.acknowledged(group_answer("2", WITH_ERRORS), LATER)
    assert whole.state is ExchangeState.ACCEPTED_WITH_ERRORS


def test_the_same_answer_twice_changes_nothing_but_a_contradiction_is_refused() -> None:
    once = exchange(("1", ("0001",))).acknowledged(group_answer("1", ACCEPTED), LATER)
    assert once.acknowledged(group_answer("1", ACCEPTED), LATER).state is ExchangeState.ACCEPTED
    with pytest.raises(TransitionNotAllowed, match="answered accepted already"):
        once.acknowledged(group_answer("1", REJECTED), LATER)


def test_an_answer_for_a_group_the_exchange_never_carried_is_refused_by_name() -> None:
    with pytest.raises(DomainRuleViolated, match="has no group 9; its groups are 1"):
        exchange(("1", ("0001",))).acknowledged(group_answer("9", ACCEPTED), LATER)


def test_an_interchange_rejection_rejects_every_message_and_keeps_the_note() -> None:
    note = SyntaxFinding(code="006", message="sender id invalid", segment="ISA")
    ta1 = FunctionalAcknowledgement(
        control_number="000000007",
        status=REJECTED,
        level=AcknowledgedLevel.INTERCHANGE,
        findings=(note,),
    )
    answered = exchange(("1", ("0001",)), ("2", ("0002",))).acknowledged(ta1, LATER)
    assert answered.state is ExchangeState.REJECTED
    assert answered.findings == (note,)
    assert {m.status for m in answered.messages} == {REJECTED}


def test_an_interchange_accepted_leaves_the_groups_to_their_own_answers() -> None:
    ta1 = FunctionalAcknowledgement(
        control_number="000000007", status=ACCEPTED, level=AcknowledgedLevel.INTERCHANGE
    )
    answered = exchange(("1", ("0001",))).acknowledged(ta1, LATER)
    assert answered.state is ExchangeState.WRITTEN
    assert answered.messages[0].status is None


def test_an_interchange_answer_must_name_this_interchange() -> None:
    ta1 = FunctionalAcknowledgement(
        control_number="000000008", status=REJECTED, level=AcknowledgedLevel.INTERCHANGE
    )
    with pytest.raises(DomainRuleViolated, match="is interchange 000000007, not 000000008"):
        exchange(("1", ("0001",))).acknowledged(ta1, LATER)


def test_moves_follow_the_table_and_a_failed_delivery_is_retried_from_written() -> None:
    sent = exchange(("1", ("0001",))).moved_to(ExchangeState.SENT, LATER)
    failed = sent.moved_to(ExchangeState.DELIVERY_FAILED, LATER)
    retried = failed.moved_to(RETRY_RETURNS_TO[ExchangeState.DELIVERY_FAILED], LATER)
    assert retried.state is ExchangeState.WRITTEN
    with pytest.raises(TransitionNotAllowed, match="cannot go from delivery_failed to accepted"):
        failed.moved_to(ExchangeState.ACCEPTED, LATER)


def test_answered_states_are_final() -> None:
    for state in (
        ExchangeState.ACCEPTED,
        ExchangeState.ACCEPTED_WITH_ERRORS,
        ExchangeState.PARTIALLY_ACCEPTED,
        ExchangeState.REJECTED,
    ):
        assert TRANSITIONS[state] == frozenset()
