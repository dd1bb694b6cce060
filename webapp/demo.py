"""Demo data loaders. Each loader is idempotent and says what it did.

Later features (services, staff, referrals) register their own loader here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from webapp.extensions import db
from webapp.models import AuditEvent

Loader = Callable[[], str]


def _audit_marker() -> str:
    # A visible trace that the demo was loaded, so nobody mistakes it for a real site.
    exists = db.session.query(AuditEvent).filter_by(action="demo_loaded").first()
    if exists is None:
        db.session.add(
            AuditEvent(actor="system", action="demo_loaded", record_type="site", record_id="demo")
        )
    return "demo site marked" if exists is None else "demo site already marked"


LOADERS: list[Loader] = [_audit_marker]


def load() -> Iterator[str]:
    for loader in LOADERS:
        yield loader()
    db.session.commit()
