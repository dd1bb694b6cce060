"""The fixed vocabularies logic branches on. Display words live in content or gettext."""

from __future__ import annotations

from typing import Literal

Discipline = Literal[
    "physiotherapy",
    "msk_assessment",
    "orthopaedics",
    "rheumatology",
    "pain_management",
    "me_cfs",
    "msk_podiatry",
    "orthotics",
    "psychology",
    "occupational_therapy",
    "complex_health_needs",
    "continence",
    "looked_after_children_health",
    "ehc_plan_health_advice",
    "diabetes",
    "respiratory",
    "heart_failure",
    "pulmonary_rehabilitation",
    "home_oxygen",
]

# Who starts a referral. ``gp_link`` counts as a GP referral (decision D-3).
Route = Literal["self", "carer", "gp_link", "professional", "telephone", "school"]
# Routes with no clinician behind them: the service's self-referral rule governs them.
SELF_REFERRAL_ROUTES: frozenset[Route] = frozenset({"self", "carer", "telephone"})

BodySite = Literal[
    "lower_back",
    "upper_back",
    "neck",
    "shoulder",
    "elbow",
    "hand_wrist",
    "hip",
    "knee",
    "foot_ankle",
    "widespread",
    "head_jaw",
]

Priority = Literal["any", "routine", "priority", "urgent"]
TimeLimitKind = Literal[
    "triage",
    "first_contact",
    "first_appointment",
    "treatment_start",
    "return_to_referrer",
    "advice_and_guidance_response",
    "exacerbation_response",
    "post_discharge_review",
]
TimeUnit = Literal["working_days", "calendar_days", "hours"]
ClockStart = Literal["receipt", "opt_in", "triage_decision", "hospital_discharge"]
QueueOrder = Literal["priority_then_due", "referral_date"]

Modality = Literal[
    "face_to_face", "telephone", "video", "group", "home_visit", "school_visit", "digital"
]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ContactKind = Literal[
    "phone", "freephone", "email", "website", "online_form", "gp_practice", "referring_professional"
]
