"""``flask --app webapp demo load``: demo data for a local site, never for production."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

demo = AppGroup("demo", help="Demo data for a local site.")


@demo.command("load")
def load_demo() -> None:
    """Load demo data (idempotent). Refuses to run in production."""
    if current_app.config["OPENMSK_ENV"] == "production":
        raise click.ClickException("Demo data is never loaded in production.")
    from webapp.demo import load

    for line in load():
        click.echo(line)


def init_app(app: Flask) -> None:
    from webapp import content_cli
    from webapp.notify.cli import notify
    from webapp.referral_cli import referrals
    from webapp.staff.cli import staff

    app.cli.add_command(demo)
    app.cli.add_command(content_cli.content)
    app.cli.add_command(notify)
    app.cli.add_command(staff)
    app.cli.add_command(referrals)
