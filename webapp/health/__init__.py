"""``/healthz``: what a load balancer and an on-call engineer need to know, nothing more."""

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from webapp.extensions import db

bp = Blueprint("health", __name__)


def _database_reachable() -> bool:
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return False
    return True


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    database = _database_reachable()
    content = bool(current_app.extensions.get("openmsk.content_loaded", False))
    healthy = database and content
    body = {
        "status": "ok" if healthy else "unavailable",
        "database": database,
        "content": content,
        "version": current_app.config["OPENMSK_VERSION"],
    }
    return jsonify(body), 200 if healthy else 503
