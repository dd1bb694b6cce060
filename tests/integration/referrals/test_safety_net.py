"""The emergency stop: what the person told us is kept, and staff call them back today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from tests.integration.referrals.conftest import (
    EMERGENCY,
    MONDAY,
    PRIORITY,
    URGENT_SAME_DAY,
    SessionFactory,
    counts,
    london,
)
from webapp.content import Catalogue
from webapp.domain.screening import ScreeningOutcome
from webapp.models.referral import Referral, ReferralDraft, WorkItem
from webapp.services.referrals import normalise_reference, record_safety_net

NewDraft = Callable[..., tuple[ReferralDraft, str]]


def stop(
    factory: SessionFactory,
    catalogue: Catalogue,
    *,
    reference: str | None = None,
    screening: ScreeningOutcome = EMERGENCY,
    now: datetime = MONDAY,
    **changes: Any,
) -> Referral:
    values: dict[str, Any] = {
        "source": "self",
        "language": "ar",
        "answers_so_far": {"body_sites": ["lower_back"], "saddle_numbness": "yes"},
        "contact_name": "Sam Example",
        "contact_phone": "+441632960001",
        "date_of_birth": date(1961, 2, 3),
    }
    with factory() as session, session.begin():
        return record_safety_net(
            session,
            catalogue.services["nwl-msk"],
            reference=reference,
            screening=screening,
            now=now,
            **{**values, **changes},
        )


def stored(factory: SessionFactory) -> tuple[Referral, WorkItem]:
    with factory() as session:
        return session.scalars(select(Referral)).one(), session.scalars(select(WorkItem)).one()


class TestSafetyNet:
    def test_the_record_keeps_the_answers_so_far_and_how_to_call_back(
        self, session_factory: SessionFactory, catalogue: Catalogue, new_draft: NewDraft
    ) -> None:
        draft, _ = new_draft()
        stop(session_factory, catalogue, reference=draft.reference)
        referral, _ = stored(session_factory)
        assert (referral.reference, referral.service_id, referral.status) == (
            draft.reference,
            "nwl-msk",
            "safety_net",
        )
        assert (referral.priority, referral.screening_disposition) == ("urgent", "EMERGENCY")
        assert referral.screening_reasons == [
            "cauda_equina_syndrome_suspected",
            "unexplained_weight_loss",
        ]
        assert referral.answers == {"body_sites": ["lower_back"], "saddle_numbness": "yes"}
        assert (referral.patient_name, referral.date_of_birth) == ("Sam Example", date(1961, 2, 3))
        assert (referral.contact_channel, referral.contact_address) == ("phone", "+441632960001")
        assert (referral.language, referral.received_at) == ("ar", MONDAY)
        assert referral.questionnaire_id is None and referral.eligibility_flags == []

    @pytest.mark.parametrize(
        ("received", "due"),
        [
            pytest.param(london(2026, 11, 28, 15), date(2026, 11, 28), id="a Saturday: that day"),
            pytest.param(london(2026, 12, 25, 9), date(2026, 12, 25), id="Christmas Day: that day"),
            pytest.param(
                datetime(2027, 6, 6, 23, 30, tzinfo=UTC),
                date(2027, 6, 7),
                id="23:30 UTC in June is already tomorrow in London",
            ),
        ],
    )
    def test_staff_are_asked_to_act_the_same_local_day(
        self,
        session_factory: SessionFactory,
        catalogue: Catalogue,
        received: datetime,
        due: date,
    ) -> None:
        stop(session_factory, catalogue, screening=URGENT_SAME_DAY, now=received)
        referral, item = stored(session_factory)
        assert (item.kind, item.priority, item.status) == ("red_flag_safety_net", "urgent", "open")
        assert (item.referral_id, item.service_id, item.due_date) == (referral.id, "nwl-msk", due)

    def test_without_a_draft_a_new_reference_is_found(
        self, session_factory: SessionFactory, catalogue: Catalogue
    ) -> None:
        referral = stop(session_factory, catalogue, date_of_birth=None)
        assert normalise_reference(referral.reference) == referral.reference
        assert stored(session_factory)[0].date_of_birth is None

    def test_a_typed_reference_is_stored_normalised(
        self, session_factory: SessionFactory, catalogue: Catalogue
    ) -> None:
        assert stop(session_factory, catalogue, reference="abcd-2345").reference == "ABCD2345"

    def test_pressing_stop_twice_keeps_one_record_and_one_item(
        self, session_factory: SessionFactory, catalogue: Catalogue, new_draft: NewDraft
    ) -> None:
        draft, _ = new_draft()
        first = stop(session_factory, catalogue, reference=draft.reference)
        again = stop(session_factory, catalogue, reference=draft.reference)
        assert again.id == first.id
        # No message is sent: the stop page itself tells the person to call 999 or 111.
        assert counts(session_factory) == (1, 1, 0, 1)

    def test_a_screen_that_does_not_stop_the_form_is_refused(
        self, session_factory: SessionFactory, catalogue: Catalogue
    ) -> None:
        with pytest.raises(ValueError, match="PRIORITY"):
            stop(session_factory, catalogue, screening=PRIORITY)
        assert counts(session_factory) == (0, 0, 0, 0)
