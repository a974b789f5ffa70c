"""Shared bricks of the /api/v1 HTTP API: the NinjaAPI subclass whose every error is JSON, and the error schema.

Every error the API returns has the same body, ``{"error": "<what is wrong>", "field": "<name>"}`` (``field``
only when one input is to blame), so clients and fuzzers can rely on it: validation errors, auth failures,
unknown paths, wrong methods and unexpected exceptions alike.
"""

import logging
from functools import wraps

from asgiref.sync import iscoroutinefunction
from django.core.signals import got_request_exception
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path, re_path
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

logger = logging.getLogger("django.request")

# Where a ninja validation error's location starts; the rest of the location is the field's name.
PARAM_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}
MAX_ECHO = 200  # longest piece of a client's own input (a path) echoed back in an error


class ErrorOut(Schema):
    """The body of every API error."""

    error: str
    field: str | None = None


class ApiError(HttpError):
    """An HttpError that names the input to blame: ``raise ApiError(400, "phone: not valid", field="phone")``."""

    def __init__(self, status_code: int, message: str, field: str | None = None) -> None:
        super().__init__(status_code, message)
        self.field = field


def field_of(location) -> str:
    """``("query", "phone")`` → ``phone``; ``("body", "payload", "name")`` → ``payload.name``."""
    parts = [str(part) for part in location]
    if parts and parts[0] in PARAM_SOURCES:
        parts = parts[1:]
    return ".".join(parts) or "body"


class SamparkAPI(NinjaAPI):
    """NinjaAPI whose errors are all ``ErrorOut`` JSON, including the ones ninja and Django answer by default."""

    def error(self, request: HttpRequest, status: int, message: str, field: str | None = None) -> HttpResponse:
        body = {"error": message}
        if field:
            body["field"] = field
        return self.create_response(request, body, status=status)

    def set_default_exception_handlers(self) -> None:
        super().set_default_exception_handlers()
        self.add_exception_handler(ValidationError, self._validation_error)
        self.add_exception_handler(AuthenticationError, self._authentication_error)
        self.add_exception_handler(HttpError, self._http_error)
        self.add_exception_handler(Http404, self._not_found)
        self.add_exception_handler(Exception, self._server_error)

    def _validation_error(self, request, exc: ValidationError) -> HttpResponse:
        # Only location and message go back: pydantic's "input" would echo what was sent, and a phone
        # number sent to the API must never appear in a response (or in whatever logs responses).
        errors = [
            {"field": field_of(item.get("loc", ())), "problem": str(item.get("msg", "invalid")).lower()}
            for item in exc.errors
        ] or [{"field": "body", "problem": "invalid"}]
        first = errors[0]
        body = {"error": f"{first['field']}: {first['problem']}", "field": first["field"]}
        if len(errors) > 1:
            body["errors"] = errors
        return self.create_response(request, body, status=400)

    def _authentication_error(self, request, exc: AuthenticationError) -> HttpResponse:
        response = self.error(request, exc.status_code, str(exc), "Authorization")
        response["WWW-Authenticate"] = 'Bearer realm="sampark"'
        return response

    def _http_error(self, request, exc: HttpError) -> HttpResponse:
        return self.error(request, exc.status_code, str(exc), getattr(exc, "field", None))

    def _not_found(self, request, exc: Exception) -> HttpResponse:
        return self.error(request, 404, "not found")

    def _server_error(self, request, exc: Exception) -> HttpResponse:
        # A 500 is always a bug: log it like Django would and tell its signal listeners (error trackers, and the
        # test client, which re-raises it), but answer JSON rather than Django's HTML page.
        logger.error("Internal Server Error: %s", request.path, exc_info=exc)
        got_request_exception.send(sender=None, request=request)
        return self.error(request, 500, "internal error; it has been logged")

    # --- URL patterns: JSON for the API root, unknown paths and wrong methods -----------------------------------

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        wrapped = []
        for pattern in patterns:
            if isinstance(pattern, URLPattern) and pattern.name == "api-root":
                # ninja's root view raises Http404 outside its own handlers, i.e. Django's HTML 404.
                wrapped.append(path("", csrf_exempt(self._root_view), name="api-root"))
                continue
            if isinstance(pattern, URLPattern) and not iscoroutinefunction(pattern.callback):
                pattern.callback = self._json_method_errors(pattern.callback)
            wrapped.append(pattern)
        # Last: anything under /api/v1/ that nothing above matched. csrf_exempt so a POST gets this 404 too,
        # not the CSRF middleware's HTML 403.
        wrapped.append(re_path(r"^", csrf_exempt(self._unknown_path_view), name="not-found"))
        return wrapped, app_name, namespace

    def _root_view(self, request: HttpRequest) -> HttpResponse:
        base = request.path.rstrip("/")
        body = {"name": self.title, "version": self.version, "openapi": f"{base}{self.openapi_url}"}
        return self.create_response(request, body, status=200)

    def _unknown_path_view(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return self.error(request, 404, f"no API endpoint at {request.path[:MAX_ECHO]}", "path")

    def _json_method_errors(self, view):
        """ninja answers a wrong method with a plain-text 405; this turns it into the API's JSON error."""

        @wraps(view)  # keeps csrf_exempt and the other attributes ninja set on the view
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            response = view(request, *args, **kwargs)
            if response.status_code == 405 and not response.get("Content-Type", "").startswith("application/json"):
                allowed = response.get("Allow", "")
                json_response = self.error(
                    request, 405, f"{request.method[:16]} is not allowed here; use {allowed}", "method"
                )
                json_response["Allow"] = allowed
                return json_response
            return response

        return wrapper
