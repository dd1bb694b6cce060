from __future__ import annotations

from typing import Any

from flask import redirect, render_template, request, session, url_for
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from webapp.clock import now
from webapp.content.red_flags import BODY_SITES
from webapp.content.service import Service
from webapp.domain import questionnaire as flow
from webapp.domain.answer_reading import read_page
from webapp.extensions import db
from webapp.i18n import current_language
from webapp.models.referral import Referral, referral_by_reference, work_items_for
from webapp.referral import bp
from webapp.referral.display import answer_rows, page_view
from webapp.referral.journey import (
    DRAFT_KEY,
    OPEN_ROUTES,
    SUBMITTED_KEY,
    Journey,
    current_journey,
    eligibility,
    eligibility_ready,
    screening,
    search_practices,
    service_and_questionnaire,
    submission,
)
from webapp.referral.safety_net import SafetyNetForm
from webapp.services.referrals import (
    format_reference,
    record_safety_net,
    save_answers,
    start_draft,
    submit_referral,
)


class ContinueForm(FlaskForm):
    """No fields: the CSRF token every POST in the journey carries."""


def _no_journey(service_id: str) -> Response:
    # The session ended or the draft expired: start again (answers saved under another
    # session are resumed by reference, not by guessing).
    return redirect(url_for("referral.start", service_id=service_id, ended=1))


def _next(journey: Journey) -> Response:
    page = flow.first_unanswered(journey.shown(), journey.answers)
    if page is None:
        return redirect(url_for("referral.check_answers", service_id=journey.service.id))
    return redirect(url_for("referral.page", service_id=journey.service.id, page_id=page.id))


def _open_to_patients(service: Service) -> bool:
    return bool(service.routes & OPEN_ROUTES) and service.self_referral.open


@bp.get("/<service_id>")
def start(service_id: str) -> str:
    service, questionnaire = service_and_questionnaire(service_id)
    return render_template(
        "referral/start.html",
        service=service,
        questionnaire=questionnaire,
        open=_open_to_patients(service),
        ended=request.args.get("ended") == "1",
        form=ContinueForm(),
    )


@bp.post("/<service_id>/start")
def begin(service_id: str) -> Response:
    service, questionnaire = service_and_questionnaire(service_id)
    if not ContinueForm().validate_on_submit() or not _open_to_patients(service):
        return redirect(url_for("referral.start", service_id=service_id))
    _draft, token = start_draft(
        db.session,
        service_id=service.id,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        source="self",
        language=current_language().code,
        now=now(),
    )
    db.session.commit()
    session[DRAFT_KEY] = token
    session.pop(SUBMITTED_KEY, None)
    first = questionnaire.pages[0]
    return redirect(url_for("referral.page", service_id=service_id, page_id=first.id))


@bp.route("/<service_id>/<page_id>", methods=["GET", "POST"])
def page(service_id: str, page_id: str) -> Response | str:
    journey = current_journey(service_id)
    if journey is None:
        return _no_journey(service_id)
    shown = journey.shown()
    current = flow.find_page(shown, page_id)
    if current is None:
        return _next(journey)
    form = ContinueForm()
    if request.method == "POST" and form.validate_on_submit():
        reading = read_page(
            current,
            request.form.to_dict(flat=False),
            today=journey.today,
            search_practices=search_practices,
            body_site_codes=BODY_SITES,
        )
        if not reading.errors:
            return _save(journey, reading.answers)
        return render_template(
            "referral/page.html",
            **page_view(journey, current, shown, request.form, reading),
            form=form,
        )
    return render_template(
        "referral/page.html", **page_view(journey, current, shown, None, None), form=form
    )


def _save(journey: Journey, answers: dict[str, Any]) -> Response:
    save_answers(db.session, journey.draft, {**journey.answers, **answers}, now=now())
    if journey.draft.source != "gp_link":
        # Who is filling it in decides the route (self or carer) until it is sent.
        journey.draft.source = journey.route()
    db.session.commit()
    screened = screening(journey)
    if screened is not None and screened.stops_the_form:
        return redirect(url_for("referral.stop", service_id=journey.service.id))
    if eligibility_ready(journey) and not eligibility(journey, screened).eligible:
        return redirect(url_for("referral.not_eligible", service_id=journey.service.id))
    return _next(journey)


