"""What the codes in service content are called, in the visitor's language."""

from flask_babel import lazy_gettext as _l

DISCIPLINES = {
    "physiotherapy": _l("physiotherapy"),
    "msk_assessment": _l("muscle, bone and joint assessment"),
    "orthopaedics": _l("orthopaedic (bone and joint) specialists"),
    "rheumatology": _l("rheumatology (joint inflammation)"),
    "pain_management": _l("pain management"),
    "me_cfs": _l("ME/CFS (chronic fatigue syndrome)"),
    "msk_podiatry": _l("podiatry (feet)"),
    "orthotics": _l("orthotics (insoles, braces and supports)"),
    "psychology": _l("psychology"),
    "occupational_therapy": _l("occupational therapy"),
    "complex_health_needs": _l("care for complex health needs"),
    "continence": _l("bladder and bowel care"),
    "looked_after_children_health": _l("health checks for children in care"),
    "ehc_plan_health_advice": _l("health advice for Education, Health and Care plans"),
    "diabetes": _l("diabetes care"),
    "respiratory": _l("lung and breathing care"),
    "heart_failure": _l("heart failure care"),
    "pulmonary_rehabilitation": _l("pulmonary rehabilitation (exercise for lung conditions)"),
    "home_oxygen": _l("home oxygen"),
}

MODALITIES = {
    "face_to_face": _l("in person"),
    "telephone": _l("by phone"),
    "video": _l("by video call"),
    "group": _l("in groups"),
    "home_visit": _l("at home, if you cannot travel"),
    "school_visit": _l("at school"),
    "digital": _l("online"),
}

CONTACT_KINDS = {
    "phone": _l("Phone"),
    "freephone": _l("Freephone"),
    "email": _l("Email"),
    "website": _l("Website"),
    "online_form": _l("Online form"),
    "gp_practice": _l("Through your GP practice"),
    "referring_professional": _l("Through the professional who referred you"),
}
