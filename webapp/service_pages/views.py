from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, render_template, request

from webapp.content_registry import content
from webapp.domain.service_finder import (
    MAX_PRACTICES,
    area,
    areas,
    find_practices,
    shows_recommendation,
)
from webapp.domain.sla import local_date
from webapp.service_pages import bp
from webapp.service_pages.explain import explain, opening_hours
from webapp.service_pages.forms import PracticeSearchForm
from webapp.service_pages.labels import CONTACT_KINDS


@bp.get("/")
def finder() -> str:
    services = content().catalogue.services.values()
    form = PracticeSearchForm(request.args)
    searched = "practice" in request.args
    matches = find_practices(services, form.practice.data) if searched and form.validate() else None
    chosen_area = area(services, request.args.get("area", "", type=str))
    return render_template(
        "services/finder.html",
        form=form,
        searched=searched,
        matches=matches,
        chosen_area=chosen_area,
        areas=areas(services),
        shows_recommendation=shows_recommendation,
        max_practices=MAX_PRACTICES,
    )


@bp.get("/<service_id>")
def detail(service_id: str) -> str:
    service = content().catalogue.services.get(service_id)
    if service is None:
        abort(404)
    return render_template(
        "services/detail.html",
        service=service,
        explained=explain(service, local_date(datetime.now(UTC))),
        opening_hours=opening_hours,
        contact_kinds=CONTACT_KINDS,
        # Only where the service takes self-referral and has a questionnaire for it (issue 4).
        can_refer_online=service.self_referral.open
        and bool(service.routes & {"self", "carer"})
        and content().questionnaires.for_service(service.id) is not None,
    )
