"""WSGI entry point. Provider webhooks get a lean handler: the missed-call path is the hot one, and a provider
never uses sessions, locale, CSRF, auth or messages, which together cost it a fifth of its time (bench/README.md).
A well-formed webhook path also skips Django's URL resolver (another ~10% of a webhook's CPU); anything else
under /hooks/ (no trailing slash, extra segments) is resolved as before, so 404s and redirects do not change.
"""

import os
import re

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")

import django  # noqa: E402

django.setup(set_prefix=False)

# Same security headers and URL normalisation as every other page; nothing that reads cookies or sessions.
HOOK_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]


# The route of sampark.telephony.urls ("hooks/" + "<str:provider>/<str:slug>/"; str matches [^/]+).
HOOK_PATH = re.compile(r"/hooks/([^/]+)/([^/]+)/\Z")


class HookHandler(WSGIHandler):
    def load_middleware(self, is_async=False):
        full = settings.MIDDLEWARE
        settings.MIDDLEWARE = HOOK_MIDDLEWARE
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = full

    def _get_response(self, request):
        """Inside the same middleware, signals and exception handling: the view straight from the path."""
        route = HOOK_PATH.match(request.path_info)
        if route is None:
            return super()._get_response(request)
        from sampark.telephony.views import hook

        return hook(request, route[1], route[2])


_pages = WSGIHandler()
_hooks = HookHandler()


def application(environ, start_response):
    handler = _hooks if environ.get("PATH_INFO", "").startswith("/hooks/") else _pages
    return handler(environ, start_response)
