"""No language is half done: every catalogue translates every interface string."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from webapp.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [lang.code for lang in LANGUAGES if lang.code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)s|%%|\{\w+\}")


def catalogue(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def forms(message: object) -> list[str]:
    """Every translated form: one for a plain message, one per plural form for a plural."""
    string = message.string  # type: ignore[attr-defined]
    return [str(form) for form in string] if isinstance(string, tuple) else [str(string)]


def ids(cat: Catalog) -> set[str]:
    return {str(message.id) for message in cat if message.id}


@pytest.fixture(scope="module")
def template() -> Catalog:
    return catalogue(ROOT / "translations" / "messages.pot")


class TestCatalogues:
    @pytest.mark.parametrize("code", TRANSLATED)
    def test_every_string_is_translated_and_none_is_fuzzy(
        self, template: Catalog, code: str
    ) -> None:
        cat = catalogue(ROOT / "translations" / code / "LC_MESSAGES" / "messages.po")
        assert ids(cat) == ids(template), "run `make update-messages`"
        assert not cat.fuzzy, f"{code}: the catalogue header is fuzzy, so it would not compile"
        empty = [str(m.id) for m in cat if m.id and not all(forms(m))]
        wrong_plurals = [
            str(m.id) for m in cat if m.pluralizable and len(forms(m)) != cat.num_plurals
        ]
        assert not wrong_plurals, f"{code}: needs {cat.num_plurals} plural forms: {wrong_plurals}"
        fuzzy = [str(m.id) for m in cat if m.id and m.fuzzy]
        assert not empty, f"{code}: {len(empty)} untranslated, e.g. {empty[:3]}"
        assert not fuzzy, f"{code}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}"

    @pytest.mark.parametrize("code", TRANSLATED)
    def test_placeholders_survive_translation(self, code: str) -> None:
        cat = catalogue(ROOT / "translations" / code / "LC_MESSAGES" / "messages.po")
        for message in cat:
            if not message.id:
                continue
            if not message.pluralizable:
                expected = sorted(PLACEHOLDER.findall(str(message.id)))
                assert sorted(PLACEHOLDER.findall(str(message.string))) == expected, message.id
                continue
            # A plural form may spell out the number ("one day"), but keeps every other name.
            expected_set = set(PLACEHOLDER.findall(str(message.id[0])))
            for form in forms(message):
                found = set(PLACEHOLDER.findall(form))
                assert found <= expected_set, (message.id, form)
                assert expected_set - {"%(num)d"} <= found, (message.id, form)

    def test_template_is_up_to_date_with_the_source(
        self, template: Catalog, tmp_path: Path
    ) -> None:
        fresh = tmp_path / "messages.pot"
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from babel.messages.frontend import main; main()",
                "extract",
                "-F",
                "babel.cfg",
                "-k",
                "_l",
                "-k",
                "lazy_gettext",
                "-o",
                str(fresh),
                ".",
            ],
            cwd=ROOT,
            check=True,
        )
        assert ids(catalogue(fresh)) == ids(template), "run `make update-messages`"
