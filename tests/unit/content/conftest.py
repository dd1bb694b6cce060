"""Content fixtures: the real catalogue, and a scratch content folder for tests to break."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest
import yaml

from webapp.content import LANGUAGES, Catalogue, check_catalogue, load_catalogue
from webapp.content.loader import DEFAULT_ROOT

CITE = "000_fbc9cdd622a3ad15.txt §CS_24 3.3.1"
DELETE = "<delete>"


def minimal_service(service_id: str = "sample-service") -> dict[str, Any]:
    """The smallest service file that passes every check."""
    text = {language: f"{language} text" for language in LANGUAGES}
    return {
        "id": service_id,
        "name": dict(text),
        "summary": dict(text),
        "commissioner": {"name": "Sample CCG", "specification": "Sample", "source": CITE},
        "area": {
            "source": CITE,
            "localities": [{"code": "sample_area", "name": "Sample Area"}],
            "practices_are_sample": True,
            "practices": [{"ods": "Z99001", "name": "Sample Surgery", "locality": "sample_area"}],
        },
        "disciplines": {"codes": ["physiotherapy"], "source": CITE},
        "referral_routes": [{"route": "self", "source": CITE}],
        "self_referral": {"open": True, "source": CITE},
        "age": [{"min_age": 18, "source": CITE}],
        "conditions": {"excluded": [{"codes": ["vertigo"], "source": CITE}]},
        "priority_findings": {"handling": "refuse", "source": CITE},
        "queue": {"order": "priority_then_due", "source": CITE},
        "pifu": {"offered": False, "source": CITE},
        "did_not_attend": {"policy": "not_stated", "source": CITE},
        "modalities": {"codes": ["face_to_face"], "source": CITE},
        "hours": {"source": CITE},
        "contact": [{"kind": "gp_practice", "source": CITE}],
    }


def _edit(data: Any, path: str, value: object) -> None:
    """Set (or with DELETE remove) the value at a path like ``area.practices[0].ods``."""
    keys = path.replace("[", ".").replace("]", "").split(".")
    parts = [int(key) if key.isdigit() else key for key in keys]
    target = data
    for part in parts[:-1]:
        target = target[part]
    if value == DELETE:
        del target[parts[-1]]
    else:
        target[parts[-1]] = deepcopy(value)


class ContentFolder:
    """A copy of the real registers plus one valid service, in a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "services").mkdir(parents=True)
        for name in ("sources.yaml", "conditions.yaml"):
            shutil.copy(DEFAULT_ROOT / name, root / name)
        self.write_service()

    def write_service(
        self,
        edits: Mapping[str, object] | None = None,
        *,
        file_id: str = "sample-service",
        data: dict[str, Any] | None = None,
    ) -> Path:
        service = data if data is not None else minimal_service(file_id)
        for path, value in (edits or {}).items():
            _edit(service, path, value)
        return self.write(f"services/{file_id}.yaml", yaml.safe_dump(service, allow_unicode=True))

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.write_text(text, encoding="utf-8")
        return path

    def problems(self) -> list[str]:
        return check_catalogue(self.root)


@pytest.fixture
def content_folder(tmp_path: Path) -> ContentFolder:
    return ContentFolder(tmp_path / "content")


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()
