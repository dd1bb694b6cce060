"""Scores for the questionnaires a referral may include.

STarT Back Screening Tool (9-item): copyright Keele University; free to use in clinical
care, with commercial use needing Keele's permission. Items 1 to 8 are agree (1) or
disagree (0); item 9, how bothersome the back pain has been in the last 2 weeks, is
answered on five points from "not at all" (0) to "extremely" (4) and counts 1 only for
"very much" (3) or "extremely" (4). The psychosocial (distress) subscale is items 5 to 9.

MSK-HQ (Musculoskeletal Health Questionnaire): developed by Arthritis Research UK (now
Versus Arthritis) with Keele University and the University of Oxford; copyright licensed
through Oxford University Innovation. 14 items, each scored 0 to 4, total 0 to 56;
a higher score is better health. Callers pass item scores, not answer positions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Risk = Literal["low", "medium", "high"]

START_BACK_ITEMS = 9
_AGREE_MAX = 1
_BOTHERSOME_MAX = 4
_BOTHERSOME_COUNTS_FROM = 3  # "very much" and "extremely"
_PSYCHOSOCIAL_FIRST_ITEM = 5
LOW_RISK_MAX_TOTAL = 3
HIGH_RISK_MIN_PSYCHOSOCIAL = 4

MSK_HQ_ITEMS = 14
_MSK_HQ_ITEM_MAX = 4


@dataclass(frozen=True, slots=True)
class StartBackResult:
    total: int
    psychosocial: int
    risk: Risk


def _check(tool: str, items: Sequence[int], expected: int, maxima: Sequence[int]) -> None:
    if len(items) != expected:
        raise ValueError(f"{tool} needs exactly {expected} items, got {len(items)}")
    for number, (value, maximum) in enumerate(zip(items, maxima, strict=True), start=1):
        # bool is a subclass of int; a True/False answer means a form mapped codes wrongly.
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
            raise ValueError(
                f"{tool} item {number} must be a whole number from 0 to {maximum}, got {value!r}"
            )


def start_back(items: Sequence[int]) -> StartBackResult:
    """Score the 9-item STarT Back tool: total 0-9, psychosocial 0-5, and risk group."""
    _check(
        "STarT Back",
        items,
        START_BACK_ITEMS,
        [_AGREE_MAX] * (START_BACK_ITEMS - 1) + [_BOTHERSOME_MAX],
    )
    points = [*items[:-1], int(items[-1] >= _BOTHERSOME_COUNTS_FROM)]
    total = sum(points)
    psychosocial = sum(points[_PSYCHOSOCIAL_FIRST_ITEM - 1 :])
    risk: Risk
    if total <= LOW_RISK_MAX_TOTAL:
        risk = "low"
    elif psychosocial >= HIGH_RISK_MIN_PSYCHOSOCIAL:
        risk = "high"
    else:
        risk = "medium"
    return StartBackResult(total=total, psychosocial=psychosocial, risk=risk)


def msk_hq(items: Sequence[int]) -> int:
    """Total the 14 MSK-HQ item scores: 0 to 56, higher is better."""
    _check("MSK-HQ", items, MSK_HQ_ITEMS, [_MSK_HQ_ITEM_MAX] * MSK_HQ_ITEMS)
    return sum(items)
