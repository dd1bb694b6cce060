"""Advice pages as printable PDF booklets, for people who read offline or on paper.

Content cannot change while the app runs, so each booklet is made once per page and
language and kept: WeasyPrint takes a second or more, and a clinic may print dozens.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

from flask import render_template
from markupsafe import Markup
from weasyprint import CSS, HTML

from webapp.content.advice import AdvicePage

STYLESHEET = Path(__file__).with_name("booklet.css")
# One family per script, all from Debian's fonts-noto-core and fonts-liberation2.
FONTS = {
    "bn": '"Noto Sans Bengali", "Noto Sans", sans-serif',
    # Naskh, not Nastaliq: with Nastaliq, WeasyPrint's text layer loses letters, so screen
    # readers, search and copy-paste in the PDF read the wrong words.
    "ur": '"Noto Naskh Arabic", sans-serif',
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", sans-serif',
}
DEFAULT_FONT = '"Liberation Sans", Arial, "Noto Sans", sans-serif'

_cache: dict[tuple[str, str], bytes] = {}
_lock = threading.Lock()


def _render(page: AdvicePage, body: Markup, drawings: Path) -> bytes:
    html = render_template(
        "advice/booklet.html",
        page=page,
        body=body,
        drawing_uri=lambda name: (drawings / f"{name}.svg").as_uri(),
    )
    font = CSS(string=f"body {{ font-family: {FONTS.get(page.meta.lang, DEFAULT_FONT)}; }}")
    document = HTML(string=html, base_url=str(drawings))
    return bytes(document.write_pdf(stylesheets=[CSS(filename=str(STYLESHEET)), font]))


def booklet_pdf(page: AdvicePage, body: Markup, drawings: Path) -> io.BytesIO:
    key = (page.meta.slug, page.meta.lang)
    with _lock:
        cached = _cache.get(key)
    if cached is None:
        cached = _render(page, body, drawings)
        with _lock:
            _cache[key] = cached
    return io.BytesIO(cached)
