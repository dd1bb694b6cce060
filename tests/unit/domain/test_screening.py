"""The red-flag screen against the real content. Expected dispositions are the clinical
specification, written out by hand from the reasons in content/red_flags.yaml, not read
from the rules under test."""

import dataclasses
import itertools
from collections.abc import Callable

import pytest

from webapp.content.red_flags import ANSWERS, BODY_SITES, RedFlagRules, load_red_flags
from webapp.content.rules import facts_read
from webapp.domain.screening import SEVERITY, ScreeningOutcome, questions_for, screen

E, U, P, R = "EMERGENCY", "URGENT_SAME_DAY", "PRIORITY", "ROUTINE"
RULES = load_red_flags()
Expect = str | Callable[[str, int], str]


def by_site(default: str, **sites: str) -> Expect:
    return lambda site, age: sites.get(site, default)


def from_50(at_or_over: str, under: str) -> Expect:
    return lambda site, age: at_or_over if age >= 50 else under


# Each key answered on its own, everything else "no": (if yes, if not sure).
ALONE: dict[str, tuple[Expect, Expect]] = {
    "saddle_numbness": (E, U),
    "bladder_change": (E, U),
    "bowel_change": (E, U),
    "sexual_dysfunction_new": (E, U),
    "both_legs_symptoms": (E, U),
    "leg_weakness_progressive": (E, U),
    "recent_trauma": (P, R),
    "cannot_bear_weight": (U, R),
    "hot_swollen_joint": (U, R),
    "fever_unwell": (by_site(U, widespread=R), R),
    "immunosuppressed_or_injects_drugs": (R, R),
    "cancer_history": (by_site(P, upper_back=U, neck=U), P),
    "new_headache": (from_50(P, R), R),
    "jaw_pain_chewing": (from_50(P, R), R),
    "scalp_tenderness": (from_50(P, R), R),
    "vision_change": (U, R),
    "thoracic_pain_new": (P, R),
    "night_pain_constant": (P, R),
    "weight_loss_unexplained": (P, R),
    "morning_stiffness_over_30min": (R, R),
    "multiple_swollen_joints": (R, R),
    "severe_radicular_pain_new": (P, R),
}
WORDS = {"yes": "yes", "no": "no", "not_sure": "not sure"}


def _alone_cases() -> list:
    cases = []
    for site in BODY_SITES:
        for key in questions_for([site]):
            for answer, age in itertools.product(ANSWERS, (30, 70)):
                rule = dict(zip(("yes", "not_sure"), ALONE[key], strict=True)).get(answer, R)
                expected = rule if isinstance(rule, str) else rule(site, age)
                sentence = f"{WORDS[answer]} to {key} with {site} pain at {age} is {expected}"
                cases.append(pytest.param(key, answer, site, age, expected, id=sentence))
    return cases


def rank(disposition: str) -> int:
    return SEVERITY.index(disposition)


class TestEveryKeyAlone:
    def test_the_table_covers_every_question(self):
        assert set(ALONE) == set(RULES.keys)

    @pytest.mark.parametrize(("key", "answer", "site", "age", "expected"), _alone_cases())
    def test_one_answer_for_a_site_it_is_asked_for(self, key, answer, site, age, expected):
        outcome = screen({key: answer}, age=age, body_sites=[site])

        assert outcome.disposition == expected


class TestNotSure:
    @pytest.mark.parametrize(
        "site",
        [
            pytest.param(s, id=f"with {s} pain")
            for s in BODY_SITES
            if "saddle_numbness" in questions_for([s])
        ],
    )
    def test_not_sure_to_saddle_numbness_is_never_routine(self, site):
        for age in (16, 49, 50, 90):
            outcome = screen({"saddle_numbness": "not_sure"}, age=age, body_sites=[site])
            assert outcome.disposition == U
            assert outcome.reasons == ("emergency_spinal_sign_not_sure",)

    @pytest.mark.parametrize("site", [pytest.param(s, id=f"with {s} pain") for s in BODY_SITES])
    def test_not_sure_to_any_sign_that_alone_is_an_emergency_is_at_least_same_day(self, site):
        for key, age in itertools.product(questions_for([site]), (30, 70)):
            if screen({key: "yes"}, age=age, body_sites=[site]).disposition == E:
                unsure = screen({key: "not_sure"}, age=age, body_sites=[site])
                assert rank(unsure.disposition) <= rank(U), (key, site, age)


