"""``flask --app webapp staff create``: a staff account and its one-time set-up link."""

from __future__ import annotations

import click
from email_validator import EmailNotValidError, validate_email
from flask.cli import AppGroup

from webapp.clock import now
from webapp.content_registry import content
from webapp.extensions import db
from webapp.models.staff import StaffRole, staff_by_email
from webapp.staff import accounts

staff = AppGroup("staff", help="Staff accounts.")


@staff.command("create")
@click.option("--email", required=True, help="Work email address; used to sign in.")
@click.option("--role", required=True, type=click.Choice([r.value for r in StaffRole]))
@click.option(
    "--service", "services", required=True, multiple=True, help="A service id; repeatable."
)
def create(email: str, role: str, services: tuple[str, ...]) -> None:
    """Create a staff account and print its one-time set-up link (valid 72 hours)."""
    try:
        address = validate_email(email, check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise click.BadParameter(str(error), param_hint="--email") from None
    known = content().catalogue.services
    unknown = sorted(set(services) - set(known))
    if unknown:
        raise click.BadParameter(
            f"unknown service {', '.join(unknown)}; one of: {', '.join(sorted(known))}",
            param_hint="--service",
        )
    if staff_by_email(address) is not None:
        raise click.ClickException(f"A staff account for {address} already exists.")
    token = accounts.create_staff(address, StaffRole(role), list(services), now())
    db.session.commit()
    click.echo(f"Created {role} {address} for {', '.join(sorted(set(services)))}.")
    click.echo("Send this one-time set-up link privately; it works once, for 72 hours:")
    click.echo(f"/staff/setup/{token}")
