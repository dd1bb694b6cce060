"""When to try a failed message again: doubling delays, capped.

1, 2, 4, 8, 16, 32 minutes, then every hour. With the worker's default of 10 attempts a
message is retried for about four hours before it is marked permanently failed, which
rides out a typical provider outage without pestering the provider during it.
"""

from __future__ import annotations

from datetime import timedelta

FIRST_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=1)


def retry_delay(
    attempts: int, *, first: timedelta = FIRST_DELAY, cap: timedelta = MAX_DELAY
) -> timedelta:
    """The wait after the ``attempts``-th failed attempt (1 for the first failure)."""
    if attempts < 1:
        raise ValueError("attempts counts failed attempts, starting at 1")
    # Bound the exponent so a huge attempt count cannot build a huge integer.
    doublings = min(attempts - 1, 32)
    return min(first * (1 << doublings), cap)