def cases(table: dict[str, list[tuple[bool, str, str, str]]]) -> list:
    """Rows of (fires, body site, "key=answer ... age=N", sentence); age 40 unless given."""
    params = []
    for rule, rows in table.items():
        for fires, site, given, sentence in rows:
            pairs = dict(token.split("=") for token in given.split())
            age = int(pairs.pop("age", "40"))
            params.append(pytest.param(rule, pairs, [site], age, fires, id=sentence))
    return params


# fmt: off
RULE_CASES = cases({
    "cauda_equina_syndrome_suspected": [
        (True, "lower_back", "saddle_numbness=yes",
         "saddle numbness with low back pain suggests cauda equina syndrome"),
        (True, "hip", "bladder_change=yes",
         "a new bladder change with hip pain suggests cauda equina syndrome"),
        (True, "foot_ankle", "bowel_change=yes",
         "a new bowel change with foot pain suggests cauda equina syndrome"),
        (True, "knee", "sexual_dysfunction_new=yes",
         "new sexual dysfunction with knee pain suggests cauda equina syndrome"),
        (True, "upper_back", "both_legs_symptoms=yes",
         "symptoms in both legs with back pain suggest cauda equina syndrome"),
        (False, "knee", "both_legs_symptoms=yes",
         "symptoms in both legs with knee pain only do not suggest cauda equina syndrome"),
        (False, "lower_back", "saddle_numbness=not_sure",
         "not sure about saddle numbness is not a definite cauda equina sign"),
    ],
    "progressive_leg_weakness": [
        (True, "neck", "leg_weakness_progressive=yes",
         "worsening leg weakness with neck pain is an emergency"),
        (False, "neck", "leg_weakness_progressive=not_sure",
         "not sure about worsening leg weakness is not a definite sign"),
    ],
    "mscc_suspected": [
        (True, "upper_back", "cancer_history=yes leg_weakness_progressive=yes",
         "cancer with leg weakness and back pain suggests cord compression"),
        (True, "lower_back", "cancer_history=yes bladder_change=yes",
         "cancer with a bladder change suggests cord compression"),
        (False, "upper_back", "cancer_history=yes leg_weakness_progressive=not_sure",
         "cancer with unsure weakness is not definite cord compression"),
        (False, "upper_back", "cancer_history=not_sure leg_weakness_progressive=yes",
         "unsure cancer history with weakness is not definite MSCC"),
        (False, "knee", "cancer_history=yes both_legs_symptoms=yes",
         "cancer with both legs affected and only knee pain is not MSCC"),
    ],
    "spinal_infection_suspected": [
        (True, "lower_back", "fever_unwell=yes immunosuppressed_or_injects_drugs=yes",
         "fever with back pain in someone immunosuppressed suggests spinal infection"),
        (False, "lower_back", "fever_unwell=yes immunosuppressed_or_injects_drugs=no",
         "fever with back pain and no risk factor is not suspected spinal infection"),
        (False, "neck", "fever_unwell=not_sure immunosuppressed_or_injects_drugs=yes",
         "unsure fever with a risk factor is not a definite spinal infection"),
        (False, "knee", "fever_unwell=yes immunosuppressed_or_injects_drugs=yes",
         "fever and immunosuppression with knee pain is not spinal infection"),
    ],
    "septic_arthritis_suspected": [
        (True, "knee", "hot_swollen_joint=yes fever_unwell=yes",
         "a hot swollen knee with fever suggests septic arthritis"),
        (False, "knee", "hot_swollen_joint=yes fever_unwell=not_sure",
         "a hot swollen knee with unsure fever is not definite septic arthritis"),
        (False, "knee", "hot_swollen_joint=not_sure fever_unwell=yes",
         "fever with an unsure hot joint is not definite septic arthritis"),
    ],
    "injury_cannot_bear_weight": [
        (True, "foot_ankle", "recent_trauma=yes cannot_bear_weight=yes",
         "an injury and unable to bear weight needs A&E"),
        (False, "foot_ankle", "recent_trauma=not_sure cannot_bear_weight=yes",
         "unable to bear weight after an unsure injury is not for A&E"),
        (False, "knee", "recent_trauma=yes cannot_bear_weight=not_sure",
         "an injury with unsure weight bearing is not for A&E"),
    ],
    "gca_with_visual_symptoms": [
        (True, "head_jaw", "new_headache=yes vision_change=yes age=50",
         "a new headache and vision change at 50 is GCA with sight at risk"),
        (True, "head_jaw", "jaw_pain_chewing=yes vision_change=yes age=70",
         "jaw pain on chewing and vision change at 70 threaten sight"),
        (True, "shoulder", "scalp_tenderness=yes vision_change=yes age=70",
         "scalp tenderness and vision change at 70 threaten sight"),
        (False, "head_jaw", "new_headache=yes vision_change=yes age=49",
         "a new headache and vision change at 49 is not GCA"),
        (False, "head_jaw", "new_headache=yes vision_change=not_sure age=70",
         "a new headache with unsure vision is not definite"),
        (False, "head_jaw", "vision_change=yes age=70", "vision change alone at 70 is not GCA"),
    ],
    "emergency_spinal_sign_not_sure": [
        (True, "lower_back", "saddle_numbness=not_sure",
         "not sure about saddle numbness with back pain needs a GP today"),
        (True, "lower_back", "bladder_change=not_sure",
         "not sure about bladder change with back pain needs a GP today"),
        (True, "lower_back", "bowel_change=not_sure",
         "not sure about bowel change with back pain needs a GP today"),
        (True, "lower_back", "sexual_dysfunction_new=not_sure",
         "not sure about sexual dysfunction new with back pain needs a GP today"),
        (True, "lower_back", "leg_weakness_progressive=not_sure",
         "not sure about leg weakness progressive with back pain needs a GP today"),
        (True, "lower_back", "both_legs_symptoms=not_sure",
         "not sure about both legs symptoms with back pain needs a GP today"),
        (False, "knee", "both_legs_symptoms=not_sure",
         "not sure about both legs with knee pain only is not a spinal sign"),
        (False, "lower_back", "saddle_numbness=yes", "a definite yes is not the not-sure rule"),
    ],
    "spinal_metastases_suspected": [
        (True, "lower_back", "cancer_history=yes thoracic_pain_new=yes",
         "cancer with new thoracic pain suggests spinal metastases"),
        (True, "lower_back", "cancer_history=yes night_pain_constant=yes",
         "cancer with constant night pain suggests spinal metastases"),
        (True, "lower_back", "cancer_history=yes weight_loss_unexplained=yes",
         "cancer with weight loss and back pain suggests spinal metastases"),
        (True, "neck", "cancer_history=yes", "cancer with neck pain suggests spinal metastases"),
        (False, "lower_back", "cancer_history=yes",
         "cancer with low back pain alone is priority, not same day"),
        (False, "lower_back", "cancer_history=not_sure night_pain_constant=yes",
         "unsure cancer with night pain is not suspected metastases"),
    ],
    "spinal_infection_possible": [
        (True, "lower_back", "fever_unwell=yes", "fever with back pain needs a GP today"),
        (True, "neck", "fever_unwell=not_sure immunosuppressed_or_injects_drugs=yes",
         "unsure fever with neck pain in someone who injects drugs needs a GP today"),
        (False, "lower_back", "fever_unwell=not_sure",
         "unsure fever alone with back pain is not same day"),
        (False, "widespread", "fever_unwell=yes",
         "fever with widespread pain only is not a spinal infection sign"),
    ],
    "hot_swollen_joint": [
        (True, "elbow", "hot_swollen_joint=yes",
         "a hot swollen elbow without fever needs a GP today"),
        (False, "elbow", "hot_swollen_joint=not_sure", "an unsure hot joint alone is not same day"),
    ],
    "joint_pain_with_fever": [
        (True, "hip", "fever_unwell=yes", "hip pain with fever needs a GP today"),
        (False, "widespread", "fever_unwell=yes",
         "widespread pain with fever is not joint infection"),
        (True, "widespread", "fever_unwell=yes hot_swollen_joint=not_sure",
         "fever and an unsure hot joint with widespread pain is same day"),
        (False, "knee", "hot_swollen_joint=not_sure",
         "an unsure hot joint without fever is not same day"),
    ],
    "cannot_bear_weight": [
        (True, "hip", "cannot_bear_weight=yes",
         "unable to bear weight without injury needs a GP today"),
        (True, "knee", "recent_trauma=yes cannot_bear_weight=not_sure",
         "an injury with unsure weight bearing needs a GP today"),
        (False, "knee", "cannot_bear_weight=not_sure",
         "unsure weight bearing without injury is not same day"),
    ],
    "gca_suspected": [
        (True, "head_jaw", "new_headache=yes jaw_pain_chewing=yes age=50",
         "a new headache with jaw pain on chewing at 50 is suspected GCA"),
        (True, "neck", "new_headache=yes scalp_tenderness=yes age=80",
         "a new headache with scalp tenderness at 80 is suspected GCA"),
        (True, "head_jaw", "jaw_pain_chewing=yes scalp_tenderness=yes age=60",
         "jaw pain on chewing with scalp tenderness at 60 is suspected GCA"),
        (False, "head_jaw", "new_headache=yes jaw_pain_chewing=yes age=49",
         "a new headache with jaw pain at 49 is not GCA"),
        (False, "head_jaw", "new_headache=yes jaw_pain_chewing=not_sure age=70",
         "a new headache with unsure jaw pain at 70 is one feature only"),
    ],
    "gca_visual_symptoms_not_sure": [
        (True, "head_jaw", "new_headache=yes vision_change=not_sure age=50",
         "a new headache with unsure vision at 50 needs a GP today"),
        (False, "head_jaw", "new_headache=yes vision_change=not_sure age=49",
         "a new headache with unsure vision at 49 is not GCA"),
        (False, "head_jaw", "vision_change=not_sure age=70",
         "unsure vision alone at 70 is not the GCA rule"),
    ],
    "new_vision_change": [
        (True, "neck", "vision_change=yes age=30",
         "new vision change with neck pain at 30 needs a GP today"),
        (False, "neck", "vision_change=not_sure age=30",
         "unsure vision change alone is not same day"),
    ],
    "inflammatory_arthritis_suspected": [
        (True, "hand_wrist", "morning_stiffness_over_30min=yes multiple_swollen_joints=yes",
         "long morning stiffness with several swollen joints is priority"),
        (False, "hand_wrist", "morning_stiffness_over_30min=yes multiple_swollen_joints=not_sure",
         "long morning stiffness with unsure swelling is not flagged"),
        (False, "knee", "multiple_swollen_joints=yes",
         "several swollen joints without long stiffness is not flagged"),
    ],
    "severe_radicular_pain_new": [
        (True, "lower_back", "severe_radicular_pain_new=yes", "new severe sciatica is priority"),
        (False, "lower_back", "severe_radicular_pain_new=not_sure",
         "unsure severe sciatica is not flagged"),
    ],
    "cancer_history_with_spinal_pain": [
        (True, "lower_back", "cancer_history=yes", "back pain after cancer is priority"),
        (True, "widespread", "cancer_history=not_sure",
         "widespread pain and not sure about cancer is priority"),
        (False, "lower_back", "cancer_history=no",
         "back pain without cancer is not flagged for cancer"),
    ],
    "unexplained_weight_loss": [
        (True, "shoulder", "weight_loss_unexplained=yes",
         "unexplained weight loss is priority at any site"),
        (False, "shoulder", "weight_loss_unexplained=not_sure",
         "unsure weight loss is not flagged"),
    ],
    "non_mechanical_spinal_pain": [
        (True, "neck", "night_pain_constant=yes", "constant night pain in the neck is priority"),
        (True, "upper_back", "thoracic_pain_new=yes", "new thoracic pain is priority"),
        (False, "upper_back", "night_pain_constant=not_sure thoracic_pain_new=not_sure",
         "unsure night and thoracic pain are not flagged"),
    ],
    "recent_injury": [
        (True, "elbow", "recent_trauma=yes",
         "a recent injury that allows weight bearing is priority"),
        (False, "elbow", "recent_trauma=not_sure", "an unsure injury is not flagged"),
    ],
    "gca_feature_over_50": [
        (True, "head_jaw", "jaw_pain_chewing=yes age=50",
         "jaw pain on chewing alone at 50 is priority"),
        (False, "head_jaw", "jaw_pain_chewing=yes age=49",
         "jaw pain on chewing alone at 49 is not flagged"),
        (False, "head_jaw", "new_headache=not_sure age=70",
         "an unsure new headache at 70 is not flagged"),
    ],
})
# fmt: on


