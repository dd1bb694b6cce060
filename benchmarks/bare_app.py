"""The comparison app for ``benchmarks/pages.py``: bare Flask, one Jinja page, nothing else.

No database, no Babel, no extensions, no before/after-request hooks, no security headers.
It answers every path with one page that is the size set in ``BARE_PAGE_BYTES`` (the size
of OpenMSK's ``/``), so the gap between the two is what OpenMSK adds on top of the
Flask + Jinja + gunicorn floor for a page of that size.

``pages.py`` starts it as ``gunicorn --pythonpath benchmarks 'bare_app:create_app()'``.
"""

from __future__ import annotations

import os

from flask import Flask, render_template
from jinja2 import DictLoader

# Every row renders to the same number of bytes (the row number is zero-padded), so the
# number of rows, then a comment of padding, hits the target size to the byte.
TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Bare page</title></head>
<body>
<main>
{%- for i in range(rows) %}
<p>Row {{ "%06d" | format(i) }}: a paragraph of plain text, much like a page of advice.</p>
{%- endfor %}
</main>
<!--{{ pad }}-->
</body>
</html>
"""

DEFAULT_BYTES = 7_500


def _size(app: Flask, rows: int, pad: str = "") -> int:
    with app.app_context():
        return len(render_template("page.html", rows=rows, pad=pad).encode())


def create_app() -> Flask:
    app = Flask(__name__)
    app.jinja_loader = DictLoader({"page.html": TEMPLATE})
    target = int(os.environ.get("BARE_PAGE_BYTES", DEFAULT_BYTES))

    empty = _size(app, 0)
    per_row = _size(app, 1) - empty
    rows = max(0, (target - empty) // per_row)
    pad = "x" * max(0, target - _size(app, rows))
    page_args = {"rows": rows, "pad": pad}

    @app.get("/", defaults={"path": ""})
    @app.get("/<path:path>")
    def page(path: str) -> str:
        # Rendered on every request, as OpenMSK renders its pages.
        return render_template("page.html", **page_args)

    return app
