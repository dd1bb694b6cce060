"""Walking a questionnaire (webapp/domain/questionnaire.py): which pages are shown, in what
order, which answers count, and what the answers mean, on the real adult questionnaire and on
small questionnaires built here."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from webapp.content.loader import DEFAULT_ROOT
from webapp.content.questionnaire import Page, Questionnaire
from webapp.content.red_flags import load_red_flags
from webapp.content.yaml_io import read_yaml
from webapp.domain import questionnaire as flow
from webapp.domain.questionnaire import (
    NOT_ANSWERED,
    UNKNOWN_AGE,
    facts,
    first_unanswered,
    is_past_red_flags,
    pages,
    previous_page,
    read_referral,
    red_flag_answers,
    red_flag_page,
    red_flag_page_id,
    relevant_answers,
)
from webapp.domain.screening import questions_for

TODAY = date(2026, 11, 23)
RULES = load_red_flags()
ADULT = Questionnaire.model_validate(read_yaml(DEFAULT_ROOT / "questionnaires/adult-msk.yaml"))

CARER_PAGES = ("about-you", "consent", "contact-who")
START_BACK_PAGES = ("start-back", "start-back-bother")
START_BACK = {f"start_back_{n}": "agree" for n in range(1, 9)} | {"start_back_9": "very_much"}
MSK_HQ = {
    f"msk_hq_{n}": ADULT.question(f"msk_hq_{n}").options[0].value  # type: ignore[union-attr]
    for n in range(1, 15)
}


def shown(answers: dict[str, Any], service_id: str = "nwl-msk") -> tuple[Page, ...]:
    return pages(ADULT, answers, service_id=service_id, rules=RULES, today=TODAY)


def ids(answers: dict[str, Any], service_id: str = "nwl-msk") -> list[str]:
    return [p.id for p in shown(answers, service_id)]


def red_flag_ids(sites: list[str]) -> list[str]:
    return [red_flag_page_id(key) for key in questions_for(sites, rules=RULES)]


def answered_self(sites: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    """A whole answered form for someone filling it in for themselves."""
    sites = ["lower_back"] if sites is None else sites
    answers: dict[str, Any] = {
        "filled_in_by": "self",
        "patient_name": "Ann Example",
        "date_of_birth": "1970-05-17",
        "body_sites": sites,
        "gp_practice": "E85001",
        "other_conditions": ["none"],
        "symptom_duration": "weeks_6_to_12",
        "pain_score": 6,
        "problem_description": "It hurts when I bend.",
        "nhs_number": "",
        "postcode": "LS1 4AP",
        "phone": "+447700900982",
        "email": "ann@example.com",
        "contact_preference": "email",
        "support_needs": ["nothing"],
        **{key: "no" for key in questions_for(sites, rules=RULES)},
        **MSK_HQ,
    }
    if "lower_back" in sites:
        answers |= START_BACK
    answers.update(extra)
    return answers


# --- red-flag pages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "page_id"),
    [
        ("saddle_numbness", "red-flag-saddle-numbness"),
        ("recent_trauma", "red-flag-recent-trauma"),
        ("morning_stiffness_over_30min", "red-flag-morning-stiffness-over-30min"),
    ],
)
def test_red_flag_page_ids(key: str, page_id: str) -> None:
    assert red_flag_page_id(key) == page_id


def test_a_red_flag_page_asks_one_yes_no_not_sure_question() -> None:
    built = red_flag_page(RULES, "saddle_numbness")
    content = next(q for q in RULES.questions if q.key == "saddle_numbness")
    assert built.id == "red-flag-saddle-numbness"
    (question,) = built.questions
    assert question.key == "saddle_numbness"
    assert question.type == "yes_no_not_sure"
    assert question.text == content.text and question.hint == content.hint
    assert question.error_required


def test_an_unknown_red_flag_key_is_a_programming_error() -> None:
    with pytest.raises(StopIteration):
        red_flag_page(RULES, "no_such_flag")


# --- which pages the adult questionnaire shows ------------------------------------------------


def test_nothing_answered_shows_the_fixed_pages_and_no_red_flag_pages() -> None:
    found = ids({})
    assert found[:4] == ["who", "name", "date-of-birth", "where"]
    assert not any(i.startswith("red-flag-") for i in found)
    assert "red-flags" not in found  # the stand-in page itself is never shown
    for hidden in (
        *CARER_PAGES,
        *START_BACK_PAGES,
        "after-injury",
        "fatigue",
        "interpreter-language",
    ):
        assert hidden not in found
    assert found[-1] == "needs"


def test_lower_back_shows_the_start_back_pages() -> None:
    found = ids(answered_self(["lower_back"]))
    assert (
        found.index("pain-score")
        < found.index("start-back")
        < found.index("start-back-bother")
        < found.index("msk-hq-pain")
    )


@pytest.mark.parametrize("sites", [["knee"], ["neck"], ["upper_back", "hip"]])
def test_no_lower_back_no_start_back(sites: list[str]) -> None:
    found = ids(answered_self(sites))
    assert not set(START_BACK_PAGES) & set(found)
    assert "msk-hq-pain" in found


def test_lower_back_with_another_site_shows_start_back() -> None:
    assert set(START_BACK_PAGES) <= set(ids(answered_self(["knee", "lower_back"])))


def test_someone_else_shows_the_carer_pages_in_order() -> None:
    found = ids({"filled_in_by": "someone_else"})
    assert found[:5] == ["who", *CARER_PAGES, "name"]


def test_self_hides_the_carer_pages() -> None:
    assert not set(CARER_PAGES) & set(ids({"filled_in_by": "self"}))


def test_the_after_injury_page_is_only_for_mid_notts() -> None:
    answers = answered_self()
    notts = ids(answers, "mid-notts-cpms")
    assert "after-injury" in notts
    assert notts.index("other-conditions") < notts.index("after-injury") < notts.index("how-long")
    assert "after-injury" not in ids(answers, "nwl-msk")
    assert "after-injury" not in ids(answers, "camden-cims")


def test_me_cfs_shows_the_fatigue_page() -> None:
    assert "fatigue" not in ids(answered_self())
    found = ids(answered_self(other_conditions=["me_cfs", "fibromyalgia"]))
    assert found.index("how-long") < found.index("fatigue") < found.index("pain-score")


def test_an_interpreter_shows_the_language_page() -> None:
    assert "interpreter-language" not in ids(answered_self())
    found = ids(answered_self(support_needs=["interpreter", "large_print"]))
    assert found[-2:] == ["needs", "interpreter-language"]


@pytest.mark.parametrize(
    "sites", [["lower_back"], ["knee"], ["head_jaw"], ["knee", "lower_back"], ["widespread"]]
)
def test_red_flag_pages_follow_the_body_sites(sites: list[str]) -> None:
    found = ids({"filled_in_by": "self", "body_sites": sites})
    expected = red_flag_ids(sites)
    assert expected
    start = found.index("where") + 1
    assert found[start : start + len(expected)] == expected
    assert found[start + len(expected)] == "practice"
    assert [i for i in found if i.startswith("red-flag-")] == expected


def test_changing_body_sites_changes_the_red_flag_pages() -> None:
    back = set(ids({"body_sites": ["lower_back"]}))
    knee = set(ids({"body_sites": ["knee"]}))
    assert "red-flag-both-legs-symptoms" in back - knee
    assert "red-flag-cancer-history" in back - knee
    assert "red-flag-hot-swollen-joint" in knee - back
    assert "red-flag-multiple-swollen-joints" in knee - back
    assert "red-flag-saddle-numbness" in back & knee
    head = ids({"body_sites": ["head_jaw"]})
    assert "red-flag-saddle-numbness" not in head
    assert "red-flag-vision-change" in head


def test_the_red_flag_pages_do_not_depend_on_age() -> None:
    young = ids({"body_sites": ["neck"], "date_of_birth": "2010-01-01"})
    old = ids({"body_sites": ["neck"], "date_of_birth": "1940-01-01"})
    assert young == old


# --- facts ------------------------------------------------------------------------------------


def test_facts_with_nothing_answered() -> None:
    found = facts(ADULT, {}, service_id="nwl-msk", today=TODAY)
    assert found["age"] == UNKNOWN_AGE
    assert found["body_sites"] == frozenset()
    assert found["service"] == "nwl-msk"
    assert found["filled_in_by"] == NOT_ANSWERED
    assert found["other_conditions"] == frozenset()
    assert found["pain_score"] == UNKNOWN_AGE
    assert found["patient_name"] == NOT_ANSWERED


def test_facts_from_answers() -> None:
    answers = answered_self(["knee", "hip"], date_of_birth="1976-11-24")
    found = facts(ADULT, answers, service_id="camden-cims", today=TODAY)
    assert found["age"] == 49  # 50th birthday is tomorrow
    assert found["body_sites"] == frozenset({"knee", "hip"})
    assert found["other_conditions"] == frozenset({"none"})
    assert found["pain_score"] == 6
    assert found["filled_in_by"] == "self"
    assert found["service"] == "camden-cims"


@pytest.mark.parametrize(
    ("born", "expected"), [("1976-11-23", 50), ("1976-11-24", 49), ("2026-11-23", 0)]
)
def test_age_is_on_today(born: str, expected: int) -> None:
    assert flow.age(ADULT, {"date_of_birth": born}, TODAY) == expected


def test_date_of_birth_and_body_sites_read_by_role() -> None:
    assert flow.date_of_birth(ADULT, {"date_of_birth": "1984-03-15"}) == date(1984, 3, 15)
    assert flow.date_of_birth(ADULT, {"date_of_birth": ""}) is None
    assert flow.date_of_birth(ADULT, {}) is None
    assert flow.age(ADULT, {}, TODAY) is None
    assert flow.body_sites(ADULT, {"body_sites": ["knee"]}) == frozenset({"knee"})
    assert flow.body_sites(ADULT, {"body_sites": ""}) == frozenset()


# --- moving through the pages -----------------------------------------------------------------


def test_first_unanswered_walks_the_form() -> None:
    answers: dict[str, Any] = {}
    assert first_unanswered(shown(answers), answers).id == "who"  # type: ignore[union-attr]
    answers["filled_in_by"] = "someone_else"
    assert first_unanswered(shown(answers), answers).id == "about-you"  # type: ignore[union-attr]
    answers |= {"carer_name": "Bob", "carer_relationship": "child"}
    # A page with several questions is answered only when every one is.
    assert first_unanswered(shown(answers), answers).id == "about-you"  # type: ignore[union-attr]
    answers["carer_phone"] = "+447700900123"
    assert first_unanswered(shown(answers), answers).id == "consent"  # type: ignore[union-attr]


def test_first_unanswered_reaches_the_red_flags_after_the_body_sites() -> None:
    answers = {
        "filled_in_by": "self",
        "patient_name": "Ann",
        "date_of_birth": "1970-01-01",
        "body_sites": ["knee"],
    }
    nxt = first_unanswered(shown(answers), answers)
    assert nxt is not None and nxt.id == red_flag_ids(["knee"])[0]


def test_an_optional_answer_stored_empty_counts_as_answered() -> None:
    answers = answered_self()
    assert first_unanswered(shown(answers), answers) is None
    del answers["nhs_number"]
    assert first_unanswered(shown(answers), answers).id == "nhs-number"  # type: ignore[union-attr]


def test_everything_answered_means_check_your_answers() -> None:
    for sites in (["lower_back"], ["knee"], ["head_jaw", "shoulder"]):
        answers = answered_self(sites)
        assert first_unanswered(shown(answers), answers) is None


def test_a_newly_shown_page_becomes_the_next_unanswered() -> None:
    answers = answered_self(["knee"])
    assert first_unanswered(shown(answers), answers) is None
    answers["body_sites"] = ["knee", "lower_back"]
    nxt = first_unanswered(shown(answers), answers)
    assert nxt is not None and nxt.id == "red-flag-both-legs-symptoms"
    answers |= {key: "no" for key in questions_for(["knee", "lower_back"], rules=RULES)}
    assert first_unanswered(shown(answers), answers).id == "start-back"  # type: ignore[union-attr]


def test_previous_page() -> None:
    found = shown({"filled_in_by": "someone_else", "body_sites": ["knee"]})
    assert previous_page(found, "who") is None
    assert previous_page(found, "about-you").id == "who"  # type: ignore[union-attr]
    assert previous_page(found, "name").id == "contact-who"  # type: ignore[union-attr]
    first_flag = red_flag_ids(["knee"])[0]
    assert previous_page(found, first_flag).id == "where"  # type: ignore[union-attr]
    assert previous_page(found, "practice").id == red_flag_ids(["knee"])[-1]  # type: ignore[union-attr]
    assert previous_page(found, "start-back") is None  # not shown
    assert previous_page(found, "nowhere") is None


def test_previous_page_skips_hidden_pages() -> None:
    found = shown({"filled_in_by": "self"})
    assert previous_page(found, "name").id == "who"  # type: ignore[union-attr]


def test_find_page() -> None:
    found = shown({"body_sites": ["knee"]})
    assert flow.find_page(found, "red-flag-hot-swollen-joint") is not None
    assert flow.find_page(found, "red-flag-cancer-history") is None
    assert flow.find_page(found, "red-flags") is None


def test_is_past_red_flags() -> None:
    answers: dict[str, Any] = {"body_sites": ["knee"]}
    assert not is_past_red_flags(shown({}), {})  # no red-flag pages yet
    assert not is_past_red_flags(shown(answers), answers)
    keys = questions_for(["knee"], rules=RULES)
    answers |= {key: "no" for key in keys[:-1]}
    assert not is_past_red_flags(shown(answers), answers)
    answers[keys[-1]] = "not_sure"
    assert is_past_red_flags(shown(answers), answers)
    answers["body_sites"] = ["knee", "lower_back"]  # more questions to ask
    assert not is_past_red_flags(shown(answers), answers)


def test_red_flag_answers_only_from_pages_still_shown() -> None:
    answers: dict[str, Any] = {
        "body_sites": ["lower_back"],
        "cancer_history": "yes",
        "saddle_numbness": "no",
        "patient_name": "Ann",
    }
    assert red_flag_answers(shown(answers), answers) == {
        "cancer_history": "yes",
        "saddle_numbness": "no",
    }
    answers["body_sites"] = ["knee"]  # cancer_history is not asked for the knee
    assert red_flag_answers(shown(answers), answers) == {"saddle_numbness": "no"}


# --- relevant answers -------------------------------------------------------------------------


def test_relevant_answers_drop_the_carer_answers_after_switching_back_to_self() -> None:
    carer = {
        "carer_name": "Bob",
        "carer_relationship": "child",
        "carer_phone": "+447700900123",
        "patient_consent": "agrees",
        "contact_person": "both",
    }
    answers = answered_self(filled_in_by="someone_else", **carer)
    kept = relevant_answers(shown(answers), answers)
    assert set(carer) <= set(kept)
    answers["filled_in_by"] = "self"
    kept = relevant_answers(shown(answers), answers)
    assert not set(carer) & set(kept)
    assert kept["filled_in_by"] == "self"
    assert set(carer) <= set(answers)  # kept while filling in, in case they go back


def test_relevant_answers_drop_start_back_when_the_back_is_unticked() -> None:
    answers = answered_self(["lower_back", "knee"])
    assert set(START_BACK) <= set(relevant_answers(shown(answers), answers))
    answers["body_sites"] = ["knee"]
    kept = relevant_answers(shown(answers), answers)
    assert not set(START_BACK) & set(kept)
    assert "both_legs_symptoms" not in kept and "cancer_history" not in kept
    assert "hot_swollen_joint" in kept


def test_relevant_answers_drop_after_injury_outside_mid_notts() -> None:
    answers = answered_self(after_injury_or_operation="yes")
    assert (
        relevant_answers(shown(answers, "mid-notts-cpms"), answers)["after_injury_or_operation"]
        == "yes"
    )
    assert "after_injury_or_operation" not in relevant_answers(shown(answers), answers)


def test_relevant_answers_keep_page_order_and_drop_unknown_keys() -> None:
    answers = answered_self(["knee"], stray="x")
    kept = relevant_answers(shown(answers), answers)
    assert "stray" not in kept
    assert list(kept)[:4] == ["filled_in_by", "patient_name", "date_of_birth", "body_sites"]


# --- reading the referral ---------------------------------------------------------------------


def referral(answers: dict[str, Any], service_id: str = "nwl-msk") -> flow.Referral:
    return read_referral(ADULT, relevant_answers(shown(answers, service_id), answers))


def test_read_referral_for_someone_filling_it_in_for_themselves() -> None:
    found = referral(answered_self(["lower_back", "knee"]))
    assert found.route == "self"
    assert found.date_of_birth == date(1970, 5, 17)
    assert found.body_sites == frozenset({"lower_back", "knee"})
    assert found.practice_ods == "E85001"
    assert found.symptom_weeks == 6
    assert found.conditions == frozenset()
    assert found.ehc_plan is False
    assert found.gp_suggested is False
    assert found.patient_name == "Ann Example"
    assert found.contact_channel == "email"
    assert found.phone == "+447700900982"
    assert found.email == "ann@example.com"
    assert found.score_items["start_back"] == (1, 1, 1, 1, 1, 1, 1, 1, 3)
    assert found.score_items["msk_hq"] == (4,) * 14


def test_read_referral_for_a_carer() -> None:
    found = referral(
        answered_self(
            filled_in_by="someone_else",
            carer_name="Bob",
            carer_relationship="child",
            carer_phone="+447700900123",
            patient_consent="agrees",
            contact_person="both",
        )
    )
    assert found.route == "carer"


@pytest.mark.parametrize(
    ("duration", "weeks"),
    [
        ("under_2_weeks", 1),
        ("weeks_2_to_6", 2),
        ("weeks_6_to_12", 6),
        ("months_3_to_6", 13),
        ("over_6_months", 26),
        ("not_sure", None),
    ],
)
def test_symptom_weeks(duration: str, weeks: int | None) -> None:
    assert referral(answered_self(symptom_duration=duration)).symptom_weeks == weeks


def test_conditions_come_from_the_options_chosen() -> None:
    answers = answered_self(
        other_conditions=["pregnant", "dizziness", "me_cfs"],
        fatigue_diagnosis="diagnosed",
        after_injury_or_operation="yes",
    )
    assert referral(answers, "mid-notts-cpms").conditions == frozenset(
        {"obstetric_pain", "vertigo", "chronic_fatigue", "post_injury_or_surgery_persistent_pain"}
    )
    # Outside Mid Notts the after-injury page is hidden, so its condition is not recorded.
    assert referral(answers, "nwl-msk").conditions == frozenset(
        {"obstetric_pain", "vertigo", "chronic_fatigue"}
    )
    answers["after_injury_or_operation"] = "no"
    assert (
        "post_injury_or_surgery_persistent_pain"
        not in referral(answers, "mid-notts-cpms").conditions
    )


def test_conditions_reads_single_and_multiple_choices() -> None:
    assert flow.conditions(ADULT, {"other_conditions": ["jaw", "none"]}) == {"tmj"}
    assert flow.conditions(ADULT, {"after_injury_or_operation": "yes"}) == {
        "post_injury_or_surgery_persistent_pain"
    }
    assert flow.conditions(ADULT, {"after_injury_or_operation": 3}) == frozenset()
    assert flow.conditions(ADULT, {}) == frozenset()


def test_read_referral_with_nothing_answered() -> None:
    found = read_referral(ADULT, {})
    assert found.route is None and found.date_of_birth is None
    assert found.body_sites == frozenset() and found.practice_ods is None
    assert found.symptom_weeks is None and found.conditions == frozenset()
    assert found.patient_name == "" and found.phone is None and found.email is None
    assert found.contact_channel == "none"
    assert found.score_items == {"start_back": (), "msk_hq": ()}


def test_an_unknown_route_value_reads_as_no_route() -> None:
    assert read_referral(ADULT, {"filled_in_by": "martian"}).route is None


@pytest.mark.parametrize(
    ("preference", "phone", "email", "channel"),
    [
        ("email", "", "a@example.com", "email"),
        ("email", "+447700900982", "", "sms"),  # chose email but gave none: the phone
        ("email", "", "", "none"),
        ("text_message", "+447700900982", "", "sms"),
        ("text_message", "", "a@example.com", "email"),  # chose text but gave no number
        ("text_message", "", "", "none"),
        ("phone_call", "+447700900982", "a@example.com", "phone"),
        ("phone_call", "", "a@example.com", "email"),
        ("phone_call", "", "", "none"),
        ("letter", "+447700900982", "a@example.com", "letter"),
        ("letter", "", "", "letter"),
        (None, "+447700900982", "a@example.com", "email"),
        (None, "+447700900982", "", "sms"),
        (None, "", "", "none"),
    ],
)
def test_contact_channel_fallbacks(
    preference: str | None, phone: str, email: str, channel: str
) -> None:
    answers: dict[str, Any] = {"phone": phone, "email": email}
    if preference is not None:
        answers["contact_preference"] = preference
    found = read_referral(ADULT, answers)
    assert found.contact_channel == channel
    assert found.phone == (phone or None)
    assert found.email == (email or None)


def test_score_items_only_when_every_item_is_answered() -> None:
    answers = answered_self(["lower_back"])
    assert read_referral(ADULT, answers).score_items["start_back"] == (1,) * 8 + (3,)
    del answers["start_back_9"]
    assert read_referral(ADULT, answers).score_items["start_back"] == ()
    answers["start_back_9"] = "not_an_option"
    assert read_referral(ADULT, answers).score_items["start_back"] == ()
    # msk_hq is untouched by the start_back gap.
    assert read_referral(ADULT, answers).score_items["msk_hq"] == (4,) * 14


def test_score_items_are_in_item_order_with_their_scores() -> None:
    answers = {
        f"msk_hq_{n}": ADULT.question(f"msk_hq_{n}").options[-1].value  # type: ignore[union-attr]
        for n in range(1, 15)
    }
    answers["msk_hq_3"] = "slightly"
    assert read_referral(ADULT, answers).score_items["msk_hq"] == (0, 0, 3) + (0,) * 11


def test_start_back_dropped_when_not_shown() -> None:
    answers = answered_self(["knee"]) | START_BACK
    assert referral(answers).score_items["start_back"] == ()


# --- small questionnaires ---------------------------------------------------------------------


def _small(*extra_pages: dict[str, Any]) -> Questionnaire:
    return Questionnaire.model_validate(
        {
            "id": "small",
            "version": 1,
            "title": "Small",
            "services": ["nwl-msk"],
            "pages": [
                {
                    "id": "who",
                    "questions": [
                        {
                            "key": "who",
                            "type": "single_choice",
                            "role": "filled_in_by",
                            "text": "Who?",
                            "options": [
                                {"value": "self", "text": "Me", "route": "self"},
                                {"value": "other", "text": "Other", "route": "carer"},
                            ],
                        }
                    ],
                },
                {
                    "id": "name",
                    "questions": [
                        {"key": "name", "type": "text", "role": "patient_name", "text": "Name"}
                    ],
                },
                {
                    "id": "dob",
                    "questions": [
                        {
                            "key": "dob",
                            "type": "date_of_birth",
                            "role": "date_of_birth",
                            "text": "Born",
                        }
                    ],
                },
                {
                    "id": "where",
                    "checks_eligibility": True,
                    "questions": [
                        {"key": "where", "type": "body_map", "role": "body_sites", "text": "Where"}
                    ],
                },
                {"id": "red-flags", "kind": "red_flags"},
                *extra_pages,
            ],
        }
    )


def _ids(questionnaire: Questionnaire, answers: dict[str, Any]) -> list[str]:
    found = pages(questionnaire, answers, service_id="nwl-msk", rules=RULES, today=TODAY)
    return [p.id for p in found]


@pytest.mark.parametrize(
    ("condition", "born", "shown_"),
    [
        ({">=": ["age", 65]}, "1961-11-23", True),
        ({">=": ["age", 65]}, "1961-11-24", False),
        ({">=": ["age", 65]}, None, False),  # age unknown reads below every real age
        ({"<": ["age", 18]}, "2008-11-24", True),
        ({"<": ["age", 18]}, "2008-11-23", False),
    ],
)
def test_show_if_on_age(condition: dict[str, Any], born: str | None, shown_: bool) -> None:
    questionnaire = _small(
        {
            "id": "extra",
            "show_if": condition,
            "questions": [{"key": "extra", "type": "text", "text": "E"}],
        }
    )
    answers = {"dob": born} if born else {}
    assert ("extra" in _ids(questionnaire, answers)) is shown_


def test_show_if_on_a_number_answer() -> None:
    questionnaire = _small(
        {
            "id": "count",
            "questions": [
                {"key": "count", "type": "number", "text": "N", "minimum": 0, "maximum": 9}
            ],
        },
        {
            "id": "many",
            "show_if": {">=": ["count", 3]},
            "questions": [{"key": "many", "type": "text", "text": "M"}],
        },
    )
    assert "many" not in _ids(questionnaire, {})
    assert "many" not in _ids(questionnaire, {"count": 2})
    assert "many" in _ids(questionnaire, {"count": 3})


def test_a_red_flags_page_with_show_if_can_be_hidden() -> None:
    data = _small().model_dump(by_alias=True)
    data["pages"][4]["show_if"] = {"==": ["who", "self"]}
    questionnaire = Questionnaire.model_validate(data)
    answers = {"who": "self", "where": ["knee"]}
    assert any(i.startswith("red-flag-") for i in _ids(questionnaire, answers))
    answers["who"] = "other"
    assert not any(i.startswith("red-flag-") for i in _ids(questionnaire, answers))


def test_a_page_chained_on_a_hidden_page_is_hidden_too() -> None:
    questionnaire = _small(
        {
            "id": "carer-kind",
            "show_if": {"==": ["who", "other"]},
            "questions": [
                {
                    "key": "carer_kind",
                    "type": "single_choice",
                    "text": "Kind?",
                    "options": [
                        {"value": "paid", "text": "Paid"},
                        {"value": "family", "text": "Family"},
                    ],
                }
            ],
        },
        {
            "id": "agency",
            "show_if": {"==": ["carer_kind", "paid"]},
            "questions": [{"key": "agency", "type": "text", "text": "Agency"}],
        },
    )
    answers = {"who": "other", "carer_kind": "paid", "agency": "Helpers Ltd", "where": ["knee"]}
    assert {"carer-kind", "agency"} <= set(_ids(questionnaire, answers))
    answers["who"] = "self"  # carer-kind is hidden now, so carer_kind no longer counts
    found = pages(questionnaire, answers, service_id="nwl-msk", rules=RULES, today=TODAY)
    assert "carer-kind" not in [p.id for p in found]
    assert "agency" not in [p.id for p in found]
    assert "agency" not in relevant_answers(found, answers)


def test_the_red_flags_page_cannot_carry_the_eligibility_check() -> None:
    # It is replaced by one page per red-flag question, so the check would never run.
    with pytest.raises(ValueError, match="the red_flags page cannot check eligibility"):
        Page.model_validate({"id": "red-flags", "kind": "red_flags", "checks_eligibility": True})


def test_checks_eligibility_is_on_a_shown_page_of_the_adult_questionnaire() -> None:
    for sites in (["knee"], ["lower_back"]):
        found = shown(answered_self(sites))
        assert [p.id for p in found if p.checks_eligibility] == ["how-long"]
