"""A small stand-in for the GOV.UK Notify API on 127.0.0.1, speaking its documented paths.

POST /v2/notifications/email and /v2/notifications/sms: checks the JWT in the
Authorization header against the service's secret (403 AuthError without it), records the
request, and answers 201 with a notification id, or what the test scripted next: 400 with
a ValidationError, 500, or a reply slower than the client's time-out.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from notifications_python_client.authentication import decode_jwt_token

SERVICE_ID = "11111111-1111-4111-8111-111111111111"
SECRET = "22222222-2222-4222-8222-222222222222"
API_KEY = f"openmsk_test-{SERVICE_ID}-{SECRET}"
PATHS = {"/v2/notifications/email": "email", "/v2/notifications/sms": "sms"}
ERRORS = {
    400: {"error": "ValidationError", "message": "phone_number Not a UK mobile number"},
    403: {"error": "AuthError", "message": "Invalid token: API key not found"},
    500: {"error": "Exception", "message": "Internal server error"},
}


@dataclass(frozen=True)
class Received:
    kind: str
    body: dict[str, Any]


@dataclass
class FakeNotify:
    base_url: str = ""
    received: list[Received] = field(default_factory=list)
    # What to answer next, in order: 201, 400, 500 or "slow"; then 201 for ever.
    script: list[int | str] = field(default_factory=list)
    slow_seconds: float = 1.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_reply(self) -> int | str:
        with self.lock:
            return self.script.pop(0) if self.script else 201


def _authorised(header: str | None) -> bool:
    if not header or not header.startswith("Bearer "):
        return False
    try:
        decode_jwt_token(header.removeprefix("Bearer "), SECRET)
    except Exception:
        return False
    return True


def _handler(fake: FakeNotify) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet in test output
            pass

        def reply(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def error(self, status: int) -> None:
            self.reply(status, {"status_code": status, "errors": [ERRORS[status]]})

        def do_POST(self) -> None:
            kind = PATHS.get(self.path)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if kind is None:
                self.reply(404, {"status_code": 404, "errors": []})
                return
            if not _authorised(self.headers.get("Authorization")):
                self.error(403)
                return
            with fake.lock:
                fake.received.append(Received(kind, body))
            reply = fake.next_reply()
            if reply == "slow":
                time.sleep(fake.slow_seconds)
                reply = 201
            if reply != 201:
                self.error(int(reply))
                return
            notification_id = str(uuid.uuid4())
            self.reply(
                201,
                {
                    "id": notification_id,
                    "reference": body.get("reference"),
                    "template": {"id": body["template_id"], "version": 1},
                    "uri": f"{fake.base_url}/v2/notifications/{notification_id}",
                },
            )

    return Handler


@contextmanager
def running_fake_notify() -> Iterator[FakeNotify]:
    fake = FakeNotify()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
