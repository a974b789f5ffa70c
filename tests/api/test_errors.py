"""Every /api/v1 error is JSON: unknown paths, wrong methods, validation errors, unexpected exceptions."""

import json

import pytest
from django.test import Client, RequestFactory
from ninja.errors import ValidationError

from sampark.api import api


def assert_json_error(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = json.loads(response.content)
    assert isinstance(body["error"], str) and body["error"]
    return body


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/nope", "/api/v1/supporters/", "/api/v1/stats/extra", "/api/v1/a/b/c/"])
def test_unknown_path_is_json_404(client, path):
    body = assert_json_error(client.get(path), 404)
    assert body["field"] == "path"


@pytest.mark.django_db
def test_unknown_path_post_is_json_404_not_csrf_403():
    client = Client(enforce_csrf_checks=True)
    assert_json_error(client.post("/api/v1/nope", data="{}", content_type="application/json"), 404)


@pytest.mark.django_db
def test_wrong_method_is_json_405(client, national):
    _, headers = national
    response = client.post("/api/v1/stats", headers=headers)
    body = assert_json_error(response, 405)
    assert body["field"] == "method"
    assert response["Allow"] == "GET"


@pytest.mark.django_db
def test_root_is_json(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response.json()["openapi"] == "/api/v1/openapi.json"


def test_validation_error_names_the_field_and_never_echoes_input():
    request = RequestFactory().get("/api/v1/supporters/lookup")
    error = ValidationError([
        {"type": "string_too_long", "loc": ("query", "phone"), "msg": "String too long", "input": "+919876500001"},
        {"type": "missing", "loc": ("body", "payload", "name"), "msg": "Field required"},
    ])
    response = api.on_exception(request, error)
    body = assert_json_error(response, 400)
    assert body["field"] == "phone"
    assert body["error"] == "phone: string too long"
    assert [item["field"] for item in body["errors"]] == ["phone", "payload.name"]
    assert b"9876500001" not in response.content


def test_unexpected_exception_is_json_500(caplog):
    request = RequestFactory().get("/api/v1/stats")
    response = api.on_exception(request, RuntimeError("boom"))
    body = assert_json_error(response, 500)
    assert "boom" not in body["error"]
    assert "Internal Server Error: /api/v1/stats" in caplog.text