@bp.route("/<service_id>/stop", methods=["GET", "POST"])
def stop(service_id: str) -> Response | str:
    journey = current_journey(service_id)
    if journey is None:
        return _no_journey(service_id)
    screened = screening(journey)
    if screened is None or not screened.stops_the_form:
        return _next(journey)
    form = SafetyNetForm(name=journey.referral().patient_name or None)
    if form.validate_on_submit():
        if form.wants_call():
            record_safety_net(
                db.session,
                journey.service,
                reference=journey.draft.reference,
                source=journey.route(),
                language=current_language().code,
                screening=screened,
                answers_so_far=flow.relevant_answers(journey.shown(), journey.answers),
                contact_name=form.name.data or "",
                contact_phone=form.phone_number(),
                date_of_birth=flow.date_of_birth(journey.questionnaire, journey.answers),
                now=now(),
            )
        db.session.delete(journey.draft)
        db.session.commit()
        session.pop(DRAFT_KEY, None)
        return render_template(
            "referral/stopped.html",
            service=journey.service,
            screening=screened,
            called_back=form.wants_call(),
        )
    back = flow.find_page(journey.shown(), _last_red_flag(journey))
    return render_template(
        "referral/stop.html",
        service=journey.service,
        screening=screened,
        form=form,
        back_page=back.id if back else None,
    )


def _last_red_flag(journey: Journey) -> str:
    answered = [
        page.id
        for page in journey.shown()
        if page.id.startswith(flow.RED_FLAG_PAGE_PREFIX) and flow.is_answered(page, journey.answers)
    ]
    return answered[-1] if answered else ""


@bp.get("/<service_id>/not-eligible")
def not_eligible(service_id: str) -> Response | str:
    journey = current_journey(service_id)
    if journey is None:
        return _no_journey(service_id)
    if not eligibility_ready(journey):
        return _next(journey)
    outcome = eligibility(journey, screening(journey))
    if outcome.eligible:
        return _next(journey)
    return render_template(
        "referral/not_eligible.html",
        service=journey.service,
        outcome=outcome,
        back_page=_page_to_change(journey, outcome.reason),
    )


# Where the answer behind each refusal was given, so "change your answer" goes straight there.
_REASON_ROLES = {
    "AGE": "date_of_birth",
    "AREA": "practice",
    "DURATION": "symptom_duration",
    "SELF_REFERRAL_NOT_OFFERED": "filled_in_by",
}


def _page_to_change(journey: Journey, reason: str | None) -> str:
    shown = journey.shown()
    role = _REASON_ROLES.get(reason or "")
    for page in shown:
        for question in page.questions:
            if role and question.role == role:
                return page.id
            if not role and any(option.conditions for option in question.options):
                return page.id
    return shown[0].id


@bp.route("/<service_id>/check-answers", methods=["GET", "POST"])
def check_answers(service_id: str) -> Response | str:
    journey = current_journey(service_id)
    if journey is None:
        if session.get(SUBMITTED_KEY):
            # A second press of submit, or a refresh after it: the referral is already in.
            return redirect(url_for("referral.confirmation", service_id=service_id))
        return _no_journey(service_id)
    shown = journey.shown()
    if flow.first_unanswered(shown, journey.answers) is not None:
        return _next(journey)
    screened = screening(journey)
    if screened is None or screened.stops_the_form:
        return redirect(url_for("referral.stop", service_id=service_id))
    outcome = eligibility(journey, screened)
    if not outcome.eligible:
        return redirect(url_for("referral.not_eligible", service_id=service_id))
    form = ContinueForm()
    if request.method == "POST" and form.validate_on_submit():
        referral = submit_referral(
            db.session,
            journey.service,
            journey.draft,
            submission(journey, screened, outcome),
            now=now(),
        )
        db.session.commit()
        session.pop(DRAFT_KEY, None)
        session[SUBMITTED_KEY] = referral.reference
        return redirect(url_for("referral.confirmation", service_id=service_id))
    return render_template(
        "referral/check_answers.html",
        service=journey.service,
        rows=answer_rows(journey, shown),
        form=form,
    )


@bp.get("/<service_id>/confirmation")
def confirmation(service_id: str) -> Response | str:
    service, _questionnaire = service_and_questionnaire(service_id)
    reference = session.get(SUBMITTED_KEY)
    referral: Referral | None = (
        referral_by_reference(db.session, reference) if isinstance(reference, str) else None
    )
    if referral is None or referral.service_id != service_id:
        return redirect(url_for("referral.start", service_id=service_id))
    return render_template(
        "referral/confirmation.html",
        service=service,
        referral=referral,
        reference=format_reference(referral.reference),
        work_item=next(iter(work_items_for(db.session, referral.id)), None),
    )
