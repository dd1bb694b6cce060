"""The rule engine: a truth table for every operator, and loud failures for misuse.

Conditions are written as content writes them (plain mappings) and parsed by the content
schema, so these tables also pin the shape rules are written in."""

import pytest
from pydantic import TypeAdapter

from webapp.content.rules import OPERATORS, Condition
from webapp.domain.rules import HANDLERS, evaluate

PARSE: TypeAdapter[Condition] = TypeAdapter(Condition)
TRUE = {"==": ["answer", "yes"]}
FALSE = {"==": ["answer", "no"]}


def holds(condition: object, **facts: object) -> bool:
    defaults = {"answer": "yes", "age": 50, "body_sites": frozenset({"knee", "hip"})}
    return evaluate(PARSE.validate_python(condition), {**defaults, **facts})


class TestEquals:
    @pytest.mark.parametrize(
        ("condition", "answer", "expected"),
        [
            pytest.param(["answer", "yes"], "yes", True, id="yes equals yes"),
            pytest.param(["answer", "yes"], "no", False, id="no does not equal yes"),
            pytest.param(["answer", "yes"], "not_sure", False, id="not sure does not equal yes"),
            pytest.param(["answer", "not_sure"], "not_sure", True, id="not sure equals not sure"),
            pytest.param(["answer", "yes"], "Yes", False, id="comparison is exact, not by case"),
        ],
    )
    def test_an_answer_equals_a_code(self, condition, answer, expected):
        assert holds({"==": condition}, answer=answer) is expected

    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            pytest.param(50, True, id="50 equals 50"),
            pytest.param(49, False, id="49 does not equal 50"),
        ],
    )
    def test_a_number_equals_a_whole_number(self, age, expected):
        assert holds({"==": ["age", 50]}, age=age) is expected

    def test_a_number_never_equals_the_same_digits_as_text(self):
        assert holds({"==": ["age", "50"]}, age=50) is False


class TestIn:
    @pytest.mark.parametrize(
        ("answer", "expected"),
        [
            pytest.param("yes", True, id="yes is in yes or not sure"),
            pytest.param("not_sure", True, id="not sure is in yes or not sure"),
            pytest.param("no", False, id="no is not in yes or not sure"),
        ],
    )
    def test_an_answer_is_one_of_several_codes(self, answer, expected):
        assert holds({"in": ["answer", ["yes", "not_sure"]]}, answer=answer) is expected

    def test_a_single_code_list_behaves_like_equals(self):
        assert holds({"in": ["answer", ["yes"]]}, answer="yes")
        assert not holds({"in": ["answer", ["yes"]]}, answer="no")


class TestAnyIn:
    @pytest.mark.parametrize(
        ("sites", "expected"),
        [
            pytest.param({"lower_back"}, True, id="one site that is listed"),
            pytest.param({"knee", "lower_back"}, True, id="one listed site among others"),
            pytest.param({"upper_back", "lower_back"}, True, id="every site listed"),
            pytest.param({"knee"}, False, id="no site that is listed"),
            pytest.param(set(), False, id="no sites at all"),
        ],
    )
    def test_any_of_the_facts_codes_is_listed(self, sites, expected):
        condition = {"any_in": ["body_sites", ["lower_back", "upper_back"]]}
        assert holds(condition, body_sites=frozenset(sites)) is expected


class TestLess:
    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            pytest.param(15, True, id="15 is under 16"),
            pytest.param(16, False, id="16 is not under 16"),
            pytest.param(17, False, id="17 is not under 16"),
            pytest.param(0, True, id="a newborn is under 16"),
        ],
    )
    def test_strictly_below_the_limit(self, age, expected):
        assert holds({"<": ["age", 16]}, age=age) is expected


class TestAtLeast:
    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            pytest.param(49, False, id="49 is not 50 or over"),
            pytest.param(50, True, id="50 is 50 or over"),
            pytest.param(51, True, id="51 is 50 or over"),
        ],
    )
    def test_at_or_above_the_limit(self, age, expected):
        assert holds({">=": ["age", 50]}, age=age) is expected


