"""The WSGI entry point sends provider webhooks through a lean handler and everything else through the full one."""

import io
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from sampark.wsgi import application


@pytest.fixture(autouse=True)
def keep_test_connection():
    """As Django's test client does: a request must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call(path: str):
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO(b"")}
    setup_testing_defaults(environ)
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"], captured["headers"] = status, dict(headers)

    body = b"".join(application(environ, start_response))
    return captured["status"], captured["headers"], body


def test_hooks_skip_session_and_locale_but_keep_security_headers(db):
    status, headers, _body = call("/hooks/nosuch/x/")
    assert status.startswith("404")
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Language" not in headers  # LocaleMiddleware did not run
    assert "Cookie" not in headers.get("Vary", "")


def test_pages_keep_the_full_middleware(db):
    status, headers, _body = call("/")
    assert status.startswith("200")
    assert headers["Content-Language"] == "hi"
    assert headers["X-Frame-Options"] == "DENY"
