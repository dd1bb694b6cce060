"""content/red_flags.yaml: the real file is complete and cited, and a broken copy is refused
with the file, the field and what was expected."""

from __future__ import annotations

import shutil
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest
import yaml

from webapp.content import ContentError
from webapp.content.common import DECISION_SOURCE, SEED_SOURCE, source_parts
from webapp.content.loader import DEFAULT_ROOT
from webapp.content.red_flags import (
    BODY_SITES,
    GUIDANCE_SOURCE,
    check_red_flags,
    load_red_flags,
)
from webapp.content.yaml_io import read_yaml

FILE = "content/red_flags.yaml"
ISSUE_4_KEYS = {
    "saddle_numbness", "bladder_change", "bowel_change", "sexual_dysfunction_new",
    "both_legs_symptoms", "leg_weakness_progressive", "cancer_history",
    "weight_loss_unexplained", "night_pain_constant", "fever_unwell", "hot_swollen_joint",
    "recent_trauma", "cannot_bear_weight", "immunosuppressed_or_injects_drugs",
    "thoracic_pain_new", "new_headache", "jaw_pain_chewing", "scalp_tenderness",
    "vision_change", "morning_stiffness_over_30min", "multiple_swollen_joints",
    "severe_radicular_pain_new",
}  # fmt: skip
# The seeds that name red flags, so each must be cited by at least one rule.
SEEDS_NAMING_RED_FLAGS = {
    "000_fbc9cdd622a3ad15.txt", "001_7a3287662f2ad092.txt", "002_9f9344711de30ddb.txt",
    "003_55f8807176bc92cd.txt", "004_f0d5cd13ada09652.txt",
}  # fmt: skip
RULES = load_red_flags()


class TestTheRealFile:
    def test_has_no_problems(self):
        assert check_red_flags() == []

    def test_is_read_once_and_shared(self):
        assert load_red_flags() is load_red_flags(DEFAULT_ROOT)

    def test_asks_exactly_the_keys_issue_4_lists(self):
        assert set(RULES.keys) == ISSUE_4_KEYS

    @pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in RULES.rules])
    def test_every_rule_cites_a_source_that_can_be_looked_up(self, rule):
        parts = source_parts(rule.source)
        assert parts
        for part in parts:
            guidance = GUIDANCE_SOURCE.match(part)
            assert guidance or SEED_SOURCE.match(part) or DECISION_SOURCE.match(part), part
            if guidance:
                assert guidance["guidance"] in RULES.guidance

    @pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in RULES.rules])
    def test_every_rule_cites_national_guidance_or_a_seed_section(self, rule):
        parts = source_parts(rule.source)
        assert any(GUIDANCE_SOURCE.match(part) or SEED_SOURCE.match(part) for part in parts)

    def test_every_guidance_document_is_cited_by_a_rule(self):
        cited = {
            match["guidance"]
            for rule in RULES.rules
            for part in source_parts(rule.source)
            if (match := GUIDANCE_SOURCE.match(part))
        }
        assert cited == set(RULES.guidance)

    def test_every_seed_that_names_red_flags_is_cited(self):
        cited = {
            match["seed"]
            for rule in RULES.rules
            for part in source_parts(rule.source)
            if (match := SEED_SOURCE.match(part))
        }
        assert cited == SEEDS_NAMING_RED_FLAGS

    @pytest.mark.parametrize("key", sorted(ISSUE_4_KEYS))
    def test_every_key_is_asked_for_at_least_one_body_site(self, key):
        (question,) = [q for q in RULES.questions if q.key == key]
        assert any(question.is_asked_for(frozenset({site})) for site in BODY_SITES)

    @pytest.mark.parametrize("site", BODY_SITES)
    def test_every_body_site_is_asked_something(self, site):
        assert any(q.is_asked_for(frozenset({site})) for q in RULES.questions)

    def test_question_text_is_one_plain_question(self):
        for question in RULES.questions:
            assert question.text.endswith("?") and question.text.count("?") == 1, question.key

    def test_each_disposition_has_rules_and_none_is_routine(self):
        assert {rule.disposition for rule in RULES.rules} == {
            "EMERGENCY",
            "URGENT_SAME_DAY",
            "PRIORITY",
        }


def _set(data: Any, path: tuple[str | int, ...], value: object) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = deepcopy(value)


DELETE = object()


