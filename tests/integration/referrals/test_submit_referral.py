"""Submitting: one referral, one queue item due by the service's triage limit, one message."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.integration.databases import ThrowawayDatabase
from tests.integration.referrals.conftest import (
    EMERGENCY,
    MONDAY,
    PRIORITY,
    SessionFactory,
    counts,
    london,
    submission,
    with_triage,
)
from webapp.content import Catalogue, Service
from webapp.models import OutboxMessage
from webapp.models.referral import Referral, ReferralDraft, WorkItem, referral_by_reference
from webapp.services import referrals
from webapp.services.referrals import Submission, load_draft, submit_referral

NewDraft = Callable[..., tuple[ReferralDraft, str]]


def submit(
    factory: SessionFactory,
    token: str,
    service: Service,
    details: Submission | None = None,
    *,
    now: datetime = MONDAY,
) -> Referral:
    """Submit in one transaction, as the form's last POST does."""
    with factory() as session, session.begin():
        draft = load_draft(session, token, now=now)
        assert draft is not None
        return submit_referral(session, service, draft, details or submission(), now=now)


def stored(factory: SessionFactory) -> tuple[Referral, WorkItem, list[OutboxMessage]]:
    with factory() as session:
        referral = session.scalars(select(Referral)).one()
        item = session.scalars(select(WorkItem)).one()
        messages = list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        return referral, item, messages


class TestWhatASubmitWrites:
    def test_the_referral_keeps_the_drafts_reference_and_everything_the_form_worked_out(
        self, session_factory: SessionFactory, catalogue: Catalogue, new_draft: NewDraft
    ) -> None:
        draft, token = new_draft("nwl-msk", source="carer", language="ur")
        submit(
            session_factory, token, catalogue.services["nwl-msk"], submission(screening=PRIORITY)
        )
        referral, _, _ = stored(session_factory)
        assert (referral.reference, referral.service_id, referral.source) == (
            draft.reference,
            "nwl-msk",
            "carer",
        )
        assert (referral.status, referral.priority, referral.language) == (
            "received",
            "priority",
            "ur",
        )
        assert (referral.questionnaire_id, referral.questionnaire_version) == (
            "msk-self-referral",
            1,
        )
        assert referral.answers == {"body_sites": ["lower_back"], "duration": "weeks_6_to_12"}
        assert referral.screening_disposition == "PRIORITY"
        assert referral.screening_reasons == ["inflammatory_arthritis_suspected"]
        assert referral.eligibility_flags == ["practice_unknown"]
        assert referral.scores == {"start_back": {"total": 2, "psychosocial": 1, "risk": "low"}}
        assert (referral.patient_name, referral.date_of_birth, referral.practice_ods) == (
            "Alex Example",
            date(1980, 5, 17),
            "E85001",
        )
        assert referral.received_at == MONDAY
        assert referral.suggested_by_gp is False

    def test_one_open_queue_item_for_the_service(
        self, session_factory: SessionFactory, catalogue: Catalogue, new_draft: NewDraft
    ) -> None:
        _, token = new_draft("camden-cims")
        submit(session_factory, token, catalogue.services["camden-cims"])
        referral, item, _ = stored(session_factory)
        assert (item.service_id, item.kind, item.referral_id) == (
            "camden-cims",
            "new_referral",
            referral.id,
        )
        assert (item.status, item.priority, item.claimed_by_id, item.claimed_at) == (
            "open",
            "routine",
            None,
            None,
        )
        assert item.received_at == item.created_at == MONDAY

    def test_the_draft_is_gone_once_submitted(
        self, session_factory: SessionFactory, catalogue: Catalogue, new_draft: NewDraft
    ) -> None:
        _, token = new_draft()
        submit(session_factory, token, catalogue.services["nwl-msk"])
        assert counts(session_factory) == (1, 1, 1, 0)
        with session_factory() as session:
            assert load_draft(session, token, now=MONDAY) is None

    @pytest.mark.parametrize(
        ("screening", "priority"),
        [
            pytest.param(PRIORITY, "priority", id="a priority finding is flagged priority"),
            pytest.param(None, "routine", id="no red flag is routine"),
        ],
    )
    def test_priority_comes_from_the_screen(
        self,
        session_factory: SessionFactory,
        catalogue: Catalogue,
        new_draft: NewDraft,
        screening: Any,
        priority: str,
    ) -> None:
        _, token = new_draft()
        details = submission(screening=screening) if screening else submission()
        submit(session_factory, token, catalogue.services["nwl-msk"], details)
        referral, item, _ = stored(session_factory)
        assert referral.priority == item.priority == priority

    def test_a_referral_the_gp_suggested_is_queued_as_such(
        self, session_factory: SessionFactory, catalogue: Catalogue, new_draft: NewDraft
    ) -> None:
        _, token = new_draft(source="gp_link")
        submit(
            session_factory, token, catalogue.services["nwl-msk"], submission(suggested_by_gp=True)
        )
        referral, item, _ = stored(session_factory)
        assert referral.suggested_by_gp is True
        assert item.kind == "gp_suggested_referral"

    def test_a_screen_that_stops_the_form_is_never_a_submission(self) -> None:
        with pytest.raises(ValueError, match="EMERGENCY"):
            submission(screening=EMERGENCY)


