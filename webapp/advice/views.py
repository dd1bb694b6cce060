from __future__ import annotations

from flask import Response, abort, render_template, request, send_file, url_for

from webapp.advice import bp
from webapp.advice.booklet import booklet_pdf
from webapp.advice.rendering import body_html, search
from webapp.advice.topics import TOPIC_NAMES
from webapp.content.advice import TOPICS
from webapp.content_registry import content
from webapp.i18n import current_language

MAX_QUERY = 100


def _lang() -> str:
    return current_language().code


@bp.get("/")
def index() -> str:
    pages = content().advice.in_language(_lang())
    query = request.args.get("q", "", type=str).strip()[:MAX_QUERY]
    results = search(pages, query) if query else None
    by_topic = [(TOPIC_NAMES[t], [p for p in pages if t in p.meta.topics]) for t in TOPICS]
    return render_template("advice/index.html", by_topic=by_topic, query=query, results=results)


@bp.get("/<slug>")
def page(slug: str) -> str:
    found = content().advice.page(slug, _lang())
    if found is None:
        abort(404)
    return render_template(
        "advice/page.html",
        page=found,
        body=body_html(found),
        drawing_uri=lambda name: url_for("advice.drawing", slug=name),
    )


@bp.get("/<slug>.pdf")
def pdf(slug: str) -> Response:
    found = content().advice.page(slug, _lang())
    if found is None:
        abort(404)
    document = booklet_pdf(found, body_html(found), content().advice.drawings)
    response = send_file(
        document,
        mimetype="application/pdf",
        download_name=f"{slug}-{found.meta.lang}.pdf",
        as_attachment=False,
    )
    # The language can come from the cookie or the browser, so only this browser may cache it.
    response.cache_control.public = False
    response.cache_control.private = True
    response.vary.update(("Cookie", "Accept-Language"))
    return response


@bp.get("/drawings/<slug>.svg")
def drawing(slug: str) -> Response:
    path = content().advice.drawings / f"{slug}.svg"
    if not slug.replace("-", "").isalnum() or not path.is_file():
        abort(404)
    response = send_file(path, mimetype="image/svg+xml", max_age=86400)
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
