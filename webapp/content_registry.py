"""Content loaded once at start-up and held on the app, so a broken file stops the app early."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app

from webapp.content import Catalogue, load_catalogue
from webapp.content.advice import AdviceLibrary, load_advice
from webapp.content.loader import DEFAULT_ROOT
from webapp.content.questionnaires import QuestionnaireLibrary, load_questionnaires
from webapp.content.red_flags import RedFlagRules, load_red_flags

EXTENSION_KEY = "openmsk.content"


@dataclass(frozen=True)
class LoadedContent:
    catalogue: Catalogue
    advice: AdviceLibrary
    red_flags: RedFlagRules
    questionnaires: QuestionnaireLibrary


@lru_cache(maxsize=8)
def _read(root: Path) -> LoadedContent:
    # Frozen data, read once per process: app factories (tests, workers) share it.
    catalogue = load_catalogue(root)
    return LoadedContent(
        catalogue=catalogue,
        advice=load_advice(root / "advice"),
        red_flags=load_red_flags(root),
        questionnaires=load_questionnaires(
            root,
            service_ids=frozenset(catalogue.services),
            condition_codes=frozenset(catalogue.conditions),
        ),
    )


def content_root(app: Flask) -> Path:
    """The folder the app loads: OPENMSK_CONTENT_ROOT if set, else the repository's content/."""
    return Path(app.config.get("OPENMSK_CONTENT_ROOT", DEFAULT_ROOT))


def load_content(app: Flask, root: Path) -> None:
    """Raise ContentError, naming every broken file and field, if anything is wrong."""
    app.extensions[EXTENSION_KEY] = _read(root.resolve())
    app.extensions["openmsk.content_loaded"] = True


def content() -> LoadedContent:
    loaded: LoadedContent = current_app.extensions[EXTENSION_KEY]
    return loaded
