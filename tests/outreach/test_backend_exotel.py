"""The Exotel backend against a local HTTP server that checks requests the way Exotel documents them."""

import base64
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from sampark.outreach.backends import base, exotel
from sampark.outreach.backends.base import SmsToSend

SID = "sampark1"
KEY = "test-api-key"
TOKEN = "test-api-token"
PATH = f"/v1/Accounts/{SID}/Sms/send.json"
FIELDS = {"From", "To", "Body", "EncodingType", "DltEntityId", "DltTemplateId", "SmsType", "CustomField"}
HINDI = "प्रिय सीमा, संपर्क में आपका स्वागत है। आपका लिंक: https://s.example/p/Ab12"


def message(body="Welcome to Sampark. Your link: https://s.example/p/Ab12", category="service_implicit"):
    return SmsToSend(
        public_id="pub000000001",
        to="+910000000001",
        body=body,
        template_id="1107160000000000001",
        header="SAMPRK",
        category=category,
        entity_id="1101600000000000001",
    )


def documented_success(form):
    """Exotel's Send SMS answer (JSON because the path ends in .json)."""
    return 200, {
        "SMSMessage": {
            "Sid": "b6ad5e1c0f9d4c8f8b3e0a1d2c3b4a59",
            "AccountSid": SID,
            "From": f"0XXXXXX4890/{form['From']}",
            "To": form["To"],
            "DateCreated": "2025-01-15 10:00:00",
            "DateUpdated": "2025-01-15 10:00:00",
            "DateSent": None,
            "Body": form["Body"],
            "Direction": "outbound-api",
            "Uri": f"/v1/Accounts/{SID}/SMS/Messages/b6ad5e1c0f9d4c8f8b3e0a1d2c3b4a59.json",
            "ApiVersion": None,
            "Price": None,
            "Status": "queued",
            "DetailedStatusCode": 21010,
            "DetailedStatus": "PENDING_TO_OPERATOR",
            "SmsUnits": None,
        }
    }


def rest_exception(status, text):
    return status, {"RestException": {"Status": status, "Message": text}}


class FakeExotel:
    def __init__(self):
        self.requests = []
        self.answer = documented_success  # form -> (status, json-able body)
        self.delay = 0.0

    def handle(self, handler):
        length = int(handler.headers.get("Content-Length", 0))
        raw = handler.rfile.read(length)
        self.requests.append({"method": handler.command, "path": handler.path, "headers": handler.headers, "raw": raw})
        time.sleep(self.delay)
        expected_auth = "Basic " + base64.b64encode(f"{KEY}:{TOKEN}".encode()).decode()
        if handler.path != PATH:
            return rest_exception(404, "Not Found")
        if handler.headers.get("Authorization") != expected_auth:
            return rest_exception(401, "Authentication failed. Invalid API Key or Token.")
        if handler.headers.get("Content-Type") != "application/x-www-form-urlencoded":
            return rest_exception(400, "Invalid Parameters")
        parsed = parse_qs(raw.decode("ascii"), keep_blank_values=True, strict_parsing=True, encoding="utf-8")
        if any(len(v) != 1 for v in parsed.values()):
            return rest_exception(400, "Invalid Parameters")
        form = {k: v[0] for k, v in parsed.items()}
        for required in ("From", "To", "Body", "DltEntityId"):
            if not form.get(required):
                return rest_exception(400, f"Missing parameter {required}")
        return self.answer(form)


