"""Read content YAML strictly: plain scalars, no silent surprises.

PyYAML follows YAML 1.1, where ``18:30`` is the integer 1110, ``no`` is False and
``2026-02-30`` crashes before validation. Content authors are not YAML experts, so
times and dates stay strings (pydantic then reports bad ones with their field path),
only true/false are booleans, and a key written twice is an error, not a silent overwrite.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]

_RESOLVED_BY_US = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}


class YamlError(ValueError):
    """A file that is not readable YAML; the message names the line."""


class _StrictLoader(yaml.SafeLoader):  # type: ignore[misc, unused-ignore]
    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                line = key_node.start_mark.line + 1
                raise YamlError(f"line {line}: key {key!r} is written twice")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _RESOLVED_BY_US]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)


def read_yaml(path: Path) -> object:
    """Parse one file; raise YamlError with the line for anything unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlError(f"cannot read the file ({exc})") from exc
    return read_yaml_text(text)


def read_yaml_text(text: str) -> object:
    """Parse YAML held in a string (such as a page's front matter) with the same strict rules."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise YamlError(f"{where}{exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise YamlError(str(exc)) from exc
