"""The MSG91 backend against a local HTTP server that checks requests the way MSG91's Flow API documents them."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sampark.outreach import segments
from sampark.outreach.backends import base, msg91
from sampark.outreach.backends.base import SmsToSend

AUTHKEY = "test-authkey"
PATH = "/api/v5/flow"
TEMPLATE = "प्रिय {#var#}, संपर्क में आपका स्वागत है। आपका लिंक: {#var#}"
VALUES = ["सीमा", "https://s.example/p/Ab12"]


def message(variables=tuple(VALUES), body=None, template_id="1107160000000000001"):
    return SmsToSend(
        public_id="pub000000001",
        to="+910000000001",
        body=body if body is not None else segments.fill(TEMPLATE, list(VALUES)),
        template_id=template_id,
        header="SAMPRK",
        category="service_implicit",
        entity_id="1101600000000000001",
        variables=variables,
    )


def documented_success(payload):
    return 200, {"type": "success", "message": "3563676a6b4e323033393235"}


def documented_error(status, text, code=None):
    body = {"type": "error", "message": text}
    if code:
        body["code"] = code
    return status, body


class FakeMsg91:
    def __init__(self):
        self.requests = []
        self.answer = documented_success
        self.delay = 0.0

    def handle(self, handler):
        length = int(handler.headers.get("Content-Length", 0))
        raw = handler.rfile.read(length)
        self.requests.append({"method": handler.command, "path": handler.path, "headers": handler.headers, "raw": raw})
        time.sleep(self.delay)
        if handler.command != "POST" or handler.path != PATH:
            return documented_error(404, "Not Found")
        if handler.headers.get("authkey") != AUTHKEY:
            return documented_error(401, "Authentication failure", "201")
        if handler.headers.get("Content-Type") != "application/json":
            return documented_error(400, "Invalid content type")
        try:
            payload = json.loads(raw.decode("utf-8"))
        except ValueError:
            return documented_error(400, "Invalid JSON")
        recipients = payload.get("recipients")
        if not payload.get("template_id") or not isinstance(recipients, list) or not recipients:
            return documented_error(400, "Missing template_id or recipients")
        if any(not str(r.get("mobiles", "")).isdigit() for r in recipients):
            return documented_error(400, "Mobile number should be in international format without +")
        return self.answer(payload)


@pytest.fixture
def fake(settings):
    state = FakeMsg91()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            status, body = state.handle(self)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout tests)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.MSG91_URL = f"http://127.0.0.1:{server.server_port}{PATH}"
    settings.MSG91_AUTHKEY = AUTHKEY
    yield state
    server.shutdown()
    server.server_close()


def payload_of(request):
    return json.loads(request["raw"].decode("utf-8"))


def test_success_sends_template_and_variables(fake):
    result = msg91.send(message())
    assert result.ok is True
    assert result.provider_message_id == "3563676a6b4e323033393235"
    [request] = fake.requests
    assert request["method"] == "POST"
    assert request["path"] == PATH
    assert request["headers"]["authkey"] == AUTHKEY
    assert request["headers"]["Content-Type"] == "application/json"
    assert payload_of(request) == {
        "template_id": "1107160000000000001",
        "short_url": "0",
        "recipients": [{"mobiles": "910000000001", "VAR1": "सीमा", "VAR2": "https://s.example/p/Ab12"}],
    }


def test_hindi_variables_travel_as_utf8(fake):
    msg91.send(message())
    raw = fake.requests[0]["raw"]
    assert "सीमा".encode() in raw
    assert b"\\u" not in raw


def test_template_id_mapping_setting(fake, settings):
    settings.MSG91_TEMPLATE_IDS = {"1107160000000000001": "65a1b2c3d4e5f60718293a4b"}
    assert msg91.send(message()).ok
    assert payload_of(fake.requests[0])["template_id"] == "65a1b2c3d4e5f60718293a4b"


def test_template_without_variables(fake):
    assert msg91.send(message(variables=(), body="Thank you for joining Sampark.")).ok
    assert payload_of(fake.requests[0])["recipients"] == [{"mobiles": "910000000001"}]


def test_variables_are_recovered_from_the_stored_template(fake, monkeypatch):
    looked_up = []

    def bodies(dlt_template_id):
        looked_up.append(dlt_template_id)
        return ["Some other wording {#var#}", TEMPLATE]

    monkeypatch.setattr(msg91, "_template_bodies", bodies)
    assert msg91.send(message(variables=None)).ok
    assert looked_up == ["1107160000000000001"]
    recipient = payload_of(fake.requests[0])["recipients"][0]
    assert (recipient["VAR1"], recipient["VAR2"]) == tuple(VALUES)


def test_body_matching_no_template_fails_without_a_request(fake, monkeypatch):
    monkeypatch.setattr(msg91, "_template_bodies", lambda dlt_template_id: ["Hello {#var#}"])
    result = msg91.send(message(variables=None, body="Goodbye Ravi"))
    assert (result.ok, result.retryable) == (False, False)
    assert "does not match" in result.error
    assert fake.requests == []


def test_unknown_template_fails_without_a_request(fake, monkeypatch):
    monkeypatch.setattr(msg91, "_template_bodies", lambda dlt_template_id: [])
    result = msg91.send(message(variables=None))
    assert (result.ok, result.retryable) == (False, False)
    assert "no SMS template" in result.error
    assert fake.requests == []


def test_bad_authkey_is_not_retryable(fake, settings):
    settings.MSG91_AUTHKEY = "wrong"
    result = msg91.send(message())
    assert (result.ok, result.retryable) == (False, False)
    assert result.error == "HTTP 401: Authentication failure"


def test_4xx_is_not_retryable(fake):
    fake.answer = lambda payload: documented_error(400, "Template not found", "400")
    result = msg91.send(message())
    assert (result.ok, result.retryable) == (False, False)
    assert "Template not found" in result.error


def test_error_type_with_http_200_is_not_retryable(fake):
    fake.answer = lambda payload: documented_error(200, "Invalid template id", "211")
    result = msg91.send(message())
    assert (result.ok, result.retryable) == (False, False)
    assert result.error == "rejected: Invalid template id (code 211)"


def test_provider_errors_never_echo_the_number(fake):
    fake.answer = lambda payload: documented_error(200, "Number 910000000001 is blocked", "305")
    result = msg91.send(message())
    assert result.error == "rejected: Number [number] is blocked (code 305)"


def test_429_is_retryable(fake):
    fake.answer = lambda payload: documented_error(429, "Too many requests")
    assert msg91.send(message()).retryable is True


@pytest.mark.parametrize("status", [500, 502, 503])
def test_5xx_is_retryable(fake, status):
    fake.answer = lambda payload: documented_error(status, "Server error")
    result = msg91.send(message())
    assert (result.ok, result.retryable) == (False, True)


def test_connection_refused_is_retryable(settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.MSG91_URL = f"http://127.0.0.1:{port}{PATH}"
    settings.MSG91_AUTHKEY = AUTHKEY
    result = msg91.send(message())
    assert (result.ok, result.retryable) == (False, True)
    assert result.error.startswith("network:")
    assert "+910000000001" not in result.error and "910000000001" not in result.error


def test_timeout_is_retryable(fake, monkeypatch):
    monkeypatch.setattr(base, "TIMEOUT", 0.2)
    fake.delay = 1.0
    result = msg91.send(message())
    assert (result.ok, result.retryable) == (False, True)


@pytest.mark.django_db
def test_variables_come_from_the_sms_template_table(fake):
    from sampark.outreach.models import SmsTemplate

    SmsTemplate.objects.update_or_create(  # over the default template migration outreach 0007 ships
        key="confirmation",
        language="hi",
        defaults={
            "dlt_entity_id": "1101600000000000001",
            "header": "SAMPRK",
            "dlt_template_id": "1107160000000000001",
            "category": "service_implicit",
            "body": TEMPLATE,
        },
    )
    assert msg91.send(message(variables=None)).ok
    recipient = payload_of(fake.requests[0])["recipients"][0]
    assert (recipient["VAR1"], recipient["VAR2"]) == tuple(VALUES)
