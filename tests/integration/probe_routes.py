"""Routes tests add to a real app to reach what no page does yet: a form, a query, a crash."""

from __future__ import annotations

from flask import Flask, render_template_string
from flask_wtf import FlaskForm
from wtforms import StringField

from webapp.extensions import db
from webapp.models import AuditEvent

FORM_PAGE = """{% extends "layouts/base.html" %}
{% block title %}Probe{% endblock %}
{% block content %}<h1>Probe</h1>
<form method="post" novalidate>{{ form.csrf_token }}{{ form.name() }}<button>Send</button></form>
{% endblock %}"""


class ProbeForm(FlaskForm):
    name = StringField()


def add_probe_routes(app: Flask) -> None:
    @app.route("/_probe/form", methods=["GET", "POST"])
    def probe_form() -> str:
        form = ProbeForm()
        if form.validate_on_submit():
            return "accepted"
        return render_template_string(FORM_PAGE, form=form)

    @app.get("/_probe/db")
    def probe_db() -> str:
        return str(db.session.query(AuditEvent).count())

    @app.get("/_probe/boom")
    def probe_boom() -> str:
        raise RuntimeError("secret patient detail that must never reach a page or a log")
