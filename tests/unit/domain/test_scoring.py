"""STarT Back and MSK-HQ scoring. Expected scores are worked out by hand from Keele's
published scoring: total = items 1-8 + item 9 counted only for "very much" or
"extremely"; psychosocial = items 5-9 the same way; total 0-3 low, otherwise
psychosocial 4-5 high, else medium."""

import itertools

import pytest

from webapp.domain.scoring import StartBackResult, msk_hq, start_back

NOT_AT_ALL, SLIGHTLY, MODERATELY, VERY_MUCH, EXTREMELY = range(5)

ALL_START_BACK_ANSWERS = [
    (*agreed, bothersome)
    for agreed in itertools.product((0, 1), repeat=8)
    for bothersome in range(5)
]


class TestStartBack:
    @pytest.mark.parametrize(
        ("items", "total", "psychosocial", "risk"),
        [
            pytest.param(
                [0, 0, 0, 0, 0, 0, 0, 0, NOT_AT_ALL],
                0,
                0,
                "low",
                id="disagreeing with everything and not bothered is low risk",
            ),
            pytest.param(
                [1, 1, 1, 0, 0, 0, 0, 0, NOT_AT_ALL],
                3,
                0,
                "low",
                id="a total of 3 is still low risk",
            ),
            pytest.param(
                [0, 0, 0, 0, 1, 1, 1, 0, NOT_AT_ALL],
                3,
                3,
                "low",
                id="a total of 3 is low risk even when all 3 are psychosocial",
            ),
            pytest.param(
                [1, 1, 1, 1, 0, 0, 0, 0, NOT_AT_ALL],
                4,
                0,
                "medium",
                id="a total of 4 with no psychosocial items is medium risk",
            ),
            pytest.param(
                [1, 0, 0, 0, 1, 1, 1, 0, NOT_AT_ALL],
                4,
                3,
                "medium",
                id="a total of 4 with psychosocial 3 is medium risk",
            ),
            pytest.param(
                [0, 0, 0, 0, 1, 1, 1, 1, NOT_AT_ALL],
                4,
                4,
                "high",
                id="a total of 4 with psychosocial 4 is high risk",
            ),
            pytest.param(
                [0, 0, 0, 0, 1, 1, 1, 0, VERY_MUCH],
                4,
                4,
                "high",
                id="very much bothersome makes the fourth psychosocial point",
            ),
            pytest.param(
                [1, 1, 1, 1, 1, 1, 1, 0, MODERATELY],
                7,
                3,
                "medium",
                id="a high total with psychosocial 3 is only medium risk",
            ),
            pytest.param(
                [1, 1, 1, 1, 1, 1, 1, 0, EXTREMELY],
                8,
                4,
                "high",
                id="extremely bothersome lifts psychosocial from 3 to 4 and risk to high",
            ),
            pytest.param(
                [1, 1, 1, 1, 1, 1, 1, 1, SLIGHTLY],
                8,
                4,
                "high",
                id="agreeing with items 1 to 8 is high risk however bothersome",
            ),
            pytest.param(
                [1, 1, 1, 1, 1, 1, 1, 1, EXTREMELY],
                9,
                5,
                "high",
                id="agreeing with everything and extremely bothered scores 9 and 5",
            ),
            pytest.param(
                (0, 1, 0, 1, 0, 1, 0, 1, VERY_MUCH),
                5,
                3,
                "medium",
                id="a tuple is scored the same as a list",
            ),
        ],
    )
    def test_scores_and_risk_follow_keele_rules(
        self, items: list[int], total: int, psychosocial: int, risk: str
    ) -> None:
        assert start_back(items) == StartBackResult(total, psychosocial, risk)

    @pytest.mark.parametrize(
        ("bothersome", "counts"),
        [
            pytest.param(NOT_AT_ALL, 0, id="not at all does not count"),
            pytest.param(SLIGHTLY, 0, id="slightly does not count"),
            pytest.param(MODERATELY, 0, id="moderately does not count"),
            pytest.param(VERY_MUCH, 1, id="very much counts one"),
            pytest.param(EXTREMELY, 1, id="extremely counts one"),
        ],
    )
    def test_only_very_much_or_extremely_bothersome_counts(
        self, bothersome: int, counts: int
    ) -> None:
        alone = start_back([0, 0, 0, 0, 0, 0, 0, 0, bothersome])
        assert (alone.total, alone.psychosocial, alone.risk) == (counts, counts, "low")

        at_low_boundary = start_back([1, 1, 1, 0, 0, 0, 0, 0, bothersome])
        assert at_low_boundary.risk == ("medium" if counts else "low")

        at_high_boundary = start_back([1, 1, 1, 0, 1, 1, 1, 0, bothersome])
        assert at_high_boundary.psychosocial == 3 + counts
        assert at_high_boundary.risk == ("high" if counts else "medium")

    @pytest.mark.parametrize(
        "item", [pytest.param(n, id=f"item {n} is psychosocial") for n in range(5, 9)]
    )
    def test_items_5_to_8_count_towards_psychosocial(self, item: int) -> None:
        items = [0] * 9
        items[item - 1] = 1
        assert start_back(items) == StartBackResult(1, 1, "low")

    @pytest.mark.parametrize(
        "item", [pytest.param(n, id=f"item {n} is physical only") for n in range(1, 5)]
    )
    def test_items_1_to_4_count_towards_total_only(self, item: int) -> None:
        items = [0] * 9
        items[item - 1] = 1
        assert start_back(items) == StartBackResult(1, 0, "low")

    def test_the_result_cannot_be_changed(self) -> None:
        result = start_back([0] * 9)
        with pytest.raises(AttributeError):
            result.risk = "high"

    @pytest.mark.parametrize(
        ("items", "message"),
        [
            pytest.param([], "exactly 9 items, got 0", id="no answers"),
            pytest.param([0] * 8, "exactly 9 items, got 8", id="eight answers"),
            pytest.param([0] * 10, "exactly 9 items, got 10", id="ten answers"),
            pytest.param([2, 0, 0, 0, 0, 0, 0, 0, 0], "item 1 ", id="item 1 of 2"),
            pytest.param([-1, 0, 0, 0, 0, 0, 0, 0, 0], "item 1 ", id="item 1 of minus one"),
            pytest.param([0, 0, 0, 0, 0, 0, 0, 2, 0], "item 8 ", id="item 8 of 2"),
            pytest.param([0, 0, 0, 0, 0, 0, 0, 0, 5], "item 9 ", id="item 9 of 5"),
            pytest.param([0, 0, 0, 0, 0, 0, 0, 0, -1], "item 9 ", id="item 9 of minus one"),
            pytest.param([0, 0, True, 0, 0, 0, 0, 0, 0], "item 3 ", id="item 3 as true"),
            pytest.param([0, 0, 0, 0, 0, 0, 0, 0, False], "item 9 ", id="item 9 as false"),
            pytest.param([0, 0, 0, 0, 1.0, 0, 0, 0, 0], "item 5 ", id="item 5 as a float"),
            pytest.param([0, 0, 0, 0, 0, "1", 0, 0, 0], "item 6 ", id="item 6 as text"),
            pytest.param([0, 0, 0, 0, 0, 0, None, 0, 0], "item 7 ", id="item 7 missing as none"),
            pytest.param("000000000", "item 1 ", id="a string of nine digits"),
        ],
    )
    def test_invalid_answers_are_refused_naming_the_problem(
        self, items: list[int], message: str
    ) -> None:
        with pytest.raises(ValueError, match=message):
            start_back(items)


