from flask import render_template

from webapp.pages import bp


@bp.get("/")
def start() -> str:
    return render_template("pages/start.html")


@bp.get("/privacy")
def privacy() -> str:
    return render_template("pages/privacy.html")


@bp.get("/accessibility")
def accessibility() -> str:
    return render_template("pages/accessibility.html")


@bp.get("/contact")
def contact() -> str:
    return render_template("pages/contact.html")
