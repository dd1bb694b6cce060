"""Problems found in content, each naming the file, the field and what was expected."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import ErrorDetails

_SCALARS = (str, int, float, bool, type(None))


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path or '(whole file)'}: {self.message}"


class ContentError(Exception):
    """The content cannot be used; ``problems`` lists everything wrong, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in content:\n{lines}")


def field_path(loc: Iterable[int | str]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.startswith("["):
            path += part
        else:
            path += f".{part}" if path else part
    return path


def _describe(error: ErrorDetails) -> str:
    message = error["msg"]
    value = error.get("input")
    if error["type"] != "missing" and isinstance(value, _SCALARS):
        shown = repr(value)
        message += f" (got {shown[:60]}{'...' if len(shown) > 60 else ''})"
    return message


def from_validation_error(file: str, error: ValidationError) -> list[Problem]:
    return [Problem(file, field_path(item["loc"]), _describe(item)) for item in error.errors()]
