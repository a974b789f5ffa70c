"""POST /api/v1/trust/check-message: public, rate-limited, and every bad body is a 400 that names the problem."""

import json

import pytest
from django.core.cache import cache
from django.test import Client

from sampark.trust.messages import statements
from sampark.trust.messages.fishing import MAX_TEXT_LENGTH
from tests.trust.statement_data import MEMBERSHIP_EN, make_statements

URL = "/api/v1/trust/check-message"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits_and_index():
    cache.clear()  # the rate-limit counters live in the cache
    statements.forget()
    yield
    cache.clear()


def post(client, body, content_type="application/json"):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(URL, data=data, content_type=content_type)


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_a_fishing_message_in_hinglish(client):
    response = post(client, {"text": "Official IT cell: apna aadhar card ki photo aur mobile number bhejo"})
    assert response.status_code == 200
    body = response.json()
    assert body["solicits_personal_data"] is True
    assert body["asks_for"] == ["phone", "aadhaar", "photo"]
    assert body["claims_to_be_official"] is True
    assert body["official_statement"] is None
    assert "Asks you for: phone number, Aadhaar number or card, photo." in body["reasons"]


def test_a_warning_in_hindi_does_not_solicit(client):
    body = post(client, {"text": "ओटीपी किसी को न बताएं। पार्टी कभी आपका आधार नहीं मांगती।"}).json()
    assert body["solicits_personal_data"] is False and body["asks_for"] == []


def test_answers_in_english_whatever_the_browser_asks(client):
    response = client.post(URL, data=json.dumps({"text": "OTP batayein"}), content_type="application/json",
                           HTTP_ACCEPT_LANGUAGE="hi")
    assert response.json()["reasons"] == ["Asks you for: OTP (one-time password)."]


def test_a_forward_of_a_recorded_statement_names_it(client):
    recorded = make_statements()
    body = post(client, {"text": f"Forwarded as received 👇\n*{MEMBERSHIP_EN}*"}).json()
    statement = body["official_statement"]
    assert statement["id"] == recorded["membership"].public_id
    assert statement["said_on"] == "2026-09-15" and statement["speaker"] == "Asha Verma"
    assert statement["channel"] == "@AshaVermaOfficial"
    assert statement["exact"] is True and 0.95 <= statement["similarity"] <= 1


def test_no_token_and_no_csrf_needed():
    client = Client(enforce_csrf_checks=True)
    assert post(client, {"text": "paise bhejo"}).status_code == 200


@pytest.mark.parametrize(("body", "field", "problem"), [
    ({}, "text", "text: missing"),
    ({"text": None}, "text", "text: missing"),
    ({"text": ""}, "text", "text: empty"),
    ({"text": "   \n "}, "text", "text: empty"),
    ({"text": 42}, "text", "text: must be a string"),
    ({"text": ["OTP bhejo"]}, "text", "text: must be a string"),
    ({"text": "x" * (MAX_TEXT_LENGTH + 1)}, "text", f"text: longer than {MAX_TEXT_LENGTH} characters"),
    ({"text": "OTP\x00bhejo"}, "text", "text: contains a NUL character"),
    (["text"], "body", "body: must be a JSON object"),
    ("not json", "body", "body: not valid JSON"),
    (b"", "body", "body: not valid JSON"),
    (b'{"text": "\xff\xfe"}', "body", "body: not valid UTF-8"),
])
def test_bad_bodies_are_400s_naming_the_problem(client, body, field, problem):
    error = error_of(post(client, body), 400)
    assert error["field"] == field
    assert error["error"].startswith(problem)


def test_the_longest_allowed_text_is_checked(client):
    assert post(client, {"text": "OTP bhejo " * (MAX_TEXT_LENGTH // 10)}).status_code == 200


def test_injection_strings_are_just_text(client):
    body = post(client, {"text": "'; DROP TABLE trust_statement; -- <script>alert(1)</script>"}).json()
    assert body["solicits_personal_data"] is False


def test_wrong_method_is_a_json_405(client):
    error = error_of(client.get(URL), 405)
    assert error["field"] == "method"


def test_over_the_limit_is_a_429(client, settings):
    settings.PUBLIC_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert post(client, {"text": "paise bhejo"}).status_code == 200
    error = error_of(post(client, {"text": "paise bhejo"}), 429)
    assert error["field"] == "rate"
    # another address is not affected
    other = client.post(URL, data=json.dumps({"text": "paise bhejo"}), content_type="application/json",
                        REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_the_openapi_schema_documents_the_operation(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["post"]
    body_schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body_schema["required"] == ["text"]
    assert body_schema["properties"]["text"]["maxLength"] == MAX_TEXT_LENGTH
    assert set(operation["responses"]) == {"200", "400", "413", "429"}  # 413: a body over the size limit
    out = schema["components"]["schemas"]["CheckMessageOut"]["properties"]
    assert set(out) == {"solicits_personal_data", "asks_for", "claims_to_be_official", "official_statement",
                        "reasons"}


def test_a_fee_in_the_movements_name_keeps_the_documented_shape(client, settings):
    settings.SAMPARK_MOVEMENT_NAMES = ["Lok Morcha", "लोक मोर्चा"]
    body = post(client, {"text": "लोक मोर्चा टीम: सदस्यता कार्ड के लिए 50 रुपये पेटीएम करें 90000 00049"}).json()
    assert set(body) == {"solicits_personal_data", "asks_for", "claims_to_be_official", "official_statement", "reasons"}
    assert body["solicits_personal_data"] is True and body["asks_for"] == ["money"]
    assert body["claims_to_be_official"] is True and body["official_statement"] is None
    assert not any(reason.startswith("No official source") for reason in body["reasons"])
