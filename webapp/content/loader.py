"""Read and validate everything in ``content/`` once; report every problem, not the first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from webapp.content.checks_catalogue import check_areas, check_sources
from webapp.content.checks_service import check_service
from webapp.content.problems import ContentError, Problem, from_validation_error
from webapp.content.service import Service
from webapp.content.vocabulary import ConditionEntry, ConditionsFile, SourcesFile
from webapp.content.yaml_io import YamlError, read_yaml

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "content"
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Catalogue:
    services: Mapping[str, Service]
    conditions: Mapping[str, ConditionEntry]
    sources: SourcesFile


def load_catalogue(root: Path | None = None) -> Catalogue:
    """The validated catalogue; raises ContentError listing every problem. Call once at start-up."""
    catalogue, problems = _read(root or DEFAULT_ROOT)
    if problems or catalogue is None:
        raise ContentError(problems)
    return catalogue


def check_catalogue(root: Path | None = None) -> list[str]:
    """Every problem in the content as a line naming file, field and what was expected."""
    return [str(problem) for problem in _read(root or DEFAULT_ROOT)[1]]


def parse_file(path: Path, model: type[M], file: str, problems: list[Problem]) -> M | None:
    if not path.is_file():
        problems.append(Problem(file, "", "the file is missing"))
        return None
    try:
        data = read_yaml(path)
    except YamlError as exc:
        problems.append(Problem(file, "", f"not valid YAML: {exc}"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(from_validation_error(file, exc))
        return None


def _read(root: Path) -> tuple[Catalogue | None, list[Problem]]:
    def label(path: Path) -> str:
        return file_label(root, path)

    problems: list[Problem] = []
    sources = parse_file(root / "sources.yaml", SourcesFile, label(root / "sources.yaml"), problems)
    vocabulary = parse_file(
        root / "conditions.yaml", ConditionsFile, label(root / "conditions.yaml"), problems
    )
    known = vocabulary.conditions.keys() if vocabulary else None
    services: dict[str, Service] = {}
    files: dict[str, str] = {}
    for path in _service_files(root, problems):
        service = parse_file(path, Service, label(path), problems)
        if service is None:
            continue
        findings = check_service(service, expected_id=path.stem, known_conditions=known)
        problems += [Problem(label(path), where, what) for where, what in findings]
        if sources:
            cited = check_sources(service, sources)
            problems += [Problem(label(path), where, what) for where, what in cited]
        services[service.id] = service
        files[service.id] = label(path)
    problems += [Problem(files[sid], where, what) for sid, where, what in check_areas(services)]
    if problems or sources is None or vocabulary is None:
        return None, problems
    return Catalogue(MappingProxyType(services), vocabulary.conditions, sources), problems


def file_label(root: Path, path: Path) -> str:
    """Files are named from the content folder, e.g. ``content/services/ipops.yaml``."""
    return path.relative_to(root.parent).as_posix()


def _service_files(root: Path, problems: list[Problem]) -> list[Path]:
    folder = root / "services"
    name = file_label(root, folder)
    if not folder.is_dir():
        problems.append(Problem(name, "", "the folder of service files is missing"))
        return []
    files = sorted(folder.iterdir())
    for path in files:
        if path.suffix != ".yaml":
            problems.append(Problem(name, path.name, "service files must end in .yaml"))
    found = [path for path in files if path.suffix == ".yaml"]
    if not found:
        problems.append(Problem(name, "", "no service files (*.yaml) found"))
    return found
