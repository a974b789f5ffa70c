"""Staff who must use a second factor (admin, dpo) reach no staff page until they have used one this session."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from sampark.accounts import two_factor
from sampark.accounts.models import TemporaryPassword

# Pages an unverified member of such a role may still open: setting up the app, signing out.
OPEN_PATHS = ("/staff/2fa/", "/staff/logout/")
GUARDED_PREFIXES = ("/staff/", "/admin/")


class RequireTwoFactor:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        user = getattr(request, "user", None)
        if (path.startswith(GUARDED_PREFIXES) and not path.startswith(OPEN_PATHS) and user is not None
                and user.is_authenticated and not user.is_verified() and two_factor.required(user)):
            return redirect(reverse("staff-2fa"))
        return self.get_response(request)


class RequireOwnPassword:
    """Someone given a one-time password replaces it before any other staff page opens."""

    OPEN = ("/staff/password/", "/staff/logout/", "/staff/2fa/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        user = getattr(request, "user", None)
        if (path.startswith(GUARDED_PREFIXES) and not path.startswith(self.OPEN) and user is not None
                and user.is_authenticated and TemporaryPassword.objects.filter(user=user).exists()):
            return redirect(reverse("staff-password"))
        return self.get_response(request)


class StaffLanguage:
    """Staff pages speak the language last chosen with ``?lang=`` (kept in Django's language cookie), Hindi until
    one is chosen — like the public pages, but remembered, since a volunteer works through many pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(GUARDED_PREFIXES):
            return self.get_response(request)
        languages = dict(settings.LANGUAGES)
        asked = request.GET.get("lang", "")
        language = asked if asked in languages else request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = language if language in languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if asked in languages:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, asked, max_age=365 * 24 * 3600, samesite="Lax",
                                secure=request.is_secure(), httponly=True)
        response.headers.setdefault("Content-Language", language)
        return response