@pytest.fixture
def fake(settings):
    state = FakeExotel()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            status, body, *extra = state.handle(self)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            for name, value in (extra[0] if extra else {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout tests)

        do_GET = do_POST

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EXOTEL_SUBDOMAIN = f"http://127.0.0.1:{server.server_port}"
    settings.EXOTEL_SID = SID
    settings.EXOTEL_API_KEY = KEY
    settings.EXOTEL_API_TOKEN = TOKEN
    yield state
    server.shutdown()
    server.server_close()


def form_of(request):
    return {k: v[0] for k, v in parse_qs(request["raw"].decode("ascii"), encoding="utf-8").items()}


def test_success_sends_every_documented_field(fake):
    result = exotel.send(message())
    assert result.ok is True
    assert result.provider_message_id == "b6ad5e1c0f9d4c8f8b3e0a1d2c3b4a59"
    [request] = fake.requests
    assert request["method"] == "POST"
    assert request["path"] == PATH
    assert request["headers"]["Authorization"] == "Basic " + base64.b64encode(b"test-api-key:test-api-token").decode()
    assert request["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    form = form_of(request)
    assert set(form) == FIELDS
    assert form == {
        "From": "SAMPRK",
        "To": "+910000000001",
        "Body": "Welcome to Sampark. Your link: https://s.example/p/Ab12",
        "EncodingType": "plain",
        "DltEntityId": "1101600000000000001",
        "DltTemplateId": "1107160000000000001",
        "SmsType": "transactional",
        "CustomField": "pub000000001",
    }


@pytest.mark.parametrize(
    ("category", "sms_type"),
    [
        ("transactional", "transactional"),
        ("service_implicit", "transactional"),
        ("service_explicit", "transactional_opt_in"),
        ("promotional", "promotional"),
    ],
)
def test_sms_type_follows_the_dlt_category(fake, category, sms_type):
    assert exotel.send(message(category=category)).ok
    assert form_of(fake.requests[0])["SmsType"] == sms_type


def test_unknown_category_is_refused_without_a_request(fake):
    result = exotel.send(message(category="political"))
    assert (result.ok, result.retryable) == (False, False)
    assert fake.requests == []


def test_hindi_round_trips_in_utf8_as_unicode(fake):
    result = exotel.send(message(body=HINDI))
    assert result.ok is True
    form = form_of(fake.requests[0])
    assert form["Body"] == HINDI
    assert form["EncodingType"] == "unicode"
    # the wire form is percent-encoded UTF-8
    assert "%E0%A4%AA%E0%A5%8D%E0%A4%B0" in fake.requests[0]["raw"].decode("ascii")


def test_bad_credentials_are_not_retryable(fake, settings):
    settings.EXOTEL_API_TOKEN = "wrong"
    result = exotel.send(message())
    assert (result.ok, result.retryable) == (False, False)
    assert result.error.startswith("HTTP 401")
    assert "Authentication failed" in result.error
    assert "wrong" not in result.error and "+910000000001" not in result.error


def test_4xx_is_not_retryable(fake):
    fake.answer = lambda form: rest_exception(400, "Invalid Recipient")
    result = exotel.send(message())
    assert (result.ok, result.retryable) == (False, False)
    assert result.error == "HTTP 400: Invalid Recipient"


def test_provider_errors_never_echo_the_number(fake):
    fake.answer = lambda form: rest_exception(400, f"Invalid Recipient [{form['To']}] / 0000000001")
    result = exotel.send(message())
    assert result.error == "HTTP 400: Invalid Recipient [[number]] / [number]"


def test_429_rate_limit_is_retryable(fake):
    fake.answer = lambda form: rest_exception(429, "Too Many Requests")
    result = exotel.send(message())
    assert (result.ok, result.retryable) == (False, True)


@pytest.mark.parametrize("status", [500, 502, 503])
def test_5xx_is_retryable(fake, status):
    fake.answer = lambda form: rest_exception(status, "Internal Server Error")
    result = exotel.send(message())
    assert (result.ok, result.retryable) == (False, True)
    assert result.error.startswith(f"HTTP {status}")


def test_immediately_failed_message_is_not_retryable(fake):
    def failed(form):
        status, body = documented_success(form)
        body["SMSMessage"].update(Status="failed", DetailedStatus="DLT_TEMPLATE_MISMATCH", DetailedStatusCode=30003)
        return status, body

    fake.answer = failed
    result = exotel.send(message())
    assert (result.ok, result.retryable) == (False, False)
    assert "DLT_TEMPLATE_MISMATCH" in result.error


def test_connection_refused_is_retryable(settings):
    with socket.socket() as sock:  # a port that was free a moment ago and has no listener now
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.EXOTEL_SUBDOMAIN = f"http://127.0.0.1:{port}"
    settings.EXOTEL_SID, settings.EXOTEL_API_KEY, settings.EXOTEL_API_TOKEN = SID, KEY, TOKEN
    result = exotel.send(message())
    assert (result.ok, result.retryable) == (False, True)
    assert result.error.startswith("network:")


def test_timeout_is_retryable(fake, monkeypatch):
    monkeypatch.setattr(base, "TIMEOUT", 0.2)
    fake.delay = 1.0
    started = time.monotonic()
    result = exotel.send(message())
    assert time.monotonic() - started < 1.0
    assert (result.ok, result.retryable) == (False, True)


def test_default_timeout_is_short():
    assert base.TIMEOUT == 5.0


def test_redirects_are_not_followed(fake):
    # following it would re-send the Authorization header to wherever the redirect points
    fake.answer = lambda form: (302, {}, {"Location": "/elsewhere"})
    result = exotel.send(message())
    assert (result.ok, result.retryable) == (False, False)
    assert result.error == "HTTP 302"
    assert [r["path"] for r in fake.requests] == [PATH]


def test_base_url_with_trailing_slash(fake, settings):
    settings.EXOTEL_SUBDOMAIN += "/"
    assert exotel.send(message()).ok
    assert fake.requests[0]["path"] == PATH