class TestEachRule:
    @pytest.mark.parametrize(("rule", "answers", "sites", "age", "fires"), RULE_CASES)
    def test_fires_when_met_and_not_when_just_missed(self, rule, answers, sites, age, fires):
        outcome = screen(answers, age=age, body_sites=sites)

        assert (rule in outcome.all_reasons) is fires

    def test_every_rule_has_a_case_that_fires_and_one_that_just_misses(self):
        cases = {(p.values[0], p.values[4]) for p in RULE_CASES}
        for rule in RULES.rules:
            assert {(rule.id, True), (rule.id, False)} <= cases, rule.id


class TestAgeBoundaries:
    @pytest.mark.parametrize(
        ("answers", "age", "expected"),
        [
            pytest.param(
                {"new_headache": "yes", "jaw_pain_chewing": "yes"},
                49,
                R,
                id="GCA symptoms at 49 are routine",
            ),
            pytest.param(
                {"new_headache": "yes", "jaw_pain_chewing": "yes"},
                50,
                U,
                id="GCA symptoms at 50 need a GP today",
            ),
            pytest.param(
                {"new_headache": "yes", "vision_change": "yes"},
                49,
                U,
                id="a new headache with vision change at 49 is same day, not GCA",
            ),
            pytest.param(
                {"new_headache": "yes", "vision_change": "yes"},
                50,
                E,
                id="a new headache with vision change at 50 is an emergency",
            ),
            pytest.param(
                {"scalp_tenderness": "yes"}, 49, R, id="scalp tenderness alone at 49 is routine"
            ),
            pytest.param(
                {"scalp_tenderness": "yes"}, 50, P, id="scalp tenderness alone at 50 is priority"
            ),
        ],
    )
    def test_giant_cell_arteritis_starts_at_50(self, answers, age, expected):
        assert screen(answers, age=age, body_sites=["head_jaw"]).disposition == expected

    def test_a_newborn_can_be_screened(self):
        assert screen({"saddle_numbness": "yes"}, age=0, body_sites=["lower_back"]).disposition == E


