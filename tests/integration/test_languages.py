"""How a visitor's language is chosen and remembered."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from webapp.i18n import COOKIE_NAME


def html_lang(client: FlaskClient, url: str, **kwargs: object) -> tuple[str, str]:
    body = client.get(url, **kwargs).get_data(as_text=True)
    start = body.index("<html")
    tag = body[start : body.index(">", start)]
    lang = tag.split('lang="')[1].split('"')[0]
    direction = tag.split('dir="')[1].split('"')[0]
    return lang, direction


class TestChoosingALanguage:
    @pytest.mark.parametrize(
        ("code", "direction"),
        [
            pytest.param("ur", "rtl", id="urdu reads right to left"),
            pytest.param("ar", "rtl", id="arabic reads right to left"),
            pytest.param("bn", "ltr", id="bengali reads left to right"),
            pytest.param("pl", "ltr", id="polish reads left to right"),
        ],
    )
    def test_lang_parameter_sets_language_and_direction(
        self, client: FlaskClient, code: str, direction: str
    ) -> None:
        assert html_lang(client, f"/?lang={code}") == (code, direction)

    def test_choice_is_remembered_on_the_next_page(self, client: FlaskClient) -> None:
        client.get("/?lang=ro")
        cookie = client.get_cookie(COOKIE_NAME)
        assert cookie is not None and cookie.value == "ro"
        assert html_lang(client, "/privacy") == ("ro", "ltr")

    def test_remembered_choice_beats_the_browser_setting(self, client: FlaskClient) -> None:
        client.get("/?lang=ar")
        assert html_lang(client, "/", headers={"Accept-Language": "pl"}) == ("ar", "rtl")

    def test_browser_setting_is_used_when_nothing_was_chosen(self, client: FlaskClient) -> None:
        headers = {"Accept-Language": "fr-FR, bn;q=0.8, en;q=0.5"}
        assert html_lang(client, "/", headers=headers) == ("bn", "ltr")

    def test_english_when_the_browser_asks_for_nothing_we_have(self, client: FlaskClient) -> None:
        assert html_lang(client, "/", headers={"Accept-Language": "fr, de"}) == ("en", "ltr")

    @pytest.mark.parametrize(
        "code", ["xx", "", "UR", "../etc", "en-GB<script>"], ids=lambda c: f"lang={c!r}"
    )
    def test_unknown_language_falls_back_without_error(
        self, client: FlaskClient, code: str
    ) -> None:
        response = client.get("/", query_string={"lang": code})
        assert response.status_code == 200
        assert html_lang(client, "/", query_string={"lang": code}) == ("en", "ltr")
        assert client.get_cookie(COOKIE_NAME) is None

    def test_language_cookie_is_httponly_and_lax(self, client: FlaskClient) -> None:
        header = client.get("/?lang=pl").headers["Set-Cookie"]
        assert "HttpOnly" in header and "SameSite=Lax" in header and "Secure" in header

    def test_switcher_keeps_the_pages_other_parameters(self, client: FlaskClient) -> None:
        body = client.get("/?page=2&lang=pl").get_data(as_text=True)
        assert 'href="?page=2&amp;lang=ur"' in body

    @pytest.mark.parametrize(
        "path", ["/%5Cevil.example/", "//evil.example/", "/%2F%2Fevil.example"]
    )
    def test_language_links_never_lead_off_site(self, client: FlaskClient, path: str) -> None:
        body = client.get(path).get_data(as_text=True)
        links = re.findall(r'class="openmsk-language-switcher__link" href="([^"]+)"', body)
        assert links and all(link.startswith("?lang=") for link in links), links
