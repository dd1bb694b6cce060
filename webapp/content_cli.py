"""``flask --app webapp content check``: validate everything in content/ as start-up would."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from webapp.content import check_catalogue, load_catalogue
from webapp.content.advice import read_advice
from webapp.content.problems import ContentError
from webapp.content.questionnaires import read_questionnaires
from webapp.content.red_flags import check_red_flags
from webapp.content_registry import content_root
from webapp.notify.message_content import read_messages

content = AppGroup("content", help="Service content in content/.")


def _messages(folder: Path) -> tuple[Mapping[str, object], list[str]]:
    try:
        return read_messages(folder), []
    except ContentError as error:
        return {}, [str(problem) for problem in error.problems]


def _questionnaires(root: Path) -> tuple[int, list[str]]:
    try:
        catalogue = load_catalogue(root)
    except ContentError:
        # Checked against the services and condition codes once those load; their problems
        # are already listed.
        return 0, []
    library, problems = read_questionnaires(
        root,
        service_ids=frozenset(catalogue.services),
        condition_codes=frozenset(catalogue.conditions),
    )
    return len(library.by_id), [str(problem) for problem in problems]


@content.command("check")
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Content folder to check (default: the repository's content/).",
)
def check(root: Path | None) -> None:
    """Print every problem and exit 1, or print a summary and exit 0."""
    # The folder the app itself would load, unless told otherwise.
    root = root or content_root(current_app)
    advice, advice_problems = read_advice(root / "advice")
    messages, message_problems = _messages(root / "messages")
    questionnaires, questionnaire_problems = _questionnaires(root)
    problems = [
        *check_catalogue(root),
        *check_red_flags(root),
        *(str(problem) for problem in advice_problems),
        *message_problems,
        *questionnaire_problems,
    ]
    if problems:
        for problem in problems:
            click.echo(problem)
        raise click.exceptions.Exit(1)
    catalogue = load_catalogue(root)
    practices = sum(len(service.area.practices) for service in catalogue.services.values())
    click.echo(
        f"Content OK: {len(catalogue.services)} services, {practices} practices, "
        f"{len(catalogue.conditions)} condition codes, {len(advice.pages)} advice pages "
        f"in every language, {len(messages)} messages, {questionnaires} questionnaires."
    )