class TestSeverityOrdering:
    ONE_AT_EACH = {  # noqa: RUF012 - read-only test data
        E: {"saddle_numbness": "yes"},
        U: {"cannot_bear_weight": "yes"},
        P: {"weight_loss_unexplained": "yes"},
    }

    @pytest.mark.parametrize(
        ("levels", "expected"),
        [
            pytest.param((E, U, P), E, id="an emergency beats same day and priority"),
            pytest.param((E, U), E, id="an emergency beats same day"),
            pytest.param((E, P), E, id="an emergency beats priority"),
            pytest.param((U, P), U, id="same day beats priority"),
            pytest.param((P,), P, id="priority beats routine"),
        ],
    )
    def test_the_most_severe_disposition_that_fired_wins(self, levels, expected):
        answers = {k: v for level in levels for k, v in self.ONE_AT_EACH[level].items()}

        outcome = screen(answers, age=40, body_sites=["lower_back"])

        assert outcome.disposition == expected
        assert len(outcome.all_reasons) == len(levels)

    def test_reasons_are_the_rules_at_that_disposition_sorted_and_all_reasons_every_rule(self):
        answers = {"cancer_history": "yes", "saddle_numbness": "yes", "fever_unwell": "yes"}

        outcome = screen(answers, age=40, body_sites=["lower_back"])

        assert outcome == ScreeningOutcome(
            disposition=E,
            reasons=("cauda_equina_syndrome_suspected", "mscc_suspected"),
            all_reasons=(
                "cancer_history_with_spinal_pain",
                "cauda_equina_syndrome_suspected",
                "mscc_suspected",
                "spinal_infection_possible",
            ),
        )

    @pytest.mark.parametrize("site", [pytest.param(s, id=f"with {s} pain") for s in BODY_SITES])
    def test_another_answer_never_makes_the_outcome_less_severe(self, site):
        keys = questions_for([site])
        for (a, b), (x, y) in itertools.product(
            itertools.combinations(keys, 2), itertools.product(("yes", "not_sure"), repeat=2)
        ):
            for age in (30, 70):
                alone = min(
                    rank(screen({k: v}, age=age, body_sites=[site]).disposition)
                    for k, v in ((a, x), (b, y))
                )
                both = screen({a: x, b: y}, age=age, body_sites=[site])
                assert rank(both.disposition) <= alone, (a, x, b, y, age)

    @pytest.mark.parametrize(
        ("disposition", "stops"),
        [
            pytest.param(E, True, id="an emergency stops the form"),
            pytest.param(U, True, id="same day stops the form"),
            pytest.param(P, False, id="priority does not stop the form"),
            pytest.param(R, False, id="routine does not stop the form"),
        ],
    )
    def test_emergency_and_same_day_stop_the_form_in_every_service(self, disposition, stops):
        assert ScreeningOutcome(disposition, (), ()).stops_the_form is stops

    def test_an_outcome_cannot_be_changed(self):
        outcome = screen({}, age=40, body_sites=["knee"])
        with pytest.raises(dataclasses.FrozenInstanceError):
            outcome.disposition = E  # type: ignore[misc]


