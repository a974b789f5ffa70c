"""The OpenAPI spec is served without a token and describes the API's paths, parameters and auth."""

import pytest

SPEC = "/api/v1/openapi.json"


@pytest.fixture
def spec(client, db):
    response = client.get(SPEC)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_spec_lists_the_paths(spec):
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] == "Sampark API"
    assert "get" in spec["paths"]["/api/v1/stats"]
    assert "get" in spec["paths"]["/api/v1/supporters/lookup"]


def test_lookup_documents_its_phone_parameter(spec):
    parameters = spec["paths"]["/api/v1/supporters/lookup"]["get"]["parameters"]
    phone = next(item for item in parameters if item["name"] == "phone")
    assert phone["in"] == "query"
    assert phone["required"] is True


def test_bearer_auth_and_error_responses_are_documented(spec):
    schemes = spec["components"]["securitySchemes"]
    assert any(item == {"type": "http", "scheme": "bearer"} for item in schemes.values())
    for path in ("/api/v1/stats", "/api/v1/supporters/lookup"):
        operation = spec["paths"][path]["get"]
        assert operation["security"]
        assert "401" in operation["responses"]