class RedFlagsFolder:
    """A content folder holding sources.yaml and a copy of the real red_flags.yaml."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir()
        shutil.copy(DEFAULT_ROOT / "sources.yaml", root / "sources.yaml")
        self.data: Any = read_yaml(DEFAULT_ROOT / "red_flags.yaml")

    def write(self, edits: dict[tuple[str | int, ...], object] | None = None) -> None:
        data = deepcopy(self.data)
        for path, value in (edits or {}).items():
            _set(data, path, value)
        # PyYAML quotes yes/no when dumping, so they read back as text, not booleans.
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (self.root / "red_flags.yaml").write_text(text, encoding="utf-8")

    def problems(self) -> list[str]:
        return check_red_flags(self.root)


@pytest.fixture
def folder(tmp_path: Path) -> RedFlagsFolder:
    return RedFlagsFolder(tmp_path / "content")


def rule_when(condition: object) -> dict[tuple[str | int, ...], object]:
    return {("rules", 0, "when"): condition}


class TestBrokenFilesAreRefused:
    def test_an_unchanged_copy_passes(self, folder):
        folder.write()
        assert folder.problems() == []
        assert load_red_flags(folder.root).keys == RULES.keys

    @pytest.mark.parametrize(
        ("edits", "expected"),
        [
            pytest.param(
                rule_when({"!=": ["saddle_numbness", "yes"]}),
                "rules[0].when: Value error, unknown operator '!='",
                id="an operator outside the fixed set",
            ),
            pytest.param(
                rule_when({"==": ["saddle_numbness", "yes"], "in": ["bladder_change", ["yes"]]}),
                "rules[0].when: Value error, a condition is a mapping with exactly one operator",
                id="two operators in one condition",
            ),
            pytest.param(
                rule_when({"or": [{"==": ["sadle_numbness", "yes"]}]}),
                "rules[0].when.or[0].==: unknown fact 'sadle_numbness'",
                id="a misspelt answer key names its place in the tree",
            ),
            pytest.param(
                rule_when({"==": ["saddle_numbness", "maybe"]}),
                "rules[0].when.==: 'maybe' is not a value of 'saddle_numbness'",
                id="an answer other than yes no or not sure",
            ),
            pytest.param(
                rule_when({"==": ["saddle_numbness", True]}),
                "rules[0].when.==[1]: Value error, a value is a code or a whole number, got True",
                id="a boolean where an answer code belongs",
            ),
            pytest.param(
                rule_when({"any_in": ["body_sites", ["lower_back", "back"]]}),
                "rules[0].when.any_in: 'back' is not a value of 'body_sites'",
                id="an unknown body site in a rule",
            ),
            pytest.param(
                rule_when({"any_in": ["saddle_numbness", ["yes"]]}),
                "rules[0].when.any_in: 'any_in' cannot be used with 'saddle_numbness'",
                id="any in on an answer rather than the body sites",
            ),
            pytest.param(
                rule_when({">=": ["body_sites", 50]}),
                "rules[0].when.>=: '>=' cannot be used with 'body_sites'",
                id="a number comparison on the body sites",
            ),
            pytest.param(
                rule_when({">=": ["age", "50"]}),
                "rules[0].when.>=[1]: Input should be a valid integer",
                id="an age limit written as text",
            ),
            pytest.param(
                rule_when({"==": ["age", "fifty"]}),
                "rules[0].when.==: 'fifty' is not a whole number",
                id="an age compared with a word",
            ),
            pytest.param(
                rule_when({"and": []}),
                "rules[0].when.and: Tuple should have at least 1 item",
                id="an empty and",
            ),
            pytest.param(
                {("rules", 0, "disposition"): "ROUTINE"},
                "rules[0].disposition: Input should be 'EMERGENCY', 'URGENT_SAME_DAY' or",
                id="routine is what is left, never a rule's disposition",
            ),
            pytest.param(
                {("rules", 0, "source"): DELETE},
                "rules[0].source: Field required",
                id="a rule without a source",
            ),
            pytest.param(
                {("rules", 0, "source"): "NICE says so"},
                "rules[0].source: Value error, a source reads",
                id="a source that names no section",
            ),
            pytest.param(
                {("rules", 0, "source"): "NICE-NG999 §1.1.1"},
                "rules[0].source: 'NICE-NG999' is not in guidance",
                id="guidance that is not in the register",
            ),
            pytest.param(
                {("rules", 0, "source"): "999_0123456789abcdef.txt §1"},
                "rules[0].source: unknown seed file '999_0123456789abcdef.txt'",
                id="a seed file that is not in sources yaml",
            ),
            pytest.param(
                {("rules", 0, "source"): "decision D-99"},
                "rules[0].source: unknown decision 'D-99'",
                id="a decision that is not in sources yaml",
            ),
            pytest.param(
                {("rules", 1, "id"): "cauda_equina_syndrome_suspected"},
                "rules[1].id: 'cauda_equina_syndrome_suspected' is written twice",
                id="two rules with one id",
            ),
            pytest.param(
                {("rules", 0, "label"): "Cauda equina"},
                "rules[0].label: Extra inputs are not permitted",
                id="an unknown field is refused rather than ignored",
            ),
            pytest.param(
                {("questions", 1, "key"): "saddle_numbness"},
                "questions[1].key: 'saddle_numbness' is written twice",
                id="two questions with one key",
            ),
            pytest.param(
                {("questions", 0, "asked_for"): ["lower_back", "bottom"]},
                "questions[0].asked_for[1]: Input should be",
                id="an unknown body site a question is asked for",
            ),
            pytest.param(
                {("questions", 0, "asked_for"): ["all", "knee"]},
                "questions[0]: Value error, 'all' already covers every body site",
                id="all beside a named site",
            ),
            pytest.param(
                {("questions", 0, "asked_for"): []},
                "questions[0].asked_for: Tuple should have at least 1 item",
                id="a question asked for no site",
            ),
            pytest.param(
                {("questions", 0, "text"): "   "},
                "questions[0].text: String should have at least 1 character",
                id="empty question text",
            ),
            pytest.param(
                {
                    ("questions", 22): {
                        "key": "tingling",
                        "text": "red_flags.tingling",
                        "asked_for": ["all"],
                    }
                },
                "questions[22].key: no rule reads this answer, so do not ask it",
                id="a question no rule reads",
            ),
            pytest.param(
                {("questions", 22): {"key": "age", "text": "red_flags.age", "asked_for": ["all"]}},
                "questions[22].key: 'age' is a fact name, not a key",
                id="a question that would hide the age fact",
            ),
            pytest.param(
                {("guidance", "NICE-NG59", "url"): "www.nice.org.uk/guidance/ng59"},
                "guidance.NICE-NG59.url: String should match pattern",
                id="guidance without a full https address",
            ),
        ],
    )
    def test_problem_names_file_field_and_expectation(self, folder, edits, expected):
        if ("questions", 22) in edits:
            folder.data["questions"].append(None)
        folder.write(edits)

        problems = folder.problems()

        assert any(p.startswith(f"{FILE}: {expected}") for p in problems), problems

    def test_every_problem_is_reported_not_just_the_first(self, folder):
        folder.write(
            {
                ("rules", 0, "when"): {"==": ["sadle_numbness", "yes"]},
                ("rules", 1, "when"): {"==": ["bladder_change", "perhaps"]},
            }
        )

        with pytest.raises(ContentError) as raised:
            load_red_flags(folder.root)

        paths = {problem.path for problem in raised.value.problems}
        assert {"rules[0].when.==", "rules[1].when.=="} <= paths
        assert {problem.file for problem in raised.value.problems} == {FILE}


class TestUnreadableFiles:
    def test_a_missing_file_is_named(self, folder):
        assert folder.problems() == [f"{FILE}: (whole file): the file is missing"]

    def test_yaml_syntax_error_names_the_line(self, folder):
        (folder.root / "red_flags.yaml").write_text("questions: [\n", encoding="utf-8")

        (problem,) = folder.problems()
        assert problem.startswith(f"{FILE}: (whole file): not valid YAML: line 2")

    def test_a_key_written_twice_is_an_error_not_an_overwrite(self, folder):
        (folder.root / "red_flags.yaml").write_text("rules: []\nrules: []\n", encoding="utf-8")

        assert folder.problems() == [
            f"{FILE}: (whole file): not valid YAML: line 2: key 'rules' is written twice"
        ]

    def test_unquoted_yes_and_no_stay_answers_not_booleans(self, folder):
        folder.write()
        path = folder.root / "red_flags.yaml"
        path.write_text(path.read_text().replace("'yes'", "yes").replace("'no'", "no"))

        assert folder.problems() == []

    def test_without_sources_yaml_the_citations_cannot_be_checked_so_it_does_not_load(self, folder):
        folder.write()
        (folder.root / "sources.yaml").unlink()

        assert folder.problems() == [
            f"{FILE}: (whole file): cannot check the seeds and decisions cited"
        ]
        with pytest.raises(ContentError):
            load_red_flags(folder.root)
