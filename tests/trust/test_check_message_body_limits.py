"""POST /api/v1/trust/check-message with a body too deep or too large is a 4xx naming the body, not a 500."""

import json

import pytest
from django.test import Client

URL = "/api/v1/trust/check-message"
pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)  # a 500 must show as a 500 here, as a user would get it


@pytest.mark.parametrize("body", [
    "[" * 30_000 + "]" * 30_000,                               # deeper than the JSON parser's stack
    '{"text": ' + "[" * 5_000 + "]" * 5_000 + "}",             # deep inside the object
    '{"text": "x", "extra": ' + "{\"a\": " * 3_000 + "1" + "}" * 3_000 + "}",
])
def test_deeply_nested_json_is_a_400(client, body):
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"error": 'body: nested too deeply; send {"text": "..."}', "field": "body"}


def test_a_70_kb_body_is_a_413(client, settings):
    body = json.dumps({"text": "क्या आप आधार नंबर भेजेंगे " * 1_000})[: 70 * 1024]
    assert len(body.encode()) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {"error": f"body: larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes",
                               "field": "body"}
