"""The WSGI entry point sends provider webhooks through a lean handler and everything else through the full one."""

import io
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection

from sampark import wsgi
from sampark.wsgi import application


@pytest.fixture
def keep_test_connection(monkeypatch):
    """As Django's test client does: a request must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    monkeypatch.setattr(wsgi._hooks, "upkeep", lambda: None)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call(path: str, query: str = ""):
    environ = {"PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO(b"")}
    setup_testing_defaults(environ)
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"], captured["headers"] = status, dict(headers)

    body = b"".join(application(environ, start_response))
    return captured["status"], captured["headers"], body


def test_hooks_skip_session_and_locale_but_keep_security_headers(db, keep_test_connection):
    status, headers, _body = call("/hooks/nosuch/x/")
    assert status.startswith("404")
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Language" not in headers  # LocaleMiddleware did not run
    assert "Cookie" not in headers.get("Vary", "")


def test_pages_keep_the_full_middleware(db, keep_test_connection):
    status, headers, _body = call("/")
    assert status.startswith("200")
    assert headers["Content-Language"] == "hi"
    assert headers["X-Frame-Options"] == "DENY"


# (method, path, query, body, extra environ): webhooks of every outcome, each run once through the server's
# entry point (well-formed hook paths skip the URL resolver) and once through Django's test client (the URL
# resolver and the full view stack). {n} makes each run's call id its own.
HOOK_REQUESTS = [
    ("GET", "/hooks/exotel/ex/", "key=exo-key&CallSid=s{n}&CallFrom=09876500001&CallTo=01140000001", b"", {}),
    ("GET", "/hooks/exotel/ex/", "key=exo-key&CallSid=same&CallFrom=09876500001", b"", {}),  # a redelivery
    ("GET", "/hooks/exotel/ex/", "key=wrong&CallSid=s{n}&CallFrom=09876500001", b"", {}),
    ("GET", "/hooks/exotel/ex/", "key=exo-key&CallFrom=09876500001", b"", {}),
    ("GET", "/hooks/exotel/ex/", "key=exo-key&CallSid=s{n}&CallFrom=%FF%FE", b"", {}),
    ("POST", "/hooks/exotel/ex/", "key=exo-key&CallSid=s{n}", b"", {}),
    ("GET", "/hooks/exotel/nosuch/", "key=exo-key&CallSid=s{n}", b"", {}),
    ("GET", "/hooks/nosuch/ex/", "", b"", {}),
    ("GET", "/hooks/exotel/ex", "key=exo-key&CallSid=s{n}", b"", {}),
    ("GET", "/hooks/exotel/ex/more/", "", b"", {}),
    ("GET", "/hooks/exotel/ex/", "key=exo-key&CallSid=s{n}&CallFrom=09876500001", b"", {"HTTP_HOST": "evil.example"}),
    ("POST", "/hooks/generic/main/", "", b"{}", {"CONTENT_TYPE": "application/json", "CONTENT_LENGTH": "99999999"}),
    ("POST", "/hooks/generic/main/", "", b"{}", {"CONTENT_TYPE": "application/json"}),
]


@pytest.mark.parametrize(("method", "path", "query", "body", "extra"), HOOK_REQUESTS)
def test_hooks_answer_as_through_the_url_resolver(
    db, keep_test_connection, client, generic_number, method, path, query, body, extra
):
    from sampark.telephony.services import add_number

    add_number(provider="exotel", slug="ex", number="+911140000001", secret="exo-key")
    answers = []
    for n, via in enumerate(("entry point", "test client")):
        meta = {"HTTP_HOST": "testserver", "CONTENT_LENGTH": str(len(body)), **extra}
        qs = query.replace("{n}", str(n))
        if via == "entry point":
            environ = {"PATH_INFO": path, "REQUEST_METHOD": method, "QUERY_STRING": qs, "wsgi.input": io.BytesIO(body),
                       **meta}
            setup_testing_defaults(environ)
            captured = {}

            def start_response(status, headers, exc_info=None, captured=captured):
                captured["status"], captured["headers"] = int(status.split()[0]), dict(headers)

            content = b"".join(application(environ, start_response))
            status, headers = captured["status"], captured["headers"]
        else:
            response = client.generic(method, path, body, meta.pop("CONTENT_TYPE", "application/octet-stream"),
                                      QUERY_STRING=qs, **{k: v for k, v in meta.items() if k in extra})
            status, headers, content = response.status_code, dict(response.items()), response.content
        location = (headers.get("Location") or "").replace(f"CallSid=s{n}", "CallSid=s{n}")
        answers.append((status, content, headers.get("Content-Type"), headers.get("Allow"), location))
    assert answers[0] == answers[1]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Django never closes SQLite's in-memory test database")
@pytest.mark.django_db(transaction=True)
def test_a_webhook_closes_a_connection_past_its_age_as_djangos_handler_would(settings):
    """The request_finished receiver's job, done directly: without it every thread would keep a connection forever."""
    from sampark.telephony import numbers

    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = 0  # read when the request below connects
    numbers.forget()
    try:
        status, _headers, _body = call("/hooks/exotel/nosuch/", "key=k&CallSid=c1")
        assert status.startswith("404")  # after looking the slug up in the database
        assert connection.connection is None
    finally:
        connection.settings_dict["CONN_MAX_AGE"] = settings.DATABASES["default"]["CONN_MAX_AGE"]


def test_a_crash_in_the_view_is_a_logged_500_with_the_security_headers(db, keep_test_connection, monkeypatch, caplog):
    from sampark.telephony import views

    def broken(number, call):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(views.services, "log_call", broken)
    views.numbers.forget()
    from sampark.telephony.services import add_number

    add_number(provider="exotel", slug="ex", number="+911140000001", secret="exo-key")
    status, headers, _body = call("/hooks/exotel/ex/", "key=exo-key&CallSid=c1&CallFrom=09876500001")
    assert status.startswith("500")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert any("disk on fire" in str(r.exc_info) for r in caplog.records if r.exc_info)
