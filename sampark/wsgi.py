"""WSGI entry point. Provider webhooks get a lean handler: the missed-call path is the hot one, and a provider
never uses sessions, locale, CSRF, auth or messages, which together cost it a fifth of its time (bench/README.md).
"""

import os

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


class HookHandler(WSGIHandler):
    def load_middleware(self, is_async=False):
        full = settings.MIDDLEWARE
        settings.MIDDLEWARE = HOOK_MIDDLEWARE
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = full


_pages = WSGIHandler()
_hooks = HookHandler()


def application(environ, start_response):
    handler = _hooks if environ.get("PATH_INFO", "").startswith("/hooks/") else _pages
    return handler(environ, start_response)
