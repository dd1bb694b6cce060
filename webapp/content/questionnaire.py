"""A referral questionnaire as data: pages, questions, routing conditions and what answers mean.

``content/questionnaires/<id>.yaml`` holds one questionnaire. Text is English and is
translated through the gettext catalogues (``make update-messages`` extracts it), so adding
a question needs no Python change, and a missing translation fails the catalogue tests.

What the site needs to know from the answers (the person's age, where it hurts, their GP
practice, how long it has lasted, who is filling it in, how to contact them) is given by a
question's ``role``, so the wording and order stay content while the logic stays fixed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, get_args

from pydantic import Field, PositiveInt, model_validator

from webapp.content.codes import Route
from webapp.content.common import Code, Frozen, Slug
from webapp.content.rules import Condition
from webapp.content.text import Text

QuestionType = Literal[
    "single_choice",
    "multiple_choice",
    "yes_no_not_sure",
    "text",
    "long_text",
    "number",
    "date_of_birth",
    "past_date",
    "phone",
    "mobile",
    "email",
    "postcode",
    "nhs_number",
    "gp_practice",
    "body_map",
    "pain_scale",
]
QUESTION_TYPES: tuple[QuestionType, ...] = get_args(QuestionType)
CHOICE_TYPES: frozenset[QuestionType] = frozenset(
    {"single_choice", "multiple_choice", "yes_no_not_sure"}
)

# What the rest of the site reads from an answer. Each role is held by at most one question.
Role = Literal[
    "filled_in_by",  # single choice whose options name a referral route
    "date_of_birth",
    "body_sites",
    "practice",
    "symptom_duration",  # single choice whose options give completed weeks
    "ehc_plan",  # yes / no / not sure: an Education, Health and Care plan
    "patient_name",
    "nhs_number",
    "postcode",
    "phone",
    "email",
    "contact_preference",  # single choice whose options name a channel
    "gp_suggested",
]
ROLES: tuple[Role, ...] = get_args(Role)
ROLE_TYPES: dict[Role, frozenset[QuestionType]] = {
    "filled_in_by": frozenset({"single_choice"}),
    "date_of_birth": frozenset({"date_of_birth"}),
    "body_sites": frozenset({"body_map"}),
    "practice": frozenset({"gp_practice"}),
    "symptom_duration": frozenset({"single_choice"}),
    "ehc_plan": frozenset({"yes_no_not_sure"}),
    "patient_name": frozenset({"text"}),
    "nhs_number": frozenset({"nhs_number"}),
    "postcode": frozenset({"postcode"}),
    "phone": frozenset({"phone", "mobile"}),
    "email": frozenset({"email"}),
    "contact_preference": frozenset({"single_choice"}),
    "gp_suggested": frozenset({"yes_no_not_sure"}),
}
ContactChannel = Literal["email", "sms", "phone", "letter", "none"]
Score = Literal["start_back", "msk_hq"]
SCORE_ITEMS: dict[Score, int] = {"start_back": 9, "msk_hq": 14}
# The facts a show_if may read beside the answers themselves.
AGE_FACT = "age"
BODY_SITES_FACT = "body_sites"
SERVICE_FACT = "service"  # the service id, for a question only one service asks
RED_FLAGS = "red_flags"
YES_NO_NOT_SURE = ("yes", "no", "not_sure")


class Option(Frozen):
    value: Code
    text: Text
    hint: Text | None = None
    # "None of these" in a checkbox list: cannot be ticked with another option.
    exclusive: bool = False
    # Condition codes (content/conditions.yaml) that choosing this option records.
    conditions: tuple[Code, ...] = ()
    route: Route | None = None  # role filled_in_by
    weeks: int | None = Field(default=None, ge=0)  # role symptom_duration; None: not known
    channel: ContactChannel | None = None  # role contact_preference
    score: int | None = Field(default=None, ge=0)  # a scored item's value


class Question(Frozen):
    key: Code
    type: QuestionType
    text: Text
    hint: Text | None = None
    # The wording when someone fills the form in for another person ("their" for "your").
    text_other: Text | None = None
    hint_other: Text | None = None
    optional: bool = False
    # The NHS.UK error message when it is left empty, e.g. "Select where you have pain".
    error_required: Text | None = None
    options: tuple[Option, ...] = ()
    role: Role | None = None
    score: Score | None = None  # this question is an item of that score, in page order
    minimum: int | None = None
    maximum: int | None = None
    max_length: PositiveInt = 500
    # Labels at each end of a pain scale.
    low_label: Text | None = None
    high_label: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if self.type in ("single_choice", "multiple_choice"):
            if len(self.options) < 2:
                raise ValueError("a choice question needs at least two options")
        elif self.type == "yes_no_not_sure":
            if self.options and tuple(o.value for o in self.options) != YES_NO_NOT_SURE:
                raise ValueError("yes_no_not_sure options, if given, are yes, no, not_sure")
        elif self.options:
            raise ValueError(f"a {self.type} question has no options")
        values = [option.value for option in self.options]
        if len(values) != len(set(values)):
            raise ValueError("two options share a value")
        if self.type != "multiple_choice" and any(o.exclusive for o in self.options):
            raise ValueError("only a multiple_choice option can be exclusive")
        if self.role is not None and self.type not in ROLE_TYPES[self.role]:
            raise ValueError(f"role {self.role} needs type {sorted(ROLE_TYPES[self.role])}")
        self._check_role_options()
        if self.type == "number" and (self.minimum is None or self.maximum is None):
            raise ValueError("a number question needs a minimum and a maximum")
        if self.type == "pain_scale" and not (self.low_label and self.high_label):
            raise ValueError("a pain scale needs low_label and high_label")
        if self.score is not None and (
            self.type != "single_choice" or any(o.score is None for o in self.options)
        ):
            raise ValueError("a scored item is a single choice with a score on every option")
        return self

    def _check_role_options(self) -> None:
        needs = {"filled_in_by": "route", "contact_preference": "channel"}.get(self.role or "")
        if needs and any(getattr(option, needs) is None for option in self.options):
            raise ValueError(f"every option of a {self.role} question gives a {needs}")
        if self.role == "symptom_duration" and not any(o.weeks is not None for o in self.options):
            raise ValueError("a symptom_duration question gives weeks on its options")

    def option(self, value: str) -> Option | None:
        return next((option for option in self.options if option.value == value), None)


class Page(Frozen):
    id: Slug
    # Shown as the page heading when a page asks several things (a score's items).
    title: Text | None = None
    hint: Text | None = None
    show_if: Condition | None = None
    # ``red_flags``: stands for the red-flag screen, one page per question for the body sites.
    kind: Literal["questions", "red_flags"] = "questions"
    questions: tuple[Question, ...] = ()
    # The last page the eligibility check needs; it runs when this page is answered.
    checks_eligibility: bool = False

    @model_validator(mode="after")
    def _has_questions(self) -> Page:
        if self.kind == RED_FLAGS and self.questions:
            raise ValueError("the red_flags page takes its questions from content/red_flags.yaml")
        if self.kind == RED_FLAGS and self.checks_eligibility:
            # It stands for several pages; the check belongs on a page after the screen.
            raise ValueError("the red_flags page cannot check eligibility")
        if self.kind == "questions" and not self.questions:
            raise ValueError("a page asks at least one question")
        if len(self.questions) > 1 and self.title is None:
            raise ValueError("a page with several questions needs a title")
        return self


class Questionnaire(Frozen):
    id: Slug
    # Stamped on every response; raise it whenever a question's meaning changes.
    version: PositiveInt
    title: Text
    # Services whose referrals use this questionnaire.
    services: tuple[Slug, ...] = Field(min_length=1)
    # Notes for reviewers: licences, attributions, decisions. Never shown to patients.
    notes: tuple[str, ...] = ()
    pages: tuple[Page, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _well_formed(self) -> Questionnaire:
        pages = [page.id for page in self.pages]
        if len(pages) != len(set(pages)):
            raise ValueError("two pages share an id")
        keys = [question.key for question in self.questions()]
        if len(keys) != len(set(keys)):
            raise ValueError("two questions share a key")
        roles = [question.role for question in self.questions() if question.role]
        if len(roles) != len(set(roles)):
            raise ValueError("a role is given to two questions")
        for role in ("date_of_birth", "body_sites", "filled_in_by", "patient_name"):
            if role not in roles:
                raise ValueError(f"a questionnaire needs a question with role {role}")
        if sum(page.kind == RED_FLAGS for page in self.pages) != 1:
            raise ValueError("a questionnaire has exactly one red_flags page")
        if sum(page.checks_eligibility for page in self.pages) != 1:
            raise ValueError("exactly one page checks_eligibility")
        for score, count in SCORE_ITEMS.items():
            items = [q for q in self.questions() if q.score == score]
            if items and len(items) != count:
                raise ValueError(f"{score} has {count} items, found {len(items)}")
        return self

    def questions(self) -> Iterator[Question]:
        for page in self.pages:
            yield from page.questions

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions() if q.key == key), None)

    def with_role(self, role: Role) -> Question | None:
        return next((q for q in self.questions() if q.role == role), None)

    def score_items(self, score: Score) -> tuple[Question, ...]:
        return tuple(q for q in self.questions() if q.score == score)
