"""Service content as validated, typed data.

Knows nothing of the web or the database (an import-linter contract holds it to that):
``load_catalogue()`` reads ``content/`` once and returns frozen models, or raises
``ContentError`` listing every problem with its file and field.
"""

from webapp.content.loader import Catalogue, check_catalogue, load_catalogue
from webapp.content.problems import ContentError, Problem
from webapp.content.service import Service
from webapp.content.text import LANGUAGES, RIGHT_TO_LEFT, Language

__all__ = [
    "LANGUAGES",
    "RIGHT_TO_LEFT",
    "Catalogue",
    "ContentError",
    "Language",
    "Problem",
    "Service",
    "check_catalogue",
    "load_catalogue",
]
