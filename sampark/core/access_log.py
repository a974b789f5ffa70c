"""The access log (SAMPARK_ACCESS_LOG): one line per request on stdout, written by the WSGI application.

granian's own access log printed the path as it came, so a personal profile link (`/p/<token>`) was kept in
the log and a path with an encoded newline or ESC could write a line of its own (a forged entry, or terminal
escapes for whoever tails it). Here the path is decoded as UTF-8, personal links are redacted, and every
control character is escaped; the query string is left out, as before (lookups carry phone numbers there).

    127.0.0.1 2026-12-06T12:50:01+00:00 "GET /p/[redacted]" 200 3.1ms
"""

import logging
import sys
import time
from datetime import UTC, datetime

from sampark.core.redact import log_safe, path_without_token

log = logging.getLogger("sampark.access")


def _setup() -> None:
    if not log.handlers:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False  # stdout only, as granian's log was; not again through the root handler


def line(environ: dict, status: str, elapsed_ms: float) -> str:
    # WSGI gives the path's bytes as latin-1 characters; as UTF-8 they read as the client sent them.
    raw = environ.get("PATH_INFO", "")
    try:
        path = raw.encode("latin-1").decode("utf-8", "surrogateescape")  # log_safe shows stray bytes as \xNN
    except UnicodeEncodeError:
        path = raw
    path = log_safe(environ.get("SCRIPT_NAME", "") + path_without_token(path))
    method = log_safe(environ.get("REQUEST_METHOD", ""))
    address = log_safe(environ.get("REMOTE_ADDR", "-"))
    at = datetime.now(UTC).isoformat(timespec="seconds")
    return f'{address} {at} "{method} {path}" {status.split(" ", 1)[0]} {elapsed_ms:.1f}ms'


def wrap(application):
    """The WSGI application, logging each request when its response starts."""
    _setup()

    def logged(environ, start_response):
        started = time.perf_counter()

        def start(status, headers, exc_info=None):
            log.info(line(environ, status, (time.perf_counter() - started) * 1000))
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        return application(environ, start)

    return logged
