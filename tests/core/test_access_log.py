"""The access log: personal links redacted, control characters escaped so a path cannot forge a line; checked on
the lines themselves and through a real `sampark serve` with SAMPARK_ACCESS_LOG."""

import urllib.error
import urllib.request

import pytest

from sampark.core.access_log import line
from tests.web import serving


def environ(path: bytes, method="GET") -> dict:
    # as a WSGI server passes it: the path's bytes, percent-decoded, as latin-1 characters
    return {"PATH_INFO": path.decode("latin-1"), "REQUEST_METHOD": method, "REMOTE_ADDR": "203.0.113.9",
            "QUERY_STRING": "phone=9876500001"}


def test_personal_link_is_redacted():
    logged = line(environ(b"/p/abcdefghijkl0123456789abcdef"), "200 OK", 1.25)
    assert logged.endswith(' "GET /p/[redacted]" 200 1.2ms') and logged.startswith("203.0.113.9 ")
    assert "abcdefghijkl" not in logged and "9876500001" not in logged  # nor the query string


@pytest.mark.parametrize("path, shown", [
    (b'/x\n203.0.113.1 2026-01-01T00:00:00+00:00 "GET /admin/" 200 1.0ms', '/x\\x0a203.0.113.1'),
    (b"/x\r\n", "/x\\x0d\\x0a"),
    (b"/\x1b[31mred", "/\\x1b[31mred"),
    (b"/x\x00y\x7f\x85", "/x\\x00y\\x7f\\x85"),
    ("/x\u2028y\u202e".encode(), "/x\\u2028y\\u202e"),  # line separator, right-to-left override
    (b'/x" 200 1ms', '/x\\x22 200 1ms'),  # a quote cannot end the field early
    ("/सम्पर्क".encode(), "/सम्पर्क"),  # printable text stays readable
    (b"/\xff\xfe", "/\\xff\\xfe"),  # not UTF-8: the bytes, escaped
])
def test_control_characters_are_escaped(path, shown):
    logged = line(environ(path), "404 Not Found", 0.5)
    assert "\n" not in logged and "\r" not in logged and "\x1b" not in logged
    assert f'"GET {shown}' in logged
    assert logged.endswith(" 404 0.5ms")


def test_through_the_real_server(tmp_path):
    port = serving.free_port()
    env = serving.environment(tmp_path / "data", port)
    env["SAMPARK_ACCESS_LOG"] = "1"
    serving.sampark(env, "migrate", "--verbosity", "0")
    log_path = tmp_path / "serve.log"
    server = serving.start(env, port, log_path, "--no-worker")
    try:
        for path in ("/p/abcdefghijkl0123456789abcdef", "/nothing%0A1.2.3.4%20forged%1B[2J?phone=9876500001"):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5)
            except urllib.error.HTTPError:
                pass
    finally:
        serving.stop(server)
    lines = [entry for entry in log_path.read_text().splitlines() if '"GET ' in entry]
    assert any(entry.endswith('"GET /p/[redacted]" 404 ' + entry.rsplit(" ", 1)[1]) for entry in lines), lines
    assert any('"GET /nothing\\x0a1.2.3.4 forged\\x1b[2J" 404' in entry for entry in lines), lines
    text = log_path.read_text()
    assert "abcdefghijkl" not in text and "9876500001" not in text and "\x1b" not in text
    assert not any(entry.startswith("1.2.3.4") for entry in text.splitlines())
