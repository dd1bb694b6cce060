"""What each advice topic is called, in the visitor's language."""

from flask_babel import lazy_gettext as _l

from webapp.content.advice import TOPICS

TOPIC_NAMES = {
    "lower_back": _l("Lower back"),
    "upper_back": _l("Upper back"),
    "neck": _l("Neck"),
    "shoulder": _l("Shoulder"),
    "elbow": _l("Elbow"),
    "hand_wrist": _l("Hand and wrist"),
    "hip": _l("Hip"),
    "knee": _l("Knee"),
    "foot_ankle": _l("Foot and ankle"),
    "widespread": _l("Pain in many places and long-lasting pain"),
    "head_jaw": _l("Head and jaw"),
    "bones": _l("Bones"),
    "long_term_conditions": _l("Lung, heart and diabetes plans"),
}
assert set(TOPIC_NAMES) == set(TOPICS), "every topic needs a name"
