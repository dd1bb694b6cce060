"""Long-term conditions service (CS_31 in seed 000_fbc9cdd622a3ad15.txt)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def ltc(catalogue):
    return catalogue.services["ltc-staffs"]


class TestWhoLtcTakes:
    @pytest.mark.parametrize(
        ("age", "admitted"),
        [
            pytest.param(17, False, id="17 is refused: CS_31 4.17.2 excludes under 18s"),
            pytest.param(18, True, id="18 is accepted (CS_31 3.3)"),
        ],
    )
    def test_age(self, ltc, age, admitted):
        assert ltc.age_rule_on(date(2026, 1, 5)).admits(age) is admitted

    def test_only_health_professionals_refer(self, ltc):
        """Decision D-3: no questionnaire route for this service."""
        assert ltc.routes == {"professional"}
        assert ltc.self_referral.open is False

    def test_needs_diabetes_a_lung_condition_or_heart_failure(self, ltc):
        """CS_31 3.4 and 4.17.2: other diagnoses are excluded."""
        (included,) = ltc.conditions.included
        assert set(included.codes) == {"diabetes", "respiratory", "heart_failure"}
        assert included.must_have_one

    def test_excludes_pregnant_women_with_diabetes(self, ltc):
        """CS_31 4.17.2."""
        assert "pregnant_with_diabetes" in ltc.conditions.excluded_codes

    def test_covers_stoke_on_trent_and_north_staffordshire(self, ltc):
        """CS_31 3.3."""
        localities = {loc.code for loc in ltc.area.localities}
        assert localities == {"stoke_on_trent", "north_staffordshire"}


class TestLtcResponseTimes:
    @pytest.mark.parametrize(
        ("kind", "priority", "hours", "starts_from"),
        [
            pytest.param(
                "exacerbation_response",
                "routine",
                24,
                "receipt",
                id="exacerbations within 24 hours (CS_31 4.14, D-16)",
            ),
            pytest.param(
                "exacerbation_response",
                "urgent",
                2,
                "receipt",
                id="clinically urgent exacerbations within 2 hours",
            ),
            pytest.param(
                "advice_and_guidance_response",
                "any",
                72,
                "receipt",
                id="advice and guidance within 72 hours",
            ),
            pytest.param(
                "post_discharge_review",
                "any",
                48,
                "hospital_discharge",
                id="review within 48 hours of hospital discharge (CS_31 4.7)",
            ),
        ],
    )
    def test_limit_in_hours(self, ltc, kind, priority, hours, starts_from):
        limit = ltc.time_limit(kind, priority)
        assert (limit.amount, limit.unit, limit.starts_from) == (hours, "hours", starts_from)

    def test_offers_no_follow_up_and_states_no_missed_appointment_policy(self, ltc):
        """Decisions D-16 and D-18; the seed has no DNA policy."""
        assert ltc.pifu.offered is False
        assert ltc.did_not_attend.policy == "not_stated"
