"""Markdown to HTML for advice prose, and the search over a language's pages."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

from webapp.content.advice import AdvicePage

# Raw HTML in content is switched off: pages are prose, and this keeps them so.
_markdown = MarkdownIt("commonmark", {"html": False, "typographer": False})


@lru_cache(maxsize=512)
def _render(body: str) -> str:
    return _markdown.render(body)


def body_html(page: AdvicePage) -> Markup:
    return Markup(_render(page.body))  # noqa: S704 - rendered with raw HTML disabled


@lru_cache(maxsize=512)
def _searchable(page: AdvicePage) -> str:
    meta = page.meta
    parts = [meta.title, meta.summary, page.body, *(e.title for e in meta.exercises)]
    return " ".join(parts).casefold()


def search(pages: list[AdvicePage], query: str) -> list[AdvicePage]:
    """Pages containing every word of the query, title matches first."""
    words = query.casefold().split()
    if not words:
        return []
    found = [page for page in pages if all(word in _searchable(page) for word in words)]
    in_title = [p for p in found if all(w in p.meta.title.casefold() for w in words)]
    return in_title + [p for p in found if p not in in_title]
