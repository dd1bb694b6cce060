"""Conditions as data: the fixed operator set every rule in content is written in.

A condition is a mapping with exactly one operator as its key::

    {"==": [saddle_numbness, yes]}          {in: [cancer_history, [yes, not_sure]]}
    {any_in: [body_sites, [lower_back]]}    {"<": [age, 16]}    {">=": [age, 50]}
    {and: [...]}    {or: [...]}    {not: {...}}

Comparisons name one fact and give a literal, so a rule never compares two answers or
computes anything. Shapes are checked by pydantic; ``check_condition`` then checks each
fact is known and used with an operator and values that fit it. The engine that
evaluates conditions is ``webapp.domain.rules``; nothing here runs a rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Literal, get_args

from pydantic import Field, PlainValidator, StrictInt, StrictStr

from webapp.content.common import Code, Frozen

Operator = Literal["==", "in", "any_in", "<", ">=", "and", "or", "not"]
OPERATORS: tuple[Operator, ...] = get_args(Operator)


def _literal(value: object) -> str | int:
    # One check instead of a str | int union, so a wrong value gets one clear message.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"a value is a code or a whole number, got {value!r}")
    return value


Scalar = Annotated[str | int, PlainValidator(_literal)]
Location = tuple[str | int, ...]  # a field path as pydantic reports it, e.g. ("rules", 0, "when")


class Compare(Frozen):
    """One fact against one literal (``==``, ``<``, ``>=``); subclasses name the operator."""

    operands: tuple[str, str | int]

    @property
    def fact(self) -> str:
        return self.operands[0]

    @property
    def value(self) -> str | int:
        return self.operands[1]


class Equals(Compare):
    operands: tuple[Code, Scalar] = Field(alias="==")


class Threshold(Compare):
    """A number fact against a whole-number limit (``<``, ``>=``)."""

    operands: tuple[str, int]

    @property
    def limit(self) -> int:
        return self.operands[1]


class Less(Threshold):
    operands: tuple[Code, StrictInt] = Field(alias="<")


class AtLeast(Threshold):
    operands: tuple[Code, StrictInt] = Field(alias=">=")


class Membership(Frozen):
    """One fact against a list of literals (``in``, ``any_in``); subclasses name the operator."""

    operands: tuple[str, tuple[str | int, ...]]

    @property
    def fact(self) -> str:
        return self.operands[0]

    @property
    def values(self) -> tuple[str | int, ...]:
        return self.operands[1]


class In(Membership):
    operands: tuple[Code, Annotated[tuple[Scalar, ...], Field(min_length=1)]] = Field(alias="in")


class AnyIn(Membership):
    operands: tuple[Code, Annotated[tuple[StrictStr, ...], Field(min_length=1)]] = Field(
        alias="any_in"
    )


class All(Frozen):
    conditions: tuple[Condition, ...] = Field(alias="and", min_length=1)


class AnyOf(Frozen):
    conditions: tuple[Condition, ...] = Field(alias="or", min_length=1)


class Not(Frozen):
    condition: Condition = Field(alias="not")


_MODELS: Mapping[Operator, type[Frozen]] = {
    "==": Equals,
    "in": In,
    "any_in": AnyIn,
    "<": Less,
    ">=": AtLeast,
    "and": All,
    "or": AnyOf,
    "not": Not,
}
_TAGS: Mapping[type[Frozen], Operator] = {model: tag for tag, model in _MODELS.items()}
_ALLOWED = ", ".join(OPERATORS)


def _parse(value: object) -> object:
    """Pick the model from the one key, so an error's path reads ``when.or[1].==``."""
    if type(value) in _TAGS:
        return value
    if not isinstance(value, Mapping) or len(value) != 1:
        raise ValueError(f"a condition is a mapping with exactly one operator ({_ALLOWED})")
    (operator,) = value
    model = _MODELS.get(operator)
    if model is None:
        raise ValueError(f"unknown operator {operator!r} (expected one of: {_ALLOWED})")
    return model.model_validate(value)


Condition = Annotated[
    Equals | In | AnyIn | Less | AtLeast | All | AnyOf | Not, PlainValidator(_parse)
]

for _model in (All, AnyOf, Not):
    _model.model_rebuild()


@dataclass(frozen=True)
class Fact:
    """What a condition may say about one fact: its kind and, for codes, the codes allowed."""

    kind: Literal["code", "number", "codes"]  # codes: a set of codes, such as body sites
    allowed: frozenset[str] = field(default_factory=frozenset)


_USABLE_WITH: Mapping[Operator, frozenset[str]] = {
    "==": frozenset({"code", "number"}),
    "in": frozenset({"code", "number"}),
    "any_in": frozenset({"codes"}),
    "<": frozenset({"number"}),
    ">=": frozenset({"number"}),
}


def check_condition(
    condition: Condition, facts: Mapping[str, Fact], where: Location
) -> Iterator[tuple[Location, str]]:
    """(field path, what is wrong) for each unknown fact or misused operator in a condition."""
    operator = _TAGS[type(condition)]
    here = (*where, operator)
    if isinstance(condition, All | AnyOf):
        for index, part in enumerate(condition.conditions):
            yield from check_condition(part, facts, (*here, index))
    elif isinstance(condition, Not):
        yield from check_condition(condition.condition, facts, here)
    elif isinstance(condition, Compare):
        yield from _check_fact(operator, condition.fact, (condition.value,), facts, here)
    elif isinstance(condition, Membership):
        yield from _check_fact(operator, condition.fact, condition.values, facts, here)


def _check_fact(
    operator: Operator,
    name: str,
    values: tuple[str | int, ...],
    facts: Mapping[str, Fact],
    where: Location,
) -> Iterator[tuple[Location, str]]:
    fact = facts.get(name)
    if fact is None:
        yield where, f"unknown fact {name!r} (known: {', '.join(sorted(facts))})"
        return
    if fact.kind not in _USABLE_WITH[operator]:
        yield where, f"{operator!r} cannot be used with {name!r}, which is a {fact.kind} fact"
        return
    for value in values:
        if fact.kind == "number" and not isinstance(value, int):
            yield where, f"{value!r} is not a whole number, and {name!r} is a number"
        elif fact.kind != "number" and value not in fact.allowed:
            expected = ", ".join(sorted(fact.allowed))
            yield where, f"{value!r} is not a value of {name!r} (expected one of: {expected})"


def facts_read(condition: Condition) -> set[str]:
    """Every fact a condition reads, however deep."""
    if isinstance(condition, Compare | Membership):
        return {condition.fact}
    if isinstance(condition, Not):
        return facts_read(condition.condition)
    return set().union(*(facts_read(part) for part in condition.conditions))