class TestNothingToReport:
    @pytest.mark.parametrize("site", [pytest.param(s, id=f"with {s} pain") for s in BODY_SITES])
    def test_answering_no_to_everything_asked_is_routine_at_any_age(self, site):
        answers = dict.fromkeys(questions_for([site]), "no")
        for age in (0, 15, 16, 49, 50, 120):
            assert screen(answers, age=age, body_sites=[site]) == ScreeningOutcome(R, (), ())

    def test_no_to_everything_with_every_site_is_routine(self):
        answers = dict.fromkeys(RULES.keys, "no")
        assert screen(answers, age=70, body_sites=BODY_SITES).disposition == R

    def test_a_question_not_asked_counts_as_no(self):
        assert screen({}, age=70, body_sites=BODY_SITES).disposition == R


class TestQuestionsFor:
    def test_back_pain_asks_the_cauda_equina_signs_first(self):
        assert questions_for(["lower_back"])[:6] == (
            "saddle_numbness",
            "bladder_change",
            "bowel_change",
            "sexual_dysfunction_new",
            "both_legs_symptoms",
            "leg_weakness_progressive",
        )

    def test_head_and_jaw_pain_asks_about_injury_gca_and_weight_loss(self):
        assert questions_for(["head_jaw"]) == (
            "recent_trauma",
            "new_headache",
            "jaw_pain_chewing",
            "scalp_tenderness",
            "vision_change",
            "weight_loss_unexplained",
        )

    def test_questions_are_ordered_by_the_most_severe_rule_that_reads_them(self):
        worst = {
            key: min(rank(r.disposition) for r in RULES.rules if key in facts_read(r.when))
            for key in RULES.keys
        }
        order = [worst[key] for key in questions_for(BODY_SITES)]
        assert order == sorted(order)

    def test_several_sites_ask_each_question_once_in_the_same_order_whatever_the_order_given(self):
        asked = questions_for(["knee", "lower_back", "knee"])

        assert asked == questions_for(["lower_back", "knee"])
        assert len(asked) == len(set(asked))
        assert set(asked) == set(questions_for(["knee"])) | set(questions_for(["lower_back"]))
        assert list(asked) == [key for key in RULES.keys if key in asked]

    @pytest.mark.parametrize("site", [pytest.param(s, id=f"{s} pain") for s in BODY_SITES])
    def test_every_site_is_asked_about_injury_and_weight_loss(self, site):
        assert {"recent_trauma", "weight_loss_unexplained"} <= set(questions_for([site]))

    @pytest.mark.parametrize(
        "sites",
        [
            pytest.param(["back"], id="a site that is not a code"),
            pytest.param(["Knee"], id="a site in capitals"),
            pytest.param("knee", id="a bare string rather than a list of sites"),
            pytest.param([], id="no site at all"),
        ],
    )
    def test_invalid_sites_are_refused(self, sites):
        with pytest.raises(ValueError):
            questions_for(sites)


