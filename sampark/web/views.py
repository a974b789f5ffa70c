from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation

from sampark.core.phones import dialable
from sampark.telephony.models import PublishedNumber

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


def healthz(request):
    """200 when the database answers; load balancers and the demo script poll it."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means "not healthy", never a 500 page
        return JsonResponse({"status": "error", "database": type(exc).__name__}, status=503)
    return JsonResponse({"status": "ok"})


def page_language(request) -> str:
    """?lang= if given, else Hindi: the public is Hindi-first whatever their phone's browser says."""
    asked = request.GET.get("lang", "")
    return asked if asked in LANGUAGES else settings.LANGUAGE_CODE


def home(request):
    numbers = PublishedNumber.objects.filter(active=True).order_by("id").values_list("number", flat=True)
    language = page_language(request)
    with translation.override(language):
        response = render(request, "web/home.html", {"numbers": [dialable(n) for n in dict.fromkeys(numbers)],
                                                     "lang_query": "" if language == "hi" else f"?lang={language}"})
    response["Content-Language"] = language
    return response


def csrf_failure(request, reason=""):
    """Django's default CSRF page is English-only developer text; this one says what to do, in both languages."""
    return render(request, "web/csrf_failure.html", {"languages": LANGUAGES}, status=403)


def error_page(status: int) -> HttpResponse:
    """The site's layout, in Hindi then English, with a way home. Rendered without the request or the database,
    so a page still comes out when they are what failed."""
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("web/error.html", {"status": status, "languages": LANGUAGES})
    response = HttpResponse(html, status=status)
    response["Content-Language"] = settings.LANGUAGE_CODE
    return response


def bad_request(request, exception=None):
    return error_page(400)


def permission_denied(request, exception=None):
    return error_page(403)


def page_not_found(request, exception=None):
    return error_page(404)


def server_error(request):
    return error_page(500)
