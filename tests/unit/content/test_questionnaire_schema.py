"""The questionnaire schema (webapp/content/questionnaire.py) and its cross-checks against the
rest of the content (webapp/content/questionnaires.py), on the real adult questionnaire and on
small questionnaires built here and broken one field at a time."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from webapp.content import Catalogue, ContentError, Problem
from webapp.content.loader import DEFAULT_ROOT, parse_file
from webapp.content.questionnaire import (
    QUESTION_TYPES,
    ROLE_TYPES,
    ROLES,
    SCORE_ITEMS,
    Option,
    Page,
    Question,
    Questionnaire,
)
from webapp.content.questionnaires import (
    RESERVED_PAGE_IDS,
    load_questionnaires,
    read_questionnaires,
)
from webapp.content.red_flags import BODY_SITES
from webapp.content.yaml_io import read_yaml

ADULT = DEFAULT_ROOT / "questionnaires" / "adult-msk.yaml"
ADULT_LABEL = "content/questionnaires/adult-msk.yaml"
SERVICES = frozenset({"alpha", "beta", "gamma"})
CONDITIONS = frozenset({"vertigo", "fibromyalgia"})


# --- builders ---------------------------------------------------------------------------------


def choice(key: str, *values: str, **extra: Any) -> dict[str, Any]:
    options = [{"value": value, "text": value.title()} for value in values or ("a", "b")]
    return {"key": key, "type": "single_choice", "text": f"{key}?", "options": options, **extra}


def page(page_id: str, *questions: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": page_id, "questions": list(questions), **extra}


def minimal() -> dict[str, Any]:
    """The smallest questionnaire that passes the schema and every cross-check."""
    return {
        "id": "sample",
        "version": 1,
        "title": "Sample questionnaire",
        "services": ["alpha"],
        "pages": [
            page(
                "who",
                {
                    "key": "filled_in_by",
                    "type": "single_choice",
                    "role": "filled_in_by",
                    "text": "Who is filling this in?",
                    "options": [
                        {"value": "self", "text": "Me", "route": "self"},
                        {"value": "someone_else", "text": "Someone else", "route": "carer"},
                    ],
                },
            ),
            page(
                "name",
                {"key": "patient_name", "type": "text", "role": "patient_name", "text": "Name"},
            ),
            page(
                "dob",
                {
                    "key": "dob",
                    "type": "date_of_birth",
                    "role": "date_of_birth",
                    "text": "Date of birth",
                },
            ),
            page(
                "where",
                {"key": "sites", "type": "body_map", "role": "body_sites", "text": "Where?"},
            ),
            {"id": "red-flags", "kind": "red_flags"},
            page(
                "how-long",
                {
                    "key": "duration",
                    "type": "single_choice",
                    "role": "symptom_duration",
                    "text": "How long?",
                    "options": [
                        {"value": "short", "text": "Short", "weeks": 1},
                        {"value": "unknown", "text": "Not sure"},
                    ],
                },
                checks_eligibility=True,
            ),
        ],
    }


def edited(**changes: Any) -> dict[str, Any]:
    data = minimal()
    data.update(deepcopy(changes))
    return data


def with_pages(*extra: dict[str, Any], at: int | None = None) -> dict[str, Any]:
    data = minimal()
    index = len(data["pages"]) if at is None else at
    data["pages"][index:index] = deepcopy(list(extra))
    return data


def messages(error: ValidationError) -> str:
    return "\n".join(str(item["msg"]) for item in error.errors())


def refused(data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        Questionnaire.model_validate(data)
    return messages(caught.value)


def write(root: Path, data: dict[str, Any], name: str | None = None) -> Path:
    folder = root / "questionnaires"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name or data['id']}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def problems_for(tmp_path: Path, data: dict[str, Any], **kwargs: Any) -> list[Problem]:
    root = tmp_path / "content"
    write(root, data)
    options = {"service_ids": SERVICES, "condition_codes": CONDITIONS, **kwargs}
    return read_questionnaires(root, **options)[1]


# --- the real questionnaire -------------------------------------------------------------------


@pytest.fixture(scope="module")
def adult() -> Questionnaire:
    return Questionnaire.model_validate(read_yaml(ADULT))


def test_the_adult_questionnaire_parses_with_parse_file() -> None:
    problems: list[Problem] = []
    parsed = parse_file(ADULT, Questionnaire, ADULT_LABEL, problems)
    assert problems == []
    assert parsed is not None and parsed.id == "adult-msk"


def test_the_real_questionnaires_load_against_the_real_catalogue(catalogue: Catalogue) -> None:
    library, problems = read_questionnaires(
        DEFAULT_ROOT,
        service_ids=frozenset(catalogue.services),
        condition_codes=frozenset(catalogue.conditions),
    )
    assert [str(problem) for problem in problems] == []
    assert set(library.by_id) == {"adult-msk"}
    for service_id in ("nwl-msk", "mid-notts-cpms", "camden-cims", "ipops", "micats"):
        found = library.for_service(service_id)
        assert found is not None and found.id == "adult-msk"
    assert library.for_service("cyp-stoke") is None
    assert library.for_service("no-such-service") is None


def test_load_questionnaires_returns_the_library(catalogue: Catalogue) -> None:
    library = load_questionnaires(
        DEFAULT_ROOT,
        service_ids=frozenset(catalogue.services),
        condition_codes=frozenset(catalogue.conditions),
    )
    assert library.by_id["adult-msk"].version >= 1


def test_every_condition_code_in_the_adult_questionnaire_exists(
    adult: Questionnaire, catalogue: Catalogue
) -> None:
    codes = {code for q in adult.questions() for o in q.options for code in o.conditions}
    assert codes, "the adult questionnaire records some conditions"
    assert codes <= set(catalogue.conditions), codes - set(catalogue.conditions)


def test_every_adult_service_exists(adult: Questionnaire, catalogue: Catalogue) -> None:
    assert set(adult.services) <= set(catalogue.services)


def test_the_adult_questionnaire_has_the_roles_and_scores(adult: Questionnaire) -> None:
    for role in (
        "filled_in_by",
        "date_of_birth",
        "body_sites",
        "practice",
        "patient_name",
        "symptom_duration",
        "contact_preference",
        "phone",
        "email",
    ):
        assert adult.with_role(role) is not None, role
    assert adult.with_role("ehc_plan") is None
    for score, count in SCORE_ITEMS.items():
        items = adult.score_items(score)
        assert len(items) == count
        assert [q.key for q in items] == [f"{score}_{n}" for n in range(1, count + 1)]


def test_the_adult_questionnaire_asks_age_and_body_sites_before_red_flags(
    adult: Questionnaire,
) -> None:
    ids = [p.id for p in adult.pages]
    red = ids.index("red-flags")
    before = {q.role for p in adult.pages[:red] for q in p.questions}
    assert {"date_of_birth", "body_sites"} <= before
    assert sum(p.checks_eligibility for p in adult.pages) == 1


def test_question_option_and_lookup_helpers(adult: Questionnaire) -> None:
    who = adult.question("filled_in_by")
    assert who is not None
    option = who.option("someone_else")
    assert option is not None and option.route == "carer"
    assert who.option("nobody") is None
    assert adult.question("no_such_key") is None


# --- the schema accepts -----------------------------------------------------------------------


def test_the_minimal_questionnaire_is_valid() -> None:
    questionnaire = Questionnaire.model_validate(minimal())
    assert questionnaire.with_role("symptom_duration").key == "duration"  # type: ignore[union-attr]
    assert [p.kind for p in questionnaire.pages].count("red_flags") == 1


def test_every_role_has_a_type() -> None:
    assert set(ROLE_TYPES) == set(ROLES)
    for types in ROLE_TYPES.values():
        assert types <= set(QUESTION_TYPES)


@pytest.mark.parametrize(
    "question",
    [
        {"key": "q", "type": "yes_no_not_sure", "text": "Q"},
        {
            "key": "q",
            "type": "yes_no_not_sure",
            "text": "Q",
            "options": [
                {"value": "yes", "text": "Yes"},
                {"value": "no", "text": "No"},
                {"value": "not_sure", "text": "Not sure"},
            ],
        },
        {"key": "q", "type": "number", "text": "Q", "minimum": 0, "maximum": 5},
        {"key": "q", "type": "pain_scale", "text": "Q", "low_label": "0", "high_label": "10"},
        {
            "key": "q",
            "type": "multiple_choice",
            "text": "Q",
            "options": [
                {"value": "a", "text": "A"},
                {"value": "none", "text": "None", "exclusive": True},
            ],
        },
        {"key": "q", "type": "phone", "role": "phone", "text": "Q"},
        {"key": "q", "type": "mobile", "role": "phone", "text": "Q"},
        {
            "key": "q",
            "type": "single_choice",
            "role": "contact_preference",
            "text": "Q",
            "options": [
                {"value": "e", "text": "E", "channel": "email"},
                {"value": "l", "text": "L", "channel": "letter"},
            ],
        },
        {"key": "q", "type": "yes_no_not_sure", "role": "ehc_plan", "text": "Q"},
        {"key": "q", "type": "long_text", "text": "Q", "max_length": 1500},
    ],
)
def test_valid_questions(question: dict[str, Any]) -> None:
    Question.model_validate(question)


# --- the schema refuses: options --------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            {
                "key": "q",
                "type": "single_choice",
                "text": "Q",
                "options": [{"value": "a", "text": "A"}],
            },
            "at least two options",
        ),
        ({"key": "q", "type": "multiple_choice", "text": "Q"}, "at least two options"),
        (
            {
                "key": "q",
                "type": "yes_no_not_sure",
                "text": "Q",
                "options": [
                    {"value": "no", "text": "No"},
                    {"value": "yes", "text": "Yes"},
                    {"value": "not_sure", "text": "?"},
                ],
            },
            "yes, no, not_sure",
        ),
        (
            {
                "key": "q",
                "type": "yes_no_not_sure",
                "text": "Q",
                "options": [{"value": "yes", "text": "Yes"}, {"value": "no", "text": "No"}],
            },
            "yes, no, not_sure",
        ),
        (
            {
                "key": "q",
                "type": "text",
                "text": "Q",
                "options": [{"value": "a", "text": "A"}, {"value": "b", "text": "B"}],
            },
            "a text question has no options",
        ),
        (
            {
                "key": "q",
                "type": "single_choice",
                "text": "Q",
                "options": [{"value": "a", "text": "A"}, {"value": "a", "text": "B"}],
            },
            "two options share a value",
        ),
        (
            {
                "key": "q",
                "type": "single_choice",
                "text": "Q",
                "options": [
                    {"value": "a", "text": "A"},
                    {"value": "b", "text": "B", "exclusive": True},
                ],
            },
            "only a multiple_choice option can be exclusive",
        ),
    ],
)
def test_option_problems(question: dict[str, Any], expected: str) -> None:
    with pytest.raises(ValidationError, match=expected):
        Question.model_validate(question)


# --- the schema refuses: roles, numbers, scales and scores ------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            {"key": "q", "type": "text", "role": "date_of_birth", "text": "Q"},
            r"role date_of_birth needs type \['date_of_birth'\]",
        ),
        (
            {"key": "q", "type": "email", "role": "phone", "text": "Q"},
            r"role phone needs type \['mobile', 'phone'\]",
        ),
        (
            {
                "key": "q",
                "type": "multiple_choice",
                "role": "filled_in_by",
                "text": "Q",
                "options": [{"value": "a", "text": "A"}, {"value": "b", "text": "B"}],
            },
            "role filled_in_by needs type",
        ),
        (
            {
                "key": "q",
                "type": "single_choice",
                "role": "filled_in_by",
                "text": "Q",
                "options": [
                    {"value": "a", "text": "A", "route": "self"},
                    {"value": "b", "text": "B"},
                ],
            },
            "every option of a filled_in_by question gives a route",
        ),
        (
            {
                "key": "q",
                "type": "single_choice",
                "role": "contact_preference",
                "text": "Q",
                "options": [
                    {"value": "a", "text": "A", "channel": "sms"},
                    {"value": "b", "text": "B"},
                ],
            },
            "every option of a contact_preference question gives a channel",
        ),
        (
            {
                "key": "q",
                "type": "single_choice",
                "role": "symptom_duration",
                "text": "Q",
                "options": [{"value": "a", "text": "A"}, {"value": "b", "text": "B"}],
            },
            "a symptom_duration question gives weeks on its options",
        ),
        (
            {"key": "q", "type": "number", "text": "Q", "minimum": 1},
            "a number question needs a minimum and a maximum",
        ),
        (
            {"key": "q", "type": "number", "text": "Q", "maximum": 1},
            "a number question needs a minimum and a maximum",
        ),
        (
            {"key": "q", "type": "pain_scale", "text": "Q", "low_label": "low"},
            "a pain scale needs low_label and high_label",
        ),
        (
            {
                "key": "q",
                "type": "single_choice",
                "score": "start_back",
                "text": "Q",
                "options": [{"value": "a", "text": "A", "score": 1}, {"value": "b", "text": "B"}],
            },
            "a scored item is a single choice with a score on every option",
        ),
        (
            {
                "key": "q",
                "type": "multiple_choice",
                "score": "msk_hq",
                "text": "Q",
                "options": [
                    {"value": "a", "text": "A", "score": 1},
                    {"value": "b", "text": "B", "score": 0},
                ],
            },
            "a scored item is a single choice",
        ),
    ],
)
def test_question_problems(question: dict[str, Any], expected: str) -> None:
    with pytest.raises(ValidationError, match=expected):
        Question.model_validate(question)


@pytest.mark.parametrize(
    ("question", "field"),
    [
        ({"key": "Bad-Key", "type": "text", "text": "Q"}, "key"),
        ({"key": "q", "type": "essay", "text": "Q"}, "type"),
        ({"key": "q", "type": "text", "text": "   "}, "text"),
        ({"key": "q", "type": "text", "text": "Q", "role": "shoe_size"}, "role"),
        ({"key": "q", "type": "text", "text": "Q", "max_length": 0}, "max_length"),
        ({"key": "q", "type": "text", "text": "Q", "colour": "red"}, "colour"),
    ],
)
def test_question_field_problems(question: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Question.model_validate(question)
    assert [error["loc"][0] for error in caught.value.errors()] == [field]


@pytest.mark.parametrize(
    ("option", "field"),
    [
        ({"value": "a", "text": "A", "weeks": -1}, "weeks"),
        ({"value": "a", "text": "A", "score": -1}, "score"),
        ({"value": "a", "text": "A", "route": "pigeon"}, "route"),
        ({"value": "a", "text": "A", "channel": "fax"}, "channel"),
        ({"value": "A", "text": "A"}, "value"),
        ({"value": "a", "text": "A", "conditions": ["Not-A-Code"]}, "conditions"),
    ],
)
def test_option_field_problems(option: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Option.model_validate(option)
    assert caught.value.errors()[0]["loc"][0] == field


# --- the schema refuses: pages ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {
                "id": "red-flags",
                "kind": "red_flags",
                "questions": [{"key": "q", "type": "text", "text": "Q"}],
            },
            "the red_flags page takes its questions from content/red_flags.yaml",
        ),
        ({"id": "empty"}, "a page asks at least one question"),
        (
            {
                "id": "two",
                "questions": [
                    {"key": "a", "type": "text", "text": "A"},
                    {"key": "b", "type": "text", "text": "B"},
                ],
            },
            "a page with several questions needs a title",
        ),
    ],
)
def test_page_problems(data: dict[str, Any], expected: str) -> None:
    with pytest.raises(ValidationError, match=expected):
        Page.model_validate(data)


def test_a_page_with_several_questions_and_a_title_is_valid() -> None:
    Page.model_validate(
        {
            "id": "two",
            "title": "Two things",
            "questions": [
                {"key": "a", "type": "text", "text": "A"},
                {"key": "b", "type": "text", "text": "B"},
            ],
        }
    )


@pytest.mark.parametrize("page_id", ["Who", "1st", "who_page", "who page"])
def test_page_ids_are_slugs(page_id: str) -> None:
    with pytest.raises(ValidationError):
        Page.model_validate(
            {"id": page_id, "questions": [{"key": "a", "type": "text", "text": "A"}]}
        )


def test_a_show_if_with_an_unknown_operator_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown operator"):
        Page.model_validate(
            {
                "id": "p",
                "show_if": {"~=": ["a", "b"]},
                "questions": [{"key": "a", "type": "text", "text": "A"}],
            }
        )


# --- the schema refuses: whole questionnaires -------------------------------------------------


def _drop_role(role: str) -> dict[str, Any]:
    data = minimal()
    for p in data["pages"]:
        for q in p.get("questions", []):
            if q.get("role") == role:
                del q["role"]
    return data


@pytest.mark.parametrize("role", ["date_of_birth", "body_sites", "filled_in_by", "patient_name"])
def test_a_questionnaire_needs_each_essential_role(role: str) -> None:
    assert f"a questionnaire needs a question with role {role}" in refused(_drop_role(role))


def test_two_pages_sharing_an_id_are_refused() -> None:
    data = with_pages(page("who", {"key": "other", "type": "text", "text": "Other"}))
    assert "two pages share an id" in refused(data)


def test_two_questions_sharing_a_key_are_refused() -> None:
    data = with_pages(page("again", {"key": "patient_name", "type": "text", "text": "Again"}))
    assert "two questions share a key" in refused(data)


def test_a_role_given_twice_is_refused() -> None:
    data = with_pages(
        page(
            "again", {"key": "second_name", "type": "text", "role": "patient_name", "text": "Again"}
        )
    )
    assert "a role is given to two questions" in refused(data)


def test_no_red_flags_page_is_refused() -> None:
    data = minimal()
    data["pages"] = [p for p in data["pages"] if p.get("kind") != "red_flags"]
    assert "exactly one red_flags page" in refused(data)


def test_two_red_flags_pages_are_refused() -> None:
    data = with_pages({"id": "red-flags-again", "kind": "red_flags"})
    assert "exactly one red_flags page" in refused(data)


@pytest.mark.parametrize("count", [0, 2])
def test_exactly_one_page_checks_eligibility(count: int) -> None:
    data = minimal()
    for p in data["pages"]:
        p.pop("checks_eligibility", None)
    for p in data["pages"][:count]:
        p["checks_eligibility"] = True
    assert "exactly one page checks_eligibility" in refused(data)


def _items(score: str, count: int) -> list[dict[str, Any]]:
    return [
        choice(f"{score}_{n}", "agree", "disagree", score=score)
        | {
            "options": [
                {"value": "agree", "text": "Agree", "score": 1},
                {"value": "disagree", "text": "Disagree", "score": 0},
            ]
        }
        for n in range(1, count + 1)
    ]


@pytest.mark.parametrize(
    ("score", "count"), [("start_back", 8), ("start_back", 10), ("msk_hq", 13), ("msk_hq", 1)]
)
def test_a_score_needs_all_its_items(score: str, count: int) -> None:
    data = with_pages(page("items", *_items(score, count), title="Items"))
    assert f"{score} has {SCORE_ITEMS[score]} items, found {count}" in refused(data)


@pytest.mark.parametrize("score", sorted(SCORE_ITEMS))
def test_a_score_with_all_its_items_is_valid(score: str) -> None:
    data = with_pages(page("items", *_items(score, SCORE_ITEMS[score]), title="Items"))
    questionnaire = Questionnaire.model_validate(data)
    assert len(questionnaire.score_items(score)) == SCORE_ITEMS[score]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"services": []}, "services"),
        ({"pages": []}, "pages"),
        ({"version": 0}, "version"),
        ({"id": "Sample"}, "id"),
        ({"title": ""}, "title"),
        ({"author": "me"}, "author"),
    ],
)
def test_questionnaire_field_problems(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Questionnaire.model_validate(edited(**changes))
    assert caught.value.errors()[0]["loc"][0] == field


# --- cross-checks: read_questionnaires --------------------------------------------------------


def test_the_minimal_questionnaire_has_no_problems(tmp_path: Path) -> None:
    assert problems_for(tmp_path, minimal()) == []


def test_a_missing_folder_is_an_empty_library(tmp_path: Path) -> None:
    library, problems = read_questionnaires(
        tmp_path, service_ids=SERVICES, condition_codes=CONDITIONS
    )
    assert problems == [] and dict(library.by_id) == {} and dict(library.by_service) == {}


def test_a_schema_error_names_the_file_and_field(tmp_path: Path) -> None:
    data = minimal()
    data["pages"][0]["questions"][0]["options"][0]["route"] = "pigeon"
    problems = problems_for(tmp_path, data)
    assert problems
    assert {p.file for p in problems} == {"content/questionnaires/sample.yaml"}
    assert any(p.path.startswith("pages[0].questions[0].options[0].route") for p in problems)


def test_a_model_error_names_the_file(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, _drop_role("patient_name"))
    assert len(problems) == 1
    assert problems[0].file == "content/questionnaires/sample.yaml"
    assert "role patient_name" in problems[0].message


def test_invalid_yaml_is_a_problem(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "questionnaires").mkdir(parents=True)
    (root / "questionnaires" / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    library, problems = read_questionnaires(root, service_ids=SERVICES, condition_codes=CONDITIONS)
    assert len(problems) == 1 and "not valid YAML" in problems[0].message
    assert problems[0].file == "content/questionnaires/broken.yaml"
    assert dict(library.by_id) == {}


def test_the_id_must_match_the_file_name(tmp_path: Path) -> None:
    root = tmp_path / "content"
    write(root, minimal(), name="other-name")
    problems = read_questionnaires(root, service_ids=SERVICES, condition_codes=CONDITIONS)[1]
    assert problems == [
        Problem(
            "content/questionnaires/other-name.yaml", "id", "must match the file name 'other-name'"
        )
    ]


def test_an_unknown_service_is_a_problem(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, edited(services=["alpha", "omega"]))
    assert problems == [
        Problem("content/questionnaires/sample.yaml", "services[1]", "unknown service 'omega'")
    ]


def test_a_service_used_by_two_questionnaires_is_a_problem(tmp_path: Path) -> None:
    root = tmp_path / "content"
    write(root, edited(id="aaa", services=["alpha", "beta"]))
    write(root, edited(id="bbb", services=["gamma", "beta"]))
    library, problems = read_questionnaires(root, service_ids=SERVICES, condition_codes=CONDITIONS)
    assert problems == [
        Problem("content/questionnaires/bbb.yaml", "services[1]", "beta already uses another")
    ]
    assert library.for_service("alpha").id == "aaa"  # type: ignore[union-attr]
    assert library.for_service("gamma").id == "bbb"  # type: ignore[union-attr]


def test_an_unknown_condition_code_is_a_problem(tmp_path: Path) -> None:
    question = {
        "key": "other",
        "type": "multiple_choice",
        "text": "Other?",
        "options": [
            {"value": "dizzy", "text": "Dizzy", "conditions": ["vertigo"]},
            {"value": "odd", "text": "Odd", "conditions": ["fibromyalgia", "made_up_condition"]},
        ],
    }
    problems = problems_for(tmp_path, with_pages(page("other", question)))
    assert problems == [
        Problem(
            "content/questionnaires/sample.yaml",
            "pages[6].questions[0].options[1].conditions",
            "unknown condition code 'made_up_condition' (see conditions.yaml)",
        )
    ]


def test_condition_codes_are_checked_against_the_codes_given(tmp_path: Path) -> None:
    question = {
        "key": "other",
        "type": "multiple_choice",
        "text": "Other?",
        "options": [
            {"value": "dizzy", "text": "Dizzy", "conditions": ["vertigo"]},
            {"value": "no", "text": "No"},
        ],
    }
    data = with_pages(page("other", question))
    assert problems_for(tmp_path, data) == []
    assert len(problems_for(tmp_path, data, condition_codes=frozenset())) == 1


@pytest.mark.parametrize("page_id", [*sorted(RESERVED_PAGE_IDS), "red-flag-saddle-numbness"])
def test_reserved_page_ids_are_problems(tmp_path: Path, page_id: str) -> None:
    data = with_pages(page(page_id, {"key": "extra", "type": "text", "text": "Extra"}))
    problems = problems_for(tmp_path, data)
    assert problems == [
        Problem(
            "content/questionnaires/sample.yaml",
            "pages[6].id",
            f"{page_id!r} is reserved for the journey's own pages",
        )
    ]


def test_the_red_flags_page_id_itself_is_not_reserved(tmp_path: Path) -> None:
    # "red-flags" does not start with "red-flag-": the real questionnaire uses it.
    assert problems_for(tmp_path, minimal()) == []


@pytest.mark.parametrize(("role", "page_id"), [("date_of_birth", "dob"), ("body_sites", "where")])
def test_age_and_body_sites_come_before_the_red_flags(
    tmp_path: Path, role: str, page_id: str
) -> None:
    data = minimal()
    pages = data["pages"]
    moved = next(p for p in pages if p["id"] == page_id)
    pages.remove(moved)
    pages.append(moved)
    red = next(i for i, p in enumerate(pages) if p.get("kind") == "red_flags")
    problems = problems_for(tmp_path, data)
    assert problems == [
        Problem(
            "content/questionnaires/sample.yaml",
            f"pages[{red}]",
            f"the {role} question must come before the red flags",
        )
    ]


# --- cross-checks: show_if --------------------------------------------------------------------


def _shown_if(condition: dict[str, Any], *, at: int | None = None) -> dict[str, Any]:
    return with_pages(
        page("extra", {"key": "extra", "type": "text", "text": "Extra"}, show_if=condition), at=at
    )


@pytest.mark.parametrize(
    "condition",
    [
        {"==": ["filled_in_by", "someone_else"]},
        {"in": ["duration", ["short", "unknown"]]},
        {"any_in": ["sites", ["knee", "hip"]]},
        {"any_in": ["body_sites", ["lower_back"]]},
        {">=": ["age", 16]},
        {"<": ["age", 18]},
        {"==": ["service", "beta"]},
        {"and": [{"==": ["filled_in_by", "self"]}, {"not": {"<": ["age", 18]}}]},
        {"or": [{"==": ["service", "alpha"]}, {"any_in": ["sites", ["neck"]]}]},
    ],
)
def test_valid_show_ifs(tmp_path: Path, condition: dict[str, Any]) -> None:
    assert problems_for(tmp_path, _shown_if(condition)) == []


@pytest.mark.parametrize(
    ("condition", "where", "expected"),
    [
        ({"==": ["nobody", "x"]}, "show_if.==", "unknown fact 'nobody'"),
        (
            {"==": ["filled_in_by", "martian"]},
            "show_if.==",
            "'martian' is not a value of 'filled_in_by'",
        ),
        ({"==": ["sites", "knee"]}, "show_if.==", "'==' cannot be used with 'sites'"),
        ({"any_in": ["sites", ["tail"]]}, "show_if.any_in", "'tail' is not a value of 'sites'"),
        ({"==": ["service", "omega"]}, "show_if.==", "'omega' is not a value of 'service'"),
        ({">=": ["filled_in_by", 3]}, "show_if.>=", "'>=' cannot be used with 'filled_in_by'"),
        ({"==": ["age", "old"]}, "show_if.==", "'old' is not a whole number"),
        ({"==": ["patient_name", "Ann"]}, "show_if.==", "unknown fact 'patient_name'"),
        (
            {"and": [{"==": ["filled_in_by", "self"]}, {"==": ["nobody", "x"]}]},
            "show_if.and.1.==",
            "unknown fact 'nobody'",
        ),
        (
            {"not": {"any_in": ["sites", ["wing"]]}},
            "show_if.not.any_in",
            "'wing' is not a value of 'sites'",
        ),
    ],
)
def test_show_if_problems_name_the_page_and_field(
    tmp_path: Path, condition: dict[str, Any], where: str, expected: str
) -> None:
    problems = problems_for(tmp_path, _shown_if(condition))
    assert len(problems) == 1, problems
    assert problems[0].file == "content/questionnaires/sample.yaml"
    assert problems[0].path == f"pages[6].{where}"
    assert expected in problems[0].message


def test_a_show_if_may_not_read_a_later_page(tmp_path: Path) -> None:
    # The duration question is on the last page; reading it before then is an unknown fact.
    problems = problems_for(tmp_path, _shown_if({"==": ["duration", "short"]}, at=1))
    assert [(p.path, "unknown fact 'duration'" in p.message) for p in problems] == [
        ("pages[1].show_if.==", True)
    ]


def test_a_show_if_may_not_read_its_own_page(tmp_path: Path) -> None:
    data = with_pages(page("own", choice("own", "a", "b"), show_if={"==": ["own", "a"]}))
    problems = problems_for(tmp_path, data)
    assert [p.path for p in problems] == ["pages[6].show_if.=="]
    assert "unknown fact 'own'" in problems[0].message


def test_age_is_known_only_after_the_date_of_birth(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, _shown_if({">=": ["age", 18]}, at=1))
    assert [p.path for p in problems] == ["pages[1].show_if.>="]
    assert "unknown fact 'age'" in problems[0].message


def test_yes_no_not_sure_and_number_answers_are_facts(tmp_path: Path) -> None:
    data = with_pages(
        page("ynns", {"key": "ynns", "type": "yes_no_not_sure", "text": "Y?"}),
        page("count", {"key": "count", "type": "number", "text": "N?", "minimum": 0, "maximum": 9}),
        page(
            "pain",
            {
                "key": "pain",
                "type": "pain_scale",
                "text": "P?",
                "low_label": "0",
                "high_label": "10",
            },
        ),
        page(
            "after",
            {"key": "after", "type": "text", "text": "T"},
            show_if={
                "and": [{"==": ["ynns", "not_sure"]}, {">=": ["count", 2]}, {"<": ["pain", 5]}]
            },
        ),
    )
    assert problems_for(tmp_path, data) == []
    data["pages"][-1]["show_if"] = {"==": ["ynns", "maybe"]}
    assert len(problems_for(tmp_path, data)) == 1


def test_load_questionnaires_raises_listing_every_problem(tmp_path: Path) -> None:
    root = tmp_path / "content"
    data = _shown_if({"==": ["nobody", "x"]})
    data["services"] = ["omega"]
    write(root, data)
    with pytest.raises(ContentError) as caught:
        load_questionnaires(root, service_ids=SERVICES, condition_codes=CONDITIONS)
    assert {p.path for p in caught.value.problems} == {"services[0]", "pages[6].show_if.=="}
    assert "content/questionnaires/sample.yaml" in str(caught.value)


def test_body_sites_fact_knows_every_body_site(tmp_path: Path) -> None:
    condition = {"any_in": ["body_sites", list(BODY_SITES)]}
    assert problems_for(tmp_path, _shown_if(condition)) == []


def test_a_question_may_not_take_a_built_in_fact_name(tmp_path: Path) -> None:
    data = with_pages(
        page("service-q", choice("service", "yes", "no")),
        page(
            "extra",
            {"key": "extra", "type": "text", "text": "Extra"},
            show_if={"==": ["service", "yes"]},
        ),
    )
    assert problems_for(tmp_path, data) != []
