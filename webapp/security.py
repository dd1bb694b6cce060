"""Response headers that every page carries.

The CSP allows scripts only from our own origin or with this response's nonce, so an
injected inline script cannot run; NHS.UK frontend's one inline script takes the nonce.
"""

from __future__ import annotations

import secrets

from flask import Flask, Response, g

CSP_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' 'nonce-{nonce}'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)

STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def csp_nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return str(g.csp_nonce)


def _set_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = "; ".join(CSP_DIRECTIVES).format(
        nonce=csp_nonce()
    )
    for name, value in STATIC_HEADERS.items():
        response.headers.setdefault(name, value)
    if g.get("secure_cookies"):
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    # Pages may hold health answers; shared computers must not keep them in a cache.
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers.pop("Server", None)
    return response


def init_app(app: Flask) -> None:
    app.after_request(_set_headers)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
