"""Fixtures for the referral use cases: plain sessions, real services, London times."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from webapp.content import Catalogue, Service, load_catalogue
from webapp.domain.screening import ScreeningOutcome
from webapp.models import OutboxMessage, db
from webapp.models.referral import Referral, ReferralDraft, WorkItem
from webapp.services.referrals import Submission, start_draft

SessionFactory = Callable[[], Session]
LONDON = ZoneInfo("Europe/London")

ROUTINE = ScreeningOutcome("ROUTINE", (), ())
PRIORITY = ScreeningOutcome(
    "PRIORITY",
    ("inflammatory_arthritis_suspected",),
    ("inflammatory_arthritis_suspected",),
)
EMERGENCY = ScreeningOutcome(
    "EMERGENCY",
    ("cauda_equina_syndrome_suspected",),
    ("cauda_equina_syndrome_suspected", "unexplained_weight_loss"),
)
URGENT_SAME_DAY = ScreeningOutcome(
    "URGENT_SAME_DAY", ("hot_swollen_joint",), ("hot_swollen_joint",)
)


def london(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """An aware moment given as London wall-clock time, as staff would read it."""
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


MONDAY = london(2026, 11, 23)


def submission(**changes: Any) -> Submission:
    values: dict[str, Any] = {
        "answers": {"body_sites": ["lower_back"], "duration": "weeks_6_to_12"},
        "screening": ROUTINE,
        "eligibility_flags": ("practice_unknown",),
        "scores": {"start_back": {"total": 2, "psychosocial": 1, "risk": "low"}},
        "patient_name": "Alex Example",
        "date_of_birth": date(1980, 5, 17),
        "practice_ods": "E85001",
        "contact_channel": "email",
        "contact_address": "alex@example.com",
        "suggested_by_gp": False,
    }
    return Submission(**{**values, **changes})


def with_triage(service: Service, *limits: dict[str, Any]) -> Service:
    """The service with its triage limits replaced, for units no seed service uses."""
    others = tuple(limit for limit in service.time_limits if limit.kind != "triage")
    base = next(limit for limit in service.time_limits if limit.kind == "triage")
    return service.model_copy(
        update={"time_limits": others + tuple(base.model_copy(update=limit) for limit in limits)}
    )


def count(session: Session, model: type[Any]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def counts(factory: SessionFactory) -> tuple[int, int, int, int]:
    """Referrals, work items, outbox messages and drafts, as another request would see them."""
    with factory() as session:
        return (
            count(session, Referral),
            count(session, WorkItem),
            count(session, OutboxMessage),
            count(session, ReferralDraft),
        )


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def session_factory(app: Flask) -> Iterator[SessionFactory]:
    with app.app_context():
        yield sessionmaker(bind=db.engine, expire_on_commit=False)


@pytest.fixture
def new_draft(session_factory: SessionFactory) -> Callable[..., tuple[ReferralDraft, str]]:
    """Start and commit a draft, as the first page of the form would; the draft and token."""

    def make(
        service_id: str = "nwl-msk", *, now: datetime = MONDAY, **changes: Any
    ) -> tuple[ReferralDraft, str]:
        values: dict[str, Any] = {
            "service_id": service_id,
            "questionnaire_id": "msk-self-referral",
            "questionnaire_version": 1,
            "source": "self",
            "language": "en",
        }
        with session_factory() as session, session.begin():
            return start_draft(session, **{**values, **changes}, now=now)

    return make
