"""The site's clock. Tests put a callable in app config ``OPENMSK_CLOCK`` to move time
without sleeping; settings never read it from the environment, so production cannot.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask import current_app

from webapp.models.base import utcnow


def now() -> datetime:
    clock: Callable[[], datetime] | None = current_app.config.get("OPENMSK_CLOCK")
    return clock() if clock is not None else utcnow()
