"""Babel extraction of the English text in questionnaire and red-flag content files.

Registered as the ``openmsk_yaml`` extractor (pyproject.toml entry point) and used by
babel.cfg, so ``make update-messages`` puts every question a patient can see into the
catalogues, and the translation tests then fail on any language that lacks it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import yaml  # type: ignore[import-untyped, unused-ignore]

# The fields of content files that patients read. Everything else is codes or notes.
TEXT_FIELDS = frozenset(
    {
        "text",
        "hint",
        "text_other",
        "hint_other",
        "title",
        "error_required",
        "low_label",
        "high_label",
    }
)
# Top-level sections whose text is for reviewers, never shown (red_flags.yaml's guidance).
SKIPPED_SECTIONS = frozenset({"guidance", "notes", "rules"})


def extract_yaml(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Yield (line number, function name, message, comments) as Babel expects."""
    node = yaml.compose(fileobj.read().decode("utf-8"))
    if node is not None:
        yield from _walk(node, top=True)


def _walk(node: yaml.Node, *, top: bool = False) -> Iterator[tuple[int, str, str, list[str]]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else ""
            if top and name in SKIPPED_SECTIONS:
                continue
            if name in TEXT_FIELDS and isinstance(value, yaml.ScalarNode) and value.value:
                yield value.start_mark.line + 1, "gettext", value.value, []
            else:
                yield from _walk(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item)