class TestConfirmation:
    @pytest.mark.parametrize(
        ("channel", "address"),
        [
            pytest.param("email", "alex@example.com", id="by email"),
            pytest.param("sms", "+447700900123", id="by text message"),
        ],
    )
    def test_one_confirmation_with_the_reference_in_the_persons_language(
        self,
        session_factory: SessionFactory,
        catalogue: Catalogue,
        new_draft: NewDraft,
        channel: str,
        address: str,
    ) -> None:
        draft, token = new_draft(language="bn")
        details = submission(contact_channel=channel, contact_address=address)
        submit(session_factory, token, catalogue.services["nwl-msk"], details)
        referral, _, messages = stored(session_factory)
        assert len(messages) == 1
        message = messages[0]
        assert (message.channel, message.recipient, message.language) == (channel, address, "bn")
        assert message.template == "referral_received"
        shown = f"{draft.reference[:4]} {draft.reference[4:]}"
        assert message.personalisation == {"reference": shown}
        assert message.idempotency_key == f"referral:{draft.reference}:received:{channel}"
        assert (message.record_type, message.record_id) == ("referral", str(referral.id))
        assert (referral.contact_channel, referral.contact_address) == (channel, address)

    def test_no_message_when_the_person_chose_no_contact(
        self, session_factory: SessionFactory, catalogue: Catalogue, new_draft: NewDraft
    ) -> None:
        _, token = new_draft()
        details = submission(contact_channel="none", contact_address=None)
        submit(session_factory, token, catalogue.services["nwl-msk"], details)
        assert counts(session_factory) == (1, 1, 0, 0)

    @pytest.mark.parametrize(
        "changes",
        [
            pytest.param({"contact_channel": "none"}, id="no channel but an address"),
            pytest.param({"contact_address": None}, id="a channel but no address"),
            pytest.param({"contact_channel": "letter"}, id="a channel we do not offer"),
        ],
    )
    def test_contact_details_must_agree(self, changes: dict[str, Any]) -> None:
        with pytest.raises(ValueError, match="contact"):
            submission(**changes)


