"""A service's rules, told as plain sentences in the visitor's language.

The rules are codes and numbers in content; every word a patient reads is here, in gettext,
so routing and limits are written once and translated once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import get_args

from babel.dates import get_day_names
from flask_babel import format_time, get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from webapp.content.area import Locality
from webapp.content.care import DidNotAttend, Pifu, TimeLimit
from webapp.content.codes import Weekday
from webapp.content.common import Period
from webapp.content.eligibility import AgeRule
from webapp.content.places import OpeningHours
from webapp.content.service import Service
from webapp.i18n import list_of
from webapp.service_pages.labels import DISCIPLINES, MODALITIES

PATIENT_FACING_LIMITS = (
    "triage",
    "first_contact",
    "first_appointment",
    "treatment_start",
    "exacerbation_response",
    "post_discharge_review",
)


@dataclass(frozen=True)
class Explained:
    ages: str
    localities: tuple[Locality, ...]
    routes: tuple[str, ...]
    self_referral_open: bool
    next_steps: tuple[str, ...]
    uses_working_days: bool
    follow_up: tuple[str, ...]
    missed: tuple[str, ...]
    disciplines: tuple[str, ...]
    modalities: tuple[str, ...]


def ages(rule: AgeRule) -> str:
    low, high = rule.min_age, rule.max_age
    if rule.extension is not None and low is not None:
        return _(
            "For children and young people aged %(min)d to %(max)d, or up to %(ext)d with an "
            "Education, Health and Care plan.",
            min=low,
            max=high,
            ext=rule.extension.max_age,
        )
    if low is not None and high is not None:
        return _("For people aged %(min)d to %(max)d.", min=low, max=high)
    if low is not None:
        return _("For people aged %(min)d and over.", min=low)
    if high is not None:
        return _("For people aged up to %(max)d.", max=high)
    return _("For people of any age.")


ROUTES = {
    "self": _l("You can refer yourself."),
    "carer": _l("A family member or carer can refer you, with your agreement."),
    "gp_link": _l("Your GP can refer you, or send you a link to fill in the referral yourself."),
    "professional": _l("A GP, physiotherapist or other health professional can refer you."),
    "telephone": _l("You can ask for a referral by phone."),
    "school": _l("A school can refer a child, with a parent's or carer's agreement."),
}


def routes(service: Service) -> tuple[str, ...]:
    sentences = []
    limited = service.self_referral.open and service.self_referral.disciplines
    for route in service.referral_routes:
        if route.route == "self" and limited:
            names = list_of(DISCIPLINES[d] for d in service.self_referral.disciplines)
            sentences.append(
                _("You can refer yourself only for: %(disciplines)s.", disciplines=names)
            )
        elif route.route == "self" and route.min_age is not None:
            sentences.append(
                _("Young people aged %(age)d or over can refer themselves.", age=route.min_age)
            )
        else:
            sentences.append(str(ROUTES[route.route]))
    if not service.self_referral.open:
        sentences.append(
            _(
                "You cannot refer yourself to this service. Ask your GP or another health professional to refer you."
            )
        )
    return tuple(sentences)


def span(amount: int, unit: str) -> str:
    if unit == "working_days":
        return ngettext("%(num)d working day", "%(num)d working days", amount)
    if unit == "hours":
        return ngettext("%(num)d hour", "%(num)d hours", amount)
    return ngettext("%(num)d day", "%(num)d days", amount)


def period(value: Period) -> str:
    if value.unit == "months":
        return ngettext("%(num)d month", "%(num)d months", value.amount)
    return span(value.amount, "calendar_days")


LIMITS = {
    ("triage", "any"): _l("A clinician reads your referral within %(time)s."),
    ("first_contact", "any"): _l("Someone from the service contacts you within %(time)s."),
    ("first_appointment", "any"): _l("You are offered a first appointment within %(time)s."),
    ("first_appointment", "priority"): _l(
        "If you need to be seen soon, you are offered a first appointment within %(time)s."
    ),
    ("first_appointment", "routine"): _l(
        "Otherwise, you are offered a first appointment within %(time)s."
    ),
    ("treatment_start", "any"): _l("Your treatment starts within %(time)s."),
}
# Said when a service has a routine limit but no priority one, where "Otherwise" would dangle.
ROUTINE_ALONE = _l("For a routine referral, you are offered a first appointment within %(time)s.")
STARTS = {
    "receipt": _l("This is counted from the day the service receives your referral."),
    "opt_in": _l("This is counted from the day you fill in the questions your GP sent you."),
    "triage_decision": _l("This is counted from the day a clinician reads your referral."),
}


def next_steps(limits: tuple[TimeLimit, ...]) -> tuple[str, ...]:
    """What patients are told to expect. Limits only professionals act on (returning a
    referral, the long-term conditions service's hours, D-16) are not patients' to wait for."""
    told = []
    kinds = {(limit.kind, limit.priority) for limit in limits}
    for limit in limits:
        sentence = LIMITS.get((limit.kind, limit.priority))
        if sentence is None:
            continue
        if limit.priority == "routine" and (limit.kind, "priority") not in kinds:
            sentence = ROUTINE_ALONE
        time = span(limit.amount, limit.unit)
        told.append(f"{sentence % {'time': time}} {STARTS[limit.starts_from]}")
    return tuple(told)


def follow_up(pifu: Pifu, *, can_self_refer: bool) -> tuple[str, ...]:
    if not pifu.offered and can_self_refer:
        return (
            _(
                "When your treatment ends, you will be discharged. If the problem comes back, you can refer yourself again or see your GP."
            ),
        )
    if not pifu.offered:
        return (
            _(
                "When your treatment ends, you will be discharged. If the problem comes back, see your GP."
            ),
        )
    told = []
    if pifu.agreed_at_discharge and pifu.max_window is not None:
        told.append(
            _(
                "When your treatment ends, you and your clinician may agree a time, up to %(window)s, when you can contact the service again yourself if the problem flares up.",
                window=period(pifu.max_window),
            )
        )
    elif pifu.window is not None:
        told.append(
            _(
                "After your treatment ends, you can contact the service again yourself within %(window)s if the problem flares up, without going back to your GP.",
                window=period(pifu.window),
            )
        )
    if pifu.offered_to == "persistent_pain":
        told.append(_("This is offered to people with long-lasting pain."))
    if pifu.same_condition_only:
        told.append(_("This is for the same problem you were treated for."))
    if pifu.clinician_may_shorten:
        told.append(_("Your clinician may agree a shorter time with you."))
    if pifu.returns_to == "any_discipline":
        told.append(_("You can come back to any of the service's teams."))
    return tuple(told)


def missed(policy: DidNotAttend) -> tuple[str, ...]:
    told = (_missed(policy),)
    if policy.only_if_appointment_accepted:
        told += (_("This only counts appointments you have agreed to."),)
    return told


def _missed(policy: DidNotAttend) -> str:
    if policy.policy == "not_stated" or policy.missed_before_discharge is None:
        return _(
            "If you cannot go to an appointment, tell the service as soon as you can, so someone else can have it."
        )
    count = policy.missed_before_discharge
    if policy.was_not_brought:
        return ngettext(
            "If a child is not brought to %(num)d appointment and the service cannot reach you, the child may be discharged and the person who referred them told.",
            "If a child is not brought to %(num)d appointments and the service cannot reach you, the child may be discharged and the person who referred them told.",
            count,
        )
    return ngettext(
        "If you miss %(num)d appointment without telling the service, you may be discharged and your GP told.",
        "If you miss %(num)d appointments without telling the service, you may be discharged and your GP told.",
        count,
    )


WEEKDAYS: tuple[str, ...] = get_args(Weekday)  # Monday first, as Babel numbers days


def opening_hours(hours: OpeningHours) -> str:
    names = get_day_names("wide", locale=get_locale())
    days = list_of(names[WEEKDAYS.index(day)] for day in hours.days)
    return _(
        "%(days)s: %(opens)s to %(closes)s",
        days=days,
        opens=format_time(hours.opens, "short"),
        closes=format_time(hours.closes, "short"),
    )


def explain(service: Service, today: date) -> Explained:
    return Explained(
        ages=ages(service.age_rule_on(today)),
        localities=service.area.localities,
        routes=routes(service),
        self_referral_open=service.self_referral.open,
        next_steps=next_steps(service.time_limits),
        uses_working_days=any(limit.unit == "working_days" for limit in service.time_limits),
        follow_up=follow_up(service.pifu, can_self_refer=service.self_referral.open),
        missed=missed(service.did_not_attend),
        disciplines=tuple(str(DISCIPLINES[code]) for code in service.disciplines.codes),
        modalities=tuple(str(MODALITIES[code]) for code in service.modalities.codes),
    )