class TestAnd:
    @pytest.mark.parametrize(
        ("parts", "expected"),
        [
            pytest.param([TRUE, TRUE], True, id="true and true is true"),
            pytest.param([TRUE, FALSE], False, id="true and false is false"),
            pytest.param([FALSE, TRUE], False, id="false and true is false"),
            pytest.param([FALSE, FALSE], False, id="false and false is false"),
            pytest.param([TRUE], True, id="one true part is true"),
            pytest.param([TRUE, TRUE, FALSE], False, id="one false part among three is false"),
        ],
    )
    def test_every_part_must_hold(self, parts, expected):
        assert holds({"and": parts}) is expected


class TestOr:
    @pytest.mark.parametrize(
        ("parts", "expected"),
        [
            pytest.param([TRUE, TRUE], True, id="true or true is true"),
            pytest.param([TRUE, FALSE], True, id="true or false is true"),
            pytest.param([FALSE, TRUE], True, id="false or true is true"),
            pytest.param([FALSE, FALSE], False, id="false or false is false"),
            pytest.param([FALSE], False, id="one false part is false"),
            pytest.param([FALSE, FALSE, TRUE], True, id="one true part among three is true"),
        ],
    )
    def test_one_part_is_enough(self, parts, expected):
        assert holds({"or": parts}) is expected


class TestNot:
    @pytest.mark.parametrize(
        ("part", "expected"),
        [
            pytest.param(TRUE, False, id="not true is false"),
            pytest.param(FALSE, True, id="not false is true"),
            pytest.param({"not": TRUE}, True, id="not not true is true"),
        ],
    )
    def test_negates(self, part, expected):
        assert holds({"not": part}) is expected


class TestNesting:
    CONDITION = {  # noqa: RUF012 - read-only test data
        "and": [
            {">=": ["age", 50]},
            {"or": [{"==": ["answer", "yes"]}, {"any_in": ["body_sites", ["neck"]]}]},
            {"not": {"<": ["age", 18]}},
        ]
    }

    @pytest.mark.parametrize(
        ("facts", "expected"),
        [
            pytest.param({"age": 60, "answer": "yes"}, True, id="old enough and yes"),
            pytest.param(
                {"age": 60, "answer": "no", "body_sites": frozenset({"neck"})},
                True,
                id="old enough and the neck instead of yes",
            ),
            pytest.param({"age": 60, "answer": "no"}, False, id="old enough but neither"),
            pytest.param({"age": 40, "answer": "yes"}, False, id="yes but too young"),
        ],
    )
    def test_operators_combine_at_any_depth(self, facts, expected):
        assert holds(self.CONDITION, **facts) is expected


class TestTheHandlerTable:
    def test_there_is_exactly_one_handler_per_operator(self):
        assert len(HANDLERS) == len(OPERATORS) == 8

    def test_code_in_a_literal_is_only_ever_compared_never_run(self):
        condition = {"==": ["answer", "__import__('os').system('false')"]}
        assert holds(condition, answer="__import__('os').system('false')") is True
        assert holds(condition, answer="yes") is False


class TestMisuseFailsLoudly:
    """Content is checked when it loads, so these can only be programming errors."""

    def test_a_fact_that_was_not_given_raises(self):
        with pytest.raises(KeyError, match="'saddle_numbness'"):
            evaluate(PARSE.validate_python({"==": ["saddle_numbness", "yes"]}), {})

    @pytest.mark.parametrize(
        ("condition", "facts"),
        [
            pytest.param({"<": ["age", 16]}, {"age": "15"}, id="a number operator on text"),
            pytest.param({">=": ["age", 50]}, {"age": True}, id="a number operator on true"),
            pytest.param(
                {"any_in": ["body_sites", ["knee"]]}, {"body_sites": "knee"}, id="any_in on text"
            ),
            pytest.param(
                {"==": ["body_sites", "knee"]},
                {"body_sites": frozenset({"knee"})},
                id="equals on a set of codes",
            ),
            pytest.param(
                {"in": ["body_sites", ["knee"]]},
                {"body_sites": frozenset({"knee"})},
                id="in on a set of codes",
            ),
        ],
    )
    def test_a_fact_of_the_wrong_kind_raises_rather_than_answering_false(self, condition, facts):
        with pytest.raises(TypeError):
            evaluate(PARSE.validate_python(condition), facts)