class TestStartBackExhaustively:
    """All 2**8 * 5 = 1280 possible answer sets."""

    def test_there_are_1280_answer_sets(self) -> None:
        assert len(set(ALL_START_BACK_ANSWERS)) == 1280

    def test_scores_stay_in_range_and_psychosocial_is_part_of_total(self) -> None:
        for items in ALL_START_BACK_ANSWERS:
            result = start_back(items)
            assert 0 <= result.psychosocial <= 5, items
            assert 0 <= result.total <= 9, items
            assert result.psychosocial <= result.total, items

    def test_scores_match_a_direct_count(self) -> None:
        for items in ALL_START_BACK_ANSWERS:
            bothered = 1 if items[8] in (VERY_MUCH, EXTREMELY) else 0
            result = start_back(items)
            assert result.total == sum(items[:8]) + bothered, items
            assert result.psychosocial == sum(items[4:8]) + bothered, items

    def test_risk_follows_the_rule(self) -> None:
        for items in ALL_START_BACK_ANSWERS:
            result = start_back(items)
            if result.total <= 3:
                assert result.risk == "low", items
            elif result.psychosocial >= 4:
                assert result.risk == "high", items
            else:
                assert result.risk == "medium", items

    def test_agreeing_with_one_more_statement_never_lowers_risk(self) -> None:
        order = {"low": 0, "medium": 1, "high": 2}
        for items in ALL_START_BACK_ANSWERS:
            before = order[start_back(items).risk]
            for i in range(8):
                if items[i] == 0:
                    more = (*items[:i], 1, *items[i + 1 :])
                    assert order[start_back(more).risk] >= before, (items, i)
            if items[8] < EXTREMELY:
                worse = (*items[:8], items[8] + 1)
                assert order[start_back(worse).risk] >= before, items

    def test_every_risk_group_is_reachable(self) -> None:
        assert {start_back(items).risk for items in ALL_START_BACK_ANSWERS} == {
            "low",
            "medium",
            "high",
        }


class TestMskHq:
    @pytest.mark.parametrize(
        ("items", "expected"),
        [
            pytest.param([0] * 14, 0, id="the worst answer to every item scores 0"),
            pytest.param([4] * 14, 56, id="the best answer to every item scores 56"),
            pytest.param(
                [4, 3, 2, 1, 0, 4, 3, 2, 1, 0, 4, 3, 2, 1],
                30,
                id="a mixed set of answers is their sum",
            ),
            pytest.param([2] * 14, 28, id="the middle answer to every item scores 28"),
            pytest.param(tuple([0] * 13 + [4]), 4, id="a tuple is scored the same as a list"),
        ],
    )
    def test_total_is_the_sum_of_item_scores(self, items: list[int], expected: int) -> None:
        assert msk_hq(items) == expected

    @pytest.mark.parametrize(
        ("items", "message"),
        [
            pytest.param([], "exactly 14 items, got 0", id="no answers"),
            pytest.param([0] * 13, "exactly 14 items, got 13", id="thirteen answers"),
            pytest.param([0] * 15, "exactly 14 items, got 15", id="fifteen answers"),
            pytest.param([-1] + [0] * 13, "item 1 ", id="item 1 of minus one"),
            pytest.param([0] * 13 + [5], "item 14 ", id="item 14 of 5"),
            pytest.param([0] * 6 + [True] + [0] * 7, "item 7 ", id="item 7 as true"),
            pytest.param([0] * 9 + [2.0] + [0] * 4, "item 10 ", id="item 10 as a float"),
            pytest.param([0] * 11 + [None] + [0] * 2, "item 12 ", id="item 12 missing as none"),
        ],
    )
    def test_invalid_answers_are_refused_naming_the_problem(
        self, items: list[int], message: str
    ) -> None:
        with pytest.raises(ValueError, match=message):
            msk_hq(items)
