"""When a failed delivery is tried again: backoff with jitter, Retry-After, a limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posync.domain.delivery import RetryPolicy

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
POLICY = RetryPolicy(
    first_delay=timedelta(seconds=5), longest_delay=timedelta(minutes=10), max_attempts=6
)


@pytest.mark.parametrize(
    ("attempts", "ceiling"),
    [(1, 5), (2, 10), (3, 20), (4, 40), (5, 80)],
)
def test_the_delay_doubles_up_to_its_ceiling(attempts: int, ceiling: int) -> None:
    almost_all = POLICY.next_attempt(attempts, NOW, retry_after=None, jitter=0.999999)
    assert almost_all is not None
    assert almost_all - NOW == pytest.approx(timedelta(seconds=ceiling), abs=timedelta(seconds=1))
    assert POLICY.next_attempt(attempts, NOW, retry_after=None, jitter=0.0) == NOW


def test_the_longest_delay_caps_the_backoff() -> None:
    policy = RetryPolicy(longest_delay=timedelta(minutes=1), max_attempts=50)
    later = policy.next_attempt(30, NOW, retry_after=None, jitter=0.5)
    assert later == NOW + timedelta(seconds=30)


def test_many_attempts_do_not_overflow() -> None:
    policy = RetryPolicy(max_attempts=10_000)
    later = policy.next_attempt(5_000, NOW, retry_after=None, jitter=0.5)
    assert later == NOW + policy.longest_delay / 2


def test_a_partners_retry_after_is_never_undercut() -> None:
    later = POLICY.next_attempt(1, NOW, retry_after=timedelta(minutes=3), jitter=0.5)
    assert later == NOW + timedelta(minutes=3)


def test_after_the_last_attempt_there_is_no_next_one() -> None:
    assert POLICY.next_attempt(6, NOW, retry_after=None, jitter=0.5) is None


@given(
    attempts=st.integers(min_value=1, max_value=5),
    jitter=st.floats(min_value=0, max_value=1, exclude_max=True),
    retry_after=st.none() | st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=2)),
)
def test_the_next_attempt_lies_between_now_and_the_larger_of_ceiling_and_retry_after(
    attempts: int, jitter: float, retry_after: timedelta | None
) -> None:
    later = POLICY.next_attempt(attempts, NOW, retry_after=retry_after, jitter=jitter)
    assert later is not None
    ceiling = min(POLICY.longest_delay, POLICY.first_delay * 2 ** (attempts - 1))
    assert NOW <= later <= NOW + max(ceiling, retry_after or timedelta(0))
    if retry_after is not None:
        assert later >= NOW + retry_after
