"""``flask --app webapp notify send-due`` (one pass) and ``notify run`` (until SIGTERM)."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.orm import Session, sessionmaker

from webapp.models import db
from webapp.models.base import utcnow
from webapp.notify.channels import Channel, build_channels
from webapp.notify.settings import load_notify_settings
from webapp.notify.worker import SendReport, send_due
from webapp.settings import ConfigurationError

logger = logging.getLogger("openmsk.notify")

notify = AppGroup("notify", help="Send the messages waiting in the outbox.")

limit_option = click.option(
    "--limit", default=50, show_default=True, help="Messages claimed per pass."
)


def _worker() -> tuple[Callable[[], Session], dict[str, Channel]]:
    """Check the configuration before touching the outbox: refuse rather than misroute."""
    try:
        settings = load_notify_settings(current_app.config)
    except ConfigurationError as error:
        raise click.ClickException(str(error)) from None
    # Plain sessions, not the request-scoped one: the worker commits its own transactions.
    return sessionmaker(bind=db.engine), build_channels(settings)


def _describe(report: SendReport) -> str:
    return (
        f"claimed {report.claimed}, sent {report.sent}, will retry {report.retrying}, "
        f"permanently failed {report.permanently_failed}"
    )


@notify.command("send-due")
@limit_option
def send_due_command(limit: int) -> None:
    """Send the messages that are due, once."""
    session_factory, channels = _worker()
    report = send_due(session_factory, channels, now=utcnow(), limit=limit)
    click.echo(_describe(report))


@notify.command("run")
@limit_option
@click.option("--interval", default=5.0, show_default=True, help="Seconds between passes.")
def run_command(limit: int, interval: float) -> None:
    """Send due messages until stopped (SIGTERM or Ctrl+C ends it after the current pass)."""
    session_factory, channels = _worker()
    stop = threading.Event()
    previous = {
        number: signal.signal(number, lambda *_: stop.set())
        for number in (signal.SIGTERM, signal.SIGINT)
    }
    click.echo(f"sending through {', '.join(sorted(channels))}; stop with SIGTERM")
    try:
        while not stop.is_set():
            try:
                report = send_due(session_factory, channels, now=utcnow(), limit=limit)
            except Exception as error:
                # A database blip must not end the worker; the class only, as a database
                # error's text can carry the row's values.
                logger.error("notify pass failed: %s", type(error).__name__)
                report = SendReport()
            if report.claimed:
                click.echo(_describe(report))
            # A full pass means more may be waiting: go again at once.
            if report.claimed < limit:
                stop.wait(interval)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    click.echo("stopped")
