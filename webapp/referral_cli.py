"""``flask --app webapp referrals purge-drafts``: delete drafts nobody has saved for 30 days.

Run it daily (cron or a scheduled job): an unsubmitted draft still holds personal data.
"""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy.orm import sessionmaker

from webapp.models import db
from webapp.models.base import utcnow
from webapp.services.referrals import purge_expired_drafts

referrals = AppGroup("referrals", help="Self-referral housekeeping.")


@referrals.command("purge-drafts")
def purge_drafts() -> None:
    """Delete expired referral drafts and print how many went."""
    with sessionmaker(bind=db.engine)() as session, session.begin():
        deleted = purge_expired_drafts(session, now=utcnow())
    click.echo(f"Deleted {deleted} expired referral draft(s).")
