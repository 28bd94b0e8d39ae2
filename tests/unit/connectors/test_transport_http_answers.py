"""The rules that turn an HTTP answer into a delivery outcome, as properties."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from posync.connectors.transports.http_answers import (
    LONGEST_RETRY_AFTER,
    HttpAnswer,
    excerpt,
    outcome_of,
    retry_after,
)
from posync.domain.delivery import DeliveryOutcome

NOW = datetime(2026, 9, 24, 10, 30, tzinfo=UTC)


@given(status=st.integers(100, 599), body=st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_every_status_has_one_outcome_by_its_class(status: int, body: bytes) -> None:
    result = outcome_of(HttpAnswer(status=status, reason="", body=body), target="t", now=NOW)

    if 200 <= status < 300:
        assert result.outcome is DeliveryOutcome.DELIVERED
        assert result.receipt == (body or None)
    elif status >= 500 or status in (408, 425, 429):
        assert result.outcome is DeliveryOutcome.RETRY
    else:
        assert result.outcome is DeliveryOutcome.REFUSED
    assert str(status) in result.detail


@given(seconds=st.integers(0, 10**30), zeros=st.integers(0, 3))
@settings(max_examples=200, deadline=None)
def test_retry_after_seconds_are_taken_as_given_up_to_the_cap(seconds: int, zeros: int) -> None:
    wait = retry_after("0" * zeros + str(seconds), now=NOW)

    assert wait == min(timedelta(seconds=min(seconds, 10**9)), LONGEST_RETRY_AFTER)


@given(offset=st.integers(-(10**6), 10**6))
@settings(max_examples=200, deadline=None)
def test_retry_after_dates_are_the_time_until_then_never_negative(offset: int) -> None:
    moment = NOW + timedelta(seconds=offset)

    wait = retry_after(format_datetime(moment, usegmt=True), now=NOW)

    assert wait == min(max(timedelta(seconds=offset), timedelta(0)), LONGEST_RETRY_AFTER)


@given(text=st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_any_header_text_gives_a_wait_or_none_and_never_raises(text: str) -> None:
    wait = retry_after(text, now=NOW)

    assert wait is None or timedelta(0) <= wait <= LONGEST_RETRY_AFTER


@given(body=st.binary(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_an_excerpt_is_one_short_line(body: bytes) -> None:
    shown = excerpt(body)

    assert len(shown) <= 200
    assert "\n" not in shown
