"""The purchase-order state machine: exactly the transitions of its table, nothing else."""

from __future__ import annotations

import itertools

import pytest

from posync.domain.errors import DomainRuleViolated, TransitionNotAllowed
from posync.domain.lifecycle import TRANSITIONS, OrderStatus, check_transition

S = OrderStatus
EVERY_PAIR = list(itertools.product(OrderStatus, repeat=2))

# The table as the module docstring states it, written out independently.
DOCUMENTED = {
    S.DRAFT: {S.PENDING_APPROVAL, S.APPROVED, S.CANCELLED},
    S.PENDING_APPROVAL: {S.APPROVED, S.DRAFT, S.CANCELLED},
    S.APPROVED: {S.PENDING_SUBMISSION, S.DRAFT, S.CANCELLED},
    S.PENDING_SUBMISSION: {S.SENT, S.APPROVED, S.CANCELLED},
    S.SENT: {S.ACKNOWLEDGED, S.REFUSED, S.PARTIALLY_SHIPPED, S.SHIPPED, S.CANCELLED},
    S.ACKNOWLEDGED: {
        S.PARTIALLY_SHIPPED,
        S.SHIPPED,
        S.PARTIALLY_RECEIVED,
        S.RECEIVED,
        S.PENDING_SUBMISSION,
        S.CANCELLED,
    },
    S.REFUSED: {S.DRAFT, S.CANCELLED},
    S.PARTIALLY_SHIPPED: {S.SHIPPED, S.PARTIALLY_RECEIVED, S.RECEIVED},
    S.SHIPPED: {S.PARTIALLY_RECEIVED, S.RECEIVED},
    S.PARTIALLY_RECEIVED: {S.PARTIALLY_SHIPPED, S.SHIPPED, S.RECEIVED, S.INVOICED},
    S.RECEIVED: {S.INVOICED, S.CLOSED},
    S.INVOICED: {S.PARTIALLY_RECEIVED, S.RECEIVED, S.CLOSED},
    S.CLOSED: set(),
    S.CANCELLED: set(),
}


def test_the_table_is_the_documented_one_for_every_status() -> None:
    assert set(TRANSITIONS) == set(OrderStatus)
    assert {status: set(targets) for status, targets in TRANSITIONS.items()} == DOCUMENTED


@pytest.mark.parametrize(
    ("current", "target"), EVERY_PAIR, ids=[f"{a.value}->{b.value}" for a, b in EVERY_PAIR]
)
def test_a_move_is_refused_exactly_when_the_table_does_not_list_it(
    current: OrderStatus, target: OrderStatus
) -> None:
    if target in TRANSITIONS[current]:
        check_transition(current, target)
    else:
        with pytest.raises(TransitionNotAllowed, match=f"from {current.value} to {target.value};"):
            check_transition(current, target)


def test_no_status_moves_to_itself() -> None:
    assert all(status not in TRANSITIONS[status] for status in OrderStatus)


def test_the_error_lists_the_allowed_targets_sorted() -> None:
    with pytest.raises(TransitionNotAllowed) as raised:
        check_transition(S.SENT, S.INVOICED)

    assert str(raised.value) == (
        "a purchase order cannot go from sent to invoiced; from sent it may go to: "
        "acknowledged, cancelled, partially_shipped, refused, shipped"
    )
    assert isinstance(raised.value, DomainRuleViolated)


@pytest.mark.parametrize("final", [S.CLOSED, S.CANCELLED])
def test_a_final_status_goes_nowhere(final: OrderStatus) -> None:
    assert final.is_final
    with pytest.raises(TransitionNotAllowed, match=r"it may go to: nothing \(final\)$"):
        check_transition(final, S.DRAFT)


def test_only_closed_and_cancelled_are_final() -> None:
    assert {status for status in OrderStatus if status.is_final} == {S.CLOSED, S.CANCELLED}


def test_content_may_change_until_invoiced_closed_or_cancelled() -> None:
    frozen = {status for status in OrderStatus if not status.allows_revision}

    assert frozen == {S.INVOICED, S.CLOSED, S.CANCELLED}


def test_every_status_can_be_reached_from_draft() -> None:
    reached, frontier = {S.DRAFT}, [S.DRAFT]
    while frontier:
        for target in TRANSITIONS[frontier.pop()]:
            if target not in reached:
                reached.add(target)
                frontier.append(target)

    assert reached == set(OrderStatus)


def test_the_table_cannot_be_changed_at_run_time() -> None:
    with pytest.raises(TypeError):
        TRANSITIONS[S.CLOSED] = frozenset({S.DRAFT})  # type: ignore[index]