class TestSubmittingOnce:
    def test_submitting_twice_in_one_request_returns_the_same_referral(
        self, session_factory: SessionFactory, catalogue: Catalogue, new_draft: NewDraft
    ) -> None:
        _, token = new_draft()
        service = catalogue.services["nwl-msk"]
        with session_factory() as session, session.begin():
            draft = load_draft(session, token, now=MONDAY)
            assert draft is not None
            first = submit_referral(session, service, draft, submission(), now=MONDAY)
            again = submit_referral(session, service, draft, submission(), now=MONDAY)
            assert again.id == first.id
        assert counts(session_factory) == (1, 1, 1, 0)

    def test_a_replayed_post_after_the_first_committed_writes_nothing(
        self, session_factory: SessionFactory, catalogue: Catalogue, new_draft: NewDraft
    ) -> None:
        _, token = new_draft()
        service = catalogue.services["nwl-msk"]
        # The replay read the draft before the first request committed.
        with session_factory() as replay, replay.begin():
            late_draft = load_draft(replay, token, now=MONDAY)
            assert late_draft is not None
            first = submit(session_factory, token, service)
            again = submit_referral(replay, service, late_draft, submission(), now=MONDAY)
            assert again.id == first.id
        assert counts(session_factory) == (1, 1, 1, 0)

    def test_losing_the_race_to_the_unique_reference_returns_the_winner(
        self,
        session_factory: SessionFactory,
        catalogue: Catalogue,
        new_draft: NewDraft,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        _, token = new_draft()
        service = catalogue.services["nwl-msk"]
        lookups: list[str] = []

        def missed_the_first_time(session: Session, reference: str) -> Referral | None:
            # Both requests looked before either wrote: the loser's first look saw nothing.
            lookups.append(reference)
            return None if len(lookups) == 1 else referral_by_reference(session, reference)

        with session_factory() as loser, loser.begin():
            late_draft = load_draft(loser, token, now=MONDAY)
            assert late_draft is not None
            winner = submit(session_factory, token, service)
            monkeypatch.setattr(referrals, "referral_by_reference", missed_the_first_time)
            again = submit_referral(loser, service, late_draft, submission(), now=MONDAY)
            assert again.id == winner.id
            assert len(lookups) == 2
        assert counts(session_factory) == (1, 1, 1, 0)

    def test_concurrent_submits_on_postgresql_make_one_referral(
        self,
        session_factory: SessionFactory,
        catalogue: Catalogue,
        new_draft: NewDraft,
        test_database: ThrowawayDatabase,
    ) -> None:
        if test_database.kind != "postgresql":
            pytest.skip("SQLite serialises writers; the race needs row locks")
        _, token = new_draft()
        service = catalogue.services["nwl-msk"]
        results: list[Referral | BaseException] = []
        has_draft = threading.Event()

        def second_request() -> None:
            try:
                with session_factory() as session, session.begin():
                    draft = load_draft(session, token, now=MONDAY)
                    assert draft is not None
                    has_draft.set()
                    results.append(
                        submit_referral(session, service, draft, submission(), now=MONDAY)
                    )
            except BaseException as error:  # reported below, on the test's thread
                results.append(error)
            finally:
                has_draft.set()

        with session_factory() as first, first.begin():
            draft = load_draft(first, token, now=MONDAY)
            assert draft is not None
            mine = submit_referral(first, service, draft, submission(), now=MONDAY)
            thread = threading.Thread(target=second_request)
            thread.start()
            has_draft.wait(timeout=10)
            # Let the second request reach the unique reference and wait there on this one.
            time.sleep(0.3)
        thread.join(timeout=10)
        assert len(results) == 1 and not isinstance(results[0], BaseException), results
        assert results[0].id == mine.id
        assert counts(session_factory) == (1, 1, 1, 0)


WORKING_DAY_LIMITS = [
    pytest.param("nwl-msk", london(2026, 11, 23), date(2026, 11, 26), id="nwl Monday: Thursday"),
    pytest.param("nwl-msk", london(2026, 11, 27), date(2026, 12, 2), id="nwl Friday: Wednesday"),
    pytest.param(
        "nwl-msk", london(2026, 11, 28, 23, 59), date(2026, 12, 3), id="nwl Saturday: Thursday"
    ),
    pytest.param(
        "nwl-msk",
        london(2027, 3, 25),
        date(2027, 4, 1),
        id="nwl before Easter: skips both holidays",
    ),
    pytest.param(
        "nwl-msk", london(2027, 3, 26), date(2027, 4, 2), id="nwl Good Friday: counts from Tuesday"
    ),
    pytest.param(
        "nwl-msk",
        london(2026, 12, 24),
        date(2026, 12, 31),
        id="nwl Christmas Eve: skips to the 31st",
    ),
    pytest.param(
        "nwl-msk",
        london(2026, 12, 25),
        date(2027, 1, 4),
        id="nwl Christmas Day: day 0 is the 29th and New Year's Day is skipped",
    ),
    pytest.param(
        "nwl-msk",
        datetime(2027, 6, 6, 23, 30, tzinfo=UTC),
        date(2027, 6, 10),
        id="nwl Sunday 23:30 UTC is Monday in London",
    ),
    pytest.param(
        "camden-cims", london(2026, 11, 27), date(2026, 11, 30), id="camden Friday: Monday"
    ),
    pytest.param(
        "imsk-central-lancs",
        london(2026, 11, 23),
        date(2026, 11, 25),
        id="chorley Monday: Wednesday",
    ),
    pytest.param("ipops", london(2027, 3, 25), date(2027, 4, 5), id="ipops 5 days across Easter"),
    pytest.param("cyp-stoke", london(2026, 11, 23), None, id="no triage limit: no due date"),
]


class TestDueDates:
    @pytest.mark.parametrize(("service_id", "received", "due"), WORKING_DAY_LIMITS)
    def test_the_queue_item_is_due_by_the_services_triage_limit(
        self,
        session_factory: SessionFactory,
        catalogue: Catalogue,
        new_draft: NewDraft,
        service_id: str,
        received: datetime,
        due: date | None,
    ) -> None:
        _, token = new_draft(service_id, now=received)
        submit(session_factory, token, catalogue.services[service_id], now=received)
        _, item, _ = stored(session_factory)
        assert item.due_date == due

    @pytest.mark.parametrize(
        ("limit", "received", "due"),
        [
            pytest.param(
                {"amount": 7, "unit": "calendar_days"},
                london(2026, 12, 25),
                date(2027, 1, 1),
                id="calendar days are never moved off a bank holiday",
            ),
            pytest.param(
                {"amount": 24, "unit": "hours"},
                london(2026, 11, 28),
                date(2026, 11, 29),
                id="24 hours is the next calendar day",
            ),
            pytest.param(
                {"amount": 36, "unit": "hours"},
                london(2026, 11, 27),
                date(2026, 11, 29),
                id="36 hours rounds up to two calendar days",
            ),
        ],
    )
    def test_calendar_day_and_hour_limits(
        self,
        session_factory: SessionFactory,
        catalogue: Catalogue,
        new_draft: NewDraft,
        limit: dict[str, Any],
        received: datetime,
        due: date,
    ) -> None:
        service = with_triage(catalogue.services["nwl-msk"], limit)
        _, token = new_draft(now=received)
        submit(session_factory, token, service, now=received)
        _, item, _ = stored(session_factory)
        assert item.due_date == due

    @pytest.mark.parametrize(
        ("screening", "due"),
        [
            pytest.param(PRIORITY, date(2026, 11, 24), id="priority uses its own limit"),
            pytest.param(None, date(2026, 11, 30), id="routine falls back to the limit for any"),
        ],
    )
    def test_a_limit_for_the_priority_wins_over_the_limit_for_any(
        self,
        session_factory: SessionFactory,
        catalogue: Catalogue,
        new_draft: NewDraft,
        screening: Any,
        due: date,
    ) -> None:
        service = with_triage(
            catalogue.services["nwl-msk"],
            {"amount": 5, "unit": "working_days"},
            {"amount": 1, "unit": "working_days", "priority": "priority"},
        )
        _, token = new_draft()
        details = submission(screening=screening) if screening else submission()
        submit(session_factory, token, service, details)
        _, item, _ = stored(session_factory)
        assert item.due_date == due
