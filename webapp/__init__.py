"""OpenMSK: the Flask application factory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from jinja2 import ChainableUndefined, ChoiceLoader, FileSystemLoader, PackageLoader

from webapp import errors, i18n, request_log, security
from webapp.content_registry import content_root, load_content
from webapp.extensions import babel, compress, csrf, db, limiter, migrate
from webapp.settings import load_settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` overrides settings, for tests and tools."""
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        static_url_path="/static",
    )
    settings = load_settings(instance_path=Path(app.instance_path))
    app.config.update(settings.flask_config())
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(PROJECT_ROOT / "translations")
    if config:
        app.config.update(config)

    # Our templates first, then the NHS.UK frontend macros from nhsuk-frontend-jinja.
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(Path(__file__).parent / "templates"),
            PackageLoader("nhsuk_frontend_jinja"),
        ]
    )
    # The NHS.UK macros read optional params as ``params.a.b``; they need chainable undefineds.
    app.jinja_env.undefined = ChainableUndefined
    app.jinja_env.add_extension("jinja2.ext.do")

    db.init_app(app)
    migrate.init_app(app)
    csrf.init_app(app)
    compress.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    limiter.init_app(app)

    request_log.init_app(app)
    security.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)

    load_content(app, content_root(app))

    from webapp import cli
    from webapp.advice import bp as advice_bp
    from webapp.health import bp as health_bp
    from webapp.pages import bp as pages_bp
    from webapp.referral import bp as referral_bp
    from webapp.service_pages import bp as services_bp
    from webapp.staff import bp as staff_bp
    from webapp.staff import login as staff_login

    for blueprint in (pages_bp, health_bp, advice_bp, services_bp, referral_bp, staff_bp):
        app.register_blueprint(blueprint)
    staff_login.init_app(app)
    cli.init_app(app)
    return app