class TestInvalidInput:
    @pytest.mark.parametrize(
        "value",
        [
            pytest.param("Yes", id="yes with a capital"),
            pytest.param("y", id="an abbreviation"),
            pytest.param("not sure", id="not sure with a space"),
            pytest.param("", id="an empty answer"),
            pytest.param(None, id="no value"),
            pytest.param(True, id="a boolean"),
        ],
    )
    def test_an_answer_other_than_yes_no_or_not_sure_is_refused(self, value):
        with pytest.raises(ValueError, match="saddle_numbness"):
            screen({"saddle_numbness": value}, age=40, body_sites=["lower_back"])

    def test_a_misspelt_key_is_refused_rather_than_counted_as_no(self):
        with pytest.raises(ValueError, match="saddle_numbess"):
            screen({"saddle_numbess": "yes"}, age=40, body_sites=["lower_back"])

    @pytest.mark.parametrize(
        "sites",
        [
            pytest.param(["lower_back", "ankle"], id="one unknown site among known ones"),
            pytest.param("lower_back", id="a bare string"),
            pytest.param(set(), id="no site at all"),
        ],
    )
    def test_invalid_sites_are_refused(self, sites):
        with pytest.raises(ValueError):
            screen({}, age=40, body_sites=sites)

    @pytest.mark.parametrize(
        "age",
        [
            pytest.param(-1, id="a negative age"),
            pytest.param(True, id="a boolean age"),
            pytest.param(49.5, id="a fractional age"),
            pytest.param("50", id="an age as text"),
        ],
    )
    def test_an_age_that_is_not_a_whole_number_of_years_is_refused(self, age):
        with pytest.raises(ValueError, match="age"):
            screen({}, age=age, body_sites=["knee"])


class TestRulesArePassedIn:
    def test_the_screen_uses_the_rules_it_is_given(self):
        rules = RedFlagRules.model_validate(
            {
                "guidance": {},
                "questions": [
                    {"key": "swelling", "text": "test.swelling", "asked_for": ["knee"]},
                ],
                "rules": [
                    {
                        "id": "swollen_knee",
                        "when": {"==": ["swelling", "yes"]},
                        "disposition": "PRIORITY",
                        "source": "decision D-11",
                    }
                ],
            }
        )

        assert questions_for(["knee"], rules=rules) == ("swelling",)
        assert questions_for(["hip"], rules=rules) == ()
        assert screen({"swelling": "yes"}, age=40, body_sites=["knee"], rules=rules).reasons == (
            "swollen_knee",
        )
        with pytest.raises(ValueError, match="saddle_numbness"):
            screen({"saddle_numbness": "yes"}, age=40, body_sites=["knee"], rules=rules)
