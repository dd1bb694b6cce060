"""Which language a visitor sees, and how the choice is remembered.

Order: ``?lang=xx`` on any URL (then remembered in a cookie), the cookie, the browser's
Accept-Language, English. Unknown codes fall back silently: a stale link must never error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from babel.lists import format_list
from flask import Flask, Response, g, request
from flask_babel import get_locale

from webapp.content.text import LANGUAGES as CONTENT_LANGUAGES
from webapp.content.text import RIGHT_TO_LEFT


@dataclass(frozen=True)
class Language:
    code: str
    # The language's own name, so a reader finds it whatever language the page is in.
    native_name: str
    rtl: bool = False

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


# The site's languages and their direction are content facts (webapp/content/text.py), so
# content checks and the interface can never disagree; only the names shown live here.
NATIVE_NAMES = {
    "en": "English",
    "pl": "Polski",
    "ro": "Română",
    "bn": "বাংলা",
    "ur": "اردو",
    "ar": "العربية",
}
LANGUAGES: tuple[Language, ...] = tuple(
    Language(code, NATIVE_NAMES[code], rtl=code in RIGHT_TO_LEFT) for code in CONTENT_LANGUAGES
)
BY_CODE = {language.code: language for language in LANGUAGES}
DEFAULT = BY_CODE["en"]
COOKIE_NAME = "openmsk_lang"
COOKIE_MAX_AGE = 60 * 60 * 24 * 365


def _requested_code() -> str | None:
    code = request.args.get("lang", type=str)
    return code if code in BY_CODE else None


# Babel formats dates, times and lists by locale; plain "en" is American ("9:00 AM",
# "November 23"). English pages here are British. No en_GB catalogue exists, so gettext
# falls back to the English source text, as intended.
FORMAT_LOCALES = {"en": "en_GB"}


def _site_code() -> str:
    if (code := _requested_code()) is not None:
        return code
    if (code := request.cookies.get(COOKIE_NAME)) in BY_CODE:
        return str(code)
    return request.accept_languages.best_match([lang.code for lang in LANGUAGES]) or DEFAULT.code


def select_locale() -> str:
    """Flask-Babel's locale selector."""
    code = _site_code()
    return FORMAT_LOCALES.get(code, code)


def current_language() -> Language:
    return BY_CODE.get(get_locale().language, DEFAULT) if get_locale() else DEFAULT


def _remember_choice(response: Response) -> Response:
    code = _requested_code()
    # A shared cache must never hand one visitor's language cookie to the next.
    if response.cache_control.public:
        return response
    if code is not None and request.cookies.get(COOKIE_NAME) != code:
        response.set_cookie(
            COOKIE_NAME,
            code,
            max_age=COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=bool(g.get("secure_cookies", True)),
        )
    return response


def language_url(code: str) -> str:
    """This page in another language, keeping the page's other query parameters."""
    args = [(key, value) for key, value in request.args.items(multi=True) if key != "lang"]
    # Query-only: echoing request.path would let /%5Cevil.example/ become a link off-site.
    return "?" + urlencode([*args, ("lang", code)])


def _template_context() -> dict[str, object]:
    return {
        "current_language": current_language(),
        "languages": LANGUAGES,
        "language_url": language_url,
    }


def localised(text: Mapping[str, str]) -> str:
    """Content text in the visitor's language (content checks guarantee every language)."""
    return text[current_language().code]


def list_of(items: Iterable[str]) -> str:
    """'a, b and c' with the visitor's language's own separators and conjunction."""
    return format_list([str(item) for item in items], locale=str(get_locale()))


def init_app(app: Flask) -> None:
    app.jinja_env.filters["localised"] = localised
    app.jinja_env.filters["list_of"] = list_of

    @app.before_request
    def _cookie_policy() -> None:
        g.secure_cookies = app.config["SESSION_COOKIE_SECURE"]

    app.after_request(_remember_choice)
    app.context_processor(_template_context)
