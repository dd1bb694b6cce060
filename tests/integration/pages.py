"""Fetch a page and check what every page must have, in the style of notifications-admin.

Every page: the expected status, HTML that parses without errors, ``<html lang dir>`` for
the visitor's language, a title, one h1, no template syntax leaking through, and, in any
language but English, none of the English interface sentences left untranslated.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import html5lib
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from webapp.i18n import BY_CODE

POT = Path(__file__).resolve().parents[2] / "translations" / "messages.pot"
# Words that stay the same in every language, so a sentence made only of them proves nothing.
SAME_IN_EVERY_LANGUAGE = {"OpenMSK", "NHS", "NHS 111", "999", "A&E"}


@cache
def english_sentences() -> frozenset[str]:
    with POT.open("rb") as handle:
        catalogue = read_po(handle)
    return frozenset(
        str(message.id)
        for message in catalogue
        if message.id
        and len(str(message.id).split()) >= 3
        and str(message.id) not in SAME_IN_EVERY_LANGUAGE
    )


@dataclass
class PageChecker:
    client: FlaskClient

    def get(self, url: str, *, status: int = 200, lang: str = "en") -> BeautifulSoup:
        response = self.client.get(url)
        assert response.status_code == status, f"{url}: {response.status_code} != {status}"
        assert response.mimetype == "text/html", url
        return self.check(response.get_data(as_text=True), url=url, lang=lang)

    def check(self, body: str, *, url: str, lang: str) -> BeautifulSoup:
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(body)
        assert not parser.errors, f"{url}: HTML parse errors {parser.errors[:3]}"

        page = BeautifulSoup(body, "html.parser")
        html = page.find("html")
        assert html is not None and html.get("lang") == lang, (
            f"{url}: lang {html and html.get('lang')}"
        )
        assert html.get("dir") == BY_CODE[lang].direction, f"{url}: dir {html.get('dir')}"
        title = page.find("title")
        assert title is not None and title.get_text(strip=True), f"{url}: no title"
        assert len(page.find_all("h1")) == 1, f"{url}: expected exactly one h1"
        text = page.get_text(" ", strip=True)
        for leak in ("{{", "}}", "{%", "%}", "Undefined"):
            assert leak not in text, f"{url}: template syntax {leak!r} in the page"
        if lang != "en":
            untranslated = sorted(s for s in english_sentences() if s in body)
            assert not untranslated, f"{url}: untranslated in {lang}: {untranslated[:3]}"
        return page
