"""What-if WSGI entry point for `WHATIF=1 bench/servers.sh`: the project's application with the two hot-path
changes of commit b879cbf undone one at a time, so their gain stays measurable. Not used by the project.

  BENCH_FULL_MIDDLEWARE=1  /hooks/... go through the full middleware stack (sessions, locale, CSRF, auth,
                           messages, ...) like every page, instead of sampark.wsgi's lean webhook handler.
  BENCH_HEALTH_CHECKS=1    CONN_HEALTH_CHECKS on: a `SELECT 1` round trip before each request's first query.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

from sampark import wsgi  # noqa: E402  (sets Django up and builds the project's handlers)

if os.environ.get("BENCH_HEALTH_CHECKS"):
    from django.db import connections

    settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    connections["default"].settings_dict["CONN_HEALTH_CHECKS"] = True

application = WSGIHandler() if os.environ.get("BENCH_FULL_MIDDLEWARE") else wsgi.application
