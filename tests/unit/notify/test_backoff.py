"""The retry schedule: doubling from a minute, capped at an hour."""

from __future__ import annotations

from datetime import timedelta

import pytest

from webapp.notify.backoff import retry_delay
from webapp.notify.worker import MAX_ATTEMPTS


class TestRetryDelay:
    @pytest.mark.parametrize(
        ("attempts", "minutes"),
        [
            pytest.param(1, 1, id="after the first failure wait a minute"),
            pytest.param(2, 2, id="after the second wait two"),
            pytest.param(3, 4, id="after the third wait four"),
            pytest.param(4, 8, id="after the fourth wait eight"),
            pytest.param(6, 32, id="after the sixth wait thirty-two"),
            pytest.param(7, 60, id="after the seventh the hour cap applies"),
            pytest.param(10_000, 60, id="a huge count still waits an hour"),
        ],
    )
    def test_doubles_then_caps(self, attempts: int, minutes: int) -> None:
        assert retry_delay(attempts) == timedelta(minutes=minutes)

    def test_zero_attempts_is_a_mistake(self) -> None:
        with pytest.raises(ValueError, match="starting at 1"):
            retry_delay(0)

    def test_default_attempts_ride_out_a_few_hours_of_outage(self) -> None:
        # Waits happen between attempts, so MAX_ATTEMPTS tries have MAX_ATTEMPTS - 1 waits.
        window = sum((retry_delay(n) for n in range(1, MAX_ATTEMPTS)), timedelta())
        assert timedelta(hours=3) <= window <= timedelta(hours=5)
