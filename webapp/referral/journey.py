"""One person's way through a referral questionnaire: their draft, the pages they see, and
what the screen and the eligibility check say so far. Views stay thin; rules stay pure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from flask import abort, session

from webapp.clock import now
from webapp.content.questionnaire import Page, Question, Questionnaire
from webapp.content.service import Service
from webapp.content_registry import content
from webapp.domain import questionnaire as flow
from webapp.domain import scoring
from webapp.domain.eligibility import PRIORITY_FINDING, EligibilityOutcome, check_eligibility
from webapp.domain.screening import ScreeningOutcome, screen
from webapp.domain.service_finder import find_practices
from webapp.domain.sla import local_date
from webapp.extensions import db
from webapp.models.referral import ReferralDraft
from webapp.services.referrals import Submission, load_draft

DRAFT_KEY = "referral_draft"
SUBMITTED_KEY = "referral_submitted"
# Routes a person can start here themselves; the rest come through a GP link or a clinician.
OPEN_ROUTES = frozenset({"self", "carer"})


def service_and_questionnaire(service_id: str) -> tuple[Service, Questionnaire]:
    loaded = content()
    service = loaded.catalogue.services.get(service_id)
    questionnaire = loaded.questionnaires.for_service(service_id)
    if service is None or questionnaire is None:
        abort(404)
    return service, questionnaire


@dataclass
class Journey:
    service: Service
    questionnaire: Questionnaire
    draft: ReferralDraft
    today: date

    @property
    def answers(self) -> dict[str, Any]:
        return dict(self.draft.answers or {})

    def shown(self, answers: dict[str, Any] | None = None) -> tuple[Page, ...]:
        return flow.pages(
            self.questionnaire,
            self.answers if answers is None else answers,
            service_id=self.service.id,
            rules=content().red_flags,
            today=self.today,
        )

    def referral(self) -> flow.Referral:
        return flow.read_referral(
            self.questionnaire, flow.relevant_answers(self.shown(), self.answers)
        )

    @property
    def for_someone_else(self) -> bool:
        return self.referral().route not in (None, "self")

    def route(self) -> str:
        # A GP link counts as a GP referral whoever fills it in (decision D-3).
        if self.draft.source == "gp_link":
            return "gp_link"
        return self.referral().route or "self"


def current_journey(service_id: str) -> Journey | None:
    service, questionnaire = service_and_questionnaire(service_id)
    token = session.get(DRAFT_KEY)
    if not isinstance(token, str):
        return None
    draft = load_draft(db.session, token, now=now())
    if draft is None or draft.service_id != service_id:
        return None
    return Journey(service, questionnaire, draft, local_date(now()))


def screening(journey: Journey) -> ScreeningOutcome | None:
    """The screen on the red-flag answers so far; None before any is given."""
    answers = journey.answers
    shown = journey.shown()
    flags = flow.red_flag_answers(shown, answers)
    years = flow.age(journey.questionnaire, answers, journey.today)
    sites = flow.body_sites(journey.questionnaire, answers)
    if not flags or years is None or not sites:
        return None
    return screen(flags, age=years, body_sites=sites, rules=content().red_flags)


def eligibility_ready(journey: Journey) -> bool:
    """Every page shown up to the one that checks eligibility has been answered."""
    shown = journey.shown()
    answers = journey.answers
    for page in shown:
        if not flow.is_answered(page, answers):
            return False
        if page.checks_eligibility:
            return True
    return False


def eligibility(journey: Journey, screened: ScreeningOutcome | None) -> EligibilityOutcome:
    referral = journey.referral()
    conditions = set(referral.conditions)
    if screened is not None and screened.disposition == "PRIORITY":
        conditions.add(PRIORITY_FINDING)
    years = flow.age(journey.questionnaire, journey.answers, journey.today)
    return check_eligibility(
        journey.service,
        age=years if years is not None else 0,
        practice_ods=referral.practice_ods,
        source=journey.route(),
        conditions=conditions,
        symptom_weeks=referral.symptom_weeks,
        ehc_plan=referral.ehc_plan,
        on=journey.today,
        body_sites=referral.body_sites,
    )


def search_practices(query: str) -> list[tuple[str, str]]:
    matches = find_practices(content().catalogue.services.values(), query)
    return [(match.practice.ods, match.practice.name) for match in matches]


def practice_name(code: str) -> str | None:
    for service in content().catalogue.services.values():
        for practice in service.area.practices:
            if practice.ods == code:
                return practice.name
    return None


def question_text(question: Question, *, for_someone_else: bool) -> tuple[str, str | None]:
    """The English text and hint to translate: "their" wording when filling in for another."""
    if for_someone_else:
        return question.text_other or question.text, question.hint_other or question.hint
    return question.text, question.hint


def scores(journey: Journey, referral: flow.Referral) -> dict[str, Any]:
    found: dict[str, Any] = {}
    start_back = referral.score_items.get("start_back")
    if start_back:
        found["start_back"] = asdict(scoring.start_back(start_back))
    msk_hq = referral.score_items.get("msk_hq")
    if msk_hq:
        found["msk_hq"] = scoring.msk_hq(msk_hq)
    return found


def submission(
    journey: Journey, screened: ScreeningOutcome, outcome: EligibilityOutcome
) -> Submission:
    referral = journey.referral()
    assert referral.date_of_birth is not None  # a required question on every questionnaire
    channel, address = _confirmation_route(referral)
    return Submission(
        answers=flow.relevant_answers(journey.shown(), journey.answers),
        screening=screened,
        eligibility_flags=tuple(outcome.flags),
        scores=scores(journey, referral),
        patient_name=referral.patient_name,
        date_of_birth=referral.date_of_birth,
        practice_ods=referral.practice_ods,
        contact_channel=channel,
        contact_address=address,
        suggested_by_gp=journey.draft.source == "gp_link" or referral.gp_suggested,
    )


def _confirmation_route(referral: flow.Referral) -> tuple[Any, str | None]:
    # The confirmation goes where the person asked to hear from the service; a phone call
    # or a letter cannot carry it, so then by email if they gave one.
    if referral.contact_channel == "sms" and referral.phone:
        return "sms", referral.phone
    if referral.email and referral.contact_channel in ("email", "phone", "letter"):
        return "email", referral.email
    return "none", None
