"""WSGI entry point. Provider webhooks, the hot path, skip most of Django's request machinery (docs/intake.md).

- Pages and the API: Django's handler with the full middleware.
- A well-formed webhook path (/hooks/<provider>/<slug>/): ``HookApplication`` calls the view directly, with the
  three middleware that matter to a provider (security headers, host validation, X-Frame-Options) run as plain
  calls. No sessions, locale, CSRF, auth or messages (a provider uses none of them), no URL resolver, no
  per-request signals. Together these were a sixth of a webhook's CPU in-process (README, Benchmarks).
- Any other path under /hooks/ (no trailing slash, extra segments): Django's handler with those three middleware
  and the URL resolver, so 404s and redirects are exactly Django's.
"""

import os
import re

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")

import django  # noqa: E402

django.setup(set_prefix=False)

from django.conf import settings  # noqa: E402
from django.core.handlers.exception import response_for_exception  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest, get_path_info  # noqa: E402
from django.db import close_old_connections  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from sampark.telephony.views import hook  # noqa: E402

# Same security headers and host checks as every other page; nothing that reads cookies or sessions.
HOOK_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# The route of sampark.telephony.urls ("hooks/" + "<str:provider>/<str:slug>/"; str matches [^/]+).
HOOK_PATH = re.compile(r"/hooks/([^/]+)/([^/]+)/\Z")


class HookHandler(WSGIHandler):
    """Django's handler with only HOOK_MIDDLEWARE: the /hooks/ paths HOOK_PATH does not match."""

    def load_middleware(self, is_async=False):
        full = settings.MIDDLEWARE
        settings.MIDDLEWARE = HOOK_MIDDLEWARE
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = full


class HookApplication:
    """Well-formed webhook paths, straight to the view.

    Django's handler would wrap each middleware and the view in its own exception converter, send
    request_started and request_finished to five receivers, and resolve the URL. Here the middleware's own
    process_request and process_response run in the same order, any exception becomes Django's error response
    (``response_for_exception``: 400 for a bad Host, logged 500 otherwise) and still gets the security headers,
    and the one receiver a webhook needs, the database connection upkeep, is called directly after the response
    is built. (The others: the DEBUG query log, cache connections and per-request URLconfs, none of which a
    webhook uses.)
    """

    def __init__(self):
        self.fallback = HookHandler()
        middleware = [import_string(path)(self.fallback.get_response) for path in HOOK_MIDDLEWARE]
        self.request_steps = [m.process_request for m in middleware if hasattr(m, "process_request")]
        self.response_steps = [m.process_response for m in reversed(middleware) if hasattr(m, "process_response")]
        # After each request, as the request_finished receiver would: close a connection that broke or outlived
        # CONN_MAX_AGE. An attribute so tests can keep their transaction's connection, as Django's test client does.
        self.upkeep = close_old_connections

    def __call__(self, environ, start_response):
        route = HOOK_PATH.match(get_path_info(environ))
        if route is None:
            return self.fallback(environ, start_response)
        request = WSGIRequest(environ)
        try:
            try:
                response = self.respond(request, route[1], route[2])
            except Exception as exc:
                response = response_for_exception(request, exc)
            headers = [
                *response.items(),
                *(("Set-Cookie", cookie.output(header="")) for cookie in response.cookies.values()),
            ]
            body = response.content
        finally:
            self.upkeep()
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return [body]

    def respond(self, request, provider, slug):
        response = None
        try:
            for step in self.request_steps:
                response = step(request)
                if response is not None:
                    break
            else:
                response = hook(request, provider, slug)
        except Exception as exc:
            response = response_for_exception(request, exc)
        for step in self.response_steps:
            response = step(request, response)
        return response


_pages = WSGIHandler()
_hooks = HookApplication()


def application(environ, start_response):
    handler = _hooks if environ.get("PATH_INFO", "").startswith("/hooks/") else _pages
    return handler(environ, start_response)


if os.environ.get("SAMPARK_ACCESS_LOG"):
    # Our own access log, not granian's: personal links redacted, control characters escaped (core/access_log.py)
    from sampark.core import access_log  # noqa: E402

    application = access_log.wrap(application)
