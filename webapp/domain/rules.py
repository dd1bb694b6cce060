"""The one small rule engine: is a content condition true of these facts?

Facts are a flat mapping: codes (answers such as ``saddle_numbness: yes``), whole numbers
(``age``) and sets of codes (``body_sites``). The operators are fixed, one handler each in
``HANDLERS``; nothing is ever ``eval``-ed. Content is checked when it loads, so a missing
fact or a fact of the wrong kind here is a programming error and raises, never a quiet False.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from webapp.content.rules import (
    All,
    AnyIn,
    AnyOf,
    AtLeast,
    Condition,
    Equals,
    In,
    Less,
    Not,
)

FactValue = str | int | frozenset[str]
Facts = Mapping[str, FactValue]


def _fact(facts: Facts, name: str) -> FactValue:
    try:
        return facts[name]
    except KeyError:
        raise KeyError(f"the condition needs the fact {name!r}, which was not given") from None


def _scalar(facts: Facts, name: str) -> str | int:
    value = _fact(facts, name)
    if isinstance(value, frozenset):
        raise TypeError(f"the fact {name!r} is a set of codes: compare it with any_in")
    return value


def _number(facts: Facts, name: str) -> int:
    value = _fact(facts, name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"the fact {name!r} must be a whole number, got {value!r}")
    return value


def _codes(facts: Facts, name: str) -> frozenset[str]:
    value = _fact(facts, name)
    if not isinstance(value, frozenset):
        raise TypeError(f"the fact {name!r} must be a set of codes, got {value!r}")
    return value


def _equals(condition: Equals, facts: Facts) -> bool:
    return _scalar(facts, condition.fact) == condition.value


def _in(condition: In, facts: Facts) -> bool:
    return _scalar(facts, condition.fact) in condition.values


def _any_in(condition: AnyIn, facts: Facts) -> bool:
    return not _codes(facts, condition.fact).isdisjoint(condition.values)


def _less(condition: Less, facts: Facts) -> bool:
    return _number(facts, condition.fact) < condition.limit


def _at_least(condition: AtLeast, facts: Facts) -> bool:
    return _number(facts, condition.fact) >= condition.limit


def _all(condition: All, facts: Facts) -> bool:
    return all(evaluate(part, facts) for part in condition.conditions)


def _any(condition: AnyOf, facts: Facts) -> bool:
    return any(evaluate(part, facts) for part in condition.conditions)


def _not(condition: Not, facts: Facts) -> bool:
    return not evaluate(condition.condition, facts)


# One entry per operator: a new operator is one handler and one line here (and its model).
HANDLERS: Mapping[type[Any], Callable[[Any, Facts], bool]] = MappingProxyType(
    {
        Equals: _equals,
        In: _in,
        AnyIn: _any_in,
        Less: _less,
        AtLeast: _at_least,
        All: _all,
        AnyOf: _any,
        Not: _not,
    }
)


def evaluate(condition: Condition, facts: Facts) -> bool:
    """True when ``condition`` holds for ``facts``."""
    return HANDLERS[type(condition)](condition, facts)
