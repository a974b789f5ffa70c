"""Bridge backends against a local HTTP server that checks each request the way the provider documents it."""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs
from xml.etree import ElementTree

import pytest

from sampark.telephony.bridge import BridgeRequest, get_backend, plivo

VOLUNTEER, SUPPORTER, CALLER_ID = "+919800000001", "+919876500001", "+918069000000"


class FakeProvider:
    def __init__(self):
        self.requests = []
        self.answer = (200, {})

    def handle(self, handler):
        raw = handler.rfile.read(int(handler.headers.get("Content-Length", 0)))
        self.requests.append({"path": handler.path, "headers": handler.headers, "raw": raw})
        return self.answer


@pytest.fixture
def provider():
    fake = FakeProvider()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            status, body = fake.handle(self)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_port}"
    yield fake
    server.shutdown()
    server.server_close()


def request(callback_id=7):
    from django.utils import timezone

    return BridgeRequest(reference=f"cb{callback_id}-1", volunteer=VOLUNTEER, supporter=SUPPORTER,
                         caller_id=CALLER_ID, callback_id=callback_id,
                         claimed_until=timezone.now() + timezone.timedelta(hours=2))


def basic(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_exotel_connect_two_numbers(provider, settings):
    settings.EXOTEL_SUBDOMAIN, settings.EXOTEL_SID = provider.url, "sampark1"
    settings.EXOTEL_API_KEY, settings.EXOTEL_API_TOKEN = "key", "token"
    provider.answer = (200, {"Call": {"Sid": "b6ad5e1c0f9d4c8f8b3e0a1d2c3b4a59", "Status": "in-progress"}})
    result = get_backend("exotel").connect(request())
    assert result.ok and result.provider_call_id == "b6ad5e1c0f9d4c8f8b3e0a1d2c3b4a59"
    (sent,) = provider.requests
    assert sent["path"] == "/v1/Accounts/sampark1/Calls/connect.json"
    assert sent["headers"]["Authorization"] == basic("key", "token")
    assert sent["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    form = {k: v[0] for k, v in parse_qs(sent["raw"].decode()).items()}
    assert form == {"From": VOLUNTEER, "To": SUPPORTER, "CallerId": CALLER_ID, "CallType": "trans",
                    "TimeLimit": "1800", "TimeOut": "40", "CustomField": "cb7-1"}  # the volunteer is rung first

    provider.answer = (400, {"RestException": {"Status": 400, "Message": f"To {SUPPORTER} is on DND"}})
    result = get_backend("exotel").connect(request())
    assert not result.ok and "HTTP 400" in result.error and SUPPORTER not in result.error


def test_twilio_calls_api_with_dial(provider, settings):
    settings.TWILIO_API_URL = provider.url
    settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN = "AC" + "1" * 32, "tk"
    provider.answer = (201, {"sid": "CA" + "a" * 32, "status": "queued"})
    result = get_backend("twilio").connect(request())
    assert result.ok and result.provider_call_id == "CA" + "a" * 32
    (sent,) = provider.requests
    assert sent["path"] == f"/2010-04-01/Accounts/AC{'1' * 32}/Calls.json"
    assert sent["headers"]["Authorization"] == basic("AC" + "1" * 32, "tk")
    form = {k: v[0] for k, v in parse_qs(sent["raw"].decode()).items()}
    assert (form["To"], form["From"]) == (VOLUNTEER, CALLER_ID)
    dial = ElementTree.fromstring(  # noqa: S314 -- our own XML
        form["Twiml"]).find("Dial")
    assert dial.get("callerId") == CALLER_ID and dial.find("Number").text == SUPPORTER

    provider.answer = (401, {"code": 20003, "message": "Authenticate"})
    assert get_backend("twilio").connect(request()).error == "HTTP 401: Authenticate"


@pytest.mark.django_db
def test_plivo_call_api_and_its_answer_url(provider, settings, client, make_staff, waiting):
    from sampark.supporters.desk import queue

    settings.PLIVO_API_URL, settings.PLIVO_AUTH_ID, settings.PLIVO_AUTH_TOKEN = provider.url, "MAXXXX", "tk"
    settings.BRIDGE_CALLER_ID = CALLER_ID
    supporter = waiting(1)[0]
    (callback_id,) = queue.claim(make_staff("vol"), 1)
    provider.answer = (201, {"message": "call fired", "request_uuid": "9834029e-58b6-11e1-b8b7-a5bd0e4e126f",
                             "api_id": "97ceeb52-58b6-11e1-86da-77300b68f8bb"})
    result = get_backend("plivo").connect(request(callback_id))
    assert result.ok and result.provider_call_id == "9834029e-58b6-11e1-b8b7-a5bd0e4e126f"
    (sent,) = provider.requests
    assert sent["path"] == "/v1/Account/MAXXXX/Call/"
    assert sent["headers"]["Authorization"] == basic("MAXXXX", "tk")
    body = json.loads(sent["raw"])
    assert (body["from"], body["to"], body["answer_method"]) == ("918069000000", "919800000001", "POST")
    assert SUPPORTER.lstrip("+") not in sent["raw"].decode()  # the supporter's number is in no request we send

    answer_path = body["answer_url"].split("://", 1)[1].split("/", 1)[1]
    response = client.post(f"/{answer_path}")
    assert response.status_code == 200
    dial = ElementTree.fromstring(  # noqa: S314 -- our own XML
        response.content).find("Dial")
    assert dial.find("Number").text == "919876500001" and supporter.phone_hint.endswith("01")
    assert client.post(f"/{answer_path[:-3]}xx/").status_code == 404  # forged token
    token = plivo.answer_token(callback_id, 1)  # expired
    assert client.post(f"/hooks/bridge/plivo/{token}/").status_code == 404


def test_network_failure_is_a_result_not_an_exception(settings):
    settings.EXOTEL_SUBDOMAIN, settings.EXOTEL_SID = "http://127.0.0.1:9", "s"
    result = get_backend("exotel").connect(request())
    assert not result.ok and result.error.startswith("network")


def test_file_backend_appends_one_line_per_request(settings, tmp_path):
    settings.BRIDGE_OUTBOX_DIR = tmp_path
    assert get_backend("file").connect(request()).ok
    assert get_backend("file").connect(request(8)).ok
    lines = [json.loads(line) for line in (tmp_path / "bridge.jsonl").read_text().splitlines()]
    assert [line["id"] for line in lines] == ["cb7-1", "cb8-1"] and lines[0]["first"] == VOLUNTEER
    assert (tmp_path / "bridge.jsonl").stat().st_mode & 0o777 == 0o600
